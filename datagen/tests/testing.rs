//! `assert_stable`: snapshots of generated values under `tests/snapshots/`. The fixture avoids
//! providers, whose word lists grow, so only a change in datagen's own sampling shows here.

use datagen::prelude::*;

#[derive(Generate, Debug)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(key)]
    id: u64,
    #[datagen(one_of = ["gold", "silver", "bronze"])]
    tier: String,
    #[datagen(range = 18..=90)]
    age: u8,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
}

#[test]
fn fixtures_are_stable() {
    let ctx = Ctx::seeded(42);
    let customers: Vec<Customer> = (0..3).map(|i| Customer::generate_at(&ctx, i)).collect();
    datagen::testing::assert_stable("customers_seed_42", &customers);
}

#[test]
fn a_changed_fixture_fails() {
    datagen::testing::assert_stable("probe", &[1, 2, 3]);
    let result = std::panic::catch_unwind(|| {
        datagen::testing::assert_stable("probe", &[1, 2, 4]);
    });
    if std::env::var_os(datagen::testing::UPDATE_VAR).is_none() {
        let message = result.expect_err("a different value fails");
        let message = message
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(message.contains("changed from snapshot"), "{message}");
    }
}

#[test]
#[should_panic(expected = "plain file name")]
fn names_are_plain_file_names() {
    datagen::testing::assert_stable("../escape", &1);
}
