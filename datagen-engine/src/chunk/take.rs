//! Selecting rows of a chunk: what partitioning and file splitting hand to columnar writers.

use super::{Chunk, Column, Strings, Values};

impl Chunk {
    /// The chunk's rows at `rows` (indices into this chunk), in that order.
    pub fn take(&self, rows: &[usize]) -> Chunk {
        Chunk {
            start: self.start + rows.first().map_or(0, |&r| r as u64),
            len: rows.len(),
            columns: self.columns.iter().map(|c| c.take(rows)).collect(),
        }
    }
}

fn offsets_take(offsets: &[i32], rows: &[usize]) -> (Vec<i32>, Vec<usize>) {
    let mut out = Vec::with_capacity(rows.len() + 1);
    let mut items = Vec::new();
    out.push(0);
    let mut end = 0i32;
    for &r in rows {
        let (a, b) = (offsets[r], offsets[r + 1]);
        items.extend(a as usize..b as usize);
        end += b - a;
        out.push(end);
    }
    (out, items)
}

impl Column {
    /// The values at `rows`, in that order.
    pub fn take(&self, rows: &[usize]) -> Column {
        fn pick<T: Copy>(v: &[T], rows: &[usize]) -> Vec<T> {
            rows.iter().map(|&r| v[r]).collect()
        }
        let values = match &self.values {
            Values::Int(v) => Values::Int(pick(v, rows)),
            Values::Time(v) => Values::Time(pick(v, rows)),
            Values::Timestamp(v) => Values::Timestamp(pick(v, rows)),
            Values::Float(v) => Values::Float(pick(v, rows)),
            Values::Decimal(v) => Values::Decimal(pick(v, rows)),
            Values::Bool(v) => Values::Bool(pick(v, rows)),
            Values::Date(v) => Values::Date(pick(v, rows)),
            Values::Uuid(v) => Values::Uuid(pick(v, rows)),
            Values::Str(s) => {
                let mut out = Strings::with_capacity(rows.len(), 0);
                for &r in rows {
                    out.push(s.get(r));
                }
                Values::Str(out)
            }
            Values::Bytes { data, offsets } => {
                let mut out = Vec::new();
                let mut offs = vec![0];
                for &r in rows {
                    out.extend_from_slice(&data[offsets[r] as usize..offsets[r + 1] as usize]);
                    offs.push(i32::try_from(out.len()).unwrap_or(i32::MAX));
                }
                Values::Bytes {
                    data: out,
                    offsets: offs,
                }
            }
            Values::List { offsets, items } => {
                let (offsets, item_rows) = offsets_take(offsets, rows);
                Values::List {
                    offsets,
                    items: Box::new(items.take(&item_rows)),
                }
            }
            Values::Struct(fields) => Values::Struct(fields.iter().map(|f| f.take(rows)).collect()),
        };
        Column {
            values,
            validity: self.validity.as_ref().map(|v| pick(v, rows)),
        }
    }
}
