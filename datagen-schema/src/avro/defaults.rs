//! Field defaults: checked against their types (specification 1.12, "Complex Types: Records":
//! bytes and fixed as strings of code points 0-255, a union's default matching any branch,
//! records as objects whose missing fields have defaults of their own), and drawn in a share
//! of the rows of a field whose values nothing else shapes ([`favour`]).

use datagen_engine::ir::{Field, Gen, Value as IrValue};
use serde_json::Value;

use super::Error;
use super::build::Part;
use super::model::{FieldDef, NamedKind, Node, Prim, Ty};
use super::parse::Parser;
use super::scalar;

/// The share of rows that take a field's default, where `favour` applies: a default is
/// usually the most common value, but not the only one.
pub const DEFAULT_SHARE: f64 = 0.3;

/// `part`, the values of field `f` of record `record`, with the field's default drawn in
/// [`DEFAULT_SHARE`] of the non-null rows (the other rows as before).
///
/// Only where nothing else shapes the values: a default that is not null, of a boolean,
/// number or string without a logical type, or of an enum (the field's type, or the one
/// non-null branch of a union), with no `arg.properties` on the type and no values chosen by
/// the field's name from an open set (`email`, `price`, `...id`, `created_at`; a `status`
/// or `country` default is drawn, being one more category). An enum's own `default` is not
/// drawn more often: it is the symbol a reader falls back to for symbols it does not know
/// (typically `UNKNOWN`), not a common value.
pub(crate) fn favour(p: &Parser, f: &FieldDef, record: &str, part: Part) -> Part {
    let Some(value) = f
        .default
        .as_ref()
        .and_then(|d| default_value(p, &f.ty, d, record, &f.name))
    else {
        return part;
    };
    let arm = |generator: Gen| Field::new("", part.ty.clone(), generator);
    Part {
        generator: Gen::Choice {
            arms: vec![arm(Gen::Const(value)), arm(part.generator)],
            weights: Some(vec![DEFAULT_SHARE, 1.0 - DEFAULT_SHARE]),
        },
        ..part
    }
}

