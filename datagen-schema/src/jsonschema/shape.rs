//! `Shape`: one schema's constraints in typed form, and the intersection of two shapes (`allOf`).
//!
//! A shape keeps applicators as lists of parts, one per schema object that was merged into it, so
//! that the intersection of two shapes is the concatenation of their lists: `additionalProperties`
//! of one part only sees the `properties` of its own part, as the specification says.

use std::sync::Arc;

use serde_json::Value;

use super::format::Format;

/// The index of a node in the compiled arena.
pub(super) type Id = usize;

/// The JSON types as bits; `integer` is its own bit so that `number` is `INT | NUM`.
pub(super) const NULL: u8 = 1;
pub(super) const BOOL: u8 = 2;
pub(super) const INT: u8 = 4;
pub(super) const NUM: u8 = 8;
pub(super) const STR: u8 = 16;
pub(super) const ARR: u8 = 32;
pub(super) const OBJ: u8 = 64;
/// Every type.
pub(super) const ANY: u8 = 127;

/// A numeric bound: the value and whether it is exclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Bound {
    pub(super) value: f64,
    pub(super) exclusive: bool,
}

/// A `pattern`: the matcher used to check strings, and the generator (if the pattern can be
/// generated from: no look-around or backreferences).
#[derive(Clone, Debug)]
pub(super) struct Pattern {
    pub(super) matcher: Arc<regex::Regex>,
    pub(super) generator: Option<Arc<datagen_core::regex::Regex>>,
}

/// The item rules of one schema object: `prefixItems` (or array `items`) and the rest.
#[derive(Clone, Debug, Default)]
pub(super) struct ArrPart {
    pub(super) prefix: Vec<Id>,
    /// The schema of items past the prefix; `None`: anything.
    pub(super) rest: Option<Id>,
}

/// A `contains` with its bounds.
#[derive(Clone, Debug)]
pub(super) struct Contains {
    pub(super) id: Id,
    pub(super) min: u64,
    pub(super) max: Option<u64>,
}

/// The property rules of one schema object.
#[derive(Clone, Debug, Default)]
pub(super) struct ObjPart {
    pub(super) props: Vec<(String, Id)>,
    pub(super) patterns: Vec<(Pattern, Id)>,
    /// `additionalProperties`; `None`: anything.
    pub(super) additional: Option<Id>,
}

/// `if` with its `then` and `else`.
#[derive(Clone, Debug)]
pub(super) struct Cond {
    pub(super) when: Id,
    pub(super) then: Option<Id>,
    pub(super) otherwise: Option<Id>,
}

/// The constraints of one schema (or an intersection of several), in typed form.
#[derive(Clone, Debug)]
pub(super) struct Shape {
    /// The JSON pointer the shape came from, for errors.
    pub(super) pointer: String,
    /// The allowed types.
    pub(super) types: u8,
    /// Whether `type` was written (else the keywords present pick the types to generate).
    pub(super) typed: bool,
    /// `enum` and `const` lists: an instance is in every one.
    pub(super) consts: Vec<Vec<Value>>,
    /// The keyword of each list of `consts`: `enum` or `const`.
    pub(super) const_names: Vec<&'static str>,
    pub(super) lo: Option<Bound>,
    pub(super) hi: Option<Bound>,
    pub(super) multiple_of: Vec<f64>,
    pub(super) min_len: u64,
    pub(super) max_len: Option<u64>,
    pub(super) patterns: Vec<Pattern>,
    pub(super) formats: Vec<Format>,
    /// `contentMediaType: application/json` and `contentEncoding: base64`, which draft 7
    /// validators may assert (later drafts make them annotations).
    pub(super) json_content: bool,
    pub(super) base64: bool,
    pub(super) min_items: u64,
    pub(super) max_items: Option<u64>,
    pub(super) unique: bool,
    pub(super) arrays: Vec<ArrPart>,
    pub(super) contains: Vec<Contains>,
    pub(super) min_props: u64,
    pub(super) max_props: Option<u64>,
    pub(super) required: Vec<String>,
    pub(super) objects: Vec<ObjPart>,
    pub(super) names: Vec<Id>,
    pub(super) dep_required: Vec<(String, Vec<String>)>,
    pub(super) dep_schemas: Vec<(String, Id)>,
    pub(super) any_of: Vec<Vec<Id>>,
    pub(super) one_of: Vec<Vec<Id>>,
    pub(super) not: Vec<Id>,
    pub(super) conds: Vec<Cond>,
    pub(super) uneval_props: Vec<Id>,
    pub(super) uneval_items: Vec<Id>,
    /// Subschemas an instance is checked against as they are: intersected ones whose
    /// `unevaluated*` must only see their own properties and items.
    pub(super) checks: Vec<Id>,
}

impl Shape {
    /// The shape of `true` (or `{}`): anything.
    pub(super) fn any(pointer: &str) -> Self {
        Shape {
            pointer: pointer.to_owned(),
            types: ANY,
            typed: false,
            consts: Vec::new(),
            const_names: Vec::new(),
            lo: None,
            hi: None,
            multiple_of: Vec::new(),
            min_len: 0,
            max_len: None,
            patterns: Vec::new(),
            formats: Vec::new(),
            json_content: false,
            base64: false,
            min_items: 0,
            max_items: None,
            unique: false,
            arrays: Vec::new(),
            contains: Vec::new(),
            min_props: 0,
            max_props: None,
            required: Vec::new(),
            objects: Vec::new(),
            names: Vec::new(),
            dep_required: Vec::new(),
            dep_schemas: Vec::new(),
            any_of: Vec::new(),
            one_of: Vec::new(),
            not: Vec::new(),
            conds: Vec::new(),
            uneval_props: Vec::new(),
            uneval_items: Vec::new(),
            checks: Vec::new(),
        }
    }

