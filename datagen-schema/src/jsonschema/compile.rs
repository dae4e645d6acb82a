//! Reading schema objects into shapes, keyword by keyword and draft by draft, and resolving
//! `$ref`, `allOf` and every other intersection into one shape per node.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::error::Error;
use super::format::Format;
use super::index::{Draft, Index, Loc, escape};
use super::shape::{
    ANY, ARR, ArrPart, BOOL, Bound, Cond, Contains, INT, Id, NULL, NUM, OBJ, ObjPart, Pattern,
    STR, Shape,
};

/// A node of the arena while compiling.
pub(super) enum Slot {
    /// A schema not read yet.
    Raw(Loc),
    /// The intersection of other nodes, not computed yet.
    All(Vec<Id>),
    /// Being computed: meeting it again is a cycle with no value in between.
    Busy,
    /// Computed.
    Done(Shape),
}

/// The arena of nodes and the memo tables that keep one node per schema and per intersection.
pub(super) struct Compiler<'a> {
    pub(super) index: Index<'a>,
    pub(super) slots: Vec<Slot>,
    by_loc: HashMap<Loc, Id>,
    by_all: HashMap<Vec<Id>, Id>,
}

/// The keywords that do not constrain instances: a schema with `$ref` and only these is the
/// referenced schema itself.
const INERT: &[&str] = &[
    "$ref", "$id", "id", "$schema", "$comment", "$defs", "definitions", "title", "description",
    "default", "examples", "$anchor", "$dynamicAnchor", "readOnly", "writeOnly", "deprecated",
];

impl<'a> Compiler<'a> {
    /// A compiler over the documents of `index`.
    pub(super) fn new(index: Index<'a>) -> Self {
        Compiler {
            index,
            slots: Vec::new(),
            by_loc: HashMap::new(),
            by_all: HashMap::new(),
        }
    }

    /// The node of the schema at `loc` (read later, when resolved).
    pub(super) fn node_at(&mut self, loc: Loc) -> Id {
        if let Some(&id) = self.by_loc.get(&loc) {
            return id;
        }
        let id = self.slots.len();
        self.slots.push(Slot::Raw(loc.clone()));
        self.by_loc.insert(loc, id);
        id
    }

    /// The node of the intersection of `ids`.
    pub(super) fn all(&mut self, mut ids: Vec<Id>) -> Id {
        ids.sort_unstable();
        ids.dedup();
        if ids.len() == 1 {
            return ids[0];
        }
        if let Some(&id) = self.by_all.get(&ids) {
            return id;
        }
        let id = self.slots.len();
        self.slots.push(Slot::All(ids.clone()));
        self.by_all.insert(ids, id);
        id
    }

    /// A node holding an already computed shape.
    pub(super) fn push(&mut self, shape: Shape) -> Id {
        self.slots.push(Slot::Done(shape));
        self.slots.len() - 1
    }

    /// The computed shape of `id`; call [`Compiler::resolve`] first.
    pub(super) fn shape(&self, id: Id) -> &Shape {
        match &self.slots[id] {
            Slot::Done(shape) => shape,
            _ => unreachable!("node {id} is read before it is resolved"),
        }
    }

    /// Computes the shape of `id` (and of the nodes it intersects).
    pub(super) fn resolve(&mut self, id: Id) -> Result<(), Error> {
        let slot = std::mem::replace(&mut self.slots[id], Slot::Busy);
        let shape = match slot {
            Slot::Done(shape) => shape,
            Slot::Busy => {
                return Err(Error::Unsupported {
                    pointer: String::new(),
                    keyword: "$ref".into(),
                    why: "the schema refers to itself without any object or array in between, \
                          so it has no finite instance"
                        .into(),
                });
            }
            Slot::Raw(loc) => {
                let result = self.read(&loc);
                match result {
                    Ok(shape) => shape,
                    Err(mut e) => {
                        if let Error::Unsupported { pointer, .. } = &mut e
                            && pointer.is_empty()
                        {
                            *pointer = self.index.describe(&loc);
                        }
                        self.slots[id] = Slot::Raw(loc);
                        return Err(e);
                    }
                }
            }
            Slot::All(ids) => {
                let mut shape: Option<Shape> = None;
                for &other in &ids {
                    self.resolve(other)?;
                    match &mut shape {
                        None => shape = Some(self.shape(other).clone()),
                        Some(s) => s.merge(self.shape(other)),
                    }
                }
                shape.unwrap_or_else(|| Shape::any("/"))
            }
        };
        self.slots[id] = Slot::Done(shape);
        Ok(())
    }

