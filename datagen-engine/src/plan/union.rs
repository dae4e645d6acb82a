//! Tagged unions, maps with distinct keys, choices between specs, constant lists and 32-bit
//! floats: compiled from their IR specs, and drawn value by value.

use datagen_core::Ctx;
use datagen_core::private::element;
use datagen_core::seed::child_key;

use crate::chunk::{Column, Values};
use crate::diag::Diagnostic;
use crate::ir::{DataType, Field, Gen};
use crate::plan::compile::{self, Scope};
use crate::plan::fill::draw;
use crate::plan::node::{Kind, Node};

/// Tries at drawing a map key not already in the map before the entry's index is appended.
const KEY_TRIES: usize = 16;

/// Compiles a nested field (a branch, an arm, an item) in its own scope.
fn nested(f: &Field, scope: &Scope<'_>, diags: &mut Vec<Diagnostic>) -> Node {
    let names = [f.name.as_str()];
    compile::node(f, &names, std::slice::from_ref(f), scope, false, diags)
}

/// Cumulative sums of `weights` (`n` of them, `None`: uniform), or an error message (for no
/// choices at all too: nothing could be drawn).
fn cumulative(weights: Option<&[f64]>, n: usize) -> Result<Vec<f64>, String> {
    if n == 0 {
        return Err("there is nothing to choose from".into());
    }
    let Some(w) = weights else {
        #[allow(clippy::cast_precision_loss)]
        return Ok((1..=n).map(|i| i as f64).collect());
    };
    if w.len() != n {
        return Err(format!("{} weights for {n} choices", w.len()));
    }
    if w.iter().any(|x| *x < 0.0 || !x.is_finite()) || w.iter().sum::<f64>() <= 0.0 {
        return Err("weights must be non-negative and not all zero".into());
    }
    Ok(w.iter()
        .scan(0.0, |s, x| {
            *s += x;
            Some(*s)
        })
        .collect())
}

