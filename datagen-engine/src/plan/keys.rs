//! Compiling the relational generators: composite unique keys, self-references as trees and
//! length-capped (optionally widened unique) strings.

use datagen_core::regex::Regex;
use datagen_core::seed::name_hash;

use crate::diag::Diagnostic;
use crate::ir::{DataType, Field, Gen, Value};
use crate::plan::compile::{Scope, ref_to, resolve};
use crate::plan::node::{Joint, Kind, Node, PartDomain, RefPick};

/// `field` of an earlier row of this entity.
pub(crate) fn tree_ref(
    f: &Field,
    field: &str,
    scope: &Scope<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Kind {
    let entity = &scope.entities[scope.current].name;
    let mut err = |d: Diagnostic| diags.push(d);
    match resolve(entity, field, f, scope, &mut err) {
        Some((e, fi)) => ref_to(e, fi, scope, RefPick::Tree),
        None => Kind::Const(Value::Null),
    }
}

/// The size of a key column's domain, without reporting anything (its own field reports).
fn size(of: &Gen, ty: &DataType, scope: &Scope<'_>) -> Option<u128> {
    match of {
        Gen::Ref { entity, .. } => scope
            .by_name
            .get(entity.as_str())
            .map(|&e| u128::from(scope.rows[e])),
        Gen::IntRange { lo, hi } if hi >= lo => {
            let step = step(ty, *lo, *hi);
            u128::try_from((i128::from(*hi) - i128::from(*lo)) / i128::from(step) + 1).ok()
        }
        Gen::OneOf { values, .. } if !values.is_empty() => Some(values.len() as u128),
        Gen::Regex(p) => Regex::new(p).ok().map(|re| re.count().unwrap_or(u128::MAX)),
        Gen::Bool { .. } => Some(2),
        Gen::Uuid => Some(1 << 122),
        _ => None,
    }
}

/// Whole seconds for times and timestamps whose bounds are whole seconds, as `IntRange` draws.
pub(crate) fn step(ty: &DataType, lo: i64, hi: i64) -> i64 {
    if matches!(
        ty,
        DataType::Time | DataType::Timestamp | DataType::TimestampTz
    ) && lo % 1_000_000 == 0
        && hi % 1_000_000 == 0
    {
        1_000_000
    } else {
        1
    }
}

/// One column of the composite unique key `key`.
pub(crate) fn key_part(
    f: &Field,
    key: &str,
    of: &Gen,
    siblings: &[Field],
    scope: &Scope<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Kind {
    let entity = &scope.entities[scope.current].name;
    let rows = scope.rows[scope.current];
    let group: Vec<&Field> = siblings
        .iter()
        .filter(|s| matches!(&s.generator, Gen::KeyPart { key: k, .. } if k == key))
        .collect();
    let Some(own) = size(of, &f.ty, scope) else {
        diags.push(
            Diagnostic::new(
                f.span,
                format!(
                    "field `{}` of `{entity}`: a column of the composite key `{key}` must be a ref, an integer range, one_of, a regex, a bool or a uuid",
                    f.name
                ),
            )
            .with_help("give the column a bounded domain"),
        );
        return Kind::Const(Value::Null);
    };
    let mut product: u128 = 1;
    let mut stride: u128 = 1;
    for s in &group {
        let Gen::KeyPart { of: o, .. } = &s.generator else {
            continue;
        };
        let n = size(o, &s.ty, scope).unwrap_or(1);
        if s.name == f.name {
            stride = product;
        }
        product = product.saturating_mul(n);
    }
    let first = group.first().is_some_and(|g| g.name == f.name);
    if first && u128::from(rows) > product {
        let names: Vec<&str> = group.iter().map(|g| g.name.as_str()).collect();
        diags.push(
            Diagnostic::new(
                f.span,
                format!(
                    "the unique key `{key}` ({}) of `{entity}` has {product} combinations of values, fewer than the {rows} rows",
                    names.join(", ")
                ),
            )
            .with_help(format!(
                "generate at most {product} rows of `{entity}`, or give the referenced tables more rows"
            )),
        );
    }
    let joint = Joint {
        hash: name_hash(key),
        product: product.max(1),
        stride,
        size: own.max(1),
    };
    let mut err = |d: Diagnostic| diags.push(d);
    match of {
        Gen::Ref {
            entity: target,
            field,
        } => match resolve(target, field, f, scope, &mut err) {
            Some((e, fi)) => ref_to(e, fi, scope, RefPick::Joint(joint)),
            None => Kind::Const(Value::Null),
        },
        Gen::IntRange { lo, hi } => Kind::Part {
            joint,
            domain: PartDomain::Int {
                lo: *lo,
                step: step(&f.ty, *lo, *hi),
            },
        },
        Gen::OneOf { values, .. } => Kind::Part {
            joint,
            domain: PartDomain::Values(values.clone()),
        },
        Gen::Regex(p) => match Regex::new(p) {
            Ok(re) => Kind::Part {
                joint,
                domain: PartDomain::Regex(Box::new(re)),
            },
            Err(e) => {
                err(Diagnostic::new(
                    f.span,
                    format!("invalid regex of field `{}`: {e}", f.name),
                ));
                Kind::Const(Value::Null)
            }
        },
        Gen::Uuid => Kind::Part {
            joint,
            domain: PartDomain::Uuid,
        },
        _ => Kind::Part {
            joint,
            domain: PartDomain::Bool,
        },
    }
}

/// A string cut to `max` characters; a unique field is widened with a row number.
pub(crate) fn fit(
    f: &Field,
    inner: Node,
    max: u32,
    rows: u64,
    diags: &mut Vec<Diagnostic>,
) -> Kind {
    let suffix = f.unique.then(|| digits(rows.saturating_sub(1)));
    if let Some(width) = suffix
        && width > max as usize
    {
        diags.push(
            Diagnostic::new(
                f.span,
                format!(
                    "unique field `{}` holds at most {max} characters, too few for {rows} distinct values",
                    f.name
                ),
            )
            .with_help("widen the column or generate fewer rows"),
        );
    }
    Kind::Fit {
        inner: Box::new(inner),
        max,
        suffix,
    }
}

/// The number of decimal digits of `n`.
fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Appends value `index` of a key column's domain.
pub(crate) fn push_part(domain: &PartDomain, index: u128, scale: u8, out: &mut crate::Column) {
    match domain {
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        PartDomain::Int { lo, step } => {
            out.push_int(lo.wrapping_add((index as i64).wrapping_mul(*step)));
        }
        #[allow(clippy::cast_possible_truncation)]
        PartDomain::Values(values) => out.push_value(&values[index as usize], scale),
        PartDomain::Regex(re) => {
            re.nth(index, out.str_buf());
            out.end_str();
        }
        PartDomain::Bool => out.push_bool(index == 1),
        PartDomain::Uuid => out.push_uuid(uuid_v4(index)),
    }
}

/// The version-4 UUID carrying the 122 bits of `index` around its version and variant bits: a
/// bijection from `0..2^122` onto the version-4 UUIDs.
fn uuid_v4(index: u128) -> u128 {
    let high = (index >> 74) & ((1 << 48) - 1);
    let mid = (index >> 62) & 0xfff;
    let low = index & ((1 << 62) - 1);
    (high << 80) | (0x4 << 76) | (mid << 64) | (0b10 << 62) | low
}

#[cfg(test)]
mod tests {
    use super::uuid_v4;

    #[test]
    fn uuid_indexes_are_version_4_and_distinct() {
        let ids: Vec<u128> = [0, 1, (1 << 62) - 1, 1 << 62, 1 << 74, (1 << 122) - 1]
            .into_iter()
            .map(uuid_v4)
            .collect();
        for id in &ids {
            let u = uuid::Uuid::from_u128(*id);
            assert_eq!(u.get_version_num(), 4);
            assert_eq!(u.get_variant(), uuid::Variant::RFC4122);
        }
        let distinct: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
    }
}
