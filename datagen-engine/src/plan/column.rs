//! Building columns value by value: typed pushes that convert a generator's raw value to the
//! column's type.

use crate::chunk::{Column, Strings, Values};
use crate::ir::{DataType, Value};

/// Microseconds in a day.
const DAY_MICROS: i64 = 86_400_000_000;

impl Column {
    /// An empty column of type `ty` with room for `rows` values.
    pub fn with_type(ty: &DataType, rows: usize) -> Self {
        let values = match ty {
            DataType::Int => Values::Int(Vec::with_capacity(rows)),
            DataType::Float => Values::Float(Vec::with_capacity(rows)),
            DataType::Decimal { .. } => Values::Decimal(Vec::with_capacity(rows)),
            DataType::String | DataType::Json => Values::Str(Strings::with_capacity(rows, 32)),
            DataType::Bool => Values::Bool(Vec::with_capacity(rows)),
            DataType::Date => Values::Date(Vec::with_capacity(rows)),
            DataType::Time => Values::Time(Vec::with_capacity(rows)),
            DataType::Timestamp | DataType::TimestampTz => {
                Values::Timestamp(Vec::with_capacity(rows))
            }
            DataType::Uuid => Values::Uuid(Vec::with_capacity(rows)),
            DataType::Bytes => Values::Bytes {
                data: Vec::new(),
                offsets: vec![0],
            },
            DataType::List(item) => Values::List {
                offsets: {
                    let mut o = Vec::with_capacity(rows + 1);
                    o.push(0);
                    o
                },
                items: Box::new(Column::with_type(item, rows)),
            },
            DataType::Struct(fields) => Values::Struct(
                fields
                    .iter()
                    .map(|(_, t)| Column::with_type(t, rows))
                    .collect(),
            ),
        };
        Column::new(values)
    }

    /// Marks the value just pushed as valid (keeps the validity vector in step once it exists).
    #[inline]
    fn valid(&mut self) {
        if let Some(v) = &mut self.validity {
            v.push(true);
        }
    }

    /// Appends an integer (days for dates, microseconds for times and timestamps, units for
    /// decimals).
    #[inline]
    pub fn push_int(&mut self, x: i64) {
        match &mut self.values {
            Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => v.push(x),
            Values::Date(v) => {
                v.push(i32::try_from(x).unwrap_or(if x < 0 { i32::MIN } else { i32::MAX }))
            }
            Values::Decimal(v) => v.push(i128::from(x)),
            #[allow(clippy::cast_precision_loss)]
            Values::Float(v) => v.push(x as f64),
            Values::Bool(v) => v.push(x != 0),
            Values::Str(s) => s.push(itoa::Buffer::new().format(x)),
            _ => self.push_default(),
        }
        self.valid();
    }

    /// Appends a float; integer-like columns get it rounded, decimals at `scale`.
    #[inline]
    pub fn push_float(&mut self, x: f64, scale: u8) {
        match &mut self.values {
            Values::Float(v) => v.push(x),
            #[allow(clippy::cast_possible_truncation)]
            Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => v.push(x.round() as i64),
            #[allow(clippy::cast_possible_truncation)]
            Values::Date(v) => v.push(x.round() as i32),
            #[allow(clippy::cast_possible_truncation)]
            Values::Decimal(v) => v.push((x * 10f64.powi(i32::from(scale))).round() as i128),
            Values::Str(s) => s.push(ryu::Buffer::new().format(x)),
            _ => self.push_default(),
        }
        self.valid();
    }

    /// The string buffer of a string column, to write one value into; end it with
    /// [`Column::end_str`].
    ///
    /// # Panics
    /// When the column is not a string column (the plan only pairs string generators with
    /// string columns).
    #[inline]
    pub fn str_buf(&mut self) -> &mut String {
        match &mut self.values {
            Values::Str(s) => &mut s.data,
            _ => unreachable!("the plan gives string generators string columns"),
        }
    }

