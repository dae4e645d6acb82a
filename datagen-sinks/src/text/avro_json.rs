//! JSON Lines and JSON in Avro's JSON encoding (`--avro-json`): each row is the table's Avro
//! record as the Avro specification encodes it in JSON, so Avro tools read it back with the
//! schema.
//!
//! The schema is the imported one, else the one derived from the columns (as the `avro`
//! format writes). Unions are `{"branch": value}` (a named type's branch by its full name),
//! except null; `bytes` and `fixed` are strings of the code points U+0000 to U+00FF, one per
//! byte; maps are objects; enums their symbol; logical types their underlying value (a
//! `timestamp-millis` its milliseconds, a decimal its two's complement bytes, a `uuid` on
//! `fixed` its 16 bytes); non-finite floats the strings `NaN`, `Infinity` and `-Infinity`.
//! Values the binary encoding refuses (an integer out of `int` range, an unknown symbol) are
//! written as they are: run [`check_avro_json`] first to catch a schema that does not fit.

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use datagen_engine::{Chunk, Column, TableSchema, Values};

use super::json::{push_array_end, push_array_gap, push_json_row};
use super::value::{push_int, push_json_str, push_uuid};
use crate::columnar::avro::encode::{bytes_at, decimal_bytes, is_valid, range_at, str_at};
use crate::columnar::avro::plan::{Field, Kind, Node, Plan, Unit};
use crate::columnar::avro::{plan_of, schema_text};
use crate::format::TextFormat;

/// Checks that `table`'s rows can be written in Avro's JSON encoding: its Avro schema (imported
/// or derived) is valid and fits its columns.
///
/// # Errors
/// When it does not, naming the table, the column and the Avro path.
pub fn check_avro_json(table: &TableSchema) -> io::Result<()> {
    plan_of(table, &schema_text(table)).map(|_| ())
}

/// JSON Lines (`lines`) or JSON in Avro's JSON encoding.
#[derive(Debug, Default)]
pub struct AvroJson {
    /// One record per line (`jsonl`), else one array per file (`json`).
    lines: bool,
    /// The plans of the tables seen, by name (`None` when the schema does not fit: such rows
    /// are written as plain JSON).
    plans: Mutex<HashMap<String, Option<Arc<Plan>>>>,
}

impl AvroJson {
    /// `jsonl` (`lines`) or `json` in Avro's JSON encoding.
    pub fn new(lines: bool) -> Self {
        Self {
            lines,
            plans: Mutex::default(),
        }
    }

    /// The plan of `table`, made on first use.
    fn plan(&self, table: &TableSchema) -> Option<Arc<Plan>> {
        let mut plans = self.plans.lock().unwrap_or_else(PoisonError::into_inner);
        plans
            .entry(table.name.clone())
            .or_insert_with(|| plan_of(table, &schema_text(table)).ok().map(Arc::new))
            .clone()
    }

    /// Appends row `row` of `chunk`.
    fn row(
        &self,
        plan: Option<&Plan>,
        table: &TableSchema,
        chunk: &Chunk,
        row: usize,
        out: &mut Vec<u8>,
    ) {
        let Some(plan) = plan else {
            push_json_row(out, table, chunk, row);
            return;
        };
        if plan.bare {
            if let (Some(field), Some(col)) = (plan.fields.first(), chunk.columns.first()) {
                push_node(out, &field.node, col, row);
            }
            return;
        }
        push_record(out, &plan.fields, &chunk.columns, row);
    }
}

impl TextFormat for AvroJson {
    fn extension(&self) -> &'static str {
        if self.lines { "jsonl" } else { "json" }
    }

    fn header(&self, _table: &TableSchema, out: &mut Vec<u8>) {
        if !self.lines {
            out.push(b'[');
        }
    }

    fn has_separators(&self) -> bool {
        !self.lines
    }

    fn before_row(&self, _table: &TableSchema, index_in_file: u64, out: &mut Vec<u8>) {
        if !self.lines {
            push_array_gap(index_in_file, out);
        }
    }

    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
        self.row(self.plan(table).as_deref(), table, chunk, row, out);
        if self.lines {
            out.push(b'\n');
        }
    }

    fn encode_rows(
        &self,
        table: &TableSchema,
        chunk: &Chunk,
        out: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) {
        let plan = self.plan(table);
        for row in 0..chunk.len {
            self.row(plan.as_deref(), table, chunk, row, out);
            if self.lines {
                out.push(b'\n');
            }
            ends.push(out.len());
        }
    }

    fn footer(&self, _table: &TableSchema, rows_in_file: u64, out: &mut Vec<u8>) {
        if !self.lines {
            push_array_end(rows_in_file, out);
        }
    }
}

/// Appends row `row` of a record's `columns` as a JSON object, one key per field.
fn push_record(out: &mut Vec<u8>, fields: &[Field], columns: &[Column], row: usize) {
    out.push(b'{');
    for (i, (field, col)) in fields.iter().zip(columns).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_json_str(out, &field.name);
        out.push(b':');
        push_node(out, &field.node, col, row);
    }
    out.push(b'}');
}

/// Appends value `row` of `col`: `null`, or the value (wrapped in `{"branch": ...}` when its
/// type is a union's branch).
fn push_node(out: &mut Vec<u8>, node: &Node, col: &Column, row: usize) {
    if is_valid(col, row) != Some(true) || matches!(node.kind, Kind::Null | Kind::Cut) {
        out.extend_from_slice(b"null");
        return;
    }
    if node.branch.is_some() {
        out.push(b'{');
        push_json_str(out, &node.name);
        out.push(b':');
        push_value(out, node, col, row);
        out.push(b'}');
    } else {
        push_value(out, node, col, row);
    }
}

