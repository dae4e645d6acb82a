//! Checks across fields and entities, once every entity is read: `ref` and `lookup` targets,
//! `lookup`'s `by`, template field names, `offset.from`, and cycles among the fields of a level.

use crate::config::EntityMeta;
use crate::config::field::Meta;
use crate::config::read::Reader;
use crate::diag::closest;
use crate::ir::{Field, Gen, Schema, Span};

/// Runs every check, reporting into `r`. Placeholders (fields that failed to read) are skipped.
pub(crate) fn run(r: &mut Reader, schema: &Schema, metas: &[EntityMeta]) {
    for (e, em) in schema.entities.iter().zip(metas) {
        for (f, m) in e.fields.iter().zip(&em.fields) {
            if m.broken {
                continue;
            }
            match &f.generator {
                Gen::Ref { entity, field } => {
                    target(r, schema, metas, entity, field, &f.name, m.gen_span);
                }
                Gen::Lookup { entity, field, by } => {
                    target(r, schema, metas, entity, field, &f.name, m.gen_span);
                    lookup_by(
                        r, &e.name, &e.fields, &em.fields, &f.name, entity, by, m.dep_span,
                    );
                }
                _ => {}
            }
        }
        level(r, &format!("`{}`", e.name), &e.fields, &em.fields);
    }
}

/// Checks that `entity.field` exists.
fn target(
    r: &mut Reader,
    schema: &Schema,
    metas: &[EntityMeta],
    entity: &str,
    field: &str,
    from: &str,
    span: Span,
) {
    let Some(i) = schema.entities.iter().position(|e| e.name == entity) else {
        let names = schema.entities.iter().map(|e| e.name.as_str());
        let help = closest(entity, names).map_or_else(
            || {
                let all: Vec<&str> = schema.entities.iter().map(|e| e.name.as_str()).collect();
                format!("the entities are {}", all.join(", "))
            },
            |c| format!("did you mean `{c}.{field}`?"),
        );
        r.err_help(
            span,
            format!("field `{from}` refers to entity `{entity}`, which does not exist"),
            help,
        );
        return;
    };
    if metas[i].broken {
        return;
    }
    let fields = &schema.entities[i].fields;
    if !fields.iter().any(|f| f.name == field) {
        let help = closest(field, fields.iter().map(|f| f.name.as_str())).map_or_else(
            || format!("`{entity}` has no field of that name"),
            |c| format!("did you mean `{entity}.{c}`?"),
        );
        r.err_help(
            span,
            format!("field `{from}` refers to `{entity}.{field}`, which does not exist"),
            help,
        );
    }
}

/// Checks that a lookup's `by` is a `ref` field of the same entity into the looked-up entity.
#[allow(clippy::too_many_arguments)]
fn lookup_by(
    r: &mut Reader,
    owner: &str,
    fields: &[Field],
    metas: &[Meta],
    name: &str,
    entity: &str,
    by: &str,
    span: Span,
) {
    let Some(i) = fields.iter().position(|f| f.name == by) else {
        let help = closest(by, fields.iter().map(|f| f.name.as_str())).map_or_else(
            || format!("`by` names the `ref: {entity}.<key>` field of `{owner}`"),
            |c| format!("did you mean `{c}`?"),
        );
        r.err_help(
            span,
            format!("lookup field `{name}`: `by` names `{by}`, which is not a field of `{owner}`"),
            help,
        );
        return;
    };
    if metas[i].broken {
        return;
    }
    let help = match &fields[i].generator {
        Gen::Ref { entity: e, .. } if e == entity => return,
        Gen::Ref { entity: e, .. } => {
            format!("`{by}` picks a `{e}` row; look up `{e}.FIELD`, or use a ref into `{entity}`")
        }
        _ => format!("make `{by}` a `ref: {entity}.<key>` field"),
    };
    r.err_help(
        span,
        format!(
            "lookup field `{name}`: `by: {by}` must be a `ref` field of `{owner}` into `{entity}`"
        ),
        help,
    );
}

