//! Integer limits against row counts: a key whose last value, or a ref whose parent's key
//! range, passes the largest value its column holds (a `SMALLINT` key of 40,000 rows) is an
//! error before anything is generated.

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::ir::{Gen, Schema};

/// The key a field's values come from: (entity index, first key); `None` when its values
/// are not keys.
fn key_source(
    schema: &Schema,
    by_name: &HashMap<&str, usize>,
    e: usize,
    g: &Gen,
) -> Option<(usize, i64)> {
    let key_of = |t: usize, field: &str| {
        schema.entities[t]
            .fields
            .iter()
            .find(|f| f.name == field)
            .and_then(|f| match f.generator {
                Gen::Key { start } => Some((t, start)),
                _ => None,
            })
    };
    match g {
        Gen::Key { start } => Some((e, *start)),
        Gen::Ref { entity, field } | Gen::Lookup { entity, field, .. } => {
            key_of(*by_name.get(entity.as_str())?, field)
        }
        Gen::TreeRef { field } => key_of(e, field),
        Gen::KeyPart { of, .. } | Gen::Shaped { of, .. } => key_source(schema, by_name, e, of),
        _ => None,
    }
}

/// Reports every limit of `schema` that the row counts `rows` pass.
pub(crate) fn check(
    schema: &Schema,
    rows: &[u64],
    by_name: &HashMap<&str, usize>,
    diags: &mut Vec<Diagnostic>,
) {
    for limit in &schema.limits {
        let Some(&e) = by_name.get(limit.entity.as_str()) else {
            continue;
        };
        let Some(f) = schema.entities[e]
            .fields
            .iter()
            .find(|f| f.name == limit.field)
        else {
            continue;
        };
        let Some((t, start)) = key_source(schema, by_name, e, &f.generator) else {
            continue;
        };
        let n = rows[t];
        if n == 0 {
            continue;
        }
        let last = i128::from(start) + i128::from(n) - 1;
        if last <= i128::from(limit.max) {
            continue;
        }
        let ty = limit
            .type_name
            .as_ref()
            .map_or_else(String::new, |t| format!(" ({t})"));
        let fits = (i128::from(limit.max) - i128::from(start) + 1).max(0);
        let target = &schema.entities[t].name;
        let (message, help) = if t == e && matches!(f.generator, Gen::Key { .. }) {
            (
                format!(
                    "key `{}.{}`{ty} holds at most {}, but {n} rows number it up to {last}",
                    limit.entity, limit.field, limit.max
                ),
                format!(
                    "generate at most {fits} rows of `{target}` (`--rows {target}={fits}`), or widen the column's type"
                ),
            )
        } else {
            (
                format!(
                    "column `{}.{}`{ty} holds at most {}, but it refers to the keys of `{target}`, which reach {last} for {n} rows",
                    limit.entity, limit.field, limit.max
                ),
                format!(
                    "generate at most {fits} rows of `{target}` (`--rows {target}={fits}`), or widen the type of `{}.{}`",
                    limit.entity, limit.field
                ),
            )
        };
        diags.push(Diagnostic::new(f.span, message).with_help(help));
    }
}