/// Appends the non-null value `row` of `col` (`null` for a column that does not fit).
fn push_value(out: &mut Vec<u8>, node: &Node, col: &Column, row: usize) {
    let written = match (&node.kind, &col.values) {
        (Kind::Boolean, Values::Bool(v)) => v.get(row).map(|&b| {
            out.extend_from_slice(if b { b"true" } else { b"false" });
        }),
        (Kind::Int | Kind::Long, Values::Int(v)) => v.get(row).map(|&x| push_int(out, x)),
        (Kind::Float, Values::Float(v)) => v.get(row).map(|&x| push_float(out, x, true)),
        (Kind::Double, Values::Float(v)) => v.get(row).map(|&x| push_float(out, x, false)),
        (Kind::Bytes | Kind::Fixed(_), Values::Bytes { data, offsets }) => {
            bytes_at(data, offsets, row).map(|b| push_code_points(out, b.iter().copied()))
        }
        (Kind::String | Kind::Enum(_), Values::Str(s)) => {
            str_at(s, row).map(|s| push_json_str(out, s))
        }
        (Kind::Decimal(size), Values::Decimal(v)) => v.get(row).map(|&units| {
            let (b, start) = decimal_bytes(units);
            let fill = if units < 0 { 0xff } else { 0 };
            let pad = size.map_or(0, |size| size.saturating_sub(16 - start));
            push_code_points(
                out,
                std::iter::repeat_n(fill, pad).chain(b[start..].iter().copied()),
            );
        }),
        (Kind::UuidString, Values::Uuid(v)) => v.get(row).map(|&u| {
            out.push(b'"');
            push_uuid(out, u);
            out.push(b'"');
        }),
        (Kind::UuidFixed, Values::Uuid(v)) => {
            v.get(row).map(|u| push_code_points(out, u.to_be_bytes()))
        }
        (Kind::Date, Values::Date(v)) => v.get(row).map(|&d| push_int(out, i64::from(d))),
        (Kind::Time(unit) | Kind::Timestamp(unit), Values::Time(v) | Values::Timestamp(v)) => {
            v.get(row).map(|&micros| {
                push_int(
                    out,
                    match unit {
                        Unit::Millis => micros.div_euclid(1000),
                        Unit::Micros => micros,
                        Unit::Nanos => micros.saturating_mul(1000),
                    },
                );
            })
        }
        (Kind::Duration, Values::Struct(parts)) => {
            let mut le = [0u8; 12];
            for (k, part) in parts.iter().take(3).enumerate() {
                if let Values::Int(v) = &part.values {
                    let x = v.get(row).map_or(0, |&x| u32::try_from(x).unwrap_or(0));
                    le[k * 4..k * 4 + 4].copy_from_slice(&x.to_le_bytes());
                }
            }
            push_code_points(out, le);
            Some(())
        }
        (Kind::Record(fields), Values::Struct(members)) => {
            push_record(out, fields, members, row);
            Some(())
        }
        (Kind::Array(item), Values::List { offsets, items }) => range_at(offsets, row).map(|r| {
            out.push(b'[');
            for (n, j) in r.enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                push_node(out, item, items, j);
            }
            out.push(b']');
        }),
        (Kind::Map(value), Values::List { offsets, items }) => {
            match (&items.values, range_at(offsets, row)) {
                (Values::Struct(kv), Some(r)) if kv.len() == 2 => {
                    out.push(b'{');
                    for (n, j) in r.enumerate() {
                        if n > 0 {
                            out.push(b',');
                        }
                        match &kv[0].values {
                            Values::Str(keys) => push_json_str(out, str_at(keys, j).unwrap_or("")),
                            _ => out.extend_from_slice(b"\"\""),
                        }
                        out.push(b':');
                        push_node(out, value, &kv[1], j);
                    }
                    out.push(b'}');
                    Some(())
                }
                _ => None,
            }
        }
        (Kind::Union { branches, .. }, Values::Struct(members)) => {
            let set = members
                .iter()
                .zip(branches)
                .find(|(m, _)| is_valid(m, row) == Some(true));
            set.map(|(member, (_, branch))| {
                out.push(b'{');
                push_json_str(out, &branch.name);
                out.push(b':');
                push_value(out, branch, member, row);
                out.push(b'}');
            })
        }
        _ => None,
    };
    if written.is_none() {
        out.extend_from_slice(b"null");
    }
}

/// Appends a float (as an `f32` when `single`) as a JSON number; non-finite ones as the strings
/// Avro's JSON decoders take.
fn push_float(out: &mut Vec<u8>, x: f64, single: bool) {
    if x.is_finite() {
        let mut buf = zmij::Buffer::new();
        let text = if single {
            buf.format(x as f32)
        } else {
            buf.format(x)
        };
        out.extend_from_slice(text.as_bytes());
    } else if x.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if x > 0.0 {
        out.extend_from_slice(b"\"Infinity\"");
    } else {
        out.extend_from_slice(b"\"-Infinity\"");
    }
}

/// Appends bytes as a JSON string of the code points U+0000 to U+00FF, one per byte.
fn push_code_points(out: &mut Vec<u8>, bytes: impl IntoIterator<Item = u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    for b in bytes {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0..0x20 => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 15)]);
            }
            0x20..0x80 => out.push(b),
            _ => {
                out.push(0xc0 | (b >> 6));
                out.push(0x80 | (b & 0x3f));
            }
        }
    }
    out.push(b'"');
}
