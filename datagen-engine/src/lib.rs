//! The datagen bulk engine: the schema IR, native configs, plans and columnar row chunks.
//!
//! Input (a native config or, later, a foreign schema) becomes an [`ir::Schema`]; [`plan::Plan`]
//! checks it and compiles every field into a generator; [`plan::Plan::chunk`] generates any range
//! of an entity's rows as a [`chunk::Chunk`], each value a pure function of (seed, entity, row,
//! field name), so chunks can be made in any order, on any thread, in any process.

pub mod cases;
pub mod chunk;
pub mod config;
pub mod ddl;
pub mod diag;
pub mod ir;
pub mod plan;
pub mod text;
pub mod url;

pub use plan::{Plan, Settings};

pub use chunk::{Chunk, Column, ColumnSchema, Strings, TableSchema, Values};
pub use diag::{Diagnostic, Diagnostics};
