//! Finance values checked with validators written here from the standards (ISO 13616, ISO 9362,
//! ISO/IEC 7812, ISO 4217, ISO 18245, the ABA checksum), and with the `iban_validate` crate.

mod common;

use std::collections::HashSet;

use common::{all_digits, assert_deterministic, each_value, luhn_valid};
use datagen_core::{Ctx, Locale};
use datagen_providers::finance;

/// IBAN lengths from the SWIFT IBAN registry.
fn iban_length(cc: &str) -> usize {
    match cc {
        "NL" => 18,
        "DE" | "GB" => 22,
        "ES" => 24,
        "FR" | "IT" => 27,
        "BR" => 29,
        other => panic!("unexpected IBAN country {other}"),
    }
}

/// ISO 13616: move the first four characters to the end, read letters as 10..35, and the number
/// is 1 modulo 97.
fn iban_check_ok(iban: &str) -> bool {
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    let mut digits = String::new();
    for c in rearranged.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'A'..='Z' => digits.push_str(&(c as u32 - 'A' as u32 + 10).to_string()),
            _ => return false,
        }
    }
    // Nine digits at a time, as the standard's worked method does.
    let mut rem = 0u64;
    for chunk in digits.as_bytes().chunks(7) {
        let part: u64 = std::str::from_utf8(chunk).unwrap().parse().unwrap();
        rem = (rem * 10u64.pow(chunk.len() as u32) + part) % 97;
    }
    rem == 1
}

/// Spain: the two control digits of the BBAN (Banco de España's weights 1,2,4,8,5,10,9,7,3,6).
fn spain_ok(bban: &str) -> bool {
    let digit = |s: &str| {
        let w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        let sum: u32 = s
            .chars()
            .zip(w)
            .map(|(c, w)| c.to_digit(10).unwrap() * w)
            .sum();
        let d = 11 - sum % 11;
        if d == 11 {
            0
        } else if d == 10 {
            1
        } else {
            d
        }
    };
    let first = digit(&format!("00{}", &bban[..8]));
    let second = digit(&bban[10..]);
    bban[8..10] == format!("{first}{second}")
}

/// Italy: the CIN letter over ABI, CAB and account.
fn italy_ok(bban: &str) -> bool {
    // Odd positions (1st, 3rd, ...): digits and letters through this table; even ones by value.
    let odd = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let mut sum = 0;
    for (i, c) in bban[1..].chars().enumerate() {
        let v = c.to_digit(10).unwrap_or_else(|| c as u32 - 'A' as u32) as usize;
        sum += if i % 2 == 0 { odd[v] } else { v };
    }
    bban.as_bytes()[0] == b'A' + (sum % 26) as u8
}

/// France: bank, branch, account and RIB key together are 0 modulo 97.
fn france_ok(bban: &str) -> bool {
    // 97 | 10^13·bank·... is awkward; use the key form: (89 b + 15 g + 3 c + k) mod 97 == 0.
    let n = |s: &str| s.parse::<u64>().unwrap();
    (89 * n(&bban[..5]) + 15 * n(&bban[5..10]) + 3 * n(&bban[10..21]) + n(&bban[21..])) % 97 == 0
}

/// The Netherlands: the eleven test over the 10-digit account.
fn netherlands_ok(account: &str) -> bool {
    let sum: u32 = account
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * (10 - i as u32))
        .sum();
    sum.is_multiple_of(11)
}

#[test]
fn the_validators_accept_published_examples_and_reject_typos() {
    for iban in [
        "ES9121000418450200051332",
        "IT60X0542811101000000123456",
        "FR7630006000011234567890189",
        "NL91ABNA0417164300",
        "DE89370400440532013000",
        "GB29NWBK60161331926819",
    ] {
        assert!(iban_check_ok(iban), "{iban}");
    }
    assert!(!iban_check_ok("DE89370400440532013001"));
    assert!(spain_ok("21000418450200051332") && !spain_ok("21000418460200051332"));
    assert!(italy_ok("X0542811101000000123456") && !italy_ok("Y0542811101000000123456"));
    assert!(france_ok("30006000011234567890189") && !france_ok("30006000011234567890188"));
    assert!(netherlands_ok("0417164300") && !netherlands_ok("0417164301"));
    assert!(luhn_valid("79927398713") && !luhn_valid("79927398710"));
}

