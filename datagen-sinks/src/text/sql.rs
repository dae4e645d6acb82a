//! SQL: `CREATE TABLE` and batched multi-row `INSERT` statements for PostgreSQL, MySQL and
//! SQLite.
//!
//! A file is `CREATE TABLE IF NOT EXISTS "t" ("a" BIGINT NOT NULL, "b" TEXT);` then statements of at most
//! `sql_batch` rows (0 counts as 1): `INSERT INTO "t" ("a", "b") VALUES\n(1, 'x'),\n(2, NULL);`.
//!
//! Literals: strings single-quoted with `'` doubled (MySQL also escapes `\` as `\\` and NUL as
//! `\0`); booleans `TRUE`/`FALSE` (SQLite `1`/`0`); dates, times, timestamps and UUIDs as quoted
//! ISO text (`'2024-02-29T12:00:00Z'`; MySQL `'2024-02-29 12:00:00'`, no `Z`, UTC values);
//! decimals exact and unquoted; bytes `'\x0aff'` (PostgreSQL) or `X'0aff'`; lists and structs as
//! quoted compact JSON text; points ([`DataType::point`]) as `'(x,y)'` (PostgreSQL's `point`),
//! `ST_GeomFromText('POINT(x y)')` (MySQL) or `'POINT(x y)'` (SQLite). Non-finite floats:
//! PostgreSQL `'NaN'`, `'Infinity'`, `'-Infinity'`; SQLite `NULL` for NaN and `9e999`/`-9e999`
//! for infinities; MySQL, which has none, `NULL`.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, TableSchema, Values};

use super::{json::push_json, range, scale_of, value};
use crate::format::{FormatOptions, SqlDialect, TextFormat};

/// SQL (`sql`) in one dialect.
#[derive(Clone, Copy, Debug)]
pub struct Sql {
    dialect: SqlDialect,
    batch: u64,
}

impl Sql {
    /// SQL in the dialect and batch size of `options`.
    pub fn new(options: &FormatOptions) -> Self {
        Self {
            dialect: options.sql_dialect,
            batch: options.sql_batch.max(1),
        }
    }

    /// Appends a quoted identifier.
    fn push_ident(&self, out: &mut Vec<u8>, name: &str) {
        let quote = if self.dialect == SqlDialect::Mysql {
            b'`'
        } else {
            b'"'
        };
        out.push(quote);
        let start = out.len();
        out.extend_from_slice(name.as_bytes());
        value::expand_in_place(out, start, |b| (b == quote).then_some([quote, quote]));
        out.push(quote);
    }

    /// Appends the column type of `ty`.
    fn push_type(&self, out: &mut Vec<u8>, ty: &DataType) {
        use SqlDialect::{Mysql, Postgres, Sqlite};
        let d = self.dialect;
        let name: &str = match ty {
            DataType::Int => {
                if d == Sqlite {
                    "INTEGER"
                } else {
                    "BIGINT"
                }
            }
            DataType::Float => match d {
                Postgres => "DOUBLE PRECISION",
                Mysql => "DOUBLE",
                Sqlite => "REAL",
            },
            DataType::Decimal { precision, scale } => {
                if d == Sqlite {
                    "NUMERIC"
                } else {
                    out.extend_from_slice(if d == Postgres {
                        b"NUMERIC("
                    } else {
                        b"DECIMAL("
                    });
                    value::push_int(out, i64::from(*precision));
                    out.extend_from_slice(b", ");
                    value::push_int(out, i64::from(*scale));
                    ")"
                }
            }
            DataType::String => "TEXT",
            DataType::Bool => {
                if d == Sqlite {
                    "INTEGER"
                } else {
                    "BOOLEAN"
                }
            }
            DataType::Date => "DATE",
            DataType::Time => "TIME",
            DataType::Timestamp => match d {
                Postgres => "TIMESTAMP",
                Mysql => "DATETIME(6)",
                Sqlite => "TEXT",
            },
            DataType::TimestampTz => match d {
                Postgres => "TIMESTAMPTZ",
                Mysql => "DATETIME(6)",
                Sqlite => "TEXT",
            },
            DataType::Uuid => match d {
                Postgres => "UUID",
                Mysql => "CHAR(36)",
                Sqlite => "TEXT",
            },
            DataType::Bytes => {
                if d == Postgres {
                    "BYTEA"
                } else {
                    "BLOB"
                }
            }
            DataType::Struct(_) if ty.is_point() => match d {
                Postgres | Mysql => "POINT",
                Sqlite => "TEXT",
            },
            DataType::List(_) | DataType::Struct(_) | DataType::Json => match d {
                Postgres => "JSONB",
                Mysql => "JSON",
                Sqlite => "TEXT",
            },
        };
        out.extend_from_slice(name.as_bytes());
    }

