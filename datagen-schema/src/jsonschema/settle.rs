//! Settling the planned nodes: constants filtered by the rest of their schema, types that no
//! value can have removed, and variants and properties that cannot hold dropped, to a fixpoint.

use serde_json::Value;

use super::check::Checker;
use super::plan::Node;
use super::scalar::int_range;
use super::shape::{ARR, BOOL, INT, Id, NULL, NUM, OBJ, STR};

/// Filters constants and prunes what cannot be generated, until nothing changes.
pub(super) fn settle(nodes: &mut [Option<Node>]) {
    let consts: Vec<(Id, Vec<String>)> = {
        let checker = Checker { nodes };
        nodes
            .iter()
            .enumerate()
            .filter_map(|(id, n)| Some((id, n.as_ref()?)))
            .filter(|(_, n)| !n.shape.consts.is_empty())
            .map(|(id, n)| {
                let ok = n.shape.consts[0]
                    .iter()
                    .filter(|v| checker.valid(id, v))
                    .map(Value::to_string)
                    .collect();
                (id, ok)
            })
            .collect()
    };
    for (id, ok) in consts {
        if let Some(n) = nodes[id].as_mut() {
            n.consts = Some(ok);
        }
    }
    for n in nodes.iter_mut().flatten() {
        let s = &n.shape;
        n.types.retain(|&t| match t {
            INT => int_range(s).is_some(),
            NUM => match (s.lo, s.hi) {
                (Some(l), Some(h)) => {
                    l.value < h.value || (l.value == h.value && !l.exclusive && !h.exclusive)
                }
                _ => true,
            },
            STR => {
                s.max_len.is_none_or(|m| m >= s.min_len)
                    && (s.patterns.is_empty()
                        || s.patterns.iter().any(|p| p.generator.is_some())
                        || !s.formats.is_empty())
            }
            ARR => {
                let max = s.max_items.unwrap_or(u64::MAX);
                max >= s.min_items
                    && s.contains
                        .iter()
                        .all(|k| k.min <= max && k.max.is_none_or(|m| m >= k.min))
            }
            OBJ => {
                let max = s.max_props.unwrap_or(u64::MAX);
                max >= s.min_props && max >= s.required.len() as u64
            }
            _ => true,
        });
    }
    let mut changed = true;
    while changed {
        changed = false;
        let alive: Vec<bool> = nodes.iter().map(|n| n.as_ref().is_some_and(live)).collect();
        let sizes: Vec<Option<u64>> = nodes.iter().map(|n| n.as_ref().and_then(domain)).collect();
        let dead = |id: Id| !alive.get(id).copied().unwrap_or(true);
        for n in nodes.iter_mut().flatten() {
            let before = (n.variants.len(), n.types.len(), n.array.cap);
            n.variants.retain(|&v| !dead(v));
            let obj = &mut n.object;
            for f in &mut obj.fields {
                if dead(f.id) && !f.avoid {
                    f.avoid = true;
                    changed = true;
                }
            }
            let before_extras = obj.extras.len();
            obj.extras.retain(|e| !dead(e.id));
            changed |= before_extras != obj.extras.len();
            let required_dead = obj.fields.iter().any(|f| f.required && dead(f.id));
            let s = &n.shape;
            let arr = &mut n.array;
            if let Some(cut) = arr.prefix.iter().position(|&p| dead(p)) {
                arr.cap = Some(arr.cap.map_or(cut as u64, |c| c.min(cut as u64)));
            } else if arr.rest.is_some_and(dead) {
                let len = arr.prefix.len() as u64;
                arr.cap = Some(arr.cap.map_or(len, |c| c.min(len)));
            }
            if s.unique
                && let Some(size) = arr.rest.and_then(|r| sizes.get(r).copied().flatten())
            {
                let len = arr.prefix.len() as u64 + size;
                arr.cap = Some(arr.cap.map_or(len, |c| c.min(len)));
            }
            let min_items = s.min_items.max(arr.contains.as_ref().map_or(0, |k| k.2));
            let arr_dead = arr.cap.is_some_and(|c| c < min_items)
                || arr.contains.as_ref().is_some_and(|(pre, rest, min, _)| {
                    *min > 0 && dead(*rest) && pre.iter().all(|&p| dead(p))
                });
            let min_props = s.min_props;
            let possible = n.object.fields.iter().filter(|f| !f.avoid).count() as u64;
            let obj_dead = required_dead || (possible < min_props && n.object.extras.is_empty());
            n.types
                .retain(|&t| !((t == ARR && arr_dead) || (t == OBJ && obj_dead)));
            if n.types.is_empty() && !n.others.is_empty() {
                // Keywords only constrain their own types: `{"contains": false}` holds for
                // every non-array.
                n.types = std::mem::take(&mut n.others);
            }
            changed |= before != (n.variants.len(), n.types.len(), n.array.cap);
        }
    }
}

