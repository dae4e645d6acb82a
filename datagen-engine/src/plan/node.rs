//! Compiled fields: each IR field resolved into a generator the fill loop runs.

use datagen_core::Ctx;
use datagen_core::regex::Regex;
use rand_distr::Distribution;

use crate::ir::{DataType, Span, Value};
use crate::plan::template::Piece;

/// A compiled field.
pub(crate) struct Node {
    /// The field's name.
    pub name: String,
    /// `name_hash(name)`: the path component of its stream.
    pub hash: u64,
    /// The column type.
    pub ty: DataType,
    /// The decimal scale of the column (0 unless a decimal).
    pub scale: u8,
    /// The probability of null.
    pub null_rate: f64,
    /// How values are drawn.
    pub kind: Kind,
    /// Where it was declared.
    pub span: Span,
}

/// How a compiled field draws values.
pub(crate) enum Kind {
    /// `start + row`.
    Key { start: i64 },
    /// `start + row * step`.
    Sequence { start: i64, step: i64 },
    /// A constant.
    Const(Value),
    /// A provider's writer.
    Provider(fn(&mut Ctx, &mut String)),
    /// A custom provider (registered in Rust or a config's word list).
    Custom(datagen_providers::ProviderRef),
    /// A template over sibling fields.
    Template(Vec<Piece>),
    /// A regex.
    Regex(Box<Regex>),
    /// A regex, each row a distinct string: the `count` strings permuted by row.
    RegexUnique(Box<Regex>, u128),
    /// Uniform in `lo..=hi` in steps of `step` from `lo` (whole seconds for times and
    /// timestamps whose bounds are whole seconds, as the derive draws them).
    IntRange { lo: i64, hi: i64, step: i64 },
    /// `lo` plus a keyed permutation of the row over `size` values.
    IntUnique { lo: i64, size: u128 },
    /// Uniform in `lo..hi`.
    FloatRange { lo: f64, hi: f64 },
    /// A distribution, clamped.
    Dist(Sampler, Option<(f64, f64)>),
    /// One of the values.
    OneOf(Vec<Value>, Pick),
    /// The values in turn: row `i` gets `values[i % len]`.
    Cycle(Vec<Value>),
    /// `true` with probability `p`.
    Bool(f64),
    /// A version-4 UUID.
    Uuid,
    /// Random bytes.
    Bytes { min: u32, max: u32 },
    /// A field of a uniformly picked row of another entity.
    Ref {
        entity: usize,
        field: usize,
        /// `Some(start)` when the field is a key: the value is `start + row`, no lookup needed.
        key: Option<i64>,
        count: u64,
        /// How the row is picked.
        pick: RefPick,
    },
    /// One column of a composite unique key: digit `joint` of the row's combination, mapped
    /// through `domain`.
    Part { joint: Joint, domain: PartDomain },
    /// A string from `inner` cut to `max` characters; `suffix` is the width of the row number
    /// a unique field appends.
    Fit {
        inner: Box<Node>,
        max: u32,
        suffix: Option<usize>,
    },
    /// A field of the row a ref field of this entity picked.
    Lookup {
        entity: usize,
        field: usize,
        by: usize,
    },
    /// A sibling's value plus an offset in `lo..=hi`.
    Offset { from: usize, lo: i64, hi: i64 },
    /// A nested object: its fields and their generation order.
    Object(Vec<Node>, Vec<usize>),
    /// A list of `min..=max` items.
    Array { min: u32, max: u32, item: Box<Node> },
    /// A JSON document from a generator, as its JSON text.
    Json(std::sync::Arc<dyn crate::ir::JsonGenerator + Send + Sync>),
    /// The row's group name: `names[k]` for the `k` whose run of the permuted rows (`cum`,
    /// cumulative counts over `rows` rows) holds the row.
    Group {
        names: Vec<String>,
        cum: Vec<u64>,
        rows: u64,
    },
    /// A field drawn by `arms[k]` in group `k`, read from the group field `by`.
    Grouped { by: usize, arms: Vec<Node> },
    /// A tagged union: one branch picked by the cumulative weights `cum`, the others null.
    Union { branches: Vec<Node>, cum: Vec<f64> },
    /// A map of `min..=max` entries with distinct keys.
    Map {
        min: u32,
        max: u32,
        key: Box<Node>,
        value: Box<Node>,
    },
    /// One of the arms, picked by the cumulative weights `cum`.
    Choice { arms: Vec<Node>, cum: Vec<f64> },
    /// A list of one element per item.
    Tuple(Vec<Node>),
    /// A float from `inner`, rounded to the nearest 32-bit float.
    Float32(Box<Node>),
}

