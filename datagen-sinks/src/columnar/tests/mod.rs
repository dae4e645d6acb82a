//! Tests of the columnar formats: a table of every type, written and read back with independent
//! readers (the `parquet` crate's Arrow reader, the Arrow IPC file reader, `apache-avro`).

mod arrow;
mod avro;
mod avro_cut;
mod avro_fixture;
mod avro_framing;
mod avro_json;
mod avro_source;
mod parquet;

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, Strings, TableSchema, Values};

use crate::format::{ColumnarFormat, Compression, FormatOptions};

/// A row of the test table, as plain values.
#[derive(Clone, Debug)]
pub(super) struct Row {
    pub(super) id: i64,
    pub(super) x: Option<f64>,
    /// decimal(12, 2) units.
    pub(super) amount: Option<i128>,
    /// decimal(38, 6) units.
    pub(super) big: i128,
    pub(super) name: Option<&'static str>,
    pub(super) flag: bool,
    pub(super) day: i32,
    pub(super) at: i64,
    pub(super) ts: i64,
    pub(super) tstz: Option<i64>,
    pub(super) uid: u128,
    pub(super) blob: Option<&'static [u8]>,
    pub(super) tags: Option<Vec<Option<&'static str>>>,
    /// `{street, zip, geo: {lat}}`; `geo` is `None` when the inner struct is null.
    pub(super) addr: Option<Addr>,
    /// A non-null list of `{px, py}`.
    pub(super) points: Vec<(i64, Option<f64>)>,
}

/// The `addr` struct.
#[derive(Clone, Debug)]
pub(super) struct Addr {
    pub(super) street: Option<&'static str>,
    pub(super) zip: Option<i64>,
    pub(super) geo: Option<Option<f64>>,
}

const fn addr(street: Option<&'static str>, zip: Option<i64>, geo: Option<Option<f64>>) -> Addr {
    Addr { street, zip, geo }
}

/// The test table: every type, nullable and not.
pub(super) fn table() -> TableSchema {
    let col = |name: &str, ty: DataType, nullable: bool| ColumnSchema {
        name: name.into(),
        ty,
        nullable,
    };
    let geo = DataType::Struct(vec![("lat".into(), DataType::Float)]);
    TableSchema {
        name: "orders".into(),
        document: false,
        avro_schema: None,
        columns: vec![
            col("id", DataType::Int, false),
            col("x", DataType::Float, true),
            col(
                "amount",
                DataType::Decimal {
                    precision: 12,
                    scale: 2,
                },
                true,
            ),
            col(
                "big",
                DataType::Decimal {
                    precision: 38,
                    scale: 6,
                },
                false,
            ),
            col("name", DataType::String, true),
            col("flag", DataType::Bool, false),
            col("day", DataType::Date, false),
            col("at", DataType::Time, false),
            col("ts", DataType::Timestamp, false),
            col("tstz", DataType::TimestampTz, true),
            col("uid", DataType::Uuid, false),
            col("blob", DataType::Bytes, true),
            col("tags", DataType::List(Box::new(DataType::String)), true),
            col(
                "addr",
                DataType::Struct(vec![
                    ("street".into(), DataType::String),
                    ("zip".into(), DataType::Int),
                    ("geo".into(), geo),
                ]),
                true,
            ),
            col(
                "points",
                DataType::List(Box::new(DataType::Struct(vec![
                    ("px".into(), DataType::Int),
                    ("py".into(), DataType::Float),
                ]))),
                false,
            ),
        ],
    }
}