/// How many distinct values a node yields, when it is a small finite set (constants, `null`,
/// booleans): a unique array of them has at most that many items.
fn domain(n: &Node) -> Option<u64> {
    if !n.variants.is_empty() {
        return None;
    }
    if let Some(c) = &n.consts {
        return Some(c.len() as u64);
    }
    n.types.iter().try_fold(0, |acc, &t| match t {
        NULL => Some(acc + 1),
        BOOL => Some(acc + 2),
        _ => None,
    })
}

/// Whether a node can yield anything.
fn live(n: &Node) -> bool {
    if n.shape.has_choices() {
        return !n.variants.is_empty();
    }
    match &n.consts {
        Some(c) => !c.is_empty(),
        None => !n.types.is_empty(),
    }
}

/// Whether node `id` can yield anything, after [`settle`].
pub(super) fn alive(nodes: &[Option<Node>], id: Id) -> bool {
    nodes[id].as_ref().is_some_and(live)
}

/// The deepest node that makes `id` unsatisfiable, following required properties and items,
/// and the keyword to blame there: (JSON pointer, keyword, why).
pub(super) fn explain(nodes: &[Option<Node>], id: Id) -> (String, String, String) {
    let mut id = id;
    let mut seen = Vec::new();
    loop {
        seen.push(id);
        let Some(n) = nodes[id].as_ref() else {
            return ("/".into(), "$ref".into(), "a subschema is missing".into());
        };
        let s = &n.shape;
        let next = n
            .object
            .fields
            .iter()
            .find(|f| f.required && !alive(nodes, f.id))
            .map(|f| f.id)
            .or_else(|| n.array.prefix.iter().copied().find(|&p| !alive(nodes, p)))
            .or_else(|| n.variants.first().copied().filter(|&v| !alive(nodes, v)));
        if let Some(next) = next.filter(|x| !seen.contains(x)) {
            id = next;
            continue;
        }
        let (keyword, why) = if s.types == 0 {
            ("type", "no type is allowed")
        } else if n.consts.as_ref().is_some_and(Vec::is_empty) {
            (
                "enum",
                "none of the listed values meets the other constraints",
            )
        } else if n.shape.has_choices() {
            (
                "anyOf",
                "no branch can hold together with the rest of the schema",
            )
        } else if s.types & (INT | NUM) != 0 && (s.lo.is_some() || s.hi.is_some()) {
            ("minimum", "the minimum is above the maximum")
        } else if s.types & STR != 0 && s.max_len.is_some() {
            ("minLength", "the minimum length is above the maximum")
        } else if s.types & ARR != 0 && (s.max_items.is_some() || !s.contains.is_empty()) {
            (
                "minItems",
                "the array cannot have as many items as required",
            )
        } else if s.types & OBJ != 0 {
            (
                "required",
                "the object cannot have the properties it requires",
            )
        } else {
            (
                "type",
                "no value of the allowed types meets the constraints",
            )
        };
        return (s.pointer.clone(), keyword.into(), why.into());
    }
}
