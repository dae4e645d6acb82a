//! Domain data providers by dotted name (`person.first_name`), drawn from real, weighted data.
//!
//! Every provider is a plain function `fn(&mut Ctx) -> R` in the module of its family: word-list
//! providers return `&'static str` borrowed from a table parsed once, composed ones return a
//! `String` and have a `write_*` twin that appends to a buffer instead. The derive's
//! `provider = "person.first_name"` calls [`person::first_name`]; configs and the CLI look names up
//! in the [`registry`].
//!
//! ```
//! use datagen_core::Ctx;
//! use datagen_providers::{address, internet, person, phone};
//!
//! let mut ctx = Ctx::seeded(42);
//! assert_eq!(person::first_name(&mut ctx), "Edward");
//! assert_eq!(person::last_name(&mut ctx), "Herbert");
//! assert_eq!(internet::email(&mut ctx), "dorothynorton@ohara.biz");
//! assert_eq!(phone::number(&mut ctx), "(702) 818-5913");
//! // The `write_*` forms append to a buffer the caller reuses.
//! let mut line = String::new();
//! address::write_street(&mut ctx, &mut line);
//! assert_eq!(line, "7581 Blankenship Court");
//! assert_eq!(address::city(&mut ctx), "Savannah");
//! ```
//!
//! Data files live under `data/<locale>/`, each with a header naming its source and licence (most
//! are MIT or public domain; GeoNames places are CC-BY 4.0, the place tables' postcodes ODbL
//! 1.0, the first-name weights GFDL 1.2+); the scripts in the repository's `scripts/` folder
//! rebuild them. The person, address, phone and internet families have data for all ten
//! locales; [`ProviderInfo::localized`] says which locales each provider has real data for.

mod bank;
mod custom;
mod digits;
mod table;
mod text;
mod weights;

pub mod address;
pub mod company;
pub mod finance;
pub mod geo;
pub mod healthcare;
pub mod internet;
pub mod lorem;
pub mod person;
pub mod phone;
mod registry;
pub mod retail;
pub mod tech;
pub mod time;

pub use custom::{
    LoadError, ProviderRef, RegisterError, WordList, find_any, providers, register,
    register_word_list,
};
pub use registry::{ProviderInfo, find, registry, suggest};
