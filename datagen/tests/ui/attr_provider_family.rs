// A family that looks like a built-in one is a typo, not a custom provider: an error at the string.
use datagen::prelude::*;

#[derive(Generate)]
struct UnknownFamily {
    #[datagen(provider = "persn.first_name")]
    b: String,
}

fn main() {}