    /// Reads the schema at `loc` and intersects what it refers to.
    fn read(&mut self, loc: &Loc) -> Result<Shape, Error> {
        let pointer = self.index.describe(loc);
        let value = self.index.value(loc).cloned().unwrap_or(Value::Bool(true));
        let map = match value {
            Value::Bool(true) => return Ok(Shape::any(&pointer)),
            Value::Bool(false) => return Ok(Shape::never(&pointer)),
            Value::Object(map) => map,
            _ => {
                return Err(invalid(&pointer, "schema", "a schema must be an object or a boolean",
                    "write an object such as {\"type\": \"string\"}"));
            }
        };
        let draft = self.index.scope(loc).draft;
        let mut merge = Vec::new();
        for (keyword, dynamic) in [("$ref", false), ("$dynamicRef", true), ("$recursiveRef", true)] {
            let Some(reference) = map.get(keyword) else { continue };
            if dynamic && draft < Draft::Draft201909 {
                continue;
            }
            let reference = reference.as_str().ok_or_else(|| {
                invalid(&pointer, keyword, "a reference must be a string", "write a URI reference")
            })?;
            let target = self.reference(loc, keyword, reference, &pointer)?;
            let id = self.node_at(target);
            let only_ref = map.keys().all(|k| INERT.contains(&k.as_str()) || k == keyword);
            if draft <= Draft::Draft7 || only_ref {
                // Before 2019-09 `$ref` overrides its siblings; alone, it is its target.
                self.resolve(id)?;
                let mut shape = self.shape(id).clone();
                shape.pointer = pointer.clone();
                return Ok(shape);
            }
            merge.push(id);
        }
        let mut shape = self.keywords(loc, &map, draft, &pointer)?;
        if let Some(Value::Array(items)) = map.get("allOf") {
            for i in 0..items.len() {
                merge.push(self.child(loc, &format!("allOf/{i}")));
            }
        }
        for id in merge {
            self.resolve(id)?;
            let other = self.shape(id).clone();
            shape.merge_child(id, &other);
        }
        Ok(shape)
    }

    /// Resolves a reference, `$dynamicRef` through the dynamic scope's outermost anchor.
    fn reference(&mut self, loc: &Loc, keyword: &str, reference: &str, pointer: &str) -> Result<Loc, Error> {
        let err = |why: String| Error::Ref {
            pointer: pointer.to_owned(),
            keyword: keyword.to_owned(),
            reference: reference.to_owned(),
            why,
        };
        let root = Loc { doc: 0, ptr: String::new() };
        if keyword == "$recursiveRef" {
            return Ok(root);
        }
        let target = self.index.resolve(loc, reference).map_err(err)?;
        if keyword == "$dynamicRef"
            && let Some(name) = reference.rsplit_once('#').map(|(_, n)| n)
            && self.index.has_dynamic_anchor(&target, name)
        {
            let outer = [self.index.scope(&root).base, self.index.scope(loc).base];
            if let Some(found) = self.index.dynamic(&outer, name) {
                return Ok(found);
            }
        }
        Ok(target)
    }

    /// The node of the subschema at `path` (a JSON pointer suffix, already escaped) under `loc`.
    fn child(&mut self, loc: &Loc, path: &str) -> Id {
        self.node_at(Loc { doc: loc.doc, ptr: format!("{}/{path}", loc.ptr) })
    }

