//! Which nested values of a table are Avro maps, so that JSON (and the JSON text inside CSV
//! cells) writes them as objects, `{"k1": v1, "k2": v2}`, not as the lists of `{key, value}`
//! structs the columns hold.
//!
//! Only a table imported from an Avro schema ([`TableSchema::avro_schema`]) has maps: its
//! schema is walked once with the columns (the `avro` format's [`Plan`]) and the result cached
//! per table. A table without one costs one `Option` check per row.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use datagen_engine::TableSchema;

use crate::columnar::avro::plan::{Kind, Node, Plan};

/// Where the maps are in one column's values.
#[derive(Debug, PartialEq)]
pub(crate) enum Shape {
    /// No map here or below.
    Plain,
    /// A map: a list of `{key, value}` structs, written as an object; the values' shape.
    Map(Box<Shape>),
    /// A list with maps in its items.
    List(Box<Shape>),
    /// A struct with maps in some members: each member's shape.
    Struct(Vec<Shape>),
}

/// The shape of anything without maps.
pub(crate) static PLAIN: Shape = Shape::Plain;

impl Shape {
    /// The shape of the values written by `node`.
    fn of(node: &Node) -> Shape {
        match &node.kind {
            Kind::Map(value) => Shape::Map(Box::new(Shape::of(value))),
            Kind::Array(item) => Shape::of(item).wrap(|s| Shape::List(Box::new(s))),
            Kind::Record(fields) => {
                Shape::members(fields.iter().map(|f| Shape::of(&f.node)).collect())
            }
            Kind::Union { branches, .. } => {
                Shape::members(branches.iter().map(|(_, b)| Shape::of(b)).collect())
            }
            _ => Shape::Plain,
        }
    }

    /// `make(self)`, or plain when this is plain.
    fn wrap(self, make: impl FnOnce(Shape) -> Shape) -> Shape {
        if self == Shape::Plain {
            Shape::Plain
        } else {
            make(self)
        }
    }

    /// A struct of `members`, or plain when none has a map.
    fn members(members: Vec<Shape>) -> Shape {
        if members.iter().all(|m| *m == Shape::Plain) {
            Shape::Plain
        } else {
            Shape::Struct(members)
        }
    }

    /// The shape of a list's items.
    #[inline]
    pub(crate) fn item(&self) -> &Shape {
        match self {
            Shape::List(item) => item,
            _ => &PLAIN,
        }
    }

    /// The shape of a struct's member `i`.
    #[inline]
    pub(crate) fn member(&self, i: usize) -> &Shape {
        match self {
            Shape::Struct(members) => members.get(i).unwrap_or(&PLAIN),
            _ => &PLAIN,
        }
    }
}

/// The shapes of a table's columns, in order.
pub(crate) type Shapes = Arc<[Shape]>;

/// The shapes of the tables seen, by name, made on first use.
#[derive(Debug, Default)]
pub(crate) struct MapShapes(Mutex<HashMap<String, Option<Shapes>>>);

impl Clone for MapShapes {
    /// A new, empty cache (the shapes are made again on first use).
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl MapShapes {
    /// The shapes of `table`'s columns; `None` when it has no map (no Avro schema, or one
    /// without maps or that does not fit the columns).
    pub(crate) fn get(&self, table: &TableSchema) -> Option<Shapes> {
        let text = table.avro_schema.as_deref()?;
        let mut shapes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = shapes.get(&table.name) {
            return known.clone();
        }
        let made = Plan::new(text, table).ok().and_then(|plan| {
            let columns: Vec<Shape> = plan.fields.iter().map(|f| Shape::of(&f.node)).collect();
            columns
                .iter()
                .any(|s| *s != Shape::Plain)
                .then(|| columns.into())
        });
        shapes.insert(table.name.clone(), made.clone());
        made
    }
}
