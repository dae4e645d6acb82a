//! PostgreSQL: each piece streamed with `COPY "t" (...) FROM STDIN` in the text format, inside
//! a transaction per batch.

use std::io::Write;
use std::ops::Range;

use datagen_engine::TableSchema;
use postgres::{Client, NoTls};

use super::encode::Piece;
use super::loader::Connection;
use super::{DbError, Dialect, ddl};

/// An open PostgreSQL connection.
pub(crate) struct Postgres {
    client: Client,
    /// The `COPY` statement of the table being loaded: (table, statement).
    copy: Option<(String, String)>,
}

impl Postgres {
    /// Connects to `url` (`postgresql://user@host:port/db`), without TLS.
    pub(crate) fn open(url: &str) -> Result<Self, DbError> {
        let client = Client::connect(url, NoTls).map_err(error)?;
        Ok(Self { client, copy: None })
    }
}

/// A driver error as a [`DbError`]: the server's message, detail and constraint.
fn error(e: postgres::Error) -> DbError {
    match e.as_db_error() {
        Some(db) => {
            let mut message = format!("{}: {}", db.severity(), db.message());
            if let Some(detail) = db.detail() {
                message.push_str(" (");
                message.push_str(detail);
                message.push(')');
            }
            DbError {
                message,
                constraint: db.constraint().map(str::to_string),
            }
        }
        None => DbError::new(e.to_string()),
    }
}

impl Connection for Postgres {
    fn exists(&mut self, table: &str) -> Result<bool, DbError> {
        let row = self
            .client
            .query_one(
                "SELECT count(*) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = $1",
                &[&table],
            )
            .map_err(error)?;
        Ok(row.get::<_, i64>(0) > 0)
    }

    fn count(&mut self, table: &str) -> Result<u64, DbError> {
        let sql = format!(
            "SELECT count(*) FROM {}",
            ddl::ident(Dialect::Postgres, table)
        );
        let row = self.client.query_one(&sql, &[]).map_err(error)?;
        Ok(row.get::<_, i64>(0).unsigned_abs())
    }

    fn execute(&mut self, sql: &str) -> Result<(), DbError> {
        self.client.batch_execute(sql).map_err(error)
    }

    fn begin(&mut self) -> Result<(), DbError> {
        self.client.batch_execute("BEGIN").map_err(error)
    }

    fn send(
        &mut self,
        table: &TableSchema,
        piece: &Piece,
        rows: Range<usize>,
    ) -> Result<u64, DbError> {
        let statement = match &self.copy {
            Some((name, statement)) if *name == table.name => statement.clone(),
            _ => {
                let statement = format!(
                    "COPY {} ({}) FROM STDIN",
                    ddl::ident(Dialect::Postgres, &table.name),
                    ddl::column_list(Dialect::Postgres, table)
                );
                self.copy = Some((table.name.clone(), statement.clone()));
                statement
            }
        };
        let bytes = piece.bytes(rows);
        let mut writer = self.client.copy_in(statement.as_str()).map_err(error)?;
        // A write error is the server refusing the data: `finish` returns its message.
        let written = writer.write_all(bytes);
        let finished = writer.finish().map_err(error);
        match (written, finished) {
            (_, Err(e)) => Err(e),
            (Err(e), Ok(_)) => Err(DbError::new(e.to_string())),
            (Ok(()), Ok(_)) => Ok(bytes.len() as u64),
        }
    }

    fn commit(&mut self) -> Result<(), DbError> {
        self.client.batch_execute("COMMIT").map_err(error)
    }

    fn rollback(&mut self) -> Result<(), DbError> {
        self.client.batch_execute("ROLLBACK").map_err(error)
    }
}