/// The IR value of `default` where [`favour`] applies to a field of type `n`.
fn default_value(
    p: &Parser,
    n: &Node,
    default: &Value,
    record: &str,
    name: &str,
) -> Option<IrValue> {
    let n = match &n.ty {
        Ty::Union(branches) => {
            let mut others = branches
                .iter()
                .filter(|b| !matches!(b.ty, Ty::Prim(Prim::Null)));
            match (others.next(), others.next()) {
                (Some(one), None) => one,
                _ => return None,
            }
        }
        _ => n,
    };
    if n.args.is_some() || n.logical.is_some() {
        return None;
    }
    match &n.ty {
        Ty::Prim(prim) if scalar::by_name(*prim, record, name) => None,
        Ty::Prim(Prim::Boolean) => default.as_bool().map(IrValue::Bool),
        Ty::Prim(Prim::Int | Prim::Long) => default.as_i64().map(IrValue::Int),
        // A `float` holds the default rounded to 32 bits.
        #[allow(clippy::cast_possible_truncation)]
        Ty::Prim(Prim::Float) => default
            .as_f64()
            .map(|x| IrValue::Float(f64::from(x as f32))),
        Ty::Prim(Prim::Double) => default.as_f64().map(IrValue::Float),
        Ty::Prim(Prim::String) => default.as_str().map(|s| IrValue::Str(s.to_owned())),
        Ty::Named(i) => {
            let named = &p.named[*i];
            match &named.kind {
                NamedKind::Enum { symbols, .. } if named.args.is_none() => default
                    .as_str()
                    .filter(|s| symbols.iter().any(|x| x == s))
                    .map(|s| IrValue::Str(s.to_owned())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Checks every field default the parser collected.
pub(crate) fn check(p: &Parser) -> Result<(), Error> {
    for (ty, value, loc) in &p.defaults {
        if let Err(why) = fits(p, ty, value, 0) {
            return Err(p
                .err(
                    loc,
                    format!(
                        "default {} does not match the field's type: {why}",
                        short(value)
                    ),
                )
                .help("give a default of the field's type, or remove it"));
        }
    }
    Ok(())
}

/// A value, cut for a message.
fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s,
    }
}

/// Whether `v` is a valid default of `n`; else why not.
fn fits(p: &Parser, n: &Node, v: &Value, depth: usize) -> Result<(), String> {
    if depth > 64 {
        return Err("the default nests too deeply".into());
    }
    let want = |ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(format!("expected {what}, found {}", short(v)))
        }
    };
    match &n.ty {
        Ty::Prim(Prim::Null) => want(v.is_null(), "null"),
        Ty::Prim(Prim::Boolean) => want(v.is_boolean(), "a boolean"),
        Ty::Prim(Prim::Int) => want(
            v.as_i64().is_some_and(|x| i32::try_from(x).is_ok()),
            "an integer in the `int` range",
        ),
        Ty::Prim(Prim::Long) => want(
            v.is_i64() || v.is_u64() && v.as_i64().is_some(),
            "an integer in the `long` range",
        ),
        Ty::Prim(Prim::Float | Prim::Double) => want(
            v.is_number() || matches!(v.as_str(), Some("NaN" | "Infinity" | "-Infinity")),
            "a number",
        ),
        Ty::Prim(Prim::Bytes) => want(is_byte_string(v, None), "a string of code points 0-255"),
        Ty::Prim(Prim::String) => want(v.is_string(), "a string"),
        Ty::Array(item) => match v {
            Value::Array(items) => items.iter().try_for_each(|x| fits(p, item, x, depth + 1)),
            _ => Err(format!("expected an array, found {}", short(v))),
        },
        Ty::Map(values) => match v {
            Value::Object(o) => o.values().try_for_each(|x| fits(p, values, x, depth + 1)),
            _ => Err(format!("expected an object, found {}", short(v))),
        },
        Ty::Union(branches) => {
            // Avro 1.12: a union's default may match any of its branches.
            let mut first = None;
            for b in branches {
                match fits(p, b, v, depth + 1) {
                    Ok(()) => return Ok(()),
                    Err(e) => {
                        first.get_or_insert(e);
                    }
                }
            }
            Err(format!(
                "it matches no branch of the union ({})",
                first.unwrap_or_default()
            ))
        }
        Ty::Named(i) => {
            let named = &p.named[*i];
            match &named.kind {
                NamedKind::Fixed { size } => want(
                    is_byte_string(v, Some(*size)),
                    &format!("a string of {size} code points 0-255"),
                ),
                NamedKind::Enum { symbols, .. } => want(
                    v.as_str().is_some_and(|s| symbols.iter().any(|x| x == s)),
                    &format!("one of the symbols of `{}`", named.full),
                ),
                NamedKind::Record(fields) => {
                    let Value::Object(o) = v else {
                        return Err(format!(
                            "expected an object for record `{}`, found {}",
                            named.full,
                            short(v)
                        ));
                    };
                    for f in fields {
                        match o.get(&f.name) {
                            Some(x) => fits(p, &f.ty, x, depth + 1)
                                .map_err(|e| format!("field `{}`: {e}", f.name))?,
                            None if f.default.is_some() => {}
                            None => {
                                return Err(format!(
                                    "field `{}` of record `{}` is missing and has no default",
                                    f.name, named.full
                                ));
                            }
                        }
                    }
                    Ok(())
                }
            }
        }
    }
}

/// Whether `v` is a string of code points 0-255 (of `len` of them when given).
fn is_byte_string(v: &Value, len: Option<usize>) -> bool {
    v.as_str().is_some_and(|s| {
        s.chars().all(|c| u32::from(c) <= 255) && len.is_none_or(|n| s.chars().count() == n)
    })
}
