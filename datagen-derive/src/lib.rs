//! `#[derive(Generate)]` for datagen: deterministic values for structs and enums from
//! `#[datagen(...)]` field attributes.
//!
//! The derive parses attributes into a typed model (`attr.rs`, `ast.rs`), checks the rules across
//! them (`valid.rs`), then generates code from the validated model (`expand.rs`, `source.rs`). With
//! errors, it emits every one of them beside stub impls (`fallback.rs`). Generated code reaches the
//! runtime only through `::datagen::__private`.

mod arbitrary;
mod ast;
mod attr;
mod cases;
mod ctxt;
mod dist;
mod expand;
mod factory;
mod fallback;
mod lit;
mod order;
mod source;
mod template;
#[cfg(test)]
mod tests;
mod valid;

use proc_macro::TokenStream;

/// Derives `Generate` and `Entity`: see the `datagen` crate documentation for the attributes.
#[proc_macro_derive(Generate, attributes(datagen))]
pub fn derive_generate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
