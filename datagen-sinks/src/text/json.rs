//! JSON Lines (one compact object per line) and JSON (one array per file).
//!
//! Values: numbers for integers, floats (non-finite ones become `null`) and decimals (exact text,
//! `-0.05`); strings for dates, times, timestamps, UUIDs and bytes (lowercase hex); objects for
//! structs and for Avro maps (by the table's Avro schema, [`super::maps`]); arrays for lists;
//! `null` for nulls; JSON columns as their JSON text. A document table (a JSON Schema's
//! instances) writes each document as the row.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, TableSchema, Values};

use super::json_rows::RowPlan;
use super::maps::{MapShapes, PLAIN, Shape};
use super::{item_type, push_scalar, range, struct_field, value};
use crate::format::TextFormat;

/// Non-finite floats never reach [`push_scalar`] from JSON; listed for completeness.
const NULLS: super::NonFinite = [b"null", b"null", b"null"];

/// Appends value `row` of `col` (of type `ty`) as compact JSON.
pub(crate) fn push_json(out: &mut Vec<u8>, col: &Column, ty: &DataType, row: usize) {
    push_shaped(out, col, ty, &PLAIN, row);
}

/// Appends value `row` of `col` (of type `ty`) as compact JSON, the maps `shape` marks as
/// objects.
pub(crate) fn push_shaped(
    out: &mut Vec<u8>,
    col: &Column,
    ty: &DataType,
    shape: &Shape,
    row: usize,
) {
    if col.is_null(row) {
        out.extend_from_slice(b"null");
        return;
    }
    match &col.values {
        Values::Int(_) | Values::Decimal(_) | Values::Bool(_) => {
            push_scalar(out, col, ty, row, &NULLS);
        }
        Values::Float(v) => {
            if v[row].is_finite() {
                value::push_float(out, v[row]);
            } else {
                out.extend_from_slice(b"null");
            }
        }
        // A JSON column holds JSON text already.
        Values::Str(s) if *ty == DataType::Json => out.extend_from_slice(s.get(row).as_bytes()),
        Values::Str(s) => value::push_json_str(out, s.get(row)),
        Values::Date(_)
        | Values::Time(_)
        | Values::Timestamp(_)
        | Values::Uuid(_)
        | Values::Bytes { .. } => {
            out.push(b'"');
            push_scalar(out, col, ty, row, &NULLS);
            out.push(b'"');
        }
        Values::List { offsets, items } => {
            let item_ty = item_type(ty);
            if let Shape::Map(value_shape) = shape
                && let Values::Struct(kv) = &items.values
                && let [keys, values] = kv.as_slice()
                && let Values::Str(key_strings) = &keys.values
            {
                // Keys never repeat within a map and are never null.
                let (_, value_ty) = struct_field(item_ty, 1);
                out.push(b'{');
                for (n, i) in range(offsets, row).enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    value::push_json_str(out, key_strings.get(i));
                    out.push(b':');
                    push_shaped(out, values, value_ty, value_shape, i);
                }
                out.push(b'}');
                return;
            }
            out.push(b'[');
            for (n, i) in range(offsets, row).enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                push_shaped(out, items, item_ty, shape.item(), i);
            }
            out.push(b']');
        }
        Values::Struct(fields) => {
            out.push(b'{');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let (name, field_ty) = struct_field(ty, i);
                value::push_json_str(out, name);
                out.push(b':');
                push_shaped(out, field, field_ty, shape.member(i), row);
            }
            out.push(b'}');
        }
    }
}

/// Each column's `"name":` (with the `,` before every key but the first), escaped once.
pub(super) fn keys(table: &TableSchema) -> Vec<Vec<u8>> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, schema)| {
            let mut key = Vec::with_capacity(schema.name.len() + 4);
            if i > 0 {
                key.push(b',');
            }
            value::push_json_str(&mut key, &schema.name);
            key.push(b':');
            key
        })
        .collect()
}

/// Appends row `row` of `chunk` as one compact JSON object, keys (from [`keys`]) in column order,
/// the maps of `shapes` (one per column) as objects.
pub(super) fn push_keyed_row(
    out: &mut Vec<u8>,
    keys: &[Vec<u8>],
    shapes: Option<&[Shape]>,
    table: &TableSchema,
    chunk: &Chunk,
    row: usize,
) {
    if table.document
        && let [schema] = table.columns.as_slice()
        && let [col] = chunk.columns.as_slice()
    {
        // The row is the document itself.
        push_json(out, col, &schema.ty, row);
        return;
    }
    out.push(b'{');
    for (i, ((key, schema), col)) in keys
        .iter()
        .zip(&table.columns)
        .zip(&chunk.columns)
        .enumerate()
    {
        out.extend_from_slice(key);
        let shape = shapes.and_then(|s| s.get(i)).unwrap_or(&PLAIN);
        push_shaped(out, col, &schema.ty, shape, row);
    }
    out.push(b'}');
}

