//! Shaped refs: how many children each parent row gets (uniform, even or Zipf-skewed), and
//! trees built in levels with a bounded depth and a mean fan-out. Every pick is a pure
//! function of the child row's stream, so any row's parent is found without the rows before it.

use std::sync::Arc;

use datagen_core::Ctx;
use datagen_core::permute::Permutation;
use datagen_core::seed::{child_key, name_hash};
use rand_distr::Distribution;

use crate::diag::Diagnostic;
use crate::ir::{Children, Field, Gen, Value};
use crate::plan::compile::{Scope, ref_to, resolve};
use crate::plan::node::{Kind, RefPick};

/// The most levels a shaped tree may have.
pub(crate) const MAX_DEPTH: u32 = 10_000;

/// How one group of children picks among one range of parents.
#[derive(Clone, Debug)]
pub(crate) enum Spread {
    /// Uniformly among `count` parents.
    Uniform { count: u64 },
    /// Child `i` of `children` takes parent `perm(i) * count / children` (`perm` a keyed
    /// permutation of the children): exact counts.
    Even { count: u64, children: u64 },
    /// A Zipf rank over `count` parents, the ranks scattered by a keyed permutation.
    Zipf {
        zipf: rand_distr::Zipf<f64>,
        count: u64,
    },
}

impl Spread {
    /// The spread of `children` child rows (the child's index among them is given to
    /// [`Spread::pick`]) over `count` parents.
    fn new(how: Children, count: u64, children: u64) -> Result<Spread, String> {
        let count = count.max(1);
        Ok(match how {
            Children::Uniform => Spread::Uniform { count },
            Children::Even => Spread::Even {
                count,
                children: children.max(1),
            },
            #[allow(clippy::cast_precision_loss)]
            Children::Zipf { s } => Spread::Zipf {
                zipf: datagen_core::dist::zipf(count as f64, s)
                    .map_err(|e| e.to_string())?
                    .0,
                count,
            },
        })
    }

    /// The parent (an index below the spread's count) of the child at `index`; `key` keys
    /// the permutations.
    fn pick(&self, ctx: &mut Ctx, index: u64, key: u64) -> u64 {
        match self {
            Spread::Uniform { count } => ctx.below(*count),
            #[allow(clippy::cast_possible_truncation)]
            Spread::Even { count, children } => {
                let perm = Permutation::new(u128::from(*children), key);
                let i = perm.apply(u128::from(index % children));
                (i * u128::from(*count) / u128::from(*children)) as u64
            }
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            Spread::Zipf { zipf, count } => {
                let perm = Permutation::new(u128::from(*count), key);
                let rank = (zipf.sample(ctx) as u128).clamp(1, u128::from(*count)) - 1;
                perm.apply(rank) as u64
            }
        }
    }
}

/// A tree in levels: level `d` is rows `bounds[d]..bounds[d + 1]`; level 0 are the roots.
#[derive(Debug)]
pub(crate) struct Levels {
    /// Where each level starts, and the row count at the end.
    pub bounds: Vec<u64>,
    /// How level `d + 1`'s rows pick among level `d`'s.
    pub spreads: Vec<Spread>,
}

impl Levels {
    /// The level of `row` (below the row count).
    pub(crate) fn level(&self, row: u64) -> usize {
        self.bounds.partition_point(|&b| b <= row).saturating_sub(1)
    }

    /// The parent row of `row`, or `None` for a root; `key` keys the levels' permutations.
    pub(crate) fn parent(&self, ctx: &mut Ctx, row: u64, key: u64) -> Option<u64> {
        let d = self.level(row);
        if d == 0 {
            return None;
        }
        let index = row - self.bounds[d];
        let spread = &self.spreads[d - 1];
        Some(self.bounds[d - 1] + spread.pick(ctx, index, child_key(key, d as u64)))
    }
}

/// Where each level of a tree of `rows` rows starts (and `rows` at the end): `max_depth`
/// levels at most, each about `fan_out` times the one before.
pub(crate) fn level_bounds(rows: u64, max_depth: Option<u32>, fan_out: Option<f64>) -> Vec<u64> {
    if rows == 0 {
        return vec![0, 0];
    }
    #[allow(clippy::cast_precision_loss)]
    let n = rows as f64;
    // Rows held by `d` levels of one root growing by `k`.
    let held = |k: f64, d: u32| -> f64 {
        (0..d)
            .map(|i| k.powi(i32::try_from(i).unwrap_or(i32::MAX)))
            .sum()
    };
    let (roots, k, depth) = match (max_depth, fan_out) {
        (Some(d), Some(k)) => ((n / held(k, d)).ceil().max(1.0), k, d),
        (Some(d), None) => {
            // One tree: the smallest fan-out whose `d` levels hold every row.
            let (mut lo, mut hi) = (1.0, n.max(2.0));
            for _ in 0..100 {
                let mid = f64::midpoint(lo, hi);
                if held(mid, d) >= n {
                    hi = mid
                } else {
                    lo = mid
                }
            }
            (1.0, hi, d)
        }
        (None, k) => (1.0, k.unwrap_or(2.0), MAX_DEPTH),
    };
    let mut bounds = vec![0u64];
    let mut total = 0.0;
    for d in 0..depth {
        total += roots * k.powi(i32::try_from(d).unwrap_or(i32::MAX));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let end = (total.round() as u64).clamp(bounds[bounds.len() - 1] + 1, rows);
        let last = d + 1 == depth || end >= rows;
        bounds.push(if last { rows } else { end });
        if last {
            break;
        }
    }
    bounds
}

