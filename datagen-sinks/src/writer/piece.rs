//! A piece: one chunk as a worker hands it to the writer, encoded (text formats) or as columns.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Mutex;

use datagen_engine::{Chunk, ColumnSchema, Plan, plan::value_text};

use super::files::partition_dir;
use crate::format::Format;

/// Text buffers of written pieces, for the next pieces to encode into.
#[derive(Default)]
pub(crate) struct Buffers(Mutex<Vec<(Vec<u8>, Vec<usize>)>>);

impl Buffers {
    /// At most this many buffers are kept. The pieces in flight (about three per worker) bound
    /// how many exist; this caps what stays allocated when there are many workers.
    const KEEP: usize = 16;

    /// A buffer grown past this by a chunk of huge values is dropped, not kept for the next
    /// chunks.
    const MAX_KEPT_BYTES: usize = 32 << 20;

    /// An empty text buffer and row-end list, reused when one is free.
    fn take(&self) -> (Vec<u8>, Vec<usize>) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop()
            .unwrap_or_default()
    }

    /// Hands back a written piece's buffers.
    pub(crate) fn give(&self, piece: Piece) {
        let (mut text, mut ends) = (piece.text, piece.ends);
        if text.capacity() == 0 || text.capacity() > Self::MAX_KEPT_BYTES {
            return;
        }
        text.clear();
        ends.clear();
        let mut free = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if free.len() < Self::KEEP {
            free.push((text, ends));
        }
    }
}

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
    /// The rows by partition folder (`field=value`; `None` without partitioning), in
    /// first-appearance order.
    groups: Vec<(Option<String>, Vec<usize>)>,
}

impl Piece {
    /// Generates rows `rows` of entity `e` and encodes them for `format`.
    pub(crate) fn make(
        plan: &Plan,
        e: usize,
        rows: Range<u64>,
        format: &Format,
        partition: Option<usize>,
        buffers: &Buffers,
    ) -> Piece {
        let chunk = plan.chunk(e, rows.clone());
        let table = plan.table(e);
        let len = chunk.len;
        let groups = match partition {
            Some(p) => partition_groups(&chunk, table, p),
            None if len == 0 => Vec::new(),
            None => vec![(None, (0..len).collect())],
        };
        match format {
            Format::Text(f) => {
                let (mut text, mut ends) = buffers.take();
                text.reserve(len * row_estimate(table));
                ends.reserve(len);
                f.encode_rows(table, &chunk, &mut text, &mut ends);
                Piece {
                    start: rows.start,
                    chunk: None,
                    text,
                    ends,
                    groups,
                }
            }
            Format::Columnar(_) => Piece {
                start: rows.start,
                chunk: Some(chunk),
                text: Vec::new(),
                ends: Vec::new(),
                groups,
            },
        }
    }

    /// The rows by partition folder (`None` without partitioning), in first-appearance order.
    pub(crate) fn groups(&self) -> &[(Option<String>, Vec<usize>)] {
        &self.groups
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

/// The rows of `chunk` by the folder of their value of column `p`, in first-appearance order.
/// Each distinct value is named once; rows whose folders coincide (a null and a string spelled
/// like the null folder) share a group.
fn partition_groups(
    chunk: &Chunk,
    table: &datagen_engine::TableSchema,
    p: usize,
) -> Vec<(Option<String>, Vec<usize>)> {
    let column = &chunk.columns[p];
    let ColumnSchema { name, ty, .. } = &table.columns[p];
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    let mut by_dir: HashMap<String, usize> = HashMap::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    let mut null_group = None;
    let mut text = String::new();
    let mut group_of_dir = |dir: String, groups: &mut Vec<(Option<String>, Vec<usize>)>| {
        *by_dir.entry(dir).or_insert_with_key(|dir| {
            groups.push((Some(dir.clone()), Vec::new()));
            groups.len() - 1
        })
    };
    for r in 0..chunk.len {
        let g = if column.is_null(r) {
            *null_group.get_or_insert_with(|| group_of_dir(partition_dir(name, None), &mut groups))
        } else {
            text.clear();
            value_text(column, ty, r, &mut text);
            match by_text.get(text.as_str()) {
                Some(&g) => g,
                None => {
                    let g = group_of_dir(partition_dir(name, Some(&text)), &mut groups);
                    by_text.insert(text.clone(), g);
                    g
                }
            }
        };
        groups[g].1.push(r);
    }
    groups
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
