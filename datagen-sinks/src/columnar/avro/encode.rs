//! Avro's binary encoding of one value of a column, by its [`Node`].
//!
//! Every read from a column is bounds-checked, so a chunk that does not match its table (a bug
//! upstream) is an error naming the Avro path, never a panic; nothing is allocated unless
//! there is an error.

use datagen_engine::{Column, Strings, Values};

use super::plan::{Kind, Node, Unit};
use crate::columnar::arrow::kind;

/// An encoding error: what is wrong, with the Avro path.
pub(crate) type Error = String;

impl Node {
    /// The error `what` at this node's path.
    #[cold]
    pub(crate) fn error(&self, what: impl std::fmt::Display) -> Error {
        format!("Avro path `{}`: {what}", self.path)
    }

    /// Appends value `row` of `col` (null or not).
    ///
    /// # Errors
    /// When the value does not fit the schema (a null without a `null` branch, an integer out
    /// of `int` range, an unknown enum symbol, ...) or the column is not as its type says.
    pub(crate) fn encode(&self, col: &Column, row: usize, out: &mut Vec<u8>) -> Result<(), Error> {
        if !is_valid(col, row).ok_or_else(|| self.error(format!("no row {row}")))? {
            let null = match (&self.branch, &self.kind) {
                (Some(b), _) => b.null,
                (None, Kind::Union { null, .. }) => *null,
                (None, Kind::Null) => return Ok(()),
                (None, Kind::Cut) => return Err(self.error("a null where the schema has none")),
                (None, _) => None,
            };
            return match null {
                Some(index) => {
                    long(index, out);
                    Ok(())
                }
                None => Err(self.error("a null, but the schema has no `null` branch here")),
            };
        }
        if let Some(b) = &self.branch {
            long(b.index, out);
        }
        self.value(col, row, out)
    }

    /// Appends the non-null value `row` of `col`.
    fn value(&self, col: &Column, row: usize, out: &mut Vec<u8>) -> Result<(), Error> {
        let oob = || self.error(format!("no row {row} (or bad offsets)"));
        match (&self.kind, &col.values) {
            (Kind::Null, _) => {}
            (Kind::Cut, _) => {
                return Err(self.error(
                    "a value where the importer cut a recursive type (it must be null or absent)",
                ));
            }
            (Kind::Boolean, Values::Bool(v)) => out.push(u8::from(*v.get(row).ok_or_else(oob)?)),
            (Kind::Int, Values::Int(v)) => {
                let x = *v.get(row).ok_or_else(oob)?;
                if i32::try_from(x).is_err() {
                    return Err(self.error(format!("{x} is out of the range of an Avro `int`")));
                }
                long(x, out);
            }
            (Kind::Long, Values::Int(v)) => long(*v.get(row).ok_or_else(oob)?, out),
            (Kind::Float, Values::Float(v)) => {
                let x = *v.get(row).ok_or_else(oob)? as f32;
                out.extend_from_slice(&x.to_le_bytes());
            }
            (Kind::Double, Values::Float(v)) => {
                out.extend_from_slice(&v.get(row).ok_or_else(oob)?.to_le_bytes());
            }
            (Kind::Bytes, Values::Bytes { data, offsets }) => {
                bytes(bytes_at(data, offsets, row).ok_or_else(oob)?, out);
            }
            (Kind::String, Values::Str(s)) => {
                bytes(str_at(s, row).ok_or_else(oob)?.as_bytes(), out)
            }
            (Kind::Enum(symbols), Values::Str(s)) => {
                let symbol = str_at(s, row).ok_or_else(oob)?;
                let index = symbols
                    .index(symbol)
                    .ok_or_else(|| self.error(format!("`{symbol}` is not a symbol of the enum")))?;
                long(index, out);
            }
            (Kind::Fixed(size), Values::Bytes { data, offsets }) => {
                let b = bytes_at(data, offsets, row).ok_or_else(oob)?;
                if b.len() != *size {
                    return Err(self.error(format!(
                        "{} bytes for a fixed type of {size} bytes",
                        b.len()
                    )));
                }
                out.extend_from_slice(b);
            }
            (Kind::Decimal(None), Values::Decimal(v)) => decimal(*v.get(row).ok_or_else(oob)?, out),
            (Kind::Decimal(Some(size)), Values::Decimal(v)) => {
                let units = *v.get(row).ok_or_else(oob)?;
                if !fixed_decimal(units, *size, out) {
                    return Err(self.error(format!(
                        "the decimal's unscaled value {units} does not fit {size} bytes"
                    )));
                }
            }
            (Kind::UuidString, Values::Uuid(v)) => {
                long(36, out);
                crate::text::value::push_uuid(out, *v.get(row).ok_or_else(oob)?);
            }
            (Kind::UuidFixed, Values::Uuid(v)) => {
                out.extend_from_slice(&v.get(row).ok_or_else(oob)?.to_be_bytes());
            }
            (Kind::Date, Values::Date(v)) => long(i64::from(*v.get(row).ok_or_else(oob)?), out),
            (Kind::Time(unit) | Kind::Timestamp(unit), Values::Time(v) | Values::Timestamp(v)) => {
                let micros = *v.get(row).ok_or_else(oob)?;
                let x = match unit {
                    Unit::Millis => micros.div_euclid(1000),
                    Unit::Micros => micros,
                    Unit::Nanos => micros.checked_mul(1000).ok_or_else(|| {
                        self.error(format!("{micros} µs is out of range in nanoseconds"))
                    })?,
                };
                long(x, out);
            }
            (Kind::Duration, Values::Struct(parts)) if parts.len() == 3 => {
                for part in parts {
                    let Values::Int(v) = &part.values else {
                        return Err(self.error("a duration needs three integer members"));
                    };
                    let x = *v.get(row).ok_or_else(oob)?;
                    let x = u32::try_from(x).map_err(|_| {
                        self.error(format!("{x} is out of a duration's range (0..2^32)"))
                    })?;
                    out.extend_from_slice(&x.to_le_bytes());
                }
            }
            (Kind::Record(fields), Values::Struct(members)) if fields.len() == members.len() => {
                for (field, member) in fields.iter().zip(members) {
                    field.node.encode(member, row, out)?;
                }
            }
            (Kind::Array(item), Values::List { offsets, items }) => {
                let range = range_at(offsets, row).ok_or_else(oob)?;
                if !range.is_empty() {
                    long(range.len() as i64, out);
                    for j in range {
                        item.encode(items, j, out)?;
                    }
                }
                out.push(0); // The end of the array's blocks.
            }
            (Kind::Map(value), Values::List { offsets, items }) => {
                let range = range_at(offsets, row).ok_or_else(oob)?;
                let Values::Struct(kv) = &items.values else {
                    return Err(self.error("a map's entries must be {key, value} structs"));
                };
                let [keys, values] = kv.as_slice() else {
                    return Err(self.error("a map's entries must be {key, value} structs"));
                };
                let Values::Str(key_strings) = &keys.values else {
                    return Err(self.error("a map's keys must be strings"));
                };
                if !range.is_empty() {
                    long(range.len() as i64, out);
                    for j in range {
                        let present = is_valid(items, j).zip(is_valid(keys, j));
                        if present != Some((true, true)) {
                            return Err(self.error("a null map entry or key"));
                        }
                        bytes(str_at(key_strings, j).ok_or_else(oob)?.as_bytes(), out);
                        value.encode(values, j, out)?;
                    }
                }
                out.push(0);
            }
            (Kind::Union { null, branches }, Values::Struct(members))
                if members.len() == branches.len() =>
            {
                let mut set = None;
                for (k, member) in members.iter().enumerate() {
                    if is_valid(member, row).ok_or_else(oob)? {
                        if set.is_some() {
                            return Err(self.error("more than one union branch is set"));
                        }
                        set = Some(k);
                    }
                }
                match (set, null) {
                    (Some(k), _) => {
                        let (index, node) = &branches[k];
                        long(*index, out);
                        node.value(&members[k], row, out)?;
                    }
                    (None, Some(index)) => long(*index, out),
                    (None, None) => {
                        return Err(self.error("no union branch is set and there is no `null`"));
                    }
                }
            }
            (_, values) => {
                return Err(self.error(format!(
                    "the column holds {} values, which do not fit the schema's `{}`",
                    kind(values),
                    self.name
                )));
            }
        }
        Ok(())
    }
}

