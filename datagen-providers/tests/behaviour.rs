//! Determinism, frequencies and the registry: how providers behave beyond each value's rules.

use std::collections::HashMap;

use datagen_core::Ctx;
use datagen_providers::{address, find, person, registry, suggest};

/// Draws `n` values of every registered provider.
fn draw_all(seed: u64, n: usize) -> Vec<String> {
    let mut ctx = Ctx::seeded(seed);
    let mut out = Vec::new();
    for info in registry() {
        for _ in 0..n {
            let mut value = String::new();
            (info.write)(&mut ctx, &mut value);
            out.push(value);
        }
    }
    out
}

#[test]
fn same_seed_same_values() {
    assert_eq!(draw_all(7, 200), draw_all(7, 200));
    assert_ne!(draw_all(7, 200), draw_all(8, 200));
}

#[test]
fn string_and_write_forms_agree() {
    let mut a = Ctx::seeded(3);
    let mut b = Ctx::seeded(3);
    let mut buf = String::from("prefix:");
    for _ in 0..100 {
        buf.truncate("prefix:".len());
        address::write_street(&mut b, &mut buf);
        assert_eq!(format!("prefix:{}", address::street(&mut a)), buf);
    }
}

/// Draws `n` first names and counts them.
fn first_name_counts(n: usize) -> HashMap<&'static str, usize> {
    let mut ctx = Ctx::seeded(99);
    let mut counts = HashMap::new();
    for _ in 0..n {
        *counts.entry(person::first_name(&mut ctx)).or_insert(0) += 1;
    }
    counts
}

#[test]
fn common_names_come_up_more_often() {
    let n = 200_000;
    let counts = first_name_counts(n);
    let james = counts.get("James").copied().unwrap_or(0);
    // James is 3.318% of men in the 1990 census, so about 1.66% of everyone.
    let expected = n as f64 * 0.0166;
    assert!(
        (james as f64 - expected).abs() < expected * 0.15,
        "James drawn {james} times of {n}"
    );
    // Rare names (frequency 0.001% of one sex) come up about 2 times in 200,000.
    for rare in ["Zackery", "Aldo", "Mariam"] {
        let c = counts.get(rare).copied().unwrap_or(0);
        assert!(c * 50 < james, "{rare} drawn {c} times, James {james}");
    }
    assert!(counts.get("Mary").copied().unwrap_or(0) > counts.get("Zackery").copied().unwrap_or(0));
}

#[test]
fn every_registry_entry_resolves_and_writes() {
    let mut ctx = Ctx::seeded(1);
    for info in registry() {
        let found = find(info.name).unwrap_or_else(|| panic!("find({}) failed", info.name));
        assert_eq!(found.name, info.name);
        assert!(
            !info.description.is_empty(),
            "{}: no description",
            info.name
        );
        // Every provider has real data somewhere; one without en_US data (`finance.iban`: the
        // US has no IBANs) says in its description what en_US gets instead.
        assert!(
            info.localized.contains(&datagen_core::Locale::EnUs)
                || info.description.contains("en_US"),
            "{}: no en_US data, and no word on what en_US gets",
            info.name
        );
        let (family, leaf) = info
            .name
            .split_once('.')
            .unwrap_or_else(|| panic!("{}: not dotted", info.name));
        assert!(!family.is_empty() && !leaf.is_empty(), "{}", info.name);
        for _ in 0..1000 {
            let mut out = String::new();
            (info.write)(&mut ctx, &mut out);
            assert!(!out.is_empty(), "{} wrote nothing", info.name);
        }
        assert_eq!(suggest(info.name), Some(info.name));
    }
    assert!(find("person.nope").is_none());
    assert_eq!(suggest("phone.numbr"), Some("phone.number"));
}

#[test]
fn the_w1_and_contract_providers_are_registered() {
    for name in [
        "person.first_name",
        "person.last_name",
        "person.name",
        "internet.email",
        "internet.username",
        "internet.domain",
        "phone.number",
        "address.street",
        "address.city",
        "address.state",
        "address.postcode",
        "address.country",
        "address.country_code",
    ] {
        assert!(find(name).is_some(), "{name} is not registered");
    }
}
