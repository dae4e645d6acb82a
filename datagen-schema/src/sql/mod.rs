//! SQL DDL (PostgreSQL, MySQL/MariaDB, SQLite) into the schema IR: tables in foreign-key order,
//! every column a generator whose values the database accepts.
//!
//! Statements are split with the dialect's own tokenizer and parsed one by one with
//! [`sqlparser`]; statements that carry no data shape (views, functions, triggers, grants,
//! indexes other than unique ones, settings) are skipped. A constraint that cannot be honoured
//! by construction is an error naming it, never silently dropped.

mod build;
mod check;
pub mod introspect;
mod literal;
mod model;
pub(crate) mod names;
pub mod script;
mod split;
mod types;
mod value;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use datagen_engine::Diagnostic;
use datagen_engine::ir::Schema;

/// Rows per table when neither the schema nor `--rows` says.
pub const DEFAULT_ROWS: u64 = 1000;

/// A SQL dialect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// PostgreSQL.
    Postgres,
    /// MySQL and MariaDB.
    Mysql,
    /// SQLite.
    Sqlite,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
        })
    }
}

impl FromStr for Dialect {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" => Ok(Dialect::Postgres),
            "mysql" | "mariadb" => Ok(Dialect::Mysql),
            "sqlite" | "sqlite3" => Ok(Dialect::Sqlite),
            _ => Err(format!(
                "unknown SQL dialect `{s}`; use postgres, mysql or sqlite"
            )),
        }
    }
}

/// The dialect a DDL text is most likely written in, from the marks only one dialect makes
/// (backticks and `AUTO_INCREMENT` for MySQL, `[names]` and `AUTOINCREMENT` for SQLite, `::`
/// casts, `SERIAL` and dollar quotes for PostgreSQL); PostgreSQL when nothing tells.
pub fn detect(text: &str) -> Dialect {
    let upper = text.to_ascii_uppercase();
    let count = |marks: &[&str]| -> usize { marks.iter().map(|m| upper.matches(m).count()).sum() };
    let mysql = count(&[
        "`",
        "AUTO_INCREMENT",
        "ENGINE=",
        "ENGINE =",
        " UNSIGNED",
        "DELIMITER ",
    ]);
    let sqlite = count(&["AUTOINCREMENT", "PRAGMA ", "WITHOUT ROWID", "[", "NVARCHAR"])
        .saturating_sub(upper.matches("[]").count());
    let postgres = count(&[
        "::",
        "SERIAL",
        "NEXTVAL(",
        "$$",
        "CHARACTER VARYING",
        "BYTEA",
        "OWNER TO",
        "CREATE DOMAIN",
        "CREATE TYPE",
        "WITH TIME ZONE",
        "\\C ",
    ]);
    if mysql > sqlite && mysql >= postgres && mysql > 0 {
        Dialect::Mysql
    } else if sqlite > postgres && sqlite > 0 {
        Dialect::Sqlite
    } else {
        Dialect::Postgres
    }
}

/// Reads DDL `text` (from `source`, for messages) into a schema of [`DEFAULT_ROWS`] rows per
/// table, in `dialect` (detected when `None`), with every problem found.
pub fn parse(
    text: &str,
    source: Option<&Path>,
    dialect: Option<Dialect>,
) -> (Schema, Vec<Diagnostic>) {
    let dialect = dialect.unwrap_or_else(|| detect(text));
    let mut diags = Vec::new();
    let mut broken = Vec::new();
    let statements = split::statements(text, dialect, &mut broken, &mut diags);
    let model = model::collect(&statements, broken, dialect, &mut diags);
    let entities = build::entities(&model, &mut diags);
    let limits = build::limits(&model, &entities);
    let schema = Schema {
        source: source.map(Path::to_path_buf),
        seed: None,
        locale: None,
        entities,
        limits,
    };
    let file = source.map(Path::to_path_buf);
    let diags = diags.into_iter().map(|d| d.in_file(file.clone())).collect();
    (schema, diags)
}

/// Whether `text` looks like SQL DDL: it has a `CREATE TABLE` statement.
pub fn is_ddl(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    upper.contains("CREATE TABLE") || upper.contains("CREATE UNLOGGED TABLE")
}
