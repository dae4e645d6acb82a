//! Which keywords an instance fails, and where: the check a case instance must pass (edge: no
//! fault; invalid: exactly the one it names). Faults are reported as validators report them:
//! a failing `anyOf`, `oneOf`, `not` or `contains` as that keyword (not the branches' faults),
//! `allOf`, `$ref`, `if` and dependent schemas by the faults inside them.

use serde_json::{Map, Value};

use super::super::check::{self, Checker, equal, type_bit};
use super::super::index::Draft;
use super::super::plan::Node;
use super::super::shape::{Id, Shape};

/// One failed keyword: the instance location (a JSON pointer) and the keyword.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Fault {
    pub(super) pointer: String,
    pub(super) keyword: &'static str,
}

/// The nodes of a compiled schema, for explaining.
pub(super) struct Explain<'a> {
    pub(super) nodes: &'a [Option<Node>],
    pub(super) draft: Draft,
    /// The location whose string was built to miss its formats (they are not checked
    /// elsewhere: generated strings have them).
    pub(super) miss: Option<&'a str>,
}

impl Explain<'_> {
    fn shape(&self, id: Id) -> &Shape {
        &self.nodes[id]
            .as_ref()
            .expect("every node a shape refers to is planned")
            .shape
    }

    fn checker(&self) -> Checker<'_> {
        Checker { nodes: self.nodes }
    }

    /// Every fault of `v` at `pointer` against node `id`, sorted and without repeats.
    pub(super) fn faults(&self, id: Id, v: &Value) -> Vec<Fault> {
        let mut out = Vec::new();
        let mut pointer = String::new();
        self.node(id, v, &mut pointer, &mut out);
        out.sort();
        out.dedup();
        out
    }

    fn push(out: &mut Vec<Fault>, pointer: &str, keyword: &'static str) {
        out.push(Fault {
            pointer: pointer.to_owned(),
            keyword,
        });
    }

    fn node(&self, id: Id, v: &Value, pointer: &mut String, out: &mut Vec<Fault>) {
        let s = self.shape(id);
        let before = out.len();
        if s.types == 0 {
            Self::push(out, pointer, "falseSchema");
            return;
        }
        if s.types & type_bit(v) == 0 {
            // A float with no fraction passes `integer`; any number passes `number`.
            Self::push(out, pointer, "type");
        }
        for (list, name) in s.consts.iter().zip(&s.const_names) {
            if !list.iter().any(|c| equal(c, v)) {
                Self::push(out, pointer, name);
            }
        }
        match v {
            Value::Number(n) => {
                if let Some(f) = n.as_f64() {
                    number(s, f, pointer, out);
                }
            }
            Value::String(t) => {
                string(s, t, pointer, out);
                if !s.formats.is_empty() && self.miss == Some(pointer.as_str()) {
                    Self::push(out, pointer, "format");
                }
            }
            Value::Array(items) => self.array(s, items, pointer, out),
            Value::Object(map) => self.object(s, map, v, pointer, out),
            _ => {}
        }
        let check = self.checker();
        for g in &s.any_of {
            if !g.iter().any(|&b| check.valid(b, v)) {
                Self::push(out, pointer, "anyOf");
            }
        }
        for g in &s.one_of {
            if g.iter().filter(|&&b| check.valid(b, v)).count() != 1 {
                Self::push(out, pointer, "oneOf");
            }
        }
        for &n in &s.not {
            if check.valid(n, v) {
                Self::push(out, pointer, "not");
            }
        }
        for &c in &s.checks {
            self.node(c, v, pointer, out);
        }
        for c in &s.conds {
            let branch = if check.valid(c.when, v) {
                c.then
            } else {
                c.otherwise
            };
            if let Some(b) = branch {
                self.node(b, v, pointer, out);
            }
        }
        let unevaluated = !s.uneval_props.is_empty() || !s.uneval_items.is_empty();
        // A subschema that fails drops its annotations, so what it evaluated becomes
        // unevaluated: with a fault inside, `unevaluated*` is counted as failing too.
        if !check.unevaluated(id, v) || (unevaluated && out.len() > before) {
            let keyword = if v.is_array() {
                "unevaluatedItems"
            } else {
                "unevaluatedProperties"
            };
            Self::push(out, pointer, keyword);
        }
    }

    fn array(&self, s: &Shape, items: &[Value], pointer: &mut String, out: &mut Vec<Fault>) {
        let n = items.len() as u64;
        if n < s.min_items {
            Self::push(out, pointer, "minItems");
        }
        if s.max_items.is_some_and(|m| n > m) {
            Self::push(out, pointer, "maxItems");
        }
        for part in &s.arrays {
            let mut extra = false;
            for (i, item) in items.iter().enumerate() {
                let rest = i >= part.prefix.len();
                if rest
                    && !part.prefix.is_empty()
                    && self.draft < Draft::Draft202012
                    && part.rest.is_some_and(|r| self.shape(r).types == 0)
                {
                    // `additionalItems: false` fails the array, not the item.
                    extra = true;
                    continue;
                }
                if let Some(id) = part.prefix.get(i).copied().or(part.rest) {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(itoa::Buffer::new().format(i));
                    self.node(id, item, pointer, out);
                    pointer.truncate(len);
                }
            }
            if extra {
                Self::push(out, pointer, "additionalItems");
            }
        }
        let check = self.checker();
        for k in &s.contains {
            let hits = items.iter().filter(|i| check.valid(k.id, i)).count() as u64;
            if hits < k.min {
                Self::push(
                    out,
                    pointer,
                    if k.min == 1 {
                        "contains"
                    } else {
                        "minContains"
                    },
                );
            }
            if k.max.is_some_and(|m| hits > m) {
                Self::push(out, pointer, "maxContains");
            }
        }
        if s.unique
            && items
                .iter()
                .enumerate()
                .any(|(i, a)| items[..i].iter().any(|b| equal(a, b)))
        {
            Self::push(out, pointer, "uniqueItems");
        }
    }

    fn object(
        &self,
        s: &Shape,
        map: &Map<String, Value>,
        object: &Value,
        pointer: &mut String,
        out: &mut Vec<Fault>,
    ) {
        let n = map.len() as u64;
        if n < s.min_props {
            Self::push(out, pointer, "minProperties");
        }
        if s.max_props.is_some_and(|m| n > m) {
            Self::push(out, pointer, "maxProperties");
        }
        if s.required.iter().any(|r| !map.contains_key(r)) {
            Self::push(out, pointer, "required");
        }
        for part in &s.objects {
            let mut extra = false;
            for (name, value) in map {
                let mut ids: Vec<Id> = part
                    .props
                    .iter()
                    .filter(|(p, _)| p == name)
                    .map(|p| p.1)
                    .collect();
                ids.extend(
                    part.patterns
                        .iter()
                        .filter(|(p, _)| p.matcher.is_match(name))
                        .map(|p| p.1),
                );
                if ids.is_empty()
                    && let Some(a) = part.additional
                {
                    let never = self.shape(a).types == 0;
                    if never {
                        extra = true;
                        continue;
                    }
                    ids.push(a);
                }
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape(name));
                for id in ids {
                    self.node(id, value, pointer, out);
                }
                pointer.truncate(len);
            }
            if extra {
                Self::push(out, pointer, "additionalProperties");
            }
        }
        let check = self.checker();
        for &names in &s.names {
            if !map
                .keys()
                .all(|k| check.valid(names, &Value::String(k.clone())))
            {
                Self::push(out, pointer, "propertyNames");
            }
        }
        for (name, deps) in &s.dep_required {
            if map.contains_key(name) && !deps.iter().all(|d| map.contains_key(d)) {
                Self::push(out, pointer, self.dependent_required());
            }
        }
        for (name, id) in &s.dep_schemas {
            if map.contains_key(name) {
                self.node(*id, object, pointer, out);
            }
        }
    }

    /// The keyword `dependentRequired` is spelled in the schema's draft.
    pub(super) fn dependent_required(&self) -> &'static str {
        if self.draft >= Draft::Draft201909 {
            "dependentRequired"
        } else {
            "dependencies"
        }
    }
}

