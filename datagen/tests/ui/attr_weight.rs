use datagen::prelude::*;

#[derive(Generate)]
enum Never {
    #[datagen(weight = 0)]
    A,
    #[datagen(weight = 0)]
    B,
}

#[derive(Generate)]
enum Bad {
    #[datagen(weight = -1)]
    A,
    #[datagen(weight = "3")]
    B,
    #[datagen(wieght = 3)]
    C,
}

#[derive(Generate)]
struct OnAField {
    #[datagen(weight = 2)]
    a: u8,
}

#[derive(Generate)]
enum Empty {}

fn main() {}
