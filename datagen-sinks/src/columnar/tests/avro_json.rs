//! `jsonl` and `json` in Avro's JSON encoding (`--avro-json`), checked against values written
//! out by hand from the specification.

use serde_json::{Value, json};

use super::avro_source::{N, fixture};
use crate::format::{FormatOptions, TextFormat};
use crate::text::{AvroJson, check_avro_json, text_format};

/// Bytes as Avro's JSON encoding writes them: one code point per byte.
fn cp(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The lines `format` writes for the fixture, parsed.
fn lines(format: &dyn TextFormat) -> Vec<Value> {
    let f = fixture();
    let mut out = Vec::new();
    let mut ends = Vec::new();
    format.encode_rows(&f.table, &f.chunk, &mut out, &mut ends);
    assert_eq!(ends.len(), N);
    let text = String::from_utf8(out).unwrap();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn rows_are_in_avros_json_encoding() {
    let options = FormatOptions {
        avro_json: true,
        ..FormatOptions::default()
    };
    let format = text_format("jsonl", &options).unwrap();
    assert_eq!(format.extension(), "jsonl");
    let rows = lines(&*format);
    let ts = 1_700_000_000_123_456_i64;
    let want = json!({
        "flag": true, "small": -5, "big": 1_i64 << 40, "ratio": 1.5, "score": 0.1,
        "blob": cp(&[0, 1, 255]), "label": {"string": "a"}, "color": "GREEN", "code": "abcd",
        "home": {"street": "Main", "zip": {"int": 12345}}, "work": null, "tags": ["x", "y"],
        "counts": {"a": {"long": 1}, "b": null}, "payload": {"int": 7}, "either": {"long": 9},
        "price": cp(&[0x30, 0x39]),
        "balance": cp(&(-1_234_567_i64).to_be_bytes()),
        "id": "01234567-89ab-cdef-fedc-ba9876543210",
        "raw_id": cp(&0x0123_4567_89ab_cdef_fedc_ba98_7654_3210_u128.to_be_bytes()),
        "day": 19000, "t_ms": 3_723_000, "t_us": 3_723_000_000_i64,
        "ts_ms": ts / 1000, "ts_us": ts, "ts_ns": ts * 1000,
        "lts_ms": ts / 1000, "lts_us": ts, "lts_ns": ts * 1000,
        "span": cp(&[1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]), "odd": "weird",
        "maybe_day": {"int": 1}
    });
    assert_eq!(rows[0], want);
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 31);
    // Unions by branch name: named types by their full name.
    let payloads: Vec<&Value> = rows.iter().map(|r| &r["payload"]).collect();
    assert_eq!(
        payloads,
        [
            &json!({"int": 7}),
            &json!({"string": "s"}),
            &json!({"com.example.Color": "RED"}),
            &json!({"array": [1, 2]}),
            &json!({"map": {"k": "v"}}),
            &Value::Null,
        ]
    );
    assert_eq!(
        rows[1]["either"],
        json!({"com.example.Address": {"street": "In", "zip": {"int": 1}}})
    );
    assert_eq!(
        rows[1]["work"],
        json!({"com.example.Address": {"street": "Side", "zip": null}})
    );
    assert_eq!(rows[1]["label"], Value::Null);
    assert_eq!(rows[1]["counts"], json!({}));
    assert_eq!(rows[2]["score"], json!("Infinity"));
    assert_eq!(rows[2]["blob"], json!("\"q\\"));
    assert_eq!(rows[3]["blob"], json!("\u{80}"));
    assert_eq!(rows[1]["price"], json!(cp(&[0xfb])));
    assert_eq!(rows[3]["ratio"], json!(1e10));
}

#[test]
fn json_arrays_hold_the_same_records() {
    let format = AvroJson::new(false);
    assert_eq!(format.extension(), "json");
    let f = fixture();
    let mut out = Vec::new();
    format.header(&f.table, &mut out);
    for row in 0..N {
        format.before_row(&f.table, row as u64, &mut out);
        format.encode_row(&f.table, &f.chunk, row, &mut out);
    }
    format.footer(&f.table, N as u64, &mut out);
    let all: Vec<Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(all, lines(&AvroJson::new(true)));
}

#[test]
fn tables_without_a_source_schema_use_the_derived_one() {
    let table = super::table();
    check_avro_json(&table).unwrap();
    let chunk = super::chunk(&super::rows(), 0);
    let mut out = Vec::new();
    AvroJson::new(true).encode_row(&table, &chunk, 0, &mut out);
    let row: Value = serde_json::from_slice(&out).unwrap();
    // A non-nullable `long`, then a nullable `double` as a union.
    assert!(row["id"].is_i64(), "{row}");
    assert!(
        row["x"].is_null() || row["x"].get("double").is_some(),
        "{row}"
    );
}

#[test]
fn a_schema_that_does_not_fit_is_refused_up_front() {
    let mut f = fixture();
    f.table.columns[0].ty = datagen_engine::ir::DataType::Int;
    let e = check_avro_json(&f.table).unwrap_err().to_string();
    assert!(e.contains("column `flag`"), "{e}");
}

/// The rows `format` writes for `table` (the fixture's chunk), row by row.
fn encoded(format: &dyn TextFormat, table: &datagen_engine::TableSchema) -> String {
    let f = fixture();
    let mut out = Vec::new();
    format.header(table, &mut out);
    for row in 0..N {
        format.before_row(table, row as u64, &mut out);
        format.encode_row(table, &f.chunk, row, &mut out);
    }
    format.footer(table, N as u64, &mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn plain_json_writes_avro_maps_as_objects() {
    let options = FormatOptions::default();
    let rows = lines(&*text_format("jsonl", &options).unwrap());
    let counts: Vec<&Value> = rows.iter().map(|r| &r["counts"]).collect();
    assert_eq!(
        counts,
        [
            &json!({"a": 1, "b": null}),
            &json!({}),
            &json!({"k": -9}),
            &json!({"": 0, "z": i64::MAX}),
            &json!({}),
            &json!({"n": null}),
        ]
    );
    // A map inside a union's struct, and plain JSON elsewhere (no union wrapper).
    assert_eq!(rows[4]["payload"]["map"], json!({"k": "v"}));
    assert_eq!(rows[3]["payload"]["array"], json!([1, 2]));
    assert_eq!(rows[0]["home"], json!({"street": "Main", "zip": 12345}));

    // `json` (row by row) writes the same values.
    let f = fixture();
    let all: Vec<Value> =
        serde_json::from_str(&encoded(&*text_format("json", &options).unwrap(), &f.table)).unwrap();
    assert_eq!(all, rows);

    // Without the Avro schema nothing marks the column as a map: a list of entries.
    let mut bare = f.table.clone();
    bare.avro_schema = None;
    let text = encoded(&*text_format("jsonl", &options).unwrap(), &bare);
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(
        first["counts"],
        json!([{"key": "a", "value": 1}, {"key": "b", "value": null}])
    );
}

#[test]
fn csv_cells_hold_avro_maps_as_json_objects() {
    let f = fixture();
    let text = encoded(
        &*text_format("csv", &FormatOptions::default()).unwrap(),
        &f.table,
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), N);
    assert_eq!(&rows[0][at("counts")], r#"{"a":1,"b":null}"#);
    assert_eq!(&rows[1][at("counts")], "{}");
    assert_eq!(
        &rows[4][at("payload")],
        r#"{"int":null,"string":null,"com.example.Color":null,"array":null,"map":{"k":"v"}}"#
    );
}
