//! Quickstart: customers and their orders, deterministic per seed, references by construction
//! (`cargo run --example quickstart -- [ROWS] [SEED]`).

use datagen::prelude::*;

#[derive(Generate, Debug)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: String,
    #[datagen(provider = "person.last_name")]
    last_name: String,
    #[datagen(template = "{first_name|lower}.{last_name|lower}@example.com")]
    email: String,
    #[datagen(range = 18..=90)]
    age: u8,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
    tier: String,
    #[datagen(provider = "address.city")]
    city: String,
}

#[derive(Generate, Debug)]
struct Order {
    #[datagen(key)]
    id: u64,
    #[datagen(ref = Customer::id)]
    customer_id: u64,
    #[datagen(lookup = Customer::email, by = customer_id)]
    customer_email: String,
    #[datagen(lognormal(mu = 3.5, sigma = 0.8))]
    amount: f64,
    #[datagen(regex = "ORD-[0-9]{8}", unique)]
    number: String,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rows: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let mut ctx = Ctx::seeded(seed).with_count::<Customer>(rows);
    for _ in 0..rows {
        println!("{:?}", Customer::generate(&mut ctx));
    }
    for _ in 0..rows * 2 {
        println!("{:?}", Order::generate(&mut ctx));
    }
}
