//! SQLite, embedded: one prepared `INSERT` per table, values bound from the chunk's columns,
//! in large transactions.
//!
//! Values are stored as the SQL format writes them for SQLite: integers and floats as numbers,
//! booleans as 1 and 0, decimals as their exact text (which a `NUMERIC` column keeps as a
//! number), dates, times, timestamps and UUIDs as ISO text (zoned timestamps with `Z`), bytes
//! as blobs, lists and structs as JSON text, points as WKT text (`POINT(x y)`).
//!
//! SQLite numbers an `INTEGER PRIMARY KEY` (with or without `AUTOINCREMENT`) past the largest
//! key inserted by itself, and enforces no foreign keys on this connection (`PRAGMA
//! foreign_keys` is off), so a cycle of keys needs nothing special.

use std::ops::Range;

use datagen_engine::{Column, TableSchema, Values};
use rusqlite::{Connection as Db, ErrorCode};

use super::encode::Piece;
use super::loader::Connection;
use super::{DbError, Dialect, ddl};
use crate::text::{push_json, push_scalar};

/// An open SQLite database file.
pub(crate) struct Sqlite {
    db: Db,
    buf: Vec<u8>,
}

impl Sqlite {
    /// Opens (creating if missing) the database file at `path`.
    pub(crate) fn open(path: &str) -> Result<Self, DbError> {
        let db = Db::open(path).map_err(|e| DbError::new(format!("`{path}`: {e}")))?;
        // Wait for a writer that holds the file instead of failing at once.
        db.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(error)?;
        Ok(Self {
            db,
            buf: Vec::new(),
        })
    }
}

/// A rusqlite error as a [`DbError`], naming the constraint SQLite names.
fn error(e: rusqlite::Error) -> DbError {
    let message = e.to_string();
    let constraint = match &e {
        rusqlite::Error::SqliteFailure(f, Some(text))
            if f.code == ErrorCode::ConstraintViolation =>
        {
            // "CHECK constraint failed: qty_small", "UNIQUE constraint failed: t.id".
            text.split_once("constraint failed: ")
                .map(|(_, name)| name.trim().to_string())
        }
        _ => None,
    };
    DbError {
        message,
        constraint,
        code: None,
    }
}

impl Connection for Sqlite {
    fn exists(&mut self, table: &str) -> Result<bool, DbError> {
        self.db
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(error)
    }

    fn count(&mut self, table: &str) -> Result<u64, DbError> {
        let sql = format!(
            "SELECT count(*) FROM {}",
            ddl::ident(Dialect::Sqlite, table)
        );
        self.db
            .query_row(&sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n.unsigned_abs())
            .map_err(error)
    }

    fn columns(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        let mut statement = self
            .db
            .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
            .map_err(error)?;
        let names = statement
            .query_map([table], |r| r.get::<_, String>(0))
            .map_err(error)?;
        names.collect::<Result<_, _>>().map_err(error)
    }

    fn execute(&mut self, sql: &str) -> Result<(), DbError> {
        self.db.execute_batch(sql).map_err(error)
    }

    fn begin(&mut self) -> Result<(), DbError> {
        self.db.execute_batch("BEGIN").map_err(error)
    }

    fn send(
        &mut self,
        table: &TableSchema,
        piece: &Piece,
        rows: Range<usize>,
    ) -> Result<u64, DbError> {
        let Some(chunk) = &piece.chunk else {
            return Err(DbError::new("a SQLite piece without its rows"));
        };
        let placeholders: Vec<String> =
            (1..=table.columns.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            ddl::ident(Dialect::Sqlite, &table.name),
            ddl::column_list(Dialect::Sqlite, table),
            placeholders.join(", ")
        );
        let mut statement = self.db.prepare_cached(&sql).map_err(error)?;
        for row in rows {
            for (i, (schema, col)) in table.columns.iter().zip(&chunk.columns).enumerate() {
                bind(&mut statement, i + 1, col, &schema.ty, row, &mut self.buf).map_err(error)?;
            }
            statement.raw_execute().map_err(error)?;
        }
        Ok(0)
    }

    fn commit(&mut self) -> Result<(), DbError> {
        self.db.execute_batch("COMMIT").map_err(error)
    }

    fn rollback(&mut self) -> Result<(), DbError> {
        if self.db.is_autocommit() {
            return Ok(());
        }
        self.db.execute_batch("ROLLBACK").map_err(error)
    }

    fn query_count(&mut self, sql: &str) -> Result<u64, DbError> {
        self.db
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(i64::unsigned_abs)
            .map_err(error)
    }
}

/// Binds value `row` of `col` to parameter `at`.
fn bind(
    statement: &mut rusqlite::CachedStatement<'_>,
    at: usize,
    col: &Column,
    ty: &datagen_engine::ir::DataType,
    row: usize,
    buf: &mut Vec<u8>,
) -> rusqlite::Result<()> {
    if col.is_null(row) {
        return statement.raw_bind_parameter(at, rusqlite::types::Null);
    }
    match &col.values {
        Values::Int(v) => statement.raw_bind_parameter(at, v[row]),
        Values::Float(v) => statement.raw_bind_parameter(at, v[row]),
        Values::Bool(v) => statement.raw_bind_parameter(at, i64::from(v[row])),
        Values::Str(s) => statement.raw_bind_parameter(at, s.get(row)),
        Values::Bytes { data, offsets } => {
            let r = offsets[row] as usize..offsets[row + 1] as usize;
            statement.raw_bind_parameter(at, &data[r])
        }
        _ => {
            buf.clear();
            if !push_scalar(buf, col, ty, row, &[b"NaN", b"Infinity", b"-Infinity"]) {
                push_json(buf, col, ty, row);
            }
            let text = std::str::from_utf8(buf)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            statement.raw_bind_parameter(at, text)
        }
    }
}