    /// Escapes `out[start..]` as the inside of a string literal.
    fn escape_from(&self, out: &mut Vec<u8>, start: usize) {
        if self.dialect == SqlDialect::Mysql {
            value::expand_in_place(out, start, |b| match b {
                b'\'' => Some(*b"''"),
                b'\\' => Some(*b"\\\\"),
                0 => Some(*b"\\0"),
                _ => None,
            });
        } else {
            value::expand_in_place(out, start, |b| (b == b'\'').then_some(*b"''"));
        }
    }

    /// Appends value `row` of `col` as a literal.
    fn push_literal(&self, out: &mut Vec<u8>, col: &Column, ty: &DataType, row: usize) {
        use SqlDialect::{Mysql, Postgres, Sqlite};
        if col.is_null(row) {
            out.extend_from_slice(b"NULL");
            return;
        }
        let d = self.dialect;
        match &col.values {
            Values::Int(v) => value::push_int(out, v[row]),
            Values::Float(v) => {
                let f = v[row];
                let text: &[u8] = if f.is_finite() {
                    value::push_float(out, f);
                    return;
                } else if f.is_nan() {
                    if d == Postgres { b"'NaN'" } else { b"NULL" }
                } else if f > 0.0 {
                    match d {
                        Postgres => b"'Infinity'",
                        Mysql => b"NULL",
                        Sqlite => b"9e999",
                    }
                } else {
                    match d {
                        Postgres => b"'-Infinity'",
                        Mysql => b"NULL",
                        Sqlite => b"-9e999",
                    }
                };
                out.extend_from_slice(text);
            }
            Values::Decimal(v) => value::push_decimal(out, v[row], scale_of(ty)),
            Values::Bool(v) => out.extend_from_slice(match (d, v[row]) {
                (Sqlite, true) => b"1",
                (Sqlite, false) => b"0",
                (_, true) => b"TRUE",
                (_, false) => b"FALSE",
            }),
            Values::Struct(_) if ty.is_point() => match d {
                Mysql => {
                    out.extend_from_slice(b"ST_GeomFromText('");
                    super::push_point(out, col, row, b"POINT(", b' ');
                    out.extend_from_slice(b"')");
                }
                Postgres => {
                    out.push(b'\'');
                    super::push_point(out, col, row, b"(", b',');
                    out.push(b'\'');
                }
                Sqlite => {
                    out.push(b'\'');
                    super::push_point(out, col, row, b"POINT(", b' ');
                    out.push(b'\'');
                }
            },
            Values::Bytes { data, offsets } => {
                out.extend_from_slice(if d == Postgres { b"'\\x" } else { b"X'" });
                value::push_hex(out, &data[range(offsets, row)]);
                out.push(b'\'');
            }
            _ => {
                out.push(b'\'');
                let start = out.len();
                match &col.values {
                    Values::Str(s) => out.extend_from_slice(s.get(row).as_bytes()),
                    Values::Date(v) => value::push_date(out, i64::from(v[row])),
                    Values::Time(v) => value::push_time(out, v[row]),
                    Values::Timestamp(v) => {
                        if d == Mysql {
                            value::push_timestamp(out, v[row], b' ', false);
                        } else {
                            let zulu = matches!(ty, DataType::TimestampTz);
                            value::push_timestamp(out, v[row], b'T', zulu);
                        }
                    }
                    Values::Uuid(v) => value::push_uuid(out, v[row]),
                    _ => push_json(out, col, ty, row),
                }
                self.escape_from(out, start);
                out.push(b'\'');
            }
        }
    }
}

impl TextFormat for Sql {
    fn extension(&self) -> &'static str {
        "sql"
    }

    fn header(&self, table: &TableSchema, out: &mut Vec<u8>) {
        out.extend_from_slice(b"CREATE TABLE IF NOT EXISTS ");
        self.push_ident(out, &table.name);
        out.extend_from_slice(b" (");
        for (i, column) in table.columns.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            self.push_ident(out, &column.name);
            out.push(b' ');
            self.push_type(out, &column.ty);
            if !column.nullable {
                out.extend_from_slice(b" NOT NULL");
            }
        }
        out.extend_from_slice(b");\n");
    }

    fn has_separators(&self) -> bool {
        true
    }

    fn before_row(&self, table: &TableSchema, index_in_file: u64, out: &mut Vec<u8>) {
        if !index_in_file.is_multiple_of(self.batch) {
            out.extend_from_slice(b",\n");
            return;
        }
        if index_in_file > 0 {
            out.extend_from_slice(b";\n");
        }
        out.extend_from_slice(b"INSERT INTO ");
        self.push_ident(out, &table.name);
        out.extend_from_slice(b" (");
        for (i, column) in table.columns.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            self.push_ident(out, &column.name);
        }
        out.extend_from_slice(b") VALUES\n");
    }

    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
        out.push(b'(');
        for (i, (schema, col)) in table.columns.iter().zip(&chunk.columns).enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            self.push_literal(out, col, &schema.ty, row);
        }
        out.push(b')');
    }

    fn footer(&self, _table: &TableSchema, rows_in_file: u64, out: &mut Vec<u8>) {
        if rows_in_file > 0 {
            out.extend_from_slice(b";\n");
        }
    }
}
