//! Database destinations: a plan's entities loaded straight into SQLite, PostgreSQL or
//! MySQL/MariaDB, in dependency order, in committed batches, resumable after a failure.
//!
//! The shared loader ([`load`]) creates missing tables (with a SQL input's own DDL, or from
//! each entity's [`TableSchema`](datagen_engine::TableSchema) with its keys), generates chunks
//! of rows in worker threads ahead of the database and hands them to one connection in row
//! order. Tables in a cycle of foreign keys load with the checks deferred and are checked
//! afterwards; sequences are moved past the keys loaded. Each database has
//! its own fast path: SQLite prepared statements in large transactions, PostgreSQL
//! `COPY ... FROM STDIN`, MySQL multi-row `INSERT` statements.
//!
//! # Batches, failures and resuming
//! Rows are committed in transactions of `commit_rows` rows, in row order. When a batch
//! fails, the loader finds the first row of the batch the database refuses (by loading
//! shorter and shorter prefixes of the batch and rolling them back), commits the rows before
//! it, and stops with a [`LoadError`] naming that row, the constraint and the server's
//! message, and how many rows every table holds.
//!
//! Every row is a pure function of (seed, entity, row index), so a stopped load continues
//! knowing only how many rows each table holds: with `resume`, a table that holds `n` rows
//! gets rows `n..` of its entity. The rule this relies on: the table holds only rows of the
//! same plan (same input, seed and row counts), loaded by a previous run. Without `resume`,
//! a table that already holds rows is an error, so nothing is appended by mistake.

mod create;
mod cycle;
mod ddl;
mod encode;
mod loader;
mod mysql;
mod order;
mod postgres;
mod sqlite;

use std::fmt;

pub use datagen_engine::ddl::{DdlKind, DdlStatement};
pub use loader::load;

use datagen_engine::Plan;
use datagen_engine::ir::Schema;
use datagen_engine::url::redact;

/// Which database a destination URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite, embedded (`sqlite://path`).
    Sqlite,
    /// PostgreSQL (`postgresql://` or `postgres://`).
    Postgres,
    /// MySQL or MariaDB (`mysql://` or `mariadb://`).
    Mysql,
}

impl Dialect {
    /// The database's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Sqlite => "SQLite",
            Dialect::Postgres => "PostgreSQL",
            Dialect::Mysql => "MySQL",
        }
    }
}

/// A parsed `--to` URL.
#[derive(Clone, PartialEq, Eq)]
pub struct Destination {
    /// The database kind.
    pub dialect: Dialect,
    /// What the driver connects to: a file path for SQLite, a URL otherwise.
    target: String,
}

impl fmt::Debug for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Destination({})", self.display())
    }
}

impl Destination {
    /// Parses a destination URL: `sqlite://path/to/file.db` (`sqlite:///abs/path.db` for an
    /// absolute path), `postgresql://user@host:port/db` (or `postgres://`),
    /// `mysql://user:password@host:port/db` (or `mariadb://`).
    ///
    /// # Errors
    /// A message saying what is wrong and which forms are accepted.
    pub fn parse(url: &str) -> Result<Destination, String> {
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            format!("`{url}` is not a destination URL; write `sqlite://FILE`, `postgresql://USER@HOST/DB` or `mysql://USER@HOST/DB`")
        })?;
        let (dialect, target) = match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => (Dialect::Sqlite, rest.to_string()),
            "postgresql" | "postgres" => (Dialect::Postgres, format!("postgresql://{rest}")),
            "mysql" | "mariadb" => (Dialect::Mysql, format!("mysql://{rest}")),
            other => {
                return Err(format!(
                    "`{other}://` is not a destination datagen knows; use `sqlite://`, `postgresql://` or `mysql://` (`mariadb://`)"
                ));
            }
        };
        if target.is_empty() || (dialect == Dialect::Sqlite && rest.is_empty()) {
            return Err(format!(
                "`{url}` names no database; write `sqlite://data.db`"
            ));
        }
        if dialect != Dialect::Sqlite && !rest.contains('/') {
            return Err(format!(
                "`{url}` names no database; end the URL with `/DATABASE`, as in `{scheme}://user@localhost/test`"
            ));
        }
        Ok(Destination { dialect, target })
    }

    /// The URL with any password replaced by `***`, for messages.
    pub fn display(&self) -> String {
        match self.dialect {
            Dialect::Sqlite => format!("sqlite://{}", self.target),
            _ => redact(&self.target),
        }
    }
}

