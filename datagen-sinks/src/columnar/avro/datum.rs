//! One row as one Avro datum, bare or framed: Avro single-object encoding (`C3 01`, the schema's
//! CRC-64-AVRO fingerprint, the datum) and the Confluent wire format (`00`, the schema id, the
//! datum), as message brokers carry them.

use std::io;

use datagen_engine::{Chunk, TableSchema};

use super::canonical::{canonical_form, rabin_fingerprint};
use super::plan::Plan;
use super::{encode_row, plan_of, schema_text};
use crate::columnar::arrow::invalid;

/// Encodes rows of one table as Avro datums, with the table's schema (the imported one, else
/// the one derived from its columns), prepared once.
#[derive(Debug)]
pub struct DatumEncoder {
    table: TableSchema,
    schema: String,
    plan: Plan,
    fingerprint: u64,
}

impl DatumEncoder {
    /// The encoder of `table`'s rows.
    ///
    /// # Errors
    /// When the table's Avro schema is invalid or does not fit its columns.
    pub fn new(table: &TableSchema) -> io::Result<Self> {
        let schema = schema_text(table).into_owned();
        let plan = plan_of(table, &schema)?;
        let fingerprint = rabin_fingerprint(canonical_form(&plan.schema).as_bytes());
        Ok(Self {
            table: table.clone(),
            schema,
            plan,
            fingerprint,
        })
    }

    /// The schema's JSON text (what a schema registry is given).
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The CRC-64-AVRO fingerprint of the schema's Parsing Canonical Form.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Appends row `row` of `chunk` as a bare Avro datum (binary encoding).
    ///
    /// # Errors
    /// When the row does not fit the schema or the chunk not the table (the message names the
    /// column and the Avro path); `out` is left as it was.
    pub fn encode(&self, chunk: &Chunk, row: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let start = out.len();
        if chunk.columns.len() != self.table.columns.len() || row >= chunk.len {
            return Err(invalid(format!(
                "row {row} of a chunk of {} rows and {} columns for table `{}` of {} columns",
                chunk.len,
                chunk.columns.len(),
                self.table.name,
                self.table.columns.len()
            )));
        }
        encode_row(&self.plan, &self.table, chunk, row, out).inspect_err(|_| out.truncate(start))
    }

    /// Appends row `row` of `chunk` in Avro single-object encoding: `C3 01`, the 8-byte
    /// little-endian [`DatumEncoder::fingerprint`], then the datum.
    ///
    /// # Errors
    /// As [`DatumEncoder::encode`].
    pub fn single_object(&self, chunk: &Chunk, row: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let start = out.len();
        out.extend_from_slice(&[0xc3, 0x01]);
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        self.encode(chunk, row, out)
            .inspect_err(|_| out.truncate(start))
    }

    /// Appends row `row` of `chunk` in the Confluent wire format: a zero byte, the schema
    /// registry's id of the schema (4 bytes, big-endian), then the datum.
    ///
    /// # Errors
    /// As [`DatumEncoder::encode`].
    pub fn confluent(
        &self,
        schema_id: u32,
        chunk: &Chunk,
        row: usize,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let start = out.len();
        out.push(0);
        out.extend_from_slice(&schema_id.to_be_bytes());
        self.encode(chunk, row, out)
            .inspect_err(|_| out.truncate(start))
    }
}
