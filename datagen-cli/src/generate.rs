//! `datagen generate INPUT`: plans the input and writes every entity in one format, or loads
//! it into a database with `--to URL`.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Instant;

use clap::{Args, ValueEnum};
use datagen_engine::cases::Mode;
use datagen_engine::{Plan, Settings};
use datagen_sinks::db::{self, Destination, LoadJob};
use datagen_sinks::writer::{self, Job, Out};
use datagen_sinks::{Compression, Format, FormatOptions, SqlDialect};

use crate::error::CliError;
use crate::input::{self, InputType};
use crate::progress::{ProgressMode, Reporter, summary};

/// Arguments of `datagen generate`.
#[derive(Debug, Args)]
pub(crate) struct GenerateArgs {
    /// The config (`.yaml`, `.yml`, `.json`) or schema (`.sql`, JSON Schema) to generate, or a
    /// live database whose tables to fill (`postgresql://...`, `mysql://...`).
    input: PathBuf,
    /// The output format.
    #[arg(long, short, value_enum, default_value_t = FormatName::Jsonl)]
    format: FormatName,
    /// The output folder (`DIR/<entity>.<ext>`), or `-` for standard output (one entity).
    #[arg(long, short, default_value = "-")]
    out: String,
    /// Row counts: `N` for every entity, or `entity=N,...`.
    #[arg(long)]
    rows: Option<RowsArg>,
    /// The seed (overrides the input's).
    #[arg(long)]
    seed: Option<u64>,
    /// The locale of provider data (overrides the input's), such as `de_DE`.
    #[arg(long)]
    locale: Option<String>,
    /// Generator threads (default: the machine's cores). Output is the same for any number.
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Write shard `K` of `N` (0-based): rows `[K*rows/N, (K+1)*rows/N)` of every entity.
    #[arg(long)]
    shard: Option<ShardArg>,
    /// Compress the output: text formats whole-file (adding `.gz`/`.zst`); Parquet, Avro and
    /// Arrow use it as their internal codec (Avro: `deflate`, `zstandard`, `snappy`). `snappy`
    /// is for Parquet and Avro only.
    #[arg(long, value_enum)]
    compress: Option<CompressArg>,
    /// With `--format jsonl` or `json`: write each row in Avro's JSON encoding, by the input's
    /// Avro schema (or the one `--format avro` would derive).
    #[arg(long)]
    avro_json: bool,
    /// Split each entity into `DIR/<entity>/part-00000.<ext>`, ... of at most this many rows.
    #[arg(long)]
    max_rows_per_file: Option<u64>,
    /// Write each entity into hive-style folders `DIR/<entity>/<field>=<value>/` by this field.
    #[arg(long)]
    partition_by: Option<String>,
    /// Only these entities (repeatable); refs still draw from the others' row counts.
    #[arg(long = "entity")]
    entities: Vec<String>,
    /// Progress on stderr.
    #[arg(long, value_enum, default_value_t = ProgressMode::Auto)]
    progress: ProgressMode,
    /// Rows per generated chunk (the unit of parallel work).
    #[arg(long, default_value_t = 8192, hide = true)]
    chunk_rows: usize,
    /// The CSV delimiter (one ASCII character; `\t` for tab).
    #[arg(long, default_value = ",")]
    csv_delimiter: String,
    /// How CSV writes a null.
    #[arg(long, default_value = "")]
    csv_null: String,
    /// CSV without its header line.
    #[arg(long)]
    no_header: bool,
    /// The SQL dialect of a SQL DDL input (default: detected from the DDL) and of `--format sql`
    /// (default: the input's dialect for a SQL input, else postgres).
    #[arg(long, value_enum)]
    sql_dialect: Option<DialectArg>,
    /// Rows per SQL `INSERT` statement.
    #[arg(long, default_value_t = 1000)]
    sql_batch: u64,
    /// The input's type, when its extension and content do not tell.
    #[arg(long, value_enum)]
    input_type: Option<InputType>,
    /// A folder whose `.avsc` files define names an Avro input uses but neither it nor the
    /// other `.avsc` files of its folder define (repeatable; searched in order).
    #[arg(long = "avro-path", value_name = "DIR")]
    avro_path: Vec<PathBuf>,
    /// Load into a database instead of writing files: `sqlite://FILE`,
    /// `postgresql://USER@HOST:PORT/DB` or `mysql://USER:PASSWORD@HOST:PORT/DB` (`mariadb://`
    /// too). Missing tables are created (with a SQL input's own DDL when it is in the
    /// destination's dialect); entities load parents first.
    #[arg(long, conflicts_with_all = ["out", "format", "shard", "compress", "max_rows_per_file", "partition_by"])]
    to: Option<String>,
    /// With `--to`: continue a stopped load. Each table's rows are taken as the first rows of
    /// its entity (rows depend only on seed, entity and row index), so give the same input,
    /// seed and row counts as the stopped run.
    #[arg(long, requires = "to")]
    resume: bool,
    /// With `--to`: rows per committed transaction.
    #[arg(long, requires = "to")]
    commit_rows: Option<u64>,
    /// Write test cases instead of the entities' rows: `edge` rows put one field at a
    /// boundary (all valid), `invalid` rows each break one rule of one field. Each row is
    /// labelled in `_case_field`, `_case_rule` and `_case_detail` columns (docs/cases.md).
    #[arg(long, value_enum, conflicts_with = "to")]
    cases: Option<CasesArg>,
}

