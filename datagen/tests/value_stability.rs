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
    r#"Customer { id: 1, first_name: "Ursula", last_name: "Smith", email: "Ursula.Smith@example.com", age: 47, score: 93.72538714560497, code: "QZ-723333", tier: "bronze", nickname: Some("66RuGbKoFWGUQw"), tags: ["prZqAYIZU", "Ap9ljJQ36hGW"], address: Address { city: "Tulsa" }, created_at: 2020-06-13T01:18:51Z, uid: 0054e44c-b5d8-41df-9bcd-fd17bfe2ae31, active: true }"#,
    "\n",
    r#"Customer { id: 2, first_name: "Tanya", last_name: "Craig", email: "Tanya.Craig@example.com", age: 25, score: 97.61209398630916, code: "NL-533809", tier: "bronze", nickname: Some("nyaQ"), tags: ["Ius4xK3NVj6I"], address: Address { city: "Jacksonville" }, created_at: 2020-10-09T03:56:42Z, uid: bcfd15ba-3acd-4ec5-a1a8-1488c3d875c9, active: false }"#,
    "\n",
    r#"Customer { id: 3, first_name: "Michael", last_name: "Caldwell", email: "Michael.Caldwell@example.com", age: 89, score: 117.66389807767018, code: "FZ-488551", tier: "bronze", nickname: Some("7x4Diiga0NJ2wGj"), tags: ["vepw8", "i"], address: Address { city: "Pembroke Pines" }, created_at: 2024-10-16T05:57:28Z, uid: 695b6cc1-96c7-42ff-ba8b-47b3e5e6d307, active: true }"#,
    "\n",
);
const PINNED_ORDERS: &str = concat!(
    r#"Order { id: 1, customer_id: 62, customer_email: "Robert.Callahan@example.com", amount: 477.22445501887194, status: "pending", plan: Pro { seats: 59281 }, number: 4307 }"#,
    "\n",
    r#"Order { id: 2, customer_id: 43, customer_email: "Tiffany.Aiken@example.com", amount: 116.51311748794548, status: "shipped", plan: Free, number: 8761 }"#,
    "\n",
    r#"Order { id: 3, customer_id: 10, customer_email: "Timothy.Martino@example.com", amount: 263.6146449484329, status: "paid", plan: Pro { seats: 56801 }, number: 6295 }"#,
    "\n",
);