    /// The shape of `false`: nothing.
    pub(super) fn never(pointer: &str) -> Self {
        Shape {
            types: 0,
            typed: true,
            ..Shape::any(pointer)
        }
    }

    /// Whether the shape has disjunctions to expand (`anyOf`, `oneOf`, `if`).
    pub(super) fn has_choices(&self) -> bool {
        !self.any_of.is_empty() || !self.one_of.is_empty() || !self.conds.is_empty()
    }

    /// Intersects `other` into `self` (both must hold).
    pub(super) fn merge(&mut self, other: &Shape) {
        self.types &= other.types;
        self.typed |= other.typed;
        self.consts.extend(other.consts.iter().cloned());
        self.const_names.extend(other.const_names.iter().copied());
        self.lo = tighter(self.lo, other.lo, true);
        self.hi = tighter(self.hi, other.hi, false);
        push_new(&mut self.multiple_of, &other.multiple_of);
        self.min_len = self.min_len.max(other.min_len);
        self.max_len = min_opt(self.max_len, other.max_len);
        self.patterns.extend(other.patterns.iter().cloned());
        push_new(&mut self.formats, &other.formats);
        self.json_content |= other.json_content;
        self.base64 |= other.base64;
        self.min_items = self.min_items.max(other.min_items);
        self.max_items = min_opt(self.max_items, other.max_items);
        self.unique |= other.unique;
        self.arrays.extend(other.arrays.iter().cloned());
        self.contains.extend(other.contains.iter().cloned());
        self.min_props = self.min_props.max(other.min_props);
        self.max_props = min_opt(self.max_props, other.max_props);
        push_new(&mut self.required, &other.required);
        self.objects.extend(other.objects.iter().cloned());
        push_new(&mut self.names, &other.names);
        self.dep_required.extend(other.dep_required.iter().cloned());
        self.dep_schemas.extend(other.dep_schemas.iter().cloned());
        self.any_of.extend(other.any_of.iter().cloned());
        self.one_of.extend(other.one_of.iter().cloned());
        push_new(&mut self.not, &other.not);
        self.conds.extend(other.conds.iter().cloned());
        push_new(&mut self.uneval_props, &other.uneval_props);
        push_new(&mut self.uneval_items, &other.uneval_items);
        push_new(&mut self.checks, &other.checks);
    }

    /// Intersects subschema `id`, whose shape is `other`, into `self`; a subschema with
    /// `unevaluated*` is also kept whole as a check, since merged into `self` it would see
    /// properties it must not.
    pub(super) fn merge_child(&mut self, id: Id, other: &Shape) {
        if other.uneval_props.is_empty() && other.uneval_items.is_empty() {
            self.merge(other);
        } else {
            let mut other = other.clone();
            other.uneval_props.clear();
            other.uneval_items.clear();
            self.merge(&other);
            push_new(&mut self.checks, &[id]);
        }
    }

    /// Whether the shape restricts nothing but the type (so `not` of it removes those types).
    pub(super) fn is_type_only(&self) -> bool {
        self.consts.is_empty()
            && self.lo.is_none()
            && self.hi.is_none()
            && self.multiple_of.is_empty()
            && !self.speaks_of(STR | ARR | OBJ)
            && !self.has_choices()
            && self.not.is_empty()
            && self.checks.is_empty()
    }

    /// Whether the shape says anything about values of the types in `mask` (so that, with no
    /// `type` written, those are the types worth generating).
    pub(super) fn speaks_of(&self, mask: u8) -> bool {
        let numbers = self.lo.is_some() || self.hi.is_some() || !self.multiple_of.is_empty();
        let strings = self.min_len > 0
            || self.json_content
            || self.base64
            || self.max_len.is_some()
            || !self.patterns.is_empty()
            || !self.formats.is_empty();
        let arrays = self.min_items > 0
            || self.max_items.is_some()
            || self.unique
            || !self.arrays.is_empty()
            || !self.contains.is_empty()
            || !self.uneval_items.is_empty();
        let objects = self.min_props > 0
            || self.max_props.is_some()
            || !self.required.is_empty()
            || !self.objects.is_empty()
            || !self.names.is_empty()
            || !self.dep_required.is_empty()
            || !self.dep_schemas.is_empty()
            || !self.uneval_props.is_empty();
        (mask & (INT | NUM) != 0 && numbers)
            || (mask & STR != 0 && strings)
            || (mask & ARR != 0 && arrays)
            || (mask & OBJ != 0 && objects)
    }
}

/// The tighter of two bounds: the larger lower bound or the smaller upper bound.
fn tighter(a: Option<Bound>, b: Option<Bound>, lower: bool) -> Option<Bound> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => {
            if a.value == b.value {
                Some(Bound {
                    value: a.value,
                    exclusive: a.exclusive || b.exclusive,
                })
            } else if (a.value > b.value) == lower {
                Some(a)
            } else {
                Some(b)
            }
        }
    }
}

/// The smaller of two optional limits.
fn min_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => Some(a.min(b)),
    }
}

/// Appends the items of `from` not yet in `to`.
fn push_new<T: PartialEq + Clone>(to: &mut Vec<T>, from: &[T]) {
    for item in from {
        if !to.contains(item) {
            to.push(item.clone());
        }
    }
}
