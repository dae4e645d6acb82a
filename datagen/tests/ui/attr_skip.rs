use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(skip = true)]
    a: String,
    #[datagen(skip, null_rate = 0.5)]
    b: Option<String>,
}

fn main() {}