/// The test rows: extremes, negatives, unicode, empty values and nulls at every level.
pub(super) fn rows() -> Vec<Row> {
    vec![
        Row {
            id: 0,
            x: Some(1.5),
            amount: Some(12_345),
            big: 123_456_789_012_345_678_901_234_567_890_123_456,
            name: Some("hello"),
            flag: true,
            day: 0,
            at: 0,
            ts: 0,
            tstz: Some(0),
            uid: 0x0123_4567_89ab_cdef_0123_4567_89ab_cdef,
            blob: Some(b""),
            tags: Some(vec![]),
            addr: Some(addr(Some("Main St"), Some(12_345), Some(Some(51.5)))),
            points: vec![],
        },
        Row {
            id: i64::MIN,
            x: None,
            amount: Some(-1),
            big: -99_999_999_999_999_999_999_999_999_999_999_999_999,
            name: Some("héllo wörld — 日本語 🎉"),
            flag: false,
            day: -1,
            at: 86_399_999_999,
            ts: -1,
            tstz: Some(1_700_000_000_123_456),
            uid: u128::MAX,
            blob: Some(&[0, 255, 128, 1]),
            tags: None,
            addr: None,
            points: vec![(1, Some(0.5)), (2, None)],
        },
        Row {
            id: i64::MAX,
            x: Some(-0.0),
            amount: None,
            big: -1,
            name: None,
            flag: true,
            day: -719_162,
            at: 45_296_789_012,
            ts: 253_402_300_799_999_999,
            tstz: None,
            uid: 1,
            blob: None,
            tags: Some(vec![Some("a"), None, Some("")]),
            addr: Some(addr(None, None, None)),
            points: vec![(3, Some(-2.25))],
        },
        Row {
            id: -42,
            x: Some(1e300),
            amount: Some(-999_999_999_999),
            big: 0,
            name: Some(""),
            flag: false,
            day: 2_932_896,
            at: 1,
            ts: -62_135_596_800_000_000,
            tstz: Some(-1),
            uid: 1 << 127,
            blob: Some(b"bytes"),
            tags: Some(vec![Some("x")]),
            addr: Some(addr(Some("Ünïcode"), Some(-7), Some(Some(-0.125)))),
            points: vec![],
        },
        Row {
            id: 7,
            x: Some(f64::MIN_POSITIVE),
            amount: Some(999_999_999_999),
            big: -128,
            name: Some("tab\tnew\nline \"q\""),
            flag: true,
            day: 19_000,
            at: 3_600_000_000,
            ts: 1_000_000,
            tstz: Some(-62_135_596_800_000_000),
            uid: 0xf81d_4fae_7dec_11d0_a765_00a0_c91e_6bf6,
            blob: Some(&[0x80; 40]),
            tags: Some(vec![None]),
            addr: Some(addr(Some("x"), Some(0), Some(None))),
            points: vec![(4, Some(1e-10)), (5, Some(2.0)), (6, None)],
        },
    ]
}

/// A validity vector, `None` when all are valid.
fn validity(valid: impl IntoIterator<Item = bool>) -> Option<Vec<bool>> {
    let v: Vec<bool> = valid.into_iter().collect();
    v.contains(&false).then_some(v)
}

fn column<T: Clone + Default>(values: &[Option<T>], make: impl FnOnce(Vec<T>) -> Values) -> Column {
    Column {
        values: make(
            values
                .iter()
                .map(|v| v.clone().unwrap_or_default())
                .collect(),
        ),
        validity: validity(values.iter().map(Option::is_some)),
    }
}

fn strings(values: &[Option<&str>]) -> Column {
    let mut s = Strings::with_capacity(values.len(), 8);
    for v in values {
        s.push(v.unwrap_or(""));
    }
    Column {
        values: Values::Str(s),
        validity: validity(values.iter().map(Option::is_some)),
    }
}

fn list_offsets(lens: impl IntoIterator<Item = usize>) -> Vec<i32> {
    let mut offsets = vec![0];
    for len in lens {
        offsets.push(offsets.last().unwrap() + i32::try_from(len).unwrap());
    }
    offsets
}

