//! Healthcare values checked against the standards: the NPI's Luhn digit over 80840, ICD-10-CM
//! codes in the CMS code set, clinical ranges for vital signs.

mod common;

use std::collections::HashMap;

use common::{all_digits, assert_deterministic, each_value, luhn_valid};
use datagen_core::{Ctx, Locale};
use datagen_providers::healthcare;

#[test]
fn npis_pass_the_luhn_check_over_80840() {
    // CMS's worked example: 123456789 has check digit 3.
    assert!(luhn_valid("808401234567893"));
    each_value(healthcare::npi, false, |_, npi| {
        assert!(npi.len() == 10 && all_digits(npi), "{npi}");
        assert!(npi.starts_with('1') || npi.starts_with('2'), "{npi}");
        assert!(
            luhn_valid(&format!("80840{npi}")),
            "bad NPI check digit: {npi}"
        );
    });
}

/// An ICD-10-CM code's shape: a letter, a digit (or the letter A of the QA0 category FY2026
/// added), a digit or letter, then optionally a dot and one to four characters; a code of seven
/// characters that is shorter before its extension pads with the placeholder `X`.
fn icd10_well_formed(code: &str) -> bool {
    let b = code.as_bytes();
    let head = b.len() >= 3
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_digit() || code.starts_with("QA"))
        && (b[2].is_ascii_digit() || b[2].is_ascii_uppercase());
    let tail = match code.get(3..) {
        Some("") => true,
        Some(rest) => {
            rest.starts_with('.')
                && (2..=5).contains(&rest.len())
                && rest[1..]
                    .bytes()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        }
        None => false,
    };
    head && tail
}

/// The flat code list (code to description) rebuilt from the two data files as the tabular list
/// composes seven-character codes: base, then the extension character; descriptions joined by
/// `, `.
fn flat_code_list() -> HashMap<String, String> {
    let data = |text: &'static str| {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>())
    };
    let mut sets: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for cells in data(include_str!("../data/healthcare/icd10_extension.tsv")) {
        sets.entry(cells[0]).or_default().push((cells[1], cells[2]));
    }
    let mut list = HashMap::new();
    for cells in data(include_str!("../data/healthcare/icd10.tsv")) {
        let (code, description, set, count) = (cells[0], cells[1], cells[2], cells[3]);
        if set == "-" {
            assert_eq!(count, "1");
            list.insert(code.to_owned(), description.to_owned());
        } else {
            assert_eq!(count.parse::<usize>().ok(), Some(sets[set].len()), "{code}");
            for (character, meaning) in &sets[set] {
                list.insert(
                    format!("{code}{character}"),
                    format!("{description}, {meaning}"),
                );
            }
        }
    }
    list
}

#[test]
fn icd10_codes_are_billable_codes_of_the_code_set() {
    let list = flat_code_list();
    // CMS's April 2026 code set: 74,714 billable codes.
    assert_eq!(list.len(), 74_714);
    // Codes any clinician knows, with the descriptions of the CMS tabular list, including the
    // six- and seven-character ones (extensions, `X` placeholders).
    for (code, description) in [
        ("I10", "Essential (primary) hypertension"),
        ("R05.9", "Cough, unspecified"),
        ("J45.909", "Unspecified asthma, uncomplicated"),
        (
            "S72.001A",
            "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture",
        ),
        (
            "T36.0X1A",
            "Poisoning by penicillins, accidental (unintentional), initial encounter",
        ),
        (
            "S06.0X0S",
            "Concussion without loss of consciousness, sequela",
        ),
        ("W19.XXXA", "Unspecified fall, initial encounter"),
    ] {
        assert_eq!(
            list.get(code).map(String::as_str),
            Some(description),
            "{code}"
        );
        assert_eq!(
            healthcare::icd10_description(code).as_deref(),
            Some(description)
        );
    }
    // Category headers and bases that need more characters are not billable.
    for code in ["E11", "S72", "S72.001", "T36.0X1", "W19"] {
        assert!(!list.contains_key(code), "{code}");
        assert_eq!(healthcare::icd10_description(code), None, "{code}");
    }
    let mut seven = 0usize;
    let mut total = 0usize;
    each_value(healthcare::icd10, false, |_, code| {
        assert!(icd10_well_formed(code), "malformed ICD-10-CM code {code}");
        let description = list
            .get(code)
            .unwrap_or_else(|| panic!("{code} not in the list"));
        assert_eq!(
            healthcare::icd10_description(code).as_deref(),
            Some(description.as_str())
        );
        total += 1;
        if code.len() == 8 {
            seven += 1;
        }
    });
    // Drawn uniformly over the code set: 51,305 of its codes have seven characters (68.7%).
    let share = seven as f64 / total as f64;
    assert!((0.67..0.70).contains(&share), "{share}");
    let mut ctx = Ctx::seeded(3);
    let (code, description) = healthcare::icd10_entry(&mut ctx);
    assert_eq!(list.get(code).map(String::as_str), Some(&*description));
}

