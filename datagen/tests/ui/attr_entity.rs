use datagen::prelude::*;

#[derive(Generate)]
#[datagen(entity = "")]
struct A {
    a: u8,
}

#[derive(Generate)]
#[datagen(entity = customer)]
struct B {
    #[datagen(entity = "b")]
    b: u8,
}

#[derive(Generate)]
#[datagen(range = 1..2)]
struct C {
    c: u8,
}

#[derive(Generate)]
union D {
    d: u8,
}

fn main() {}
