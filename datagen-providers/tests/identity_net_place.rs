//! person identity, network and coherent-address providers, checked by independent rules over
//! thousands of draws per locale.

mod common;

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use common::{DRAWS, each_value};
use datagen_core::{Ctx, Locale};
use datagen_providers::{address, internet, person};

#[test]
fn prefixes_are_the_locales_words() {
    let expected: HashMap<Locale, &[&str]> = HashMap::from([
        (Locale::EnUs, &["Mr.", "Mrs.", "Ms.", "Miss", "Dr."][..]),
        (Locale::EnGb, &["Mr", "Mrs", "Ms", "Miss", "Dr"][..]),
        (Locale::DeDe, &["Herr", "Frau", "Dr."][..]),
        (Locale::FrFr, &["M.", "Mme", "Dr"][..]),
        (Locale::EsEs, &["Sr.", "Sra.", "Dr.", "Dra."][..]),
        (Locale::PtBr, &["Sr.", "Sra.", "Dr.", "Dra."][..]),
        (Locale::ItIt, &["Sig.", "Sig.ra", "Dott.", "Dott.ssa"][..]),
        (Locale::NlNl, &["Dhr.", "Mevr.", "Dr."][..]),
        (Locale::JaJp, &["様"][..]),
        (Locale::ZhCn, &["先生", "女士"][..]),
    ]);
    let mut seen: HashMap<Locale, HashSet<String>> = HashMap::new();
    each_value(person::prefix, false, |locale, v| {
        assert!(expected[&locale].contains(&v), "{locale}: {v}");
        seen.entry(locale).or_default().insert(v.to_owned());
    });
    for (locale, words) in &expected {
        assert_eq!(
            seen[locale].len(),
            words.len(),
            "{locale}: {:?}",
            seen[locale]
        );
    }
}

#[test]
fn genders_are_balanced() {
    let mut female = 0usize;
    let mut total = 0usize;
    each_value(person::gender, false, |_, v| {
        assert!(v == "female" || v == "male", "{v}");
        female += usize::from(v == "female");
        total += 1;
    });
    let share = female as f64 / total as f64;
    assert!((0.49..0.52).contains(&share), "{share}");
}

/// The age in whole years on `today` of someone born on `born`.
fn age(born: NaiveDate, today: NaiveDate) -> i32 {
    let had_birthday = (today.month(), today.day()) >= (born.month(), born.day());
    today.year() - born.year() - i32::from(!had_birthday)
}

#[test]
fn birth_dates_are_adults_relative_to_now() {
    for now in [
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2024, 2, 29, 12, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2040, 7, 15, 0, 0, 0).unwrap(),
    ] {
        let today = now.date_naive();
        let mut ages = HashSet::new();
        for locale in Locale::ALL {
            let mut ctx = Ctx::seeded(9).with_locale(locale).with_now(now);
            for _ in 0..DRAWS {
                let text = person::birth_date(&mut ctx);
                let born = NaiveDate::parse_from_str(&text, "%Y-%m-%d").expect(&text);
                assert_eq!(born.format("%Y-%m-%d").to_string(), text);
                let a = age(born, today);
                assert!((18..=90).contains(&a), "{text}: age {a} on {today}");
                ages.insert(a);
            }
        }
        assert_eq!(ages.len(), 73, "every age from 18 to 90 on {today}");
    }
}

#[test]
fn usernames_are_internet_usernames() {
    for seed in [1, 2, 3] {
        let mut a = Ctx::seeded(seed).with_locale(Locale::DeDe);
        let mut b = Ctx::seeded(seed).with_locale(Locale::DeDe);
        for _ in 0..500 {
            assert_eq!(person::username(&mut a), internet::username(&mut b));
        }
    }
}

/// The SSA's structural rules (since 2011): area 001-899 but not 666, group 01-99, serial
/// 0001-9999.
fn ssn_structurally_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 11 || b[3] != b'-' || b[6] != b'-' {
        return false;
    }
    let (area, group, serial) = (&s[..3], &s[4..6], &s[7..]);
    if ![area, group, serial]
        .iter()
        .all(|p| p.bytes().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let area: u32 = area.parse().unwrap();
    area != 0 && area != 666 && area < 900 && group != "00" && serial != "0000"
}