/// `rows` as a chunk starting at row `start`.
pub(super) fn chunk(rows: &[Row], start: u64) -> Chunk {
    let map = |f: &dyn Fn(&Row) -> Option<i64>| rows.iter().map(f).collect::<Vec<_>>();
    let some = |f: fn(&Row) -> i64| map(&|r| Some(f(r)));
    let mut blob_data = Vec::new();
    let mut blob_offsets = vec![0];
    for r in rows {
        blob_data.extend_from_slice(r.blob.unwrap_or_default());
        blob_offsets.push(i32::try_from(blob_data.len()).unwrap());
    }
    let tags: Vec<Option<&str>> = rows
        .iter()
        .flat_map(|r| r.tags.clone().unwrap_or_default())
        .collect();
    let in_addr = |f: &dyn Fn(&Addr) -> Option<f64>| -> Vec<Option<f64>> {
        rows.iter().map(|r| r.addr.as_ref().and_then(f)).collect()
    };
    let geo_valid = rows
        .iter()
        .map(|r| r.addr.as_ref().is_some_and(|a| a.geo.is_some()));
    let points: Vec<&(i64, Option<f64>)> = rows.iter().flat_map(|r| &r.points).collect();
    let columns = vec![
        column(&some(|r| r.id), Values::Int),
        column(&rows.iter().map(|r| r.x).collect::<Vec<_>>(), Values::Float),
        column(
            &rows.iter().map(|r| r.amount).collect::<Vec<_>>(),
            Values::Decimal,
        ),
        column(
            &rows.iter().map(|r| Some(r.big)).collect::<Vec<_>>(),
            Values::Decimal,
        ),
        strings(&rows.iter().map(|r| r.name).collect::<Vec<_>>()),
        column(
            &rows.iter().map(|r| Some(r.flag)).collect::<Vec<_>>(),
            Values::Bool,
        ),
        column(
            &rows.iter().map(|r| Some(r.day)).collect::<Vec<_>>(),
            Values::Date,
        ),
        column(&some(|r| r.at), Values::Time),
        column(&some(|r| r.ts), Values::Timestamp),
        column(&map(&|r| r.tstz), Values::Timestamp),
        column(
            &rows.iter().map(|r| Some(r.uid)).collect::<Vec<_>>(),
            Values::Uuid,
        ),
        Column {
            values: Values::Bytes {
                data: blob_data,
                offsets: blob_offsets,
            },
            validity: validity(rows.iter().map(|r| r.blob.is_some())),
        },
        Column {
            values: Values::List {
                offsets: list_offsets(rows.iter().map(|r| r.tags.as_ref().map_or(0, Vec::len))),
                items: Box::new(strings(&tags)),
            },
            validity: validity(rows.iter().map(|r| r.tags.is_some())),
        },
        Column {
            values: Values::Struct(vec![
                strings(
                    &rows
                        .iter()
                        .map(|r| r.addr.as_ref().and_then(|a| a.street))
                        .collect::<Vec<_>>(),
                ),
                column(&map(&|r| r.addr.as_ref().and_then(|a| a.zip)), Values::Int),
                Column {
                    values: Values::Struct(vec![column(
                        &in_addr(&|a| a.geo.flatten()),
                        Values::Float,
                    )]),
                    validity: validity(geo_valid),
                },
            ]),
            validity: validity(rows.iter().map(|r| r.addr.is_some())),
        },
        Column::new(Values::List {
            offsets: list_offsets(rows.iter().map(|r| r.points.len())),
            items: Box::new(Column::new(Values::Struct(vec![
                column(
                    &points.iter().map(|p| Some(p.0)).collect::<Vec<_>>(),
                    Values::Int,
                ),
                column(
                    &points.iter().map(|p| p.1).collect::<Vec<_>>(),
                    Values::Float,
                ),
            ]))),
        }),
    ];
    Chunk {
        start,
        len: rows.len(),
        columns,
    }
}

/// A writer into a shared buffer, so the test can read what a boxed writer wrote.
#[derive(Clone, Default)]
pub(super) struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The file `format` writes for `chunks` of `table`.
pub(super) fn encode(
    format: &dyn ColumnarFormat,
    table: &TableSchema,
    chunks: &[Chunk],
) -> io::Result<Vec<u8>> {
    let shared = Shared::default();
    let mut writer = format.open(table, Box::new(shared.clone()))?;
    for chunk in chunks {
        writer.write(chunk)?;
    }
    writer.finish()?;
    let bytes = shared.0.lock().unwrap().clone();
    Ok(bytes)
}

/// Options with `compression`.
pub(super) fn options(compression: Option<Compression>) -> FormatOptions {
    FormatOptions {
        compression,
        ..FormatOptions::default()
    }
}

/// The test rows in two chunks (3 + 2 rows).
pub(super) fn two_chunks() -> Vec<Chunk> {
    let rows = rows();
    vec![chunk(&rows[..3], 0), chunk(&rows[3..], 3)]
}

#[test]
fn the_constructor_knows_the_three_formats() {
    let options = FormatOptions::default();
    for (name, ext) in [("parquet", "parquet"), ("avro", "avro"), ("arrow", "arrow")] {
        let format = super::columnar_format(name, &options).expect(name);
        assert_eq!(format.extension(), ext);
    }
    assert!(super::columnar_format("csv", &options).is_none());
}
