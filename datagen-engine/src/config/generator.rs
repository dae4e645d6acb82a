//! Reading one generator (`key`, `provider`, `ref`, `offset`, `fields`, `array`, ...) into a
//! [`Gen`] and its column type, and the default generator of a `type` written alone.

use crate::config::field::{Meta, PendingOffset, Spec, Unit, read_field, read_fields};
use crate::config::numeric;
use crate::config::read::Reader;
use crate::config::types::{type_name, value_of};
use crate::config::yaml::{Kind, Node};
use crate::ir::{DataType, Gen, Value};

/// The distribution generators.
pub(crate) const DISTRIBUTIONS: [&str; 8] = [
    "normal",
    "lognormal",
    "exponential",
    "pareto",
    "beta",
    "gamma",
    "poisson",
    "zipf",
];

/// Reads generator `which` (its key `key`, its value `v`).
pub(crate) fn read(
    r: &mut Reader,
    spec: &Spec<'_>,
    which: &str,
    key: &Node,
    v: &Node,
    meta: &mut Meta,
) -> Option<(Gen, DataType)> {
    let name = spec.name;
    match which {
        "key" | "sequence" => {
            only_types(r, spec, which, key, &[DataType::Int])?;
            if which == "key" {
                read_key(r, name, v)
            } else {
                read_sequence(r, name, v)
            }
        }
        "const" => read_const(r, spec, v),
        "provider" | "template" | "regex" => {
            only_types(r, spec, which, key, &[DataType::String])?;
            let text = r.string(v, &format!("`{which}` of field `{name}`"))?;
            string_gen(r, which, text, v).map(|g| (g, DataType::String))
        }
        "range" => numeric::range(r, spec, v),
        "one_of" => numeric::one_of(r, spec, which, v),
        "cycle" => numeric::one_of(r, spec, which, v).map(|(g, ty)| match g {
            Gen::OneOf { values, .. } => (Gen::Cycle(values), ty),
            other => (other, ty),
        }),
        "ref" | "lookup" | "offset" | "fields" | "array" => {
            if let Some((k, _)) = spec.get("type") {
                r.err_help(
                    k.span,
                    format!(
                        "field `{name}`: the type of a `{which}` field comes from what it reads"
                    ),
                    "drop `type`",
                );
                return None;
            }
            structural(r, spec, which, key, v, meta)
        }
        _ => numeric::distribution(r, spec, which, v),
    }
}

/// Reports a declared type that generator `which` cannot make (`None` if so).
fn only_types(
    r: &mut Reader,
    spec: &Spec<'_>,
    which: &str,
    key: &Node,
    allowed: &[DataType],
) -> Option<()> {
    match &spec.ty {
        Some(ty) if !allowed.contains(ty) => {
            let span = spec.get("type").map_or(key.span, |(k, _)| k.span);
            let makes = allowed
                .iter()
                .map(type_name)
                .collect::<Vec<_>>()
                .join(" or ");
            r.err_help(
                span,
                format!(
                    "field `{}`: `{which}` makes {makes} values, so `type: {}` does not apply",
                    spec.name,
                    type_name(ty)
                ),
                "drop `type`, or use a generator of that type",
            );
            None
        }
        _ => Some(()),
    }
}

fn read_key(r: &mut Reader, name: &str, v: &Node) -> Option<(Gen, DataType)> {
    let start = match &v.kind {
        Kind::Bool(true) => 1,
        Kind::Map(_) => {
            int_options(r, v, &format!("`key` of field `{name}`"), ["start"])?[0].unwrap_or(1)
        }
        _ => {
            r.err_help(
                v.span,
                format!(
                    "`key` of field `{name}` must be `true` or `{{start: N}}`, found {}",
                    v.describe()
                ),
                "write `key: true` (keys from 1) or `key: {start: 0}`",
            );
            return None;
        }
    };
    Some((Gen::Key { start }, DataType::Int))
}

fn read_sequence(r: &mut Reader, name: &str, v: &Node) -> Option<(Gen, DataType)> {
    let (start, step) = match &v.kind {
        Kind::Bool(true) | Kind::Null => (1, 1),
        Kind::Map(_) => {
            let [start, step] = int_options(
                r,
                v,
                &format!("`sequence` of field `{name}`"),
                ["start", "step"],
            )?;
            (start.unwrap_or(1), step.unwrap_or(1))
        }
        _ => {
            r.err_help(
                v.span,
                format!(
                    "`sequence` of field `{name}` must be a mapping, found {}",
                    v.describe()
                ),
                "write `sequence: {start: 1, step: 1}`",
            );
            return None;
        }
    };
    Some((Gen::Sequence { start, step }, DataType::Int))
}

/// Optional integer options of a mapping; `None` if anything is wrong.
fn int_options<const N: usize>(
    r: &mut Reader,
    v: &Node,
    what: &str,
    names: [&str; N],
) -> Option<[Option<i64>; N]> {
    let before = r.count();
    let mut out = [None; N];
    for (k, val) in r.map(v, what)? {
        let Some(key) = r.key_name(k) else { continue };
        match names.iter().position(|n| *n == key) {
            Some(i) => out[i] = r.int(val, &format!("`{key}` of {what}")),
            None => r.unknown_key(k, "option", what, &names),
        }
    }
    (r.count() == before).then_some(out)
}

