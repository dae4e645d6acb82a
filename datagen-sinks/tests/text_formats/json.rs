//! JSON Lines and JSON read back with serde_json.

use datagen_sinks::FormatOptions;
use datagen_sinks::text::text_format;
use serde_json::Value;

use crate::fixture::{chunks, encode, json_row, schema};

#[test]
fn jsonl_reads_back() {
    let table = schema("items");
    let format = text_format("jsonl", &FormatOptions::default()).unwrap();
    assert_eq!(format.extension(), "jsonl");
    let text = encode(&*format, &table, &chunks(14));
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len(), 14);
    for (i, line) in lines.iter().enumerate() {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(value, json_row(i), "row {i}: {line}");
        // Keys in column order.
        assert!(line.starts_with(&format!("{{\"id\":{i},\"f\":")));
    }
    assert_eq!(
        lines[0],
        r#"{"id":0,"f":0.1,"price":123.45,"name":"plain","flag":true,"day":"2024-02-29","at":"12:34:56","ts":"2024-02-29T12:34:56","tstz":"2024-02-29T12:34:56.123456Z","uid":"01234567-89ab-cdef-0011-223344556677","blob":"deadbeef","tags":["a","b"],"point":{"x":1,"label":"p"}}"#
    );
    assert!(
        lines[1].contains(r#""f":1e+300,"price":-0.05,"name":"comma, \"quote\"\nnew line\r\nend""#)
    );
    assert!(lines[2].contains(r#""f":-0.0,"price":null,"#));
    assert!(lines[2].contains(r#"ctrl\u0001\u001f\ttab""#));
    assert!(lines[3].contains(r#""f":null,"price":1.00,"#));
    assert!(lines[4].contains(r#""f":100.0,"price":0.00,"name":null,"#));
    assert!(lines[5].contains(r#""f":null,"price":-1234.56,"#));
    assert_eq!(encode(&*format, &table, &[]), "");
}

#[test]
fn json_array_reads_back() {
    let table = schema("items");
    let format = text_format("json", &FormatOptions::default()).unwrap();
    assert_eq!(format.extension(), "json");
    assert!(format.has_separators());
    let text = encode(&*format, &table, &chunks(9));
    let value: Value = serde_json::from_str(&text).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 9);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(*row, json_row(i), "row {i}");
    }
    assert!(text.starts_with("[\n{\"id\":0,"));
    assert!(text.contains("}},\n{\"id\":1,"));
    assert!(text.ends_with(",\"point\":null}\n]\n"));
    assert_eq!(text.lines().count(), 11);
}

#[test]
fn json_empty_file() {
    let table = schema("items");
    let format = text_format("json", &FormatOptions::default()).unwrap();
    let text = encode(&*format, &table, &[]);
    assert_eq!(text, "[]\n");
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap(),
        Value::Array(vec![])
    );
}
