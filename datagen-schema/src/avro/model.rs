//! The parsed Avro schema: nodes (a use of a type, with its logical type and generation hints)
//! and named types (records, enums, fixed), each remembering the file and JSON path it came from.

use serde_json::Value;

/// Where something was written: a file (index into the parser's documents) and a JSON pointer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Loc {
    /// The document's index.
    pub file: usize,
    /// The JSON pointer inside it.
    pub ptr: String,
}

impl Loc {
    /// The location of `key` (an object key or an array index) under this one.
    pub(crate) fn join(&self, key: impl std::fmt::Display) -> Loc {
        Loc {
            file: self.file,
            ptr: format!("{}/{key}", self.ptr),
        }
    }
}

/// The primitive types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prim {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
}

impl Prim {
    /// The primitive called `name`.
    pub(crate) fn from_name(name: &str) -> Option<Prim> {
        Some(match name {
            "null" => Prim::Null,
            "boolean" => Prim::Boolean,
            "int" => Prim::Int,
            "long" => Prim::Long,
            "float" => Prim::Float,
            "double" => Prim::Double,
            "bytes" => Prim::Bytes,
            "string" => Prim::String,
            _ => return None,
        })
    }

    /// Its name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Prim::Null => "null",
            Prim::Boolean => "boolean",
            Prim::Int => "int",
            Prim::Long => "long",
            Prim::Float => "float",
            Prim::Double => "double",
            Prim::Bytes => "bytes",
            Prim::String => "string",
        }
    }
}

/// A recognised, valid logical type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Logical {
    Decimal { precision: u8, scale: u8 },
    Uuid,
    Date,
    TimeMillis,
    TimeMicros,
    TimestampMillis,
    TimestampMicros,
    TimestampNanos,
    LocalTimestampMillis,
    LocalTimestampMicros,
    LocalTimestampNanos,
    Duration,
}

impl Logical {
    /// The `logicalType` name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Logical::Decimal { .. } => "decimal",
            Logical::Uuid => "uuid",
            Logical::Date => "date",
            Logical::TimeMillis => "time-millis",
            Logical::TimeMicros => "time-micros",
            Logical::TimestampMillis => "timestamp-millis",
            Logical::TimestampMicros => "timestamp-micros",
            Logical::TimestampNanos => "timestamp-nanos",
            Logical::LocalTimestampMillis => "local-timestamp-millis",
            Logical::LocalTimestampMicros => "local-timestamp-micros",
            Logical::LocalTimestampNanos => "local-timestamp-nanos",
            Logical::Duration => "duration",
        }
    }
}

/// What a node's type is.
#[derive(Clone, Debug)]
pub(crate) enum Ty {
    /// A primitive type.
    Prim(Prim),
    /// A named type, by index into the parser's named types.
    Named(usize),
    /// An array of items.
    Array(Box<Node>),
    /// A map from strings to values.
    Map(Box<Node>),
    /// A union of branches.
    Union(Vec<Node>),
}

/// One use of a type.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// The type.
    pub ty: Ty,
    /// The logical type of a primitive (a named type's is on the named type).
    pub logical: Option<Logical>,
    /// The `arg.properties` generation hints written with this use.
    pub args: Option<Value>,
    /// Where the schema was written.
    pub loc: Loc,
}

/// A named type.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    /// The full name (`namespace.name`).
    pub full: String,
    /// The namespace (`None`: the null namespace).
    pub namespace: Option<String>,
    /// The simple name.
    pub name: String,
    /// What it is.
    pub kind: NamedKind,
    /// `doc`.
    pub doc: Option<String>,
    /// `aliases`, as written.
    pub aliases: Vec<String>,
    /// The logical type of a fixed.
    pub logical: Option<Logical>,
    /// The `arg.properties` written on the definition.
    pub args: Option<Value>,
    /// Where it was defined.
    pub loc: Loc,
}

/// The kinds of named types.
#[derive(Clone, Debug)]
pub(crate) enum NamedKind {
    /// A record (or a protocol's `error`): its fields in order.
    Record(Vec<FieldDef>),
    /// An enum: its symbols and the `default` symbol.
    Enum {
        symbols: Vec<String>,
        default: Option<String>,
    },
    /// A fixed of `size` bytes.
    Fixed { size: usize },
}

/// One field of a record.
#[derive(Clone, Debug)]
pub(crate) struct FieldDef {
    /// The name.
    pub name: String,
    /// Its type.
    pub ty: Node,
    /// `default`, as written.
    pub default: Option<Value>,
    /// `doc`.
    pub doc: Option<String>,
    /// `order`.
    pub order: Option<String>,
    /// `aliases`, as written.
    pub aliases: Vec<String>,
}
