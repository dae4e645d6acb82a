use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(provider = "person.frist_name")]
    a: String,
    #[datagen(provider = "persn.first_name")]
    b: String,
    #[datagen(provider = "first_name")]
    c: String,
    #[datagen(provider = person.first_name)]
    d: String,
    #[datagen(provider = "person.first_name")]
    e: u32,
}

fn main() {}
