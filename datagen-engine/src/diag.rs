//! Diagnostics: what is wrong with an input, where, and how to fix it.

use std::fmt;
use std::path::PathBuf;

use crate::ir::Span;

/// One problem in a config or schema: file, line, column, what is wrong, how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The input file, when the input came from one.
    pub file: Option<PathBuf>,
    /// Where the problem is (line 0 when unknown).
    pub span: Span,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at `span` with no file and no help yet.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            file: None,
            span,
            message: message.into(),
            help: None,
        }
    }

    /// Adds how to fix it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names the file it is in.
    #[must_use]
    pub fn in_file(mut self, file: Option<PathBuf>) -> Self {
        self.file = file;
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: message (help)`, as compilers print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self
            .file
            .as_ref()
            .map_or_else(|| "<input>".to_string(), |p| p.display().to_string());
        if self.span.line > 0 {
            write!(
                f,
                "{file}:{}:{}: {}",
                self.span.line, self.span.column, self.message
            )?;
        } else {
            write!(f, "{file}: {}", self.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in an input, in file order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to a misspelt `name`, for a "did you mean" hint.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&name, &c.to_ascii_lowercase()), c))
        .filter(|(d, c)| *d <= (c.len().max(name.len()) / 3).max(1) && *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance with transpositions counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["range", "regex", "ref", "rows"];
        assert_eq!(closest("rnage", keys), Some("range"));
        assert_eq!(closest("regx", keys), Some("regex"));
        assert_eq!(closest("zzzzzz", keys), None);
    }
}
