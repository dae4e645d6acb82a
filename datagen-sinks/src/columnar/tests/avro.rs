//! Avro container files, read back with `apache-avro` (the schema taken from the file).

use apache_avro::Reader;
use apache_avro::schema::{InnerDecimalSchema, Schema, UuidSchema};
use apache_avro::types::Value;
use datagen_engine::ir::DataType;
use datagen_engine::{Column, ColumnSchema, TableSchema, Values};

use super::arrow::text;
use super::{Addr, Row, chunk, encode, options, rows, table, two_chunks};
use crate::columnar::avro::BLOCK_BYTES;
use crate::columnar::{Avro, avro_schema};
use crate::format::Compression;

fn leak<T: Clone>(s: &[T]) -> &'static [T] {
    Box::leak(s.to_vec().into_boxed_slice())
}

/// The value of a `["null", T]` union (`None` for null).
fn nullable(v: &Value) -> Option<&Value> {
    match v {
        Value::Union(0, null) => {
            assert_eq!(**null, Value::Null);
            None
        }
        Value::Union(1, v) => Some(v),
        v => panic!("not a nullable union: {v:?}"),
    }
}

fn long(v: &Value) -> i64 {
    match v {
        Value::Long(x) => *x,
        v => panic!("not a long: {v:?}"),
    }
}

fn double(v: &Value) -> f64 {
    match v {
        Value::Double(x) => *x,
        v => panic!("not a double: {v:?}"),
    }
}

fn string(v: &Value) -> &'static str {
    match v {
        Value::String(s) => std::str::from_utf8(leak(s.as_bytes())).unwrap(),
        v => panic!("not a string: {v:?}"),
    }
}

fn decimal(v: &Value) -> i128 {
    let Value::Decimal(d) = v else {
        panic!("not a decimal: {v:?}")
    };
    let bytes = Vec::<u8>::try_from(d).unwrap();
    let fill = if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        0xff
    } else {
        0
    };
    let mut full = [fill; 16];
    full[16 - bytes.len()..].copy_from_slice(&bytes);
    i128::from_be_bytes(full)
}

fn record(v: &Value) -> Vec<&Value> {
    match v {
        Value::Record(fields) => fields.iter().map(|(_, v)| v).collect(),
        v => panic!("not a record: {v:?}"),
    }
}

fn array(v: &Value) -> &[Value] {
    match v {
        Value::Array(items) => items,
        v => panic!("not an array: {v:?}"),
    }
}

/// A row of the test table from its Avro record.
fn row(v: &Value) -> Row {
    let f = record(v);
    Row {
        id: long(f[0]),
        x: nullable(f[1]).map(double),
        amount: nullable(f[2]).map(decimal),
        big: decimal(f[3]),
        name: nullable(f[4]).map(string),
        flag: matches!(f[5], Value::Boolean(true)),
        day: match f[6] {
            Value::Date(d) => *d,
            v => panic!("not a date: {v:?}"),
        },
        at: match f[7] {
            Value::TimeMicros(t) => *t,
            v => panic!("not a time-micros: {v:?}"),
        },
        ts: match f[8] {
            Value::LocalTimestampMicros(t) => *t,
            v => panic!("not a local-timestamp-micros: {v:?}"),
        },
        tstz: nullable(f[9]).map(|v| match v {
            Value::TimestampMicros(t) => *t,
            v => panic!("not a timestamp-micros: {v:?}"),
        }),
        uid: match f[10] {
            Value::Uuid(u) => u.as_u128(),
            v => panic!("not a uuid: {v:?}"),
        },
        blob: nullable(f[11]).map(|v| match v {
            Value::Bytes(b) => leak(b),
            v => panic!("not bytes: {v:?}"),
        }),
        tags: nullable(f[12]).map(|v| array(v).iter().map(|s| nullable(s).map(string)).collect()),
        addr: nullable(f[13]).map(|v| {
            let a = record(v);
            Addr {
                street: nullable(a[0]).map(string),
                zip: nullable(a[1]).map(long),
                geo: nullable(a[2]).map(|g| nullable(record(g)[0]).map(double)),
            }
        }),
        points: array(f[14])
            .iter()
            .map(|p| {
                let p = record(nullable(p).unwrap());
                (long(nullable(p[0]).unwrap()), nullable(p[1]).map(double))
            })
            .collect(),
    }
}

