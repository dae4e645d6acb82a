//! The Arrow mapping and Arrow IPC files, read back with `arrow-ipc`'s file reader.

use std::io::{Cursor, ErrorKind};

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Decimal128Type, Float64Type, Int64Type, Time64MicrosecondType,
    TimestampMicrosecondType,
};
use arrow_array::{Array, RecordBatch};
use arrow_ipc::reader::FileReader;
use arrow_schema::{DataType as ArrowType, TimeUnit};
use datagen_engine::Values;

use super::{Addr, Row, encode, options, rows, table, two_chunks};
use crate::columnar::{ArrowIpc, arrow_schema, to_record_batch};
use crate::format::Compression;

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn opt<T>(a: &dyn Array, i: usize, get: impl FnOnce() -> T) -> Option<T> {
    a.is_valid(i).then(get)
}

/// The rows of a batch of the test table, read with Arrow's typed accessors.
pub(super) fn rows_of(batch: &RecordBatch) -> Vec<Row> {
    let c = |i: usize| batch.column(i).as_ref();
    let (x, amount, big) = (
        c(1).as_primitive::<Float64Type>(),
        c(2).as_primitive::<Decimal128Type>(),
        c(3).as_primitive::<Decimal128Type>(),
    );
    let (name, tstz, blob) = (
        c(4).as_string::<i32>(),
        c(9).as_primitive::<TimestampMicrosecondType>(),
        c(11).as_binary::<i32>(),
    );
    let (tags, addr, points) = (
        c(12).as_list::<i32>(),
        c(13).as_struct(),
        c(14).as_list::<i32>(),
    );
    let street = addr.column(0).as_string::<i32>();
    let zip = addr.column(1).as_primitive::<Int64Type>();
    let geo = addr.column(2).as_struct();
    let lat = geo.column(0).as_primitive::<Float64Type>();
    (0..batch.num_rows())
        .map(|i| Row {
            id: c(0).as_primitive::<Int64Type>().value(i),
            x: opt(x, i, || x.value(i)),
            amount: opt(amount, i, || amount.value(i)),
            big: big.value(i),
            name: opt(name, i, || leak(name.value(i))),
            flag: c(5).as_boolean().value(i),
            day: c(6).as_primitive::<Date32Type>().value(i),
            at: c(7).as_primitive::<Time64MicrosecondType>().value(i),
            ts: c(8).as_primitive::<TimestampMicrosecondType>().value(i),
            tstz: opt(tstz, i, || tstz.value(i)),
            uid: u128::from_be_bytes(c(10).as_fixed_size_binary().value(i).try_into().unwrap()),
            blob: opt(blob, i, || {
                &*Box::leak(blob.value(i).to_vec().into_boxed_slice())
            }),
            tags: opt(tags, i, || {
                let items = tags.value(i);
                let items = items.as_string::<i32>();
                (0..items.len())
                    .map(|j| opt(items, j, || leak(items.value(j))))
                    .collect()
            }),
            addr: opt(addr, i, || Addr {
                street: opt(street, i, || leak(street.value(i))),
                zip: opt(zip, i, || zip.value(i)),
                geo: opt(geo, i, || opt(lat, i, || lat.value(i))),
            }),
            points: {
                let items = points.value(i);
                let items = items.as_struct();
                let (px, py) = (
                    items.column(0).as_primitive::<Int64Type>(),
                    items.column(1).as_primitive::<Float64Type>(),
                );
                (0..items.len())
                    .map(|j| (px.value(j), opt(py, j, || py.value(j))))
                    .collect()
            },
        })
        .collect()
}

/// Debug text of rows: compares floats bit for bit (`-0.0`) and everything else exactly.
pub(super) fn text(rows: &[Row]) -> String {
    format!("{rows:#?}")
}

#[test]
fn the_schema_maps_every_type() {
    let schema = arrow_schema(&table());
    let types: Vec<ArrowType> = schema
        .fields()
        .iter()
        .map(|f| f.data_type().clone())
        .collect();
    assert_eq!(types[0], ArrowType::Int64);
    assert_eq!(types[1], ArrowType::Float64);
    assert_eq!(types[2], ArrowType::Decimal128(12, 2));
    assert_eq!(types[3], ArrowType::Decimal128(38, 6));
    assert_eq!(types[4], ArrowType::Utf8);
    assert_eq!(types[5], ArrowType::Boolean);
    assert_eq!(types[6], ArrowType::Date32);
    assert_eq!(types[7], ArrowType::Time64(TimeUnit::Microsecond));
    assert_eq!(types[8], ArrowType::Timestamp(TimeUnit::Microsecond, None));
    assert_eq!(
        types[9],
        ArrowType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
    );
    assert_eq!(types[10], ArrowType::FixedSizeBinary(16));
    assert_eq!(types[11], ArrowType::Binary);
    let ArrowType::List(item) = &types[12] else {
        panic!("{:?}", types[12])
    };
    assert_eq!((item.name().as_str(), item.is_nullable()), ("item", true));
    let ArrowType::Struct(children) = &types[13] else {
        panic!("{:?}", types[13])
    };
    assert!(children.iter().all(|f| f.is_nullable()));
    assert_eq!(
        children[2].data_type(),
        &ArrowType::Struct(vec![arrow_schema::Field::new("lat", ArrowType::Float64, true),].into())
    );
    let uid = schema.field(10);
    assert_eq!(uid.extension_type_name(), Some("arrow.uuid"));
    let nullable: Vec<bool> = schema.fields().iter().map(|f| f.is_nullable()).collect();
    let expected: Vec<bool> = table().columns.iter().map(|c| c.nullable).collect();
    assert_eq!(nullable, expected);
}