    /// The nodes of the schema array under `key`.
    fn list(&mut self, loc: &Loc, map: &Map<String, Value>, key: &str, pointer: &str) -> Result<Vec<Id>, Error> {
        match map.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) if !items.is_empty() || key == "prefixItems" || key == "items" => {
                Ok((0..items.len()).map(|i| self.child(loc, &format!("{key}/{i}"))).collect())
            }
            Some(_) => Err(invalid(pointer, key, "expected a non-empty array of schemas", "list one or more schemas")),
        }
    }

    /// The typed constraints of one schema object, without `$ref` and `allOf`.
    fn keywords(&mut self, loc: &Loc, map: &Map<String, Value>, draft: Draft, pointer: &str) -> Result<Shape, Error> {
        let mut s = Shape::any(pointer);
        if let Some(t) = map.get("type") {
            s.types = types(t).ok_or_else(|| invalid(pointer, "type", "expected a type name or a list of them",
                "use null, boolean, integer, number, string, array or object"))?;
            s.typed = true;
        }
        if let Some(e) = map.get("enum") {
            let Value::Array(items) = e else {
                return Err(invalid(pointer, "enum", "expected an array", "list the allowed values"));
            };
            s.consts.push(items.clone());
        }
        if draft >= Draft::Draft6 && let Some(c) = map.get("const") {
            s.consts.push(vec![c.clone()]);
        }
        self.numbers(map, draft, pointer, &mut s)?;
        s.min_len = count(map, "minLength", pointer)?.unwrap_or(0);
        s.max_len = count(map, "maxLength", pointer)?;
        if let Some(p) = map.get("pattern") {
            let p = p.as_str().ok_or_else(|| invalid(pointer, "pattern", "expected a string", "write a regular expression"))?;
            s.patterns.push(pattern(p, pointer, "pattern")?);
        }
        if let Some(f) = map.get("format").and_then(Value::as_str).and_then(Format::from_name) {
            s.formats.push(f);
        }
        self.arrays(loc, map, draft, pointer, &mut s)?;
        self.objects(loc, map, draft, pointer, &mut s)?;
        for key in ["anyOf", "oneOf"] {
            let ids = self.list(loc, map, key, pointer)?;
            if !ids.is_empty() {
                if key == "anyOf" { s.any_of.push(ids) } else { s.one_of.push(ids) }
            }
        }
        if map.contains_key("not") {
            let id = self.child(loc, "not");
            s.not.push(id);
        }
        if draft >= Draft::Draft7 && map.contains_key("if") {
            let when = self.child(loc, "if");
            let then = map.contains_key("then").then(|| self.child(loc, "then"));
            let otherwise = map.contains_key("else").then(|| self.child(loc, "else"));
            s.conds.push(Cond { when, then, otherwise });
        }
        if draft >= Draft::Draft201909 {
            if map.contains_key("unevaluatedProperties") {
                let id = self.child(loc, "unevaluatedProperties");
                s.uneval_props.push(id);
            }
            if map.contains_key("unevaluatedItems") {
                let id = self.child(loc, "unevaluatedItems");
                s.uneval_items.push(id);
            }
        }
        Ok(s)
    }

    /// `minimum`, `maximum`, their exclusive forms (a flag before draft 6) and `multipleOf`.
    fn numbers(&mut self, map: &Map<String, Value>, draft: Draft, pointer: &str, s: &mut Shape) -> Result<(), Error> {
        let num = |key: &str| -> Result<Option<f64>, Error> {
            match map.get(key) {
                None => Ok(None),
                Some(Value::Bool(_)) if draft == Draft::Draft4 && key.starts_with("exclusive") => Ok(None),
                Some(v) => v.as_f64().map(Some).ok_or_else(|| invalid(pointer, key, "expected a number", "write a number")),
            }
        };
        let flag = |key: &str| draft == Draft::Draft4 && map.get(key) == Some(&Value::Bool(true));
        if let Some(v) = num("minimum")? {
            s.lo = Some(Bound { value: v, exclusive: flag("exclusiveMinimum") });
        }
        if let Some(v) = num("maximum")? {
            s.hi = Some(Bound { value: v, exclusive: flag("exclusiveMaximum") });
        }
        if draft >= Draft::Draft6 {
            let mut bounds = Shape::any(pointer);
            if let Some(v) = num("exclusiveMinimum")? {
                bounds.lo = Some(Bound { value: v, exclusive: true });
            }
            if let Some(v) = num("exclusiveMaximum")? {
                bounds.hi = Some(Bound { value: v, exclusive: true });
            }
            s.merge(&bounds);
        }
        if let Some(m) = num("multipleOf")? {
            if m <= 0.0 {
                return Err(invalid(pointer, "multipleOf", "it must be greater than 0", "write a positive number"));
            }
            s.multiple_of.push(m);
        }
        Ok(())
    }

    /// The array keywords.
    fn arrays(&mut self, loc: &Loc, map: &Map<String, Value>, draft: Draft, pointer: &str, s: &mut Shape) -> Result<(), Error> {
        s.min_items = count(map, "minItems", pointer)?.unwrap_or(0);
        s.max_items = count(map, "maxItems", pointer)?;
        s.unique = map.get("uniqueItems") == Some(&Value::Bool(true));
        let mut part = ArrPart::default();
        let mut any = false;
        match map.get("items") {
            Some(Value::Array(_)) if draft < Draft::Draft202012 || !map.contains_key("prefixItems") => {
                part.prefix = self.list(loc, map, "items", pointer)?;
                any = true;
                if map.contains_key("additionalItems") {
                    part.rest = Some(self.child(loc, "additionalItems"));
                }
            }
            Some(Value::Object(_) | Value::Bool(_)) => {
                part.rest = Some(self.child(loc, "items"));
                any = true;
            }
            Some(Value::Array(_)) | None => {}
            Some(_) => return Err(invalid(pointer, "items", "expected a schema", "write a schema")),
        }
        if draft >= Draft::Draft202012 && map.contains_key("prefixItems") {
            part.prefix = self.list(loc, map, "prefixItems", pointer)?;
            any = true;
        }
        if any {
            s.arrays.push(part);
        }
        if draft >= Draft::Draft6 && map.contains_key("contains") {
            let id = self.child(loc, "contains");
            let (min, max) = if draft >= Draft::Draft201909 {
                (count(map, "minContains", pointer)?.unwrap_or(1), count(map, "maxContains", pointer)?)
            } else {
                (1, None)
            };
            s.contains.push(Contains { id, min, max });
        }
        Ok(())
    }

    /// The object keywords.
    fn objects(&mut self, loc: &Loc, map: &Map<String, Value>, draft: Draft, pointer: &str, s: &mut Shape) -> Result<(), Error> {
        s.min_props = count(map, "minProperties", pointer)?.unwrap_or(0);
        s.max_props = count(map, "maxProperties", pointer)?;
        if let Some(r) = map.get("required") {
            let names = r.as_array().and_then(|a| a.iter().map(|n| n.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>());
            s.required = names.ok_or_else(|| invalid(pointer, "required", "expected an array of strings", "list property names"))?;
        }
        let mut part = ObjPart::default();
        let mut any = false;
        if let Some(Value::Object(props)) = map.get("properties") {
            any = true;
            for name in props.keys() {
                let id = self.child(loc, &format!("properties/{}", escape(name)));
                part.props.push((name.clone(), id));
            }
        }
        if let Some(Value::Object(props)) = map.get("patternProperties") {
            any = true;
            for name in props.keys() {
                let id = self.child(loc, &format!("patternProperties/{}", escape(name)));
                part.patterns.push((pattern(name, pointer, "patternProperties")?, id));
            }
        }
        if map.contains_key("additionalProperties") {
            any = true;
            part.additional = Some(self.child(loc, "additionalProperties"));
        }
        if any {
            s.objects.push(part);
        }
        if draft >= Draft::Draft6 && map.contains_key("propertyNames") {
            let id = self.child(loc, "propertyNames");
            s.names.push(id);
        }
        let deps: &[&str] = if draft >= Draft::Draft201909 {
            &["dependentRequired", "dependentSchemas"]
        } else {
            &["dependencies"]
        };
        for &key in deps {
            let Some(Value::Object(entries)) = map.get(key) else { continue };
            for (name, dep) in entries {
                match dep {
                    Value::Array(names) if key != "dependentSchemas" => {
                        let names = names.iter().filter_map(Value::as_str).map(str::to_owned).collect();
                        s.dep_required.push((name.clone(), names));
                    }
                    Value::Object(_) | Value::Bool(_) if key != "dependentRequired" => {
                        let id = self.child(loc, &format!("{key}/{}", escape(name)));
                        s.dep_schemas.push((name.clone(), id));
                    }
                    _ => return Err(invalid(pointer, key, "expected a list of names or a schema", "write an array of property names or a schema")),
                }
            }
        }
        Ok(())
    }
}

