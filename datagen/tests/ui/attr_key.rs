use datagen::prelude::*;

#[derive(Generate)]
struct NotAnInteger {
    #[datagen(key)]
    id: String,
}

#[derive(Generate)]
struct Customer {
    #[datagen(key = 1)]
    other: u64,
    #[datagen(key, null_rate = 0.5)]
    maybe: Option<u64>,
}

#[derive(Generate)]
enum Plan {
    Pro {
        #[datagen(key)]
        id: u64,
    },
}

fn main() {}