#[test]
fn record_batches_hold_the_chunk_values() {
    let batch = to_record_batch(&table(), &super::chunk(&rows(), 0)).unwrap();
    assert_eq!(batch.num_rows(), 5);
    assert_eq!(text(&rows_of(&batch)), text(&rows()));
    // UUIDs are stored in the standard (big-endian) byte order.
    assert_eq!(
        batch.column(10).as_fixed_size_binary().value(0),
        [
            0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab,
            0xcd, 0xef
        ]
    );
    assert_eq!(batch.column(9).null_count(), 1);
}

#[test]
fn mismatched_chunks_are_errors_not_panics() {
    let table = table();
    let mut chunk = super::chunk(&rows(), 0);
    chunk.columns[0].values = Values::Float(vec![0.0; 5]);
    let e = to_record_batch(&table, &chunk).unwrap_err();
    assert!(e.to_string().contains("`id`"), "{e}");

    let mut chunk = super::chunk(&rows(), 0);
    chunk.columns[0].validity = Some(vec![true, false, true, true, true]);
    assert!(
        to_record_batch(&table, &chunk).is_err(),
        "a null in a non-nullable column"
    );

    let mut chunk = super::chunk(&rows(), 0);
    if let Values::Str(s) = &mut chunk.columns[4].values {
        s.offsets[2] = 1000;
    }
    assert!(
        to_record_batch(&table, &chunk).is_err(),
        "offsets out of order"
    );

    let mut chunk = super::chunk(&rows(), 0);
    chunk.columns.pop();
    assert!(to_record_batch(&table, &chunk).is_err(), "a missing column");
}

fn read_ipc(bytes: Vec<u8>) -> (arrow_schema::SchemaRef, Vec<RecordBatch>) {
    let reader = FileReader::try_new(Cursor::new(bytes), None).unwrap();
    let schema = reader.schema();
    (schema, reader.collect::<Result<_, _>>().unwrap())
}

#[test]
fn arrow_ipc_files_read_back() {
    for compression in [None, Some(Compression::Zstd)] {
        let format = ArrowIpc::new(&options(compression));
        let bytes = encode(&format, &table(), &two_chunks()).unwrap();
        assert_eq!(&bytes[..6], b"ARROW1");
        let (schema, batches) = read_ipc(bytes);
        assert_eq!(*schema, arrow_schema(&table()));
        assert_eq!(
            batches
                .iter()
                .map(RecordBatch::num_rows)
                .collect::<Vec<_>>(),
            [3, 2]
        );
        let read: Vec<Row> = batches.iter().flat_map(rows_of).collect();
        assert_eq!(text(&read), text(&rows()), "{compression:?}");
    }
}

#[test]
fn arrow_ipc_zstd_compresses() {
    let rows: Vec<Row> = (0..200).map(|_| rows()[1].clone()).collect();
    let chunk = super::chunk(&rows, 0);
    let plain = encode(
        &ArrowIpc::new(&options(None)),
        &table(),
        std::slice::from_ref(&chunk),
    )
    .unwrap();
    let zstd = encode(
        &ArrowIpc::new(&options(Some(Compression::Zstd))),
        &table(),
        &[chunk],
    )
    .unwrap();
    assert!(
        zstd.len() * 2 < plain.len(),
        "{} vs {}",
        zstd.len(),
        plain.len()
    );
    assert_eq!(read_ipc(zstd).1[0].num_rows(), 200);
}

#[test]
fn arrow_ipc_refuses_gzip() {
    let format = ArrowIpc::new(&options(Some(Compression::Gzip)));
    let e = encode(&format, &table(), &[]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported);
    assert!(e.to_string().contains("gzip"), "{e}");
}

#[test]
fn an_empty_arrow_ipc_file_has_the_schema_and_no_rows() {
    let bytes = encode(&ArrowIpc::default(), &table(), &[]).unwrap();
    let (schema, batches) = read_ipc(bytes);
    assert_eq!(*schema, arrow_schema(&table()));
    assert!(batches.is_empty());
}

#[test]
fn arrow_ipc_files_are_deterministic() {
    let format = ArrowIpc::new(&options(Some(Compression::Zstd)));
    let a = encode(&format, &table(), &two_chunks()).unwrap();
    let b = encode(&format, &table(), &two_chunks()).unwrap();
    assert_eq!(a, b);
}
