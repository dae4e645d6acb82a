use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(range = 5..5)]
    a: u8,
    #[datagen(range = 9..=1)]
    b: u8,
    #[datagen(range = 2.5..-1.0)]
    c: f64,
    #[datagen(range = ..5)]
    d: u8,
    #[datagen(range)]
    e: u8,
}

#[derive(Generate)]
struct OutOfType {
    #[datagen(range = 1.0..2.0)]
    g: String,
}

fn main() {}