/// Whether row `row` of `col` is not null (`None` when out of bounds).
#[inline]
pub(crate) fn is_valid(col: &Column, row: usize) -> Option<bool> {
    match &col.validity {
        None => Some(true),
        Some(v) => v.get(row).copied(),
    }
}

/// `offsets[i]..offsets[i + 1]`, when both exist and are in order.
#[inline]
pub(crate) fn range_at(offsets: &[i32], i: usize) -> Option<std::ops::Range<usize>> {
    let start = usize::try_from(*offsets.get(i)?).ok()?;
    let end = usize::try_from(*offsets.get(i + 1)?).ok()?;
    (start <= end).then_some(start..end)
}

/// String `i`, when its offsets are valid.
#[inline]
pub(crate) fn str_at(s: &Strings, i: usize) -> Option<&str> {
    s.data.get(range_at(&s.offsets, i)?)
}

/// Byte string `i`, when its offsets are valid.
#[inline]
pub(crate) fn bytes_at<'a>(data: &'a [u8], offsets: &[i32], i: usize) -> Option<&'a [u8]> {
    data.get(range_at(offsets, i)?)
}

/// Appends a `long` (or `int`): zig-zag, then 7 bits a byte, least significant first.
#[inline]
pub(crate) fn long(x: i64, out: &mut Vec<u8>) {
    let mut n = ((x << 1) ^ (x >> 63)) as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Appends `bytes` or a `string`: the length, then the bytes.
#[inline]
pub(crate) fn bytes(b: &[u8], out: &mut Vec<u8>) {
    long(b.len() as i64, out);
    out.extend_from_slice(b);
}

/// The shortest big-endian two's complement bytes of a decimal's unscaled value.
pub(crate) fn decimal_bytes(units: i128) -> ([u8; 16], usize) {
    let b = units.to_be_bytes();
    let mut start = 0;
    while start < 15
        && ((b[start] == 0 && b[start + 1] & 0x80 == 0)
            || (b[start] == 0xff && b[start + 1] & 0x80 != 0))
    {
        start += 1;
    }
    (b, start)
}

/// Appends a decimal's unscaled value as `bytes`: the shortest two's complement form.
fn decimal(units: i128, out: &mut Vec<u8>) {
    let (b, start) = decimal_bytes(units);
    bytes(&b[start..], out);
}

/// Appends a decimal's unscaled value as `size` big-endian two's complement bytes (sign
/// extended); false, writing nothing, when it does not fit.
pub(crate) fn fixed_decimal(units: i128, size: usize, out: &mut Vec<u8>) -> bool {
    let (b, start) = decimal_bytes(units);
    let needed = 16 - start;
    if needed > size {
        return false;
    }
    let fill = if units < 0 { 0xff } else { 0 };
    out.resize(out.len() + (size - needed), fill);
    out.extend_from_slice(&b[start..]);
    true
}
