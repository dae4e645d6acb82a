//! Every provider's values checked against rules written from the standards, over many draws.

use datagen_core::Ctx;
use datagen_providers::{address, internet, person, phone};

/// Seeds every check draws from.
const SEEDS: [u64; 4] = [0, 1, 42, 0xdead_beef];
/// Draws per seed.
const DRAWS: usize = 10_000;

/// Calls `check` on `DRAWS` values of `provider` for every seed, in normal and in safe mode.
fn each_value<R: AsRef<str>>(provider: fn(&mut Ctx) -> R, safe: bool, mut check: impl FnMut(&str)) {
    for seed in SEEDS {
        let mut ctx = Ctx::seeded(seed).with_safe(safe);
        for _ in 0..DRAWS {
            let value = provider(&mut ctx);
            let value = value.as_ref();
            assert!(!value.is_empty(), "empty value (seed {seed})");
            assert_eq!(value.trim(), value, "stray whitespace in {value:?}");
            check(value);
        }
    }
}

/// The 50 states and the District of Columbia, written out from the USPS list.
const STATES: [&str; 51] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "District of Columbia",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

#[test]
fn names_are_capitalised_words() {
    for provider in [person::first_name, person::last_name] {
        each_value(provider, false, |v| {
            assert!(v.chars().next().is_some_and(char::is_uppercase), "{v}");
            assert!(v.chars().all(char::is_alphabetic), "{v}");
        });
    }
    each_value(person::name, false, |v| {
        let (first, last) = v
            .split_once(' ')
            .unwrap_or_else(|| panic!("no space in {v:?}"));
        assert!(
            !first.is_empty() && !last.is_empty() && !last.contains(' '),
            "{v}"
        );
    });
}

/// Splits `(AAA) EEE-SSSS` into its three numbers, checking the layout.
fn nanp_parts(v: &str) -> (u32, u32, u32) {
    let b = v.as_bytes();
    let layout_ok = b.len() == 14
        && b[0] == b'('
        && b[4] == b')'
        && b[5] == b' '
        && b[9] == b'-'
        && [1, 2, 3, 6, 7, 8, 10, 11, 12, 13]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    assert!(layout_ok, "not (AAA) EEE-SSSS: {v:?}");
    let num = |s: &str| s.parse::<u32>().expect("checked digits");
    (num(&v[1..4]), num(&v[6..9]), num(&v[10..14]))
}

#[test]
fn phone_numbers_follow_the_nanp_plan() {
    each_value(phone::number, false, |v| {
        let (area, exchange, _) = nanp_parts(v);
        // NPA and NXX: first digit 2-9; never an N11 service code.
        assert!(
            (200..1000).contains(&area) && area % 100 != 11,
            "area code of {v}"
        );
        assert!(
            (200..1000).contains(&exchange) && exchange % 100 != 11,
            "exchange of {v}"
        );
        // 555 is directory assistance and fiction; 950, 958, 959 and 976 are special-use.
        assert!(
            ![555, 950, 958, 959, 976].contains(&exchange),
            "special exchange in {v}"
        );
        // Toll-free and premium codes are not geographic.
        assert!(
            ![800, 833, 844, 855, 866, 877, 888, 900].contains(&area),
            "non-geographic {v}"
        );
    });
    each_value(phone::number, true, |v| {
        let (_, exchange, subscriber) = nanp_parts(v);
        assert!(
            exchange == 555 && (100..=199).contains(&subscriber),
            "not fictional: {v}"
        );
    });
}

/// Area codes opened after the libphonenumber metadata of the `phonenumber` crate (9.0.33):
/// libphonenumber 9.0.43, which the data was checked against, accepts them.
const NEWER_THAN_THE_CRATE: [&str; 3] = ["(274)", "(472)", "(983)"];

