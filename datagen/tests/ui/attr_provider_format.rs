use datagen::prelude::*;

#[derive(Generate)]
struct Malformed {
    #[datagen(provider = "first_name")]
    c: String,
    #[datagen(provider = person.first_name)]
    d: String,
    #[datagen(provider = "person.first name")]
    e: String,
}

fn main() {}
