//! Building a case instance: a generated instance, with the path to the case's location made
//! to exist (properties added, arrays grown, the branch of a `oneOf` drawn), then one change
//! at that location.

use datagen_core::Ctx;
use datagen_core::seed::name_hash;
use serde_json::{Map, Value};

use super::super::check::Checker;
use super::super::plan::Node;
use super::super::scalar;
use super::super::shape::{ARR, BOOL, INT, Id, NULL, NUM, OBJ, STR};
use super::super::write::Writer;

/// One step from a node to a node inside its instance.
#[derive(Clone, Debug)]
pub(super) enum Step {
    /// The value drawn from one variant (a `oneOf`/`anyOf`/`if` branch) of the node.
    Variant(Id),
    /// A property's value.
    Prop { name: String, id: Id },
    /// An array item.
    Item { index: usize, id: Id },
}

/// What a case does at its location.
#[derive(Clone, Debug)]
pub(super) enum Change {
    /// The object with this property present.
    Present(String),
    /// This value.
    Set(Value),
    /// A value of this type bit drawn from the node.
    Typed(u8),
    /// A value drawn from another node (a `not` schema, a branch).
    Node(Id),
    /// The object without this property.
    Remove(String),
    /// The object with this many properties: optional ones removed, or extra ones added.
    Props(u64),
    /// The string cut or padded to this many characters.
    Length(u64),
    /// The array cut or grown to this many items.
    Items(u64),
    /// The array with its first item repeated at its end.
    Dup,
    /// The array without the items that match this `contains` schema.
    NoContains(Id),
    /// The object with property `0` present and `1` (which `0` requires) absent.
    DepMissing(String, String),
}

/// Draws and changes instances of the nodes.
pub(super) struct Builder<'a> {
    pub(super) nodes: &'a [Option<Node>],
}

