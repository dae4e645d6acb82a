//! The value-drawing generators: `range` (with its type inferred from the bounds or declared),
//! `one_of` with `weights`, and the distributions with `clamp`.

use crate::config::field::Spec;
use crate::config::generator::typed_value;
use crate::config::read::Reader;
use crate::config::types::{guess_temporal, type_name, units};
use crate::config::yaml::{Kind, Node};
use crate::ir::{DataType, Dist, Gen, Value};

/// Reads `range: [lo, hi]`.
pub(crate) fn range(r: &mut Reader, spec: &Spec<'_>, v: &Node) -> Option<(Gen, DataType)> {
    let name = spec.name;
    let what = format!("`range` of field `{name}`");
    let (lo, hi) = r.pair(v, &what)?;
    let ty = match &spec.ty {
        Some(t) => t.clone(),
        None => infer_range(r, lo, hi, &what)?,
    };
    let shown = |a: &Node, b: &Node| {
        let show = |n: &Node| match n.kind {
            Kind::Str => format!("\"{}\"", n.text),
            _ => n.text.clone(),
        };
        format!("[{}, {}]", show(a), show(b))
    };
    match &ty {
        DataType::Float => {
            let (a, b) = (r.number(lo, &what), r.number(hi, &what));
            let (a, b) = (a?, b?);
            if a >= b {
                let help = if a > b {
                    "write the smaller bound first"
                } else {
                    "a float range excludes its upper bound; use `const` for one value"
                };
                r.err_help(
                    v.span,
                    format!(
                        "empty range {}) of field `{name}`",
                        shown(lo, hi).trim_end_matches(']')
                    ),
                    help,
                );
                return None;
            }
            Some((Gen::FloatRange { lo: a, hi: b }, ty))
        }
        DataType::Int
        | DataType::Decimal { .. }
        | DataType::Date
        | DataType::Time
        | DataType::Timestamp
        | DataType::TimestampTz => {
            let a = bound(r, lo, &ty, &what);
            let b = bound(r, hi, &ty, &what);
            let (a, b) = (a?, b?);
            if a > b {
                r.err_help(
                    v.span,
                    format!("empty range {} of field `{name}`", shown(lo, hi)),
                    "write the smaller bound first",
                );
                return None;
            }
            Some((Gen::IntRange { lo: a, hi: b }, ty))
        }
        _ => {
            let span = spec.get("type").map_or(v.span, |(k, _)| k.span);
            r.err_help(
                span,
                format!(
                    "field `{name}`: `range` does not apply to `type: {}`",
                    type_name(&ty)
                ),
                "ranges are of int, float, decimal, date, time, timestamp or timestamptz",
            );
            None
        }
    }
}

/// A bound in the integer units of `ty`.
fn bound(r: &mut Reader, n: &Node, ty: &DataType, what: &str) -> Option<i64> {
    let value = typed_value(r, n, ty, what)?;
    let found = units(&value);
    if found.is_none() {
        r.err(
            n.span,
            format!("{what}: a bound must be a value, found {}", n.describe()),
        );
    }
    found
}

/// The type of a range without `type`: integers, or floats if either bound is written as one.
fn infer_range(r: &mut Reader, lo: &Node, hi: &Node, what: &str) -> Option<DataType> {
    let numeric = |n: &Node| matches!(n.kind, Kind::Int(_) | Kind::BigInt | Kind::Float(_));
    if numeric(lo) && numeric(hi) {
        let float = matches!(lo.kind, Kind::Float(_)) || matches!(hi.kind, Kind::Float(_));
        return Some(if float {
            DataType::Float
        } else {
            DataType::Int
        });
    }
    if let (Some(a), Some(_)) = (lo.as_str(), hi.as_str()) {
        let help = guess_temporal(a).map_or_else(
            || {
                "add `type: date`, `time`, `timestamp` or `timestamptz`, or write numbers"
                    .to_string()
            },
            |t| format!("add `type: {t}`"),
        );
        r.err_help(
            lo.span,
            format!("the bounds of {what} are strings; `type` must say what they are"),
            help,
        );
        return None;
    }
    let bad = if numeric(lo) { hi } else { lo };
    r.err_help(
        bad.span,
        format!("{what}: a bound must be a number, found {}", bad.describe()),
        "write `[lo, hi]` with numbers (or dates with `type: date`)",
    );
    None
}

