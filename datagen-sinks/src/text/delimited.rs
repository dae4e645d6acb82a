//! Delimited text: CSV (RFC 4180) and dbgen-style TPC-H `.tbl`.
//!
//! CSV quotes a field when it contains the delimiter, `"`, `\r` or `\n`, starts or ends with a
//! space, or equals the null string without being null (so with the default empty null string
//! an empty string is written `""` and stays apart from a null). Lines end with `\n`. Nested
//! lists and structs are one field of compact JSON text (Avro maps as JSON objects).
//!
//! `.tbl` writes `|` after every field, the last one included, with no header, no quoting and
//! nulls as empty fields.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, TableSchema};

use super::json::push_shaped;
use super::maps::{MapShapes, PLAIN, Shape};
use super::{push_scalar, value};
use crate::format::{FormatOptions, TextFormat};

/// How delimited text spells non-finite floats.
const NON_FINITE: super::NonFinite = [b"NaN", b"inf", b"-inf"];

/// CSV (`csv`) or TPC-H text (`tbl`).
#[derive(Clone, Debug)]
pub struct Delimited {
    delimiter: u8,
    null: Vec<u8>,
    header: bool,
    /// CSV: quote fields that need it, delimiter between fields. `tbl`: never quote, delimiter
    /// after every field.
    csv: bool,
    /// Where the tables' Avro maps are.
    maps: MapShapes,
}

impl Delimited {
    /// Appends row `row` of `chunk`, Avro maps (by `shapes`) as JSON objects in their cells.
    fn row(
        &self,
        shapes: Option<&[Shape]>,
        table: &TableSchema,
        chunk: &Chunk,
        row: usize,
        out: &mut Vec<u8>,
    ) {
        for (i, (schema, col)) in table.columns.iter().zip(&chunk.columns).enumerate() {
            let shape = shapes.and_then(|s| s.get(i)).unwrap_or(&PLAIN);
            if self.csv {
                if i > 0 {
                    out.push(self.delimiter);
                }
                self.push_cell(out, col, &schema.ty, shape, row);
            } else {
                self.push_cell(out, col, &schema.ty, shape, row);
                out.push(self.delimiter);
            }
        }
        out.push(b'\n');
    }

    /// CSV with the delimiter, null string and header choice of `options`.
    pub fn csv(options: &FormatOptions) -> Self {
        Self {
            delimiter: options.csv_delimiter,
            null: options.csv_null.as_bytes().to_vec(),
            header: options.csv_header,
            csv: true,
            maps: MapShapes::default(),
        }
    }

    /// dbgen-style `.tbl`: `|` after every field.
    pub fn tbl() -> Self {
        Self {
            delimiter: b'|',
            null: Vec::new(),
            header: false,
            csv: false,
            maps: MapShapes::default(),
        }
    }

    /// Whether the field in `field` must be quoted.
    #[inline]
    fn needs_quotes(&self, field: &[u8]) -> bool {
        let d = self.delimiter;
        field
            .iter()
            .any(|&b| b == d || b == b'"' || b == b'\n' || b == b'\r')
            || field.first() == Some(&b' ')
            || field.last() == Some(&b' ')
            || field == self.null.as_slice()
    }

    /// Quotes `out[start..]` if CSV needs it.
    #[inline]
    fn finish_field(&self, out: &mut Vec<u8>, start: usize) {
        if self.csv && self.needs_quotes(&out[start..]) {
            quote_in_place(out, start);
        }
    }

    /// Appends one cell (without separators); nested values as JSON, the maps of `shape` as
    /// objects.
    #[inline]
    fn push_cell(&self, out: &mut Vec<u8>, col: &Column, ty: &DataType, shape: &Shape, row: usize) {
        if col.is_null(row) {
            out.extend_from_slice(&self.null);
            return;
        }
        let start = out.len();
        if !push_scalar(out, col, ty, row, &NON_FINITE) {
            push_shaped(out, col, ty, shape, row);
        }
        self.finish_field(out, start);
    }
}

/// Wraps `out[start..]` in double quotes, doubling the quotes inside, without allocating.
fn quote_in_place(out: &mut Vec<u8>, start: usize) {
    value::expand_in_place(out, start, |b| (b == b'"').then_some(*b"\"\""));
    out.insert(start, b'"');
    out.push(b'"');
}

impl TextFormat for Delimited {
    fn extension(&self) -> &'static str {
        if self.csv { "csv" } else { "tbl" }
    }

    fn header(&self, table: &TableSchema, out: &mut Vec<u8>) {
        if !self.header || !self.csv {
            return;
        }
        for (i, column) in table.columns.iter().enumerate() {
            if i > 0 {
                out.push(self.delimiter);
            }
            let start = out.len();
            out.extend_from_slice(column.name.as_bytes());
            self.finish_field(out, start);
        }
        out.push(b'\n');
    }

    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
        self.row(self.maps.get(table).as_deref(), table, chunk, row, out);
    }

    /// Looks the table's map shapes up once per chunk, not once per row.
    fn encode_rows(
        &self,
        table: &TableSchema,
        chunk: &Chunk,
        out: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) {
        let shapes = self.maps.get(table);
        for row in 0..chunk.len {
            self.row(shapes.as_deref(), table, chunk, row, out);
            ends.push(out.len());
        }
    }

    fn footer(&self, _table: &TableSchema, _rows_in_file: u64, _out: &mut Vec<u8>) {}
}

#[cfg(test)]
mod tests {
    use super::quote_in_place;

    #[test]
    fn quotes_in_place() {
        for (input, want) in [
            ("", "\"\""),
            ("a", "\"a\""),
            ("a\"b", "\"a\"\"b\""),
            ("\"", "\"\"\"\""),
            ("x, y\"\"", "\"x, y\"\"\"\"\""),
        ] {
            let mut out = b"pre".to_vec();
            out.extend_from_slice(input.as_bytes());
            quote_in_place(&mut out, 3);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                format!("pre{want}"),
                "{input}"
            );
        }
    }
}
