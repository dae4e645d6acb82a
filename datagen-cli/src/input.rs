//! Reading an input: a native config (YAML, or JSON with `entities`), a JSON Schema, an Avro
//! schema, SQL DDL or a live database's catalog (a `postgresql://` or `mysql://` URL) into the schema IR, with the
//! input's type detected from its extension and content, or given with `--input-type`.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use datagen_engine::ir::Schema;
use datagen_engine::{Diagnostic, Diagnostics, config};

use crate::error::CliError;

/// What kind of file an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputType {
    /// A native datagen config (YAML, or JSON with an `entities` key).
    Config,
    /// A JSON Schema (drafts 4 to 2020-12): one entity of documents that validate against it.
    Jsonschema,
    /// SQL DDL (PostgreSQL, MySQL/MariaDB or SQLite): one entity per table, parents first.
    Sql,
    /// An Avro schema (`.avsc`): one entity of records valid under it (docs/avro.md).
    Avro,
}

/// Reads `path` into a schema and every problem found in it; SQL DDL in `sql_dialect` when
/// given (else detected).
pub(crate) fn read_with(
    path: &Path,
    given: Option<InputType>,
    sql_dialect: Option<datagen_schema::sql::Dialect>,
) -> Result<(Schema, Vec<Diagnostic>), CliError> {
    read_with_avro(path, given, sql_dialect, &[])
}

/// Reads `path` as [`read_with`] does; an Avro schema's names not defined in its folder are
/// also looked up in the `.avsc` files of `avro_paths`.
pub(crate) fn read_with_avro(
    path: &Path,
    given: Option<InputType>,
    sql_dialect: Option<datagen_schema::sql::Dialect>,
    avro_paths: &[PathBuf],
) -> Result<(Schema, Vec<Diagnostic>), CliError> {
    if let Some(url) = live_url(path) {
        return datagen_schema::sql::introspect::introspect(url)
            .map_err(|e| CliError::Usage(e.to_string()));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Usage(format!("cannot read `{}`: {e}", path.display())))?;
    let kind = match given {
        Some(kind) => kind,
        None => detect(path, &text)?,
    };
    match kind {
        InputType::Config => Ok(config::parse(&text, Some(path))),
        InputType::Sql => Ok(datagen_schema::sql::parse(&text, Some(path), sql_dialect)),
        InputType::Jsonschema => match datagen_schema::jsonschema::read(&text, path) {
            Ok(schema) => Ok((schema, Vec::new())),
            Err(diag) => Ok((Schema::default(), vec![diag])),
        },
        InputType::Avro => {
            let options = avro_paths
                .iter()
                .fold(datagen_schema::avro::Options::new(), |o, d| {
                    o.with_path(d.clone())
                });
            match datagen_schema::avro::read(&text, path, &options) {
                Ok(schema) => Ok((schema, Vec::new())),
                Err(diag) => Ok((Schema::default(), vec![diag])),
            }
        }
    }
}

/// The database URL `path` is (`postgresql://`, `postgres://`, `mysql://`, `mariadb://`), whose
/// live catalog is read instead of a file.
pub(crate) fn live_url(path: &Path) -> Option<&str> {
    path.to_str()
        .filter(|s| datagen_schema::sql::introspect::is_url(s))
}

/// The input type from the extension and, for `.json`, the content.
fn detect(path: &Path, text: &str) -> Result<InputType, CliError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("yaml" | "yml") => Ok(InputType::Config),
        Some("json") if config::is_native_config(text) => Ok(InputType::Config),
        // JSON without `entities` is not a datagen config: read it as a JSON Schema.
        Some("json") => Ok(InputType::Jsonschema),
        Some("sql" | "ddl") => Ok(InputType::Sql),
        Some("avsc") => Ok(InputType::Avro),
        Some(ext @ ("proto" | "graphql")) => Err(CliError::Usage(format!(
            "`{}`: `.{ext}` schemas are not supported yet; write a datagen config (see docs/config.md)",
            path.display()
        ))),
        _ if config::is_native_config(text) => Ok(InputType::Config),
        _ if datagen_schema::sql::is_ddl(text) => Ok(InputType::Sql),
        _ => Err(CliError::Usage(format!(
            "cannot tell what `{}` is; give a `.yaml` or `.json` datagen config, a `.sql` or `.avsc` schema, or `--input-type`",
            path.display()
        ))),
    }
}

/// Fails with every diagnostic when there are any.
pub(crate) fn check(diags: Vec<Diagnostic>) -> Result<(), CliError> {
    if diags.is_empty() {
        Ok(())
    } else {
        Err(CliError::Input(Diagnostics(diags)))
    }
}
