//! The core of datagen: the context, seeding, the `Generate` and `Generator` traits,
//! uniform sampling, distributions, weighted choice, keyed permutations and regex generation.
//!
//! Every value is a pure function of (seed, entity, row index, field name path); see [`seed`].

mod ascii;
pub mod cases;
mod ctx;
pub mod dist;
mod error;
pub mod factory;
mod generate;
pub mod generator;
mod impls;
mod keys;
mod locale;
pub mod permute;
#[doc(hidden)]
pub mod private;
pub mod regex;
pub mod seed;
mod uniform;
pub mod weighted;

pub use cases::{Cases, Invalid};
pub use ctx::{Ctx, Restore, Saved, SavedRow};
pub use error::Error;
pub use generate::{Entity, Generate};
pub use generator::{Generator, from_fn, of, one_of, weighted};
pub use impls::{DEFAULT_LEN, DEFAULT_NULL_RATE, DEFAULT_SPAN_DAYS};
pub use locale::{Locale, UnknownLocale};
pub use uniform::{SampleRange, SampleUniform};

/// Re-exported so users implement and call `rand` traits against the same major version.
pub use rand_core;
/// Re-exported so distributions are built against the same major version.
pub use rand_distr;
