//! The `parquet` format: chunks converted to Arrow and written by the `parquet` crate's
//! [`ArrowWriter`], zstd (level 3) compressed unless gzip or snappy is asked for.
//!
//! Row groups hold at most [`FormatOptions::parquet_row_group`] rows (1 Mi by default) and are
//! cut earlier once they reach about [`ROW_GROUP_BYTES`] encoded bytes, so that wide rows do not
//! make huge row groups: the writer keeps only the row group being encoded in memory, never the
//! chunks it was given.
//!
//! Types are mapped as in [`super::arrow`] (UUIDs get Parquet's `UUID` logical type, zoned
//! timestamps `isAdjustedToUTC`), and nested lists use the standard three-level layout whose item
//! is named `element` (`tags.list.element`), as the Parquet spec and other writers have it.

use std::io::{self, Write};

use arrow_schema::SchemaRef;
use datagen_engine::{Chunk, TableSchema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression as Codec, GzipLevel, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use super::arrow::{arrow_schema, invalid, record_batch};
use crate::format::{ColumnarFormat, ColumnarWriter, Compression, FormatOptions};

/// The encoded size at which a row group is closed even when it has fewer rows than the limit.
pub const ROW_GROUP_BYTES: usize = 128 << 20;

/// The zstd level used when compressing with zstd.
const ZSTD_LEVEL: i32 = 3;

/// The Parquet format.
#[derive(Clone, Debug)]
pub struct Parquet {
    compression: Compression,
    row_group: usize,
}

impl Parquet {
    /// The format with the row group size and codec of `options` (zstd without a codec).
    pub fn new(options: &FormatOptions) -> Self {
        Self {
            compression: options.compression.unwrap_or(Compression::Zstd),
            row_group: options.parquet_row_group.max(1),
        }
    }

    fn properties(&self) -> io::Result<WriterProperties> {
        let codec = match self.compression {
            Compression::Zstd => Codec::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL).map_err(to_io)?),
            Compression::Gzip => Codec::GZIP(GzipLevel::default()),
            Compression::Snappy => Codec::SNAPPY,
        };
        Ok(WriterProperties::builder()
            .set_compression(codec)
            .set_max_row_group_row_count(Some(self.row_group))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            // Spec-conforming list layouts (`<name>.list.element`) for every reader.
            .set_coerce_types(true)
            .build())
    }
}

impl Default for Parquet {
    fn default() -> Self {
        Self::new(&FormatOptions::default())
    }
}

impl ColumnarFormat for Parquet {
    fn extension(&self) -> &'static str {
        "parquet"
    }

    fn open(
        &self,
        table: &TableSchema,
        out: Box<dyn Write + Send>,
    ) -> io::Result<Box<dyn ColumnarWriter>> {
        let schema = SchemaRef::new(arrow_schema(table));
        let writer = ArrowWriter::try_new(out, SchemaRef::clone(&schema), Some(self.properties()?))
            .map_err(to_io)?;
        Ok(Box::new(ParquetWriter {
            table: table.clone(),
            schema,
            writer,
        }))
    }
}

/// An open Parquet file.
struct ParquetWriter {
    table: TableSchema,
    schema: SchemaRef,
    writer: ArrowWriter<Box<dyn Write + Send>>,
}

impl ColumnarWriter for ParquetWriter {
    fn write(&mut self, chunk: &Chunk) -> io::Result<()> {
        if chunk.len == 0 {
            return Ok(());
        }
        // The batch is encoded into the open row group and dropped here.
        let batch = record_batch(&self.schema, &self.table, chunk)?;
        self.writer.write(&batch).map_err(to_io)
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        let mut out = self.writer.into_inner().map_err(to_io)?;
        out.flush()
    }
}

/// A Parquet error as an I/O error.
fn to_io(e: ParquetError) -> io::Error {
    match e {
        ParquetError::External(e) => match e.downcast::<io::Error>() {
            Ok(e) => *e,
            Err(e) => invalid(e.to_string()),
        },
        e => invalid(e.to_string()),
    }
}
