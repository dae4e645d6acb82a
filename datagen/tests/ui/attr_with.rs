use datagen::prelude::*;

fn wrong_type(_: &mut Ctx) -> u32 {
    1
}

#[derive(Generate)]
struct Customer {
    #[datagen(with = no_such_fn)]
    a: String,
    #[datagen(with = wrong_type)]
    b: String,
}

fn main() {}
