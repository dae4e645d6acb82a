// Every bad attribute of a build is reported at once, each at its own token.
use datagen::prelude::*;

#[derive(Generate)]
struct Order {
    #[datagen(range = 10..1, unique)]
    a: f64,
    #[datagen(regex = "[a-z", null_rate = 2.0)]
    b: Option<String>,
    #[datagen(one_of = ["x", "y"], weights = [1])]
    c: String,
    #[datagen(len = 1..=3)]
    d: String,
}

fn main() {}
