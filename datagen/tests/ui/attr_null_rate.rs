use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(null_rate = 0.25)]
    a: String,
    #[datagen(null_rate = 1.5)]
    b: Option<String>,
    #[datagen(null_rate = -0.1)]
    c: Option<String>,
    #[datagen(null_rate)]
    d: Option<String>,
}

fn main() {}