/// Compiles a shaped ref or tree ref.
pub(crate) fn shaped(
    f: &Field,
    of: &Gen,
    children: Children,
    depth: (Option<u32>, Option<f64>),
    scope: &Scope<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Kind {
    let entity = &scope.entities[scope.current].name;
    let at = |msg: String, help: &str| Diagnostic::new(f.span, msg).with_help(help.to_string());
    if let Children::Zipf { s } = children
        && !(s.is_finite() && s > 0.0)
    {
        diags.push(at(
            format!(
                "field `{}` of `{entity}`: a Zipf exponent must be above 0, found {s}",
                f.name
            ),
            "write for example `children: {zipf: 1.1}`",
        ));
        return Kind::Const(Value::Null);
    }
    let mut err = |d: Diagnostic| diags.push(d);
    match of {
        Gen::Ref {
            entity: target,
            field,
        } => {
            if depth != (None, None) {
                err(at(
                    format!(
                        "field `{}` of `{entity}`: `tree` applies to a ref into its own entity, not into `{target}`",
                        f.name
                    ),
                    "drop `tree`, or use `children` alone",
                ));
                return Kind::Const(Value::Null);
            }
            let Some((e, fi)) = resolve(target, field, f, scope, &mut err) else {
                return Kind::Const(Value::Null);
            };
            if children == Children::Uniform {
                return ref_to(e, fi, scope, RefPick::Uniform);
            }
            let own = scope.rows[scope.current];
            match Spread::new(children, scope.rows[e], own) {
                Ok(spread) => ref_to(e, fi, scope, RefPick::Spread(Arc::new(spread))),
                Err(why) => {
                    err(at(
                        format!("field `{}` of `{entity}`: {why}", f.name),
                        "check `children`",
                    ));
                    Kind::Const(Value::Null)
                }
            }
        }
        Gen::TreeRef { field } => {
            if let (Some(d), _) = depth
                && !(1..=MAX_DEPTH).contains(&d)
            {
                err(at(
                    format!(
                        "field `{}` of `{entity}`: `max_depth` must be from 1 to {MAX_DEPTH}, found {d}",
                        f.name
                    ),
                    "give the most levels of the tree, roots included",
                ));
                return Kind::Const(Value::Null);
            }
            if let (_, Some(k)) = depth
                && !(k.is_finite() && k >= 1.0 && (k > 1.0 || depth.0.is_some()))
            {
                err(at(
                    format!(
                        "field `{}` of `{entity}`: `fan_out` must be at least 1 (above 1 without `max_depth`), found {k}",
                        f.name
                    ),
                    "give the mean number of children of a row that has any",
                ));
                return Kind::Const(Value::Null);
            }
            let Some((e, fi)) = resolve(entity, field, f, scope, &mut err) else {
                return Kind::Const(Value::Null);
            };
            let rows = scope.rows[scope.current];
            let bounds = level_bounds(rows, depth.0, depth.1);
            let mut spreads = Vec::with_capacity(bounds.len());
            for w in bounds.windows(3) {
                match Spread::new(children, w[1] - w[0], w[2] - w[1]) {
                    Ok(s) => spreads.push(s),
                    Err(why) => {
                        err(at(
                            format!("field `{}` of `{entity}`: {why}", f.name),
                            "check `children`",
                        ));
                        return Kind::Const(Value::Null);
                    }
                }
            }
            let levels = Levels { bounds, spreads };
            ref_to(e, fi, scope, RefPick::Levels(Arc::new(levels)))
        }
        _ => {
            err(at(
                format!(
                    "field `{}` of `{entity}`: `children` and `tree` shape a ref",
                    f.name
                ),
                "use them with `ref: ENTITY.FIELD`",
            ));
            Kind::Const(Value::Null)
        }
    }
}

/// The parent row a shaped pick gives child `row`, `None` for a tree's root; `path` is the
/// field's stream path, which keys the permutations.
pub(crate) fn pick(pick: &RefPick, ctx: &mut Ctx, path: u64, row: u64) -> Option<u64> {
    let key = child_key(path, name_hash("children"));
    match pick {
        RefPick::Spread(s) => Some(s.pick(ctx, row, key)),
        RefPick::Levels(l) => l.parent(ctx, row, key),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::level_bounds;

    #[test]
    fn levels_grow_by_the_fan_out_and_stop_at_the_depth() {
        assert_eq!(
            level_bounds(1111, Some(4), Some(10.0)),
            [0, 1, 11, 111, 1111]
        );
        assert_eq!(
            level_bounds(2222, Some(4), Some(10.0)),
            [0, 2, 22, 222, 2222]
        );
        assert_eq!(level_bounds(100, None, Some(3.0)), [0, 1, 4, 13, 40, 100]);
        let one_tree = level_bounds(1000, Some(4), None);
        assert_eq!(one_tree.len(), 5, "{one_tree:?}");
        assert_eq!(one_tree[1], 1, "one root");
        assert_eq!(level_bounds(10, Some(5), Some(1.0)), [0, 2, 4, 6, 8, 10]);
        assert_eq!(level_bounds(1, Some(3), None), [0, 1]);
    }
}