/// Reads `one_of: [...]` and its `weights`.
pub(crate) fn one_of(
    r: &mut Reader,
    spec: &Spec<'_>,
    which: &str,
    v: &Node,
) -> Option<(Gen, DataType)> {
    let name = spec.name;
    let what = format!("`{which}` of field `{name}`");
    let items = match v.as_seq() {
        Some([]) => {
            r.err_help(
                v.span,
                format!("{what} lists no values"),
                "list at least one value",
            );
            return None;
        }
        Some(items) => items,
        None => {
            r.err_help(
                v.span,
                format!("{what} must be a list, found {}", v.describe()),
                format!("write `{which}: [a, b, c]`"),
            );
            return None;
        }
    };
    let ty = match &spec.ty {
        Some(t) => Some(t.clone()),
        None => infer_items(r, items, v, &what),
    };
    let weights = weights(r, spec, items.len());
    let ty = ty?;
    let mut values = Vec::with_capacity(items.len());
    for item in items {
        values.push(typed_value(r, item, &ty, &what));
    }
    let values: Option<Vec<Value>> = values.into_iter().collect();
    Some((
        Gen::OneOf {
            values: values?,
            weights: weights?,
        },
        ty,
    ))
}

/// The type of `one_of` items: all integers, numbers (any float), strings or booleans.
fn infer_items(r: &mut Reader, items: &[Node], v: &Node, what: &str) -> Option<DataType> {
    let mut kinds: Vec<&str> = Vec::new();
    let mut float = false;
    let mut ok = true;
    for item in items {
        let kind = match item.kind {
            Kind::Null => continue,
            Kind::Int(_) | Kind::BigInt => "numbers",
            Kind::Float(_) => {
                float = true;
                "numbers"
            }
            Kind::Str => "strings",
            Kind::Bool(_) => "booleans",
            Kind::Seq(_) | Kind::Map(_) => {
                r.err_help(
                    item.span,
                    format!(
                        "{what}: each value must be a single value, found {}",
                        item.describe()
                    ),
                    "write numbers, strings or booleans",
                );
                ok = false;
                continue;
            }
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.len() > 1 {
        r.err_help(
            v.span,
            format!("{what} mixes {}", kinds.join(" and ")),
            "give the values one type: quote them all to make strings, or add `type`",
        );
        return None;
    }
    if !ok {
        return None;
    }
    Some(match kinds.first().copied() {
        Some("numbers") if float => DataType::Float,
        Some("numbers") => DataType::Int,
        Some("booleans") => DataType::Bool,
        _ => DataType::String,
    })
}

/// `weights`, one non-negative number per value: `Some(None)` when not written, `None` when
/// wrong.
fn weights(r: &mut Reader, spec: &Spec<'_>, count: usize) -> Option<Option<Vec<f64>>> {
    let name = spec.name;
    let Some((_, w)) = spec.get("weights") else {
        return Some(None);
    };
    let what = format!("`weights` of field `{name}`");
    let Some(items) = w.as_seq() else {
        r.err_help(
            w.span,
            format!("{what} must be a list of numbers, found {}", w.describe()),
            "write one weight per value, such as `weights: [1, 3, 6]`",
        );
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for item in items {
        match r.number(item, &what) {
            Some(x) if x < 0.0 => {
                r.err_help(
                    item.span,
                    format!("{what}: weight {} is negative", item.text),
                    "weights are relative: use 0 or more",
                );
                ok = false;
            }
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    if items.len() != count {
        r.err_help(
            w.span,
            format!(
                "field `{name}` has {} weights for {count} values",
                items.len()
            ),
            "give one weight per `one_of` value",
        );
        return None;
    }
    if ok && out.iter().all(|x| *x == 0.0) {
        r.err_help(
            w.span,
            format!("{what} are all zero"),
            "give at least one value a weight",
        );
        return None;
    }
    ok.then_some(Some(out))
}

/// Reads a distribution (`normal: {mean, std_dev}`, ...) and its `clamp`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(crate) fn distribution(
    r: &mut Reader,
    spec: &Spec<'_>,
    which: &str,
    v: &Node,
) -> Option<(Gen, DataType)> {
    use datagen_core::dist;
    let name = spec.name;
    let what = format!("`{which}` of field `{name}`");
    let ty = match &spec.ty {
        None if matches!(which, "poisson" | "zipf") => DataType::Int,
        None => DataType::Float,
        Some(t @ (DataType::Int | DataType::Float)) => t.clone(),
        Some(t) => {
            let span = spec.get("type").map_or(v.span, |(k, _)| k.span);
            r.err_help(
                span,
                format!(
                    "field `{name}`: `{which}` draws numbers, so `type: {}` does not apply",
                    type_name(t)
                ),
                "use `type: int` or `type: float`, or drop `type`",
            );
            return None;
        }
    };
    let clamp = clamp(r, spec);
    let (d, checked) = match which {
        "normal" => {
            let [mean, std_dev] = r.params(v, &what, ["mean", "std_dev"])?;
            (
                Dist::Normal { mean, std_dev },
                dist::normal(mean, std_dev).err(),
            )
        }
        "lognormal" => {
            let [mu, sigma] = r.params(v, &what, ["mu", "sigma"])?;
            (
                Dist::LogNormal { mu, sigma },
                dist::lognormal(mu, sigma).err(),
            )
        }
        "exponential" => {
            let [lambda] = r.params(v, &what, ["lambda"])?;
            (
                Dist::Exponential { lambda },
                dist::exponential(lambda).err(),
            )
        }
        "poisson" => {
            let [lambda] = r.params(v, &what, ["lambda"])?;
            (Dist::Poisson { lambda }, dist::poisson(lambda).err())
        }
        "zipf" => {
            let [n, s] = r.params(v, &what, ["n", "s"])?;
            if n.fract() != 0.0 || !(1.0..=9.0e15).contains(&n) {
                r.err(
                    v.span,
                    format!("{what}: `n` must be a whole number of at least 1, found {n}"),
                );
                return None;
            }
            (Dist::Zipf { n: n as u64, s }, dist::zipf(n, s).err())
        }
        "pareto" => {
            let [scale, shape] = r.params(v, &what, ["scale", "shape"])?;
            (
                Dist::Pareto { scale, shape },
                dist::pareto(scale, shape).err(),
            )
        }
        "beta" => {
            let [alpha, beta] = r.params(v, &what, ["alpha", "beta"])?;
            (Dist::Beta { alpha, beta }, dist::beta(alpha, beta).err())
        }
        _ => {
            let [shape, scale] = r.params(v, &what, ["shape", "scale"])?;
            (
                Dist::Gamma { shape, scale },
                dist::gamma(shape, scale).err(),
            )
        }
    };
    if let Some(e) = checked {
        r.err(v.span, format!("invalid {what}: {e}"));
        return None;
    }
    Some((
        Gen::Dist {
            dist: d,
            clamp: clamp?,
        },
        ty,
    ))
}

/// `clamp: [lo, hi]`: `Some(None)` when not written, `None` when wrong.
fn clamp(r: &mut Reader, spec: &Spec<'_>) -> Option<Option<(f64, f64)>> {
    let Some((_, c)) = spec.get("clamp") else {
        return Some(None);
    };
    let what = format!("`clamp` of field `{}`", spec.name);
    let (lo, hi) = r.pair(c, &what)?;
    let (a, b) = (r.number(lo, &what), r.number(hi, &what));
    let (a, b) = (a?, b?);
    if a > b {
        r.err_help(
            c.span,
            format!("{what}: empty range [{}, {}]", lo.text, hi.text),
            "write the smaller bound first",
        );
        return None;
    }
    Some(Some((a, b)))
}
