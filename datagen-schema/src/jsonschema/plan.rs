//! Finalising the arena: every reachable node resolved, disjunctions expanded into variants,
//! and per-node plans (which types, which properties, which items) that generation follows.

use std::sync::Arc;

use datagen_core::seed::name_hash;

use super::compile::Compiler;
use super::error::Error;
use super::names::{self, Write};
use super::shape::{ARR, BOOL, INT, Id, NULL, NUM, OBJ, STR, Shape};

/// The most nodes a schema may expand into (variants of nested `anyOf`s multiply).
const MAX_NODES: usize = 50_000;
/// The most variants one node's disjunctions expand into.
const MAX_VARIANTS: usize = 48;

/// A node ready for generation.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) shape: Shape,
    /// Non-empty: generate one of these (each an intersection with one branch per choice).
    pub(super) variants: Vec<Id>,
    /// The constants allowed (`enum`, `const`), as JSON text, once filtered by the rest.
    pub(super) consts: Option<Vec<String>>,
    /// The type bits to choose from when generating.
    pub(super) types: Vec<u8>,
    /// The allowed types the keywords do not speak of: generated when none of `types` can be.
    pub(super) others: Vec<u8>,
    /// Whether an instance must be checked against `shape` after generating (and redrawn).
    pub(super) check: bool,
    /// The first `multipleOf` as `digits * 10^-decimals`, for writing exact decimals.
    pub(super) step: Option<(u128, u32)>,
    /// The least positive integer multiple of `step`, for writing integers.
    pub(super) int_step: Option<i64>,
    pub(super) object: ObjPlan,
    pub(super) array: ArrPlan,
}

/// How objects are generated.
#[derive(Debug, Default)]
pub(super) struct ObjPlan {
    pub(super) fields: Vec<Field>,
    /// Ways to make properties beyond the declared ones, when `minProperties` needs them.
    pub(super) extras: Vec<Extra>,
}

/// A declared property.
#[derive(Debug)]
pub(super) struct Field {
    pub(super) name: String,
    /// `"name":` as JSON.
    pub(super) key: String,
    pub(super) hash: u64,
    pub(super) id: Id,
    pub(super) required: bool,
    /// Never generated unless required (its value or a dependent schema cannot hold).
    pub(super) avoid: bool,
    /// The names that must be present with this one (`dependentRequired`), as field indices.
    pub(super) deps: Vec<usize>,
    pub(super) hint: Option<Write>,
}

/// A way to name and fill an extra property.
#[derive(Debug)]
pub(super) struct Extra {
    pub(super) names: Names,
    pub(super) id: Id,
}

/// Where an extra property's name comes from.
#[derive(Debug)]
pub(super) enum Names {
    Pattern(Arc<datagen_core::regex::Regex>),
    Schema(Id),
    Words,
}

/// How arrays are generated.
#[derive(Debug, Default)]
pub(super) struct ArrPlan {
    pub(super) prefix: Vec<Id>,
    pub(super) rest: Option<Id>,
    /// The intersections of each position's schema with `contains`, prefix first, then rest.
    pub(super) contains: Option<(Vec<Id>, Id, u64, Option<u64>)>,
    /// The most items the item schemas allow (a `false` item schema ends the array).
    pub(super) cap: Option<u64>,
}

/// Resolves everything reachable from `root` and plans every node.
pub(super) fn finalize(c: &mut Compiler<'_>, root: Id) -> Result<Vec<Option<Node>>, Error> {
    let mut nodes: Vec<Option<Node>> = Vec::new();
    let mut work = vec![root];
    while let Some(id) = work.pop() {
        if nodes.get(id).is_some_and(Option::is_some) {
            continue;
        }
        if c.slots.len() > MAX_NODES {
            return Err(Error::Unsupported {
                pointer: c.shape(root).pointer.clone(),
                keyword: "anyOf".into(),
                why: format!("the schema expands into more than {MAX_NODES} distinct subschemas"),
            });
        }
        c.resolve(id)?;
        let node = plan(c, id, &mut work)?;
        if nodes.len() < c.slots.len() {
            nodes.resize_with(c.slots.len(), || None);
        }
        nodes[id] = Some(node);
    }
    nodes.resize_with(c.slots.len(), || None);
    Ok(nodes)
}

