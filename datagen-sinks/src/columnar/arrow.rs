//! Chunks as Arrow record batches: the schema mapping and the column conversion that Parquet and
//! Arrow IPC share.
//!
//! | datagen       | Arrow                                             |
//! |---------------|---------------------------------------------------|
//! | `int`         | `Int64`                                           |
//! | `float`       | `Float64`                                         |
//! | `decimal(p,s)`| `Decimal128(p, s)`                                |
//! | `string`      | `Utf8`                                            |
//! | `bool`        | `Boolean`                                         |
//! | `date`        | `Date32`                                          |
//! | `time`        | `Time64(Microsecond)`                             |
//! | `timestamp`   | `Timestamp(Microsecond, None)`                    |
//! | `timestamptz` | `Timestamp(Microsecond, "UTC")`                   |
//! | `uuid`        | `FixedSizeBinary(16)`, big-endian, `arrow.uuid`   |
//! | `bytes`       | `Binary`                                          |
//! | `list<T>`     | `List(T)`, item field `item` (nullable)           |
//! | `struct`      | `Struct`, every child nullable                    |
//!
//! Top-level fields are nullable as their [`ColumnSchema`] says; list items and struct children are
//! always nullable (a null struct holds nulls in all its children).

use std::collections::HashMap;
use std::io;
use std::sync::Arc;

use arrow_array::types::{
    Date32Type, Decimal128Type, Float64Type, Int64Type, Time64MicrosecondType,
    TimestampMicrosecondType,
};
use arrow_array::{
    ArrayRef, BinaryArray, BooleanArray, FixedSizeBinaryArray, ListArray, PrimitiveArray,
    RecordBatch, RecordBatchOptions, StringArray, StructArray,
};
use arrow_buffer::{Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType as ArrowType, Field, FieldRef, Fields, Schema, SchemaRef};
use arrow_schema::{TimeUnit, extension::EXTENSION_TYPE_NAME_KEY};
use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, TableSchema, Values};

/// The name of a list's item field.
const ITEM: &str = "item";

/// The Arrow schema of `table`'s rows.
pub fn arrow_schema(table: &TableSchema) -> Schema {
    Schema::new(
        table
            .columns
            .iter()
            .map(|c: &ColumnSchema| field(&c.name, &c.ty, c.nullable))
            .collect::<Fields>(),
    )
}

/// The Arrow field for a column `name` of type `ty`.
pub fn field(name: &str, ty: &DataType, nullable: bool) -> Field {
    let field = Field::new(name, arrow_type(ty), nullable);
    if matches!(ty, DataType::Uuid) {
        field.with_metadata(HashMap::from([(
            EXTENSION_TYPE_NAME_KEY.to_string(),
            "arrow.uuid".to_string(),
        )]))
    } else {
        field
    }
}

/// The Arrow type of `ty`.
pub fn arrow_type(ty: &DataType) -> ArrowType {
    match ty {
        DataType::Int => ArrowType::Int64,
        DataType::Float => ArrowType::Float64,
        DataType::Decimal { precision, scale } => {
            ArrowType::Decimal128(*precision, scale_i8(*scale))
        }
        DataType::String | DataType::Json => ArrowType::Utf8,
        DataType::Bool => ArrowType::Boolean,
        DataType::Date => ArrowType::Date32,
        DataType::Time => ArrowType::Time64(TimeUnit::Microsecond),
        DataType::Timestamp => ArrowType::Timestamp(TimeUnit::Microsecond, None),
        DataType::TimestampTz => ArrowType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        DataType::Uuid => ArrowType::FixedSizeBinary(16),
        DataType::Bytes => ArrowType::Binary,
        DataType::List(item) => ArrowType::List(item_field(item)),
        DataType::Struct(fields) => ArrowType::Struct(struct_fields(fields)),
    }
}

fn item_field(item: &DataType) -> FieldRef {
    Arc::new(field(ITEM, item, true))
}

fn struct_fields(fields: &[(String, DataType)]) -> Fields {
    fields.iter().map(|(n, t)| field(n, t, true)).collect()
}

/// A decimal scale as Arrow stores it (scales are at most 38).
fn scale_i8(scale: u8) -> i8 {
    i8::try_from(scale).unwrap_or(i8::MAX)
}

/// `chunk`'s rows as a record batch of [`arrow_schema()`]`(table)` (the values are copied).
///
/// # Errors
/// When the chunk does not match the table (column count, types, lengths, a null in a
/// non-nullable column).
pub fn to_record_batch(table: &TableSchema, chunk: &Chunk) -> io::Result<RecordBatch> {
    record_batch(&Arc::new(arrow_schema(table)), table, chunk)
}

/// [`to_record_batch`] with the table's Arrow schema already made.
pub(crate) fn record_batch(
    schema: &SchemaRef,
    table: &TableSchema,
    chunk: &Chunk,
) -> io::Result<RecordBatch> {
    if chunk.columns.len() != table.columns.len() {
        return Err(invalid(format!(
            "a chunk of {} columns for table `{}` of {} columns",
            chunk.columns.len(),
            table.name,
            table.columns.len()
        )));
    }
    let arrays = table
        .columns
        .iter()
        .zip(&chunk.columns)
        .map(|(c, column)| array(&c.ty, column, chunk.len).map_err(|e| in_column(&c.name, e)))
        .collect::<io::Result<Vec<_>>>()?;
    let options = RecordBatchOptions::new().with_row_count(Some(chunk.len));
    RecordBatch::try_new_with_options(Arc::clone(schema), arrays, &options).map_err(to_io)
}