#[test]
fn ibans_pass_iso_13616_and_the_national_checks() {
    for safe in [false, true] {
        each_value(finance::iban, safe, |locale, iban| {
            let cc = match locale {
                Locale::EnUs | Locale::JaJp | Locale::ZhCn => "DE",
                other => other.country_code(),
            };
            assert!(iban.starts_with(cc), "{locale}: {iban}");
            assert_eq!(iban.len(), iban_length(cc), "{iban}");
            assert!(iban_check_ok(iban), "bad check digits: {iban}");
            let parsed: iban::Iban = iban.parse().unwrap_or_else(|e| panic!("{iban}: {e:?}"));
            let bban = parsed.bban();
            match cc {
                "ES" => assert!(spain_ok(bban), "{iban}"),
                "IT" => assert!(italy_ok(bban), "{iban}"),
                "FR" => assert!(france_ok(bban), "{iban}"),
                "NL" => assert!(netherlands_ok(&bban[4..]), "{iban}"),
                "BR" => assert!(bban.ends_with("C1"), "{iban}"),
                _ => {}
            }
        });
    }
}

/// Whether `bban` matches a BBAN format in the SWIFT registry's notation, such as `5!n5!n11!c2!n`:
/// fixed-length runs of digits (`n`), capital letters (`a`) or either (`c`).
fn matches_format(bban: &str, format: &str) -> bool {
    let mut rest = bban.as_bytes();
    for part in format.split_inclusive(|c: char| c.is_ascii_lowercase()) {
        let (count, kind) = part.split_at(part.len() - 1);
        let count: usize = count.trim_end_matches('!').parse().unwrap();
        if rest.len() < count {
            return false;
        }
        let (run, tail) = rest.split_at(count);
        let ok = run.iter().all(|b| match kind {
            "n" => b.is_ascii_digit(),
            "a" => b.is_ascii_uppercase(),
            _ => b.is_ascii_digit() || b.is_ascii_uppercase(),
        });
        if !ok {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

#[test]
fn ibans_match_the_registry_formats_in_the_data() {
    let formats = include_str!("../data/finance/iban_format.tsv");
    for line in formats.lines().filter(|l| !l.starts_with('#')) {
        let [cc, format, length] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("bad line {line}");
        };
        assert_eq!(length.parse::<usize>().unwrap(), iban_length(cc), "{cc}");
        let locale = Locale::ALL
            .into_iter()
            .find(|l| l.country_code() == cc)
            .unwrap();
        let mut ctx = Ctx::seeded(17).with_locale(locale);
        for _ in 0..2_000 {
            let iban = finance::iban(&mut ctx);
            assert!(
                matches_format(&iban[4..], format),
                "{iban} against {format}"
            );
        }
    }
}

#[test]
fn bics_have_the_iso_9362_shape_and_the_locales_country() {
    each_value(finance::bic, false, |locale, bic| {
        assert!(bic.len() == 8 || bic.len() == 11, "{bic}");
        assert!(bic[..4].bytes().all(|b| b.is_ascii_uppercase()), "{bic}");
        assert_eq!(&bic[4..6], locale.country_code(), "{bic}");
        assert!(
            bic[6..]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
            "{bic}"
        );
    });
}

#[test]
fn card_numbers_are_luhn_valid_with_real_issuer_prefixes() {
    let mut brands = HashSet::new();
    each_value(finance::credit_card, false, |_, card| {
        assert!(luhn_valid(card), "not Luhn-valid: {card}");
        let p2: u32 = card[..2].parse().unwrap();
        let p4: u32 = card[..4].parse().unwrap();
        let brand = match (card.len(), p2, p4) {
            (16, _, _) if card.starts_with('4') => "visa",
            (16, 51..=55, _) | (16, _, 2221..=2720) => "mastercard",
            (15, 34 | 37, _) => "amex",
            (16, 65, _) | (16, _, 6011) => "discover",
            (16, _, 3528..=3589) => "jcb",
            _ => panic!("no issuer has {card}"),
        };
        brands.insert(brand);
    });
    assert_eq!(brands.len(), 5, "{brands:?}");
    // Safe mode: the processors' published test numbers only.
    let published = [
        "4111111111111111",
        "4242424242424242",
        "4012888888881881",
        "5555555555554444",
        "5105105105105100",
        "2223003122003222",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3530111333300000",
        "3566002020360505",
    ];
    each_value(finance::credit_card, true, |_, card| {
        assert!(published.contains(&card), "{card} is not a test number");
        assert!(luhn_valid(card), "{card}");
    });
}

#[test]
fn currency_codes_are_current_iso_4217() {
    // Withdrawn codes that lists still print: Croatia's kuna (2023), the old leone (2024),
    // Zimbabwe's dollar (2024), the Antillean guilder (2025), the convertible peso (2021), ...
    let withdrawn = [
        "HRK", "SLL", "ZWL", "ANG", "CUC", "MRO", "STD", "VEF", "LTL", "LVL", "EEK", "ZMK", "BYR",
        "DEM", "FRF", "ITL", "ESP", "NLG", "XTS", "XXX", "XAU",
    ];
    let mut seen = HashSet::new();
    each_value(finance::currency_code, false, |_, code| {
        assert!(
            code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
            "{code}"
        );
        assert!(
            !withdrawn.contains(&code),
            "withdrawn or non-money code {code}"
        );
        assert!(finance::currency_name(code).is_some(), "{code}");
        seen.insert(code.to_string());
    });
    for code in [
        "EUR", "USD", "JPY", "GBP", "CNY", "BRL", "SLE", "ZWG", "XCG",
    ] {
        assert!(seen.contains(code), "{code} never drawn");
    }
}

#[test]
fn amounts_have_two_decimals_in_range() {
    each_value(finance::amount, false, |_, amount| {
        let (whole, cents) = amount.split_once('.').expect("a decimal point");
        assert!(
            all_digits(whole) && all_digits(cents) && cents.len() == 2,
            "{amount}"
        );
        let value: f64 = amount.parse().unwrap();
        assert!((1.0..=10_000.0).contains(&value), "{amount}");
    });
}

#[test]
fn account_numbers_have_the_national_length() {
    each_value(finance::account_number, false, |locale, account| {
        assert!(
            all_digits(account) && !account.starts_with('0'),
            "{account}"
        );
        let ok = match locale {
            Locale::DeDe | Locale::EsEs | Locale::PtBr => account.len() == 10,
            Locale::NlNl => account.len() == 10 && netherlands_ok(account),
            Locale::EnGb => account.len() == 8,
            Locale::FrFr => account.len() == 11,
            Locale::ItIt => account.len() == 12,
            Locale::JaJp => account.len() == 7,
            Locale::ZhCn => account.len() == 19,
            _ => (8..=12).contains(&account.len()),
        };
        assert!(ok, "{locale}: {account}");
    });
}

#[test]
fn routing_numbers_pass_the_aba_checksum() {
    each_value(finance::routing_number, false, |_, rtn| {
        assert!(rtn.len() == 9 && all_digits(rtn), "{rtn}");
        let d: Vec<u32> = rtn.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
        assert_eq!(sum % 10, 0, "{rtn}");
        let symbol: u32 = rtn[..2].parse().unwrap();
        assert!(matches!(symbol, 1..=12 | 21..=32), "{rtn}");
    });
}

#[test]
fn word_lists_are_real() {
    let kinds = [
        "purchase",
        "refund",
        "transfer",
        "withdrawal",
        "deposit",
        "payment",
        "fee",
        "chargeback",
    ];
    each_value(finance::transaction, false, |_, kind| {
        assert!(kinds.contains(&kind), "{kind}")
    });
    each_value(finance::merchant_category, false, |_, mcc| {
        assert!(mcc.len() == 4 && all_digits(mcc), "{mcc}");
        assert!(
            finance::merchant_category_description(mcc).is_some(),
            "{mcc}"
        );
    });
    assert_eq!(
        finance::merchant_category_description("5812"),
        Some("Eating places and restaurants")
    );
    each_value(finance::stock_ticker, false, |_, ticker| {
        assert!(
            ticker.len() <= 5 && ticker.bytes().all(|b| b.is_ascii_uppercase() || b == b'.'),
            "{ticker}"
        );
        assert!(finance::stock_company(ticker).is_some(), "{ticker}");
    });
    assert_eq!(finance::stock_company("AAPL"), Some("Apple Inc."));
}

#[test]
fn string_and_write_forms_agree() {
    let mut a = Ctx::seeded(5).with_locale(Locale::ItIt);
    let mut b = a.clone();
    for _ in 0..200 {
        let mut out = String::from("x");
        finance::write_iban(&mut b, &mut out);
        assert_eq!(out, format!("x{}", finance::iban(&mut a)));
    }
}

#[test]
fn finance_is_deterministic() {
    assert_deterministic("finance");
}
