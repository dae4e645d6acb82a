//! JSON rows from a per-chunk plan: each column's key and typed values are resolved once per
//! chunk, so the loop over rows matches on a small enum and copies, with no type comparisons.
//!
//! The plan writes exactly what [`push_shaped`] writes for each value; whatever it has no fast
//! case for (lists, structs, Avro maps, bytes) goes through [`push_shaped`] itself. Keys and
//! short values are copied as fixed-size blocks ([`super::cursor`]).

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, Strings, Values};

use super::cursor::{RowBuf, WINDOW};
use super::json::push_shaped;
use super::maps::{PLAIN, Shape};
use super::{scale_of, value};

/// How one column's values are written.
enum Kind<'a> {
    /// Integers.
    Int(&'a [i64]),
    /// Floats (non-finite ones as `null`).
    Float(&'a [f64]),
    /// Decimals with this scale.
    Decimal(&'a [i128], u8),
    /// Booleans.
    Bool(&'a [bool]),
    /// Text copied as it is: strings of a column in which no byte needs escaping (between
    /// quotes), or a JSON column's documents (without).
    Text {
        /// The column's text.
        data: &'a [u8],
        /// Where each value is in `data`.
        offsets: &'a [i32],
        /// Whether a closing quote follows (the key holds the opening one).
        quoted: bool,
    },
    /// Strings of a column with a byte to escape somewhere: escaped value by value.
    Escaped(&'a Strings),
    /// Dates.
    Date(&'a [i32]),
    /// Times of day.
    Time(&'a [i64]),
    /// Timestamps, with `Z` when zoned.
    Timestamp(&'a [i64], bool),
    /// UUIDs.
    Uuid(&'a [u128]),
    /// Anything else, by [`push_shaped`].
    Other {
        /// The column.
        col: &'a Column,
        /// Its type.
        ty: &'a DataType,
        /// Where its Avro maps are.
        shape: &'a Shape,
    },
}

impl Kind<'_> {
    /// Whether the value is written between quotes the plan adds itself.
    fn quoted(&self) -> bool {
        match self {
            Kind::Text { quoted, .. } => *quoted,
            Kind::Date(_) | Kind::Time(_) | Kind::Timestamp(..) | Kind::Uuid(_) => true,
            _ => false,
        }
    }
}

/// One column of a [`RowPlan`].
struct Field<'a> {
    /// Where the key is in [`RowPlan::keys`]: `{"name":` for the first column, `,"name":`
    /// for the others, followed by `"` when the kind is quoted. A `"` stands before it, copied
    /// with it to close the previous value when that was quoted.
    key: usize,
    /// The key's length, its opening quote included.
    key_len: usize,
    /// The key's length without the opening quote (what precedes `null`).
    bare_len: usize,
    /// Which rows are not null; `None` when none is.
    validity: Option<&'a [bool]>,
    /// How the values are written.
    kind: Kind<'a>,
}

/// How every row of one chunk is written as a compact JSON object.
pub(super) struct RowPlan<'a> {
    /// Every column's key back to back, each after a `"`, then a `"` and the end of the row,
    /// and [`WINDOW`] bytes of padding so that each key is
    /// copied as one fixed-size block.
    keys: Vec<u8>,
    /// Where the row's end (`}` and what follows each row) is in `keys` (after a `"`).
    end: usize,
    /// The length of the row's end.
    end_len: usize,
    /// The columns, in order.
    fields: Vec<Field<'a>>,
}

impl<'a> RowPlan<'a> {
    /// The plan for `chunk`'s rows, its columns named and typed by `names`, the maps `shapes`
    /// marks (one per column) written as objects, each row followed by `after`.
    pub(super) fn new(
        names: impl Iterator<Item = (&'a str, &'a DataType)>,
        shapes: Option<&'a [Shape]>,
        chunk: &'a Chunk,
        after: &[u8],
    ) -> Self {
        let mut keys = Vec::new();
        let mut fields = Vec::with_capacity(chunk.columns.len());
        for (i, ((name, ty), col)) in names.zip(&chunk.columns).enumerate() {
            let shape = shapes.and_then(|s| s.get(i)).unwrap_or(&PLAIN);
            let kind = kind(col, ty, shape);
            keys.push(b'"');
            let key = keys.len();
            keys.push(if i == 0 { b'{' } else { b',' });
            value::push_json_str(&mut keys, name);
            keys.push(b':');
            let bare_len = keys.len() - key;
            if kind.quoted() {
                keys.push(b'"');
            }
            fields.push(Field {
                key,
                key_len: keys.len() - key,
                bare_len,
                validity: col.validity.as_deref(),
                kind,
            });
        }
        keys.push(b'"');
        let end = keys.len();
        keys.extend_from_slice(if fields.is_empty() { b"{}" } else { b"}" });
        keys.extend_from_slice(after);
        let end_len = keys.len() - end;
        keys.resize(keys.len() + WINDOW, 0);
        Self {
            keys,
            end,
            end_len,
            fields,
        }
    }

    /// Appends every row, pushing where each ends onto `ends`.
    pub(super) fn push_rows(&self, rows: usize, out: &mut Vec<u8>, ends: &mut Vec<usize>) {
        let mut buf = RowBuf::new();
        for row in 0..rows {
            self.push_row(&mut buf, out, row);
            buf.flush(out);
            ends.push(out.len());
        }
    }

    /// Gathers row `row` as one compact JSON object in `buf` (handing it on to `out`).
    #[inline]
    fn push_row(&self, buf: &mut RowBuf, out: &mut Vec<u8>, row: usize) {
        let keys = self.keys.as_slice();
        // Whether the value before is still to be closed by a quote, which is copied with
        // what follows it.
        let mut open = false;
        for field in &self.fields {
            let start = field.key - usize::from(open);
            if let Some(valid) = field.validity
                && !valid[row]
            {
                buf.put_range(out, keys, start, field.key + field.bare_len);
                buf.put(out, b"null", 4);
                open = false;
                continue;
            }
            buf.put_range(out, keys, start, field.key + field.key_len);
            open = push_value(buf, out, &field.kind, row);
        }
        let start = self.end - usize::from(open);
        buf.put_range(out, keys, start, self.end + self.end_len);
    }
}

/// Gathers non-null value `row` of `kind` (after its key, the opening quote included) in
/// `buf`, or hands `buf` on and appends it to `out`; true when its closing quote is left to
/// the caller.
#[inline(always)]
fn push_value(buf: &mut RowBuf, out: &mut Vec<u8>, kind: &Kind<'_>, row: usize) -> bool {
    match *kind {
        Kind::Text {
            data,
            offsets,
            quoted,
        } => {
            buf.put_range(out, data, offsets[row] as usize, offsets[row + 1] as usize);
            return quoted;
        }
        Kind::Int(v) => buf.put_short(out, itoa::Buffer::new().format(v[row]).as_bytes()),
        Kind::Float(v) => {
            if v[row].is_finite() {
                buf.put_short(out, zmij::Buffer::new().format(v[row]).as_bytes());
            } else {
                buf.put(out, b"null", 4);
            }
        }
        Kind::Bool(v) => {
            if v[row] {
                buf.put(out, b"true", 4);
            } else {
                buf.put(out, b"false", 5);
            }
        }
        Kind::Date(v) => {
            match value::date_text(i64::from(v[row])) {
                Some(text) => buf.put(out, &text, 10),
                None => {
                    buf.flush(out);
                    value::push_date(out, i64::from(v[row]));
                }
            }
            return true;
        }
        Kind::Time(v) => {
            let (text, len) = value::time_of_day_text(v[row]);
            buf.put(out, &text, len);
            return true;
        }
        Kind::Timestamp(v, zulu) => {
            match value::timestamp_text(v[row], b'T', zulu) {
                Some((text, len)) => buf.put(out, &text, len),
                None => {
                    buf.flush(out);
                    value::push_timestamp(out, v[row], b'T', zulu);
                }
            }
            return true;
        }
        Kind::Uuid(v) => {
            buf.put(out, &value::uuid_text(v[row]), 36);
            return true;
        }
        Kind::Decimal(v, scale) => {
            buf.flush(out);
            value::push_decimal(out, v[row], scale);
        }
        Kind::Escaped(s) => {
            buf.flush(out);
            value::push_json_str(out, s.get(row));
        }
        Kind::Other { col, ty, shape } => {
            buf.flush(out);
            push_shaped(out, col, ty, shape, row);
        }
    }
    false
}

/// How `col` (of type `ty`, maps where `shape` says) is written.
fn kind<'a>(col: &'a Column, ty: &'a DataType, shape: &'a Shape) -> Kind<'a> {
    match &col.values {
        Values::Int(v) => Kind::Int(v),
        Values::Float(v) => Kind::Float(v),
        Values::Decimal(v) => Kind::Decimal(v, scale_of(ty)),
        Values::Bool(v) => Kind::Bool(v),
        // A JSON column holds JSON text already.
        Values::Str(s) if *ty == DataType::Json => Kind::Text {
            data: s.data.as_bytes(),
            offsets: &s.offsets,
            quoted: false,
        },
        Values::Str(s) if value::has_json_escape(s.data.as_bytes()) => Kind::Escaped(s),
        Values::Str(s) => Kind::Text {
            data: s.data.as_bytes(),
            offsets: &s.offsets,
            quoted: true,
        },
        Values::Date(v) => Kind::Date(v),
        Values::Time(v) => Kind::Time(v),
        Values::Timestamp(v) => Kind::Timestamp(v, matches!(ty, DataType::TimestampTz)),
        Values::Uuid(v) => Kind::Uuid(v),
        Values::Bytes { .. } | Values::List { .. } | Values::Struct(_) => {
            Kind::Other { col, ty, shape }
        }
    }
}

#[cfg(test)]
mod tests;
