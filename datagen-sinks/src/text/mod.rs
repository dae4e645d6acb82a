//! The row-oriented text formats: CSV, TPC-H `.tbl`, JSON Lines, JSON, XML and SQL.
//!
//! Conventions shared by the formats that print values as plain text (CSV, `tbl`, XML): floats in
//! their shortest round-trip form (`100.0`, `0.1`, `1e+300`), decimals with exactly the column's
//! scale, dates `YYYY-MM-DD`, times `HH:MM:SS[.ffffff]`, timestamps
//! `YYYY-MM-DDTHH:MM:SS[.ffffff]` (`Z` appended for zoned ones), UUIDs lowercase hyphenated,
//! booleans `true`/`false`, and bytes as lowercase hex without a prefix. Nested lists and structs
//! are compact JSON text in CSV and `tbl`, nested elements in XML.

mod avro_json;
mod cursor;
mod delimited;
mod json;
mod json_rows;
mod maps;
mod sql;
pub mod value;
mod xml;

use datagen_engine::ir::DataType;
use datagen_engine::{Column, Values};

pub use avro_json::{AvroJson, check_avro_json};
pub use delimited::Delimited;
pub(crate) use json::push_json;
pub use json::{Json, JsonLines};
pub use sql::Sql;
pub use xml::Xml;

use crate::format::{FormatOptions, TextFormat};

/// The text format named `name` (`csv`, `tbl`, `jsonl`, `json`, `xml`, `sql`), configured by
/// `options` (`jsonl` and `json` in Avro's JSON encoding with [`FormatOptions::avro_json`]);
/// `None` for another name.
pub fn text_format(name: &str, options: &FormatOptions) -> Option<Box<dyn TextFormat>> {
    Some(match name {
        "csv" => Box::new(Delimited::csv(options)),
        "tbl" => Box::new(Delimited::tbl()),
        "jsonl" if options.avro_json => Box::new(AvroJson::new(true)),
        "json" if options.avro_json => Box::new(AvroJson::new(false)),
        "jsonl" => Box::new(JsonLines::default()),
        "json" => Box::new(Json::default()),
        "xml" => Box::new(Xml),
        "sql" => Box::new(Sql::new(options)),
        _ => return None,
    })
}

/// How a plain-text format spells the non-finite floats: NaN, +infinity, -infinity.
pub(crate) type NonFinite = [&'static [u8]; 3];

/// The decimal scale of `ty` (0 when it is not a decimal).
#[inline]
pub(crate) fn scale_of(ty: &DataType) -> u8 {
    match ty {
        DataType::Decimal { scale, .. } => *scale,
        _ => 0,
    }
}

/// The element type of a list type (a string for a mismatched type).
#[inline]
pub(crate) fn item_type(ty: &DataType) -> &DataType {
    match ty {
        DataType::List(item) => item,
        _ => &DataType::String,
    }
}

/// Field `i`'s name and type in a struct type (`""` and string for a mismatched type).
#[inline]
pub(crate) fn struct_field(ty: &DataType, i: usize) -> (&str, &DataType) {
    match ty {
        DataType::Struct(fields) => fields
            .get(i)
            .map_or(("", &DataType::String), |(n, t)| (n.as_str(), t)),
        _ => ("", &DataType::String),
    }
}

/// The byte range of value `i` in an offsets array.
#[inline]
pub(crate) fn range(offsets: &[i32], i: usize) -> std::ops::Range<usize> {
    offsets[i] as usize..offsets[i + 1] as usize
}

/// Appends a non-null scalar value (strings copied raw) as plain text; returns false, writing
/// nothing, for lists and structs.
pub(crate) fn push_scalar(
    out: &mut Vec<u8>,
    col: &Column,
    ty: &DataType,
    row: usize,
    nonfinite: &NonFinite,
) -> bool {
    match &col.values {
        Values::Int(v) => value::push_int(out, v[row]),
        Values::Float(v) => {
            let f = v[row];
            if f.is_finite() {
                value::push_float(out, f);
            } else if f.is_nan() {
                out.extend_from_slice(nonfinite[0]);
            } else if f > 0.0 {
                out.extend_from_slice(nonfinite[1]);
            } else {
                out.extend_from_slice(nonfinite[2]);
            }
        }
        Values::Decimal(v) => value::push_decimal(out, v[row], scale_of(ty)),
        Values::Bool(v) => out.extend_from_slice(if v[row] { b"true" } else { b"false" }),
        Values::Str(s) => out.extend_from_slice(s.get(row).as_bytes()),
        Values::Date(v) => value::push_date(out, i64::from(v[row])),
        Values::Time(v) => value::push_time(out, v[row]),
        Values::Timestamp(v) => {
            value::push_timestamp(out, v[row], b'T', matches!(ty, DataType::TimestampTz));
        }
        Values::Uuid(v) => value::push_uuid(out, v[row]),
        Values::Bytes { data, offsets } => value::push_hex(out, &data[range(offsets, row)]),
        Values::Struct(_) if ty.is_point() => return push_point(out, col, row, b"POINT(", b' '),
        Values::List { .. } | Values::Struct(_) => return false,
    }
    true
}

/// Appends value `row` of a point column ([`DataType::point`]) as `open`, x, `sep`, y and `)`:
/// WKT `POINT(x y)` or PostgreSQL's `(x,y)`; false, writing nothing, for any other column.
pub(crate) fn push_point(
    out: &mut Vec<u8>,
    col: &Column,
    row: usize,
    open: &[u8],
    sep: u8,
) -> bool {
    let Values::Struct(members) = &col.values else {
        return false;
    };
    let (Some(Values::Float(x)), Some(Values::Float(y))) = (
        members.first().map(|m| &m.values),
        members.get(1).map(|m| &m.values),
    ) else {
        return false;
    };
    out.extend_from_slice(open);
    value::push_float(out, x[row]);
    out.push(sep);
    value::push_float(out, y[row]);
    out.push(b')');
    true
}
