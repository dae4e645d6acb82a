//! The text formats, read back with independent readers (csv, serde_json, quick-xml, SQLite).

mod delimited;
mod fixture;
mod json;
mod sql;
mod values;
mod xml;
