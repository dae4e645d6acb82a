//! Output files: where each entity's rows go (one file, numbered parts, hive-style partitions),
//! compression, and byte counting.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use datagen_engine::{Chunk, TableSchema};

use crate::format::{ColumnarWriter, Compression, Format};

/// Where output goes.
#[derive(Clone, Debug)]
pub enum Out {
    /// `DIR/<entity>.<ext>` (or folders of parts).
    Dir(PathBuf),
    /// Standard output (one entity).
    Stdout,
}

/// A `Write` that counts the bytes that pass through it.
struct Counting<W> {
    inner: W,
    bytes: Arc<AtomicU64>,
}

/// The most bytes handed to the system in one write. Larger writes gain nothing and, on Linux,
/// let the page cache ask for larger blocks of memory, which can cost more system time than the
/// copy itself.
const MAX_WRITE: usize = 1 << 20;

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(&buf[..buf.len().min(MAX_WRITE)])?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A writer that finishes its compression frame on `finish`.
pub(crate) enum Sink {
    Plain(Box<dyn Write + Send>),
    Gzip(flate2::write::GzEncoder<Box<dyn Write + Send>>),
    Zstd(zstd::stream::write::Encoder<'static, Box<dyn Write + Send>>),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Gzip(w) => w.write(buf),
            Sink::Zstd(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Gzip(w) => w.flush(),
            Sink::Zstd(w) => w.flush(),
        }
    }
}

impl Sink {
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Plain(mut w) => w.flush(),
            Sink::Gzip(w) => w.finish()?.flush(),
            Sink::Zstd(w) => w.finish()?.flush(),
        }
    }
}

/// One open output file.
pub(crate) enum OpenFile {
    /// A text file: rows are appended as encoded bytes.
    Text(Sink),
    /// A columnar file.
    Columnar(Box<dyn ColumnarWriter>),
}

/// The files of one entity: opened on demand, by partition value and part number.
pub(crate) struct Files<'a> {
    pub out: &'a Out,
    pub format: &'a Format,
    pub table: &'a TableSchema,
    pub compression: Option<Compression>,
    /// Whether files are split into numbered parts (`--max-rows-per-file`) or partitioned.
    pub folders: bool,
    /// Bytes written to disk so far, over all files of the entity.
    pub bytes: Arc<AtomicU64>,
    /// Open files by (partition, part).
    pub open: BTreeMap<(Option<String>, u64), OpenFile>,
    /// Paths written, in order of opening.
    pub written: Vec<PathBuf>,
}

impl Files<'_> {
    /// The path of (partition, part).
    fn path(&self, dir: &Path, partition: Option<&str>, part: u64) -> PathBuf {
        let mut ext = self.format.extension().to_string();
        if matches!(self.format, Format::Text(_)) {
            match self.compression {
                Some(Compression::Gzip) => ext.push_str(".gz"),
                Some(Compression::Zstd) => ext.push_str(".zst"),
                // Refused when the file is opened.
                Some(Compression::Snappy) | None => {}
            }
        }
        if !self.folders {
            return dir.join(format!("{}.{ext}", self.table.name));
        }
        let mut path = dir.join(&self.table.name);
        if let Some(p) = partition {
            path.push(p);
        }
        path.join(format!("part-{part:05}.{ext}"))
    }

    /// The open file for (partition, part), opening it (and its folders) if needed.
    pub(crate) fn get(&mut self, partition: Option<&str>, part: u64) -> io::Result<&mut OpenFile> {
        let key = (partition.map(str::to_string), part);
        if !self.open.contains_key(&key) {
            let file = self.open_file(partition, part)?;
            self.open.insert(key.clone(), file);
        }
        Ok(self.open.get_mut(&key).expect("inserted above"))
    }

    fn open_file(&mut self, partition: Option<&str>, part: u64) -> io::Result<OpenFile> {
        if matches!(self.format, Format::Text(_)) && self.compression == Some(Compression::Snappy) {
            return Err(no_snappy());
        }
        let raw: Box<dyn Write + Send> = match self.out {
            Out::Stdout => Box::new(io::stdout()),
            Out::Dir(dir) => {
                let path = self.path(dir, partition, part);
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(|e| with_path(e, parent))?;
                }
                let file = File::create(&path).map_err(|e| with_path(e, &path))?;
                self.written.push(path);
                Box::new(file)
            }
        };
        let counted: Box<dyn Write + Send> = Box::new(BufWriter::with_capacity(
            1 << 20,
            Counting {
                inner: raw,
                bytes: Arc::clone(&self.bytes),
            },
        ));
        Ok(match self.format {
            Format::Text(_) => OpenFile::Text(match self.compression {
                None => Sink::Plain(counted),
                Some(Compression::Gzip) => Sink::Gzip(flate2::write::GzEncoder::new(
                    counted,
                    flate2::Compression::default(),
                )),
                Some(Compression::Zstd) => {
                    Sink::Zstd(zstd::stream::write::Encoder::new(counted, 3)?)
                }
                Some(Compression::Snappy) => return Err(no_snappy()),
            }),
            Format::Columnar(f) => OpenFile::Columnar(f.open(self.table, counted)?),
        })
    }

    /// Closes (partition, part) if open, writing `footer` first for text files.
    pub(crate) fn close(
        &mut self,
        partition: Option<&str>,
        part: u64,
        footer: &[u8],
    ) -> io::Result<()> {
        let key = (partition.map(str::to_string), part);
        if let Some(file) = self.open.remove(&key) {
            finish(file, footer)?;
        }
        Ok(())
    }
}

