//! Factories: overrides, sequences, presets and associations, and a factory without overrides
//! giving what `generate` gives.

use std::collections::HashSet;

use datagen::prelude::*;

fn my_status(ctx: &mut Ctx) -> String {
    ["pending", "paid", "shipped"][ctx.index(3)].to_string()
}

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: String,
    #[datagen(provider = "person.last_name")]
    last_name: String,
    #[datagen(template = "{first_name}.{last_name}@example.com")]
    email: String,
    #[datagen(range = 18..=90)]
    age: u8,
    #[datagen(normal(mean = 100.0, std_dev = 15.0))]
    score: f64,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
    tier: String,
    #[datagen(null_rate = 0.25)]
    nickname: Option<String>,
    #[datagen(len = 1..=3)]
    tags: Vec<String>,
    address: Address,
    created_at: chrono::DateTime<chrono::Utc>,
    uid: uuid::Uuid,
    active: bool,
}

#[derive(Generate, Debug, Clone, PartialEq)]
struct Address {
    #[datagen(provider = "address.city")]
    city: String,
    #[datagen(range = 10000..=99999)]
    zip: u32,
}

#[derive(Generate, Debug, Clone, PartialEq)]
enum Plan {
    Free,
    Pro {
        seats: u16,
    },
    #[datagen(weight = 0)]
    Legacy,
}

#[derive(Generate, Debug, Clone)]
struct Order {
    #[datagen(key)]
    id: u64,
    #[datagen(ref = Customer::id)]
    customer_id: u64,
    #[datagen(lookup = Customer::email, by = customer_id)]
    customer_email: String,
    #[datagen(range = 1.0..500.0)]
    amount: f64,
    #[datagen(with = my_status)]
    status: String,
    plan: Plan,
}

/// Two refs to the same type: setters `<field>_from`.
#[derive(Generate, Debug, Clone)]
struct Transfer {
    #[datagen(ref = Customer::id)]
    from: u64,
    #[datagen(lookup = Customer::first_name, by = from)]
    from_name: String,
    #[datagen(ref = Customer::id)]
    to: u64,
}

#[test]
fn the_contract() {
    let mut ctx = Ctx::seeded(3);
    let c = Customer::factory()
        .first_name("Ada".to_string())
        .age(33)
        .build(&mut ctx);
    assert_eq!(c.first_name, "Ada");
    assert_eq!(c.age, 33);
    assert!(c.email.starts_with("Ada."), "{}", c.email);
    assert_eq!(c.email, format!("Ada.{}@example.com", c.last_name));
    assert_eq!(c.id, 1);

    let gold = Customer::factory()
        .tier("gold".to_string())
        .build_many(&mut ctx, 50);
    assert_eq!(gold.len(), 50);
    assert!(gold.iter().all(|c| c.tier == "gold"));
    let ids: Vec<u64> = gold.iter().map(|c| c.id).collect();
    assert_eq!(ids, (2..=51).collect::<Vec<_>>(), "keys keep counting");
    let ages: HashSet<u8> = gold.iter().map(|c| c.age).collect();
    let names: HashSet<&str> = gold.iter().map(|c| c.first_name.as_str()).collect();
    assert!(ages.len() > 20 && names.len() > 20, "other fields vary");
}

#[test]
fn a_factory_without_overrides_is_generate() {
    let (mut a, mut b) = (Ctx::seeded(9), Ctx::seeded(9));
    let factory = Customer::factory();
    for _ in 0..50 {
        assert_eq!(factory.build(&mut a), Customer::generate(&mut b));
    }
    let ctx = Ctx::seeded(9);
    assert_eq!(factory.build_at(&ctx, 17), Customer::generate_at(&ctx, 17));
    // Nested: a factory's build inside another row is a nested value, like `generate`.
    let orders = Order::factory();
    let (mut a, mut b) = (Ctx::seeded(1), Ctx::seeded(1));
    for _ in 0..20 {
        let (x, y) = (orders.build(&mut a), Order::generate(&mut b));
        assert_ne!(x.plan, Plan::Legacy);
        assert_eq!(
            (
                x.id,
                x.customer_id,
                &x.customer_email,
                x.amount,
                &x.status,
                &x.plan
            ),
            (
                y.id,
                y.customer_id,
                &y.customer_email,
                y.amount,
                &y.status,
                &y.plan
            )
        );
    }
}

#[test]
fn overrides_leave_other_fields_as_generated() {
    let ctx = Ctx::seeded(5);
    let plain = Customer::generate_at(&ctx, 4);
    let aged = Customer::factory().age(77).build_at(&ctx, 4);
    assert_eq!(aged.age, 77);
    assert_eq!(
        Customer {
            age: plain.age,
            ..aged
        },
        plain
    );
}

#[test]
fn sequences_get_the_row_index() {
    let mut ctx = Ctx::seeded(5);
    let users = Customer::factory()
        .email_seq(|row| format!("user{row}@example.com"))
        .code_with(|ctx| format!("ZZ-{:06}", ctx.below(1000)))
        .build_many(&mut ctx, 3);
    let emails: Vec<&str> = users.iter().map(|c| c.email.as_str()).collect();
    assert_eq!(
        emails,
        [
            "user0@example.com",
            "user1@example.com",
            "user2@example.com"
        ]
    );
    assert!(users.iter().all(|c| c.code.starts_with("ZZ-")));
}

/// Presets: plain functions over the factory, defined once and combined.
fn gold(f: CustomerFactory) -> CustomerFactory {
    f.tier("gold".to_string())
}

fn senior(f: CustomerFactory) -> CustomerFactory {
    f.age(80).nickname(None)
}

#[test]
fn presets_combine() {
    let mut ctx = Ctx::seeded(5);
    let vip = Customer::factory().preset(gold).preset(senior);
    for c in vip.build_many(&mut ctx, 10) {
        assert_eq!((c.tier.as_str(), c.age, c.nickname), ("gold", 80, None));
    }
    // A later setting wins over a preset's.
    let c = vip.clone().age(81).build(&mut ctx);
    assert_eq!(c.age, 81);
    assert!(format!("{vip:?}").contains("age: Override(set)"));
}

#[test]
fn associations_set_the_key_and_its_lookups() {
    let mut ctx = Ctx::seeded(5).with_count::<Customer>(100);
    let c = Customer::factory()
        .first_name("Ada".to_string())
        .build(&mut ctx);
    let order = Order::factory().customer(&c).build(&mut ctx);
    assert_eq!(order.customer_id, c.id);
    assert_eq!(order.customer_email, c.email);
    assert!(order.customer_email.starts_with("Ada."));

    // Setting the key alone: the lookup reads the row the key names.
    let order = Order::factory().customer_id(42).build(&mut ctx);
    assert_eq!(order.customer_email, Customer::generate_at(&ctx, 41).email);

    // Two refs to one type: `<field>_from`.
    let other = Customer::generate_at(&ctx, 9);
    let t = Transfer::factory()
        .from_from(&c)
        .to_from(&other)
        .build(&mut ctx);
    assert_eq!(
        (t.from, t.from_name.as_str(), t.to),
        (c.id, "Ada", other.id)
    );
}
