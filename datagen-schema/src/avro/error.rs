//! The errors of importing an Avro schema: each names the file and the JSON path.

use std::path::PathBuf;

use datagen_engine::Diagnostic;
use datagen_engine::ir::Span;

/// An Avro schema that cannot be imported: invalid, unsatisfiable or unsupported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: at `{}`: {message}{}", file.display(), display_pointer(pointer), help.as_deref().map(|h| format!("; {h}")).unwrap_or_default())]
pub struct Error {
    /// The file the problem is in.
    pub file: PathBuf,
    /// The JSON pointer of the schema or attribute at fault (`""` for the whole document).
    pub pointer: String,
    /// 1-based line and column, for a file that is not valid JSON (0 otherwise).
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// A pointer as printed: `/` for the whole document.
fn display_pointer(pointer: &str) -> &str {
    if pointer.is_empty() { "/" } else { pointer }
}

impl Error {
    /// An error at `pointer` of `file`.
    pub(crate) fn at(file: impl Into<PathBuf>, pointer: &str, message: impl Into<String>) -> Self {
        Error {
            file: file.into(),
            pointer: pointer.to_owned(),
            span: Span::default(),
            message: message.into(),
            help: None,
        }
    }

    /// Adds how to fix it.
    #[must_use]
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The error as a diagnostic: the file, the line and column when known, the JSON path in
    /// the message.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let message = if self.span.line > 0 {
            self.message.clone()
        } else {
            format!("at `{}`: {}", display_pointer(&self.pointer), self.message)
        };
        let mut d = Diagnostic::new(self.span, message).in_file(Some(self.file.clone()));
        if let Some(help) = &self.help {
            d = d.with_help(help.clone());
        }
        d
    }
}