#[test]
fn phone_numbers_pass_libphonenumber() {
    use phonenumber::country::Id;
    for safe in [false, true] {
        let mut ctx = Ctx::seeded(11).with_safe(safe);
        for _ in 0..DRAWS {
            let v = phone::number(&mut ctx);
            if NEWER_THAN_THE_CRATE.iter().any(|a| v.starts_with(a)) {
                continue;
            }
            let parsed =
                phonenumber::parse(Some(Id::US), &v).unwrap_or_else(|e| panic!("{v}: {e:?}"));
            assert!(phonenumber::is_valid(&parsed), "libphonenumber rejects {v}");
            assert_eq!(
                parsed.country().id(),
                Some(Id::US),
                "{v} is not a US number"
            );
        }
    }
}

#[test]
fn zip_codes_are_five_digits() {
    each_value(address::postcode, false, |v| {
        assert!(
            v.len() == 5 && v.bytes().all(|b| b.is_ascii_digit()),
            "{v:?}"
        );
        // 000 and the 3-digit prefixes of the territories (006-009 Puerto Rico and the Virgin
        // Islands, 969 Guam and the Pacific) are not in the 50 states.
        let prefix: u32 = v[..3].parse().expect("digits");
        assert!(!matches!(prefix, 0..=5 | 6..=9 | 969), "{v}");
    });
}

#[test]
fn states_are_the_fifty_and_dc() {
    let mut seen = std::collections::HashSet::new();
    each_value(address::state, false, |v| {
        assert!(STATES.contains(&v), "{v:?} is not a state");
        seen.insert(v.to_string());
    });
    assert_eq!(seen.len(), 51, "some states never drawn");
}

#[test]
fn streets_are_number_name_suffix() {
    each_value(address::street, false, |v| {
        let (number, rest) = v.split_once(' ').unwrap_or_else(|| panic!("{v:?}"));
        assert!((1..=5).contains(&number.len()), "{v}");
        assert!(
            number.bytes().all(|b| b.is_ascii_digit()) && !number.starts_with('0'),
            "{v}"
        );
        let (name, suffix) = rest.rsplit_once(' ').unwrap_or_else(|| panic!("{v:?}"));
        assert!(!name.is_empty(), "{v}");
        assert!(suffix.chars().next().is_some_and(char::is_uppercase), "{v}");
    });
}

#[test]
fn cities_and_countries() {
    each_value(address::city, false, |v| {
        // Capitalised, or starting with a letter that has no case (the okina of ʻEwa Beach).
        assert!(
            v.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase()),
            "{v}"
        );
    });
    each_value(address::country, false, |v| {
        assert!(v.chars().next().is_some_and(char::is_uppercase), "{v}");
    });
    each_value(address::country_code, false, |v| {
        assert!(
            v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase()),
            "{v:?}"
        );
    });
}

/// RFC 5322 `atext`: the characters a dot-atom may hold besides dots.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// A dot-atom: atext runs joined by single dots, none empty.
fn is_dot_atom(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|run| !run.is_empty() && run.chars().all(is_atext))
}

/// A host name under RFC 1035: labels of letters, digits and inner hyphens, a letter TLD.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    s.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

#[test]
fn emails_are_local_at_domain() {
    for safe in [false, true] {
        each_value(internet::email, safe, |v| {
            let (local, domain) = v
                .rsplit_once('@')
                .unwrap_or_else(|| panic!("no @ in {v:?}"));
            assert!(
                local.len() <= 64 && is_dot_atom(local),
                "bad local part in {v:?}"
            );
            assert!(is_domain(domain), "bad domain in {v:?}");
            if safe {
                assert!(
                    ["example.com", "example.net", "example.org"].contains(&domain),
                    "{v}"
                );
            }
        });
    }
}

#[test]
fn usernames_and_domains() {
    each_value(internet::username, false, |v| {
        assert!(is_dot_atom(v), "{v:?}");
        assert!(
            v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._".contains(&b)),
            "{v:?}"
        );
    });
    for safe in [false, true] {
        each_value(internet::domain, safe, |v| {
            assert!(is_domain(v), "{v:?}");
            if safe {
                assert!(
                    [".example.com", ".example.net", ".example.org"]
                        .iter()
                        .any(|d| v.ends_with(d)),
                    "{v}"
                );
            }
        });
    }
}
