//! The `arrow` format: an Arrow IPC file (the random-access "Feather v2" layout), one record batch
//! per (non-empty) chunk, optionally with IPC body compression (zstd only: IPC has no gzip codec).

use std::io::{self, Write};

use arrow_ipc::CompressionType;
use arrow_ipc::writer::{FileWriter, IpcWriteOptions};
use arrow_schema::SchemaRef;
use datagen_engine::{Chunk, TableSchema};

use super::arrow::{arrow_schema, record_batch, to_io};
use crate::format::{ColumnarFormat, ColumnarWriter, Compression, FormatOptions};

/// The Arrow IPC file format.
#[derive(Clone, Debug, Default)]
pub struct ArrowIpc {
    compression: Option<Compression>,
}

impl ArrowIpc {
    /// The format with the codec of `options` (`compression`).
    pub fn new(options: &FormatOptions) -> Self {
        Self {
            compression: options.compression,
        }
    }
}

impl ColumnarFormat for ArrowIpc {
    fn extension(&self) -> &'static str {
        "arrow"
    }

    fn open(
        &self,
        table: &TableSchema,
        out: Box<dyn Write + Send>,
    ) -> io::Result<Box<dyn ColumnarWriter>> {
        let codec = match self.compression {
            None => None,
            Some(Compression::Zstd) => Some(CompressionType::ZSTD),
            Some(other @ (Compression::Gzip | Compression::Snappy)) => {
                return Err(io::Error::new(
                    io::ErrorKind::Unsupported,
                    format!(
                        "Arrow IPC files cannot be {}-compressed (IPC supports zstd and lz4): \
                         use zstd compression, or none",
                        if other == Compression::Gzip {
                            "gzip"
                        } else {
                            "snappy"
                        }
                    ),
                ));
            }
        };
        let options = IpcWriteOptions::default()
            .try_with_compression(codec)
            .map_err(to_io)?;
        let schema = SchemaRef::new(arrow_schema(table));
        let writer = FileWriter::try_new_with_options(out, &schema, options).map_err(to_io)?;
        Ok(Box::new(ArrowIpcWriter {
            table: table.clone(),
            schema,
            writer,
        }))
    }
}

/// An open Arrow IPC file.
struct ArrowIpcWriter {
    table: TableSchema,
    schema: SchemaRef,
    writer: FileWriter<Box<dyn Write + Send>>,
}

impl ColumnarWriter for ArrowIpcWriter {
    fn write(&mut self, chunk: &Chunk) -> io::Result<()> {
        if chunk.len == 0 {
            return Ok(());
        }
        let batch = record_batch(&self.schema, &self.table, chunk)?;
        self.writer.write(&batch).map_err(to_io)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.writer.finish().map_err(to_io)?;
        let mut out = self.writer.into_inner().map_err(to_io)?;
        out.flush()
    }
}
