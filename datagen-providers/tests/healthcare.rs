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
/// added), a digit or letter, then optionally a dot and one to four characters.
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

#[test]
fn icd10_codes_are_billable_codes_of_the_code_set() {
    let data = include_str!("../data/healthcare/icd10.tsv");
    let list: HashMap<&str, &str> = data
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once('\t').expect("code<TAB>description"))
        .collect();
    assert!(list.len() > 12_000);
    // Codes any clinician knows, in the CMS list with these descriptions.
    assert_eq!(list.get("I10"), Some(&"Essential (primary) hypertension"));
    assert_eq!(
        list.get("J45.909"),
        None,
        "six-character codes are left out"
    );
    assert_eq!(list.get("R05.9"), Some(&"Cough, unspecified"));
    // Category headers that need more characters are not billable.
    assert!(!list.contains_key("E11") && !list.contains_key("S72"));
    each_value(healthcare::icd10, false, |_, code| {
        assert!(icd10_well_formed(code), "malformed ICD-10-CM code {code}");
        let description = list
            .get(code)
            .unwrap_or_else(|| panic!("{code} not in the list"));
        assert_eq!(healthcare::icd10_description(code), Some(*description));
    });
    let mut ctx = Ctx::seeded(3);
    let (code, description) = healthcare::icd10_entry(&mut ctx);
    assert_eq!(list.get(code), Some(&description));
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
