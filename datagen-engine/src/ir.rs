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
    /// The largest values integer fields may take (a SQL column type's limits): a key, or a
    /// ref to a key, whose values would pass them is an error up front.
    pub limits: Vec<Limit>,
}

/// The largest value an integer field may hold, such as a `SMALLINT` column's 32767: the plan
/// reports, before generating, a key whose last value or a ref whose parent's key range would
/// not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Limit {
    /// The entity.
    pub entity: String,
    /// The field.
    pub field: String,
    /// The largest value the field holds.
    pub max: i64,
    /// The type that sets the limit, for messages (such as `SMALLINT`).
    pub type_name: Option<String>,
}

/// How many children each parent row gets: how a ref ([`Gen::Shaped`]) picks its parent row.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Children {
    /// Each child picks its parent uniformly: the counts scatter around the mean as a
    /// Poisson distribution does.
    #[default]
    Uniform,
    /// Every parent gets the mean number of children, rounded down or up.
    Even,
    /// Skewed: the parents are ranked by a keyed permutation and the parent of rank `k` gets
    /// children in proportion to `k^-s`, so a few parents have most of the children.
    Zipf {
        /// The exponent (larger: more skewed).
        s: f64,
    },
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

impl DataType {
    /// A point: a struct of two floats, `x` (longitude) and `y` (latitude), the layout GeoArrow
    /// calls a native point. Text formats write it as WKT (`POINT(x y)`), JSON as an object,
    /// the columnar formats as a struct, and databases as their own point or geometry type.
    pub fn point() -> DataType {
        DataType::Struct(vec![
            ("x".to_string(), DataType::Float),
            ("y".to_string(), DataType::Float),
        ])
    }

    /// Whether this is [`DataType::point`]'s struct.
    pub fn is_point(&self) -> bool {
        matches!(self, DataType::Struct(members)
            if members.len() == 2
                && members[0].0 == "x"
                && members[1].0 == "y"
                && members.iter().all(|(_, t)| *t == DataType::Float))
    }
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
    /// A [`Gen::Ref`] or [`Gen::TreeRef`] with a shape: how many children each parent gets
    /// and, for a tree, how deep it is and how wide.
    ///
    /// A shaped tree is built in levels: the first rows are the roots (null when the field has
    /// a null rate, else referring to themselves), each later level's rows refer to rows of
    /// the level before, so no row is deeper than `max_depth` levels (roots included) and a
    /// row has `fan_out` children on average. With only one of the two given, the rows form
    /// one tree; with both, as many trees as the rows need.
    Shaped {
        /// The ref or tree ref.
        of: Box<Gen>,
        /// How many children each parent gets.
        children: Children,
        /// A tree's most levels, roots included.
        max_depth: Option<u32>,
        /// A tree's mean number of children of a row that has any.
        fan_out: Option<f64>,
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
    /// A tagged union ([`DataType::Struct`] with one member per branch): each value has
    /// exactly one member non-null, the branch picked with the relative `weights` (a branch of
    /// weight 0 is never picked); each branch is drawn in its own scope, keyed by its name.
    Union {
        /// The branches, one per struct member, in order.
        branches: Vec<Field>,
        /// Relative weights, one per branch (not all zero).
        weights: Vec<f64>,
    },
    /// A map as a list of `key`/`value` structs ([`DataType::List`] of a [`DataType::Struct`]
    /// `[("key", String), ("value", T)]`) of `min..=max` entries whose keys never repeat
    /// within one value: a drawn key already in the map is drawn again, and after a few tries
    /// gets `-` and the entry's index appended.
    Map {
        /// The fewest entries.
        min: u32,
        /// The most entries.
        max: u32,
        /// How keys are drawn (a string generator; its name is ignored).
        key: Box<Field>,
        /// How values are drawn (its name is ignored).
        value: Box<Field>,
    },
    /// One of several specs of the field's type per value, picked with the relative `weights`
    /// (`None`: uniformly): each arm draws in the field's own scope, with its own null rate.
    Choice {
        /// The specs (their names are ignored).
        arms: Vec<Field>,
        /// Relative weights, one per arm.
        weights: Option<Vec<f64>>,
    },
    /// A list of exactly one element per item, element `i` drawn by `items[i]` (a constant
    /// list, written element by element).
    Tuple(Vec<Field>),
    /// A float spec whose values are rounded to the nearest 32-bit float (a column whose
    /// values are stored as `f32`, such as an Avro `float`).
    Float32(Box<Gen>),
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

    /// The `mode` cases of the documents (`--cases`), case `k` drawn from the context `row(k)`
    /// gives (row `k`'s); `None` when the generator has no cases.
    fn cases(
        &self,
        mode: crate::cases::Mode,
        row: &dyn Fn(u64) -> datagen_core::Ctx,
    ) -> Option<crate::cases::DocCases> {
        let _ = (mode, row);
        None
    }
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
