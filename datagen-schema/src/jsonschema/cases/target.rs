//! The cases one location offers: for each keyword of its node, the changes that put it at a
//! boundary (edge) or break it (invalid), or why it gets none.

use datagen_engine::cases::{DocSkip, Mode};
use serde_json::Value;

use super::super::check::equal;
use super::super::plan::Node;
use super::super::shape::{ARR, BOOL, INT, NULL, NUM, OBJ, STR};
use super::explain::Explain;
use super::value::{number_breaks, number_edges, outside, string_breaks, string_edges};
use super::{Change, Location, set};

/// The longest string or array a case builds.
pub(super) const MAX_LEN: u64 = 4096;

/// One case to build: a keyword at a location and the changes to try.
#[derive(Debug)]
pub(super) struct Target {
    /// The index of the location.
    pub(super) location: usize,
    pub(super) pointer: String,
    pub(super) keyword: &'static str,
    /// What the case does, in words: "below minimum 18".
    pub(super) describe: String,
    /// The schema location of the node, as a pointer.
    pub(super) schema: String,
    pub(super) changes: Vec<Change>,
}

/// Collects the targets (and skipped keywords) of one location.
pub(super) struct Lister<'a> {
    location: usize,
    pointer: &'a str,
    schema: String,
    targets: &'a mut Vec<Target>,
    skipped: &'a mut Vec<DocSkip>,
}

impl Lister<'_> {
    pub(super) fn add(&mut self, keyword: &'static str, describe: String, changes: Vec<Change>) {
        let pointer = self.pointer.to_owned();
        self.add_at(pointer, keyword, describe, changes);
    }

    /// A target labelled with `pointer` (a place inside the location's value).
    pub(super) fn add_at(
        &mut self,
        pointer: String,
        keyword: &'static str,
        describe: String,
        changes: Vec<Change>,
    ) {
        if changes.is_empty() {
            self.skip(keyword, "no value of the allowed types breaks it alone");
            return;
        }
        self.targets.push(Target {
            location: self.location,
            pointer,
            keyword,
            describe,
            schema: self.schema.clone(),
            changes,
        });
    }

    pub(super) fn skip(&mut self, keyword: &'static str, why: &str) {
        self.skipped.push(DocSkip::new(
            self.pointer.to_owned(),
            keyword,
            why.to_owned(),
        ));
    }
}

/// Lists the targets of location `index` (`loc`, whose node is `node`).
pub(super) fn list(
    node: &Node,
    index: usize,
    loc: &Location,
    mode: Mode,
    explain: &Explain<'_>,
    targets: &mut Vec<Target>,
    skipped: &mut Vec<DocSkip>,
) {
    let s = &node.shape;
    if s.types == 0 {
        // A `false` schema: no value can be there, so nothing to put at a boundary or break.
        return;
    }
    let mut l = Lister {
        location: index,
        pointer: &loc.pointer,
        schema: format!("#{}", s.pointer),
        targets,
        skipped,
    };
    match mode {
        Mode::Invalid => invalid(node, &mut l, explain, loc),
        _ => edge(node, &mut l),
    }
}

