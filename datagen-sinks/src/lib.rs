//! datagen's encoders (CSV, JSON Lines, JSON, XML, SQL, Parquet, Avro, Arrow IPC), compression
//! and the ordered file writer.

pub mod columnar;
pub mod format;
pub mod text;
pub mod writer;

pub use format::{
    ColumnarFormat, ColumnarWriter, Compression, Format, FormatOptions, SqlDialect, TextFormat,
};