/// Plans one resolved node, queueing the nodes it uses.
fn plan(c: &mut Compiler<'_>, id: Id, work: &mut Vec<Id>) -> Result<Node, Error> {
    let mut shape = c.shape(id).clone();
    absorb_dependents(c, &mut shape)?;
    let mut used: Vec<Id> = Vec::new();
    used.extend(shape.any_of.iter().flatten());
    used.extend(shape.one_of.iter().flatten());
    used.extend(&shape.not);
    for cond in &shape.conds {
        used.push(cond.when);
        used.extend(cond.then);
        used.extend(cond.otherwise);
    }
    used.extend(&shape.names);
    used.extend(shape.dep_schemas.iter().map(|d| d.1));
    used.extend(&shape.uneval_props);
    used.extend(&shape.uneval_items);
    used.extend(&shape.checks);
    used.extend(shape.contains.iter().map(|k| k.id));
    for part in &shape.objects {
        used.extend(part.props.iter().map(|p| p.1));
        used.extend(part.patterns.iter().map(|p| p.1));
        used.extend(part.additional);
    }
    for part in &shape.arrays {
        used.extend(&part.prefix);
        used.extend(part.rest);
    }
    let variants = if shape.has_choices() {
        expand(c, &shape)?
    } else {
        Vec::new()
    };
    used.extend(&variants);
    let mut types = shape.types;
    for &n in &shape.not {
        c.resolve(n)?;
        let not = c.shape(n);
        if not.is_type_only() {
            types &= !not.types;
        }
    }
    let object = if types & OBJ != 0 && variants.is_empty() {
        object_plan(c, &shape)
    } else {
        ObjPlan::default()
    };
    let array = if types & ARR != 0 && variants.is_empty() {
        array_plan(c, &shape)
    } else {
        ArrPlan::default()
    };
    used.extend(object.fields.iter().map(|f| f.id));
    used.extend(object.extras.iter().map(|e| e.id));
    used.extend(object.extras.iter().filter_map(|e| match e.names {
        Names::Schema(n) => Some(n),
        _ => None,
    }));
    used.extend(&array.prefix);
    used.extend(array.rest);
    if let Some((prefix, rest, _, _)) = &array.contains {
        used.extend(prefix);
        used.push(*rest);
    }
    work.extend(used);
    let check = !shape.not.is_empty()
        || !shape.one_of.is_empty()
        || !shape.conds.is_empty()
        || !shape.dep_schemas.is_empty()
        || !shape.uneval_props.is_empty()
        || !shape.uneval_items.is_empty()
        || !shape.checks.is_empty()
        || !shape.names.is_empty()
        || shape.objects.len() > 1
        || shape.objects.iter().any(|p| !p.patterns.is_empty())
        || shape.arrays.len() > 1
        || shape.patterns.len() > 1
        || shape.multiple_of.len() > 1
        || shape.contains.iter().any(|k| k.max.is_some() || k.min == 0)
        || shape.contains.len() > 1
        || shape.max_props.is_some()
        || shape.consts.len() > 1;
    let list = type_list(&shape, types);
    let others = [NULL, BOOL, INT, NUM, STR, ARR, OBJ]
        .into_iter()
        .filter(|b| types & b != 0 && !list.contains(b))
        .collect();
    let step = shape
        .multiple_of
        .first()
        .and_then(|&m| super::check::decimal(m));
    Ok(Node {
        int_step: super::scalar::integer_step(step),
        step,
        types: list,
        others,
        consts: None,
        check,
        object,
        array,
        variants,
        shape,
    })
}

/// Merges the `dependentSchemas` of required properties into the shape: they always apply.
fn absorb_dependents(c: &mut Compiler<'_>, shape: &mut Shape) -> Result<(), Error> {
    let mut done: Vec<usize> = Vec::new();
    loop {
        let next = shape
            .dep_schemas
            .iter()
            .enumerate()
            .find(|(i, (name, _))| !done.contains(i) && shape.required.contains(name))
            .map(|(i, (_, id))| (i, *id));
        let Some((i, dep)) = next else { return Ok(()) };
        done.push(i);
        c.resolve(dep)?;
        let other = c.shape(dep).clone();
        shape.merge(&other);
    }
}

/// The type bits to generate from: the allowed ones the keywords speak of, or all allowed.
fn type_list(shape: &Shape, types: u8) -> Vec<u8> {
    let bits: Vec<u8> = [NULL, BOOL, INT, NUM, STR, ARR, OBJ]
        .into_iter()
        .filter(|b| types & b != 0)
        .collect();
    if !shape.typed {
        let spoken: Vec<u8> = bits
            .iter()
            .copied()
            .filter(|&b| shape.speaks_of(b))
            .collect();
        if !spoken.is_empty() {
            return spoken;
        }
    }
    // A number type allowing integers draws integers and fractions alike.
    bits
}

