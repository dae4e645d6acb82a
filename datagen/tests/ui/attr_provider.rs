// An unknown provider is rustc's own error, spanned at the string.
use datagen::prelude::*;

#[derive(Generate)]
struct UnknownName {
    #[datagen(provider = "person.frist_name")]
    a: String,
}

struct Opaque;

#[derive(Generate)]
struct WrongType {
    #[datagen(provider = "person.first_name")]
    e: Opaque,
}

fn main() {}
