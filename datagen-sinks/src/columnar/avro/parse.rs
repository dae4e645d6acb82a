//! Avro schema JSON text parsed into a graph of types, named types resolved by full name.
//!
//! Every use of a named type (record, enum, fixed) points at its one definition, so a recursive
//! record is a cycle in the graph. Logical types are kept only where the specification allows
//! them (`decimal` on `bytes` or `fixed`, `date` on `int`, ...); an unknown or misplaced one is
//! dropped and the underlying type stands, as Avro readers do.

use std::collections::HashMap;

use serde_json::{Map, Value};

/// The index of a type in [`Schema::types`].
pub(crate) type Id = usize;

/// An Avro type.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Type {
    /// `null`.
    Null,
    /// `boolean`.
    Boolean,
    /// `int`.
    Int,
    /// `long`.
    Long,
    /// `float`.
    Float,
    /// `double`.
    Double,
    /// `bytes`.
    Bytes,
    /// `string`.
    String,
    /// A record: its full name and fields (name, type) in order.
    Record {
        /// The full name.
        name: String,
        /// The fields, in order.
        fields: Vec<(String, Id)>,
    },
    /// An enum: its full name and symbols.
    Enum {
        /// The full name.
        name: String,
        /// The symbols, in order (a value is encoded as its index).
        symbols: Vec<String>,
    },
    /// A fixed-size byte string: its full name and size.
    Fixed {
        /// The full name.
        name: String,
        /// The number of bytes.
        size: usize,
    },
    /// An array of the items' type.
    Array(Id),
    /// A map from strings to the values' type.
    Map(Id),
    /// A union of the branches, in order.
    Union(Vec<Id>),
}

/// A logical type the specification defines, on a type that may carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Logical {
    /// `decimal` on `bytes` or `fixed`.
    Decimal {
        /// Total digits.
        precision: u64,
        /// Digits after the point.
        scale: u64,
    },
    /// `uuid` on `string` or `fixed` of 16 bytes.
    Uuid,
    /// `date` on `int`: days.
    Date,
    /// `time-millis` on `int`.
    TimeMillis,
    /// `time-micros` on `long`.
    TimeMicros,
    /// `timestamp-millis` or `local-timestamp-millis` on `long`.
    TimestampMillis,
    /// `timestamp-micros` or `local-timestamp-micros` on `long`.
    TimestampMicros,
    /// `timestamp-nanos` or `local-timestamp-nanos` on `long`.
    TimestampNanos,
    /// `duration` on `fixed` of 12 bytes.
    Duration,
}

/// One type of the graph.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// The type.
    pub(crate) ty: Type,
    /// Its logical type, when it has a valid one.
    pub(crate) logical: Option<Logical>,
}

/// A parsed schema.
#[derive(Clone, Debug)]
pub(crate) struct Schema {
    /// Every type; named types once, primitives once per use.
    pub(crate) types: Vec<Node>,
    /// The schema's own type.
    pub(crate) root: Id,
}

impl Schema {
    /// Parses Avro schema JSON text.
    ///
    /// # Errors
    /// When the text is not JSON or not a valid schema: the message names the JSON path.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let json: Value =
            serde_json::from_str(text).map_err(|e| format!("the Avro schema is not JSON: {e}"))?;
        let mut parser = Parser::default();
        let root = parser.schema(&json, "", "$")?;
        Ok(Self {
            types: parser.types,
            root,
        })
    }

    /// The type `id`.
    pub(crate) fn node(&self, id: Id) -> &Node {
        &self.types[id]
    }

    /// The name of `id` as a union branch in Avro's JSON encoding: a named type's full name,
    /// else the type's name (`int`, `array`, `map`).
    pub(crate) fn branch_name(&self, id: Id) -> &str {
        match &self.types[id].ty {
            Type::Null => "null",
            Type::Boolean => "boolean",
            Type::Int => "int",
            Type::Long => "long",
            Type::Float => "float",
            Type::Double => "double",
            Type::Bytes => "bytes",
            Type::String => "string",
            Type::Record { name, .. } | Type::Enum { name, .. } | Type::Fixed { name, .. } => name,
            Type::Array(_) => "array",
            Type::Map(_) => "map",
            Type::Union(_) => "union",
        }
    }
}

