//! Avro files written with a table's source schema (every type and logical type of the mapping,
//! unions, maps, nested and named records), read back with `apache-avro` and compared value by
//! value, with every codec.

use apache_avro::Reader;
use apache_avro::types::Value;
use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, TableSchema, Values};

use super::{column, encode, list_offsets, options, strings, validity};
use crate::columnar::Avro;
use crate::format::Compression;

/// The rows of the test table.
pub(super) const N: usize = 6;

/// The source schema: every Avro type, logical type and union shape of the mapping.
pub(super) const SCHEMA: &str = r#"{"type":"record","name":"Everything","namespace":"com.example","doc":"all types","fields":[
 {"name":"flag","type":"boolean"},
 {"name":"small","type":"int"},
 {"name":"big","type":"long"},
 {"name":"ratio","type":"float"},
 {"name":"score","type":"double"},
 {"name":"blob","type":"bytes"},
 {"name":"label","type":["string","null"]},
 {"name":"color","type":{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}},
 {"name":"code","type":{"type":"fixed","name":"Code","size":4}},
 {"name":"home","type":{"type":"record","name":"Address","fields":[{"name":"street","type":"string"},{"name":"zip","type":["null","int"]}]}},
 {"name":"work","type":["null","Address"],"default":null},
 {"name":"tags","type":{"type":"array","items":"string"}},
 {"name":"counts","type":{"type":"map","values":["null","long"]}},
 {"name":"payload","type":["null","int","string","Color",{"type":"array","items":"int"},{"type":"map","values":"string"}]},
 {"name":"either","type":["long","com.example.Address"]},
 {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
 {"name":"balance","type":{"type":"fixed","name":"Money","size":8,"logicalType":"decimal","precision":18,"scale":3}},
 {"name":"id","type":{"type":"string","logicalType":"uuid"}},
 {"name":"raw_id","type":{"type":"fixed","name":"RawId","namespace":"other.ns","size":16,"logicalType":"uuid"}},
 {"name":"day","type":{"type":"int","logicalType":"date"}},
 {"name":"t_ms","type":{"type":"int","logicalType":"time-millis"}},
 {"name":"t_us","type":{"type":"long","logicalType":"time-micros"}},
 {"name":"ts_ms","type":{"type":"long","logicalType":"timestamp-millis"}},
 {"name":"ts_us","type":{"type":"long","logicalType":"timestamp-micros"}},
 {"name":"ts_ns","type":{"type":"long","logicalType":"timestamp-nanos"}},
 {"name":"lts_ms","type":{"type":"long","logicalType":"local-timestamp-millis"}},
 {"name":"lts_us","type":{"type":"long","logicalType":"local-timestamp-micros"}},
 {"name":"lts_ns","type":{"type":"long","logicalType":"local-timestamp-nanos"}},
 {"name":"span","type":{"type":"fixed","name":"Span","size":12,"logicalType":"duration"}},
 {"name":"odd","type":{"type":"string","logicalType":"not-a-type"}},
 {"name":"maybe_day","type":["null",{"type":"int","logicalType":"date"}],"default":null}
]}"#;

/// The test table: its schema, one chunk of [`N`] rows and, per column, the values
/// `apache-avro` must read.
pub(super) struct Fixture {
    pub(super) table: TableSchema,
    pub(super) chunk: Chunk,
    pub(super) expected: Vec<Vec<Value>>,
}

impl Fixture {
    pub(super) fn add(&mut self, name: &str, ty: DataType, column: Column, expected: Vec<Value>) {
        assert_eq!(expected.len(), N, "{name}");
        self.table.columns.push(ColumnSchema {
            name: name.into(),
            ty,
            nullable: column.validity.is_some(),
        });
        self.chunk.columns.push(column);
        self.expected.push(expected);
    }

    /// The rows `apache-avro` must read, as records.
    pub(super) fn records(&self) -> Vec<Value> {
        (0..N)
            .map(|row| {
                Value::Record(
                    self.table
                        .columns
                        .iter()
                        .zip(&self.expected)
                        .map(|(c, e)| (c.name.clone(), e[row].clone()))
                        .collect(),
                )
            })
            .collect()
    }
}

pub(super) fn u(index: u32, v: Value) -> Value {
    Value::Union(index, Box::new(v))
}

pub(super) fn s(text: &str) -> Value {
    Value::String(text.into())
}

/// A decimal as `normalise` leaves it.
pub(super) fn dec(units: i128) -> Value {
    Value::String(format!("decimal {units}"))
}

pub(super) fn bytes_column(values: &[Option<&[u8]>]) -> Column {
    let mut data = Vec::new();
    let mut offsets = vec![0];
    for v in values {
        data.extend_from_slice(v.unwrap_or_default());
        offsets.push(i32::try_from(data.len()).unwrap());
    }
    Column {
        values: Values::Bytes { data, offsets },
        validity: validity(values.iter().map(Option::is_some)),
    }
}

pub(super) fn ints(values: &[Option<i64>]) -> Column {
    column(values, Values::Int)
}