    /// Ends the string value written through [`Column::str_buf`].
    #[inline]
    pub fn end_str(&mut self) {
        if let Values::Str(s) = &mut self.values {
            s.finish_value();
        }
        self.valid();
    }

    /// Appends a constant.
    pub fn push_value(&mut self, value: &Value, scale: u8) {
        match value {
            Value::Null => self.push_null(),
            Value::Bool(b) => {
                if let Values::Bool(v) = &mut self.values {
                    v.push(*b);
                    self.valid();
                } else {
                    self.push_int(i64::from(*b));
                }
            }
            Value::Int(x) => {
                if let Values::Decimal(v) = &mut self.values {
                    v.push(i128::from(*x) * 10i128.pow(u32::from(scale)));
                    self.valid();
                } else {
                    self.push_int(*x);
                }
            }
            Value::Float(x) => self.push_float(*x, scale),
            Value::Decimal(units, s) => {
                if let Values::Decimal(v) = &mut self.values {
                    v.push(rescale(*units, *s, scale));
                    self.valid();
                } else {
                    #[allow(clippy::cast_precision_loss)]
                    self.push_float(*units as f64 / 10f64.powi(i32::from(*s)), scale);
                }
            }
            Value::Str(text) => {
                if let Values::Str(s) = &mut self.values {
                    s.push(text);
                    self.valid();
                } else {
                    self.push_default();
                    self.valid();
                }
            }
            Value::Date(d) => match &mut self.values {
                Values::Timestamp(v) => {
                    v.push(i64::from(*d) * DAY_MICROS);
                    self.valid();
                }
                _ => self.push_int(i64::from(*d)),
            },
            Value::Time(t) | Value::Timestamp(t) => self.push_int(*t),
            Value::Uuid(u) => {
                if let Values::Uuid(v) = &mut self.values {
                    v.push(*u);
                    self.valid();
                } else {
                    self.push_default();
                    self.valid();
                }
            }
        }
    }

    /// Appends a UUID.
    #[inline]
    pub fn push_uuid(&mut self, u: u128) {
        if let Values::Uuid(v) = &mut self.values {
            v.push(u);
        }
        self.valid();
    }

    /// Appends a boolean.
    #[inline]
    pub fn push_bool(&mut self, b: bool) {
        match &mut self.values {
            Values::Bool(v) => v.push(b),
            _ => return self.push_int(i64::from(b)),
        }
        self.valid();
    }

    /// Appends a byte string.
    pub fn push_bytes(&mut self, bytes: &[u8]) {
        if let Values::Bytes { data, offsets } = &mut self.values {
            data.extend_from_slice(bytes);
            offsets.push(i32::try_from(data.len()).expect("a chunk's bytes fit in 2 GiB"));
        }
        self.valid();
    }

    /// Appends a byte string of `len` bytes, written straight into the column eight at a time
    /// from `next` (little-endian), the last word cut.
    pub(crate) fn push_bytes_from(&mut self, len: usize, mut next: impl FnMut() -> u64) {
        if let Values::Bytes { data, offsets } = &mut self.values {
            let end = data.len() + len;
            while data.len() < end {
                data.extend_from_slice(&next().to_le_bytes());
            }
            data.truncate(end);
            offsets.push(i32::try_from(end).expect("a chunk's bytes fit in 2 GiB"));
        }
        self.valid();
    }

    /// Appends a null.
    pub fn push_null(&mut self) {
        let len = self.len();
        self.push_default();
        let validity = self.validity.get_or_insert_with(|| vec![true; len]);
        validity.push(false);
    }

