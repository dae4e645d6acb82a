//! `datagen import INPUT`: an input's plan written out as a native config the user can edit,
//! which generates the same data as the input itself.

use std::path::{Path, PathBuf};

use clap::Args;
use datagen_engine::ir::{Entity, Field, Schema};
use datagen_engine::{Plan, Settings, config};

use crate::error::CliError;
use crate::input::{self, InputType};

/// Arguments of `datagen import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The schema to import: SQL DDL (`.sql`, `.ddl`), a live database (`postgresql://...`,
    /// `mysql://...`) or a native config.
    input: PathBuf,
    /// Where to write the config (default: standard output).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// The input's type, when its extension and content do not tell.
    #[arg(long, value_enum)]
    input_type: Option<InputType>,
    /// The SQL dialect of a SQL DDL input (default: detected): postgres, mysql or sqlite.
    #[arg(long)]
    sql_dialect: Option<String>,
    /// Rows of every entity written in the config (default: the input's).
    #[arg(long)]
    rows: Option<u64>,
    /// The seed written in the config (default: the input's, if any).
    #[arg(long)]
    seed: Option<u64>,
}

/// Reads and plans the input, then writes it as a config.
pub(crate) fn import(args: &ImportArgs, out: &mut impl std::io::Write) -> Result<(), CliError> {
    let dialect = args
        .sql_dialect
        .as_deref()
        .map(str::parse::<datagen_schema::sql::Dialect>)
        .transpose()
        .map_err(CliError::Usage)?;
    let (mut schema, diags) = input::read_with(&args.input, args.input_type, dialect)?;
    input::check(diags)?;
    if schema.entities.is_empty() {
        return Err(CliError::Usage(format!(
            "`{}` declares no tables or entities to import",
            origin(&args.input)
        )));
    }
    if let Some(rows) = args.rows {
        for e in &mut schema.entities {
            e.rows = rows;
        }
    }
    if args.seed.is_some() {
        schema.seed = args.seed;
    }
    // Only a schema that plans is worth editing: its problems are reported now.
    Plan::new(&schema, &Settings::default()).map_err(CliError::Input)?;
    let source = input::live_url(&args.input)
        .is_none()
        .then(|| std::fs::read_to_string(&args.input).ok())
        .flatten();
    let origin = origin(&args.input);
    let lines: Vec<&str> = source
        .as_deref()
        .map(|s| s.lines().collect())
        .unwrap_or_default();
    let note = |e: &Entity, f: Option<&Field>| note(&origin, &lines, e, f);
    let mut text = header(&args.input, &schema);
    text.push_str(&config::write(&schema, &note).map_err(|e| CliError::Usage(e.to_string()))?);
    // The config must read back as written: a failure here is a bug, reported as one.
    let (_, back) = config::parse(&text, None);
    if let Some(d) = back.first() {
        return Err(CliError::Usage(format!(
            "the written config does not read back ({d}); please report this with the input"
        )));
    }
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| CliError::Usage(format!("cannot write `{}`: {e}", path.display())))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// The input as comments name it: a file's name, or a database URL without its password.
fn origin(input: &Path) -> String {
    match input::live_url(input) {
        Some(url) => datagen_engine::url::redact(url),
        None => input.file_name().map_or_else(
            || input.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

fn header(input: &Path, schema: &Schema) -> String {
    let tables = schema.entities.len();
    format!(
        "# Imported from {} ({tables} entities) by `datagen import`.\n\
         # `datagen generate` on this file gives the same data as on the input, with the same\n\
         # seed and row counts; edit any field to change what it draws (docs/config.md).\n",
        origin(input)
    )
}

/// The comment above an entity or field: the input line it was declared on.
fn note(origin: &str, lines: &[&str], e: &Entity, f: Option<&Field>) -> Option<String> {
    let span = f.map_or(e.span, |f| f.span);
    let line = usize::try_from(span.line).ok().filter(|&l| l > 0)?;
    let text = lines.get(line - 1)?.trim();
    let text: String = text.chars().take(100).collect();
    Some(format!("{origin}:{line}: {text}"))
}