pub(super) fn list(lens: &[usize], valid: Option<Vec<bool>>, items: Column) -> Column {
    Column {
        values: Values::List {
            offsets: list_offsets(lens.iter().copied()),
            items: Box::new(items),
        },
        validity: valid,
    }
}

pub(super) fn strukt(members: Vec<Column>, valid: Option<Vec<bool>>) -> Column {
    Column {
        values: Values::Struct(members),
        validity: valid,
    }
}

pub(super) fn address_type() -> DataType {
    DataType::Struct(vec![
        ("street".into(), DataType::String),
        ("zip".into(), DataType::Int),
    ])
}

pub(super) fn address(street: &str, zip: Option<i32>) -> Value {
    let zip = zip.map_or(u(0, Value::Null), |z| u(1, Value::Int(z)));
    Value::Record(vec![("street".into(), s(street)), ("zip".into(), zip)])
}

pub(super) const UUID: u128 = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210;

/// The fixture.
#[allow(clippy::too_many_lines)] // One column after another, each with its expected values.
pub(super) fn fixture() -> Fixture {
    let mut f = Fixture {
        table: TableSchema {
            name: "everything".into(),
            columns: Vec::new(),
            document: false,
            avro_schema: Some(SCHEMA.into()),
        },
        chunk: Chunk {
            start: 0,
            len: N,
            columns: Vec::new(),
        },
        expected: Vec::new(),
    };
    let bools = [true, false, true, true, false, false];
    f.add(
        "flag",
        DataType::Bool,
        Column::new(Values::Bool(bools.to_vec())),
        bools.iter().map(|&b| Value::Boolean(b)).collect(),
    );
    let small = [-5, i64::from(i32::MIN), i64::from(i32::MAX), 0, 1, 64];
    f.add(
        "small",
        DataType::Int,
        Column::new(Values::Int(small.to_vec())),
        small.iter().map(|&x| Value::Int(x as i32)).collect(),
    );
    let big = [1 << 40, i64::MIN, i64::MAX, 0, -1, 300];
    f.add(
        "big",
        DataType::Int,
        Column::new(Values::Int(big.to_vec())),
        big.iter().map(|&x| Value::Long(x)).collect(),
    );
    let ratio = [1.5, -0.25, 0.0, 1e10, -3.0, 0.5];
    f.add(
        "ratio",
        DataType::Float,
        Column::new(Values::Float(ratio.to_vec())),
        ratio.iter().map(|&x| Value::Float(x as f32)).collect(),
    );
    let score = [0.1, -1e300, f64::INFINITY, 2.5, 0.0, 1.0 / 3.0];
    f.add(
        "score",
        DataType::Float,
        Column::new(Values::Float(score.to_vec())),
        score.iter().map(|&x| Value::Double(x)).collect(),
    );
    let blobs: [&[u8]; N] = [&[0, 1, 255], b"", b"\"q\\", &[0x80], b"x", &[7; 20]];
    f.add(
        "blob",
        DataType::Bytes,
        bytes_column(&blobs.map(Some)),
        blobs.iter().map(|b| Value::Bytes(b.to_vec())).collect(),
    );
    let labels = [Some("a"), None, Some("ünï"), Some(""), None, Some("z")];
    f.add(
        "label",
        DataType::String,
        strings(&labels),
        labels
            .iter()
            .map(|l| l.map_or(u(1, Value::Null), |l| u(0, s(l))))
            .collect(),
    );
    let colors = ["GREEN", "BLUE", "RED", "RED", "GREEN", "BLUE"];
    f.add(
        "color",
        DataType::String,
        strings(&colors.map(Some)),
        colors
            .iter()
            .map(|c| {
                let i = ["RED", "GREEN", "BLUE"]
                    .iter()
                    .position(|x| x == c)
                    .unwrap();
                Value::Enum(i as u32, (*c).into())
            })
            .collect(),
    );
    let codes: [&[u8]; N] = [
        b"abcd",
        &[0, 0, 0, 0],
        &[255; 4],
        b"wxyz",
        b"1234",
        b"\n\t\r ",
    ];
    f.add(
        "code",
        DataType::Bytes,
        bytes_column(&codes.map(Some)),
        codes.iter().map(|c| Value::Fixed(4, c.to_vec())).collect(),
    );
    let streets = ["Main", "Side", "", "Elm", "Oak", "Pine"];
    let zips = [Some(12345), None, Some(-1), None, Some(0), Some(9)];
    f.add(
        "home",
        address_type(),
        strukt(
            vec![
                strings(&streets.map(Some)),
                ints(&zips.map(|z| z.map(i64::from))),
            ],
            None,
        ),
        streets
            .iter()
            .zip(zips)
            .map(|(st, z)| address(st, z))
            .collect(),
    );
    let work_valid = [false, true, false, true, true, false];
    f.add(
        "work",
        address_type(),
        strukt(
            vec![
                strings(&["", "Side", "", "Far", "Near", ""].map(Some)),
                ints(&[None, None, None, Some(7), None, None]),
            ],
            validity(work_valid),
        ),
        vec![
            u(0, Value::Null),
            u(1, address("Side", None)),
            u(0, Value::Null),
            u(1, address("Far", Some(7))),
            u(1, address("Near", None)),
            u(0, Value::Null),
        ],
    );
    let tags: [&[&str]; N] = [&["x", "y"], &[], &["only"], &[], &["a", "b", "c"], &["é"]];
    let tag_items: Vec<Option<&str>> = tags
        .iter()
        .flat_map(|t| t.iter().copied().map(Some))
        .collect();
    f.add(
        "tags",
        DataType::List(Box::new(DataType::String)),
        list(&tags.map(<[&str]>::len), None, strings(&tag_items)),
        tags.iter()
            .map(|t| Value::Array(t.iter().map(|x| s(x)).collect()))
            .collect(),
    );
    let counts: [&[(&str, Option<i64>)]; N] = [
        &[("a", Some(1)), ("b", None)],
        &[],
        &[("k", Some(-9))],
        &[("", Some(0)), ("z", Some(i64::MAX))],
        &[],
        &[("n", None)],
    ];
    let entry = DataType::Struct(vec![
        ("key".into(), DataType::String),
        ("value".into(), DataType::Int),
    ]);
    let keys: Vec<Option<&str>> = counts
        .iter()
        .flat_map(|c| c.iter().map(|e| Some(e.0)))
        .collect();
    let values: Vec<Option<i64>> = counts.iter().flat_map(|c| c.iter().map(|e| e.1)).collect();
    f.add(
        "counts",
        DataType::List(Box::new(entry)),
        list(
            &counts.map(<[_]>::len),
            None,
            strukt(vec![strings(&keys), ints(&values)], None),
        ),
        counts
            .iter()
            .map(|c| {
                Value::Map(
                    c.iter()
                        .map(|(k, v)| {
                            let v = v.map_or(u(0, Value::Null), |v| u(1, Value::Long(v)));
                            ((*k).to_string(), v)
                        })
                        .collect(),
                )
            })
            .collect(),
    );
    super::avro_fixture::add_unions(&mut f);
    super::avro_fixture::add_logical(&mut f);
    f
}