impl Builder<'_> {
    fn node(&self, id: Id) -> &Node {
        self.nodes[id]
            .as_ref()
            .expect("every reachable node is planned")
    }

    /// A value of node `id`, drawn as generation draws it.
    pub(super) fn draw(&self, id: Id, ctx: &mut Ctx, depth: u32) -> Value {
        let mut out = String::new();
        let _ = Writer { nodes: self.nodes }.write(id, ctx, &mut out, depth, None);
        serde_json::from_str(&out).unwrap_or(Value::Null)
    }

    /// A value of type `ty` of node `id`.
    fn typed(&self, id: Id, ty: u8, ctx: &mut Ctx, depth: u32) -> Value {
        let node = self.node(id);
        if !node.variants.is_empty() || node.consts.is_some() {
            return self.draw(id, ctx, depth);
        }
        let s = &node.shape;
        let writer = Writer { nodes: self.nodes };
        let mut out = String::new();
        match ty {
            NULL => return Value::Null,
            BOOL => return Value::Bool(ctx.chance(0.5)),
            INT => scalar::integer(s, node.int_step, ctx, &mut out),
            NUM => scalar::number(s, node.step, ctx, &mut out),
            STR => scalar::string(s, ctx, &mut out, None),
            ARR => {
                let _ = writer.array(node, ctx, &mut out, depth);
            }
            OBJ => {
                let _ = writer.object(node, ctx, &mut out, depth);
            }
            _ => return Value::Null,
        }
        serde_json::from_str(&out).unwrap_or(Value::Null)
    }

    /// Follows `steps` from node `id` at `v`, making each exist, then applies `change`; `false`
    /// when the change cannot be made.
    pub(super) fn apply(
        &self,
        v: &mut Value,
        id: Id,
        steps: &[Step],
        change: &Change,
        ctx: &mut Ctx,
        depth: u32,
    ) -> bool {
        let Some((step, rest)) = steps.split_first() else {
            return self.change(v, id, change, ctx, depth);
        };
        match step {
            Step::Variant(variant) => {
                if !(Checker { nodes: self.nodes }).valid(*variant, v) {
                    *v = self.draw(*variant, ctx, depth);
                }
                self.apply(v, *variant, rest, change, ctx, depth)
            }
            Step::Prop { name, id: child } => {
                let map = self.object(v, id, ctx, depth);
                if !map.contains_key(name) {
                    let saved = ctx.__enter(name_hash(name));
                    let value = self.draw(*child, ctx, depth + 1);
                    ctx.__leave(saved);
                    map.insert(name.clone(), value);
                }
                let value = map.get_mut(name).expect("the property was just made");
                self.apply(value, *child, rest, change, ctx, depth + 1)
            }
            Step::Item { index, id: child } => {
                let items = self.array(v, id, ctx, depth);
                if items.len() <= *index {
                    self.grow(items, id, *index as u64 + 1, ctx, depth);
                }
                let Some(item) = items.get_mut(*index) else {
                    return false;
                };
                self.apply(item, *child, rest, change, ctx, depth + 1)
            }
        }
    }

    /// `v` as an object of node `id`, drawn as one if it is not.
    fn object<'v>(
        &self,
        v: &'v mut Value,
        id: Id,
        ctx: &mut Ctx,
        depth: u32,
    ) -> &'v mut Map<String, Value> {
        if !v.is_object() {
            *v = self.typed(id, OBJ, ctx, depth);
        }
        if !v.is_object() {
            *v = Value::Object(Map::new());
        }
        v.as_object_mut().expect("made an object")
    }

    /// `v` as an object of node `id` holding property `name`, drawn from its subschema (in
    /// the property's own stream) when missing.
    fn with_property<'v>(
        &self,
        v: &'v mut Value,
        id: Id,
        name: &str,
        ctx: &mut Ctx,
        depth: u32,
    ) -> &'v mut Map<String, Value> {
        let field = self.field(id, name);
        let map = self.object(v, id, ctx, depth);
        if !map.contains_key(name) {
            let saved = ctx.__enter(name_hash(name));
            let value = field.map_or(Value::Null, |f| self.draw(f, ctx, depth + 1));
            ctx.__leave(saved);
            map.insert(name.to_string(), value);
        }
        map
    }

    /// `v` as an array of node `id`, drawn as one if it is not.
    fn array<'v>(&self, v: &'v mut Value, id: Id, ctx: &mut Ctx, depth: u32) -> &'v mut Vec<Value> {
        if !v.is_array() {
            *v = self.typed(id, ARR, ctx, depth);
        }
        if !v.is_array() {
            *v = Value::Array(Vec::new());
        }
        v.as_array_mut().expect("made an array")
    }

    /// Appends items drawn from node `id`'s item schemas until there are `n`.
    fn grow(&self, items: &mut Vec<Value>, id: Id, n: u64, ctx: &mut Ctx, depth: u32) {
        let plan = &self.node(id).array;
        while (items.len() as u64) < n {
            let i = items.len();
            let item = plan.prefix.get(i).copied().or(plan.rest);
            let saved = ctx.__enter(i as u64 | (1 << 40));
            let value = item.map_or(Value::Null, |item| self.draw(item, ctx, depth + 1));
            ctx.__leave(saved);
            items.push(value);
        }
    }

    /// The node of declared property `name` of object node `id`.
    fn field(&self, id: Id, name: &str) -> Option<Id> {
        let fields = &self.node(id).object.fields;
        fields.iter().find(|f| f.name == name).map(|f| f.id)
    }

    fn change(&self, v: &mut Value, id: Id, change: &Change, ctx: &mut Ctx, depth: u32) -> bool {
        match change {
            Change::Present(name) => {
                self.with_property(v, id, name, ctx, depth);
            }
            Change::Set(x) => *v = x.clone(),
            Change::Typed(ty) => *v = self.typed(id, *ty, ctx, depth),
            Change::Node(other) => *v = self.draw(*other, ctx, depth),
            Change::Remove(name) => {
                return self.object(v, id, ctx, depth).remove(name).is_some();
            }
            Change::Props(n) => return self.props(v, id, *n, ctx, depth),
            Change::Length(n) => {
                if !v.is_string() {
                    *v = self.typed(id, STR, ctx, depth);
                }
                let Value::String(s) = v else { return false };
                let mut t: String = s.chars().take(*n as usize).collect();
                while (t.chars().count() as u64) < *n {
                    t.push('a');
                }
                *s = t;
            }
            Change::Items(n) => {
                let items = self.array(v, id, ctx, depth);
                items.truncate(*n as usize);
                self.grow(items, id, *n, ctx, depth);
            }
            Change::Dup => {
                let items = self.array(v, id, ctx, depth);
                if items.is_empty() {
                    self.grow(items, id, 1, ctx, depth);
                }
                let Some(first) = items.first().cloned() else {
                    return false;
                };
                items.push(first);
            }
            Change::NoContains(k) => {
                let check = Checker { nodes: self.nodes };
                self.array(v, id, ctx, depth)
                    .retain(|item| !check.valid(*k, item));
            }
            Change::DepMissing(name, dep) => {
                return self
                    .with_property(v, id, name, ctx, depth)
                    .remove(dep)
                    .is_some();
            }
        }
        true
    }

    /// Makes the object at `v` have `n` properties: optional ones removed (last first), or
    /// properties added with names none of its declared properties have.
    fn props(&self, v: &mut Value, id: Id, n: u64, ctx: &mut Ctx, depth: u32) -> bool {
        let node = self.node(id);
        let extra_id = node.object.extras.first().map(|e| e.id);
        let map = self.object(v, id, ctx, depth);
        let required = &node.shape.required;
        while map.len() as u64 > n {
            let Some(name) = map.keys().rev().find(|k| !required.contains(k)).cloned() else {
                return false;
            };
            map.remove(&name);
        }
        let mut k = 0u64;
        while (map.len() as u64) < n {
            k += 1;
            let name = format!("extra{k}");
            if map.contains_key(&name) {
                continue;
            }
            let saved = ctx.__enter(name_hash(&name));
            let value = extra_id.map_or(Value::Null, |e| self.draw(e, ctx, depth + 1));
            ctx.__leave(saved);
            map.insert(name, value);
        }
        true
    }
}
