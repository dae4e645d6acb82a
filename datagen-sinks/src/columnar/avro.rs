//! The `avro` format: an Avro object container file, encoded straight from the columnar chunks.
//!
//! The schema is [`avro_schema`]'s. Values: `int` as `long`, `float` as `double`, decimals as
//! `bytes` (`decimal` logical type: big-endian two's complement, shortest form), dates as `int`
//! (`date`), times as `long` (`time-micros`), timestamps as `long` (`local-timestamp-micros`, or
//! `timestamp-micros` for UTC ones), UUIDs as `string` (`uuid`, lowercase hyphenated), lists as
//! `array`, structs as nested records.
//!
//! The codec is `zstandard` (level 3) with zstd compression, `deflate` with gzip and `null` (no
//! compression, as Avro writers default to) without one. Blocks are cut every [`BLOCK_BYTES`] of
//! encoded rows, whatever the chunks, and the sync marker is a hash of the header, so a table's
//! rows always make the same bytes.

use std::io::{self, Write};

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, TableSchema, Values};

use super::arrow::{invalid, kind};
pub use super::avro_schema::avro_schema;
use crate::format::{ColumnarFormat, ColumnarWriter, Compression, FormatOptions};

/// The uncompressed size at which a block of rows is written.
pub const BLOCK_BYTES: usize = 1 << 20;

/// The zstd level of the `zstandard` codec.
const ZSTD_LEVEL: i32 = 3;

/// The Avro object container format.
#[derive(Clone, Debug, Default)]
pub struct Avro {
    compression: Option<Compression>,
}

impl Avro {
    /// The format with the codec of `options` (`compression`).
    pub fn new(options: &FormatOptions) -> Self {
        Self {
            compression: options.compression,
        }
    }
}

impl ColumnarFormat for Avro {
    fn extension(&self) -> &'static str {
        "avro"
    }

    fn open(
        &self,
        table: &TableSchema,
        mut out: Box<dyn Write + Send>,
    ) -> io::Result<Box<dyn ColumnarWriter>> {
        let (codec, codec_name) = match self.compression {
            None => (Codec::Null, "null"),
            Some(Compression::Gzip) => (Codec::Deflate, "deflate"),
            Some(Compression::Zstd) => (
                Codec::Zstd(Box::new(zstd::bulk::Compressor::new(ZSTD_LEVEL)?)),
                "zstandard",
            ),
        };
        let mut header = b"Obj\x01".to_vec();
        // The metadata map: one block of two entries, then the end block.
        long(2, &mut header);
        bytes(b"avro.schema", &mut header);
        bytes(avro_schema(table).as_bytes(), &mut header);
        bytes(b"avro.codec", &mut header);
        bytes(codec_name.as_bytes(), &mut header);
        header.push(0);
        let marker = fnv1a_128(&header).to_be_bytes();
        header.extend_from_slice(&marker);
        out.write_all(&header)?;
        Ok(Box::new(AvroWriter {
            out,
            table: table.clone(),
            codec,
            marker,
            block: Vec::new(),
            rows: 0,
        }))
    }
}

