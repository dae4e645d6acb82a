//! The encoding plan of a table: its Avro schema walked once alongside the columns' types, so
//! that encoding a row is a walk of small nodes, with nothing parsed or looked up by name.
//!
//! The mapping (the one the Avro importer produces): the root record's fields are the columns,
//! in order; `boolean` is a bool; `int` and `long` integers; `float` and `double` floats;
//! `bytes` and `fixed` bytes; `string` a string; an `enum` a string holding a symbol; a record
//! a struct; an array a list; a map a list of `{key, value}` structs; a union with `null` the
//! other branch, nullable; a union of several other branches a struct with one member per
//! branch, exactly one of them set. Logical types map to decimals, UUIDs, dates, times,
//! timestamps and (`duration`) a `{months, days, millis}` struct of integers; a logical type
//! whose column has the underlying type is written as that type.

use std::collections::HashMap;

use datagen_engine::TableSchema;
use datagen_engine::ir::DataType;

use super::parse::{Id, Logical, Schema, Type};

/// A time unit of an Avro time or timestamp (the columns hold microseconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Milliseconds.
    Millis,
    /// Microseconds.
    Micros,
    /// Nanoseconds.
    Nanos,
}

/// An enum's symbols and their indices.
#[derive(Debug)]
pub(crate) struct Symbols {
    index: HashMap<Box<str>, i64>,
}

impl Symbols {
    /// The index of `symbol`.
    #[inline]
    pub(crate) fn index(&self, symbol: &str) -> Option<i64> {
        self.index.get(symbol).copied()
    }
}

/// What a node writes for a non-null value.
#[derive(Debug)]
pub(crate) enum Kind {
    /// `null`: nothing.
    Null,
    /// Where the importer cut a recursive type (a string column that is always null, or list
    /// items never drawn): a value here is an error.
    Cut,
    /// `boolean` from bools.
    Boolean,
    /// `int` from integers (in `i32` range).
    Int,
    /// `long` from integers.
    Long,
    /// `float` from floats.
    Float,
    /// `double` from floats.
    Double,
    /// `bytes` from bytes.
    Bytes,
    /// `string` from strings.
    String,
    /// An enum from strings: the symbol's index.
    Enum(Symbols),
    /// `fixed` of this size from bytes.
    Fixed(usize),
    /// `decimal` from decimals: `bytes` (shortest form) or `fixed` of this size.
    Decimal(Option<usize>),
    /// `uuid` on `string` from UUIDs.
    UuidString,
    /// `uuid` on `fixed` (16 bytes) from UUIDs.
    UuidFixed,
    /// `date` from dates.
    Date,
    /// `time-millis` (`int`) or `time-micros` (`long`) from times.
    Time(Unit),
    /// A timestamp (`long`) from timestamps.
    Timestamp(Unit),
    /// `duration` (`fixed` 12) from `{months, days, millis}` structs.
    Duration,
    /// A record from structs: each field's name and node.
    Record(Vec<Field>),
    /// An array from lists: the items' node.
    Array(Box<Node>),
    /// A map from lists of `{key, value}` structs: the values' node.
    Map(Box<Node>),
    /// A union of several non-null branches from a struct with one member per branch: the
    /// null branch's index and each branch's index and node.
    Union {
        /// The index of the `null` branch.
        null: Option<i64>,
        /// Each non-null branch: its index in the union and its node.
        branches: Vec<(i64, Node)>,
    },
}

/// A union around a single non-null type: the indices to write.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Branch {
    /// The index of the type's branch.
    pub(crate) index: i64,
    /// The index of the `null` branch.
    pub(crate) null: Option<i64>,
}

/// One Avro type matched with one column (or struct member, or list items).
#[derive(Debug)]
pub(crate) struct Node {
    /// What a value writes.
    pub(crate) kind: Kind,
    /// The union this type is the non-null branch of, if any.
    pub(crate) branch: Option<Branch>,
    /// The type's name as a union branch in Avro's JSON encoding.
    pub(crate) name: Box<str>,
    /// Where it is, for messages: the column, then `.field`, `[]` (items), `{}` (map values)
    /// and `<branch>`.
    pub(crate) path: Box<str>,
}

/// A record field: its Avro name and node.
#[derive(Debug)]
pub(crate) struct Field {
    /// The field's name in the schema.
    pub(crate) name: Box<str>,
    /// Its node.
    pub(crate) node: Node,
}

/// A table's encoding plan: one field per column.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The root record's fields, one per column, in order; or, for a root that is not a
    /// record, its one column.
    pub(crate) fields: Vec<Field>,
    /// Whether the root is not a record: a row is its one column's value.
    pub(crate) bare: bool,
    /// The parsed schema (for its canonical form).
    pub(crate) schema: Schema,
}