/// Appends row `row` of `chunk` as one compact JSON object, keys in column order.
pub(crate) fn push_json_row(out: &mut Vec<u8>, table: &TableSchema, chunk: &Chunk, row: usize) {
    push_keyed_row(out, &keys(table), None, table, chunk, row);
}

/// Encodes every row of `chunk`, each followed by `after`, from a [`RowPlan`] made once for the
/// chunk (a document table's rows one by one).
fn push_json_rows(
    maps: &MapShapes,
    table: &TableSchema,
    chunk: &Chunk,
    after: &[u8],
    out: &mut Vec<u8>,
    ends: &mut Vec<usize>,
) {
    let shapes = maps.get(table);
    if table.document {
        let keys = keys(table);
        for row in 0..chunk.len {
            push_keyed_row(out, &keys, shapes.as_deref(), table, chunk, row);
            out.extend_from_slice(after);
            ends.push(out.len());
        }
        return;
    }
    let names = table.columns.iter().map(|c| (c.name.as_str(), &c.ty));
    RowPlan::new(names, shapes.as_deref(), chunk, after).push_rows(chunk.len, out, ends);
}

/// Appends row `row` of `chunk` as one compact JSON object, Avro maps as objects.
fn push_mapped_row(
    maps: &MapShapes,
    out: &mut Vec<u8>,
    table: &TableSchema,
    chunk: &Chunk,
    row: usize,
) {
    let shapes = maps.get(table);
    push_keyed_row(out, &keys(table), shapes.as_deref(), table, chunk, row);
}

/// What goes before item `index_in_file` of a file's JSON array: `\n` before the first,
/// `,\n` before the others.
pub(crate) fn push_array_gap(index_in_file: u64, out: &mut Vec<u8>) {
    if index_in_file == 0 {
        out.push(b'\n');
    } else {
        out.extend_from_slice(b",\n");
    }
}

/// What closes a file's JSON array of `rows_in_file` items: `]\n`, on its own line after items.
pub(crate) fn push_array_end(rows_in_file: u64, out: &mut Vec<u8>) {
    if rows_in_file > 0 {
        out.push(b'\n');
    }
    out.extend_from_slice(b"]\n");
}

/// JSON Lines (`jsonl`): one compact object per line, `{"id":1,"name":"x"}`.
#[derive(Clone, Debug, Default)]
pub struct JsonLines {
    /// Where the tables' Avro maps are.
    maps: MapShapes,
}

impl TextFormat for JsonLines {
    fn extension(&self) -> &'static str {
        "jsonl"
    }

    fn header(&self, _table: &TableSchema, _out: &mut Vec<u8>) {}

    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
        push_mapped_row(&self.maps, out, table, chunk, row);
        out.push(b'\n');
    }

    fn encode_rows(
        &self,
        table: &TableSchema,
        chunk: &Chunk,
        out: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) {
        push_json_rows(&self.maps, table, chunk, b"\n", out, ends);
    }

    fn footer(&self, _table: &TableSchema, _rows_in_file: u64, _out: &mut Vec<u8>) {}
}

/// JSON (`json`): one array of objects per file, laid out `[\n{...},\n{...}\n]\n`; a file
/// without rows is `[]\n`.
#[derive(Clone, Debug, Default)]
pub struct Json {
    /// Where the tables' Avro maps are.
    maps: MapShapes,
}

impl TextFormat for Json {
    fn extension(&self) -> &'static str {
        "json"
    }

    fn header(&self, _table: &TableSchema, out: &mut Vec<u8>) {
        out.push(b'[');
    }

    fn has_separators(&self) -> bool {
        true
    }

    fn before_row(&self, _table: &TableSchema, index_in_file: u64, out: &mut Vec<u8>) {
        push_array_gap(index_in_file, out);
    }

    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
        push_mapped_row(&self.maps, out, table, chunk, row);
    }

    fn encode_rows(
        &self,
        table: &TableSchema,
        chunk: &Chunk,
        out: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) {
        push_json_rows(&self.maps, table, chunk, b"", out, ends);
    }

    fn footer(&self, _table: &TableSchema, rows_in_file: u64, out: &mut Vec<u8>) {
        push_array_end(rows_in_file, out);
    }
}
