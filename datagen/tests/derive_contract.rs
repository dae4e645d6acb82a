//! The contract of issue 2: its API block verbatim, and the properties its hidden tests check.

use std::collections::HashSet;

use datagen::prelude::*;

fn my_status(ctx: &mut Ctx) -> String {
    ["pending", "paid", "shipped"][ctx.index(3)].to_string()
}

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "customer")] // names the entity's random streams; default: the type name
struct Customer {
    #[datagen(key)]
    id: u64, // 1, 2, 3, ...: generate_at(&ctx, i).id == i + 1
    #[datagen(provider = "person.first_name")]
    first_name: String,
    #[datagen(provider = "person.last_name")]
    last_name: String,
    #[datagen(template = "{first_name}.{last_name}@example.com")]
    email: String, // other fields by name
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
    address: Address, // a nested #[derive(Generate)] struct
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
    customer_id: u64, // an id a Customer row has
    #[datagen(lookup = Customer::email, by = customer_id)]
    customer_email: String, // that row's email
    #[datagen(range = 1.0..500.0)]
    amount: f64,
    #[datagen(with = my_status)]
    status: String,
    plan: Plan,
}

/// The same entity as `Customer`, with a field added in the middle: shared fields keep their values.
#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "customer")]
struct CustomerV2 {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: String,
    #[datagen(range = 1..=5)]
    loyalty: u8,
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

const ROWS: u64 = 10_000;

fn customers(seed: u64, n: u64) -> Vec<Customer> {
    let mut ctx = Ctx::seeded(seed).with_count::<Customer>(100);
    (0..n).map(|_| Customer::generate(&mut ctx)).collect()
}

/// `count` successes in `n` trials are within 5 standard deviations of probability `p`.
fn within_sampling_error(count: usize, n: usize, p: f64) -> bool {
    let expected = n as f64 * p;
    let sd = (n as f64 * p * (1.0 - p)).sqrt();
    (count as f64 - expected).abs() <= 5.0 * sd
}

#[test]
fn the_api_block_works() {
    let mut ctx = Ctx::seeded(42).with_count::<Customer>(100); // population size that refs draw from
    let c = Customer::generate(&mut ctx);
    let c7 = Customer::generate_at(&ctx, 7); // equals the 8th value Customer::generate gives on a fresh ctx
    assert_eq!(c.id, 1);
    assert_eq!(c7, customers(42, 8)[7]);
}

#[test]
fn same_seed_same_values_other_seed_other_values() {
    assert_eq!(customers(42, 50), customers(42, 50));
    let (a, b) = (customers(42, 50), customers(43, 50));
    let same = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x.email == y.email || x.uid == y.uid)
        .count();
    assert!(same < 5, "{same} of 50 rows agree across seeds");
}

#[test]
fn generate_at_equals_the_sequence() {
    let ctx = Ctx::seeded(42).with_count::<Customer>(100);
    for (i, c) in customers(42, 30).into_iter().enumerate() {
        let at = Customer::generate_at(&ctx, i as u64);
        assert_eq!(at.id, i as u64 + 1);
        assert_eq!(at, c, "row {i}");
    }
    // Rows do not depend on what was generated before, nor on other entities.
    let mut ctx = Ctx::seeded(42).with_count::<Customer>(100);
    let _ = Order::generate(&mut ctx);
    assert_eq!(Customer::generate(&mut ctx), customers(42, 1)[0]);
}