fn read_const(r: &mut Reader, spec: &Spec<'_>, v: &Node) -> Option<(Gen, DataType)> {
    let name = spec.name;
    let inferred = match &v.kind {
        _ if spec.ty.is_some() => spec.ty.clone(),
        Kind::Null | Kind::Str => Some(DataType::String),
        Kind::Bool(_) => Some(DataType::Bool),
        Kind::Int(_) | Kind::BigInt => Some(DataType::Int),
        Kind::Float(_) => Some(DataType::Float),
        Kind::Seq(_) | Kind::Map(_) => None,
    };
    let Some(ty) = inferred else {
        r.err_help(
            v.span,
            format!(
                "`const` of field `{name}` must be one value, found {}",
                v.describe()
            ),
            "write a number, a string or a boolean",
        );
        return None;
    };
    match value_of(v, &ty) {
        Ok(value) => Some((Gen::Const(value), ty)),
        Err(e) => {
            r.err(v.span, format!("`const` of field `{name}`: {e}"));
            None
        }
    }
}

/// A provider, template or regex, checked as far as it can be alone.
fn string_gen(r: &mut Reader, which: &str, text: &str, v: &Node) -> Option<Gen> {
    match which {
        "provider" => {
            if datagen_providers::find_any(text).is_some() {
                return Some(Gen::Provider(text.to_string()));
            }
            let help = datagen_providers::suggest(text).map_or_else(
                || "`datagen providers` lists every provider".to_string(),
                |s| format!("did you mean `{s}`?"),
            );
            r.err_help(v.span, format!("unknown provider `{text}`"), help);
            None
        }
        "regex" => match datagen_core::regex::Regex::new(text) {
            Ok(_) => Some(Gen::Regex(text.to_string())),
            Err(e) => {
                r.err(v.span, format!("invalid regex `{text}`: {e}"));
                None
            }
        },
        _ => Some(Gen::Template(text.to_string())),
    }
}

/// `ref`, `lookup`, `offset`, `fields` and `array`: their types are resolved later.
fn structural(
    r: &mut Reader,
    spec: &Spec<'_>,
    which: &str,
    key: &Node,
    v: &Node,
    meta: &mut Meta,
) -> Option<(Gen, DataType)> {
    let name = spec.name;
    if !spec.top && matches!(which, "ref" | "lookup") {
        r.err_help(
            key.span,
            format!("field `{name}`: `{which}` works on an entity's own fields, not inside nested objects or arrays"),
            "move the field to the entity's `fields`",
        );
        return None;
    }
    match which {
        "ref" | "lookup" => {
            let target = read_target(r, which, name, v)?;
            let by = if which == "lookup" {
                let Some((_, b)) = spec.get("by") else {
                    r.err_help(
                        key.span,
                        format!("lookup field `{name}` has no `by`"),
                        "add `by: FIELD`, the `ref` field of this entity that picks the row",
                    );
                    return None;
                };
                meta.dep_span = b.span;
                Some(r.string(b, &format!("`by` of field `{name}`"))?)
            } else {
                None
            };
            let (entity, field) = target;
            let g = match by {
                Some(by) => Gen::Lookup {
                    entity,
                    field,
                    by: by.to_string(),
                },
                None => Gen::Ref { entity, field },
            };
            Some((g, DataType::Int))
        }
        "offset" => read_offset(r, name, v, meta),
        "fields" => {
            let (fields, metas) = read_fields(r, v, &format!("field `{name}`"), false);
            meta.children = metas;
            let ty = DataType::Struct(
                fields
                    .iter()
                    .map(|f| (f.name.clone(), f.ty.clone()))
                    .collect(),
            );
            Some((Gen::Object(fields), ty))
        }
        _ => read_array(r, name, v, meta),
    }
}

/// The entity and field a `ref` or `lookup` names: `entity.field`, or, for names that hold a
/// period, `{entity: NAME, field: NAME}`.
fn read_target(r: &mut Reader, which: &str, name: &str, v: &Node) -> Option<(String, String)> {
    let what = format!("`{which}` of field `{name}`");
    if !v.is_scalar() {
        let before = r.count();
        let (mut entity, mut field) = (None, None);
        for (k, val) in r.map(v, &what)? {
            match r.key_name(k) {
                Some("entity") => entity = r.string(val, &format!("`entity` of {what}")),
                Some("field") => field = r.string(val, &format!("`field` of {what}")),
                Some(_) => r.unknown_key(k, "option", &what, &["entity", "field"]),
                None => {}
            }
        }
        if r.count() != before {
            return None;
        }
        return match (entity, field) {
            (Some(e), Some(f)) => Some((e.to_string(), f.to_string())),
            _ => {
                r.err_help(
                    v.span,
                    format!("{what} needs both `entity` and `field`"),
                    "write for example `{entity: \"sales.person\", field: id}`",
                );
                None
            }
        };
    }
    let target = r.string(v, &what)?;
    match target.split_once('.') {
        Some((e, f)) if !e.is_empty() && !f.is_empty() && !f.contains('.') => {
            Some((e.to_string(), f.to_string()))
        }
        _ => {
            r.err_help(
                v.span,
                format!("{what} must name `entity.field`, found `{target}`"),
                "write for example `person.id`, or `{entity: NAME, field: NAME}` when a name holds a period",
            );
            None
        }
    }
}

