//! A piece: one chunk as a worker hands it to the writer, encoded (text formats) or as columns.

use std::ops::Range;

use datagen_engine::{Chunk, Plan, plan::value_text};

use super::files::partition_dir;
use crate::format::Format;

/// One generated chunk, ready for the writer.
pub(crate) struct Piece {
    /// The global index of its first row.
    pub start: u64,
    /// Its rows (columnar formats only).
    pub chunk: Option<Chunk>,
    /// Its rows encoded back to back (text formats only).
    text: Vec<u8>,
    /// `ends[r]` is where row `r`'s bytes end in `text`.
    ends: Vec<usize>,
    /// Each row's partition folder (`field=value`), when partitioning.
    keys: Option<Vec<String>>,
    len: usize,
}

impl Piece {
    /// Generates rows `rows` of entity `e` and encodes them for `format`.
    pub(crate) fn make(
        plan: &Plan,
        e: usize,
        rows: Range<u64>,
        format: &Format,
        partition: Option<usize>,
    ) -> Piece {
        let chunk = plan.chunk(e, rows.clone());
        let table = plan.table(e);
        let keys = partition.map(|p| {
            let column = &chunk.columns[p];
            let ty = &table.columns[p].ty;
            let name = &table.columns[p].name;
            let mut text = String::new();
            (0..chunk.len)
                .map(|r| {
                    if column.is_null(r) {
                        partition_dir(name, None)
                    } else {
                        text.clear();
                        value_text(column, ty, r, &mut text);
                        partition_dir(name, Some(&text))
                    }
                })
                .collect()
        });
        let len = chunk.len;
        match format {
            Format::Text(f) => {
                let mut text = Vec::with_capacity(len * row_estimate(table));
                let mut ends = Vec::with_capacity(len);
                f.encode_rows(table, &chunk, &mut text, &mut ends);
                Piece {
                    start: rows.start,
                    chunk: None,
                    text,
                    ends,
                    keys,
                    len,
                }
            }
            Format::Columnar(_) => Piece {
                start: rows.start,
                chunk: Some(chunk),
                text: Vec::new(),
                ends: Vec::new(),
                keys,
                len,
            },
        }
    }

    /// The rows by partition folder (`None` without partitioning), in first-appearance order.
    pub(crate) fn groups(&self) -> Vec<(Option<String>, Vec<usize>)> {
        let Some(keys) = &self.keys else {
            return if self.len == 0 {
                Vec::new()
            } else {
                vec![(None, (0..self.len).collect())]
            };
        };
        let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (r, k) in keys.iter().enumerate() {
            let g = *index.entry(k.as_str()).or_insert_with(|| {
                groups.push((Some(k.clone()), Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(r);
        }
        groups
    }

    /// Row `r`'s encoded bytes.
    pub(crate) fn row_bytes(&self, r: usize) -> &[u8] {
        let start = if r == 0 { 0 } else { self.ends[r - 1] };
        &self.text[start..self.ends[r]]
    }

    /// The encoded bytes of rows `first..=last`.
    pub(crate) fn rows_bytes(&self, first: usize, last: usize) -> &[u8] {
        let start = if first == 0 { 0 } else { self.ends[first - 1] };
        &self.text[start..self.ends[last]]
    }

    /// Whether `rows` are consecutive.
    pub(crate) fn contiguous(&self, rows: &[usize]) -> bool {
        rows.windows(2).all(|w| w[1] == w[0] + 1)
    }
}

/// A generous guess of a row's encoded size, so a chunk's buffer is allocated once: the column
/// names (JSON and XML repeat them) plus a typical width per type.
fn row_estimate(table: &datagen_engine::TableSchema) -> usize {
    use datagen_engine::ir::DataType;
    let values: usize = table
        .columns
        .iter()
        .map(|c| {
            c.name.len() * 2
                + 8
                + match &c.ty {
                    DataType::Int | DataType::Bool | DataType::Date | DataType::Time => 12,
                    DataType::Float | DataType::Decimal { .. } => 20,
                    DataType::Timestamp | DataType::TimestampTz => 28,
                    DataType::Uuid => 38,
                    DataType::String | DataType::Bytes => 32,
                    _ => 64,
                }
        })
        .sum();
    values.max(64)
}
