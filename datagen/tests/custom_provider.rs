//! `provider = "family.name"` with a custom provider: one registered in Rust, or a word list,
//! drawn like a built-in one; an unregistered one is reported by `Entity::check`.

use std::collections::HashMap;

use datagen::prelude::*;
use datagen::providers::{WordList, register, register_word_list};

/// Registers the providers the tests use (once per process; the tests share it).
fn setup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        register("shop.aisle", "an aisle, A1 to A9", |ctx, out| {
            out.push('A');
            out.push(char::from(b'1' + ctx.below(9) as u8));
        })
        .unwrap();
        let tiers = WordList::from_pairs([("gold", 1), ("silver", 3), ("bronze", 6)]).unwrap();
        register_word_list("shop.tier", tiers).unwrap();
    });
}

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "shelf")]
struct Shelf {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "shop.aisle")]
    aisle: String,
    #[datagen(provider = "shop.tier")]
    tier: String,
    #[datagen(provider = "person.first_name")]
    keeper: String,
}

#[test]
fn custom_providers_draw_in_derived_types() {
    setup();
    Shelf::check(&Ctx::seeded(1)).expect("every provider is registered");
    let mut ctx = Ctx::seeded(4);
    let shelves: Vec<Shelf> = (0..20_000).map(|_| Shelf::generate(&mut ctx)).collect();
    assert!(shelves.iter().all(|s| s.aisle.len() == 2
        && s.aisle.starts_with('A')
        && ('1'..='9').contains(&s.aisle.chars().nth(1).unwrap())));
    let mut tiers: HashMap<&str, usize> = HashMap::new();
    for s in &shelves {
        *tiers.entry(s.tier.as_str()).or_default() += 1;
    }
    for (tier, share) in [("gold", 0.1), ("silver", 0.3), ("bronze", 0.6)] {
        let got = tiers[tier] as f64 / shelves.len() as f64;
        assert!((got - share).abs() < 0.02, "{tier}: {got}");
    }
    // Addressable like every field: row i alone equals the i-th row of a run.
    assert_eq!(Shelf::generate_at(&Ctx::seeded(4), 123), shelves[123]);
}

#[derive(Generate, Debug)]
#[datagen(entity = "bin")]
struct Bin {
    #[datagen(provider = "nowhere.registered")]
    label: String,
}

#[test]
fn an_unregistered_provider_is_an_error_from_check() {
    let err = Bin::check(&Ctx::seeded(1)).expect_err("nothing registered `nowhere.registered`");
    let text = err.to_string();
    assert!(
        text.contains("`label`") && text.contains("`bin`") && text.contains("nowhere.registered"),
        "{text}"
    );
    let panic = std::panic::catch_unwind(|| Bin::generate(&mut Ctx::seeded(1)))
        .expect_err("drawing from an unregistered provider panics");
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(message.contains("register"), "{message}");
}