/// Text files are not snappy-compressed (no common tool reads raw snappy streams).
fn no_snappy() -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        "snappy compresses only parquet and avro files: use gzip or zstd for text formats",
    )
}

fn finish(file: OpenFile, footer: &[u8]) -> io::Result<()> {
    match file {
        OpenFile::Text(mut sink) => {
            sink.write_all(footer)?;
            sink.finish()
        }
        OpenFile::Columnar(w) => w.finish(),
    }
}

impl OpenFile {
    /// Appends encoded text.
    pub(crate) fn write_text(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            OpenFile::Text(sink) => sink.write_all(bytes),
            OpenFile::Columnar(_) => Err(io::Error::other("text written to a columnar file")),
        }
    }

    /// Appends a chunk.
    pub(crate) fn write_chunk(&mut self, chunk: &Chunk) -> io::Result<()> {
        match self {
            OpenFile::Columnar(w) => w.write(chunk),
            OpenFile::Text(_) => Err(io::Error::other("a chunk written to a text file")),
        }
    }
}

/// The error with the path it happened at.
pub(crate) fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// A partition folder name for `field=value`, hive style: characters that cannot be in a path
/// segment are percent-encoded; a null is `__HIVE_DEFAULT_PARTITION__`.
pub(crate) fn partition_dir(field: &str, value: Option<&str>) -> String {
    let Some(value) = value else {
        return format!("{field}=__HIVE_DEFAULT_PARTITION__");
    };
    let mut out = String::with_capacity(field.len() + value.len() + 1);
    out.push_str(field);
    out.push('=');
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b' ' | b'@' | b'+') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if value.is_empty() || value == "." || value == ".." {
        out.push_str("%00");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::{Counting, MAX_WRITE};

    /// Records the size of every write it is given.
    struct Sizes(Vec<usize>, Vec<u8>);

    impl Write for Sizes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.push(buf.len());
            self.1.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn writes_are_cut_at_the_cap_and_every_byte_is_counted() {
        let bytes = Arc::new(AtomicU64::new(0));
        let mut w = Counting {
            inner: Sizes(Vec::new(), Vec::new()),
            bytes: Arc::clone(&bytes),
        };
        let data: Vec<u8> = (0..(2 * MAX_WRITE + 123))
            .map(|i| (i % 251) as u8)
            .collect();
        w.write_all(&data).expect("an in-memory write");
        w.write_all(b"tail").expect("an in-memory write");
        assert_eq!(w.inner.0, [MAX_WRITE, MAX_WRITE, 123, 4]);
        assert_eq!(&w.inner.1[..data.len()], &data[..]);
        assert_eq!(bytes.load(Ordering::Relaxed), data.len() as u64 + 4);
    }
}
