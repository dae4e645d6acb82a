//! Shared by the Avro tests: importing a schema, generating rows, and checking every row with
//! the `apache-avro` crate: each row is converted, following the importer's mapping, into an
//! `apache_avro::types::Value` and validated against the schema `apache-avro` parsed from the
//! entity's `avro_schema`, then encoded with `to_avro_datum`.

#![allow(dead_code, unreachable_pub)]

use std::collections::HashMap;
use std::path::Path;

use apache_avro::Schema as Avro;
use apache_avro::schema::{Name, ResolvedSchema};
use apache_avro::types::Value as Av;
use datagen_engine::{Chunk, Column, Plan, Settings, Values};
use datagen_schema::avro::{self, Options};

pub mod corpus;

/// The schema of `path`, imported with the default options.
pub fn import(path: &Path) -> datagen_engine::ir::Schema {
    avro::import(path, &Options::new())
        .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()))
}

/// `rows` rows of the first entity with `seed`.
pub fn generate(schema: &datagen_engine::ir::Schema, rows: u64, seed: u64) -> (Plan, Chunk) {
    let settings = Settings {
        seed: Some(seed),
        rows: Some(rows),
        ..Settings::default()
    };
    let plan = Plan::new(schema, &settings).unwrap_or_else(|e| panic!("the plan fails: {e}"));
    let chunk = plan.chunk(0, 0..rows);
    (plan, chunk)
}

/// Converts the rows of `chunk` (of `plan`'s first entity) into Avro values by the entity's
/// Avro schema, validates and encodes each one; returns the values.
pub fn check_rows(plan: &Plan, chunk: &Chunk) -> Vec<Av> {
    let table = plan.table(0);
    let text = table
        .avro_schema
        .as_deref()
        .expect("an Avro entity carries its schema");
    let schema = Avro::parse_str(text)
        .unwrap_or_else(|e| panic!("apache-avro refuses the written schema: {e}\n{text}"));
    let resolved = ResolvedSchema::try_from(&schema).expect("the schema's names resolve");
    let names: HashMap<Name, Avro> = resolved
        .get_names()
        .iter()
        .map(|(n, s)| (n.clone(), (*s).clone()))
        .collect();
    let conv = Conv { names: &names };
    let writer = apache_avro::writer::datum::GenericDatumWriter::builder(&schema)
        .build()
        .expect("a datum writer for the schema");
    let mut out = Vec::with_capacity(chunk.len);
    for row in 0..chunk.len {
        let value = match &schema {
            Avro::Record(r) => Av::Record(
                r.fields
                    .iter()
                    .zip(&chunk.columns)
                    .map(|(f, c)| (f.name.clone(), conv.value(&f.schema, c, row)))
                    .collect(),
            ),
            other => conv.value(other, &chunk.columns[0], row),
        };
        assert!(
            value.validate(&schema),
            "row {row} does not validate against the schema:\n{value:?}\n{text}"
        );
        writer
            .write_value_to_vec(value.clone())
            .unwrap_or_else(|e| panic!("row {row} does not encode: {e}"));
        out.push(value);
    }
    out
}

struct Conv<'a> {
    names: &'a HashMap<Name, Avro>,
}

