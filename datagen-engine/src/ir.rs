//! The schema IR: entities, fields, value types and generator specs, whatever the input was.
//!
//! A native config, a SQL schema or a JSON Schema all become a [`Schema`]; the plan
//! ([`crate::plan`]) checks it and compiles it into generators. The IR is plain data: provider
//! names, templates and regexes are strings here and are resolved by the plan.

use std::path::PathBuf;

/// Where in an input file something was written: 1-based line and column (0 when unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// 1-based line; 0 when unknown.
    pub line: u32,
    /// 1-based column; 0 when unknown.
    pub column: u32,
}

impl Span {
    /// A span at `line`, `column` (both 1-based).
    pub const fn at(line: u32, column: u32) -> Self {
        Self { line, column }
    }
}

/// A whole input: the entities to generate and the run's defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    /// The file the schema was read from, for error messages.
    pub source: Option<PathBuf>,
    /// The seed written in the input (`--seed` overrides it).
    pub seed: Option<u64>,
    /// The locale name written in the input, such as `de_DE`.
    pub locale: Option<String>,
    /// The entities, in the order written.
    pub entities: Vec<Entity>,
}

/// One entity (a table, a record type): its row count and fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The entity's name: names its random streams and its output file.
    pub name: String,
    /// How many rows to generate (`--rows` overrides it).
    pub rows: u64,
    /// The fields, in output order.
    pub fields: Vec<Field>,
    /// Where the entity was declared.
    pub span: Span,
    /// Whether the entity's single [`DataType::Json`] field is the whole row: JSON and JSON
    /// Lines write the document itself as the row, other formats one column of JSON text.
    pub document: bool,
    /// The Avro schema the entity was imported from (JSON text of its row record, every named
    /// type it uses defined inline): the `avro` format writes it as the file's schema and
    /// encodes rows by it.
    pub avro_schema: Option<String>,
}

/// One field: its name, value type and how its values are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The field's name: names its random stream and its column.
    pub name: String,
    /// The value type of the column.
    pub ty: DataType,
    /// How values are drawn.
    pub generator: Gen,
    /// The probability of a null value (0 for a required field).
    pub null_rate: f64,
    /// Whether every row must get a different value.
    pub unique: bool,
    /// A helper: generated (templates, offsets and lookups read it) but not written.
    pub hidden: bool,
    /// Where the field was declared.
    pub span: Span,
}

/// A column's value type.
#[derive(Clone, Debug, PartialEq)]
pub enum DataType {
    /// A 64-bit signed integer.
    Int,
    /// A 64-bit float.
    Float,
    /// A fixed-point decimal with `precision` digits, `scale` of them after the point.
    Decimal {
        /// Total digits (1..=38).
        precision: u8,
        /// Digits after the point (at most `precision`).
        scale: u8,
    },
    /// A UTF-8 string.
    String,
    /// A boolean.
    Bool,
    /// A calendar date.
    Date,
    /// A time of day (microsecond precision).
    Time,
    /// A timestamp without a zone (microsecond precision).
    Timestamp,
    /// A UTC timestamp (microsecond precision), printed with `Z`.
    TimestampTz,
    /// A UUID.
    Uuid,
    /// Raw bytes.
    Bytes,
    /// A list of values of one type.
    List(Box<DataType>),
    /// A nested object with named fields.
    Struct(Vec<(String, DataType)>),
    /// A JSON document (any JSON value); columns hold its JSON text.
    Json,
}

/// A constant value, as written in an input (`one_of` items, constants).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// No value.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A decimal: `units / 10^scale`.
    Decimal(i128, u8),
    /// A string.
    Str(String),
    /// A date: days since 1970-01-01.
    Date(i32),
    /// A time: microseconds since midnight.
    Time(i64),
    /// A timestamp: microseconds since 1970-01-01T00:00:00 (UTC for zoned timestamps).
    Timestamp(i64),
    /// A UUID.
    Uuid(u128),
}