/// How `one_of` picks its value.
pub(crate) enum Pick {
    /// Uniformly (`ctx.index(n)`, as the derive does).
    Uniform,
    /// By integer weights, as cumulative sums (as the derive's `pick_cumulative`).
    Cumulative(Vec<u64>),
    /// By float weights, as cumulative sums.
    Float(Vec<f64>),
    /// Distinct per row: a keyed permutation over the values.
    Unique,
}

/// How a ref picks the referenced row.
#[derive(Clone)]
pub(crate) enum RefPick {
    /// Uniformly among all rows.
    Uniform,
    /// An earlier row of the same entity (a self-reference as a tree).
    Tree,
    /// The digit of a composite unique key.
    Joint(Joint),
    /// By a children-per-parent distribution.
    Spread(std::sync::Arc<crate::plan::shape::Spread>),
    /// A row of the level before in a tree built in levels.
    Levels(std::sync::Arc<crate::plan::shape::Levels>),
}

/// A column's place in a composite unique key: the row's combination is a keyed permutation
/// of the row over `product` combinations, and this column's value index is
/// `combination / stride % size`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Joint {
    /// `name_hash` of the key's name: keys the permutation.
    pub hash: u64,
    /// The number of combinations.
    pub product: u128,
    /// The product of the sizes of the columns before this one.
    pub stride: u128,
    /// The size of this column's domain.
    pub size: u128,
}

impl Joint {
    /// This column's value index in row `row`; `path` is the entity's path.
    pub(crate) fn digit(&self, path: u64, row: u64) -> u128 {
        let key = datagen_core::seed::child_key(path, self.hash);
        let combination = datagen_core::permute::Permutation::new(self.product, key)
            .apply(u128::from(row) % self.product);
        combination / self.stride % self.size
    }
}

/// The values of a composite key column that is not a ref.
pub(crate) enum PartDomain {
    /// `lo + index * step`.
    Int { lo: i64, step: i64 },
    /// `values[index]`.
    Values(Vec<Value>),
    /// The `index`-th string of a regex.
    Regex(Box<Regex>),
    /// `index == 1`.
    Bool,
    /// The version-4 UUID whose 122 random bits are `index`.
    Uuid,
}

/// A compiled distribution.
pub(crate) enum Sampler {
    Normal(rand_distr::Normal<f64>),
    LogNormal(rand_distr::LogNormal<f64>),
    Exp(rand_distr::Exp<f64>),
    Poisson(rand_distr::Poisson<f64>),
    Zipf(rand_distr::Zipf<f64>),
    Pareto(rand_distr::Pareto<f64>),
    Beta(rand_distr::Beta<f64>),
    Gamma(rand_distr::Gamma<f64>),
}

impl Sampler {
    /// One draw.
    #[inline]
    pub(crate) fn sample(&self, ctx: &mut Ctx) -> f64 {
        match self {
            Sampler::Normal(d) => d.sample(ctx),
            Sampler::LogNormal(d) => d.sample(ctx),
            Sampler::Exp(d) => d.sample(ctx),
            Sampler::Poisson(d) => d.sample(ctx),
            Sampler::Zipf(d) => d.sample(ctx),
            Sampler::Pareto(d) => d.sample(ctx),
            Sampler::Beta(d) => d.sample(ctx),
            Sampler::Gamma(d) => d.sample(ctx),
        }
    }
}

impl Node {
    /// The sibling fields this one reads at the same row.
    pub(crate) fn deps(&self) -> Vec<usize> {
        match &self.kind {
            Kind::Template(pieces) => pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Field(i, _) => Some(*i),
                    Piece::Lit(_) => None,
                })
                .collect(),
            Kind::Offset { from, .. } => vec![*from],
            Kind::Lookup { by, .. } => vec![*by],
            Kind::Fit { inner, .. } => inner.deps(),
            Kind::Grouped { by, arms } => std::iter::once(*by)
                .chain(arms.iter().flat_map(Node::deps))
                .collect(),
            _ => Vec::new(),
        }
    }
}
