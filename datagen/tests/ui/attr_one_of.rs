use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3])]
    a: String,
    #[datagen(one_of = [])]
    b: String,
    #[datagen(one_of = ["x", "y"], weights = [0, 0])]
    c: String,
    #[datagen(weights = [1, 2])]
    d: String,
    #[datagen(one_of = ["x", "y"], weights = [1, -2])]
    e: String,
    #[datagen(one_of = "x")]
    f: String,
}

fn main() {}
