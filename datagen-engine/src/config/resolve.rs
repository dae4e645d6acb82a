//! The types of fields that read other fields (`ref`, `lookup`, `offset`), resolved once every
//! entity is read, and offsets' amounts converted to the `from` field's unit.
//!
//! Each such field reads exactly one other field, so a type is found by walking a chain, without
//! recursion; a chain that loops through a `ref` or `lookup` is reported as a cycle (loops
//! through offsets alone are reported by the checks of the level).

use crate::config::EntityMeta;
use crate::config::field::{Meta, PendingOffset, Unit};
use crate::config::read::Reader;
use crate::config::types::{DAY_MICROS, decimal_units, type_name};
use crate::ir::{DataType, Field, Gen, Schema};

/// Resolves every type and offset of `schema`, reporting into `r`.
pub(crate) fn run(r: &mut Reader, schema: &mut Schema, metas: &mut [EntityMeta]) {
    // Nested levels first: they hold no refs or lookups, only offsets among siblings.
    for (e, em) in schema.entities.iter_mut().zip(metas.iter_mut()) {
        for (f, m) in e.fields.iter_mut().zip(em.fields.iter_mut()) {
            nested(r, f, m);
        }
    }
    let types = top_types(r, schema, metas);
    for (ei, e) in schema.entities.iter_mut().enumerate() {
        for (fi, f) in e.fields.iter_mut().enumerate() {
            if metas[ei].fields[fi].broken || !derived(&f.generator) {
                continue;
            }
            f.ty = types[ei][fi].clone().unwrap_or(DataType::String);
        }
        let owner = format!("`{}`", e.name);
        let known: Vec<bool> = types[ei].iter().map(Option::is_some).collect();
        finish_offsets(r, &owner, &mut e.fields, &metas[ei].fields, &known);
    }
}

/// Whether a field's type comes from another field.
fn derived(g: &Gen) -> bool {
    matches!(g, Gen::Ref { .. } | Gen::Lookup { .. } | Gen::Offset { .. })
}

/// Resolves the levels nested in `f` and refreshes its struct or list type.
fn nested(r: &mut Reader, f: &mut Field, m: &mut Meta) {
    if m.broken {
        return;
    }
    let owner = format!("field `{}`", f.name);
    match &mut f.generator {
        Gen::Object(children) => {
            for (c, cm) in children.iter_mut().zip(m.children.iter_mut()) {
                nested(r, c, cm);
            }
            let known = level_offsets(children, &m.children);
            finish_offsets(r, &owner, children, &m.children, &known);
            f.ty = DataType::Struct(
                children
                    .iter()
                    .map(|c| (c.name.clone(), c.ty.clone()))
                    .collect(),
            );
        }
        Gen::Array { item, .. } => {
            if let Some(cm) = m.children.first_mut() {
                nested(r, item, cm);
            }
            let level = std::slice::from_mut(item.as_mut());
            let known = level_offsets(level, &m.children);
            finish_offsets(r, &owner, level, &m.children, &known);
            f.ty = DataType::List(Box::new(item.ty.clone()));
        }
        _ => {}
    }
}

/// The types of a nested level's offsets: each the type its chain of `from`s ends at. Returns
/// which fields' types are known.
fn level_offsets(fields: &mut [Field], metas: &[Meta]) -> Vec<bool> {
    let index = |fields: &[Field], n: &str| fields.iter().position(|f| f.name == n);
    let mut known = vec![true; fields.len()];
    for i in 0..fields.len() {
        if !matches!(fields[i].generator, Gen::Offset { .. })
            || metas.get(i).is_none_or(|m| m.broken)
        {
            continue;
        }
        let mut cur = i;
        let mut ty = None;
        for _ in 0..=fields.len() {
            match &fields[cur].generator {
                Gen::Offset { from, .. } => match index(fields, from) {
                    Some(j) if metas.get(j).is_some_and(|m| !m.broken) => cur = j,
                    _ => break,
                },
                _ => {
                    ty = Some(fields[cur].ty.clone());
                    break;
                }
            }
        }
        known[i] = ty.is_some();
        fields[i].ty = ty.unwrap_or(DataType::String);
    }
    known
}

/// Where a chain walk stands for a top-level field.
#[derive(Clone, PartialEq)]
enum State {
    New,
    OnPath,
    Done(Option<DataType>),
}

