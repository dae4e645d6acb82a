use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(provider = "person.first_name", range = 1..3)]
    a: String,
    #[datagen(key, skip)]
    b: u64,
    #[datagen(range = 1..3, range = 1..4)]
    c: u8,
    #[datagen(null_rate = 0.1, null_rate = 0.2)]
    d: Option<u8>,
}

fn main() {}
