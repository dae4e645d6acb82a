#![doc = include_str!("../../README.md")]
//!
//! # Crate map
//! - [`Ctx`], [`Generate`], [`Generator`]: the core, from `datagen-core`.
//! - `#[derive(Generate)]` (feature `derive`, on by default).
//! - [`providers`]: domain data by dotted name (`person.first_name`), from `datagen-providers`.
//! - [`dist`], [`generator`], [`permute`], [`seed`], [`weighted`](mod@weighted): building blocks for hand-written
//!   generators.

pub use datagen_core::{
    Cases, Ctx, DEFAULT_LEN, DEFAULT_NULL_RATE, DEFAULT_SPAN_DAYS, Entity, Error, Generate,
    Generator, Invalid, Locale, SampleRange, SampleUniform, UnknownLocale, dist, from_fn,
    generator, of, one_of, permute, rand_core, rand_distr, regex, seed, weighted,
};
/// `#[derive(Generate)]`: see the crate documentation for its attributes.
#[cfg(feature = "derive")]
pub use datagen_derive::Generate;
pub use datagen_providers as providers;

mod custom;
#[cfg(feature = "proptest")]
pub mod proptest;
pub mod testing;

/// Factory support: the override a derived factory holds per field.
pub use datagen_core::factory;

/// Expands to its input when the `proptest` feature is on, to nothing otherwise: the derive
/// can't see the facade's features. Not public API.
#[cfg(feature = "proptest")]
#[doc(hidden)]
#[macro_export]
macro_rules! __if_proptest {
    ($($item:tt)*) => { $($item)* };
}

/// See the other definition.
#[cfg(not(feature = "proptest"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __if_proptest {
    ($($item:tt)*) => {};
}

/// `use datagen::prelude::*;` brings the `Generate` trait and derive, `Ctx`, `Entity` and `Generator`.
pub mod prelude {
    pub use datagen_core::{Cases, Ctx, Entity, Generate, Generator, Locale};
    #[cfg(feature = "derive")]
    pub use datagen_derive::Generate;
}

/// What the derive's expansion refers to. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::__if_proptest;
    pub use crate::custom::{check as check_custom_provider, draw as custom_provider};
    #[cfg(feature = "proptest")]
    pub use crate::proptest::derive as prop;
    pub use chrono;
    pub use core;
    pub use datagen_core::private::*;
    pub use datagen_core::{Cases, Ctx, Entity, Error, Generate, Generator, Invalid, dist, regex};
    pub use datagen_providers as providers;
    pub use std;
    pub use uuid;
}