fn read(bytes: &[u8]) -> (Schema, Vec<Value>) {
    let reader = Reader::new(bytes).unwrap();
    let schema = reader.writer_schema().clone();
    (schema, reader.collect::<Result<_, _>>().unwrap())
}

/// The value of `key` in the file header's metadata (the test files have short values).
fn header_value(bytes: &[u8], key: &str) -> String {
    let mut tagged = vec![u8::try_from(key.len() * 2).unwrap()];
    tagged.extend_from_slice(key.as_bytes());
    let at = bytes
        .windows(tagged.len())
        .position(|w| w == tagged)
        .unwrap()
        + tagged.len();
    let len = usize::from(bytes[at] / 2);
    String::from_utf8(bytes[at + 1..at + 1 + len].to_vec()).unwrap()
}

#[test]
fn avro_files_read_back() {
    for (compression, codec) in [
        (None, "null"),
        (Some(Compression::Gzip), "deflate"),
        (Some(Compression::Zstd), "zstandard"),
    ] {
        let bytes = encode(&Avro::new(&options(compression)), &table(), &two_chunks()).unwrap();
        assert_eq!(&bytes[..4], b"Obj\x01");
        assert_eq!(header_value(&bytes, "avro.codec"), codec);
        let (schema, values) = read(&bytes);
        assert_eq!(schema.name().unwrap().name(), "orders");
        let read: Vec<Row> = values.iter().map(row).collect();
        assert_eq!(text(&read), text(&rows()), "{compression:?}");
    }
}

#[test]
fn the_avro_schema_uses_the_logical_types() {
    let bytes = encode(&Avro::default(), &table(), &two_chunks()).unwrap();
    let (schema, _) = read(&bytes);
    let Schema::Record(record) = schema else {
        panic!("{schema:?}")
    };
    let field = |name: &str| {
        let f = record.fields.iter().find(|f| f.name == name).unwrap();
        match &f.schema {
            Schema::Union(u) => {
                assert_eq!(u.variants()[0], Schema::Null, "{name}");
                assert!(f.default.is_some(), "{name} has a null default");
                u.variants()[1].clone()
            }
            s => s.clone(),
        }
    };
    assert_eq!(field("id"), Schema::Long);
    assert_eq!(field("x"), Schema::Double);
    let Schema::Decimal(d) = field("amount") else {
        panic!()
    };
    assert_eq!((d.precision, d.scale), (12, 2));
    assert!(matches!(d.inner, InnerDecimalSchema::Bytes));
    let Schema::Decimal(d) = field("big") else {
        panic!()
    };
    assert_eq!((d.precision, d.scale), (38, 6));
    assert_eq!(field("name"), Schema::String);
    assert_eq!(field("flag"), Schema::Boolean);
    assert_eq!(field("day"), Schema::Date);
    assert_eq!(field("at"), Schema::TimeMicros);
    assert_eq!(field("ts"), Schema::LocalTimestampMicros);
    assert_eq!(field("tstz"), Schema::TimestampMicros);
    assert_eq!(field("uid"), Schema::Uuid(UuidSchema::String));
    assert_eq!(field("blob"), Schema::Bytes);
    let Schema::Record(addr) = field("addr") else {
        panic!()
    };
    assert_eq!(addr.name.name(), "orders_addr");
    assert!(matches!(field("points"), Schema::Array(_)));
}

#[test]
fn the_avro_schema_text_is_compact_json() {
    let table = TableSchema {
        name: "t".into(),
        document: false,
        avro_schema: None,
        columns: vec![
            ColumnSchema {
                name: "a".into(),
                ty: DataType::Int,
                nullable: false,
            },
            ColumnSchema {
                name: "b".into(),
                ty: DataType::List(Box::new(DataType::Decimal {
                    precision: 5,
                    scale: 1,
                })),
                nullable: true,
            },
        ],
    };
    assert_eq!(
        avro_schema(&table),
        r#"{"type":"record","name":"t","fields":[{"name":"a","type":"long"},{"name":"b","type":["null",{"type":"array","items":["null",{"type":"bytes","logicalType":"decimal","precision":5,"scale":1}]}],"default":null}]}"#
    );
}

