//! The `avro` format: an Avro object container file, encoded straight from the columnar chunks,
//! and the framings of single Avro datums (single-object encoding, the Confluent wire format).
//!
//! The schema is the one the table was imported from ([`TableSchema::avro_schema`], written
//! verbatim) or else [`avro_schema`]'s, derived from the columns. Rows are encoded by walking
//! the schema alongside the columns, prepared once per file (the `plan` module's mapping).
//!
//! The codec (the `codec` module) comes from `--compress`. Blocks are cut every [`BLOCK_BYTES`] of
//! encoded rows, whatever the chunks, and the sync marker is a hash of the header, so a table's
//! rows always make the same bytes.

mod canonical;
mod codec;
mod datum;
mod derived;
pub(crate) mod encode;
mod parse;
pub(crate) mod plan;

use std::borrow::Cow;
use std::io::{self, Write};

use datagen_engine::{Chunk, TableSchema};

pub use self::canonical::{parsing_canonical_form, rabin_fingerprint};
use self::codec::Codec;
pub use self::datum::DatumEncoder;
pub use self::derived::avro_schema;
use self::encode::{bytes, long};
use self::plan::Plan;
use super::arrow::invalid;
use crate::format::{ColumnarFormat, ColumnarWriter, Compression, FormatOptions};

/// The uncompressed size at which a block of rows is written.
pub const BLOCK_BYTES: usize = 1 << 20;

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

/// The Avro schema text `table`'s rows are written with: the imported one, else a derived one.
pub(crate) fn schema_text(table: &TableSchema) -> Cow<'_, str> {
    match &table.avro_schema {
        Some(text) => Cow::Borrowed(text),
        None => Cow::Owned(avro_schema(table)),
    }
}

/// The encoding plan of `table` with [`schema_text`]; an error names the table.
pub(crate) fn plan_of(table: &TableSchema, text: &str) -> io::Result<Plan> {
    Plan::new(text, table).map_err(|e| invalid(format!("table `{}`: {e}", table.name)))
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
        let text = schema_text(table);
        let plan = plan_of(table, &text)?;
        let codec = Codec::new(self.compression)?;
        let mut header = b"Obj\x01".to_vec();
        // The metadata map: one block of two entries, then the end block.
        long(2, &mut header);
        bytes(b"avro.schema", &mut header);
        bytes(text.as_bytes(), &mut header);
        bytes(b"avro.codec", &mut header);
        bytes(codec.name().as_bytes(), &mut header);
        header.push(0);
        let marker = fnv1a_128(&header).to_be_bytes();
        header.extend_from_slice(&marker);
        out.write_all(&header)?;
        Ok(Box::new(AvroWriter {
            out,
            table: table.clone(),
            plan,
            codec,
            marker,
            block: Vec::new(),
            rows: 0,
        }))
    }
}

/// An open Avro file.
struct AvroWriter {
    out: Box<dyn Write + Send>,
    table: TableSchema,
    plan: Plan,
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
        for row in 0..chunk.len {
            encode_row(&self.plan, &self.table, chunk, row, &mut self.block)?;
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

/// Appends row `row` of `chunk` (of `table`, with `plan`) as one Avro datum.
pub(crate) fn encode_row(
    plan: &Plan,
    table: &TableSchema,
    chunk: &Chunk,
    row: usize,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    for ((field, col), schema) in plan.fields.iter().zip(&chunk.columns).zip(&table.columns) {
        field.node.encode(col, row, out).map_err(|e| {
            invalid(format!(
                "table `{}`, column `{}`, row {}: {e}",
                table.name,
                schema.name,
                chunk.start + row as u64
            ))
        })?;
    }
    Ok(())
}

impl AvroWriter {
    /// Writes the rows encoded so far as one block.
    fn flush_block(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let packed = self.codec.compress(&self.block)?;
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

/// The 128-bit FNV-1a hash of `data` (the sync marker: stable across runs and platforms).
fn fnv1a_128(data: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    data.iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}
