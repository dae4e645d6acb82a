// A ref to a field or type that does not exist, or of the wrong type, is rustc's error at the path.
use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(key)]
    id: u64,
}

#[derive(Generate)]
struct UnknownField {
    #[datagen(ref = Customer::idd)]
    b: u64,
}

#[derive(Generate)]
struct UnknownType {
    #[datagen(ref = Client::id)]
    c: u64,
}

#[derive(Generate)]
struct WrongType {
    #[datagen(ref = Customer::id)]
    d: String,
}

fn main() {}
