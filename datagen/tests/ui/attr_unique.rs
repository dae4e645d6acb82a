use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(unique, regex = "[a-z]+")]
    a: String,
    #[datagen(unique, provider = "person.first_name")]
    b: String,
    #[datagen(unique, one_of = ["x", "y"], weights = [1, 2])]
    c: String,
    #[datagen(unique, null_rate = 0.5)]
    d: Option<u32>,
    #[datagen(unique = true)]
    f: u32,
}

#[derive(Generate)]
struct NotAnInteger {
    #[datagen(unique)]
    e: String,
    #[datagen(unique, range = 0.0..1.0)]
    g: f64,
}

fn main() {}