    /// Appends the type's default value without touching validity (a null's slot).
    fn push_default(&mut self) {
        match &mut self.values {
            Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => v.push(0),
            Values::Float(v) => v.push(0.0),
            Values::Decimal(v) => v.push(0),
            Values::Bool(v) => v.push(false),
            Values::Str(s) => s.finish_value(),
            Values::Date(v) => v.push(0),
            Values::Uuid(v) => v.push(0),
            Values::Bytes { data, offsets } => {
                offsets.push(i32::try_from(data.len()).expect("a chunk's bytes fit in 2 GiB"));
            }
            Values::List { offsets, .. } => {
                let last = offsets.last().copied().unwrap_or(0);
                offsets.push(last);
            }
            Values::Struct(fields) => {
                for f in fields {
                    f.push_null();
                }
            }
        }
    }

    /// Ends a list value whose items were pushed into the items column.
    pub fn end_list(&mut self) {
        if let Values::List { offsets, items } = &mut self.values {
            offsets.push(i32::try_from(items.len()).expect("a chunk's list items fit in 2 GiB"));
        }
        self.valid();
    }

    /// Ends a struct value whose fields were pushed into the field columns.
    pub fn end_struct(&mut self) {
        self.valid();
    }

    /// The value at `i` as an integer in the column's units (dates: days; times, timestamps:
    /// microseconds; decimals: units), for offsets; `None` for null or non-numeric values.
    pub fn int_at(&self, i: usize) -> Option<i64> {
        if self.is_null(i) {
            return None;
        }
        match &self.values {
            Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => Some(v[i]),
            Values::Date(v) => Some(i64::from(v[i])),
            Values::Decimal(v) => i64::try_from(v[i]).ok(),
            _ => None,
        }
    }
}

impl Column {
    /// Cuts the string value just pushed to `max` characters; with `suffix` `(row, width)`,
    /// first widens it with the row number in `width` digits (before the last `@` of an email),
    /// cutting the text before the number so the whole still fits. A fixed-width number at a
    /// fixed place from the end makes values of different rows differ.
    pub(crate) fn fit_last(&mut self, max: u32, suffix: Option<(u64, usize)>) {
        let last = self.len().saturating_sub(1);
        if self.is_null(last) {
            return;
        }
        let Values::Str(s) = &mut self.values else {
            return;
        };
        let start = s.offsets[last] as usize;
        let max = max as usize;
        let Some((row, width)) = suffix else {
            if let Some((cut, _)) = s.data[start..].char_indices().nth(max) {
                s.data.truncate(start + cut);
                *s.offsets.last_mut().expect("a value was just pushed") =
                    i32::try_from(s.data.len()).expect("a chunk's text fits in 2 GiB");
            }
            return;
        };
        // Rewritten in place: `head`, then `sep`, zeros and digits of the number, then `tail`.
        let head_end = start + s.data[start..].rfind('@').unwrap_or(s.data.len() - start);
        let mut sep = if head_end == s.data.len() { "-" } else { "" };
        let mut buf = itoa::Buffer::new();
        let digits = buf.format(row);
        let zeros = width.saturating_sub(digits.len());
        let mut tail_chars = s.data[head_end..].chars().count();
        // Too narrow for the number and the domain: the number alone, after what fits.
        if sep.len() + zeros + digits.len() + tail_chars > max {
            s.data.truncate(head_end);
            (sep, tail_chars) = ("", 0);
        }
        let room = max.saturating_sub(sep.len() + zeros + digits.len() + tail_chars);
        let cut = s.data[start..head_end]
            .char_indices()
            .nth(room)
            .map_or(head_end, |(i, _)| start + i);
        // `width` is the digit count of a `u64`, at most 20.
        s.data.replace_range(cut..head_end, digits);
        s.data.insert_str(cut, &"00000000000000000000"[..zeros]);
        s.data.insert_str(cut, sep);
        *s.offsets.last_mut().expect("a value was just pushed") =
            i32::try_from(s.data.len()).expect("a chunk's text fits in 2 GiB");
    }
}

/// `units` at scale `from` expressed at scale `to`.
fn rescale(units: i128, from: u8, to: u8) -> i128 {
    if to >= from {
        units * 10i128.pow(u32::from(to - from))
    } else {
        units / 10i128.pow(u32::from(from - to))
    }
}
