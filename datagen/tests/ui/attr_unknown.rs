use datagen::prelude::*;

#[derive(Generate)]
#[datagen(entiy = "customer")]
struct Customer {
    #[datagen(rnage = 18..=90)]
    age: u8,
    #[datagen(nul_rate = 0.5)]
    nickname: Option<String>,
    #[datagen(providr = "person.first_name")]
    name: String,
    #[datagen(colour = "red")]
    color: String,
}

fn main() {}
