//! Schema importers: real-world schemas (Avro, JSON Schema, SQL DDL) turned into the datagen schema IR.

pub mod avro;
pub mod jsonschema;
pub mod sql;
