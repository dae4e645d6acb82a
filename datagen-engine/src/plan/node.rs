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
            _ => Vec::new(),
        }
    }
}