impl Conv<'_> {
    fn value(&self, schema: &Avro, c: &Column, i: usize) -> Av {
        match schema {
            Avro::Ref { name } => self.value(&self.names[name], c, i),
            Avro::Union(u) => {
                let variants = u.variants();
                let null_at = variants.iter().position(|v| matches!(v, Avro::Null));
                let others: Vec<usize> = (0..variants.len())
                    .filter(|&k| Some(k) != null_at)
                    .collect();
                if c.is_null(i) {
                    let k = null_at.unwrap_or_else(|| panic!("a null in a union without null"));
                    return Av::Union(k as u32, Box::new(Av::Null));
                }
                match others.as_slice() {
                    [] => panic!("a non-null value of a null-only union"),
                    [k] => Av::Union(*k as u32, Box::new(self.value(&variants[*k], c, i))),
                    _ => {
                        let Values::Struct(members) = &c.values else {
                            panic!("a union of several types is a struct column")
                        };
                        assert_eq!(
                            members.len(),
                            others.len(),
                            "one member per non-null branch"
                        );
                        let set: Vec<usize> = (0..members.len())
                            .filter(|&m| !members[m].is_null(i))
                            .collect();
                        assert_eq!(set.len(), 1, "exactly one union member is set, not {set:?}");
                        let k = others[set[0]];
                        Av::Union(
                            k as u32,
                            Box::new(self.value(&variants[k], &members[set[0]], i)),
                        )
                    }
                }
            }
            Avro::Null => {
                assert!(c.is_null(i), "a `null` value is null");
                Av::Null
            }
            _ => {
                assert!(
                    !c.is_null(i),
                    "a null where the schema has no null: {schema:?}"
                );
                self.non_null(schema, c, i)
            }
        }
    }

    #[allow(clippy::too_many_lines)]
    fn non_null(&self, schema: &Avro, c: &Column, i: usize) -> Av {
        let int = || match &c.values {
            Values::Int(v) | Values::Time(v) | Values::Timestamp(v) => v[i],
            Values::Date(v) => i64::from(v[i]),
            other => panic!("not an integer column: {other:?}"),
        };
        let int32 =
            || i32::try_from(int()).unwrap_or_else(|_| panic!("{} is out of the int range", int()));
        match schema {
            Avro::Boolean => match &c.values {
                Values::Bool(v) => Av::Boolean(v[i]),
                other => panic!("not a bool column: {other:?}"),
            },
            Avro::Int => Av::Int(int32()),
            Avro::Long => Av::Long(int()),
            Avro::Float => match &c.values {
                Values::Float(v) => {
                    let x = v[i] as f32;
                    assert_eq!(f64::from(x), v[i], "a float is exactly an f32");
                    Av::Float(x)
                }
                other => panic!("not a float column: {other:?}"),
            },
            Avro::Double => match &c.values {
                Values::Float(v) => Av::Double(v[i]),
                other => panic!("not a float column: {other:?}"),
            },
            Avro::Bytes => Av::Bytes(bytes(c, i)),
            Avro::String => match &c.values {
                Values::Str(s) => Av::String(s.get(i).to_owned()),
                other => panic!("not a string column: {other:?}"),
            },
            Avro::Fixed(f) => {
                let b = bytes(c, i);
                assert_eq!(b.len(), f.size, "a fixed has exactly its size");
                Av::Fixed(f.size, b)
            }
            Avro::Enum(e) => match &c.values {
                Values::Str(s) => {
                    let sym = s.get(i);
                    let k = e
                        .symbols
                        .iter()
                        .position(|x| x == sym)
                        .unwrap_or_else(|| panic!("`{sym}` is no symbol"));
                    Av::Enum(k as u32, sym.to_owned())
                }
                other => panic!("not a string column: {other:?}"),
            },
            Avro::Record(r) => {
                let Values::Struct(children) = &c.values else {
                    panic!("a record is a struct column")
                };
                Av::Record(
                    r.fields
                        .iter()
                        .zip(children)
                        .map(|(f, ch)| (f.name.clone(), self.value(&f.schema, ch, i)))
                        .collect(),
                )
            }
            Avro::Array(a) => {
                let Values::List { offsets, items } = &c.values else {
                    panic!("an array is a list column")
                };
                let (s, e) = (offsets[i] as usize, offsets[i + 1] as usize);
                Av::Array((s..e).map(|k| self.value(&a.items, items, k)).collect())
            }
            Avro::Map(m) => {
                let Values::List { offsets, items } = &c.values else {
                    panic!("a map is a list column")
                };
                let Values::Struct(kv) = &items.values else {
                    panic!("map entries are structs")
                };
                let (s, e) = (offsets[i] as usize, offsets[i + 1] as usize);
                let mut map = HashMap::new();
                for k in s..e {
                    let Values::Str(keys) = &kv[0].values else {
                        panic!("map keys are strings")
                    };
                    let key = keys.get(k).to_owned();
                    let v = self.value(&m.types, &kv[1], k);
                    assert!(
                        map.insert(key.clone(), v).is_none(),
                        "key `{key}` repeats in a map"
                    );
                }
                Av::Map(map)
            }
            Avro::Decimal(d) => {
                let Values::Decimal(v) = &c.values else {
                    panic!("a decimal is a decimal column")
                };
                assert!(
                    v[i].unsigned_abs() < 10u128.pow(d.precision as u32),
                    "{} has more than {} digits",
                    v[i],
                    d.precision
                );
                let mut b = v[i].to_be_bytes().to_vec();
                if let apache_avro::schema::InnerDecimalSchema::Fixed(f) = &d.inner {
                    b = b[16 - f.size..].to_vec();
                    return Av::Decimal(apache_avro::Decimal::from(b));
                }
                while b.len() > 1
                    && ((b[0] == 0 && b[1] & 0x80 == 0) || (b[0] == 0xff && b[1] & 0x80 != 0))
                {
                    b.remove(0);
                }
                Av::Decimal(apache_avro::Decimal::from(b))
            }
            Avro::Uuid(_) => match &c.values {
                Values::Uuid(v) => Av::Uuid(uuid::Uuid::from_u128(v[i])),
                other => panic!("not a uuid column: {other:?}"),
            },
            Avro::Date => match &c.values {
                Values::Date(v) => Av::Date(v[i]),
                other => panic!("not a date column: {other:?}"),
            },
            Avro::TimeMillis => {
                let us = int();
                assert_eq!(us % 1000, 0, "time-millis are whole milliseconds");
                Av::TimeMillis(i32::try_from(us / 1000).expect("a time of day"))
            }
            Avro::TimeMicros => Av::TimeMicros(int()),
            Avro::TimestampMillis => {
                assert_eq!(int() % 1000, 0, "timestamp-millis are whole milliseconds");
                Av::TimestampMillis(int() / 1000)
            }
            Avro::TimestampMicros => Av::TimestampMicros(int()),
            Avro::TimestampNanos => Av::TimestampNanos(int() * 1000),
            Avro::LocalTimestampMillis => {
                assert_eq!(
                    int() % 1000,
                    0,
                    "local-timestamp-millis are whole milliseconds"
                );
                Av::LocalTimestampMillis(int() / 1000)
            }
            Avro::LocalTimestampMicros => Av::LocalTimestampMicros(int()),
            Avro::LocalTimestampNanos => Av::LocalTimestampNanos(int() * 1000),
            Avro::Duration(_) => {
                let Values::Struct(parts) = &c.values else {
                    panic!("a duration is a struct column")
                };
                let n = |k: usize| {
                    let x = parts[k].int_at(i).expect("duration parts are set");
                    u32::try_from(x).expect("duration parts are u32")
                };
                Av::Duration(apache_avro::Duration::new(
                    apache_avro::Months::new(n(0)),
                    apache_avro::Days::new(n(1)),
                    apache_avro::Millis::new(n(2)),
                ))
            }
            other => panic!("unexpected schema {other:?}"),
        }
    }
}

fn bytes(c: &Column, i: usize) -> Vec<u8> {
    match &c.values {
        Values::Bytes { data, offsets } => {
            data[offsets[i] as usize..offsets[i + 1] as usize].to_vec()
        }
        other => panic!("not a bytes column: {other:?}"),
    }
}
