//! MySQL and MariaDB: multi-row `INSERT` statements of up to a few MiB each, inside a
//! transaction per batch. An `AUTO_INCREMENT` counter moves past the keys inserted by itself.

use std::ops::Range;

use datagen_engine::TableSchema;
use mysql::prelude::Queryable;
use mysql::{Conn, Opts};

use super::cycle::CatalogFk;
use super::encode::Piece;
use super::loader::Connection;
use super::{DbError, Dialect, ddl};

/// The largest statement sent, below the server's `max_allowed_packet` (16 MiB by default).
const MAX_STATEMENT: usize = 4 << 20;

/// An open MySQL or MariaDB connection.
pub(crate) struct Mysql {
    conn: Conn,
    /// Half the server's `max_allowed_packet`, at most [`MAX_STATEMENT`].
    max_statement: usize,
    /// The statement being built.
    sql: Vec<u8>,
}

impl Mysql {
    /// Connects to `url` (`mysql://user:password@host:port/db`).
    pub(crate) fn open(url: &str) -> Result<Self, DbError> {
        let opts = Opts::from_url(url).map_err(|e| DbError::new(e.to_string()))?;
        let mut conn = Conn::new(opts).map_err(error)?;
        // Values are written in UTC: keep the session from shifting them.
        conn.query_drop("SET time_zone = '+00:00', NAMES utf8mb4")
            .map_err(error)?;
        let packet: Option<u64> = conn
            .query_first("SELECT @@max_allowed_packet")
            .map_err(error)?;
        let max_statement = packet
            .map_or(MAX_STATEMENT, |p| {
                usize::try_from(p / 2).unwrap_or(MAX_STATEMENT)
            })
            .clamp(64 << 10, MAX_STATEMENT);
        Ok(Self {
            conn,
            max_statement,
            sql: Vec::new(),
        })
    }

    fn run(&mut self) -> Result<(), DbError> {
        let sql = std::str::from_utf8(&self.sql).map_err(|e| DbError::new(e.to_string()))?;
        self.conn.query_drop(sql).map_err(error)
    }
}

/// A driver error as a [`DbError`], naming the constraint or key the server names.
fn error(e: mysql::Error) -> DbError {
    match &e {
        mysql::Error::MySqlError(m) => DbError {
            message: format!("error {} ({}): {}", m.code, m.state, m.message),
            constraint: constraint_of(&m.message),
            code: Some(m.code.to_string()),
        },
        _ => DbError::new(e.to_string()),
    }
}

/// The constraint a MySQL message names: ``CONSTRAINT `c` failed``, ``... CONSTRAINT `fk`
/// FOREIGN KEY ...``, or a duplicate's ``for key 'k'``.
fn constraint_of(message: &str) -> Option<String> {
    if let Some((_, rest)) = message.split_once("CONSTRAINT `") {
        return rest.split_once('`').map(|(name, _)| name.to_string());
    }
    let (_, rest) = message.split_once("for key '")?;
    rest.split_once('\'').map(|(name, _)| name.to_string())
}

impl Connection for Mysql {
    fn exists(&mut self, table: &str) -> Result<bool, DbError> {
        let n: Option<u64> = self
            .conn
            .exec_first(
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema = DATABASE() AND table_name = ?",
                (table,),
            )
            .map_err(error)?;
        Ok(n.unwrap_or(0) > 0)
    }

    fn count(&mut self, table: &str) -> Result<u64, DbError> {
        let sql = format!("SELECT COUNT(*) FROM {}", ddl::ident(Dialect::Mysql, table));
        let n: Option<u64> = self.conn.query_first(sql).map_err(error)?;
        Ok(n.unwrap_or(0))
    }

    fn columns(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        self.conn
            .exec(
                "SELECT COLUMN_NAME FROM information_schema.columns \
                 WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ORDINAL_POSITION",
                (table,),
            )
            .map_err(error)
    }

    fn execute(&mut self, sql: &str) -> Result<(), DbError> {
        self.conn.query_drop(sql).map_err(error)
    }

    fn begin(&mut self) -> Result<(), DbError> {
        self.conn.query_drop("START TRANSACTION").map_err(error)
    }

    fn send(
        &mut self,
        table: &TableSchema,
        piece: &Piece,
        rows: Range<usize>,
    ) -> Result<u64, DbError> {
        let head = format!(
            "INSERT INTO {} ({}) VALUES ",
            ddl::ident(Dialect::Mysql, &table.name),
            ddl::column_list(Dialect::Mysql, table)
        );
        let mut sent = 0u64;
        let mut at = rows.start;
        while at < rows.end {
            self.sql.clear();
            self.sql.extend_from_slice(head.as_bytes());
            let from = at;
            while at < rows.end {
                let row = piece.bytes(at..at + 1);
                // One row always goes, however long; more only while the statement fits.
                if at > from && self.sql.len() + row.len() + 1 > self.max_statement {
                    break;
                }
                if at > from {
                    self.sql.push(b',');
                }
                self.sql.extend_from_slice(row);
                at += 1;
            }
            self.run()?;
            sent += self.sql.len() as u64;
        }
        Ok(sent)
    }

    fn commit(&mut self) -> Result<(), DbError> {
        self.conn.query_drop("COMMIT").map_err(error)
    }

    fn rollback(&mut self) -> Result<(), DbError> {
        self.conn.query_drop("ROLLBACK").map_err(error)
    }

    fn query_count(&mut self, sql: &str) -> Result<u64, DbError> {
        let n: Option<u64> = self.conn.query_first(sql).map_err(error)?;
        Ok(n.unwrap_or(0))
    }

    fn foreign_keys(&mut self) -> Result<Vec<CatalogFk>, DbError> {
        let rows: Vec<(String, String, String, String, String)> = self
            .conn
            .query(
                "SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME, COLUMN_NAME, \
                   REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE \
                 WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL \
                 ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
            )
            .map_err(error)?;
        let mut out: Vec<CatalogFk> = Vec::new();
        for (name, table, parent, column, parent_column) in rows {
            match out.last_mut() {
                Some(fk) if fk.name == name && fk.table == table => {
                    fk.columns.push(column);
                    fk.parent_columns.push(parent_column);
                }
                _ => out.push(CatalogFk {
                    name,
                    table,
                    columns: vec![column],
                    parent,
                    parent_columns: vec![parent_column],
                    deferrable: false,
                }),
            }
        }
        Ok(out)
    }

    fn fk_checks(&mut self, on: bool) -> Result<(), DbError> {
        let value = u8::from(on);
        self.conn
            .query_drop(format!("SET FOREIGN_KEY_CHECKS = {value}"))
            .map_err(error)
    }
}

#[cfg(test)]
mod tests {
    use super::constraint_of;

    #[test]
    fn constraints_are_read_from_the_servers_messages() {
        let check = "CONSTRAINT `qty_small` failed for `test`.`order_line`";
        assert_eq!(constraint_of(check).as_deref(), Some("qty_small"));
        let fk = "Cannot add or update a child row: a foreign key constraint fails (`t`.`c`, CONSTRAINT `c_ibfk_1` FOREIGN KEY (`p`) REFERENCES `p` (`id`))";
        assert_eq!(constraint_of(fk).as_deref(), Some("c_ibfk_1"));
        let dup = "Duplicate entry '1' for key 'PRIMARY'";
        assert_eq!(constraint_of(dup).as_deref(), Some("PRIMARY"));
        assert_eq!(constraint_of("Lost connection"), None);
    }
}
