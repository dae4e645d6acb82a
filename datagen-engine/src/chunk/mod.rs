//! Columnar row chunks: what the engine generates and every encoder reads.
//!
//! A [`Chunk`] holds rows `start..start + len` of one entity as one [`Column`] per field, in the
//! order of the entity's [`TableSchema`]. Strings and bytes are stored Arrow-style (one buffer and
//! `i32` offsets), so text encoders copy slices and columnar encoders wrap the buffers.

mod take;

use crate::ir::DataType;

/// The output shape of one entity: its name and columns.
#[derive(Clone, Debug, PartialEq)]
pub struct TableSchema {
    /// The entity's name.
    pub name: String,
    /// The columns, in output order.
    pub columns: Vec<ColumnSchema>,
    /// Whether the single [`DataType::Json`] column is the whole row (a JSON Schema's
    /// documents): JSON and JSON Lines write the document itself as the row.
    pub document: bool,
    /// The Avro schema the entity was imported from (JSON text of its row record, every named
    /// type it uses defined inline): the `avro` format writes it as the file's schema and
    /// encodes rows by it.
    pub avro_schema: Option<String>,
}

/// One column of a [`TableSchema`].
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnSchema {
    /// The column's name.
    pub name: String,
    /// Its value type.
    pub ty: DataType,
    /// Whether it can hold nulls.
    pub nullable: bool,
}

/// Rows `start..start + len` of one entity, one column per field.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    /// The index of the first row (0-based, over the whole entity).
    pub start: u64,
    /// The number of rows.
    pub len: usize,
    /// One column per [`TableSchema`] column, each `len` long.
    pub columns: Vec<Column>,
}

/// One column's values and which of them are null.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The values (a null's slot holds a default value).
    pub values: Values,
    /// `validity[i]` is false where row `i` is null; `None` when no row is null.
    pub validity: Option<Vec<bool>>,
}

/// A column's values, by type. Dates, times and timestamps use the units of [`crate::ir::Value`].
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// Integers.
    Int(Vec<i64>),
    /// Floats.
    Float(Vec<f64>),
    /// Decimals: `units / 10^scale`, the scale of the column's type.
    Decimal(Vec<i128>),
    /// Booleans.
    Bool(Vec<bool>),
    /// Strings.
    Str(Strings),
    /// Days since 1970-01-01.
    Date(Vec<i32>),
    /// Microseconds since midnight.
    Time(Vec<i64>),
    /// Microseconds since 1970-01-01T00:00:00 (zoned or not: the column's type says).
    Timestamp(Vec<i64>),
    /// UUIDs.
    Uuid(Vec<u128>),
    /// Byte strings: `data` holds the bytes (a `Strings` whose text may not be UTF-8 is not
    /// allowed, so bytes have their own buffer).
    Bytes {
        /// The bytes of all values.
        data: Vec<u8>,
        /// `offsets[i]..offsets[i + 1]` is value `i`; `len + 1` entries.
        offsets: Vec<i32>,
    },
    /// Lists: `offsets[i]..offsets[i + 1]` are row `i`'s elements in `items`.
    List {
        /// `len + 1` entries.
        offsets: Vec<i32>,
        /// The elements of all rows.
        items: Box<Column>,
    },
    /// Nested objects: one column per field of the struct type.
    Struct(Vec<Column>),
}

/// Strings stored in one buffer with `i32` offsets, as Arrow stores them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strings {
    /// The text of all values, back to back.
    pub data: String,
    /// `offsets[i]..offsets[i + 1]` is value `i`; `len + 1` entries, starting at 0.
    pub offsets: Vec<i32>,
}

impl Strings {
    /// Room for `rows` values of about `bytes_per_value` bytes.
    pub fn with_capacity(rows: usize, bytes_per_value: usize) -> Self {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Self {
            data: String::with_capacity(rows * bytes_per_value),
            offsets,
        }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value `i`.
    ///
    /// # Panics
    /// When `i` is out of bounds.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        &self.data[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Ends the value written into `data` since the last call.
    ///
    /// # Panics
    /// When the chunk's text passes 2 GiB (chunks are far smaller).
    #[inline]
    pub fn finish_value(&mut self) {
        let end = i32::try_from(self.data.len()).expect("a chunk's strings fit in 2 GiB");
        self.offsets.push(end);
    }

    /// Appends one value.
    #[inline]
    pub fn push(&mut self, value: &str) {
        self.data.push_str(value);
        self.finish_value();
    }
}

impl Column {
    /// A column with no nulls.
    pub fn new(values: Values) -> Self {
        Self {
            values,
            validity: None,
        }
    }

    /// Whether row `i` is null.
    #[inline]
    pub fn is_null(&self, i: usize) -> bool {
        self.validity.as_ref().is_some_and(|v| !v[i])
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        match &self.values {
            Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Decimal(v) => v.len(),
            Values::Bool(v) => v.len(),
            Values::Str(s) => s.len(),
            Values::Date(v) => v.len(),
            Values::Uuid(v) => v.len(),
            Values::Bytes { offsets, .. } | Values::List { offsets, .. } => {
                offsets.len().saturating_sub(1)
            }
            Values::Struct(fields) => fields.first().map_or(0, Column::len),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