#[test]
fn every_attribute_holds_over_10k_rows() {
    let rows = customers(7, ROWS);
    let n = rows.len();
    let count = |f: &dyn Fn(&Customer) -> bool| rows.iter().filter(|c| f(c)).count();

    for (i, c) in rows.iter().enumerate() {
        assert_eq!(c.id, i as u64 + 1);
        assert_eq!(
            c.email,
            format!("{}.{}@example.com", c.first_name, c.last_name)
        );
        assert!((18..=90).contains(&c.age));
        let code = c.code.as_bytes();
        assert_eq!(code.len(), 9, "{}", c.code);
        assert!(
            code[..2].iter().all(u8::is_ascii_uppercase) && code[2] == b'-',
            "{}",
            c.code
        );
        assert!(code[3..].iter().all(u8::is_ascii_digit), "{}", c.code);
        assert!((1..=3).contains(&c.tags.len()));
        assert!(["gold", "silver", "bronze"].contains(&c.tier.as_str()));
        assert!(!c.first_name.is_empty() && !c.address.city.is_empty());
        assert!((10000..=99999).contains(&c.address.zip));
        assert!(c.created_at <= Ctx::seeded(7).now());
    }
    // Ranges cover their bounds.
    let ages: HashSet<u8> = rows.iter().map(|c| c.age).collect();
    assert_eq!(ages.len(), 73);
    // Weights 1:3:6.
    for (tier, p) in [("gold", 0.1), ("silver", 0.3), ("bronze", 0.6)] {
        let k = count(&|c| c.tier == tier);
        assert!(within_sampling_error(k, n, p), "{tier}: {k} of {n}");
    }
    // Null rate 0.25.
    let nulls = count(&|c| c.nickname.is_none());
    assert!(
        within_sampling_error(nulls, n, 0.25),
        "{nulls} of {n} nicknames are None"
    );
    // Lengths 1..=3, uniformly.
    for len in 1..=3 {
        let k = count(&|c| c.tags.len() == len);
        assert!(
            within_sampling_error(k, n, 1.0 / 3.0),
            "{k} rows with {len} tags"
        );
    }
    // Normal(100, 15): the mean within 5 standard errors, the spread within 5%.
    let mean = rows.iter().map(|c| c.score).sum::<f64>() / n as f64;
    let sd = (rows.iter().map(|c| (c.score - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
    assert!(
        (mean - 100.0).abs() < 5.0 * 15.0 / (n as f64).sqrt(),
        "mean {mean}"
    );
    assert!((sd - 15.0).abs() < 0.75, "std_dev {sd}");
    // Booleans and uuids vary.
    let active = count(&|c| c.active);
    assert!(within_sampling_error(active, n, 0.5), "{active} active");
    assert_eq!(rows.iter().map(|c| c.uid).collect::<HashSet<_>>().len(), n);
}

#[test]
fn same_entity_same_values_for_shared_fields() {
    let ctx = Ctx::seeded(42);
    for i in 0..200 {
        let a = Customer::generate_at(&ctx, i);
        let b = CustomerV2::generate_at(&ctx, i);
        assert!((1..=5).contains(&b.loyalty));
        assert_eq!(
            (&a.id, &a.first_name, &a.last_name, &a.email),
            (&b.id, &b.first_name, &b.last_name, &b.email)
        );
        assert_eq!(
            (a.age, a.score, &a.code, &a.tier, &a.nickname),
            (b.age, b.score, &b.code, &b.tier, &b.nickname)
        );
        assert_eq!(
            (&a.tags, &a.address, a.created_at, a.uid, a.active),
            (&b.tags, &b.address, b.created_at, b.uid, b.active)
        );
    }
}

#[test]
fn refs_hit_existing_rows_and_spread_over_them() {
    let mut ctx = Ctx::seeded(42).with_count::<Customer>(100);
    let orders: Vec<Order> = (0..ROWS).map(|_| Order::generate(&mut ctx)).collect();
    let mut hit = HashSet::new();
    for (i, order) in orders.iter().enumerate() {
        assert_eq!(order.id, i as u64 + 1);
        assert!(
            (1..=100).contains(&order.customer_id),
            "{}",
            order.customer_id
        );
        assert!((1.0..500.0).contains(&order.amount));
        assert!(["pending", "paid", "shipped"].contains(&order.status.as_str()));
        hit.insert(order.customer_id);
    }
    assert!(
        hit.len() >= 95,
        "only {} of 100 customers were referenced",
        hit.len()
    );
}

#[test]
fn lookups_equal_the_referenced_row() {
    let mut ctx = Ctx::seeded(42).with_count::<Customer>(100);
    for _ in 0..500 {
        let order = Order::generate(&mut ctx);
        let customer = Customer::generate_at(&ctx, order.customer_id - 1);
        assert_eq!(customer.id, order.customer_id);
        assert_eq!(order.customer_email, customer.email);
    }
}

#[test]
fn weight_zero_variants_never_appear() {
    let mut ctx = Ctx::seeded(42).with_count::<Customer>(100);
    let plans: Vec<Plan> = (0..ROWS).map(|_| Order::generate(&mut ctx).plan).collect();
    assert!(!plans.contains(&Plan::Legacy));
    let free = plans.iter().filter(|p| **p == Plan::Free).count();
    assert!(
        within_sampling_error(free, plans.len(), 0.5),
        "{free} free plans"
    );
    let seats: HashSet<u16> = plans
        .iter()
        .filter_map(|p| {
            if let Plan::Pro { seats } = p {
                Some(*seats)
            } else {
                None
            }
        })
        .collect();
    assert!(seats.len() > 1000, "seats vary");
}