/// The boundary cases of a node.
fn edge(node: &Node, l: &mut Lister<'_>) {
    let s = &node.shape;
    if !node.variants.is_empty() {
        let keyword = if !s.one_of.is_empty() {
            "oneOf"
        } else if !s.any_of.is_empty() {
            "anyOf"
        } else {
            "if"
        };
        for (i, &v) in node.variants.iter().enumerate() {
            l.add(
                keyword,
                format!("variant {} of the branches", i + 1),
                vec![Change::Node(v)],
            );
        }
        return;
    }
    if let Some(consts) = &node.consts {
        let keyword = s.const_names.first().copied().unwrap_or("enum");
        for text in consts {
            if let Ok(v) = serde_json::from_str::<Value>(text) {
                l.add(keyword, "an allowed value".into(), set([v]));
            }
        }
        return;
    }
    if node.types.len() > 1 {
        for &t in &node.types {
            if t != BOOL {
                l.add(
                    "type",
                    format!("a {}", type_name(t)),
                    vec![Change::Typed(t)],
                );
            }
        }
    }
    for &t in &node.types {
        match t {
            BOOL => {
                for b in [true, false] {
                    l.add("type", format!("boolean {b}"), set([Value::Bool(b)]));
                }
            }
            INT | NUM if node.types.contains(&INT) == (t == INT) => number_edges(node, l),
            STR => string_edges(s, l),
            ARR => {
                if s.min_items > 0 {
                    l.add(
                        "minItems",
                        format!("the fewest items, {}", s.min_items),
                        vec![Change::Items(s.min_items)],
                    );
                }
                if let Some(max) = s.max_items.filter(|&m| m <= MAX_LEN) {
                    l.add(
                        "maxItems",
                        format!("the most items, {max}"),
                        vec![Change::Items(max)],
                    );
                }
            }
            OBJ => {
                for f in node.object.fields.iter().filter(|f| !f.required) {
                    let at = format!("{}/{}", l.pointer, super::explain::escape(&f.name));
                    l.add_at(
                        at.clone(),
                        "properties",
                        format!("optional property `{}` absent", f.name),
                        vec![Change::Remove(f.name.clone())],
                    );
                    l.add_at(
                        at,
                        "properties",
                        format!("optional property `{}` present", f.name),
                        vec![Change::Present(f.name.clone())],
                    );
                }
                if s.min_props > 0 {
                    let n = s.min_props;
                    l.add(
                        "minProperties",
                        format!("the fewest properties, {n}"),
                        vec![Change::Props(n)],
                    );
                }
                if let Some(n) = s.max_props.filter(|&m| m <= MAX_LEN) {
                    l.add(
                        "maxProperties",
                        format!("the most properties, {n}"),
                        vec![Change::Props(n)],
                    );
                }
            }
            _ => {}
        }
    }
}

/// The cases breaking one keyword of a node each.
fn invalid(node: &Node, l: &mut Lister<'_>, explain: &Explain<'_>, loc: &Location) {
    let s = &node.shape;
    if !node.variants.is_empty() {
        for group in &s.one_of {
            // Formats are taken on trust when counting the branches a value passes, so a
            // group with one is not counted.
            let formats = group.iter().any(|&b| {
                explain.nodes[b]
                    .as_ref()
                    .is_some_and(|n| !n.shape.formats.is_empty())
            });
            if formats {
                l.skip(
                    "oneOf",
                    "a branch has a `format`, so passing two branches cannot be checked",
                );
                continue;
            }
            let branches = group.iter().map(|&b| Change::Node(b)).collect();
            l.add(
                "oneOf",
                "valid against more than one branch".into(),
                branches,
            );
        }
        if !s.any_of.is_empty() {
            l.skip(
                "anyOf",
                "an instance missing every branch while keeping the rest is not built",
            );
        }
        return;
    }
    let allowed = s.types;
    if s.typed
        && allowed & (INT | NUM | STR | ARR | OBJ | NULL | BOOL)
            != (INT | NUM | STR | ARR | OBJ | NULL | BOOL)
    {
        let others: Vec<Value> = [
            (STR, Value::from("not of the type")),
            (INT, Value::from(7)),
            (NULL, Value::Null),
            (OBJ, Value::Object(serde_json::Map::new())),
            (BOOL, Value::Bool(true)),
            (ARR, Value::Array(Vec::new())),
            (NUM, Value::from(0.5)),
        ]
        .into_iter()
        .filter(|(t, _)| allowed & t == 0 && (*t != INT || allowed & NUM == 0))
        .map(|(_, v)| v)
        .collect();
        let names: Vec<&str> = node.types.iter().map(|&t| type_name(t)).collect();
        l.add(
            "type",
            format!("not of type {}", names.join(" or ")),
            set(others),
        );
    }
    for (list, &name) in s.consts.iter().zip(&s.const_names) {
        let outside: Vec<Value> = outside(list, node)
            .into_iter()
            .filter(|v| !list.iter().any(|c| equal(c, v)))
            .collect();
        l.add(
            name,
            format!("outside the {} allowed values", list.len()),
            set(outside),
        );
    }
    if allowed & (INT | NUM) != 0 {
        number_breaks(node, l);
    }
    if allowed & STR != 0 {
        string_breaks(s, l, loc);
    }
    if allowed & ARR != 0 {
        if s.min_items > 0 {
            l.add(
                "minItems",
                format!("{} items, under minItems {}", s.min_items - 1, s.min_items),
                vec![Change::Items(s.min_items - 1)],
            );
        }
        if let Some(max) = s.max_items.filter(|&m| m < MAX_LEN) {
            l.add(
                "maxItems",
                format!("{} items, over maxItems {max}", max + 1),
                vec![Change::Items(max + 1)],
            );
        }
        if s.unique {
            l.add("uniqueItems", "an item repeated".into(), vec![Change::Dup]);
        }
        for k in &s.contains {
            if k.min == 1 {
                l.add(
                    "contains",
                    "no item matches `contains`".into(),
                    vec![Change::NoContains(k.id)],
                );
            } else {
                l.skip("minContains", "a `contains` count is not broken alone");
            }
            if k.max.is_some() {
                l.skip("maxContains", "a `contains` count is not broken alone");
            }
        }
        if !s.uneval_items.is_empty() {
            l.skip("unevaluatedItems", "an unevaluated item is not added");
        }
    }
    if allowed & OBJ != 0 {
        object_breaks(node, l, explain);
    }
    for &n in &s.not {
        l.add(
            "not",
            "valid against the `not` schema".into(),
            vec![Change::Node(n)],
        );
    }
    if !s.conds.is_empty() {
        l.skip(
            "if",
            "the keywords of `then` and `else` are broken where they sit, not here",
        );
    }
}

