//! The ordered parallel writer: chunks of rows generated (and, for text formats, encoded) by
//! worker threads and written in row order by one writer, through bounded queues.
//!
//! Output is byte-identical for any thread count: chunk boundaries depend only on the row
//! index, each chunk is a pure function of its rows, and the writer takes chunks in order. With
//! `--shard K/N` an entity's rows `[K*rows/N, (K+1)*rows/N)` are written, with a text file's
//! header only in the shard that starts it and its footer only in the shard that ends it, so
//! the shards' files concatenate to the single run's.

mod files;
mod piece;

use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use datagen_engine::Plan;

pub use files::Out;
use files::{Files, partition_dir};
use piece::Piece;

use crate::format::{Compression, Format};

/// What to write and how.
pub struct Job<'a> {
    /// The compiled input.
    pub plan: &'a Plan,
    /// The format.
    pub format: &'a Format,
    /// Where files go.
    pub out: Out,
    /// Worker threads (1: everything on the calling thread).
    pub threads: usize,
    /// `(k, n)`: write shard `k` of `n` (0-based; `(0, 1)` for the whole run).
    pub shard: (u64, u64),
    /// Rows per chunk.
    pub chunk_rows: usize,
    /// Split each entity into parts of at most this many rows.
    pub max_rows_per_file: Option<u64>,
    /// Partition each entity's files by this top-level field's value (hive style).
    pub partition_by: Option<String>,
    /// Whole-file compression of text formats.
    pub compression: Option<Compression>,
    /// The entities to write, by plan index, in order.
    pub entities: Vec<usize>,
}

/// What was written for one entity.
#[derive(Clone, Debug)]
pub struct EntityReport {
    /// The entity's name.
    pub entity: String,
    /// Rows written.
    pub rows: u64,
    /// Bytes written to disk (after compression).
    pub bytes: u64,
    /// Wall seconds.
    pub seconds: f64,
    /// The files written.
    pub files: Vec<PathBuf>,
}

/// A failed run: the error and what had been written.
#[derive(Debug)]
pub struct WriteError {
    /// What went wrong.
    pub error: io::Error,
    /// The entity being written.
    pub entity: String,
    /// Rows of that entity written (handed to the file) before the error.
    pub rows_written: u64,
    /// The entities written completely before it.
    pub completed: Vec<EntityReport>,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "writing `{}` failed after {} rows: {}",
            self.entity, self.rows_written, self.error
        )?;
        for r in &self.completed {
            write!(f, "; `{}` complete ({} rows)", r.entity, r.rows)?;
        }
        Ok(())
    }
}

impl std::error::Error for WriteError {}

/// Receives progress as rows are written.
pub trait Progress: Sync {
    /// An entity starts: `rows` to write.
    fn begin(&self, entity: &str, rows: u64) {
        let _ = (entity, rows);
    }
    /// `rows` more rows written, `bytes` total bytes so far for the entity.
    fn advance(&self, rows: u64, bytes: u64) {
        let _ = (rows, bytes);
    }
    /// An entity is done.
    fn end(&self, report: &EntityReport) {
        let _ = report;
    }
}

/// No progress output.
pub struct Quiet;
impl Progress for Quiet {}

/// Rows `[k*n/shards, (k+1)*n/shards)`.
pub fn shard_range(rows: u64, k: u64, shards: u64) -> Range<u64> {
    let at = |i: u64| {
        u64::try_from(u128::from(rows) * u128::from(i) / u128::from(shards.max(1))).unwrap_or(rows)
    };
    at(k)..at(k + 1)
}

/// Writes every entity of the job.
///
/// # Errors
/// The first failure, with what had been written.
pub fn run(job: &Job<'_>, progress: &dyn Progress) -> Result<Vec<EntityReport>, WriteError> {
    let mut done = Vec::new();
    for &e in &job.entities {
        let table = job.plan.table(e);
        let started = Instant::now();
        let bytes = Arc::new(AtomicU64::new(0));
        let range = shard_range(job.plan.rows(e), job.shard.0, job.shard.1);
        progress.begin(&table.name, range.end - range.start);
        let mut state = State {
            files: Files {
                out: &job.out,
                format: job.format,
                table,
                compression: job.compression,
                folders: job.max_rows_per_file.is_some() || state_partition(job, e).is_some(),
                bytes: Arc::clone(&bytes),
                open: BTreeMap::new(),
                written: Vec::new(),
            },
            job,
            total: job.plan.rows(e),
            range: range.clone(),
            // Entities without the field are written unpartitioned.
            partition: state_partition(job, e),
            counts: BTreeMap::new(),
            rows_written: 0,
        };
        let result = pump(job, e, &range, &mut state, progress).and_then(|()| state.finish());
        let rows_written = state.rows_written;
        let files = std::mem::take(&mut state.files.written);
        if let Err(error) = result {
            return Err(WriteError {
                error,
                entity: table.name.clone(),
                rows_written,
                completed: done,
            });
        }
        let report = EntityReport {
            entity: table.name.clone(),
            rows: rows_written,
            bytes: bytes.load(Ordering::Relaxed),
            seconds: started.elapsed().as_secs_f64(),
            files,
        };
        progress.end(&report);
        done.push(report);
    }
    Ok(done)
}