/// The Arrow array of `column` (of type `ty`, `len` rows).
fn array(ty: &DataType, column: &Column, len: usize) -> Result<ArrayRef, ArrowError> {
    let nulls = column
        .validity
        .as_deref()
        .map(NullBuffer::from)
        .filter(|n| n.null_count() > 0);
    Ok(match (ty, &column.values) {
        (DataType::Int, Values::Int(v)) => primitive::<Int64Type>(v, nulls)?,
        (DataType::Float, Values::Float(v)) => primitive::<Float64Type>(v, nulls)?,
        (DataType::Decimal { precision, scale }, Values::Decimal(v)) => Arc::new(
            PrimitiveArray::<Decimal128Type>::try_new(ScalarBuffer::from(v.clone()), nulls)?
                .with_precision_and_scale(*precision, scale_i8(*scale))?,
        ),
        (DataType::Bool, Values::Bool(v)) => {
            check_len(nulls.as_ref(), v.len())?;
            Arc::new(BooleanArray::new(v.as_slice().into(), nulls))
        }
        (DataType::String | DataType::Json, Values::Str(s)) => Arc::new(StringArray::try_new(
            offsets(&s.offsets)?,
            Buffer::from_vec(s.data.clone().into_bytes()),
            nulls,
        )?),
        (DataType::Date, Values::Date(v)) => primitive::<Date32Type>(v, nulls)?,
        (DataType::Time, Values::Time(v)) => primitive::<Time64MicrosecondType>(v, nulls)?,
        (DataType::Timestamp, Values::Timestamp(v)) => {
            primitive::<TimestampMicrosecondType>(v, nulls)?
        }
        (DataType::TimestampTz, Values::Timestamp(v)) => Arc::new(
            PrimitiveArray::<TimestampMicrosecondType>::try_new(
                ScalarBuffer::from(v.clone()),
                nulls,
            )?
            .with_timezone("UTC"),
        ),
        (DataType::Uuid, Values::Uuid(v)) => {
            let bytes: Vec<u8> = v.iter().flat_map(|u| u.to_be_bytes()).collect();
            Arc::new(FixedSizeBinaryArray::try_new_with_len(
                16,
                Buffer::from_vec(bytes),
                nulls,
                v.len(),
            )?)
        }
        (DataType::Bytes, Values::Bytes { data, offsets: o }) => Arc::new(BinaryArray::try_new(
            offsets(o)?,
            Buffer::from_vec(data.clone()),
            nulls,
        )?),
        (DataType::List(item), Values::List { offsets: o, items }) => {
            let items_len = o.last().map_or(0, |&end| usize::try_from(end).unwrap_or(0));
            let values = array(item, items, items.len().max(items_len))?;
            Arc::new(ListArray::try_new(
                item_field(item),
                offsets(o)?,
                values,
                nulls,
            )?)
        }
        (DataType::Struct(fields), Values::Struct(columns)) => {
            if fields.len() != columns.len() {
                return Err(ArrowError::InvalidArgumentError(format!(
                    "a struct of {} fields has {} columns",
                    fields.len(),
                    columns.len()
                )));
            }
            let children = fields
                .iter()
                .zip(columns)
                .map(|((_, t), c)| array(t, c, len))
                .collect::<Result<Vec<_>, _>>()?;
            Arc::new(StructArray::try_new_with_length(
                struct_fields(fields),
                children,
                nulls,
                len,
            )?)
        }
        (ty, values) => {
            return Err(ArrowError::InvalidArgumentError(format!(
                "a column of type {ty:?} holds {} values",
                kind(values)
            )));
        }
    })
}

fn primitive<T: arrow_array::ArrowPrimitiveType>(
    values: &[T::Native],
    nulls: Option<NullBuffer>,
) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(PrimitiveArray::<T>::try_new(
        ScalarBuffer::from(values.to_vec()),
        nulls,
    )?))
}

/// Offsets as an Arrow offset buffer, checked (an empty vector is zero values).
fn offsets(offsets: &[i32]) -> Result<OffsetBuffer<i32>, ArrowError> {
    if offsets.is_empty() {
        return Ok(OffsetBuffer::new_empty());
    }
    if offsets[0] < 0 || offsets.windows(2).any(|w| w[0] > w[1]) {
        return Err(ArrowError::InvalidArgumentError(
            "offsets are negative or decreasing".into(),
        ));
    }
    Ok(OffsetBuffer::new(ScalarBuffer::from(offsets.to_vec())))
}

fn check_len(nulls: Option<&NullBuffer>, len: usize) -> Result<(), ArrowError> {
    match nulls {
        Some(n) if n.len() != len => Err(ArrowError::InvalidArgumentError(format!(
            "{} validity entries for {len} values",
            n.len()
        ))),
        _ => Ok(()),
    }
}

/// The name of a values variant, for errors.
pub(crate) fn kind(values: &Values) -> &'static str {
    match values {
        Values::Int(_) => "integer",
        Values::Float(_) => "float",
        Values::Decimal(_) => "decimal",
        Values::Bool(_) => "boolean",
        Values::Str(_) => "string",
        Values::Date(_) => "date",
        Values::Time(_) => "time",
        Values::Timestamp(_) => "timestamp",
        Values::Uuid(_) => "UUID",
        Values::Bytes { .. } => "bytes",
        Values::List { .. } => "list",
        Values::Struct(_) => "struct",
    }
}

fn in_column(name: &str, e: ArrowError) -> io::Error {
    invalid(format!("column `{name}`: {e}"))
}

/// An Arrow error as an I/O error.
pub(crate) fn to_io(e: ArrowError) -> io::Error {
    match e {
        ArrowError::IoError(_, e) => e,
        e => invalid(e.to_string()),
    }
}

/// An `InvalidData` error.
pub(crate) fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}