#[test]
fn ssns_are_structurally_valid_and_safe_ones_reserved() {
    let mut areas = HashSet::new();
    each_value(person::ssn, false, |_, v| {
        assert!(ssn_structurally_valid(v), "{v}");
        areas.insert(v[..3].to_owned());
    });
    assert!(areas.len() > 850, "{}", areas.len());
    each_value(person::ssn, true, |_, v| {
        assert!(v.starts_with("987-65-432") && v.len() == 11, "{v}");
        assert!(!ssn_structurally_valid(v));
    });
}

/// Public unicast by std's classification plus the RFC special-purpose blocks.
fn ipv4_public(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_unspecified()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19))
        || (a == 192 && b == 88 && c == 99))
}

#[test]
fn ipv4_public_and_documentation() {
    let mut first_octets = HashSet::new();
    each_value(internet::ipv4, false, |_, v| {
        let ip: Ipv4Addr = v.parse().expect(v);
        assert_eq!(ip.to_string(), v);
        assert!(ipv4_public(ip), "{v}");
        first_octets.insert(ip.octets()[0]);
    });
    assert!(first_octets.len() > 200);
    each_value(internet::ipv4, true, |_, v| {
        let ip: Ipv4Addr = v.parse().expect(v);
        assert!(ip.is_documentation(), "{v}");
    });
}

#[test]
fn ipv6_global_and_documentation() {
    let doc = |ip: Ipv6Addr| ip.segments()[0] == 0x2001 && ip.segments()[1] == 0x0db8;
    each_value(internet::ipv6, false, |_, v| {
        let ip: Ipv6Addr = v.parse().expect(v);
        assert_eq!(ip.to_string(), v, "RFC 5952 form");
        assert!(
            !(ip.is_loopback()
                || ip.is_unspecified()
                || ip.is_multicast()
                || ip.is_unique_local()
                || ip.is_unicast_link_local()
                || doc(ip)),
            "{v}"
        );
        // Global unicast (2000::/3), not 6to4 (2002::/16) nor 2001::/23.
        let first = ip.segments()[0];
        assert!(
            (0x2000..0x4000).contains(&first) && first != 0x2002 && first != 0x2001,
            "{v}"
        );
        assert!(matches!(IpAddr::V6(ip), IpAddr::V6(_)));
    });
    each_value(internet::ipv6, true, |_, v| {
        let ip: Ipv6Addr = v.parse().expect(v);
        assert!(doc(ip), "{v}");
    });
}

#[test]
fn macs_are_unicast_and_safe_ones_local() {
    for safe in [false, true] {
        each_value(internet::mac, safe, |_, v| {
            let bytes: Vec<u8> = v
                .split(':')
                .map(|p| {
                    assert_eq!(p.len(), 2, "{v}");
                    assert_eq!(p, p.to_ascii_lowercase());
                    u8::from_str_radix(p, 16).expect(v)
                })
                .collect();
            assert_eq!(bytes.len(), 6, "{v}");
            assert_eq!(bytes[0] & 1, 0, "multicast {v}");
            assert_eq!(bytes[0] & 2 != 0, safe, "local bit {v}");
        });
    }
}

#[test]
fn urls_parse_and_safe_ones_are_reserved() {
    for safe in [false, true] {
        each_value(internet::url, safe, |_, v| {
            let rest = v
                .strip_prefix("https://")
                .or_else(|| v.strip_prefix("http://"))
                .expect(v);
            let (host, path) = rest.split_once('/').expect(v);
            assert!(
                path.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'/' || b == b'-'),
                "{v}"
            );
            assert!(host.len() <= 253, "{v}");
            for label in host.split('.') {
                assert!(!label.is_empty() && label.len() <= 63, "{v}");
                assert!(!label.starts_with('-') && !label.ends_with('-'), "{v}");
                assert!(
                    label
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{v}"
                );
            }
            if safe {
                assert!(
                    ["example.com", "example.net", "example.org"]
                        .iter()
                        .any(|d| host.ends_with(&format!(".{d}"))),
                    "{v}"
                );
            }
        });
    }
}