/// The chunk ranges of `range`, cut at multiples of `size` (so any shard cuts the same way).
pub(crate) fn chunks(range: &Range<u64>, size: usize) -> Vec<Range<u64>> {
    let size = size.max(1) as u64;
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let end = ((at / size + 1) * size).min(range.end);
        out.push(at..end);
        at = end;
    }
    out
}

/// Generates the entity's chunks (in workers when `threads > 1`) and hands them to the writer
/// state in order.
fn pump(
    job: &Job<'_>,
    e: usize,
    range: &Range<u64>,
    state: &mut State<'_, '_>,
    progress: &dyn Progress,
) -> io::Result<()> {
    let ranges = chunks(range, job.chunk_rows);
    // With workers, encoded pieces' buffers go back to them once written: a chunk's text is
    // megabytes, allocated in a worker and freed by the writer, and fresh buffers cost page
    // faults on every chunk.
    let buffers = piece::Buffers::default();
    let make = |r: &Range<u64>| {
        Piece::make(
            job.plan,
            e,
            r.clone(),
            job.format,
            state_partition(job, e),
            &buffers,
        )
    };
    state.start()?;
    if job.threads <= 1 || ranges.len() <= 1 {
        for r in &ranges {
            // On one thread the allocator reuses the freed buffer by itself. Keeping it made
            // glibc return the chunk's columns to the system after every chunk instead: 32,800
            // page faults for W2's million rows against 2,800 (`/usr/bin/time -f %R`).
            let piece = make(r);
            state.consume(&piece)?;
            progress.advance(r.end - r.start, state.files.bytes.load(Ordering::Relaxed));
        }
        return Ok(());
    }
    let threads = job.threads.min(ranges.len());
    std::thread::scope(|scope| {
        let mut receivers = Vec::with_capacity(threads);
        for w in 0..threads {
            let (tx, rx) = mpsc::sync_channel::<Piece>(2);
            receivers.push(rx);
            let ranges = &ranges;
            let make = &make;
            scope.spawn(move || {
                for r in ranges.iter().skip(w).step_by(threads) {
                    if tx.send(make(r)).is_err() {
                        return;
                    }
                }
            });
        }
        for (i, r) in ranges.iter().enumerate() {
            let piece = receivers[i % threads]
                .recv()
                .map_err(|_| io::Error::other("a generator thread stopped"))?;
            state.consume(&piece)?;
            buffers.give(piece);
            progress.advance(r.end - r.start, state.files.bytes.load(Ordering::Relaxed));
        }
        Ok(())
    })
}

fn state_partition(job: &Job<'_>, e: usize) -> Option<usize> {
    let field = job.partition_by.as_ref()?;
    job.plan
        .table(e)
        .columns
        .iter()
        .position(|c| &c.name == field)
}

/// The writer's state for one entity.
struct State<'a, 'j> {
    files: Files<'a>,
    job: &'a Job<'j>,
    total: u64,
    range: Range<u64>,
    partition: Option<usize>,
    /// Rows in each open file, by (partition, part).
    counts: BTreeMap<(Option<String>, u64), u64>,
    rows_written: u64,
}

impl State<'_, '_> {
    fn max(&self) -> Option<u64> {
        self.job.max_rows_per_file.filter(|&m| m > 0)
    }

    /// The global rows of part `part` of the unpartitioned entity.
    fn part_rows(&self, part: u64) -> Range<u64> {
        match self.max() {
            Some(m) => part * m..((part + 1) * m).min(self.total),
            None => 0..self.total,
        }
    }

    /// Whether this run writes the start (header) of the file holding `file`.
    fn owns_start(&self, file: &Range<u64>) -> bool {
        self.range.start <= file.start && (file.start < self.range.end || self.job.shard.0 == 0)
    }

    /// Whether this run writes the end (footer) of the file holding `file`.
    fn owns_end(&self, file: &Range<u64>) -> bool {
        self.range.end >= file.end
            && (file.end > self.range.start || self.job.shard.0 + 1 >= self.job.shard.1)
    }

    /// Opens the entity's single file when it has no rows here (so an empty table still gets
    /// its header and footer).
    fn start(&mut self) -> io::Result<()> {
        if self.range.is_empty() && self.partition.is_none() && self.max().is_none() {
            let file = self.part_rows(0);
            let header = self.owns_start(&file);
            self.open(None, 0, header)?;
        }
        Ok(())
    }

