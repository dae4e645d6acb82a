//! Edge and invalid cases: each field at its boundaries, every edge case valid; each invalid
//! case breaking exactly the rule it names.

use datagen::prelude::*;
use datagen::{Cases, Invalid};

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
    #[datagen(range = 1.0..500.0)]
    amount: f64,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
    tier: String,
    #[datagen(null_rate = 0.25)]
    nickname: Option<String>,
    #[datagen(len = 1..=3, range = 1..=5)]
    ratings: Vec<u8>,
    plan: Plan,
    active: bool,
    created_at: chrono::NaiveDate,
    #[datagen(range = chrono::NaiveDate::MIN..=chrono::NaiveDate::MAX)]
    any_day: chrono::NaiveDate,
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

/// Every rule of `Customer`'s attributes, by field; `None` when all hold.
fn broken_rule(c: &Customer) -> Option<&'static str> {
    let code = regex::Regex::new("^[A-Z]{2}-[0-9]{6}$").expect("valid");
    if !(18..=90).contains(&c.age) {
        return Some("age");
    }
    if !(1.0..500.0).contains(&c.amount) {
        return Some("amount");
    }
    if !code.is_match(&c.code) {
        return Some("code");
    }
    if !["gold", "silver", "bronze"].contains(&c.tier.as_str()) {
        return Some("tier");
    }
    if !(1..=3).contains(&c.ratings.len()) || c.ratings.iter().any(|r| !(1..=5).contains(r)) {
        return Some("ratings");
    }
    if c.email != format!("{}.{}@example.com", c.first_name, c.tier) {
        return Some("email");
    }
    if c.plan == Plan::Legacy {
        return Some("plan");
    }
    None
}

#[test]
fn edge_cases_hit_every_boundary_and_stay_valid() {
    let ctx = Ctx::seeded(1);
    let cases = Customer::edge_cases(&ctx);
    for c in &cases {
        assert_eq!(broken_rule(c), None, "{c:?}");
        assert_eq!(c.id, 1, "row 0");
    }
    let has = |f: &dyn Fn(&Customer) -> bool| cases.iter().any(f);
    assert!(has(&|c| c.age == 18) && has(&|c| c.age == 90));
    assert!(has(&|c| c.amount == 1.0) && has(&|c| c.amount > 499.99));
    assert!(has(&|c| c.code == "AA-000000"));
    for tier in ["gold", "silver", "bronze"] {
        // The template follows the overridden field.
        assert!(has(
            &|c| c.tier == tier && c.email.ends_with(&format!(".{tier}@example.com"))
        ));
    }
    assert!(has(&|c| c.nickname.is_none()));
    assert!(has(&|c| c.ratings.len() == 1) && has(&|c| c.ratings.len() == 3));
    assert!(has(&|c| c.ratings.contains(&1)) && has(&|c| c.ratings.contains(&5)));
    assert!(has(&|c| c.plan == Plan::Free));
    assert!(has(&|c| matches!(c.plan, Plan::Pro { .. })));
    assert!(has(&|c| !c.active) && has(&|c| c.active));
    assert!(
        has(&|c| c.any_day == chrono::NaiveDate::MIN)
            && has(&|c| c.any_day == chrono::NaiveDate::MAX)
    );
    // Each case differs from row 0 in one field (and what is computed from it).
    let base = Customer::generate_at(&ctx, 0);
    assert!(
        cases
            .iter()
            .all(|c| c.first_name == base.first_name && c.created_at == base.created_at)
    );
}

#[test]
fn enum_edge_cases_are_the_variants_that_appear() {
    let cases = Plan::edge_cases(&Ctx::seeded(1));
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0], Plan::Free);
    assert!(matches!(cases[1], Plan::Pro { seats } if (1..=50).contains(&seats)));
    assert!(<Plan as Cases>::invalid_cases(&Ctx::seeded(1)).is_empty());
}

#[test]
fn invalid_cases_break_exactly_the_rule_they_name() {
    let ctx = Ctx::seeded(1);
    let cases = Customer::invalid_cases(&ctx);
    for Invalid { field, rule, value } in &cases {
        assert_eq!(broken_rule(value), Some(*field), "{rule}: {value:?}");
        // Fixing the one field makes the value valid again: nothing else was broken.
        let mut fixed = value.clone();
        let base = Customer::generate_at(&ctx, 0);
        match *field {
            "age" => fixed.age = base.age,
            "amount" => fixed.amount = base.amount,
            "code" => fixed.code = base.code,
            "ratings" => fixed.ratings = base.ratings,
            "tier" => {
                fixed.tier = base.tier;
                fixed.email = base.email;
            }
            other => panic!("unexpected field {other}"),
        }
        assert_eq!(broken_rule(&fixed), None, "{rule}");
    }
    let rules: Vec<(&str, &str)> = cases.iter().map(|c| (c.field, c.rule.as_str())).collect();
    assert_eq!(
        rules,
        [
            ("age", "range = 18..=90"),
            ("age", "range = 18..=90"),
            ("amount", "range = 1.0..500.0"),
            ("amount", "range = 1.0..500.0"),
            ("code", "regex = \"[A-Z]{2}-[0-9]{6}\""),
            ("tier", "one_of = [\"gold\", \"silver\", \"bronze\"]"),
            ("ratings", "range = 1..=5"),
            ("ratings", "range = 1..=5"),
            ("ratings", "len = 1..=3"),
            ("ratings", "len = 1..=3"),
        ]
    );
    let ages: Vec<u8> = cases
        .iter()
        .filter(|c| c.field == "age")
        .map(|c| c.value.age)
        .collect();
    assert_eq!(ages, [17, 91]);
    let code = &cases
        .iter()
        .find(|c| c.field == "code")
        .expect("a code case")
        .value
        .code;
    assert_eq!(code, "AA-00000");
    let lens: Vec<usize> = cases
        .iter()
        .filter(|c| c.rule.starts_with("len"))
        .map(|c| c.value.ratings.len())
        .collect();
    assert_eq!(lens, [0, 4]);
}
