use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(key)]
    id: u64,
    email: String,
}

#[derive(Generate)]
struct Vendor {
    #[datagen(key)]
    id: u64,
}

#[derive(Generate)]
struct Order {
    #[datagen(ref = Customer::id)]
    customer_id: u64,
    #[datagen(ref = Customer::id, null_rate = 0.5)]
    maybe_customer: Option<u64>,
    #[datagen(range = 1..=9)]
    plain: u64,
    #[datagen(lookup = Customer::email)]
    a: String,
    #[datagen(lookup = Customer::email, by = plain)]
    b: String,
    #[datagen(lookup = Customer::email, by = custmer_id)]
    c: String,
    #[datagen(range = 1..=9, by = customer_id)]
    d: u64,
    #[datagen(lookup = Vendor::id, by = customer_id)]
    e: u64,
    #[datagen(lookup = Customer::email, by = maybe_customer)]
    f: String,
}

#[derive(Generate)]
struct WrongType {
    #[datagen(ref = Customer::id)]
    customer_id: u64,
    #[datagen(lookup = Customer::email, by = customer_id)]
    email: u64,
}

fn main() {}