/// How blocks are compressed.
enum Codec {
    Null,
    Deflate,
    Zstd(Box<zstd::bulk::Compressor<'static>>),
}

/// An open Avro file.
struct AvroWriter {
    out: Box<dyn Write + Send>,
    table: TableSchema,
    codec: Codec,
    marker: [u8; 16],
    /// The encoded rows of the block being filled.
    block: Vec<u8>,
    /// How many rows `block` holds.
    rows: u64,
}

impl ColumnarWriter for AvroWriter {
    fn write(&mut self, chunk: &Chunk) -> io::Result<()> {
        if chunk.columns.len() != self.table.columns.len() {
            return Err(invalid(format!(
                "a chunk of {} columns for table `{}` of {} columns",
                chunk.columns.len(),
                self.table.name,
                self.table.columns.len()
            )));
        }
        for (c, column) in self.table.columns.iter().zip(&chunk.columns) {
            check(&c.ty, column, chunk.len)
                .and_then(|()| {
                    if !c.nullable && column.validity.as_ref().is_some_and(|v| v.contains(&false)) {
                        Err("a null in a non-nullable column".to_string())
                    } else {
                        Ok(())
                    }
                })
                .map_err(|e| invalid(format!("column `{}`: {e}", c.name)))?;
        }
        for row in 0..chunk.len {
            for (c, column) in self.table.columns.iter().zip(&chunk.columns) {
                value(column, row, c.nullable, &mut self.block);
            }
            self.rows += 1;
            if self.block.len() >= BLOCK_BYTES {
                self.flush_block()?;
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.flush_block()?;
        self.out.flush()
    }
}

impl AvroWriter {
    /// Writes the rows encoded so far as one block.
    fn flush_block(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let packed = match &mut self.codec {
            Codec::Null => None,
            Codec::Deflate => {
                let mut encoder = flate2::write::DeflateEncoder::new(
                    Vec::with_capacity(self.block.len() / 4),
                    flate2::Compression::default(),
                );
                encoder.write_all(&self.block)?;
                Some(encoder.finish()?)
            }
            Codec::Zstd(compressor) => Some(compressor.compress(&self.block)?),
        };
        let data = packed.as_deref().unwrap_or(&self.block);
        let mut head = Vec::with_capacity(20);
        long(i64::try_from(self.rows).unwrap_or(i64::MAX), &mut head);
        long(i64::try_from(data.len()).unwrap_or(i64::MAX), &mut head);
        self.out.write_all(&head)?;
        self.out.write_all(data)?;
        self.out.write_all(&self.marker)?;
        self.block.clear();
        self.rows = 0;
        Ok(())
    }
}

/// Checks that `column` holds `len` values of type `ty` with consistent offsets, so that encoding
/// its values cannot go out of bounds.
fn check(ty: &DataType, column: &Column, len: usize) -> Result<(), String> {
    if let Some(v) = &column.validity
        && v.len() != len
    {
        return Err(format!("{} validity entries for {len} rows", v.len()));
    }
    let values_len = match (ty, &column.values) {
        (DataType::Int, Values::Int(v))
        | (DataType::Time, Values::Time(v))
        | (DataType::Timestamp | DataType::TimestampTz, Values::Timestamp(v)) => v.len(),
        (DataType::Float, Values::Float(v)) => v.len(),
        (DataType::Decimal { .. }, Values::Decimal(v)) => v.len(),
        (DataType::Bool, Values::Bool(v)) => v.len(),
        (DataType::Date, Values::Date(v)) => v.len(),
        (DataType::Uuid, Values::Uuid(v)) => v.len(),
        (DataType::String | DataType::Json, Values::Str(s)) => {
            check_offsets(&s.offsets, len, s.data.len())?;
            if !s
                .offsets
                .iter()
                .all(|&o| s.data.is_char_boundary(o as usize))
            {
                return Err("string offsets split a character".into());
            }
            len
        }
        (DataType::Bytes, Values::Bytes { data, offsets }) => {
            check_offsets(offsets, len, data.len())?;
            len
        }
        (DataType::List(item), Values::List { offsets, items }) => {
            let items_len = items.len();
            check(item, items, items_len)?;
            check_offsets(offsets, len, items_len)?;
            len
        }
        (DataType::Struct(fields), Values::Struct(columns)) => {
            if fields.len() != columns.len() {
                return Err(format!(
                    "a struct of {} fields has {} columns",
                    fields.len(),
                    columns.len()
                ));
            }
            for ((name, t), c) in fields.iter().zip(columns) {
                check(t, c, len).map_err(|e| format!("field `{name}`: {e}"))?;
            }
            len
        }
        (ty, values) => {
            return Err(format!(
                "a column of type {ty:?} holds {} values",
                kind(values)
            ));
        }
    };
    if values_len == len {
        Ok(())
    } else {
        Err(format!("{values_len} values for {len} rows"))
    }
}

/// Checks `len + 1` non-decreasing offsets within `0..=end` (or none at all for no rows).
fn check_offsets(offsets: &[i32], len: usize, end: usize) -> Result<(), String> {
    if offsets.is_empty() && len == 0 {
        return Ok(());
    }
    let ok = offsets.len() == len + 1
        && offsets[0] >= 0
        && offsets.windows(2).all(|w| w[0] <= w[1])
        && offsets[len] as usize <= end;
    if ok {
        Ok(())
    } else {
        Err(format!("bad offsets for {len} rows"))
    }
}

/// Appends value `i` of a [`check`]ed column; as a `["null", T]` union when `nullable`.
fn value(column: &Column, i: usize, nullable: bool, out: &mut Vec<u8>) {
    if nullable {
        if column.is_null(i) {
            out.push(0); // Branch 0: null.
            return;
        }
        out.push(2); // Branch 1 (zig-zag encoded).
    }
    match &column.values {
        Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => long(v[i], out),
        Values::Float(v) => out.extend_from_slice(&v[i].to_le_bytes()),
        Values::Decimal(v) => decimal(v[i], out),
        Values::Bool(v) => out.push(u8::from(v[i])),
        Values::Str(s) => bytes(s.get(i).as_bytes(), out),
        Values::Date(v) => long(i64::from(v[i]), out),
        Values::Uuid(v) => uuid(v[i], out),
        Values::Bytes { data, offsets } => {
            bytes(&data[offsets[i] as usize..offsets[i + 1] as usize], out);
        }
        Values::List { offsets, items } => {
            let (start, end) = (offsets[i] as usize, offsets[i + 1] as usize);
            if end > start {
                long((end - start) as i64, out);
                for j in start..end {
                    value(items, j, true, out);
                }
            }
            out.push(0); // The end of the array's blocks.
        }
        Values::Struct(fields) => {
            for field in fields {
                value(field, i, true, out);
            }
        }
    }
}

/// Appends a `long` (or `int`): zig-zag, then 7 bits a byte, least significant first.
fn long(x: i64, out: &mut Vec<u8>) {
    let mut n = ((x << 1) ^ (x >> 63)) as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Appends `bytes` or a `string`: the length, then the bytes.
fn bytes(b: &[u8], out: &mut Vec<u8>) {
    long(b.len() as i64, out);
    out.extend_from_slice(b);
}

/// Appends a decimal's unscaled value: the shortest big-endian two's complement bytes.
fn decimal(units: i128, out: &mut Vec<u8>) {
    let b = units.to_be_bytes();
    let mut start = 0;
    while start < 15
        && ((b[start] == 0 && b[start + 1] & 0x80 == 0)
            || (b[start] == 0xff && b[start + 1] & 0x80 != 0))
    {
        start += 1;
    }
    bytes(&b[start..], out);
}

/// Appends a UUID as a string: 36 lowercase hex digits and hyphens.
fn uuid(u: u128, out: &mut Vec<u8>) {
    long(36, out);
    crate::text::value::push_uuid(out, u);
}

/// The 128-bit FNV-1a hash of `data` (the sync marker: stable across runs and platforms).
fn fnv1a_128(data: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    data.iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}
