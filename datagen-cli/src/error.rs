//! The CLI's errors: one clear message each.

use std::fmt;
use std::io;

use datagen_engine::Diagnostics;
use datagen_sinks::db::LoadError;
use datagen_sinks::writer::WriteError;

/// What can go wrong in a command.
#[derive(Debug)]
pub(crate) enum CliError {
    /// A provider name not in the registry.
    UnknownProvider {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// A `--words` list could not be loaded or registered.
    Words(String),
    /// Writing to stdout failed.
    Io(io::Error),
    /// A wrong argument or an input that cannot be read, in one line.
    Usage(String),
    /// Problems in the input config or schema, each at its file, line and column.
    Input(Diagnostics),
    /// Writing the output failed; says what had been written.
    Write(WriteError),
    /// Loading into a database failed; says what every table holds.
    Load(Box<LoadError>),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::UnknownProvider {
                name,
                suggestion: Some(s),
            } => {
                write!(
                    f,
                    "unknown provider `{name}`; did you mean `{s}`? (`datagen providers` lists them all)"
                )
            }
            CliError::UnknownProvider {
                name,
                suggestion: None,
            } => {
                write!(
                    f,
                    "unknown provider `{name}`; `datagen providers` lists them all"
                )
            }
            CliError::Words(message) => write!(f, "word list: {message}"),
            CliError::Io(e) => write!(f, "could not write the output: {e}"),
            CliError::Usage(message) => f.write_str(message),
            CliError::Input(diags) => {
                let n = diags.0.len();
                write!(
                    f,
                    "{n} problem{} in the input:\n{diags}",
                    if n == 1 { "" } else { "s" }
                )
            }
            CliError::Write(e) => write!(f, "{e}"),
            CliError::Load(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}