/// `required`, `dependentRequired`, `additionalProperties`, `minProperties`, ...
fn object_breaks(node: &Node, l: &mut Lister<'_>, explain: &Explain<'_>) {
    let s = &node.shape;
    for name in &s.required {
        l.add(
            "required",
            format!("required property `{name}` absent"),
            vec![Change::Remove(name.clone())],
        );
    }
    let dependent = explain.dependent_required();
    for (name, deps) in &s.dep_required {
        for dep in deps {
            l.add(
                dependent,
                format!("`{name}` present without `{dep}`"),
                vec![Change::DepMissing(name.clone(), dep.clone())],
            );
        }
    }
    let closed = s.objects.iter().any(|p| {
        p.additional.is_some_and(|a| {
            explain.nodes[a]
                .as_ref()
                .is_some_and(|n| n.shape.types == 0)
        })
    });
    let extra = node.object.fields.len() as u64 + 1;
    if closed {
        l.add(
            "additionalProperties",
            "a property not declared".into(),
            vec![Change::Props(extra), Change::Props(extra + 1)],
        );
    }
    let uneval_closed = s.uneval_props.iter().any(|&u| {
        explain.nodes[u]
            .as_ref()
            .is_some_and(|n| n.shape.types == 0)
    });
    if uneval_closed {
        l.add(
            "unevaluatedProperties",
            "a property not evaluated".into(),
            vec![Change::Props(extra)],
        );
    }
    if s.min_props > 0 {
        let n = s.min_props - 1;
        l.add(
            "minProperties",
            format!("{n} properties, under minProperties {}", s.min_props),
            vec![Change::Props(n)],
        );
    }
    if let Some(max) = s.max_props.filter(|&m| m < MAX_LEN) {
        l.add(
            "maxProperties",
            format!("{} properties, over maxProperties {max}", max + 1),
            vec![Change::Props(max + 1)],
        );
    }
    if !s.names.is_empty() {
        l.skip(
            "propertyNames",
            "a property name breaking it alone is not built",
        );
    }
    if !s.dep_schemas.is_empty() {
        l.skip(
            if explain.dependent_required() == "dependencies" {
                "dependencies"
            } else {
                "dependentSchemas"
            },
            "the keywords of a dependent schema are broken where they sit",
        );
    }
}

/// A type bit's name.
fn type_name(t: u8) -> &'static str {
    match t {
        NULL => "null",
        BOOL => "boolean",
        INT => "integer",
        NUM => "number",
        STR => "string",
        ARR => "array",
        _ => "object",
    }
}
