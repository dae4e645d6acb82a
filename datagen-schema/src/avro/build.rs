//! The parsed schema as IR: each Avro type's [`DataType`] and generator, following the mapping
//! the `avro` writer encodes by, with recursive records unrolled to [`DEPTH`] levels.

use datagen_engine::ir::{DataType, Field, Gen, Value};

use super::Error;
use super::args;
use super::defaults;
use super::model::{Loc, Logical, NamedKind, Node, Prim, Ty};
use super::parse::Parser;
use super::scalar;

/// How many times a record may occur inside itself on one path from the root (the outermost
/// occurrence counts): the next occurrence is cut, so a nullable reference is null there and an
/// array or map of it empty.
pub const DEPTH: usize = 3;

/// The most types the unrolled schema may have: a bound on mutually recursive records, whose
/// unrolling grows exponentially.
const BUDGET: usize = 200_000;

/// The null rate of a nullable union.
pub(crate) const NULL_RATE: f64 = 0.1;

/// Entries of a map, and elements of an array, when the schema does not say.
const LIST_LEN: (u32, u32) = (0, 4);

/// A built type: its IR type, generator and null rate.
#[derive(Clone, Debug)]
pub(crate) struct Part {
    /// The IR type.
    pub ty: DataType,
    /// The generator.
    pub generator: Gen,
    /// The probability of null.
    pub null_rate: f64,
}

impl Part {
    fn new(ty: DataType, generator: Gen) -> Part {
        Part {
            ty,
            generator,
            null_rate: 0.0,
        }
    }

    /// What stands where recursion was cut: never drawn, or always null.
    fn cut() -> Part {
        Part::new(DataType::String, Gen::Const(Value::Null))
    }

    /// A field called `name` of this part.
    pub(crate) fn field(self, name: &str) -> Field {
        let mut f = Field::new(name, self.ty, self.generator);
        f.null_rate = self.null_rate;
        f
    }
}

/// Builds IR parts from parsed nodes.
pub(crate) struct Builder<'a> {
    p: &'a Parser,
    /// The records on the path from the root.
    stack: Vec<usize>,
    /// How many parts were built.
    built: usize,
    /// Where recursion was first cut with no way out.
    pub cut_at: Option<Loc>,
}

impl<'a> Builder<'a> {
    /// A builder over the parser's types.
    pub(crate) fn new(p: &'a Parser) -> Self {
        Builder {
            p,
            stack: Vec::new(),
            built: 0,
            cut_at: None,
        }
    }

