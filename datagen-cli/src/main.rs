//! The `datagen` binary: parses the command line and runs one subcommand.

mod providers;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Providers(args) => providers::list(args, &mut out),
        Command::Sample(args) => providers::sample(args, &mut out),
    };
    let result = result.and_then(|()| out.flush().map_err(providers::CliError::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`datagen sample ... | head`) is a normal way to stop reading.
        Err(providers::CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            if cli.verbose {
                eprintln!("{e:?}");
            }
            ExitCode::from(2)
        }
    }
}