#[test]
fn user_agents_mix_browsers_with_plausible_versions() {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut total = 0;
    each_value(internet::user_agent, false, |_, v| {
        assert!(v.starts_with("Mozilla/5.0 ("), "{v}");
        let browser = if v.contains(" Edg/") {
            "edge"
        } else if v.contains("Firefox/") {
            "firefox"
        } else if v.contains("Chrome/") || v.contains("CriOS/") {
            "chrome"
        } else if v.contains("Version/") && v.contains("Safari/") {
            "safari"
        } else {
            panic!("unknown browser: {v}")
        };
        // On 2025-01-01 (the default now) Chrome 131 and Firefox 133 were current.
        for (marker, low, high) in [
            ("Chrome/", 125, 131),
            ("Firefox/", 127, 133),
            ("Version/", 17, 18),
        ] {
            if let Some(at) = v.find(marker) {
                let major: u32 = v[at + marker.len()..]
                    .split('.')
                    .next()
                    .and_then(|m| m.parse().ok())
                    .expect(v);
                assert!((low..=high).contains(&major), "{v}");
            }
        }
        *counts.entry(browser).or_default() += 1;
        total += 1;
    });
    let share = |b| counts[b] as f64 / total as f64;
    assert!((0.55..0.72).contains(&share("chrome")), "{counts:?}");
    assert!((0.15..0.28).contains(&share("safari")), "{counts:?}");
    assert!((0.03..0.12).contains(&share("edge")), "{counts:?}");
    assert!((0.02..0.10).contains(&share("firefox")), "{counts:?}");
}

/// ZIP prefix -> (state, the full ZIP codes in use), read from the data file on its own.
fn zip_table() -> HashMap<String, (String, HashSet<u32>)> {
    let text = include_str!("../data/en_US/zip.tsv");
    let mut table = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let prefix: u32 = cols[0].parse().unwrap();
        let mut zips = HashSet::new();
        for part in cols[2].split(',') {
            let (lo, hi) = part.split_once('-').unwrap_or((part, part));
            for s in lo.parse::<u32>().unwrap()..=hi.parse::<u32>().unwrap() {
                zips.insert(prefix * 100 + s);
            }
        }
        table.insert(cols[0].to_owned(), (cols[1].to_owned(), zips));
    }
    table
}

/// Country -> (min lat, max lat, min lon, max lon), from the GeoNames extents file.
fn extents() -> HashMap<String, [f64; 4]> {
    include_str!("../data/geo/country_extent.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let n = |i: usize| cols[i].parse::<f64>().unwrap();
            (cols[0].to_owned(), [n(1), n(2), n(3), n(4)])
        })
        .collect()
}

/// The départements of each French région since 2016 (INSEE), written out here on their own.
const FR_DEPARTMENTS: [(&str, &str); 13] = [
    ("Île-de-France", "75 77 78 91 92 93 94 95"),
    ("Centre-Val de Loire", "18 28 36 37 41 45"),
    ("Bourgogne-Franche-Comté", "21 25 39 58 70 71 89 90"),
    ("Normandie", "14 27 50 61 76"),
    ("Hauts-de-France", "02 59 60 62 80"),
    ("Grand Est", "08 10 51 52 54 55 57 67 68 88"),
    ("Pays de la Loire", "44 49 53 72 85"),
    ("Bretagne", "22 29 35 56"),
    ("Nouvelle-Aquitaine", "16 17 19 23 24 33 40 47 64 79 86 87"),
    ("Occitanie", "09 11 12 30 31 32 34 46 48 65 66 81 82"),
    (
        "Auvergne-Rhône-Alpes",
        "01 03 07 15 26 38 42 43 63 69 73 74",
    ),
    ("Provence-Alpes-Côte d'Azur", "04 05 06 13 83 84"),
    ("Corse", "20"),
];