/// `--cases`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CasesArg {
    Edge,
    Invalid,
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatName {
    Csv,
    Tbl,
    Jsonl,
    Json,
    Xml,
    Sql,
    Parquet,
    Avro,
    Arrow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CompressArg {
    Gzip,
    Zstd,
    Snappy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DialectArg {
    Postgres,
    Mysql,
    Sqlite,
}

/// `--rows N` or `--rows a=N,b=M`.
#[derive(Clone, Debug)]
enum RowsArg {
    All(u64),
    Each(Vec<(String, u64)>),
}

impl FromStr for RowsArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Ok(n) = s.trim().parse() {
            return Ok(RowsArg::All(n));
        }
        s.split(',')
            .map(|part| {
                let (name, n) = part
                    .split_once('=')
                    .ok_or_else(|| format!("`{part}`: write `N` or `entity=N,...`"))?;
                let n = n
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{part}`: `{n}` is not a row count"))?;
                Ok((name.trim().to_string(), n))
            })
            .collect::<Result<_, _>>()
            .map(RowsArg::Each)
    }
}

/// `--shard K/N`.
#[derive(Clone, Copy, Debug)]
struct ShardArg(u64, u64);

impl FromStr for ShardArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}`: write `K/N` with 0 <= K < N, such as `0/4`");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u64 = k.trim().parse().map_err(|_| bad())?;
        let n: u64 = n.trim().parse().map_err(|_| bad())?;
        if n == 0 || k >= n {
            return Err(bad());
        }
        Ok(ShardArg(k, n))
    }
}

/// Runs `datagen generate`.
pub(crate) fn generate(args: &GenerateArgs) -> Result<(), CliError> {
    let started = Instant::now();
    let input_dialect = args.sql_dialect.map(|d| match d {
        DialectArg::Postgres => datagen_schema::sql::Dialect::Postgres,
        DialectArg::Mysql => datagen_schema::sql::Dialect::Mysql,
        DialectArg::Sqlite => datagen_schema::sql::Dialect::Sqlite,
    });
    let (schema, diags) =
        input::read_with_avro(&args.input, args.input_type, input_dialect, &args.avro_path)?;
    input::check(diags)?;
    let mut settings = Settings {
        seed: args.seed,
        locale: args.locale.clone(),
        ..Settings::default()
    };
    match &args.rows {
        Some(RowsArg::All(n)) => settings.rows = Some(*n),
        Some(RowsArg::Each(list)) => settings.rows_of.clone_from(list),
        None => {}
    }
    let mut plan = Plan::new(&schema, &settings).map_err(CliError::Input)?;
    if let Some(cases) = args.cases {
        let mode = match cases {
            CasesArg::Edge => Mode::Edge,
            CasesArg::Invalid => Mode::Invalid,
        };
        plan = plan
            .with_cases(mode)
            .map_err(|e| CliError::Usage(format!("`--cases`: {e}")))?;
        for e in 0..plan.len() {
            for skip in plan.skipped_cases(e) {
                let at = if skip.pointer.is_empty() {
                    "/"
                } else {
                    skip.pointer.as_str()
                };
                eprintln!(
                    "note: entity `{}`: no {} case for `{}` at `{at}`: {}",
                    plan.table(e).name,
                    if mode == Mode::Edge {
                        "edge"
                    } else {
                        "invalid"
                    },
                    skip.keyword,
                    skip.why
                );
            }
        }
    }
    let entities = select(&plan, &args.entities)?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
        .max(1);
    if let Some(url) = &args.to {
        let to = Destination::parse(url).map_err(CliError::Usage)?;
        let job = LoadJob {
            plan: &plan,
            schema: &schema,
            to: &to,
            entities,
            threads,
            chunk_rows: args.chunk_rows.max(1),
            commit_rows: args.commit_rows.unwrap_or(100_000).max(1),
            resume: args.resume,
            ddl: user_ddl(args, to.dialect),
        };
        let reporter = Reporter::new(args.progress);
        let loaded = db::load(&job, &reporter).map_err(CliError::Load)?;
        for note in &loaded.notes {
            eprintln!("note: {note}");
        }
        if args.progress != ProgressMode::None {
            summary(&loaded.reports, started.elapsed().as_secs_f64());
        }
        return Ok(());
    }
    let out = if args.out == "-" {
        if entities.len() != 1 {
            return Err(CliError::Usage(format!(
                "{} entities cannot all go to standard output; give `--out DIR` or one `--entity`",
                entities.len()
            )));
        }
        Out::Stdout
    } else {
        Out::Dir(PathBuf::from(&args.out))
    };
    let options = options(args)?;
    check_format_options(args, &plan, &entities)?;
    let format = format(args.format, &options)?;
    if matches!(out, Out::Stdout)
        && (args.max_rows_per_file.is_some() || args.partition_by.is_some())
    {
        return Err(CliError::Usage(
            "`--max-rows-per-file` and `--partition-by` write folders: give `--out DIR`".into(),
        ));
    }
    let shard = args.shard.map_or((0, 1), |s| (s.0, s.1));
    let job = Job {
        plan: &plan,
        format: &format,
        out,
        threads,
        shard,
        chunk_rows: args.chunk_rows.max(1),
        max_rows_per_file: args.max_rows_per_file,
        partition_by: args.partition_by.clone(),
        compression: options.compression,
        entities,
    };
    let reporter = Reporter::new(args.progress);
    let reports = writer::run(&job, &reporter).map_err(CliError::Write)?;
    if args.progress != ProgressMode::None {
        summary(&reports, started.elapsed().as_secs_f64());
    }
    Ok(())
}

/// The plan indices of the selected entities (all when none are named).
fn select(plan: &Plan, names: &[String]) -> Result<Vec<usize>, CliError> {
    if names.is_empty() {
        return Ok((0..plan.len()).collect());
    }
    names
        .iter()
        .map(|n| {
            plan.entity(n).ok_or_else(|| {
                let all: Vec<&str> = (0..plan.len())
                    .map(|e| plan.table(e).name.as_str())
                    .collect();
                CliError::Usage(format!(
                    "`--entity {n}`: no such entity; the input has {}",
                    all.join(", ")
                ))
            })
        })
        .collect()
}

/// The input's own DDL statements, when it is a SQL file in the dialect of the destination
/// (`--sql-dialect`, else detected): `--to` creates missing tables with them.
fn user_ddl(args: &GenerateArgs, to: db::Dialect) -> Option<Vec<db::DdlStatement>> {
    use datagen_schema::sql::{self, script};
    if input::live_url(&args.input).is_some() {
        return None;
    }
    let ext = args
        .input
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let text = std::fs::read_to_string(&args.input).ok()?;
    let is_sql = match args.input_type {
        Some(t) => t == InputType::Sql,
        None => matches!(ext.as_deref(), Some("sql" | "ddl")) || sql::is_ddl(&text),
    };
    if !is_sql {
        return None;
    }
    let dialect = match args.sql_dialect {
        Some(DialectArg::Postgres) => sql::Dialect::Postgres,
        Some(DialectArg::Mysql) => sql::Dialect::Mysql,
        Some(DialectArg::Sqlite) => sql::Dialect::Sqlite,
        None => sql::detect(&text),
    };
    let same = matches!(
        (dialect, to),
        (sql::Dialect::Postgres, db::Dialect::Postgres)
            | (sql::Dialect::Mysql, db::Dialect::Mysql)
            | (sql::Dialect::Sqlite, db::Dialect::Sqlite)
    );
    if !same {
        return None;
    }
    Some(script::statements(&text, dialect))
}

/// The dialect of `--format sql`: `--sql-dialect`, else the dialect of a SQL DDL input (so a
/// MySQL schema gives MySQL INSERTs), else PostgreSQL.
fn output_dialect(args: &GenerateArgs) -> DialectArg {
    if let Some(d) = args.sql_dialect {
        return d;
    }
    if let Some(url) = input::live_url(&args.input) {
        let url = url.to_ascii_lowercase();
        return if url.starts_with("mysql") || url.starts_with("mariadb") {
            DialectArg::Mysql
        } else {
            DialectArg::Postgres
        };
    }
    let ext = args
        .input
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let sql_input = args.input_type == Some(InputType::Sql)
        || (args.input_type.is_none() && matches!(ext.as_deref(), Some("sql" | "ddl")));
    match std::fs::read_to_string(&args.input) {
        Ok(text) if sql_input => match datagen_schema::sql::detect(&text) {
            datagen_schema::sql::Dialect::Mysql => DialectArg::Mysql,
            datagen_schema::sql::Dialect::Sqlite => DialectArg::Sqlite,
            _ => DialectArg::Postgres,
        },
        _ => DialectArg::Postgres,
    }
}

fn options(args: &GenerateArgs) -> Result<FormatOptions, CliError> {
    let delimiter = match args.csv_delimiter.as_str() {
        "\\t" | "\t" | "tab" => b'\t',
        d if d.len() == 1 && d.is_ascii() => d.as_bytes()[0],
        d => {
            return Err(CliError::Usage(format!(
                "`--csv-delimiter {d}`: give one ASCII character"
            )));
        }
    };
    Ok(FormatOptions {
        csv_delimiter: delimiter,
        csv_null: args.csv_null.clone(),
        csv_header: !args.no_header,
        sql_dialect: match output_dialect(args) {
            DialectArg::Postgres => SqlDialect::Postgres,
            DialectArg::Mysql => SqlDialect::Mysql,
            DialectArg::Sqlite => SqlDialect::Sqlite,
        },
        sql_batch: args.sql_batch.max(1),
        compression: args.compress.map(|c| match c {
            CompressArg::Gzip => Compression::Gzip,
            CompressArg::Zstd => Compression::Zstd,
            CompressArg::Snappy => Compression::Snappy,
        }),
        avro_json: args.avro_json,
        ..FormatOptions::default()
    })
}

/// Refuses `--compress snappy` and `--avro-json` with formats that do not take them, and
/// tables whose Avro schema does not fit their columns under `--avro-json`.
fn check_format_options(
    args: &GenerateArgs,
    plan: &Plan,
    entities: &[usize],
) -> Result<(), CliError> {
    if let Some(compress) = args.compress {
        // What each format takes: text formats gzip or zstd (whole-file streams), Arrow IPC
        // zstd (its only body codec), Parquet and Avro all three (their own block codecs).
        let takes: &[CompressArg] = match args.format {
            FormatName::Parquet | FormatName::Avro => {
                &[CompressArg::Gzip, CompressArg::Zstd, CompressArg::Snappy]
            }
            FormatName::Arrow => &[CompressArg::Zstd],
            _ => &[CompressArg::Gzip, CompressArg::Zstd],
        };
        if !takes.contains(&compress) {
            let name = |c: &CompressArg| format!("{c:?}").to_lowercase();
            let allowed: Vec<String> = takes.iter().map(name).collect();
            return Err(CliError::Usage(format!(
                "`--compress {}` does not apply to `--format {}`; it takes {}",
                name(&compress),
                format!("{:?}", args.format).to_lowercase(),
                allowed.join(" or ")
            )));
        }
    }
    if args.avro_json {
        if !matches!(args.format, FormatName::Jsonl | FormatName::Json) {
            return Err(CliError::Usage(format!(
                "`--avro-json` is for `--format jsonl` and `--format json`, not `{}`",
                format!("{:?}", args.format).to_lowercase()
            )));
        }
        for &e in entities {
            datagen_sinks::text::check_avro_json(plan.table(e))
                .map_err(|e| CliError::Usage(format!("`--avro-json`: {e}")))?;
        }
    }
    Ok(())
}

fn format(name: FormatName, options: &FormatOptions) -> Result<Format, CliError> {
    let text = |n: &str| datagen_sinks::text::text_format(n, options).map(Format::Text);
    let columnar =
        |n: &str| datagen_sinks::columnar::columnar_format(n, options).map(Format::Columnar);
    let found = match name {
        FormatName::Csv => text("csv"),
        FormatName::Tbl => text("tbl"),
        FormatName::Jsonl => text("jsonl"),
        FormatName::Json => text("json"),
        FormatName::Xml => text("xml"),
        FormatName::Sql => text("sql"),
        FormatName::Parquet => columnar("parquet"),
        FormatName::Avro => columnar("avro"),
        FormatName::Arrow => columnar("arrow"),
    };
    found.ok_or_else(|| CliError::Usage(format!("format {name:?} is not available")))
}
