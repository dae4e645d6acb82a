//! proptest strategies of derived types: attributes hold, fields shrink to their simplest
//! values, and the minimal failing case of a monotone property is exact.
#![cfg(feature = "proptest")]

use datagen::prelude::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: String,
    #[datagen(template = "{first_name}.{tier}@example.com")]
    email: String,
    #[datagen(range = 18..=90)]
    age: u8,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
    tier: String,
    #[datagen(null_rate = 0.25)]
    nickname: Option<String>,
    #[datagen(len = 1..=3, range = 1..=5)]
    ratings: Vec<u8>,
    plan: Plan,
    created_at: chrono::NaiveDate,
}

#[derive(Generate, Debug, Clone, PartialEq)]
enum Plan {
    Free,
    Pro {
        #[datagen(range = 1..=50)]
        seats: u16,
    },
    #[datagen(weight = 0)]
    Legacy,
}

fn runner() -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases: 256,
            failure_persistence: None,
            ..Config::default()
        },
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    )
}

/// The minimal failing value of `property`.
fn minimal(property: impl Fn(&Customer) -> bool) -> Customer {
    let result = runner().run(&any::<Customer>(), |c| {
        if property(&c) {
            Ok(())
        } else {
            Err(TestCaseError::fail("property failed"))
        }
    });
    match result {
        Err(TestError::Fail(_, c)) => c,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn age_shrinks_to_exactly_51() {
    let c = minimal(|c| c.age <= 50);
    assert_eq!(c.age, 51);
}

#[test]
fn every_field_shrinks_to_its_simplest_value() {
    // A property every value fails: everything shrinks as far as it goes.
    let c = minimal(|_| false);
    assert_eq!(c.age, 18);
    assert_eq!(c.code, "AA-000000");
    assert_eq!(c.tier, "gold");
    assert_eq!(c.nickname, None);
    assert_eq!(c.ratings, [1]);
    assert_eq!(c.plan, Plan::Free);
    // Templates are computed from the shrunk fields.
    assert_eq!(c.email, format!("{}.gold@example.com", c.first_name));
}

#[test]
fn the_tier_shrinks_to_the_simplest_failing_choice() {
    let c = minimal(|c| c.tier == "gold");
    assert_eq!(c.tier, "silver");
    let c = minimal(|c| c.ratings.len() < 2);
    assert_eq!(c.ratings.len(), 2);
}

proptest! {
    #[test]
    fn values_respect_every_attribute(c in any::<Customer>()) {
        prop_assert!((18..=90).contains(&c.age));
        let code = regex::Regex::new("^[A-Z]{2}-[0-9]{6}$").unwrap();
        prop_assert!(code.is_match(&c.code), "{}", c.code);
        prop_assert!(["gold", "silver", "bronze"].contains(&c.tier.as_str()));
        prop_assert!((1..=3).contains(&c.ratings.len()));
        prop_assert!(c.ratings.iter().all(|r| (1..=5).contains(r)));
        prop_assert_eq!(c.email, format!("{}.{}@example.com", c.first_name, c.tier));
        prop_assert_ne!(c.plan, Plan::Legacy);
        prop_assert_eq!(c.id, 1);
    }

    #[test]
    fn the_facade_any_is_proptests(c in datagen::proptest::any::<Customer>()) {
        prop_assert!((18..=90).contains(&c.age));
    }
}

#[test]
fn generators_and_providers_have_strategies() {
    let mut runner = runner();
    let ages = datagen::generator::from_fn(|ctx: &mut Ctx| ctx.below(10));
    for _ in 0..20 {
        let v = datagen::proptest::from_generator(ages)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        assert!(v < 10);
    }
    let names = datagen::proptest::provider("person.first_name").expect("a provider");
    let name = names.new_tree(&mut runner).unwrap().current();
    assert!(!name.is_empty());
    let err = datagen::proptest::provider("person.frist_name").expect_err("unknown");
    assert!(err.contains("did you mean `person.first_name`"), "{err}");
    // A seeded value prints its seed, and the seed replays it.
    let seeded = datagen::proptest::seeded(datagen::regex::Regex::new("[a-z]{8}").unwrap());
    let v = seeded.new_tree(&mut runner).unwrap().current();
    assert!(format!("{v:?}").contains(&format!("seed: {}", v.seed)));
    let again = datagen::Generator::generate(
        &datagen::regex::Regex::new("[a-z]{8}").unwrap(),
        &mut Ctx::seeded(v.seed),
    );
    assert_eq!(again, v.value);
}
