//! A SQL input's own DDL as the statements that create its tables: what the SQL importer
//! reads out of a DDL file and a database destination runs (instead of creating the tables
//! from the IR) when the file is in the destination's dialect.

/// What a statement of a DDL script does.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DdlKind {
    /// Creates a type, domain, sequence or extension the tables use: run before the tables
    /// when any table is created, and skipped when the object exists.
    Prelude,
    /// `CREATE TABLE`.
    CreateTable {
        /// The table.
        table: String,
        /// The tables its foreign keys reference (itself excluded).
        parents: Vec<String>,
        /// For `CREATE TABLE ... PARTITION OF p`: `p`.
        partition_of: Option<String>,
    },
    /// Changes a table: `ALTER TABLE` (constraints, defaults, partitions), `CREATE INDEX`,
    /// `ALTER SEQUENCE ... OWNED BY`. Run when the load created the table.
    OnTable {
        /// The table changed.
        table: String,
        /// For `ALTER TABLE t ATTACH PARTITION p`: `p`.
        partition: Option<String>,
    },
}

/// One statement of a DDL script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DdlStatement {
    /// What it does.
    pub kind: DdlKind,
    /// Its text as written (comments inside kept), without the final `;`.
    pub sql: String,
}
