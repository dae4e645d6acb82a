//! datagen's encoders (CSV, JSON Lines, JSON, XML, SQL, Parquet, Avro, Arrow IPC), compression
//! and the ordered file writer.

pub mod format;

pub use format::{
    ColumnarFormat, ColumnarWriter, Compression, Format, FormatOptions, SqlDialect, TextFormat,
};