    /// The parser.
    pub(crate) fn parser(&self) -> &'a Parser {
        self.p
    }

    /// The part of node `n`, used by field `name` of record `record`; `None` where recursion
    /// is cut and `n` cannot be empty or null.
    pub(crate) fn node(
        &mut self,
        n: &Node,
        record: &str,
        name: &str,
    ) -> Result<Option<Part>, Error> {
        self.built += 1;
        if self.built > BUDGET {
            return Err(self
                .p
                .err(
                    &n.loc,
                    format!("the recursive types unroll into more than {BUDGET} nested types"),
                )
                .help("make the recursion shallower, or import a smaller part of the schema"));
        }
        let part = match &n.ty {
            Ty::Prim(prim) => {
                let (ty, generator) = scalar::scalar(*prim, n.logical, record, name);
                Some(Part::new(ty, generator))
            }
            Ty::Named(i) => self.named(*i, n, name)?,
            Ty::Array(item) => Some(match self.node(item, record, name)? {
                Some(part) => Part::new(
                    DataType::List(Box::new(part.ty.clone())),
                    Gen::Array {
                        min: LIST_LEN.0,
                        max: LIST_LEN.1,
                        item: Box::new(part.field("item")),
                    },
                ),
                None => {
                    let item = Part::cut();
                    Part::new(
                        DataType::List(Box::new(item.ty.clone())),
                        Gen::Array {
                            min: 0,
                            max: 0,
                            item: Box::new(item.field("item")),
                        },
                    )
                }
            }),
            Ty::Map(value) => {
                let (value, len) = match self.node(value, record, name)? {
                    Some(part) => (part, LIST_LEN),
                    None => (Part::cut(), (0, 0)),
                };
                let entry = DataType::Struct(vec![
                    ("key".to_owned(), DataType::String),
                    ("value".to_owned(), value.ty.clone()),
                ]);
                Some(Part::new(
                    DataType::List(Box::new(entry)),
                    Gen::Map {
                        min: len.0,
                        max: len.1,
                        key: Box::new(Field::new(
                            "key",
                            DataType::String,
                            Gen::Provider("lorem.word".into()),
                        )),
                        value: Box::new(value.field("value")),
                    },
                ))
            }
            Ty::Union(branches) => self.union(branches, record, name)?,
        };
        let Some(mut part) = part else {
            return Ok(None);
        };
        if let Some(a) = &n.args {
            args::apply(self, a, n, &mut part, &n.loc.join("arg.properties"))?;
        }
        Ok(Some(part))
    }

    /// A named type's part.
    fn named(&mut self, i: usize, n: &Node, name: &str) -> Result<Option<Part>, Error> {
        let named = &self.p.named[i];
        let mut part = match &named.kind {
            NamedKind::Record(fields) => {
                if self.stack.iter().filter(|&&s| s == i).count() >= DEPTH {
                    self.cut_at.get_or_insert_with(|| n.loc.clone());
                    return Ok(None);
                }
                self.stack.push(i);
                let mut out = Vec::with_capacity(fields.len());
                for f in fields {
                    match self.node(&f.ty, &named.name, &f.name)? {
                        Some(part) => {
                            let part = defaults::favour(self.p, f, &named.name, part);
                            out.push(part.field(&f.name));
                        }
                        None => {
                            self.stack.pop();
                            return Ok(None);
                        }
                    }
                }
                self.stack.pop();
                Part::new(
                    DataType::Struct(out.iter().map(|f| (f.name.clone(), f.ty.clone())).collect()),
                    Gen::Object(out),
                )
            }
            NamedKind::Enum { symbols, .. } => Part::new(
                DataType::String,
                Gen::OneOf {
                    values: symbols.iter().map(|s| Value::Str(s.clone())).collect(),
                    weights: None,
                },
            ),
            NamedKind::Fixed { size } => match named.logical {
                Some(Logical::Decimal { precision, scale }) => {
                    let (lo, hi) = scalar::decimal_range(name, precision, scale);
                    Part::new(
                        DataType::Decimal { precision, scale },
                        Gen::IntRange { lo, hi },
                    )
                }
                Some(Logical::Uuid) => Part::new(DataType::Uuid, Gen::Uuid),
                Some(Logical::Duration) => {
                    let (ty, generator) = scalar::duration();
                    Part::new(ty, generator)
                }
                _ => {
                    let size = u32::try_from(*size).map_err(|_| {
                        self.p.err(
                            &named.loc.join("size"),
                            "the fixed is too large to generate",
                        )
                    })?;
                    Part::new(
                        DataType::Bytes,
                        Gen::Bytes {
                            min: size,
                            max: size,
                        },
                    )
                }
            },
        };
        if let Some(a) = &named.args {
            let as_node = Node {
                ty: Ty::Named(i),
                logical: named.logical,
                args: None,
                loc: named.loc.clone(),
            };
            args::apply(
                self,
                a,
                &as_node,
                &mut part,
                &named.loc.join("arg.properties"),
            )?;
        }
        Ok(Some(part))
    }

    /// A union's part: a nullable type for `[null, T]`, a struct of one member per non-null
    /// branch otherwise.
    fn union(
        &mut self,
        branches: &[Node],
        record: &str,
        name: &str,
    ) -> Result<Option<Part>, Error> {
        let nullable = branches
            .iter()
            .any(|b| matches!(b.ty, Ty::Prim(Prim::Null)));
        let others: Vec<&Node> = branches
            .iter()
            .filter(|b| !matches!(b.ty, Ty::Prim(Prim::Null)))
            .collect();
        let null = |part: Option<Part>| {
            if nullable {
                Some(part.unwrap_or_else(Part::cut).with_null())
            } else {
                part
            }
        };
        match others.as_slice() {
            [] => Ok(Some(Part::cut())),
            [one] => {
                let part = self.node(one, record, name)?;
                Ok(match part {
                    Some(p) => null(Some(p)),
                    None if nullable => Some(Part::cut()),
                    None => None,
                })
            }
            _ => {
                let mut members = Vec::with_capacity(others.len());
                let mut weights = Vec::with_capacity(others.len());
                for b in &others {
                    let member = self.p.branch_name(b);
                    let (part, w) = match self.node(b, record, name)? {
                        Some(part) => (part, 1.0),
                        None => (Part::cut(), 0.0),
                    };
                    members.push(part.field(&member));
                    weights.push(w);
                }
                let ty = DataType::Struct(
                    members
                        .iter()
                        .map(|f| (f.name.clone(), f.ty.clone()))
                        .collect(),
                );
                if weights.iter().all(|w| *w == 0.0) {
                    return Ok(nullable.then(|| Part::new(ty, Gen::Const(Value::Null))));
                }
                Ok(null(Some(Part::new(
                    ty,
                    Gen::Union {
                        branches: members,
                        weights,
                    },
                ))))
            }
        }
    }
}

impl Part {
    /// This part, null with the nullable unions' rate.
    fn with_null(mut self) -> Part {
        if !matches!(self.generator, Gen::Const(Value::Null)) {
            self.null_rate = NULL_RATE;
        }
        self
    }
}