/// The state of one parse: the types so far and the named ones by full name.
#[derive(Default)]
struct Parser {
    types: Vec<Node>,
    names: HashMap<String, Id>,
}

/// The primitive type called `name`.
fn primitive(name: &str) -> Option<Type> {
    Some(match name {
        "null" => Type::Null,
        "boolean" => Type::Boolean,
        "int" => Type::Int,
        "long" => Type::Long,
        "float" => Type::Float,
        "double" => Type::Double,
        "bytes" => Type::Bytes,
        "string" => Type::String,
        _ => return None,
    })
}

/// The full name of `name` defined or used in `namespace`: a leading dot (`.Point`) names the
/// null namespace, whatever the enclosing one.
fn full_name(name: &str, namespace: &str) -> String {
    if let Some(simple) = name.strip_prefix('.') {
        simple.to_string()
    } else if name.contains('.') || namespace.is_empty() {
        name.to_string()
    } else {
        format!("{namespace}.{name}")
    }
}

impl Parser {
    fn push(&mut self, ty: Type) -> Id {
        self.types.push(Node { ty, logical: None });
        self.types.len() - 1
    }

    /// Parses the schema `json` found at JSON path `at`, in `namespace`.
    fn schema(&mut self, json: &Value, namespace: &str, at: &str) -> Result<Id, String> {
        match json {
            Value::String(name) => self.reference(name, namespace, at),
            Value::Array(branches) => {
                let ids = branches
                    .iter()
                    .enumerate()
                    .map(|(i, b)| self.schema(b, namespace, &format!("{at}[{i}]")))
                    .collect::<Result<_, _>>()?;
                Ok(self.push(Type::Union(ids)))
            }
            Value::Object(object) => self.object(object, namespace, at),
            _ => Err(format!(
                "{at}: an Avro schema is a type name, an object or an array (a union)"
            )),
        }
    }

    /// A primitive type, or a named type defined before (by full name, then by the name alone).
    fn reference(&mut self, name: &str, namespace: &str, at: &str) -> Result<Id, String> {
        if let Some(ty) = primitive(name) {
            return Ok(self.push(ty));
        }
        self.names
            .get(&full_name(name, namespace))
            .or_else(|| self.names.get(name))
            .copied()
            .ok_or_else(|| {
                format!("{at}: unknown type `{name}`; define a named type before its first use")
            })
    }

    fn object(&mut self, o: &Map<String, Value>, namespace: &str, at: &str) -> Result<Id, String> {
        let id = match o.get("type") {
            Some(Value::String(t)) => match t.as_str() {
                "record" | "error" => self.record(o, namespace, at)?,
                "enum" => self.enumeration(o, namespace, at)?,
                "fixed" => {
                    let (name, _) = self.name(o, namespace, at)?;
                    let size = o
                        .get("size")
                        .and_then(Value::as_u64)
                        .and_then(|s| usize::try_from(s).ok())
                        .ok_or_else(|| format!("{at}: a fixed type needs a `size` (bytes)"))?;
                    self.define(
                        name,
                        Type::Fixed {
                            name: String::new(),
                            size,
                        },
                        at,
                    )?
                }
                "array" => {
                    let items = o
                        .get("items")
                        .ok_or_else(|| format!("{at}: an array needs `items`"))?;
                    let items = self.schema(items, namespace, &format!("{at}.items"))?;
                    self.push(Type::Array(items))
                }
                "map" => {
                    let values = o
                        .get("values")
                        .ok_or_else(|| format!("{at}: a map needs `values`"))?;
                    let values = self.schema(values, namespace, &format!("{at}.values"))?;
                    self.push(Type::Map(values))
                }
                name => match primitive(name) {
                    Some(ty) => self.push(ty),
                    None => self.reference(name, namespace, at)?,
                },
            },
            Some(nested @ (Value::Object(_) | Value::Array(_))) => {
                return self.schema(nested, namespace, &format!("{at}.type"));
            }
            _ => return Err(format!("{at}: a schema object needs a `type`")),
        };
        if let Some(Value::String(logical)) = o.get("logicalType") {
            let node = &self.types[id];
            let logical = logical_type(logical, o, &node.ty);
            // A reference to a named type does not redefine its logical type.
            if node.logical.is_none() {
                self.types[id].logical = logical;
            }
        }
        Ok(id)
    }