    fn open(&mut self, partition: Option<&str>, part: u64, header: bool) -> io::Result<()> {
        let format = self.job.format;
        let table = self.files.table;
        let opened = self
            .counts
            .contains_key(&(partition.map(str::to_string), part));
        if opened {
            return Ok(());
        }
        let file = self.files.get(partition, part)?;
        if let (Format::Text(f), true) = (format, header) {
            let mut bytes = Vec::new();
            f.header(table, &mut bytes);
            file.write_text(&bytes)?;
        }
        self.counts.insert((partition.map(str::to_string), part), 0);
        Ok(())
    }

    /// Writes one piece's rows to their files.
    fn consume(&mut self, piece: &Piece) -> io::Result<()> {
        for (partition, rows) in piece.groups() {
            let mut i = 0;
            while i < rows.len() {
                let g = piece.start + rows[i] as u64;
                let (part, room) = match (self.max(), &partition) {
                    (Some(m), Some(p)) => {
                        let key_count = self.file_rows_partitioned(p);
                        (key_count / m, m - key_count % m)
                    }
                    (Some(m), None) => (g / m, m - g % m),
                    (None, _) => (0, u64::MAX),
                };
                let take = usize::try_from(room)
                    .unwrap_or(usize::MAX)
                    .min(rows.len() - i);
                self.write_rows(piece, partition.as_deref(), part, &rows[i..i + take])?;
                i += take;
            }
        }
        Ok(())
    }

    /// Rows written so far into a partition (over its parts).
    fn file_rows_partitioned(&self, partition: &str) -> u64 {
        self.counts
            .iter()
            .filter(|((p, _), _)| p.as_deref() == Some(partition))
            .map(|(_, n)| n)
            .sum::<u64>()
    }

    fn write_rows(
        &mut self,
        piece: &Piece,
        partition: Option<&str>,
        part: u64,
        rows: &[usize],
    ) -> io::Result<()> {
        let key = (partition.map(str::to_string), part);
        if !self.counts.contains_key(&key) {
            let header = partition.is_some() || self.owns_start(&self.part_rows(part));
            self.open(partition, part, header)?;
        }
        let in_file = self.counts[&key];
        let first_global = piece.start + rows[0] as u64;
        // Without partitions a row's index in its file is its global index in the part, so
        // separators match whichever shard writes it.
        let mut index = if partition.is_none() {
            first_global - self.part_rows(part).start
        } else {
            in_file
        };
        let format = self.job.format;
        let table = self.files.table;
        let file = self.files.get(partition, part)?;
        match format {
            Format::Text(f) => {
                if f.has_separators() {
                    let mut sep = Vec::new();
                    for &r in rows {
                        sep.clear();
                        f.before_row(table, index, &mut sep);
                        file.write_text(&sep)?;
                        file.write_text(piece.row_bytes(r))?;
                        index += 1;
                    }
                } else if piece.contiguous(rows) {
                    file.write_text(piece.rows_bytes(rows[0], rows[rows.len() - 1]))?;
                } else {
                    for &r in rows {
                        file.write_text(piece.row_bytes(r))?;
                    }
                }
            }
            Format::Columnar(_) => {
                let chunk = piece
                    .chunk
                    .as_ref()
                    .expect("columnar pieces keep their chunk");
                if rows.len() == chunk.len {
                    file.write_chunk(chunk)?;
                } else {
                    file.write_chunk(&chunk.take(rows))?;
                }
            }
        }
        let n = rows.len() as u64;
        *self.counts.get_mut(&key).expect("opened above") += n;
        self.rows_written += n;
        // A full part of the unpartitioned entity is closed as soon as it is complete.
        if partition.is_none()
            && let Some(m) = self.max()
        {
            let file_rows = self.part_rows(part);
            if first_global + n == file_rows.end || (first_global + n).is_multiple_of(m) {
                self.close(None, part)?;
            }
        }
        Ok(())
    }

    fn footer(&self, partition: Option<&str>, part: u64) -> Vec<u8> {
        let mut bytes = Vec::new();
        if let Format::Text(f) = self.job.format {
            let rows = self
                .counts
                .get(&(partition.map(str::to_string), part))
                .copied()
                .unwrap_or(0);
            let (owns, rows) = if partition.is_none() {
                let file = self.part_rows(part);
                (self.owns_end(&file), file.end - file.start)
            } else {
                (true, rows)
            };
            if owns {
                f.footer(self.files.table, rows, &mut bytes);
            }
        }
        bytes
    }

    fn close(&mut self, partition: Option<&str>, part: u64) -> io::Result<()> {
        let footer = self.footer(partition, part);
        self.files.close(partition, part, &footer)
    }

    fn finish(&mut self) -> io::Result<()> {
        let keys: Vec<(Option<String>, u64)> = self.files.open.keys().cloned().collect();
        for (p, part) in keys {
            self.close(p.as_deref(), part)?;
        }
        Ok(())
    }
}

/// The hive folder of a partition value (exposed for tests and docs).
pub fn partition_folder(field: &str, value: Option<&str>) -> String {
    partition_dir(field, value)
}
