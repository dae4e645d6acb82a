use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    first_name: String,
    last_name: String,
    #[datagen(template = "{frist_name}.{last_name}@example.com")]
    a: String,
    #[datagen(template = "{first_name")]
    b: String,
    #[datagen(template = "{c}")]
    c: String,
    #[datagen(template = "{first_name|lowr}")]
    d: String,
    #[datagen(template = "{f}")]
    e: String,
    #[datagen(template = "{e}")]
    f: String,
    #[datagen(template = "}{{")]
    g: String,
}

#[derive(Generate)]
struct NotDisplay {
    tags: Vec<String>,
    #[datagen(template = "{tags}")]
    joined: String,
}

fn main() {}
