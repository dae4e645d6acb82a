//! `#[derive(Generate)]` for datagen.