/// The numeric keywords' faults.
fn number(s: &Shape, f: f64, pointer: &str, out: &mut Vec<Fault>) {
    if let Some(b) = s.lo
        && !(if b.exclusive {
            f > b.value
        } else {
            f >= b.value
        })
    {
        Explain::push(out, pointer, lower_keyword(b.exclusive));
    }
    if let Some(b) = s.hi
        && !(if b.exclusive {
            f < b.value
        } else {
            f <= b.value
        })
    {
        Explain::push(out, pointer, upper_keyword(b.exclusive));
    }
    if s.multiple_of.iter().any(|&m| !check::is_multiple(f, m)) {
        Explain::push(out, pointer, "multipleOf");
    }
}

/// The keyword of a lower bound.
pub(super) fn lower_keyword(exclusive: bool) -> &'static str {
    if exclusive {
        "exclusiveMinimum"
    } else {
        "minimum"
    }
}

/// The keyword of an upper bound.
pub(super) fn upper_keyword(exclusive: bool) -> &'static str {
    if exclusive {
        "exclusiveMaximum"
    } else {
        "maximum"
    }
}

/// The string keywords' faults but `format`.
fn string(s: &Shape, t: &str, pointer: &str, out: &mut Vec<Fault>) {
    let n = t.chars().count() as u64;
    if n < s.min_len {
        Explain::push(out, pointer, "minLength");
    }
    if s.max_len.is_some_and(|m| n > m) {
        Explain::push(out, pointer, "maxLength");
    }
    if s.patterns.iter().any(|p| !p.matcher.is_match(t)) {
        Explain::push(out, pointer, "pattern");
    }
}

/// A property name as a JSON pointer token.
pub(super) fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}