    /// The full name of the named type `o` and the namespace its own definitions use.
    fn name(
        &self,
        o: &Map<String, Value>,
        namespace: &str,
        at: &str,
    ) -> Result<(String, String), String> {
        let name = o
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{at}: a named type needs a `name`"))?;
        let namespace = match o.get("namespace") {
            Some(Value::String(ns)) => ns.as_str(),
            Some(Value::Null) => "",
            _ => namespace,
        };
        let full = full_name(name, namespace);
        let inner = full.rsplit_once('.').map_or("", |(ns, _)| ns).to_string();
        Ok((full, inner))
    }

    /// Registers the named type `ty` under `name` (its `name` field filled in).
    fn define(&mut self, name: String, mut ty: Type, at: &str) -> Result<Id, String> {
        if self.names.contains_key(&name) {
            return Err(format!("{at}: the type `{name}` is defined twice"));
        }
        match &mut ty {
            Type::Record { name: n, .. }
            | Type::Enum { name: n, .. }
            | Type::Fixed { name: n, .. } => {
                n.clone_from(&name);
            }
            _ => {}
        }
        let id = self.push(ty);
        self.names.insert(name, id);
        Ok(id)
    }

    fn record(&mut self, o: &Map<String, Value>, namespace: &str, at: &str) -> Result<Id, String> {
        let (name, inner) = self.name(o, namespace, at)?;
        // Defined before its fields, so that a field may refer to the record itself.
        let id = self.define(
            name,
            Type::Record {
                name: String::new(),
                fields: Vec::new(),
            },
            at,
        )?;
        let Some(Value::Array(list)) = o.get("fields") else {
            return Err(format!("{at}: a record needs `fields` (an array)"));
        };
        let mut fields = Vec::with_capacity(list.len());
        for (i, field) in list.iter().enumerate() {
            let field_at = format!("{at}.fields[{i}]");
            let field_name = field
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{field_at}: a field needs a `name`"))?;
            let ty = field
                .get("type")
                .ok_or_else(|| format!("{field_at}: the field `{field_name}` needs a `type`"))?;
            let ty = self.schema(ty, &inner, &format!("{field_at}.type"))?;
            fields.push((field_name.to_string(), ty));
        }
        if let Type::Record { fields: f, .. } = &mut self.types[id].ty {
            *f = fields;
        }
        Ok(id)
    }

    fn enumeration(
        &mut self,
        o: &Map<String, Value>,
        namespace: &str,
        at: &str,
    ) -> Result<Id, String> {
        let (name, _) = self.name(o, namespace, at)?;
        let symbols = match o.get("symbols") {
            Some(Value::Array(list)) => list
                .iter()
                .map(|s| s.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>(),
            _ => None,
        }
        .ok_or_else(|| format!("{at}: an enum needs `symbols` (an array of strings)"))?;
        self.define(
            name,
            Type::Enum {
                name: String::new(),
                symbols,
            },
            at,
        )
    }
}

/// The logical type `name` of a schema object `o` on `ty`, when valid there.
fn logical_type(name: &str, o: &Map<String, Value>, ty: &Type) -> Option<Logical> {
    let logical = match (name, ty) {
        ("decimal", Type::Bytes | Type::Fixed { .. }) => {
            let precision = o.get("precision").and_then(Value::as_u64)?;
            let scale = match o.get("scale") {
                None => 0,
                Some(s) => s.as_u64()?,
            };
            if precision == 0 || scale > precision {
                return None;
            }
            Logical::Decimal { precision, scale }
        }
        ("uuid", Type::String | Type::Fixed { size: 16, .. }) => Logical::Uuid,
        ("date", Type::Int) => Logical::Date,
        ("time-millis", Type::Int) => Logical::TimeMillis,
        ("time-micros", Type::Long) => Logical::TimeMicros,
        ("timestamp-millis" | "local-timestamp-millis", Type::Long) => Logical::TimestampMillis,
        ("timestamp-micros" | "local-timestamp-micros", Type::Long) => Logical::TimestampMicros,
        ("timestamp-nanos" | "local-timestamp-nanos", Type::Long) => Logical::TimestampNanos,
        ("duration", Type::Fixed { size: 12, .. }) => Logical::Duration,
        _ => return None,
    };
    Some(logical)
}
