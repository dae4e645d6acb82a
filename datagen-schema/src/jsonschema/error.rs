//! The errors of compiling a JSON Schema: each names the JSON pointer and the keyword.

/// A JSON Schema that cannot be compiled into a generator.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A keyword whose value is not what the specification allows.
    #[error("`{keyword}` at `{pointer}` is invalid: {why}; {fix}")]
    Invalid {
        /// The JSON pointer of the schema holding the keyword.
        pointer: String,
        /// The keyword.
        keyword: String,
        /// What is wrong.
        why: String,
        /// How to fix it.
        fix: String,
    },
    /// A schema no instance satisfies.
    #[error(
        "the schema at `{pointer}` can never be satisfied: {why} (`{keyword}`); loosen the constraints"
    )]
    Unsatisfiable {
        /// The JSON pointer of the schema.
        pointer: String,
        /// The keyword that cannot be met.
        keyword: String,
        /// Why.
        why: String,
    },
    /// A feature this importer does not support.
    #[error("`{keyword}` at `{pointer}` is not supported: {why}")]
    Unsupported {
        /// The JSON pointer of the schema holding the keyword.
        pointer: String,
        /// The keyword.
        keyword: String,
        /// What exactly is not supported.
        why: String,
    },
    /// A `$ref` (or `$dynamicRef`) that points nowhere, or to a document that cannot be read.
    #[error("`{keyword}` `{reference}` at `{pointer}` cannot be resolved: {why}")]
    Ref {
        /// The JSON pointer of the schema holding the reference.
        pointer: String,
        /// `$ref`, `$dynamicRef` or `$recursiveRef`.
        keyword: String,
        /// The reference as written.
        reference: String,
        /// Why it cannot be resolved, and how to fix it.
        why: String,
    },
}

impl Error {
    /// The JSON pointer of the schema the error is about.
    pub fn pointer(&self) -> &str {
        match self {
            Error::Invalid { pointer, .. }
            | Error::Unsatisfiable { pointer, .. }
            | Error::Unsupported { pointer, .. }
            | Error::Ref { pointer, .. } => pointer,
        }
    }

    /// The keyword the error is about.
    pub fn keyword(&self) -> &str {
        match self {
            Error::Invalid { keyword, .. }
            | Error::Unsatisfiable { keyword, .. }
            | Error::Unsupported { keyword, .. }
            | Error::Ref { keyword, .. } => keyword,
        }
    }
}

/// A schema read from text that cannot be compiled: not JSON, or an [`Error`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The text is not JSON; the error has the line and column.
    #[error("not valid JSON: {0}")]
    Json(serde_json::Error),
    /// The schema cannot be compiled.
    #[error(transparent)]
    Schema(Error),
}
