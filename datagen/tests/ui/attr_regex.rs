use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(regex = "[A-Z")]
    a: String,
    #[datagen(regex = "(ab")]
    b: String,
    #[datagen(regex = "a{3,1}")]
    c: String,
}

fn main() {}
