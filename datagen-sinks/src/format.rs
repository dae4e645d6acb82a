//! The encoder traits: text formats encode rows independently (in worker threads); columnar
//! formats take whole chunks in the writer thread.

use std::io::{self, Write};

use datagen_engine::{Chunk, TableSchema};

/// A row-oriented text format (CSV, JSON Lines, JSON, XML, SQL).
///
/// Rows are encoded one at a time, independently, so workers encode chunks in parallel; the
/// writer adds what goes between rows ([`TextFormat::before_row`]) and around a file.
pub trait TextFormat: Send + Sync {
    /// The file extension, without the dot (`csv`).
    fn extension(&self) -> &'static str;

    /// What opens a file: a CSV header, `CREATE TABLE`, `[`, an XML root element.
    fn header(&self, table: &TableSchema, out: &mut Vec<u8>);

    /// Whether [`TextFormat::before_row`] ever writes anything (false lets the writer copy runs of
    /// rows in one go).
    fn has_separators(&self) -> bool {
        false
    }

    /// What goes before the row with index `index_in_file` (0 for a file's first row): `,` between
    /// JSON array items, `INSERT INTO ... VALUES` at the start of each SQL batch.
    fn before_row(&self, table: &TableSchema, index_in_file: u64, out: &mut Vec<u8>) {
        let _ = (table, index_in_file, out);
    }

    /// Encodes row `row` of `chunk` (its line terminator included where the format has one).
    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>);

    /// Encodes every row of `chunk` back to back, pushing where each row ends onto `ends`. The
    /// default calls [`TextFormat::encode_row`] per row; a format overrides it to prepare what
    /// every row shares (JSON's escaped keys) once per chunk.
    fn encode_rows(
        &self,
        table: &TableSchema,
        chunk: &Chunk,
        out: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) {
        for row in 0..chunk.len {
            self.encode_row(table, chunk, row, out);
            ends.push(out.len());
        }
    }

    /// What closes a file of `rows_in_file` rows: `]`, the closing root tag, a batch's `;`.
    fn footer(&self, table: &TableSchema, rows_in_file: u64, out: &mut Vec<u8>);
}

/// A column-oriented binary format (Parquet, Avro, Arrow IPC).
pub trait ColumnarFormat: Send + Sync {
    /// The file extension, without the dot (`parquet`).
    fn extension(&self) -> &'static str;

    /// Starts a file of `table` rows written to `out`.
    ///
    /// # Errors
    /// When the table's types cannot be written in this format, or `out` fails.
    fn open(
        &self,
        table: &TableSchema,
        out: Box<dyn Write + Send>,
    ) -> io::Result<Box<dyn ColumnarWriter>>;
}

/// One open columnar file.
pub trait ColumnarWriter: Send {
    /// Appends the rows of `chunk` (all of them, in order).
    ///
    /// # Errors
    /// When encoding or the underlying writer fails.
    fn write(&mut self, chunk: &Chunk) -> io::Result<()>;

    /// Writes the file's footer and flushes; returns the underlying writer's errors.
    ///
    /// # Errors
    /// When the footer cannot be written.
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// A format of either kind.
pub enum Format {
    /// Rows encoded independently.
    Text(Box<dyn TextFormat>),
    /// Chunks written by one writer.
    Columnar(Box<dyn ColumnarFormat>),
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Text(f) => f.extension(),
            Format::Columnar(f) => f.extension(),
        }
    }
}

/// The SQL dialect of the `sql` format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SqlDialect {
    /// PostgreSQL.
    #[default]
    Postgres,
    /// MySQL and MariaDB.
    Mysql,
    /// SQLite.
    Sqlite,
}

/// Whole-file or in-format compression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// gzip (`.gz` for text formats).
    Gzip,
    /// Zstandard (`.zst` for text formats).
    Zstd,
    /// Snappy: only inside Parquet and Avro files (text files cannot take it).
    Snappy,
}

/// Options of the formats; each format reads the ones it has.
#[derive(Clone, Debug)]
pub struct FormatOptions {
    /// The CSV field delimiter.
    pub csv_delimiter: u8,
    /// How CSV writes a null (empty by default).
    pub csv_null: String,
    /// Whether CSV starts with a header line.
    pub csv_header: bool,
    /// The SQL dialect.
    pub sql_dialect: SqlDialect,
    /// Rows per SQL `INSERT` statement.
    pub sql_batch: u64,
    /// Rows per Parquet row group.
    pub parquet_row_group: usize,
    /// `--compress`: for text formats the whole file is compressed by the writer; columnar formats
    /// use it as their internal codec (Parquet defaults to zstd without it).
    pub compression: Option<Compression>,
    /// `--avro-json`: `jsonl` and `json` write each row in Avro's JSON encoding
    /// ([`crate::text::AvroJson`]).
    pub avro_json: bool,
}

impl Default for FormatOptions {
    fn default() -> Self {
        Self {
            csv_delimiter: b',',
            csv_null: String::new(),
            csv_header: true,
            sql_dialect: SqlDialect::Postgres,
            sql_batch: 1000,
            parquet_row_group: 1 << 20,
            compression: None,
            avro_json: false,
        }
    }
}