/// A distribution a numeric field can be drawn from.
#[derive(Clone, Debug, PartialEq)]
pub enum Dist {
    /// Normal with `mean` and `std_dev`.
    Normal {
        /// The mean.
        mean: f64,
        /// The standard deviation.
        std_dev: f64,
    },
    /// Log-normal: `exp` of a normal with `mu` and `sigma`.
    LogNormal {
        /// The mean of the underlying normal.
        mu: f64,
        /// The standard deviation of the underlying normal.
        sigma: f64,
    },
    /// Exponential with rate `lambda`.
    Exponential {
        /// The rate.
        lambda: f64,
    },
    /// Poisson with mean `lambda`.
    Poisson {
        /// The mean.
        lambda: f64,
    },
    /// Zipf over `1..=n` with exponent `s`.
    Zipf {
        /// The number of elements.
        n: u64,
        /// The exponent.
        s: f64,
    },
    /// Pareto with `scale` and `shape`.
    Pareto {
        /// The scale (minimum value).
        scale: f64,
        /// The shape.
        shape: f64,
    },
    /// Beta with `alpha` and `beta`.
    Beta {
        /// The first shape.
        alpha: f64,
        /// The second shape.
        beta: f64,
    },
    /// Gamma with `shape` and `scale`.
    Gamma {
        /// The shape.
        shape: f64,
        /// The scale.
        scale: f64,
    },
}

