//! PostgreSQL: each piece streamed with `COPY "t" (...) FROM STDIN` in the text format, inside
//! a transaction per batch. `COPY` writes the values given into identity columns, `GENERATED
//! ALWAYS` ones too (as `INSERT ... OVERRIDING SYSTEM VALUE` would); after a table is loaded,
//! the sequences of its serial and identity columns are set to its largest value.

use std::io::Write;
use std::ops::Range;

use datagen_engine::TableSchema;
use postgres::{Client, NoTls};

use super::cycle::CatalogFk;
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
                code: Some(db.code().code().to_string()),
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

    fn columns(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        let rows = self
            .client
            .query(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 ORDER BY ordinal_position",
                &[&table],
            )
            .map_err(error)?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
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

    fn query_count(&mut self, sql: &str) -> Result<u64, DbError> {
        let row = self.client.query_one(sql, &[]).map_err(error)?;
        Ok(row.get::<_, i64>(0).unsigned_abs())
    }

    fn foreign_keys(&mut self) -> Result<Vec<CatalogFk>, DbError> {
        // Keys of partitioned tables once (not again on each partition).
        let rows = self
            .client
            .query(
                "SELECT c.conname::text, cl.relname::text, pl.relname::text, c.condeferrable, \
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) \
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n \
                         ORDER BY k.i), \
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) \
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n \
                         ORDER BY k.i) \
                 FROM pg_constraint c \
                 JOIN pg_class cl ON cl.oid = c.conrelid \
                 JOIN pg_class pl ON pl.oid = c.confrelid \
                 JOIN pg_namespace n ON n.oid = cl.relnamespace \
                 WHERE c.contype = 'f' AND c.conparentid = 0 AND n.nspname = current_schema() \
                 ORDER BY cl.relname, c.conname",
                &[],
            )
            .map_err(error)?;
        Ok(rows
            .iter()
            .map(|r| CatalogFk {
                name: r.get(0),
                table: r.get(1),
                parent: r.get(2),
                deferrable: r.get(3),
                columns: r.get(4),
                parent_columns: r.get(5),
            })
            .collect())
    }

    fn fk_checks(&mut self, on: bool) -> Result<(), DbError> {
        // `replica` fires no ordinary triggers, the foreign keys' among them.
        let role = if on { "DEFAULT" } else { "replica" };
        self.client
            .batch_execute(&format!("SET session_replication_role = {role}"))
            .map_err(error)
    }

    fn advance_sequences(&mut self, table: &str) -> Result<(), DbError> {
        // Serial columns and identity columns own their sequence.
        let quoted = ddl::ident(Dialect::Postgres, table);
        let owned = self
            .client
            .query(
                "SELECT a.attname::text, pg_get_serial_sequence($1, a.attname) \
                 FROM pg_attribute a \
                 WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 AND NOT a.attisdropped \
                   AND pg_get_serial_sequence($1, a.attname) IS NOT NULL",
                &[&quoted],
            )
            .map_err(error)?;
        for row in owned {
            let column: String = row.get(0);
            let sequence: String = row.get(1);
            let sql = format!(
                "SELECT setval($1::text::regclass, m) FROM (SELECT max({}) AS m FROM {quoted}) s \
                 WHERE m IS NOT NULL",
                ddl::ident(Dialect::Postgres, &column)
            );
            self.client.query(&sql, &[&sequence]).map_err(error)?;
        }
        Ok(())
    }
}
