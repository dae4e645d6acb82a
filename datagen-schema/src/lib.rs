//! Schema importers: real-world schemas (JSON Schema, SQL DDL) turned into the datagen schema IR.

pub mod jsonschema;
pub mod sql;