/// What to load and how.
pub struct LoadJob<'a> {
    /// The compiled input.
    pub plan: &'a Plan,
    /// The schema the plan was compiled from: its keys and refs become primary and foreign
    /// keys of the tables created, and decide the load order.
    pub schema: &'a Schema,
    /// Where to load.
    pub to: &'a Destination,
    /// The entities to load, by plan index (loaded in dependency order, whatever the order here).
    pub entities: Vec<usize>,
    /// Generator threads (1: everything on the calling thread).
    pub threads: usize,
    /// Rows per generated chunk.
    pub chunk_rows: usize,
    /// Rows per committed transaction.
    pub commit_rows: u64,
    /// Continue a stopped load: each table's existing rows are taken as its first rows.
    pub resume: bool,
    /// The input's own DDL, when it was SQL in the destination's dialect: missing tables are
    /// created by its statements (types, tables, constraints, indexes as written) instead of
    /// from the IR.
    pub ddl: Option<Vec<DdlStatement>>,
}

/// A finished load: what each table got, and what was checked on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// One report per table, in load order.
    pub reports: Vec<crate::writer::EntityReport>,
    /// Things to tell the user: tables created and how, foreign-key cycles loaded with their
    /// checks deferred and what the integrity check after them found.
    pub notes: Vec<String>,
}

/// An error the database returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbError {
    /// The server's (or driver's) message.
    pub message: String,
    /// The constraint the row broke, when the server names one.
    pub constraint: Option<String>,
    /// The server's error code (PostgreSQL's SQLSTATE, MySQL's error number), when known.
    pub code: Option<String>,
}

impl DbError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            constraint: None,
            code: None,
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// How far one table got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCount {
    /// The table (entity) name.
    pub table: String,
    /// Rows the table holds, committed.
    pub committed: u64,
    /// Rows the plan has for it.
    pub planned: u64,
}

/// The row a failed load stopped at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedRow {
    /// The table.
    pub table: String,
    /// The entity's row index (0-based) the database refused.
    pub row: u64,
}

/// A failed load: what went wrong, where, and what every table holds.
#[derive(Debug)]
pub struct LoadError {
    /// The destination, password hidden.
    pub destination: String,
    /// What went wrong.
    pub error: DbError,
    /// The refused row, when the failure was a row's.
    pub failed: Option<FailedRow>,
    /// Committed rows per table, in load order (tables not reached hold what they held before).
    pub tables: Vec<TableCount>,
    /// Whether rerunning with `resume` continues the load.
    pub resumable: bool,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "loading into {} failed: ", self.destination)?;
        if let Some(row) = &self.failed {
            write!(f, "table `{}` refused row {} (0-based)", row.table, row.row)?;
            if let Some(c) = &self.error.constraint {
                write!(f, " at constraint `{c}`")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.error.message.trim_end())?;
        if !self.tables.is_empty() {
            write!(f, "; committed rows:")?;
            for (i, t) in self.tables.iter().enumerate() {
                let sep = if i == 0 { " " } else { ", " };
                write!(f, "{sep}`{}` {} of {}", t.table, t.committed, t.planned)?;
            }
        }
        if self.resumable {
            write!(
                f,
                "; fix the cause and run the same command with `--resume` to continue from there"
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_schemes_and_hides_passwords() {
        let d = Destination::parse("sqlite://out/data.db").unwrap();
        assert_eq!(
            (d.dialect, d.target.as_str()),
            (Dialect::Sqlite, "out/data.db")
        );
        let d = Destination::parse("sqlite:///tmp/x.db").unwrap();
        assert_eq!(d.target, "/tmp/x.db");
        let d = Destination::parse("postgres://u:pw@h:5432/db").unwrap();
        assert_eq!(d.dialect, Dialect::Postgres);
        assert_eq!(d.display(), "postgresql://u:***@h:5432/db");
        let d = Destination::parse("mariadb://root@127.0.0.1:3306/test").unwrap();
        assert_eq!(
            (d.dialect, d.display().as_str()),
            (Dialect::Mysql, "mysql://root@127.0.0.1:3306/test")
        );
        let e = Destination::parse("kafka://broker/topic").unwrap_err();
        assert!(e.contains("`kafka://` is not a destination"), "{e}");
        let e = Destination::parse("postgresql://localhost").unwrap_err();
        assert!(e.contains("end the URL with `/DATABASE`"), "{e}");
        assert!(Destination::parse("data.db").is_err());
    }
}
