//! Rows encoded for a database in the worker threads: PostgreSQL `COPY` text lines, MySQL
//! `VALUES` tuples, or (SQLite, which binds values itself) the chunk as generated.
//!
//! PostgreSQL `COPY` text: columns separated by a tab, rows ended by `\n`, a null as `\N`,
//! and `\`, tab, newline and carriage return inside a value escaped as `\\`, `\t`, `\n`,
//! `\r`. Values are written as the CSV format writes them (timestamps ISO 8601, zoned ones
//! with `Z`; booleans `true`/`false`), bytes as `\x` and hex, lists and structs as JSON text,
//! non-finite floats as `NaN`, `Infinity`, `-Infinity`, points as PostgreSQL's `point` reads
//! them, `(x,y)`.

use std::ops::Range;

use datagen_engine::{Chunk, Column, TableSchema, Values};

use super::Dialect;
use crate::format::{FormatOptions, SqlDialect, TextFormat};
use crate::text::{Sql, push_json, push_point, push_scalar, value};

/// One generated chunk, ready for the connection.
pub(crate) struct Piece {
    /// The entity's index of its first row.
    pub start: u64,
    /// The number of rows.
    pub len: usize,
    /// The rows as generated (SQLite binds from them).
    pub chunk: Option<Chunk>,
    /// The rows encoded back to back (PostgreSQL, MySQL).
    bytes: Vec<u8>,
    /// `ends[r]` is where row `r` ends in `bytes`.
    ends: Vec<usize>,
}

impl Piece {
    /// The bytes of rows `rows` (indices into this piece).
    pub(crate) fn bytes(&self, rows: Range<usize>) -> &[u8] {
        if rows.is_empty() {
            return &[];
        }
        let from = if rows.start == 0 {
            0
        } else {
            self.ends[rows.start - 1]
        };
        &self.bytes[from..self.ends[rows.end - 1]]
    }
}

/// The encoder of one database.
pub(crate) enum Encoder {
    /// Keep the chunk (SQLite).
    Chunk,
    /// `COPY` text lines.
    Copy,
    /// `(v, ...)` tuples of a multi-row `INSERT`.
    Values(Sql),
}

impl Encoder {
    /// The encoder for `dialect`.
    pub(crate) fn new(dialect: Dialect) -> Self {
        match dialect {
            Dialect::Sqlite => Encoder::Chunk,
            Dialect::Postgres => Encoder::Copy,
            Dialect::Mysql => Encoder::Values(Sql::new(&FormatOptions {
                sql_dialect: SqlDialect::Mysql,
                ..FormatOptions::default()
            })),
        }
    }

    /// Encodes `chunk` of `table`.
    pub(crate) fn encode(&self, table: &TableSchema, chunk: Chunk) -> Piece {
        let len = chunk.len;
        let start = chunk.start;
        let mut bytes = Vec::new();
        let mut ends = Vec::with_capacity(len);
        match self {
            Encoder::Chunk => {
                return Piece {
                    start,
                    len,
                    chunk: Some(chunk),
                    bytes,
                    ends,
                };
            }
            Encoder::Copy => {
                bytes.reserve(len * 96);
                for row in 0..len {
                    copy_row(table, &chunk, row, &mut bytes);
                    ends.push(bytes.len());
                }
            }
            Encoder::Values(sql) => {
                bytes.reserve(len * 112);
                sql.encode_rows(table, &chunk, &mut bytes, &mut ends);
            }
        }
        Piece {
            start,
            len,
            chunk: None,
            bytes,
            ends,
        }
    }
}

/// How `COPY` text spells NaN, +infinity and -infinity.
const COPY_NONFINITE: [&[u8]; 3] = [b"NaN", b"Infinity", b"-Infinity"];

/// Appends row `row` of `chunk` as one `COPY` text line.
fn copy_row(table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
    for (i, (schema, col)) in table.columns.iter().zip(&chunk.columns).enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        copy_value(out, col, &schema.ty, row);
    }
    out.push(b'\n');
}

/// Appends one value in `COPY` text form.
fn copy_value(out: &mut Vec<u8>, col: &Column, ty: &datagen_engine::ir::DataType, row: usize) {
    if col.is_null(row) {
        out.extend_from_slice(b"\\N");
        return;
    }
    let start = out.len();
    match &col.values {
        Values::Bytes { data, offsets } => {
            out.extend_from_slice(b"\\\\x");
            let r = offsets[row] as usize..offsets[row + 1] as usize;
            value::push_hex(out, &data[r]);
        }
        Values::Struct(_) if ty.is_point() => {
            push_point(out, col, row, b"(", b',');
        }
        Values::Str(_) | Values::List { .. } | Values::Struct(_) => {
            if !push_scalar(out, col, ty, row, &COPY_NONFINITE) {
                push_json(out, col, ty, row);
            }
            value::expand_in_place(out, start, |b| match b {
                b'\\' => Some(*b"\\\\"),
                b'\t' => Some(*b"\\t"),
                b'\n' => Some(*b"\\n"),
                b'\r' => Some(*b"\\r"),
                _ => None,
            });
        }
        _ => {
            push_scalar(out, col, ty, row, &COPY_NONFINITE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datagen_engine::ir::DataType;
    use datagen_engine::{ColumnSchema, Strings};

    #[test]
    fn copy_text_escapes_and_spells_nulls() {
        let mut names = Strings::default();
        names.offsets.push(0);
        names.push("a\tb\\c\nd");
        names.push("");
        let table = TableSchema {
            name: "t".into(),
            document: false,
            avro_schema: None,
            columns: vec![
                ColumnSchema {
                    name: "s".into(),
                    ty: DataType::String,
                    nullable: true,
                },
                ColumnSchema {
                    name: "f".into(),
                    ty: DataType::Float,
                    nullable: false,
                },
                ColumnSchema {
                    name: "b".into(),
                    ty: DataType::Bytes,
                    nullable: false,
                },
            ],
        };
        let chunk = Chunk {
            start: 5,
            len: 2,
            columns: vec![
                Column {
                    values: Values::Str(names),
                    validity: Some(vec![true, false]),
                },
                Column::new(Values::Float(vec![f64::NAN, 1.5])),
                Column::new(Values::Bytes {
                    data: vec![0x0a, 0xff],
                    offsets: vec![0, 2, 2],
                }),
            ],
        };
        let piece = Encoder::new(Dialect::Postgres).encode(&table, chunk);
        assert_eq!(
            String::from_utf8_lossy(piece.bytes(0..2)),
            "a\\tb\\\\c\\nd\tNaN\t\\\\x0aff\n\\N\t1.5\t\\\\x\n"
        );
        assert_eq!(piece.bytes(1..2), b"\\N\t1.5\t\\\\x\n");
        assert_eq!(piece.start, 5);
    }
}