#[test]
fn blood_types_follow_population_frequencies() {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut ctx = Ctx::seeded(11);
    let n = 100_000;
    for _ in 0..n {
        *counts.entry(healthcare::blood_type(&mut ctx)).or_default() += 1;
    }
    assert_eq!(counts.len(), 8);
    let share = |t: &str| counts[t] as f64 / n as f64;
    assert!((share("O+") - 0.374).abs() < 0.01, "{counts:?}");
    assert!((share("AB-") - 0.006).abs() < 0.002, "{counts:?}");
}

#[test]
fn drugs_and_doses_are_real() {
    each_value(healthcare::drug, false, |_, drug| {
        assert!(
            drug.bytes().all(|b| b.is_ascii_lowercase() || b == b' '),
            "{drug}"
        );
    });
    each_value(healthcare::dose, false, |_, dose| {
        let (value, unit) = dose.split_once(' ').expect("value and unit");
        assert!(value.parse::<f64>().is_ok_and(|v| v > 0.0), "{dose}");
        assert!(["mg", "mcg", "mL", "units"].contains(&unit), "{dose}");
    });
    each_value(healthcare::mrn, false, |_, mrn| {
        assert!(mrn.len() == 8 && all_digits(mrn))
    });
}

/// Parses a whole number and checks it lies in `range`.
fn in_range(value: &str, range: std::ops::RangeInclusive<u32>) -> bool {
    all_digits(value) && value.parse().is_ok_and(|v| range.contains(&v))
}

#[test]
fn vital_signs_stay_in_clinical_ranges() {
    each_value(healthcare::heart_rate, false, |_, v| {
        assert!(in_range(v, 40..=150), "{v}")
    });
    each_value(healthcare::respiratory_rate, false, |_, v| {
        assert!(in_range(v, 8..=35), "{v}")
    });
    each_value(healthcare::oxygen_saturation, false, |_, v| {
        assert!(in_range(v, 85..=100), "{v}")
    });
    each_value(healthcare::blood_pressure, false, |_, v| {
        let (sys, dia) = v.split_once('/').expect("systolic/diastolic");
        assert!(in_range(sys, 90..=200) && in_range(dia, 50..=120), "{v}");
        let pulse = sys.parse::<u32>().unwrap() - dia.parse::<u32>().unwrap();
        assert!((25..=80).contains(&pulse), "pulse pressure {pulse} in {v}");
    });
    each_value(healthcare::temperature, false, |locale, v| {
        let t: f64 = v.parse().unwrap();
        assert_eq!(v.split_once('.').map(|(_, d)| d.len()), Some(1), "{v}");
        let range = if locale == Locale::EnUs {
            95.0..=104.0
        } else {
            35.0..=40.0
        };
        assert!(range.contains(&t), "{locale}: {v}");
    });
}

#[test]
fn healthcare_is_deterministic() {
    assert_deterministic("healthcare");
}