/// The cumulative weights of `f`'s `n` choices (a `what` field), or `None` with the error.
fn weighted(
    f: &Field,
    what: &str,
    weights: Option<&[f64]>,
    n: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<f64>> {
    cumulative(weights, n)
        .map_err(|e| {
            diags.push(Diagnostic::new(
                f.span,
                format!("{what} field `{}`: {e}", f.name),
            ))
        })
        .ok()
}

/// The index whose cumulative weight holds a uniform draw (a zero weight is never picked).
fn pick(ctx: &mut Ctx, cum: &[f64]) -> usize {
    if cum.len() == 1 {
        return 0;
    }
    let total = cum.last().copied().unwrap_or(1.0);
    let x = ctx.range(0.0..total);
    cum.iter().position(|s| x < *s).unwrap_or(cum.len() - 1)
}

/// Compiles `f`'s union, map, choice, tuple or 32-bit float spec.
pub(crate) fn compile(f: &Field, scope: &Scope<'_>, diags: &mut Vec<Diagnostic>) -> Kind {
    let mut err = |msg: String| diags.push(Diagnostic::new(f.span, msg));
    let fallback = Kind::Const(crate::ir::Value::Null);
    match &f.generator {
        Gen::Union { branches, weights } => {
            let members_match = matches!(&f.ty, DataType::Struct(m)
                if m.len() == branches.len()
                    && m.iter().zip(branches).all(|((n, t), b)| *n == b.name && *t == b.ty));
            if !members_match {
                err(format!(
                    "union field `{}`: its type must be a struct with one member per branch, named and typed as the branches",
                    f.name
                ));
                return fallback;
            }
            let Some(cum) = weighted(f, "union", Some(weights), branches.len(), diags) else {
                return fallback;
            };
            let branches = branches.iter().map(|b| nested(b, scope, diags)).collect();
            Kind::Union { branches, cum }
        }
        Gen::Map {
            min,
            max,
            key,
            value,
        } => {
            let shaped = matches!(&f.ty, DataType::List(item)
                if matches!(item.as_ref(), DataType::Struct(m)
                    if m.len() == 2 && m[0] == ("key".to_owned(), DataType::String)
                        && m[1].0 == "value" && m[1].1 == value.ty));
            if !shaped || key.ty != DataType::String {
                err(format!(
                    "map field `{}`: its type must be a list of structs `key` (string) and `value` (the value's type)",
                    f.name
                ));
                return fallback;
            }
            Kind::Map {
                min: *min,
                max: (*max).max(*min),
                key: Box::new(nested(key, scope, diags)),
                value: Box::new(nested(value, scope, diags)),
            }
        }
        Gen::Choice { arms, weights } => {
            if arms.iter().any(|a| a.ty != f.ty) {
                err(format!(
                    "choice field `{}`: every arm must have the field's type",
                    f.name
                ));
                return fallback;
            }
            let Some(cum) = weighted(f, "choice", weights.as_deref(), arms.len(), diags) else {
                return fallback;
            };
            let arms = arms.iter().map(|a| nested(a, scope, diags)).collect();
            Kind::Choice { arms, cum }
        }
        Gen::Tuple(items) => {
            if !matches!(&f.ty, DataType::List(t) if items.iter().all(|i| i.ty == **t)) {
                err(format!(
                    "list field `{}`: every element must have the list's item type",
                    f.name
                ));
                return fallback;
            }
            Kind::Tuple(items.iter().map(|i| nested(i, scope, diags)).collect())
        }
        Gen::Float32(inner) => {
            if f.ty != DataType::Float {
                err(format!(
                    "field `{}`: 32-bit floats need a float type",
                    f.name
                ));
                return fallback;
            }
            let inner = Field {
                generator: (**inner).clone(),
                null_rate: 0.0,
                unique: false,
                ..f.clone()
            };
            Kind::Float32(Box::new(nested(&inner, scope, diags)))
        }
        _ => unreachable!("only called for unions, maps, choices, tuples and 32-bit floats"),
    }
}

/// Draws one union value: the picked branch in its scope, every other member null.
pub(crate) fn draw_union(
    branches: &[Node],
    cum: &[f64],
    ctx: &mut Ctx,
    path: u64,
    row: u64,
    out: &mut Column,
) {
    let k = pick(ctx, cum);
    let Values::Struct(children) = &mut out.values else {
        unreachable!("a union field has a struct column")
    };
    for (j, (branch, column)) in branches.iter().zip(children.iter_mut()).enumerate() {
        if j == k {
            let branch_path = child_key(path, branch.hash);
            ctx.__seek(branch_path, row);
            draw(branch, ctx, branch_path, row, column, &[], &[], 0);
        } else {
            column.push_null();
        }
    }
    out.end_struct();
}

/// Draws one value of the arm a weighted pick chooses, in the field's own scope.
pub(crate) fn draw_choice(
    arms: &[Node],
    cum: &[f64],
    ctx: &mut Ctx,
    path: u64,
    row: u64,
    out: &mut Column,
) {
    let k = pick(ctx, cum);
    draw(&arms[k], ctx, path, row, out, &[], &[], 0);
}

/// Draws one constant list: element `i` from `items[i]`, each at its element's path.
pub(crate) fn draw_tuple(items: &[Node], ctx: &mut Ctx, path: u64, row: u64, out: &mut Column) {
    let Values::List { items: column, .. } = &mut out.values else {
        unreachable!("a list field has a list column")
    };
    for (e, item) in items.iter().enumerate() {
        let item_path = child_key(path, element(e));
        ctx.__seek(item_path, row);
        draw(item, ctx, item_path, row, column, &[], &[], 0);
    }
    out.end_list();
}

/// Draws one float from `inner` and rounds it to the nearest 32-bit float.
pub(crate) fn draw_f32(inner: &Node, ctx: &mut Ctx, path: u64, row: u64, out: &mut Column) {
    draw(inner, ctx, path, row, out, &[], &[], 0);
    if let Values::Float(v) = &mut out.values
        && let Some(x) = v.last_mut()
    {
        #[allow(clippy::cast_possible_truncation)]
        let rounded = f64::from(*x as f32);
        *x = rounded;
    }
}

/// Draws one map: `min..=max` entries, each a key not already in this map and a value.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_map(
    min: u32,
    max: u32,
    key: &Node,
    value: &Node,
    ctx: &mut Ctx,
    path: u64,
    row: u64,
    out: &mut Column,
) {
    let len = min + ctx.range(0..=max - min);
    let Values::List { items, .. } = &mut out.values else {
        unreachable!("a map field has a list column")
    };
    let first = items.len();
    for e in 0..len as usize {
        let Values::Struct(kv) = &mut items.values else {
            unreachable!("a map's entries are structs")
        };
        let [keys, values] = kv.as_mut_slice() else {
            unreachable!("a map's entries have a key and a value")
        };
        let entry = child_key(path, element(e));
        let key_path = child_key(entry, key.hash);
        ctx.__seek(key_path, row);
        for _ in 0..KEY_TRIES {
            draw(key, ctx, key_path, row, keys, &[], &[], 0);
            if !repeats(keys, first) {
                break;
            }
            pop_str(keys);
        }
        if keys.len() == first + e {
            // Every try repeated a key: the last one, made distinct with the entry's index.
            draw(key, ctx, key_path, row, keys, &[], &[], 0);
            while repeats(keys, first) {
                if let Values::Str(s) = &mut keys.values {
                    s.data.push('-');
                    s.data.push_str(itoa::Buffer::new().format(e));
                    *s.offsets.last_mut().expect("a key was just pushed") =
                        i32::try_from(s.data.len()).expect("a chunk's text fits in 2 GiB");
                }
            }
        }
        let value_path = child_key(entry, value.hash);
        ctx.__seek(value_path, row);
        draw(value, ctx, value_path, row, values, &[], &[], 0);
        items.end_struct();
    }
    out.end_list();
}