#[test]
fn places_are_coherent() {
    let zips = zip_table();
    let extents = extents();
    let us_cities: HashSet<(String, String)> = include_str!("../data/en_US/city.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_owned(), c[1].to_owned())
        })
        .collect();
    let regions: HashMap<Locale, HashSet<&str>> = [
        (Locale::EnGb, include_str!("../data/en_GB/state.tsv")),
        (Locale::DeDe, include_str!("../data/de_DE/state.tsv")),
        (Locale::FrFr, include_str!("../data/fr_FR/state.tsv")),
        (Locale::EsEs, include_str!("../data/es_ES/state.tsv")),
        (Locale::ItIt, include_str!("../data/it_IT/state.tsv")),
        (Locale::PtBr, include_str!("../data/pt_BR/state.tsv")),
        (Locale::JaJp, include_str!("../data/ja_JP/state.tsv")),
        (Locale::ZhCn, include_str!("../data/zh_CN/state.tsv")),
        (Locale::NlNl, include_str!("../data/nl_NL/state.tsv")),
    ]
    .into_iter()
    .map(|(locale, text)| {
        let names = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        (locale, names)
    })
    .collect();
    let mut states = HashSet::new();
    for locale in Locale::ALL {
        let [lat_lo, lat_hi, lon_lo, lon_hi] = extents[locale.country_code()];
        for seed in [0, 1, 42] {
            let mut ctx = Ctx::seeded(seed).with_locale(locale);
            for _ in 0..DRAWS {
                let p = address::place(&mut ctx);
                assert_eq!(p.country_code, locale.country_code());
                assert!(
                    (lat_lo..=lat_hi).contains(&p.latitude)
                        && (lon_lo..=lon_hi).contains(&p.longitude),
                    "{locale}: {p:?} outside the country"
                );
                assert!(!p.city.is_empty() && !p.street.is_empty() && !p.country.is_empty());
                if locale == Locale::EnUs {
                    let state = p.state.expect("US places have a state");
                    let zip: u32 = p.postcode.parse().expect(&p.postcode);
                    assert_eq!(p.postcode.len(), 5);
                    let (zip_state, in_use) = &zips[&p.postcode[..3]];
                    assert_eq!(zip_state, state, "{p:?}: ZIP of another state");
                    assert!(in_use.contains(&zip), "{p:?}: ZIP not in use");
                    assert!(
                        us_cities.contains(&(p.city.to_owned(), state.to_owned())),
                        "{p:?}"
                    );
                    assert_eq!(p.country, "United States");
                    states.insert(state);
                } else {
                    let region = p.state.expect("every locale's places have a region");
                    assert!(regions[&locale].contains(region), "{p:?}");
                    if locale == Locale::FrFr {
                        let department = &p.postcode[..2];
                        assert!(
                            FR_DEPARTMENTS
                                .iter()
                                .any(|(r, ds)| *r == region
                                    && ds.split(' ').any(|d| d == department)),
                            "{p:?}: postcode of another région"
                        );
                    }
                    states.insert(region);
                }
            }
        }
    }
    // Nearly every US state, Land, région, province and prefecture comes up.
    assert!(
        states.len() >= 45 + 4 + 16 + 13 + 17 + 20 + 25 + 45 + 30 + 12,
        "{}",
        states.len()
    );
}

#[test]
fn address_lines_hold_their_place() {
    for locale in Locale::ALL {
        let mut a = Ctx::seeded(3).with_locale(locale);
        let mut b = Ctx::seeded(3).with_locale(locale);
        for _ in 0..2000 {
            let line = address::address(&mut a);
            let p = address::place(&mut b);
            for part in [p.street.as_str(), p.city, &p.postcode, p.country] {
                assert!(line.contains(part), "{locale}: {line} lacks {part}");
            }
            // US addresses carry the state before the ZIP; Japanese and Chinese ones the
            // prefecture or province before the city (unless the city is one).
            let state = p.state.expect("every place has a region");
            match locale {
                Locale::EnUs => assert!(
                    line.contains(&format!(", {state} {}, ", p.postcode)),
                    "{line}"
                ),
                Locale::JaJp | Locale::ZhCn
                    if !state.starts_with(p.city) && !p.city.starts_with(state) =>
                {
                    assert!(line.contains(&format!("{state}{}", p.city)), "{line}");
                }
                _ => {}
            }
        }
    }
}
