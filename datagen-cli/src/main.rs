//! The `datagen` binary: parses the command line and runs one subcommand.

mod error;
mod generate;
mod import;
mod input;
mod progress;
mod providers;
mod validate;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Deterministic, realistic synthetic and test data.
#[derive(Debug, Parser)]
#[command(name = "datagen", version, about)]
struct Cli {
    /// Print the whole error chain, not just its first line.
    #[arg(long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the providers: one name a line, then a tab and a short description.
    Providers(providers::ListArgs),
    /// Print values of one provider, one a line, deterministic per seed.
    Sample(providers::SampleArgs),
    /// Generate the entities of an input into files of one format, or into a database (`--to`).
    Generate(Box<generate::GenerateArgs>),
    /// Check a config and report every problem in it, with file, line and column.
    Validate(validate::ValidateArgs),
    /// Write an input's plan (SQL DDL, a live database) as a native config to edit.
    Import(import::ImportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Providers(args) => providers::list(args, &mut out),
        Command::Sample(args) => providers::sample(args, &mut out),
        Command::Generate(args) => generate::generate(args),
        Command::Validate(args) => validate::validate(args, &mut out),
        Command::Import(args) => import::import(args, &mut out),
    };
    let result = result.and_then(|()| out.flush().map_err(error::CliError::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`datagen sample ... | head`) is a normal way to stop reading.
        Err(error::CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            if cli.verbose {
                eprintln!("{e:?}");
            }
            ExitCode::from(2)
        }
    }
}
