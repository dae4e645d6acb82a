//! `datagen validate INPUT`: every problem of a config at once, or a one-line summary.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use datagen_engine::{Plan, Settings};

use crate::error::CliError;
use crate::input::{self, InputType};

/// Arguments of `datagen validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The config or schema to check, or a live database (`postgresql://...`, `mysql://...`).
    input: PathBuf,
    /// The input's type, when its extension and content do not tell.
    #[arg(long, value_enum)]
    input_type: Option<InputType>,
    /// A folder whose `.avsc` files define names an Avro input uses but neither it nor the
    /// other `.avsc` files of its folder define (repeatable; searched in order).
    #[arg(long = "avro-path", value_name = "DIR")]
    avro_path: Vec<PathBuf>,
}

/// Reads and plans the input; prints a summary when it is valid.
pub(crate) fn validate(args: &ValidateArgs, out: &mut impl Write) -> Result<(), CliError> {
    let (schema, mut diags) =
        input::read_with_avro(&args.input, args.input_type, None, &args.avro_path)?;
    match Plan::new(&schema, &Settings::default()) {
        Ok(plan) => {
            input::check(diags)?;
            let rows: u64 = (0..plan.len()).map(|e| plan.rows(e)).sum();
            let fields: usize = (0..plan.len()).map(|e| plan.table(e).columns.len()).sum();
            writeln!(
                out,
                "{}: valid: {} entities, {fields} fields, {rows} rows",
                args.input.display(),
                plan.len()
            )?;
            Ok(())
        }
        Err(plan_diags) => {
            // Placeholders of fields that failed to read can only repeat a problem already found.
            for d in plan_diags.0 {
                if !diags.iter().any(|x| x.span == d.span) {
                    diags.push(d);
                }
            }
            diags.sort_by_key(|d| d.span);
            input::check(diags)
        }
    }
}
