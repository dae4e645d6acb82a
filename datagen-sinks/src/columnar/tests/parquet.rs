//! Parquet files, read back with the `parquet` crate's Arrow reader and inspected through their
//! metadata.

use arrow_array::RecordBatch;
use arrow_schema::DataType as ArrowType;
use bytes::Bytes;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression as Codec, LogicalType, TimeUnit, Type as Physical};
use parquet::file::metadata::ParquetMetaData;
use parquet::file::reader::{FileReader, SerializedFileReader};

use super::arrow::{rows_of, text};
use super::{Row, chunk, encode, options, rows, table, two_chunks};
use crate::columnar::{Parquet, arrow_schema};
use crate::format::{Compression, FormatOptions};

fn read(bytes: &[u8]) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(Bytes::copy_from_slice(bytes))
        .unwrap()
        .build()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn metadata(bytes: &[u8]) -> ParquetMetaData {
    SerializedFileReader::new(Bytes::copy_from_slice(bytes))
        .unwrap()
        .metadata()
        .clone()
}

#[test]
fn parquet_files_read_back() {
    for compression in [
        None,
        Some(Compression::Gzip),
        Some(Compression::Zstd),
        Some(Compression::Snappy),
    ] {
        let bytes = encode(
            &Parquet::new(&options(compression)),
            &table(),
            &two_chunks(),
        )
        .unwrap();
        assert_eq!(&bytes[..4], b"PAR1");
        let batches = read(&bytes);
        let schema = batches[0].schema();
        let expected = arrow_schema(&table());
        for (got, want) in schema.fields().iter().zip(expected.fields()) {
            match (got.data_type(), want.data_type()) {
                // Lists follow the Parquet spec: the item field is `element`.
                (ArrowType::List(got), ArrowType::List(want)) => {
                    assert_eq!(got.name(), "element");
                    assert_eq!(got.data_type(), want.data_type());
                    assert!(got.is_nullable());
                }
                (got, w) => assert_eq!(got, w, "{}", want.name()),
            }
            assert_eq!(got.is_nullable(), want.is_nullable(), "{}", want.name());
        }
        assert_eq!(schema.field(10).extension_type_name(), Some("arrow.uuid"));
        let read: Vec<Row> = batches.iter().flat_map(rows_of).collect();
        assert_eq!(text(&read), text(&rows()), "{compression:?}");
    }
}

#[test]
fn parquet_columns_have_the_standard_physical_and_logical_types() {
    let bytes = encode(&Parquet::default(), &table(), &two_chunks()).unwrap();
    let metadata = metadata(&bytes);
    let schema = metadata.file_metadata().schema_descr();
    let column = |path: &str| {
        (0..schema.num_columns())
            .map(|i| schema.column(i))
            .find(|c| c.path().string() == path)
            .unwrap_or_else(|| panic!("no column {path}"))
    };
    let check = |path: &str, physical: Physical, logical: Option<LogicalType>| {
        let c = column(path);
        assert_eq!(c.physical_type(), physical, "{path}");
        assert_eq!(c.logical_type_ref(), logical.as_ref(), "{path}");
    };
    check("id", Physical::INT64, None);
    check("x", Physical::DOUBLE, None);
    check("amount", Physical::INT64, Some(LogicalType::decimal(2, 12)));
    check(
        "big",
        Physical::FIXED_LEN_BYTE_ARRAY,
        Some(LogicalType::decimal(6, 38)),
    );
    assert_eq!(column("big").type_length(), 16);
    check("name", Physical::BYTE_ARRAY, Some(LogicalType::String));
    check("flag", Physical::BOOLEAN, None);
    check("day", Physical::INT32, Some(LogicalType::Date));
    check(
        "at",
        Physical::INT64,
        Some(LogicalType::time(false, TimeUnit::MICROS)),
    );
    check(
        "ts",
        Physical::INT64,
        Some(LogicalType::timestamp(false, TimeUnit::MICROS)),
    );
    check(
        "tstz",
        Physical::INT64,
        Some(LogicalType::timestamp(true, TimeUnit::MICROS)),
    );
    check(
        "uid",
        Physical::FIXED_LEN_BYTE_ARRAY,
        Some(LogicalType::Uuid),
    );
    assert_eq!(column("uid").type_length(), 16);
    check("blob", Physical::BYTE_ARRAY, None);
    check(
        "tags.list.element",
        Physical::BYTE_ARRAY,
        Some(LogicalType::String),
    );
    check("addr.geo.lat", Physical::DOUBLE, None);
    check("points.list.element.px", Physical::INT64, None);
    // Required columns are required, nullable ones optional.
    assert_eq!(column("id").max_def_level(), 0);
    assert_eq!(column("x").max_def_level(), 1);
}