/// The type of every top-level field (`None`: unknown, its problem reported elsewhere).
fn top_types(r: &mut Reader, schema: &Schema, metas: &[EntityMeta]) -> Vec<Vec<Option<DataType>>> {
    let entity = |name: &str| schema.entities.iter().position(|e| e.name == name);
    let field = |e: usize, name: &str| {
        schema.entities[e]
            .fields
            .iter()
            .position(|f| f.name == name)
    };
    let mut state: Vec<Vec<State>> = schema
        .entities
        .iter()
        .map(|e| vec![State::New; e.fields.len()])
        .collect();
    for ei in 0..schema.entities.len() {
        for fi in 0..schema.entities[ei].fields.len() {
            let mut path: Vec<(usize, usize)> = Vec::new();
            let mut cur = (ei, fi);
            let ty = loop {
                match &state[cur.0][cur.1] {
                    State::Done(t) => break t.clone(),
                    State::OnPath => {
                        let from = path.iter().position(|p| *p == cur).unwrap_or(0);
                        report_cycle(r, schema, &path[from..], cur);
                        break None;
                    }
                    State::New => {}
                }
                state[cur.0][cur.1] = State::OnPath;
                path.push(cur);
                let f = &schema.entities[cur.0].fields[cur.1];
                if metas[cur.0].fields[cur.1].broken {
                    break Some(f.ty.clone());
                }
                let next = match &f.generator {
                    Gen::Ref {
                        entity: e,
                        field: n,
                    }
                    | Gen::Lookup {
                        entity: e,
                        field: n,
                        ..
                    } => entity(e).and_then(|e| Some((e, field(e, n)?))),
                    Gen::Offset { from, .. } => field(cur.0, from).map(|j| (cur.0, j)),
                    _ => break Some(f.ty.clone()),
                };
                match next {
                    Some(n) if !metas[n.0].broken => cur = n,
                    _ => break None,
                }
            };
            for (a, b) in path {
                state[a][b] = State::Done(ty.clone());
            }
        }
    }
    state
        .into_iter()
        .map(|fs| {
            fs.into_iter()
                .map(|s| match s {
                    State::Done(t) => t,
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// Reports a loop of fields reading each other, if a `ref` or `lookup` is in it.
fn report_cycle(r: &mut Reader, schema: &Schema, cycle: &[(usize, usize)], back: (usize, usize)) {
    let field = |(e, f): (usize, usize)| &schema.entities[e].fields[f];
    if !cycle
        .iter()
        .any(|&p| matches!(field(p).generator, Gen::Ref { .. } | Gen::Lookup { .. }))
    {
        return;
    }
    let path: Vec<String> = cycle
        .iter()
        .chain([&back])
        .map(|&(e, f)| {
            format!(
                "{}.{}",
                schema.entities[e].name, schema.entities[e].fields[f].name
            )
        })
        .collect();
    r.err_help(
        field(cycle[0]).span,
        format!("fields read each other in a cycle: {}", path.join(" -> ")),
        "a `ref` or `lookup` must end at a field that is drawn, such as a key",
    );
}

/// Converts the amounts of a level's offsets to their `from` fields' units.
fn finish_offsets(
    r: &mut Reader,
    owner: &str,
    fields: &mut [Field],
    metas: &[Meta],
    known: &[bool],
) {
    for i in 0..fields.len() {
        let Some(m) = metas.get(i) else { continue };
        let (Some(p), false) = (&m.offset, m.broken) else {
            continue;
        };
        let Gen::Offset { from, .. } = &fields[i].generator else {
            continue;
        };
        let Some(j) = fields.iter().position(|f| &f.name == from) else {
            continue;
        };
        if metas.get(j).is_none_or(|m| m.broken) || !known.get(j).copied().unwrap_or(false) {
            continue;
        }
        let from_ty = fields[j].ty.clone();
        let name = fields[i].name.clone();
        if let Some((a, b)) = amounts(r, p, &from_ty, &name, from, owner)
            && let Gen::Offset { lo, hi, .. } = &mut fields[i].generator
        {
            *lo = a;
            *hi = b;
        }
    }
}

/// An offset's amounts in the unit of `ty`.
fn amounts(
    r: &mut Reader,
    p: &PendingOffset,
    ty: &DataType,
    name: &str,
    from: &str,
    owner: &str,
) -> Option<(i64, i64)> {
    let what = format!("offset of field `{name}`");
    let (scale, factor) = match (p.unit, ty) {
        (Unit::Days, DataType::Date) | (Unit::Range, DataType::Int | DataType::Float) => (0, 1),
        (Unit::Days, DataType::Timestamp | DataType::TimestampTz) => (0, DAY_MICROS),
        (Unit::Seconds, DataType::Time | DataType::Timestamp | DataType::TimestampTz) => (6, 1),
        (Unit::Range, DataType::Decimal { scale, .. }) => (*scale, 1),
        _ => {
            let unit = match p.unit {
                Unit::Days => "days",
                Unit::Seconds => "seconds",
                Unit::Range => "range",
            };
            let help = match ty {
                DataType::Date => "offset a date by `days`",
                DataType::Time => "offset a time by `seconds`",
                DataType::Timestamp | DataType::TimestampTz => {
                    "offset a timestamp by `days` or `seconds`"
                }
                DataType::Int | DataType::Float | DataType::Decimal { .. } => {
                    "offset a number by `range`"
                }
                _ => "an offset applies to dates, times, timestamps and numbers",
            };
            r.err_help(
                p.span,
                format!(
                    "{what} in {owner}: `{unit}` does not apply to `from` field `{from}`, a {}",
                    type_name(ty)
                ),
                help,
            );
            return None;
        }
    };
    let convert = |r: &mut Reader, n: &crate::config::yaml::Node| -> Option<i64> {
        let units = if scale == 0 {
            r.int(n, &what)?
        } else {
            match decimal_units(&n.text, scale) {
                Ok(u) => u,
                Err(e) => {
                    r.err(n.span, format!("{what}: {e}"));
                    return None;
                }
            }
        };
        let found = units.checked_mul(factor);
        if found.is_none() {
            r.err(n.span, format!("{what}: {} is too large", n.text));
        }
        found
    };
    let a = convert(r, &p.lo);
    let b = convert(r, &p.hi);
    let (a, b) = (a?, b?);
    if a > b {
        r.err_help(
            p.span,
            format!("{what}: empty range [{}, {}]", p.lo.text, p.hi.text),
            "write the smaller bound first",
        );
        return None;
    }
    Some((a, b))
}