/// Whether the last key of `keys` equals one of the keys from `first` on.
fn repeats(keys: &Column, first: usize) -> bool {
    let Values::Str(s) = &keys.values else {
        return false;
    };
    let last = s.len() - 1;
    (first..last).any(|i| s.get(i) == s.get(last))
}

/// Removes the last string of a string column (a key drawn again).
fn pop_str(keys: &mut Column) {
    if let Values::Str(s) = &mut keys.values {
        s.offsets.pop();
        let end = s.offsets.last().copied().unwrap_or(0) as usize;
        s.data.truncate(end);
    }
    if let Some(v) = &mut keys.validity {
        v.pop();
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::{DataType, Entity, Field, Gen, Schema, Span};
    use crate::{Plan, Settings};

    /// The error of planning one entity with the one field `f`.
    fn plan_error(f: Field) -> String {
        let schema = Schema {
            entities: vec![Entity {
                name: "t".into(),
                rows: 3,
                fields: vec![f],
                span: Span::default(),
                document: false,
                avro_schema: None,
            }],
            ..Schema::default()
        };
        match Plan::new(&schema, &Settings::default()) {
            Ok(_) => panic!("the plan is refused"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_union_or_choice_with_nothing_to_draw_is_an_error_not_a_panic() {
        let union = Gen::Union {
            branches: Vec::new(),
            weights: Vec::new(),
        };
        let err = plan_error(Field::new("u", DataType::Struct(Vec::new()), union));
        assert!(
            err.contains("union field `u`: there is nothing to choose from"),
            "{err}"
        );
        let choice = Gen::Choice {
            arms: Vec::new(),
            weights: None,
        };
        let err = plan_error(Field::new("c", DataType::Int, choice));
        assert!(
            err.contains("choice field `c`: there is nothing to choose from"),
            "{err}"
        );
    }
}
