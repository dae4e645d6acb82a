use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(len = 1..=3)]
    a: String,
    #[datagen(len = 3..1)]
    b: Vec<u8>,
    #[datagen(len = 2..)]
    c: Vec<u8>,
}

fn main() {}
