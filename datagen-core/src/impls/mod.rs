//! `Generate` for standard, chrono, uuid and (behind `decimal`) rust_decimal types.

mod collection;
#[cfg(feature = "decimal")]
mod decimal;
mod net;
mod primitive;
mod time;
mod tuple;

pub use collection::{DEFAULT_LEN, DEFAULT_NULL_RATE, element, element_at};
pub use time::DEFAULT_SPAN_DAYS;
