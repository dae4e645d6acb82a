//! datagen's encoders (CSV, JSON Lines, JSON, XML, SQL, Parquet, Avro, Arrow IPC), compression,
//! the ordered file writer and the database loaders (SQLite, PostgreSQL, MySQL/MariaDB).

pub mod columnar;
pub mod db;
pub mod format;
pub mod text;
pub mod writer;

pub use format::{
    ColumnarFormat, ColumnarWriter, Compression, Format, FormatOptions, SqlDialect, TextFormat,
};