#[test]
fn avro_names_are_made_valid_and_unique() {
    let col = |name: &str, ty: DataType| ColumnSchema {
        name: name.into(),
        ty,
        nullable: false,
    };
    let inner = DataType::Struct(vec![
        ("1".into(), DataType::Int),
        ("ü".into(), DataType::Int),
    ]);
    let table = TableSchema {
        name: "string".into(),
        document: false,
        avro_schema: None,
        columns: vec![
            col("1st col", DataType::Int),
            col("a-b", DataType::Int),
            col("a_b", DataType::Int),
            col("", DataType::Int),
            col("s", inner.clone()),
            col("string_s", inner),
        ],
    };
    let chunk = datagen_engine::Chunk {
        start: 0,
        len: 1,
        columns: (0..6)
            .map(|i| {
                if i < 4 {
                    Column::new(Values::Int(vec![i]))
                } else {
                    let int = |x| Column::new(Values::Int(vec![x]));
                    Column::new(Values::Struct(vec![int(10 + i), int(20 + i)]))
                }
            })
            .collect(),
    };
    let bytes = encode(&Avro::default(), &table, &[chunk]).unwrap();
    let (schema, values) = read(&bytes);
    assert_eq!(schema.name().unwrap().name(), "string_");
    let Value::Record(fields) = &values[0] else {
        panic!()
    };
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["_1st_col", "a_b", "a_b_2", "_", "s", "string_s"]);
    let Schema::Record(record) = schema else {
        panic!()
    };
    let names: Vec<String> = record.fields[4..]
        .iter()
        .map(|f| f.schema.name().unwrap().name().to_string())
        .collect();
    assert_eq!(names, ["string__s", "string__string_s"]);
    let Value::Record(s) = &fields[5].1 else {
        panic!()
    };
    assert_eq!(
        s[0],
        ("_1".to_string(), Value::Union(1, Box::new(Value::Long(15))))
    );
    assert_eq!(s[1].0, "_");
}

#[test]
fn avro_blocks_do_not_depend_on_the_chunks() {
    let rows = rows();
    let many: Vec<Row> = (0..20_000).map(|i| rows[i % 5].clone()).collect();
    let one = encode(&Avro::default(), &table(), &[chunk(&many, 0)]).unwrap();
    assert!(one.len() > 2 * BLOCK_BYTES, "several blocks: {}", one.len());
    let chunks: Vec<_> = many
        .chunks(3333)
        .enumerate()
        .map(|(k, c)| chunk(c, k as u64 * 3333))
        .collect();
    let split = encode(&Avro::default(), &table(), &chunks).unwrap();
    assert!(one == split, "the same rows make the same file");
    let (_, values) = read(&split);
    assert_eq!(
        text(&values.iter().map(row).collect::<Vec<_>>()),
        text(&many)
    );
    let zstd = encode(
        &Avro::new(&options(Some(Compression::Zstd))),
        &table(),
        &chunks,
    )
    .unwrap();
    assert!(zstd.len() * 4 < one.len());
    assert_eq!(read(&zstd).1.len(), 20_000);
}

#[test]
fn an_empty_avro_file_has_the_schema_and_no_rows() {
    for compression in [None, Some(Compression::Gzip), Some(Compression::Zstd)] {
        let bytes = encode(&Avro::new(&options(compression)), &table(), &[]).unwrap();
        let (schema, values) = read(&bytes);
        assert_eq!(schema.name().unwrap().name(), "orders");
        assert!(values.is_empty());
    }
}

#[test]
fn avro_files_are_deterministic() {
    let format = Avro::new(&options(Some(Compression::Zstd)));
    let a = encode(&format, &table(), &two_chunks()).unwrap();
    let b = encode(&format, &table(), &two_chunks()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn mismatched_chunks_are_avro_errors() {
    let mut bad = chunk(&rows(), 0);
    bad.columns[0].validity = Some(vec![true, false, true, true, true]);
    let e = encode(&Avro::default(), &table(), &[bad]).unwrap_err();
    assert!(e.to_string().contains("`id`"), "{e}");
    let mut bad = chunk(&rows(), 0);
    bad.columns[13].values = Values::Int(vec![0; 5]);
    assert!(encode(&Avro::default(), &table(), &[bad]).is_err());
    let mut bad = chunk(&rows(), 0);
    if let Values::List { offsets, .. } = &mut bad.columns[12].values {
        offsets[5] = 100;
    }
    assert!(encode(&Avro::default(), &table(), &[bad]).is_err());
}
