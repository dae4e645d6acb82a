use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(key)]
    id: u64,
}

#[derive(Generate)]
struct Order {
    #[datagen(ref = Customer)]
    a: u64,
    #[datagen(ref = Customer::idd)]
    b: u64,
    #[datagen(ref = Client::id)]
    c: u64,
}

fn main() {}