/// The variants of a shape with disjunctions: the base intersected with one choice per group.
fn expand(c: &mut Compiler<'_>, shape: &Shape) -> Result<Vec<Id>, Error> {
    let mut base = shape.clone();
    base.any_of.clear();
    base.one_of.clear();
    base.conds.clear();
    let mut groups: Vec<Vec<Vec<Id>>> = Vec::new();
    for g in shape.any_of.iter().chain(&shape.one_of) {
        groups.push(g.iter().map(|&b| vec![b]).collect());
    }
    for cond in &shape.conds {
        let mut yes = vec![cond.when];
        yes.extend(cond.then);
        groups.push(vec![yes, cond.otherwise.into_iter().collect()]);
    }
    let total: usize = groups
        .iter()
        .map(Vec::len)
        .try_fold(1usize, |a, n| a.checked_mul(n))
        .unwrap_or(usize::MAX);
    let step = (total / MAX_VARIANTS).max(1);
    let mut variants = Vec::new();
    let mut index = 0usize;
    while index < total && variants.len() < MAX_VARIANTS {
        let mut v = base.clone();
        let mut rest = index;
        for g in &groups {
            for &b in &g[rest % g.len()] {
                c.resolve(b)?;
                let other = c.shape(b).clone();
                v.merge_child(b, &other);
            }
            rest /= g.len();
        }
        variants.push(c.push(v));
        index += step;
    }
    Ok(variants)
}

/// The declared properties and the extra-property sources of an object shape.
fn object_plan(c: &mut Compiler<'_>, shape: &Shape) -> ObjPlan {
    let mut names: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        if !names.iter().any(|m| m == n) {
            names.push(n.to_owned());
        }
    };
    for part in &shape.objects {
        part.props.iter().for_each(|(n, _)| add(n));
    }
    shape.required.iter().for_each(|n| add(n));
    for (n, deps) in &shape.dep_required {
        add(n);
        deps.iter().for_each(|d| add(d));
    }
    let mut fields: Vec<Field> = names
        .iter()
        .map(|name| {
            let mut ids = Vec::new();
            for part in &shape.objects {
                // `properties` and every matching `patternProperties` apply together;
                // `additionalProperties` only when neither does.
                let mut matched: Vec<Id> = part
                    .patterns
                    .iter()
                    .filter(|(p, _)| p.matcher.is_match(name))
                    .map(|(_, id)| *id)
                    .collect();
                matched.extend(
                    part.props
                        .iter()
                        .filter(|(n, _)| n == name)
                        .map(|(_, id)| *id),
                );
                if matched.is_empty() {
                    ids.extend(part.additional);
                } else {
                    ids.extend(matched);
                }
            }
            let avoid = shape.dep_schemas.iter().any(|(n, _)| n == name);
            Field {
                key: format!("{}:", serde_json::Value::String(name.clone())),
                hash: name_hash(name),
                id: c.all(ids),
                required: shape.required.contains(name),
                avoid,
                deps: Vec::new(),
                hint: names::provider(name),
                name: name.clone(),
            }
        })
        .collect();
    for (n, deps) in &shape.dep_required {
        if let Some(i) = fields.iter().position(|f| &f.name == n) {
            fields[i].deps = deps
                .iter()
                .filter_map(|d| fields.iter().position(|f| &f.name == d))
                .collect();
        }
    }
    let mut extras = Vec::new();
    for (i, part) in shape.objects.iter().enumerate() {
        for (p, id) in &part.patterns {
            let Some(generator) = &p.generator else {
                continue;
            };
            let mut ids = vec![*id];
            for (j, other) in shape.objects.iter().enumerate() {
                if j != i {
                    ids.extend(other.additional);
                }
            }
            extras.push(Extra {
                names: Names::Pattern(Arc::clone(generator)),
                id: c.all(ids),
            });
        }
    }
    let open = shape
        .objects
        .iter()
        .all(|p| p.additional.is_none() || p.patterns.is_empty());
    if open {
        let ids: Vec<Id> = shape.objects.iter().filter_map(|p| p.additional).collect();
        let names = if shape.names.is_empty() {
            Names::Words
        } else {
            Names::Schema(c.all(shape.names.clone()))
        };
        extras.push(Extra {
            names,
            id: c.all(ids),
        });
    }
    ObjPlan { fields, extras }
}

/// The item schemas of an array shape.
fn array_plan(c: &mut Compiler<'_>, shape: &Shape) -> ArrPlan {
    let len = shape
        .arrays
        .iter()
        .map(|p| p.prefix.len())
        .max()
        .unwrap_or(0);
    let prefix: Vec<Id> = (0..len)
        .map(|i| {
            let ids: Vec<Id> = shape
                .arrays
                .iter()
                .filter_map(|p| p.prefix.get(i).copied().or(p.rest))
                .collect();
            c.all(ids)
        })
        .collect();
    let rest_ids: Vec<Id> = shape.arrays.iter().filter_map(|p| p.rest).collect();
    let rest = c.all(rest_ids);
    let contains = if shape.contains.is_empty() {
        None
    } else {
        let k = c.all(shape.contains.iter().map(|k| k.id).collect());
        let min = shape.contains.iter().map(|k| k.min).max().unwrap_or(1);
        let max = shape.contains.iter().filter_map(|k| k.max).min();
        let pre = prefix.iter().map(|&p| c.all(vec![p, k])).collect();
        let rest_k = c.all(vec![rest, k]);
        Some((pre, rest_k, min, max))
    };
    ArrPlan {
        prefix,
        rest: Some(rest),
        contains,
        cap: None,
    }
}