/// The type bits a `type` value names.
fn types(t: &Value) -> Option<u8> {
    let one = |name: &str| -> Option<u8> {
        Some(match name {
            "null" => NULL,
            "boolean" => BOOL,
            "integer" => INT,
            "number" => INT | NUM,
            "string" => STR,
            "array" => ARR,
            "object" => OBJ,
            "any" => ANY,
            _ => return None,
        })
    };
    match t {
        Value::String(name) => one(name),
        Value::Array(names) => names.iter().try_fold(0, |acc, n| Some(acc | one(n.as_str()?)?)),
        _ => None,
    }
}

/// A non-negative integer keyword.
fn count(map: &Map<String, Value>, key: &str, pointer: &str) -> Result<Option<u64>, Error> {
    match map.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_u64()
            .or_else(|| v.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64))
            .map(Some)
            .ok_or_else(|| invalid(pointer, key, "expected a non-negative integer", "write a whole number such as 0 or 3")),
    }
}

/// Compiles a regular expression for matching, and for generating when it can.
pub(super) fn pattern(p: &str, pointer: &str, keyword: &str) -> Result<Pattern, Error> {
    let matcher = regex::Regex::new(p).map_err(|e| Error::Unsupported {
        pointer: pointer.to_owned(),
        keyword: keyword.to_owned(),
        why: format!("the pattern `{p}` uses syntax outside the supported regex subset ({})",
            e.to_string().lines().last().unwrap_or_default().trim()),
    })?;
    Ok(Pattern {
        matcher: Arc::new(matcher),
        generator: datagen_core::regex::Regex::new(p).ok().map(Arc::new),
    })
}

/// An [`Error::Invalid`].
fn invalid(pointer: &str, keyword: &str, why: &str, fix: &str) -> Error {
    Error::Invalid {
        pointer: pointer.to_owned(),
        keyword: keyword.to_owned(),
        why: why.to_owned(),
        fix: fix.to_owned(),
    }
}