fn read_offset(r: &mut Reader, name: &str, v: &Node, meta: &mut Meta) -> Option<(Gen, DataType)> {
    let what = format!("`offset` of field `{name}`");
    let before = r.count();
    let mut from = None;
    let mut amounts: Vec<(Unit, &Node, &Node)> = Vec::new();
    for (k, val) in r.map(v, &what)? {
        let Some(key) = r.key_name(k) else { continue };
        let unit = match key {
            "from" => {
                meta.dep_span = val.span;
                from = r.string(val, &format!("`from` of {what}"));
                continue;
            }
            "days" => Unit::Days,
            "seconds" => Unit::Seconds,
            "range" => Unit::Range,
            _ => {
                r.unknown_key(k, "option", &what, &["from", "days", "seconds", "range"]);
                continue;
            }
        };
        amounts.push((unit, k, val));
    }
    if r.count() != before {
        return None;
    }
    let Some(from) = from else {
        r.err_help(
            v.span,
            format!("{what} has no `from`"),
            "add `from: FIELD`, the field of this row it adds to",
        );
        return None;
    };
    let (unit, val) = match amounts.as_slice() {
        [(unit, _, val)] => (*unit, *val),
        [] => {
            r.err_help(
                v.span,
                format!("{what} has no amount"),
                "add `days: [lo, hi]`, `seconds: [lo, hi]` or `range: [lo, hi]`",
            );
            return None;
        }
        [_, (_, k, _), ..] => {
            r.err_help(
                k.span,
                format!("{what} has more than one amount"),
                "keep one of `days`, `seconds` and `range`",
            );
            return None;
        }
    };
    let (lo, hi) = if val.is_scalar() {
        (val, val)
    } else {
        r.pair(val, &format!("the amounts of {what}"))?
    };
    meta.offset = Some(PendingOffset {
        unit,
        lo: lo.clone(),
        hi: hi.clone(),
        span: val.span,
    });
    Some((
        Gen::Offset {
            from: from.to_string(),
            lo: 0,
            hi: 0,
        },
        DataType::Int,
    ))
}

fn read_array(r: &mut Reader, name: &str, v: &Node, meta: &mut Meta) -> Option<(Gen, DataType)> {
    let what = format!("`array` of field `{name}`");
    let before = r.count();
    let mut len = None;
    let mut item = None;
    for (k, val) in r.map(v, &what)? {
        let Some(key) = r.key_name(k) else { continue };
        match key {
            "len" => len = Some(lengths(r, val, &format!("`len` of {what}"))),
            "item" => item = Some((k, val)),
            _ => r.unknown_key(k, "option", &what, &["len", "item"]),
        }
    }
    let Some((k, spec)) = item else {
        r.err_help(
            v.span,
            format!("{what} has no `item`"),
            "add `item: SPEC`, how each element is drawn",
        );
        return None;
    };
    let (item, item_meta) = read_field(r, "item", k.span, spec, false);
    meta.children = vec![item_meta];
    let Some(len) = len else {
        r.err_help(
            v.span,
            format!("{what} has no `len`"),
            "add `len: N` or `len: [min, max]`",
        );
        return None;
    };
    let (min, max) = len?;
    if r.count() != before {
        return None;
    }
    let ty = DataType::List(Box::new(item.ty.clone()));
    Some((
        Gen::Array {
            min,
            max,
            item: Box::new(item),
        },
        ty,
    ))
}

/// A length `N` or `[min, max]`.
pub(crate) fn lengths(r: &mut Reader, v: &Node, what: &str) -> Option<(u32, u32)> {
    let (min, max) = if v.is_scalar() {
        let n = r.u32(v, what)?;
        (n, n)
    } else {
        let (lo, hi) = r.pair(v, what)?;
        (r.u32(lo, what)?, r.u32(hi, what)?)
    };
    if min > max {
        r.err_help(
            v.span,
            format!("{what}: empty range [{min}, {max}]"),
            "write the smaller bound first",
        );
        return None;
    }
    Some((min, max))
}

/// A value read with the declared type, or a report at the node.
pub(crate) fn typed_value(r: &mut Reader, v: &Node, ty: &DataType, what: &str) -> Option<Value> {
    match value_of(v, ty) {
        Ok(value) => Some(value),
        Err(e) => {
            r.err(v.span, format!("{what}: {e}"));
            None
        }
    }
}