#[test]
fn parquet_compresses_with_zstd_by_default_and_gzip_on_request() {
    for (compression, codec) in [
        (None, "ZSTD"),
        (Some(Compression::Gzip), "GZIP"),
        (Some(Compression::Snappy), "SNAPPY"),
    ] {
        let bytes = encode(
            &Parquet::new(&options(compression)),
            &table(),
            &two_chunks(),
        )
        .unwrap();
        let metadata = metadata(&bytes);
        for group in metadata.row_groups() {
            for column in group.columns() {
                let used = column.compression();
                assert!(format!("{used:?}").starts_with(codec), "{used:?}");
            }
        }
    }
    let metadata = metadata(&encode(&Parquet::default(), &table(), &two_chunks()).unwrap());
    let used = metadata.row_group(0).column(0).compression();
    assert!(matches!(used, Codec::ZSTD(_)), "{used:?}");
}

#[test]
fn parquet_row_groups_hold_at_most_the_set_number_of_rows() {
    let options = FormatOptions {
        parquet_row_group: 7,
        ..FormatOptions::default()
    };
    let rows = rows();
    let chunks: Vec<_> = (0..5).map(|k| chunk(&rows, k * 5)).collect();
    let bytes = encode(&Parquet::new(&options), &table(), &chunks).unwrap();
    let metadata = metadata(&bytes);
    let sizes: Vec<i64> = metadata.row_groups().iter().map(|g| g.num_rows()).collect();
    assert_eq!(sizes, [7, 7, 7, 4]);
    assert_eq!(metadata.file_metadata().num_rows(), 25);
    let read: Vec<Row> = read(&bytes).iter().flat_map(rows_of).collect();
    let expected: Vec<Row> = (0..5).flat_map(|_| rows.clone()).collect();
    assert_eq!(text(&read), text(&expected));
}

#[test]
fn parquet_row_groups_default_to_a_million_rows() {
    let rows = rows();
    let chunks: Vec<_> = (0..4).map(|k| chunk(&rows, k * 5)).collect();
    let metadata = metadata(&encode(&Parquet::default(), &table(), &chunks).unwrap());
    assert_eq!(
        metadata.num_row_groups(),
        1,
        "chunks are buffered into one row group"
    );
    assert_eq!(metadata.row_group(0).num_rows(), 20);
}

#[test]
fn an_empty_parquet_file_has_the_schema_and_no_rows() {
    let bytes = encode(&Parquet::default(), &table(), &[]).unwrap();
    let metadata = metadata(&bytes);
    assert_eq!(metadata.file_metadata().num_rows(), 0);
    assert_eq!(metadata.num_row_groups(), 0);
    let builder = ParquetRecordBatchReaderBuilder::try_new(Bytes::from(bytes)).unwrap();
    assert_eq!(builder.schema().fields().len(), table().columns.len());
    let batches: Vec<_> = builder.build().unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 0);
}

#[test]
fn parquet_files_are_deterministic() {
    let a = encode(&Parquet::default(), &table(), &two_chunks()).unwrap();
    let b = encode(&Parquet::default(), &table(), &two_chunks()).unwrap();
    assert_eq!(a, b);
}