/// Checks one level of fields (and the levels nested in it): templates, offsets and cycles.
fn level(r: &mut Reader, owner: &str, fields: &[Field], metas: &[Meta]) {
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); fields.len()];
    for (i, (f, m)) in fields.iter().zip(metas).enumerate() {
        if m.broken {
            continue;
        }
        let index = |n: &str| names.iter().position(|x| *x == n);
        match &f.generator {
            Gen::Template(text) => {
                let (used, errors) = template_names(text);
                for e in errors {
                    r.err(m.gen_span, format!("template of field `{}`: {e}", f.name));
                }
                for n in used {
                    match index(n) {
                        Some(j) => deps[i].push(j),
                        None => unknown_name(r, m.gen_span, &f.name, "the template", n, &names),
                    }
                }
            }
            Gen::Offset { from, .. } => match index(from) {
                Some(j) => deps[i].push(j),
                None => unknown_name(r, m.dep_span, &f.name, "`offset.from`", from, &names),
            },
            Gen::Lookup { by, .. } => deps[i].extend(index(by)),
            Gen::Object(children) => {
                level(
                    r,
                    &format!("field `{}` of {owner}", f.name),
                    children,
                    &m.children,
                );
            }
            Gen::Array { item, .. } => {
                let item = std::slice::from_ref(item.as_ref());
                level(
                    r,
                    &format!("field `{}` of {owner}", f.name),
                    item,
                    &m.children,
                );
            }
            _ => {}
        }
    }
    for cycle in cycles(&deps) {
        let path: Vec<&str> = cycle.iter().map(|&i| names[i]).collect();
        r.err_help(
            fields[cycle[0]].span,
            format!(
                "fields of {owner} depend on each other in a cycle: {}",
                path.join(" -> ")
            ),
            "break the cycle: one of these fields must not read the others",
        );
    }
}

fn unknown_name(r: &mut Reader, span: Span, field: &str, what: &str, name: &str, names: &[&str]) {
    let help = closest(name, names.iter().copied()).map_or_else(
        || "name a field of the same level".to_string(),
        |c| format!("did you mean `{c}`?"),
    );
    r.err_help(
        span,
        format!("field `{field}`: {what} names `{name}`, which is not a field here"),
        help,
    );
}

/// The field names a template reads, and what is wrong with it: an unclosed `{`, a lone `}`, an
/// empty name or an unknown filter.
pub(crate) fn template_names(template: &str) -> (Vec<&str>, Vec<String>) {
    let mut names = Vec::new();
    let mut errors = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        if let Some(after) = tail.strip_prefix('}') {
            errors.push("a `}` closes nothing; write `}}` for a brace".to_string());
            rest = after;
            continue;
        }
        let Some(end) = tail.find('}') else {
            errors.push("a `{` is not closed; write `{{` for a brace".to_string());
            break;
        };
        let inner = &tail[1..end];
        let (name, filter) = match inner.split_once('|') {
            Some((n, f)) => (n.trim(), Some(f.trim())),
            None => (inner.trim(), None),
        };
        if name.is_empty() || name.contains('{') {
            errors.push(format!("`{{{inner}}}` names no field"));
        } else {
            names.push(name);
        }
        if let Some(f) = filter.filter(|f| !known_filter(f)) {
            errors.push(format!(
                "unknown filter `{f}`; use `lower`, `upper` or `pad:N` (N from 1 to 255)"
            ));
        }
        rest = &tail[end + 1..];
    }
    (names, errors)
}

/// Whether `f` is a template filter: `lower`, `upper` or `pad:N` with N in 1..=255.
fn known_filter(f: &str) -> bool {
    match f.strip_prefix("pad:") {
        Some(n) => n.trim().parse::<u8>().is_ok_and(|n| n > 0),
        None => matches!(f, "lower" | "upper"),
    }
}

/// The cycles of a dependency graph, each as a path `a, b, ..., a`; found without recursion.
pub(crate) fn cycles(deps: &[Vec<usize>]) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut marks = vec![Mark::New; deps.len()];
    let mut found = Vec::new();
    for start in 0..deps.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // (node, index of its next edge)
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        marks[start] = Mark::Active;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&d) = deps[node].get(*next) {
                *next += 1;
                match marks.get(d) {
                    Some(Mark::New) => {
                        marks[d] = Mark::Active;
                        stack.push((d, 0));
                    }
                    Some(Mark::Active) => {
                        let from = stack.iter().position(|&(s, _)| s == d).unwrap_or(0);
                        let mut cycle: Vec<usize> = stack[from..].iter().map(|&(s, _)| s).collect();
                        cycle.push(d);
                        found.push(cycle);
                    }
                    _ => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    found
}