impl Plan {
    /// The plan of `table`'s rows written with the Avro schema `text`.
    ///
    /// # Errors
    /// When the schema is invalid, its root is not a record of one field per column, or a
    /// column's type does not fit its field's schema (the message names the column and the
    /// Avro path).
    pub(crate) fn new(text: &str, table: &TableSchema) -> Result<Self, String> {
        let schema = Schema::parse(text)?;
        let Type::Record { name, fields } = &schema.node(schema.root).ty else {
            // A root of another type is one column, the whole datum.
            let [column] = table.columns.as_slice() else {
                return Err(format!(
                    "the Avro schema's root is a `{}`, not a record, for {} columns (it needs \
                     exactly one)",
                    schema.branch_name(schema.root),
                    table.columns.len()
                ));
            };
            let node = compile(&schema, schema.root, &column.ty, &column.name)
                .map_err(|e| format!("column `{}`: {e}", column.name))?;
            let fields = vec![Field {
                name: column.name.as_str().into(),
                node,
            }];
            return Ok(Self {
                fields,
                bare: true,
                schema,
            });
        };
        if fields.len() != table.columns.len() {
            return Err(format!(
                "the Avro record `{name}` has {} fields for {} columns",
                fields.len(),
                table.columns.len()
            ));
        }
        let fields = fields
            .iter()
            .zip(&table.columns)
            .map(|((field, id), column)| {
                let node = compile(&schema, *id, &column.ty, &column.name)
                    .map_err(|e| format!("column `{}`: {e}", column.name))?;
                Ok(Field {
                    name: field.as_str().into(),
                    node,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Self {
            fields,
            bare: false,
            schema,
        })
    }
}

/// The node of Avro type `id` for values of type `ty`, at `path`.
fn compile(schema: &Schema, id: Id, ty: &DataType, path: &str) -> Result<Node, String> {
    let Type::Union(branches) = &schema.node(id).ty else {
        return single(schema, id, ty, path);
    };
    let null = branches
        .iter()
        .position(|b| schema.node(*b).ty == Type::Null)
        .map(|i| i as i64);
    let others: Vec<(i64, Id)> = branches
        .iter()
        .enumerate()
        .filter(|(_, b)| schema.node(**b).ty != Type::Null)
        .map(|(i, b)| (i as i64, *b))
        .collect();
    match others.as_slice() {
        [] => Ok(Node {
            kind: Kind::Null,
            branch: null.map(|index| Branch { index, null }),
            name: "null".into(),
            path: path.into(),
        }),
        [(index, branch)] => {
            let mut node = single(schema, *branch, ty, path)?;
            node.branch = Some(Branch {
                index: *index,
                null,
            });
            Ok(node)
        }
        _ if *ty == DataType::String => Ok(cut(null, path)),
        _ => {
            let DataType::Struct(members) = ty else {
                return Err(format!(
                    "Avro path `{path}`: a union of {} types needs a struct column with one \
                     member per non-null branch, not {}",
                    others.len(),
                    type_name(ty)
                ));
            };
            if members.len() != others.len() {
                return Err(format!(
                    "Avro path `{path}`: a union of {} non-null types, a struct of {} members",
                    others.len(),
                    members.len()
                ));
            }
            let branches = others
                .iter()
                .zip(members)
                .map(|((index, b), (_, member_ty))| {
                    let branch_path = format!("{path}<{}>", schema.branch_name(*b));
                    Ok((*index, single(schema, *b, member_ty, &branch_path)?))
                })
                .collect::<Result<_, String>>()?;
            Ok(Node {
                kind: Kind::Union { null, branches },
                branch: None,
                name: "union".into(),
                path: path.into(),
            })
        }
    }
}

/// A cut union (see [`Kind::Cut`]): only its `null` branch can be written.
fn cut(null: Option<i64>, path: &str) -> Node {
    Node {
        kind: Kind::Cut,
        branch: null.map(|index| Branch { index, null }),
        name: "null".into(),
        path: path.into(),
    }
}

/// The node of the non-union Avro type `id` for values of type `ty`.
fn single(schema: &Schema, id: Id, ty: &DataType, path: &str) -> Result<Node, String> {
    let node = schema.node(id);
    let kind = match (node.logical, ty) {
        (Some(Logical::Decimal { scale, .. }), DataType::Decimal { scale: s, .. })
            if u64::from(*s) == scale =>
        {
            Some(Kind::Decimal(match node.ty {
                Type::Fixed { size, .. } => Some(size),
                _ => None,
            }))
        }
        (Some(Logical::Decimal { scale, .. }), DataType::Decimal { scale: s, .. }) => {
            return Err(format!(
                "Avro path `{path}`: a decimal of scale {scale} for a column of scale {s}"
            ));
        }
        (Some(Logical::Uuid), DataType::Uuid) => Some(if node.ty == Type::String {
            Kind::UuidString
        } else {
            Kind::UuidFixed
        }),
        (Some(Logical::Date), DataType::Date) => Some(Kind::Date),
        (Some(Logical::TimeMillis), DataType::Time) => Some(Kind::Time(Unit::Millis)),
        (Some(Logical::TimeMicros), DataType::Time) => Some(Kind::Time(Unit::Micros)),
        (Some(l), DataType::Timestamp | DataType::TimestampTz) => match l {
            Logical::TimestampMillis => Some(Kind::Timestamp(Unit::Millis)),
            Logical::TimestampMicros => Some(Kind::Timestamp(Unit::Micros)),
            Logical::TimestampNanos => Some(Kind::Timestamp(Unit::Nanos)),
            _ => None,
        },
        (Some(Logical::Duration), DataType::Struct(members))
            if members.len() == 3 && members.iter().all(|(_, t)| *t == DataType::Int) =>
        {
            Some(Kind::Duration)
        }
        _ => None,
    };
    let kind = match kind {
        Some(kind) => kind,
        None => underlying(schema, id, ty, path)?,
    };
    Ok(Node {
        kind,
        branch: None,
        name: schema.branch_name(id).into(),
        path: path.into(),
    })
}

/// The kind of type `id` without its logical type, for values of type `ty`.
fn underlying(schema: &Schema, id: Id, ty: &DataType, path: &str) -> Result<Kind, String> {
    Ok(match (&schema.node(id).ty, ty) {
        (Type::Null, _) => Kind::Null,
        // The importer's cut of a recursive record.
        (Type::Record { .. }, DataType::String) => Kind::Cut,
        (Type::Boolean, DataType::Bool) => Kind::Boolean,
        (Type::Int, DataType::Int) => Kind::Int,
        (Type::Long, DataType::Int) => Kind::Long,
        (Type::Float, DataType::Float) => Kind::Float,
        (Type::Double, DataType::Float) => Kind::Double,
        (Type::Bytes, DataType::Bytes) => Kind::Bytes,
        (Type::String, DataType::String | DataType::Json) => Kind::String,
        (Type::Enum { symbols, .. }, DataType::String) => Kind::Enum(Symbols {
            index: symbols
                .iter()
                .enumerate()
                .map(|(i, s)| (s.as_str().into(), i as i64))
                .collect(),
        }),
        (Type::Fixed { size, .. }, DataType::Bytes) => Kind::Fixed(*size),
        (Type::Record { fields, .. }, DataType::Struct(members))
            if fields.len() == members.len() =>
        {
            Kind::Record(
                fields
                    .iter()
                    .zip(members)
                    .map(|((name, field), (_, member_ty))| {
                        Ok(Field {
                            name: name.as_str().into(),
                            node: compile(schema, *field, member_ty, &format!("{path}.{name}"))?,
                        })
                    })
                    .collect::<Result<_, String>>()?,
            )
        }
        (Type::Array(items), DataType::List(item_ty)) => Kind::Array(Box::new(compile(
            schema,
            *items,
            item_ty,
            &format!("{path}[]"),
        )?)),
        (Type::Map(values), DataType::List(entry)) => match &**entry {
            DataType::Struct(kv)
                if kv.len() == 2 && matches!(kv[0].1, DataType::String | DataType::Json) =>
            {
                Kind::Map(Box::new(compile(
                    schema,
                    *values,
                    &kv[1].1,
                    &format!("{path}{{}}"),
                )?))
            }
            _ => {
                return Err(format!(
                    "Avro path `{path}`: a map needs a list of {{key: string, value}} structs, \
                     not {}",
                    type_name(ty)
                ));
            }
        },
        (avro, _) => {
            return Err(format!(
                "Avro path `{path}`: the Avro type `{}`{} does not fit a column of type {}",
                schema.branch_name(id),
                match (avro, schema.node(id).logical) {
                    (Type::Record { fields, .. }, _) => format!(" ({} fields)", fields.len()),
                    (_, Some(l)) => format!(" ({l:?})"),
                    _ => String::new(),
                },
                type_name(ty)
            ));
        }
    })
}

/// A short name of `ty` for messages.
fn type_name(ty: &DataType) -> String {
    match ty {
        DataType::List(item) => format!("list<{}>", type_name(item)),
        DataType::Struct(members) => format!("a struct of {} members", members.len()),
        DataType::Decimal { precision, scale } => format!("decimal({precision}, {scale})"),
        other => format!("{other:?}").to_lowercase(),
    }
}
