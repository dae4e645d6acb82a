//! The column-oriented binary formats: Parquet, Avro and Arrow IPC.
//!
//! Parquet and Arrow IPC share one mapping of datagen types to Arrow ([`arrow`]); Avro is encoded
//! straight from the chunks ([`avro`]). Every format writes the same bytes for the same rows:
//! nothing random or time-dependent goes into a file.
//!
//! `--compress` selects the codec inside the file: Parquet uses zstd (level 3) by default, gzip
//! or snappy; Arrow IPC uses zstd or nothing (it has no gzip or snappy codec, which is an
//! error); Avro uses `zstandard`, `deflate` for gzip, `snappy`, or `null` by default.

pub mod arrow;
mod arrow_ipc;
pub mod avro;
mod parquet;

#[cfg(test)]
mod tests;

pub use self::arrow::{arrow_schema, to_record_batch};
pub use self::arrow_ipc::ArrowIpc;
pub use self::avro::{Avro, DatumEncoder, avro_schema};
pub use self::parquet::{Parquet, ROW_GROUP_BYTES};

use crate::format::{ColumnarFormat, FormatOptions};

/// The columnar format named `name` (`parquet`, `avro`, `arrow`), configured by `options`; `None`
/// for another name.
pub fn columnar_format(name: &str, options: &FormatOptions) -> Option<Box<dyn ColumnarFormat>> {
    Some(match name {
        "parquet" => Box::new(Parquet::new(options)),
        "avro" => Box::new(Avro::new(options)),
        "arrow" => Box::new(ArrowIpc::new(options)),
        _ => return None,
    })
}
