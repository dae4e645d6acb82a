//! A table with every kind of value, its chunks, and what each row must read back as.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, Strings, TableSchema, Values};
use datagen_sinks::TextFormat;
use serde_json::{Value, json};

/// A list of optional strings.
pub(crate) type Tags = &'static [Option<&'static str>];

/// One row of the fixture (`id` aside).
pub(crate) struct Base {
    pub(crate) f: Option<f64>,
    pub(crate) price: Option<i128>,
    pub(crate) name: Option<&'static str>,
    pub(crate) flag: Option<bool>,
    pub(crate) day: Option<i32>,
    pub(crate) at: Option<i64>,
    pub(crate) ts: Option<i64>,
    pub(crate) tstz: Option<i64>,
    pub(crate) uid: Option<u128>,
    pub(crate) blob: Option<&'static [u8]>,
    pub(crate) tags: Option<Tags>,
    pub(crate) point: Option<(Option<i64>, Option<&'static str>)>,
}

/// The rows the fixture cycles through.
pub(crate) const BASE: [Base; 6] = [
    Base {
        f: Some(0.1),
        price: Some(12345),
        name: Some("plain"),
        flag: Some(true),
        day: Some(19782),
        at: Some(45_296_000_000),
        ts: Some(1_709_210_096_000_000),
        tstz: Some(1_709_210_096_123_456),
        uid: Some(0x0123_4567_89ab_cdef_0011_2233_4455_6677),
        blob: Some(&[0xde, 0xad, 0xbe, 0xef]),
        tags: Some(&[Some("a"), Some("b")]),
        point: Some((Some(1), Some("p"))),
    },
    Base {
        f: Some(1e300),
        price: Some(-5),
        name: Some("comma, \"quote\"\nnew line\r\nend"),
        flag: Some(false),
        day: Some(-1),
        at: Some(1),
        ts: Some(-1),
        tstz: Some(0),
        uid: Some(u128::MAX),
        blob: Some(&[]),
        tags: Some(&[]),
        point: Some((None, Some("<&>"))),
    },
    Base {
        f: Some(-0.0),
        price: None,
        name: Some("unicode é 名前 🎉 <&> ctrl\u{1}\u{1f}\ttab"),
        flag: None,
        day: None,
        at: None,
        ts: None,
        tstz: None,
        uid: None,
        blob: None,
        tags: None,
        point: None,
    },
    Base {
        f: Some(f64::NAN),
        price: Some(100),
        name: Some(""),
        flag: Some(true),
        day: Some(0),
        at: Some(86_399_999_999),
        ts: Some(0),
        tstz: Some(951_782_400_000_000),
        uid: Some(1),
        blob: Some(&[0, 255]),
        tags: Some(&[None, Some("x\"y")]),
        point: Some((Some(-7), None)),
    },
    Base {
        f: Some(100.0),
        price: Some(0),
        name: None,
        flag: Some(false),
        day: Some(-719_528),
        at: Some(3_600_000_000),
        ts: Some(253_402_300_799_999_999),
        tstz: Some(-62_167_219_200_000_000),
        uid: Some(0xfedc_ba98_7654_3210_0f1e_2d3c_4b5a_6978),
        blob: Some(&[1]),
        tags: Some(&[Some("<i>"), Some("c,d")]),
        point: Some((Some(i64::MAX), Some("q'uote\\"))),
    },
    Base {
        f: Some(f64::NEG_INFINITY),
        price: Some(-123_456),
        name: Some(" lead and trail "),
        flag: Some(true),
        day: Some(2_932_896),
        at: Some(0),
        ts: Some(1_000_000),
        tstz: Some(1500),
        uid: Some(0x550e_8400_e29b_41d4_a716_4466_5544_0000),
        blob: Some(b"<&>"),
        tags: Some(&[Some("only")]),
        point: Some((Some(0), Some(""))),
    },
];

/// Each base row's columns after `id` as plain text (CSV), `None` for null.
pub(crate) const PLAIN: [[Option<&str>; 12]; 6] = [
    [
        Some("0.1"),
        Some("123.45"),
        Some("plain"),
        Some("true"),
        Some("2024-02-29"),
        Some("12:34:56"),
        Some("2024-02-29T12:34:56"),
        Some("2024-02-29T12:34:56.123456Z"),
        Some("01234567-89ab-cdef-0011-223344556677"),
        Some("deadbeef"),
        Some(r#"["a","b"]"#),
        Some(r#"{"x":1,"label":"p"}"#),
    ],
    [
        Some("1e+300"),
        Some("-0.05"),
        Some("comma, \"quote\"\nnew line\r\nend"),
        Some("false"),
        Some("1969-12-31"),
        Some("00:00:00.000001"),
        Some("1969-12-31T23:59:59.999999"),
        Some("1970-01-01T00:00:00Z"),
        Some("ffffffff-ffff-ffff-ffff-ffffffffffff"),
        Some(""),
        Some("[]"),
        Some(r#"{"x":null,"label":"<&>"}"#),
    ],
    [
        Some("-0.0"),
        None,
        Some("unicode é 名前 🎉 <&> ctrl\u{1}\u{1f}\ttab"),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ],
    [
        Some("NaN"),
        Some("1.00"),
        Some(""),
        Some("true"),
        Some("1970-01-01"),
        Some("23:59:59.999999"),
        Some("1970-01-01T00:00:00"),
        Some("2000-02-29T00:00:00Z"),
        Some("00000000-0000-0000-0000-000000000001"),
        Some("00ff"),
        Some(r#"[null,"x\"y"]"#),
        Some(r#"{"x":-7,"label":null}"#),
    ],
    [
        Some("100.0"),
        Some("0.00"),
        None,
        Some("false"),
        Some("0000-01-01"),
        Some("01:00:00"),
        Some("9999-12-31T23:59:59.999999"),
        Some("0000-01-01T00:00:00Z"),
        Some("fedcba98-7654-3210-0f1e-2d3c4b5a6978"),
        Some("01"),
        Some(r#"["<i>","c,d"]"#),
        Some(r#"{"x":9223372036854775807,"label":"q'uote\\"}"#),
    ],
    [
        Some("-inf"),
        Some("-1234.56"),
        Some(" lead and trail "),
        Some("true"),
        Some("9999-12-31"),
        Some("00:00:00"),
        Some("1970-01-01T00:00:01"),
        Some("1970-01-01T00:00:00.001500Z"),
        Some("550e8400-e29b-41d4-a716-446655440000"),
        Some("3c263e"),
        Some(r#"["only"]"#),
        Some(r#"{"x":0,"label":""}"#),
    ],
];

/// The column names, in order.
pub(crate) const NAMES: [&str; 13] = [
    "id", "f", "price", "name", "flag", "day", "at", "ts", "tstz", "uid", "blob", "tags", "point",
];

/// Row `i`'s plain-text values, `id` first.
pub(crate) fn plain(i: usize) -> Vec<Option<String>> {
    let mut row = vec![Some(i.to_string())];
    row.extend(PLAIN[i % 6].iter().map(|v| v.map(str::to_string)));
    row
}

/// Row `i` as JSON (as serde_json reads it back).
pub(crate) fn json_row(i: usize) -> Value {
    let p = plain(i);
    let b = &BASE[i % 6];
    let text = |k: usize| p[k].clone().map_or(Value::Null, Value::String);
    let number = |k: usize| match &p[k] {
        Some(t) => serde_json::from_str::<Value>(t).unwrap(),
        None => Value::Null,
    };
    let f = match b.f {
        Some(f) if f.is_finite() => json!(f),
        _ => Value::Null,
    };
    json!({
        "id": i,
        "f": f,
        "price": number(2),
        "name": text(3),
        "flag": b.flag,
        "day": text(5),
        "at": text(6),
        "ts": text(7),
        "tstz": text(8),
        "uid": text(9),
        "blob": text(10),
        "tags": number(11),
        "point": number(12),
    })
}

/// The fixture's schema.
pub(crate) fn schema(name: &str) -> TableSchema {
    let types = [
        DataType::Int,
        DataType::Float,
        DataType::Decimal {
            precision: 10,
            scale: 2,
        },
        DataType::String,
        DataType::Bool,
        DataType::Date,
        DataType::Time,
        DataType::Timestamp,
        DataType::TimestampTz,
        DataType::Uuid,
        DataType::Bytes,
        DataType::List(Box::new(DataType::String)),
        DataType::Struct(vec![
            ("x".to_string(), DataType::Int),
            ("label".to_string(), DataType::String),
        ]),
    ];
    TableSchema {
        name: name.to_string(),
        document: false,
        avro_schema: None,
        columns: NAMES
            .iter()
            .zip(types)
            .map(|(n, ty)| ColumnSchema {
                name: (*n).to_string(),
                ty,
                nullable: *n != "id",
            })
            .collect(),
    }
}

/// A column from optional values.
fn column<T: Clone + Default>(values: &[Option<T>], make: impl FnOnce(Vec<T>) -> Values) -> Column {
    let validity: Vec<bool> = values.iter().map(Option::is_some).collect();
    let data = values
        .iter()
        .map(|v| v.clone().unwrap_or_default())
        .collect();
    Column {
        values: make(data),
        validity: validity.contains(&false).then_some(validity),
    }
}

fn strings(values: &[Option<&str>]) -> Column {
    column(values, |v: Vec<&str>| {
        let mut s = Strings::with_capacity(v.len(), 8);
        v.iter().for_each(|x| s.push(x));
        Values::Str(s)
    })
}

/// Rows `rows` (ids) as one chunk.
pub(crate) fn chunk(rows: std::ops::Range<usize>) -> Chunk {
    let base: Vec<&Base> = rows.clone().map(|i| &BASE[i % 6]).collect();
    let ids: Vec<Option<i64>> = rows.clone().map(|i| Some(i as i64)).collect();
    let mut blob_data = Vec::new();
    let mut blob_offsets = vec![0];
    let mut tag_offsets = vec![0];
    let mut tag_items = Vec::new();
    for b in &base {
        blob_data.extend_from_slice(b.blob.unwrap_or_default());
        blob_offsets.push(blob_data.len() as i32);
        tag_items.extend_from_slice(b.tags.unwrap_or_default());
        tag_offsets.push(tag_items.len() as i32);
    }
    let blob_validity: Vec<bool> = base.iter().map(|b| b.blob.is_some()).collect();
    let tag_validity: Vec<bool> = base.iter().map(|b| b.tags.is_some()).collect();
    let point_validity: Vec<bool> = base.iter().map(|b| b.point.is_some()).collect();
    let xs: Vec<Option<i64>> = base.iter().map(|b| b.point.and_then(|p| p.0)).collect();
    let labels: Vec<Option<&str>> = base.iter().map(|b| b.point.and_then(|p| p.1)).collect();
    let columns = vec![
        column(&ids, Values::Int),
        column(&base.iter().map(|b| b.f).collect::<Vec<_>>(), Values::Float),
        column(
            &base.iter().map(|b| b.price).collect::<Vec<_>>(),
            Values::Decimal,
        ),
        strings(&base.iter().map(|b| b.name).collect::<Vec<_>>()),
        column(
            &base.iter().map(|b| b.flag).collect::<Vec<_>>(),
            Values::Bool,
        ),
        column(
            &base.iter().map(|b| b.day).collect::<Vec<_>>(),
            Values::Date,
        ),
        column(&base.iter().map(|b| b.at).collect::<Vec<_>>(), Values::Time),
        column(
            &base.iter().map(|b| b.ts).collect::<Vec<_>>(),
            Values::Timestamp,
        ),
        column(
            &base.iter().map(|b| b.tstz).collect::<Vec<_>>(),
            Values::Timestamp,
        ),
        column(
            &base.iter().map(|b| b.uid).collect::<Vec<_>>(),
            Values::Uuid,
        ),
        Column {
            values: Values::Bytes {
                data: blob_data,
                offsets: blob_offsets,
            },
            validity: Some(blob_validity),
        },
        Column {
            values: Values::List {
                offsets: tag_offsets,
                items: Box::new(strings(&tag_items)),
            },
            validity: Some(tag_validity),
        },
        Column {
            values: Values::Struct(vec![column(&xs, Values::Int), strings(&labels)]),
            validity: Some(point_validity),
        },
    ];
    Chunk {
        start: rows.start as u64,
        len: rows.len(),
        columns,
    }
}

/// Rows `0..rows` in chunks of at most 4 rows.
pub(crate) fn chunks(rows: usize) -> Vec<Chunk> {
    (0..rows)
        .step_by(4)
        .map(|s| chunk(s..(s + 4).min(rows)))
        .collect()
}

/// Encodes `chunks` as one file through the trait, as the writer does.
pub(crate) fn encode(format: &dyn TextFormat, table: &TableSchema, chunks: &[Chunk]) -> String {
    let mut out = Vec::new();
    format.header(table, &mut out);
    let mut index = 0u64;
    for chunk in chunks {
        for row in 0..chunk.len {
            format.before_row(table, index, &mut out);
            format.encode_row(table, chunk, row, &mut out);
            index += 1;
        }
    }
    format.footer(table, index, &mut out);
    String::from_utf8(out).expect("text formats write UTF-8")
}
