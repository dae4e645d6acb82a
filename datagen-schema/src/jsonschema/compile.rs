//! Reading schemas into shapes and resolving `$ref`, `$dynamicRef`, `allOf` and every other
//! intersection into one shape per node of the arena.

use std::collections::HashMap;

use serde_json::{Map, Value};
use url::Url;

use super::error::Error;
use super::index::{Draft, Index, Loc};
use super::shape::{Id, Shape};

/// A node of the arena while compiling.
pub(super) enum Slot {
    /// A schema not read yet, and the dynamic scope it is reached in.
    Raw(Loc, Vec<Url>),
    /// The intersection of other nodes, not computed yet.
    All(Vec<Id>),
    /// Being computed: meeting it again is a cycle with no value in between.
    Busy,
    /// Computed.
    Done(Box<Shape>),
}

/// The arena of nodes and the memo tables that keep one node per schema and per intersection.
pub(super) struct Compiler<'a> {
    pub(super) index: Index<'a>,
    pub(super) slots: Vec<Slot>,
    by_loc: HashMap<(Loc, Vec<Url>), Id>,
    /// The dynamic scope of the schema being read: the resources entered on the way to it,
    /// outermost first (kept only when the documents have `$dynamicAnchor`s).
    scope: Vec<Url>,
    by_all: HashMap<Vec<Id>, Id>,
}

/// The keywords that do not constrain instances: a schema with `$ref` and only these is the
/// referenced schema itself.
const INERT: &[&str] = &[
    "$ref",
    "$id",
    "id",
    "$schema",
    "$comment",
    "$defs",
    "definitions",
    "title",
    "description",
    "default",
    "examples",
    "$anchor",
    "$dynamicAnchor",
    "readOnly",
    "writeOnly",
    "deprecated",
];

impl<'a> Compiler<'a> {
    /// A compiler over the documents of `index`.
    pub(super) fn new(index: Index<'a>) -> Self {
        Compiler {
            index,
            slots: Vec::new(),
            by_loc: HashMap::new(),
            scope: Vec::new(),
            by_all: HashMap::new(),
        }
    }

    /// The node of the schema at `loc` (read later, when resolved).
    pub(super) fn node_at(&mut self, loc: Loc) -> Id {
        // A `$dynamicRef` resolves by the path taken: the same schema reached through other
        // resources is another node.
        let scope = if self.index.has_dynamic() {
            self.scope.clone()
        } else {
            Vec::new()
        };
        let key = (loc, scope);
        if let Some(&id) = self.by_loc.get(&key) {
            return id;
        }
        let id = self.slots.len();
        self.slots.push(Slot::Raw(key.0.clone(), key.1.clone()));
        self.by_loc.insert(key, id);
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
        self.slots.push(Slot::Done(Box::new(shape)));
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
            Slot::Done(shape) => *shape,
            Slot::Busy => {
                return Err(Error::Unsupported {
                    pointer: String::new(),
                    keyword: "$ref".into(),
                    why: "the schema refers to itself without any object or array in between, \
                          so it has no finite instance"
                        .into(),
                });
            }
            Slot::Raw(loc, scope) => {
                let outer = std::mem::replace(&mut self.scope, scope.clone());
                let base = self.index.scope(&loc).base;
                if !self.scope.contains(&base) {
                    self.scope.push(base);
                }
                let result = self.read(&loc);
                self.scope = outer;
                match result {
                    Ok(shape) => shape,
                    Err(mut e) => {
                        if let Error::Unsupported { pointer, .. } = &mut e
                            && pointer.is_empty()
                        {
                            *pointer = self.index.describe(&loc);
                        }
                        self.slots[id] = Slot::Raw(loc, scope);
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
        self.slots[id] = Slot::Done(Box::new(shape));
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
                return Err(invalid(
                    &pointer,
                    "schema",
                    "a schema must be an object or a boolean",
                    "write an object such as {\"type\": \"string\"}",
                ));
            }
        };
        let draft = self.index.scope(loc).draft;
        let mut merge = Vec::new();
        for (keyword, dynamic) in [
            ("$ref", false),
            ("$dynamicRef", true),
            ("$recursiveRef", true),
        ] {
            let Some(reference) = map.get(keyword) else {
                continue;
            };
            if dynamic && draft < Draft::Draft201909 {
                continue;
            }
            let reference = reference.as_str().ok_or_else(|| {
                invalid(
                    &pointer,
                    keyword,
                    "a reference must be a string",
                    "write a URI reference",
                )
            })?;
            let target = self.reference(loc, keyword, reference, &pointer)?;
            let id = self.node_at(target);
            let only_ref = map
                .keys()
                .all(|k| INERT.contains(&k.as_str()) || k == keyword);
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
    fn reference(
        &mut self,
        loc: &Loc,
        keyword: &str,
        reference: &str,
        pointer: &str,
    ) -> Result<Loc, Error> {
        let err = |why: String| Error::Ref {
            pointer: pointer.to_owned(),
            keyword: keyword.to_owned(),
            reference: reference.to_owned(),
            why,
        };
        let root = Loc {
            doc: 0,
            ptr: String::new(),
        };
        if keyword == "$recursiveRef" {
            return Ok(root);
        }
        let target = self.index.resolve(loc, reference).map_err(err)?;
        if keyword == "$dynamicRef"
            && let Some(name) = reference.rsplit_once('#').map(|(_, n)| n)
            && self.index.has_dynamic_anchor(&target, name)
            && let Some(found) = self.index.dynamic(&self.scope, name)
        {
            return Ok(found);
        }
        Ok(target)
    }

    /// The node of the subschema at `path` (a JSON pointer suffix, already escaped) under `loc`.
    pub(super) fn child(&mut self, loc: &Loc, path: &str) -> Id {
        self.node_at(Loc {
            doc: loc.doc,
            ptr: format!("{}/{path}", loc.ptr),
        })
    }

    /// The nodes of the schema array under `key`.
    pub(super) fn list(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        key: &str,
        pointer: &str,
    ) -> Result<Vec<Id>, Error> {
        match map.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items))
                if !items.is_empty() || key == "prefixItems" || key == "items" =>
            {
                Ok((0..items.len())
                    .map(|i| self.child(loc, &format!("{key}/{i}")))
                    .collect())
            }
            Some(_) => Err(invalid(
                pointer,
                key,
                "expected a non-empty array of schemas",
                "list one or more schemas",
            )),
        }
    }
}

/// An [`Error::Invalid`].
pub(super) fn invalid(pointer: &str, keyword: &str, why: &str, fix: &str) -> Error {
    Error::Invalid {
        pointer: pointer.to_owned(),
        keyword: keyword.to_owned(),
        why: why.to_owned(),
        fix: fix.to_owned(),
    }
}
