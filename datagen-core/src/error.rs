//! Errors of building generators and checking populations.

/// An error building a generator or checking a plan against its population sizes.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A `unique` field's domain holds fewer values than the rows asked for.
    #[error(
        "field `{field}` of `{entity}` is unique over {domain} values but {count} rows were asked for; widen its domain or lower the count"
    )]
    DomainTooSmall {
        /// The entity name.
        entity: String,
        /// The field name.
        field: String,
        /// How many distinct values the field's domain holds.
        domain: u128,
        /// How many rows were asked for.
        count: u64,
    },
    /// A range whose start is past its end.
    #[error("empty range: {0}")]
    EmptyRange(String),
    /// A bad parameter of a distribution, weight table or pattern.
    #[error("invalid {what}: {why}")]
    Invalid {
        /// What was being built, such as `normal distribution`.
        what: &'static str,
        /// Why it is invalid.
        why: String,
    },
    /// A regular expression that does not parse or cannot be generated from.
    #[error("invalid regex `{pattern}`: {why}")]
    Regex {
        /// The pattern.
        pattern: String,
        /// What is wrong with it.
        why: String,
    },
    /// A set-based unique generator gave up after too many repeats.
    #[error(
        "could not find a new unique value after {attempts} attempts; the generator's domain looks exhausted"
    )]
    UniqueExhausted {
        /// Attempts made for the last value.
        attempts: u32,
    },
}
