//! Checking field defaults against their types (specification 1.12, "Complex Types: Records"):
//! bytes and fixed as strings of code points 0-255, a union's default matching any branch,
//! records as objects whose missing fields have defaults of their own.

use serde_json::Value;

use super::Error;
use super::model::{NamedKind, Node, Prim, Ty};
use super::parse::Parser;

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