/// `v` with decimals as `decimal <unscaled>` strings (apache-avro's decimals compare by bytes).
pub(super) fn normalise(v: Value) -> Value {
    match v {
        Value::Decimal(d) => {
            let b = Vec::<u8>::try_from(&d).unwrap();
            let fill = if b.first().is_some_and(|x| x & 0x80 != 0) {
                0xff
            } else {
                0
            };
            let mut full = [fill; 16];
            let at = 16usize.saturating_sub(b.len());
            full[at..].copy_from_slice(&b[b.len().saturating_sub(16)..]);
            dec(i128::from_be_bytes(full))
        }
        Value::Union(i, v) => Value::Union(i, Box::new(normalise(*v))),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Map(m) => Value::Map(m.into_iter().map(|(k, v)| (k, normalise(v))).collect()),
        Value::Record(fields) => {
            Value::Record(fields.into_iter().map(|(k, v)| (k, normalise(v))).collect())
        }
        v => v,
    }
}

/// Reads a zig-zag varint at `*at`.
fn varint(bytes: &[u8], at: &mut usize) -> i64 {
    let (mut n, mut shift) = (0u64, 0);
    loop {
        let b = bytes[*at];
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            return (n >> 1) as i64 ^ -((n & 1) as i64);
        }
    }
}

/// The value of `key` in an Avro container file's header metadata.
pub(super) fn header_value(bytes: &[u8], key: &str) -> String {
    assert_eq!(&bytes[..4], b"Obj\x01");
    let mut at = 4;
    loop {
        let count = varint(bytes, &mut at);
        assert!(count > 0, "no `{key}` in the header");
        for _ in 0..count {
            let len = varint(bytes, &mut at) as usize;
            let k = &bytes[at..at + len];
            at += len;
            let len = varint(bytes, &mut at) as usize;
            let v = &bytes[at..at + len];
            at += len;
            if k == key.as_bytes() {
                return String::from_utf8(v.to_vec()).unwrap();
            }
        }
    }
}

#[test]
fn source_schema_files_read_back_with_every_codec() {
    let f = fixture();
    for (compression, codec) in [
        (None, "null"),
        (Some(Compression::Gzip), "deflate"),
        (Some(Compression::Snappy), "snappy"),
        (Some(Compression::Zstd), "zstandard"),
    ] {
        let bytes = encode(
            &Avro::new(&options(compression)),
            &f.table,
            std::slice::from_ref(&f.chunk),
        )
        .unwrap();
        assert_eq!(header_value(&bytes, "avro.codec"), codec);
        assert_eq!(header_value(&bytes, "avro.schema"), SCHEMA);
        let reader = Reader::new(&bytes[..]).unwrap();
        assert_eq!(
            reader.writer_schema().name().unwrap().fullname(None),
            "com.example.Everything"
        );
        let rows: Vec<Value> = reader.map(|v| normalise(v.unwrap())).collect();
        let expected = f.records();
        assert_eq!(rows.len(), N);
        for (row, (got, want)) in rows.iter().zip(&expected).enumerate() {
            assert_eq!(got, want, "row {row}, codec {codec}");
        }
    }
}
