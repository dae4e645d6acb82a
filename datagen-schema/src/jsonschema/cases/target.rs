//! The cases one location offers: for each keyword of its node, the changes that put it at a
//! boundary (edge) or break it (invalid), or why it gets none.

use datagen_engine::cases::{DocSkip, Mode};
use serde_json::Value;

use super::super::check::{self, equal};
use super::super::format::Format;
use super::super::plan::Node;
use super::super::scalar::int_range;
use super::super::shape::{ARR, BOOL, INT, NULL, NUM, OBJ, STR, Shape};
use super::explain::{Explain, lower_keyword, upper_keyword};
use super::{Change, Location, Step, set};

/// The longest string or array a case builds.
const MAX_LEN: u64 = 4096;

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
struct Lister<'a> {
    location: usize,
    pointer: &'a str,
    schema: String,
    targets: &'a mut Vec<Target>,
    skipped: &'a mut Vec<DocSkip>,
}

impl Lister<'_> {
    fn add(&mut self, keyword: &'static str, describe: String, changes: Vec<Change>) {
        let pointer = self.pointer.to_owned();
        self.add_at(pointer, keyword, describe, changes);
    }

    /// A target labelled with `pointer` (a place inside the location's value).
    fn add_at(
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

    fn skip(&mut self, keyword: &'static str, why: &str) {
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

/// The numeric range ends, at the nearest valid values.
fn number_edges(node: &Node, l: &mut Lister<'_>) {
    let s = &node.shape;
    if !exact_bounds(s, l) {
        return;
    }
    let ints = !node.types.contains(&NUM);
    if let Some(b) = s.lo {
        let v = if ints {
            int_end(node, true)
        } else {
            num_end(s, b.value, b.exclusive, true)
        };
        if let Some(v) = v {
            l.add(
                lower_keyword(b.exclusive),
                format!("the least value, at {}", show(b.value)),
                set([v]),
            );
        }
    }
    if let Some(b) = s.hi {
        let v = if ints {
            int_end(node, false)
        } else {
            num_end(s, b.value, b.exclusive, false)
        };
        if let Some(v) = v {
            l.add(
                upper_keyword(b.exclusive),
                format!("the greatest value, at {}", show(b.value)),
                set([v]),
            );
        }
    }
}

/// Whether the numeric bounds are exact in a double (else they are listed as skipped).
fn exact_bounds(s: &Shape, l: &mut Lister<'_>) -> bool {
    const EXACT: f64 = 9.0e15;
    let mut ok = true;
    for (b, keyword) in [
        (s.lo, s.lo.map(|b| lower_keyword(b.exclusive))),
        (s.hi, s.hi.map(|b| upper_keyword(b.exclusive))),
    ] {
        if let (Some(b), Some(keyword)) = (b, keyword)
            && b.value.abs() > EXACT
        {
            l.skip(keyword, "a bound past 2^53 is not exact as a double");
            ok = false;
        }
    }
    ok
}

/// The least (`low`) or greatest integer of an integer node, a multiple of its steps.
fn int_end(node: &Node, low: bool) -> Option<Value> {
    let (lo, hi) = int_range(&node.shape)?;
    let m = node.int_step.unwrap_or(1);
    let v = if low {
        lo.div_euclid(m) * m + if lo.rem_euclid(m) == 0 { 0 } else { m }
    } else {
        hi.div_euclid(m) * m
    };
    (lo..=hi)
        .contains(&v)
        .then(|| Value::from(v))
        .filter(|v| fits(&node.shape, v))
}

/// The value of a number node nearest to bound `b` (exclusive or not) on the valid side.
fn num_end(s: &Shape, b: f64, exclusive: bool, low: bool) -> Option<Value> {
    let mut candidates = Vec::new();
    if let Some(&m) = s.multiple_of.first() {
        let k = (b / m).round();
        for d in [-1.0, 0.0, 1.0] {
            candidates.push((k + d) * m);
        }
    } else if exclusive {
        candidates.push(if low { b.next_up() } else { b.next_down() });
    } else {
        candidates.push(b);
    }
    let ok = candidates.into_iter().filter(|&v| check::number(s, v));
    let best = if low {
        ok.reduce(f64::min)
    } else {
        ok.reduce(f64::max)
    }?;
    Some(number_value(best)).filter(|v| fits(s, v))
}

/// Whether a number case value satisfies the node's numeric keywords.
fn fits(s: &Shape, v: &Value) -> bool {
    v.as_f64().is_some_and(|f| check::number(s, f))
}

/// A float as a JSON number: an integer when it is one.
fn number_value(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        Value::from(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// A bound as written.
fn show(f: f64) -> String {
    number_value(f).to_string()
}

/// The shortest and longest strings.
fn string_edges(s: &Shape, l: &mut Lister<'_>) {
    let lengths = s.min_len > 0 || s.max_len.is_some();
    if lengths && (!s.patterns.is_empty() || !s.formats.is_empty()) {
        l.skip(
            "minLength",
            "a length boundary of a string with a pattern or format is not built",
        );
        return;
    }
    if s.min_len > 0 && s.min_len <= MAX_LEN {
        l.add(
            "minLength",
            format!("the shortest string, {} characters", s.min_len),
            vec![Change::Length(s.min_len)],
        );
    }
    if let Some(max) = s.max_len.filter(|&m| m <= MAX_LEN) {
        l.add(
            "maxLength",
            format!("the longest string, {max} characters"),
            vec![Change::Length(max)],
        );
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
        explain.nodes[u].as_ref().is_some_and(|n| n.shape.types == 0)
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

/// Values outside an `enum` list, of the node's types, for an invalid case.
fn outside(list: &[Value], node: &Node) -> Vec<Value> {
    let s = &node.shape;
    let mut out = Vec::new();
    let numbers: Vec<f64> = list.iter().filter_map(Value::as_f64).collect();
    let top = numbers.iter().copied().fold(0.0, f64::max);
    let bottom = numbers.iter().copied().fold(0.0, f64::min);
    for &t in &[STR, INT, NUM, BOOL, NULL, ARR, OBJ] {
        if s.types & t == 0 {
            continue;
        }
        match t {
            STR => out.push(Value::from("not-in-the-list")),
            INT => {
                let m = node.int_step.unwrap_or(1) as f64;
                out.push(number_value(((top / m).floor() + 1.0) * m));
                out.push(number_value(((bottom / m).ceil() - 1.0) * m));
            }
            NUM => out.push(number_value(top + 0.5)),
            BOOL => out.extend([Value::Bool(true), Value::Bool(false)]),
            NULL => out.push(Value::Null),
            ARR => out.push(Value::Array(Vec::new())),
            _ => out.push(Value::Object(serde_json::Map::new())),
        }
    }
    out
}

/// Numbers just outside each bound, and off each `multipleOf`.
fn number_breaks(node: &Node, l: &mut Lister<'_>) {
    let s = &node.shape;
    if !exact_bounds(s, l) {
        return;
    }
    let ints = s.types & NUM == 0;
    let m = s.multiple_of.first().copied();
    let snap = |v: f64, down: bool| match m {
        Some(m) => {
            let k = v / m;
            (if down { k.floor() } else { k.ceil() }) * m
        }
        None => v,
    };
    if let Some(b) = s.lo {
        let mut v = if b.exclusive { b.value } else { b.value - 1.0 };
        if ints || b.value.fract() == 0.0 {
            v = if b.exclusive {
                b.value.floor()
            } else {
                b.value.ceil() - 1.0
            };
        }
        let v = snap(v, true);
        l.add(
            lower_keyword(b.exclusive),
            format!("below {} {}", lower_keyword(b.exclusive), show(b.value)),
            set([number_value(v)]),
        );
    }
    if let Some(b) = s.hi {
        let mut v = if b.exclusive { b.value } else { b.value + 1.0 };
        if ints || b.value.fract() == 0.0 {
            v = if b.exclusive {
                b.value.ceil()
            } else {
                b.value.floor() + 1.0
            };
        }
        let v = snap(v, false);
        l.add(
            upper_keyword(b.exclusive),
            format!("above {} {}", upper_keyword(b.exclusive), show(b.value)),
            set([number_value(v)]),
        );
    }
    for &m in &s.multiple_of {
        let base = int_end(node, true)
            .and_then(|v| v.as_f64())
            .or_else(|| s.lo.map(|b| b.value))
            .unwrap_or(0.0);
        let mut candidates = Vec::new();
        for v in [
            base + 1.0,
            base - 1.0,
            base + m / 2.0,
            base + m + 1.0,
            base + 0.5,
        ] {
            if (!ints || v.fract() == 0.0) && !check::is_multiple(v, m) && check::in_bounds(s, v) {
                candidates.push(number_value(v));
            }
        }
        l.add(
            "multipleOf",
            format!("not a multiple of {}", show(m)),
            set(candidates),
        );
    }
}

/// Strings just too short or long, missing the pattern or the format.
fn string_breaks(s: &Shape, l: &mut Lister<'_>, loc: &Location) {
    let plain = s.patterns.is_empty() && s.formats.is_empty();
    if s.min_len > 0 {
        if plain {
            l.add(
                "minLength",
                format!(
                    "{} characters, under minLength {}",
                    s.min_len - 1,
                    s.min_len
                ),
                vec![Change::Length(s.min_len - 1)],
            );
        } else {
            l.skip(
                "minLength",
                "a shorter string would also miss the pattern or format",
            );
        }
    }
    if let Some(max) = s.max_len.filter(|&m| m < MAX_LEN) {
        if plain {
            l.add(
                "maxLength",
                format!("{} characters, over maxLength {max}", max + 1),
                vec![Change::Length(max + 1)],
            );
        } else {
            l.skip(
                "maxLength",
                "a longer string would also miss the pattern or format",
            );
        }
    }
    let lengths = || {
        let lo = s.min_len.max(1);
        let hi = s.max_len.unwrap_or(lo + 3).min(lo + 3);
        lo..=hi
    };
    if !s.patterns.is_empty() {
        let mut misses = Vec::new();
        for n in lengths() {
            for c in ['!', ' ', '0', 'a', 'Z', '-', '~', '\u{e9}'] {
                let t: String = std::iter::repeat_n(c, n as usize).collect();
                if s.patterns.iter().any(|p| !p.matcher.is_match(&t)) && s.formats.is_empty() {
                    misses.push(Value::String(t));
                }
            }
        }
        misses.truncate(12);
        l.add("pattern", "a string the pattern misses".into(), set(misses));
    }
    for &f in &s.formats {
        if loc.steps.iter().any(|s| matches!(s, Step::Variant(_))) {
            l.skip("format", "a format inside a branch is not broken: the branch would fail");
            continue;
        }
        if !s.patterns.is_empty() {
            l.skip(
                "format",
                "a string missing the format would also have to match the pattern",
            );
            continue;
        }
        let c = match f {
            Format::Regex => '[',
            Format::UriTemplate => '{',
            Format::UriReference => '\\',
            _ => '!',
        };
        let misses: Vec<Value> = lengths()
            .map(|n| Value::String(std::iter::repeat_n(c, n as usize).collect()))
            .collect();
        l.add("format", format!("not a {f:?} string"), set(misses));
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