/// How a field's values are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Gen {
    /// The row's key: `start + row` (row 0 gets `start`, by default 1).
    Key {
        /// The first key.
        start: i64,
    },
    /// An arithmetic sequence over the row index: `start + row * step`.
    Sequence {
        /// The value of row 0.
        start: i64,
        /// The difference between consecutive rows.
        step: i64,
    },
    /// The same value in every row.
    Const(Value),
    /// A built-in provider by dotted name, such as `person.first_name`.
    Provider(String),
    /// A template over other fields of the same row: `{first_name}.{last_name|lower}@x.com`.
    Template(String),
    /// A regular expression the value matches.
    Regex(String),
    /// A uniform draw from an inclusive integer range (also dates, times, timestamps and
    /// decimals, in their integer units: days, microseconds, `units / 10^scale`).
    IntRange {
        /// The lowest value.
        lo: i64,
        /// The highest value (inclusive).
        hi: i64,
    },
    /// A uniform draw from the half-open float range `lo..hi`.
    FloatRange {
        /// The lowest value.
        lo: f64,
        /// The end (exclusive).
        hi: f64,
    },
    /// A draw from a distribution; `round` rounds it to that many decimals, `clamp` bounds it.
    Dist {
        /// The distribution.
        dist: Dist,
        /// Clamp the value into `[lo, hi]`.
        clamp: Option<(f64, f64)>,
    },
    /// One of the listed values, uniformly or with the given relative weights.
    OneOf {
        /// The values.
        values: Vec<Value>,
        /// Relative weights, one per value (`None`: uniform).
        weights: Option<Vec<f64>>,
    },
    /// The listed values in turn: row `i` gets `values[i % len]`.
    Cycle(Vec<Value>),
    /// `true` with probability `p`.
    Bool {
        /// The probability of `true`.
        p: f64,
    },
    /// A random version-4 UUID.
    Uuid,
    /// Random bytes, with a length drawn from `min..=max`.
    Bytes {
        /// The shortest length.
        min: u32,
        /// The longest length.
        max: u32,
    },
    /// The value of `field` (a key or any field) of a uniformly picked row of `entity`.
    Ref {
        /// The referenced entity.
        entity: String,
        /// The referenced field (usually the entity's key).
        field: String,
    },
    /// The value of `field` of the `entity` row that this row's ref field `by` picked.
    Lookup {
        /// The looked-up entity.
        entity: String,
        /// The field whose value is copied.
        field: String,
        /// The ref field of this entity that picked the row.
        by: String,
    },
    /// The value of another field of this row (of a date, time, timestamp or number) plus an
    /// offset drawn from the inclusive range `lo..=hi` (days for dates, microseconds for
    /// times and timestamps, units for numbers).
    Offset {
        /// The field of this row the offset applies to.
        from: String,
        /// The smallest offset.
        lo: i64,
        /// The largest offset (inclusive).
        hi: i64,
    },
    /// A nested object: each field in its own scope.
    Object(Vec<Field>),
    /// A list whose length is drawn from `min..=max`, each element drawn by `item`.
    Array {
        /// The shortest length.
        min: u32,
        /// The longest length.
        max: u32,
        /// How each element is drawn (its name is ignored).
        item: Box<Field>,
    },
    /// One column of the composite unique key `key`: the entity's fields with the same `key`
    /// take a different combination of values in every row, by a keyed bijection from the row
    /// to the product of their domains. `of` is this column's own domain: a `Ref` (the rows of
    /// its entity), an `IntRange`, a `OneOf`, a `Regex` or a `Bool`.
    KeyPart {
        /// The key's name (a constraint name, or the column names joined).
        key: String,
        /// This column's domain.
        of: Box<Gen>,
    },
    /// A self-reference: the value of `field` of an earlier row of this entity, so the rows form
    /// a forest (no cycles). Row 0 is a root: null when the field has a null rate, else it
    /// refers to itself; any other row is a root with the field's null rate.
    TreeRef {
        /// The referenced field of this entity (usually its key).
        field: String,
    },
    /// A string from `of`, cut to at most `max_chars` characters (a `VARCHAR(n)` column). On a
    /// unique field, each value also gets a fixed-width row number (before the `@` of an
    /// email), so values are distinct by construction however small the provider's pool.
    Fit {
        /// How the string is drawn.
        of: Box<Gen>,
        /// The most characters a value may have.
        max_chars: u32,
    },
    /// A JSON document from a generator ([`DataType::Json`] fields).
    Json(JsonGen),
    /// The name of the row's group (an A/B split): a keyed permutation of the entity's rows
    /// cut into runs of exact sizes, so group `k` gets `shares[k]` of the rows up to rounding.
    Group {
        /// The group names, in the order written.
        names: Vec<String>,
        /// Each group's share of the rows (they sum to 1).
        shares: Vec<f64>,
    },
    /// A field drawn by a different spec in each group: row `r` takes `arms[k]` where `k` is
    /// the group the [`Gen::Group`] field `by` gives it. Each arm keeps the field's name (so
    /// its stream), and carries its own null rate.
    Grouped {
        /// The entity's group field.
        by: String,
        /// The group names, in the order of `arms`.
        groups: Vec<String>,
        /// The field's spec in each group.
        arms: Vec<Field>,
    },
}

/// Writes JSON documents: one value as compact JSON text per call, drawn from the context
/// (a compiled JSON Schema, for instance).
pub trait JsonGenerator {
    /// Appends one document to `out`; the same context state gives the same document.
    fn write(&self, ctx: &mut datagen_core::Ctx, out: &mut String);
}

/// A shared [`JsonGenerator`], as [`Gen::Json`] holds it; two are equal when they are the same
/// generator.
#[derive(Clone)]
pub struct JsonGen(pub std::sync::Arc<dyn JsonGenerator + Send + Sync>);

impl std::fmt::Debug for JsonGen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JsonGen(..)")
    }
}

impl PartialEq for JsonGen {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Field {
    /// A field with no nulls, not unique, at an unknown span.
    pub fn new(name: impl Into<String>, ty: DataType, generator: Gen) -> Self {
        Self {
            name: name.into(),
            ty,
            generator,
            null_rate: 0.0,
            unique: false,
            hidden: false,
            span: Span::default(),
        }
    }
}
