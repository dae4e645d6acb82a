use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(key)]
    id: u64,
}

#[derive(Generate)]
struct NotAPath {
    #[datagen(ref = Customer)]
    a: u64,
    #[datagen(ref = "Customer::id")]
    b: u64,
    #[datagen(ref = Customer::id, unique)]
    c: u64,
}

#[derive(Generate)]
enum InAVariant {
    A {
        #[datagen(ref = Customer::id)]
        a: u64,
    },
}

fn main() {}
