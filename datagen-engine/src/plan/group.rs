//! A/B groups: compiling and drawing the group field (exact shares by a keyed permutation of
//! the rows) and the fields whose spec differs per group.

use datagen_core::permute::Permutation;

use crate::chunk::{Column, Values};
use crate::diag::Diagnostic;
use crate::ir::{Field, Gen};
use crate::plan::compile::{Scope, node};
use crate::plan::node::{Kind, Node};

/// The number of rows of each group: `shares[k] * rows` rounded so they sum to `rows`
/// (largest remainder first, ties to the group written first).
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
pub(crate) fn counts(shares: &[f64], rows: u64) -> Vec<u64> {
    let total: f64 = shares.iter().sum();
    let exact: Vec<f64> = shares
        .iter()
        .map(|s| if total > 0.0 { s / total } else { 0.0 } * rows as f64)
        .collect();
    let mut counts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut left = rows.saturating_sub(counts.iter().sum());
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for &k in order.iter().cycle().take(order.len() * 2) {
        if left == 0 {
            break;
        }
        counts[k] += 1;
        left -= 1;
    }
    counts
}

/// The group field of an entity with `rows` rows.
pub(crate) fn compile_group(
    f: &Field,
    names: &[String],
    shares: &[f64],
    rows: u64,
    diags: &mut Vec<Diagnostic>,
) -> Kind {
    let sum: f64 = shares.iter().sum();
    if names.is_empty() || names.len() != shares.len() || (sum - 1.0).abs() > 1e-9 {
        diags.push(
            Diagnostic::new(
                f.span,
                format!(
                    "the groups of field `{}` have shares summing to {sum}, not 1",
                    f.name
                ),
            )
            .with_help("give each group a `share` so that they add up to 1"),
        );
    }
    let cum = counts(shares, rows)
        .into_iter()
        .scan(0u64, |s, c| {
            *s += c;
            Some(*s)
        })
        .collect();
    Kind::Group {
        names: names.to_vec(),
        cum,
        rows,
    }
}

/// A field with one spec per group, each compiled as the field itself.
// The arms compile as their field would, so this takes what `compile::node` takes.
#[allow(clippy::too_many_arguments)]
pub(crate) fn compile_grouped(
    f: &Field,
    by: &str,
    groups: &[String],
    arms: &[Field],
    names: &[&str],
    siblings: &[Field],
    scope: &Scope<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Kind {
    let at = names.iter().position(|n| *n == by);
    let group_names = at.and_then(|i| match &siblings[i].generator {
        Gen::Group { names, .. } => Some(names),
        _ => None,
    });
    let Some((by, _)) = at.zip(group_names.filter(|n| *n == groups)) else {
        diags.push(Diagnostic::new(
            f.span,
            format!(
                "field `{}` differs by group, but `{by}` is not the entity's group field with groups {}",
                f.name,
                groups.join(", ")
            ),
        ));
        return Kind::Const(crate::ir::Value::Null);
    };
    let mut nodes = Vec::with_capacity(arms.len());
    for arm in arms {
        if matches!(
            arm.generator,
            Gen::Ref { .. }
                | Gen::Lookup { .. }
                | Gen::TreeRef { .. }
                | Gen::KeyPart { .. }
                | Gen::Shaped { .. }
                | Gen::Group { .. }
                | Gen::Grouped { .. }
        ) {
            diags.push(
                Diagnostic::new(
                    arm.span,
                    format!(
                        "field `{}`: a group's spec cannot be a ref, a lookup or a key part",
                        f.name
                    ),
                )
                .with_help("override the field with a generator of its own values"),
            );
        }
        let arm = Field {
            name: f.name.clone(),
            ..arm.clone()
        };
        nodes.push(node(&arm, names, siblings, scope, true, diags));
    }
    Kind::Grouped { by, arms: nodes }
}

/// The group index of `row`, drawn by the group field at `path`.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn group_of(cum: &[u64], rows: u64, path: u64, row: u64) -> usize {
    if rows == 0 {
        return 0;
    }
    let place = Permutation::new(u128::from(rows), path).apply(u128::from(row % rows)) as u64;
    cum.iter()
        .position(|&c| place < c)
        .unwrap_or(cum.len().saturating_sub(1))
}

/// The arm of a grouped field for the row whose group name is value `at` of `groups`.
pub(crate) fn arm_of<'a>(arms: &'a [Node], by: &Node, groups: &Column, at: usize) -> &'a Node {
    let k = match (&by.kind, &groups.values) {
        (Kind::Group { names, .. }, Values::Str(s)) => {
            let name = s.get(at);
            names.iter().position(|n| n == name).unwrap_or(0)
        }
        _ => 0,
    };
    &arms[k.min(arms.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::counts;

    #[test]
    fn counts_are_exact_up_to_rounding() {
        assert_eq!(counts(&[0.5, 0.5], 10), vec![5, 5]);
        assert_eq!(counts(&[0.5, 0.5], 11), vec![6, 5]);
        assert_eq!(counts(&[0.2, 0.3, 0.5], 7), vec![1, 2, 4]);
        assert_eq!(counts(&[1.0 / 3.0; 3], 100).iter().sum::<u64>(), 100);
    }
}
