//! Value stability of derived types: the exact first rows for a fixed seed.
//!
//! Changing these outputs changes users' data for the same seed: it is a breaking change and goes
//! in CHANGELOG.md under "Changed values". Update the pins only deliberately.
#![allow(
    dead_code,
    reason = "the rows' fields are read through their Debug output"
)]

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
    #[datagen(unique, range = 1000..=9999)]
    number: u32,
}

fn debug_lines<T: std::fmt::Debug>(rows: impl Iterator<Item = T>) -> String {
    rows.map(|row| format!("{row:?}\n")).collect()
}

#[test]
fn first_customers_are_pinned() {
    let mut ctx = Ctx::seeded(42);
    let got = debug_lines((0..3).map(|_| Customer::generate(&mut ctx)));
    assert_eq!(got, PINNED_CUSTOMERS, "\n{got}");
}

#[test]
fn first_orders_are_pinned() {
    let mut ctx = Ctx::seeded(42).with_count::<Customer>(100);
    let got = debug_lines((0..3).map(|_| Order::generate(&mut ctx)));
    assert_eq!(got, PINNED_ORDERS, "\n{got}");
    assert!(!debug_lines(std::iter::once(Plan::Legacy)).is_empty());
}

const PINNED_CUSTOMERS: &str = concat!(
    r#"Customer { id: 1, first_name: "James", last_name: "Wood", email: "James.Wood@example.com", age: 42, score: 138.44376943489985, code: "FL-727696", tier: "silver", nickname: Some("bu58B2GqOpto"), tags: ["jKsZJ", "c"], address: Address { city: "South Miami Heights" }, created_at: 2020-04-17T21:59:57Z, uid: 07b74f6a-5159-45a4-8a57-56ab9e1418db, active: false }"#,
    "\n",
    r#"Customer { id: 2, first_name: "Linda", last_name: "Moore", email: "Linda.Moore@example.com", age: 41, score: 77.09697762173869, code: "PT-934415", tier: "bronze", nickname: Some("PMVbry6MlapXWm"), tags: ["pTOT", "JH79rJAVXG"], address: Address { city: "Brooklyn" }, created_at: 2024-01-15T17:03:22Z, uid: ce0a815e-6f5e-4a2c-a874-6aa292142e7d, active: true }"#,
    "\n",
    r#"Customer { id: 3, first_name: "Douglas", last_name: "Abbott", email: "Douglas.Abbott@example.com", age: 42, score: 96.37837620330527, code: "MT-850112", tier: "silver", nickname: Some("rZ1J2THPdLAR"), tags: ["XFXp2m7Y9kp16", "DQzz"], address: Address { city: "Oviedo" }, created_at: 2020-07-19T23:09:00Z, uid: 65dc542f-5bb0-414b-8996-ae9c743bc0ad, active: true }"#,
    "\n",
);
const PINNED_ORDERS: &str = concat!(
    r#"Order { id: 1, customer_id: 35, customer_email: "Angela.Murphy@example.com", amount: 303.92059332427493, status: "pending", plan: Free, number: 1612 }"#,
    "\n",
    r#"Order { id: 2, customer_id: 5, customer_email: "Andy.Coleman@example.com", amount: 250.25241930413893, status: "paid", plan: Free, number: 5448 }"#,
    "\n",
    r#"Order { id: 3, customer_id: 14, customer_email: "Allison.Scales@example.com", amount: 396.055012431057, status: "paid", plan: Pro { seats: 5986 }, number: 7622 }"#,
    "\n",
);
