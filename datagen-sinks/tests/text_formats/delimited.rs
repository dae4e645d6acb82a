//! CSV read back with the csv crate; `.tbl` checked as text.

use datagen_sinks::FormatOptions;
use datagen_sinks::text::text_format;

use crate::fixture::{NAMES, chunks, encode, plain, schema};

#[test]
fn csv_reads_back() {
    let table = schema("items");
    let format = text_format("csv", &FormatOptions::default()).unwrap();
    assert_eq!(format.extension(), "csv");
    assert!(!format.has_separators());
    let text = encode(&*format, &table, &chunks(14));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), NAMES.as_slice());
    let mut rows = 0;
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let want: Vec<String> = plain(i)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        assert_eq!(record, want, "row {i}");
        rows += 1;
    }
    assert_eq!(rows, 14);
    // Empty strings are quoted, nulls are not; quotes doubled; leading spaces quoted.
    assert!(
        text.contains("\n3,NaN,1.00,\"\",true,1970-01-01,"),
        "{text}"
    );
    assert!(text.contains("\n4,100.0,0.00,,false,0000-01-01,"), "{text}");
    assert!(text.contains("\"comma, \"\"quote\"\"\nnew line\r\nend\""));
    assert!(text.contains(",\" lead and trail \","));
    assert!(text.contains(",\"[\"\"a\"\",\"\"b\"\"]\","));
    let first = text.lines().nth(1).unwrap();
    assert_eq!(
        first,
        "0,0.1,123.45,plain,true,2024-02-29,12:34:56,2024-02-29T12:34:56,\
         2024-02-29T12:34:56.123456Z,01234567-89ab-cdef-0011-223344556677,deadbeef,\
         \"[\"\"a\"\",\"\"b\"\"]\",\"{\"\"x\"\":1,\"\"label\"\":\"\"p\"\"}\""
    );
}

#[test]
fn csv_options() {
    let table = schema("items");
    let options = FormatOptions {
        csv_delimiter: b';',
        csv_null: "\\N".to_string(),
        csv_header: false,
        ..FormatOptions::default()
    };
    let format = text_format("csv", &options).unwrap();
    let text = encode(&*format, &table, &chunks(6));
    assert!(text.starts_with("0;0.1;"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    for (i, record) in reader.records().enumerate() {
        let want: Vec<String> = plain(i)
            .into_iter()
            .map(|v| v.unwrap_or_else(|| "\\N".to_string()))
            .collect();
        assert_eq!(record.unwrap(), want, "row {i}");
    }
    // An empty string is not the null string, so it needs no quotes.
    assert!(text.contains("\n3;NaN;1.00;;true;"), "{text}");
    assert!(text.contains("\n2;-0.0;\\N;"), "{text}");
}

#[test]
fn csv_empty_file_is_the_header() {
    let table = schema("items");
    let format = text_format("csv", &FormatOptions::default()).unwrap();
    assert_eq!(
        encode(&*format, &table, &[]),
        format!("{}\n", NAMES.join(","))
    );
}

#[test]
fn tbl_lines() {
    let table = schema("items");
    let format = text_format("tbl", &FormatOptions::default()).unwrap();
    assert_eq!(format.extension(), "tbl");
    let text = encode(&*format, &table, &chunks(3));
    assert!(text.starts_with(
        "0|0.1|123.45|plain|true|2024-02-29|12:34:56|2024-02-29T12:34:56|\
         2024-02-29T12:34:56.123456Z|01234567-89ab-cdef-0011-223344556677|deadbeef|\
         [\"a\",\"b\"]|{\"x\":1,\"label\":\"p\"}|\n1|1e+300|-0.05|comma, \"quote\"\n"
    ));
    assert!(text.ends_with("\n2|-0.0||unicode é 名前 🎉 <&> ctrl\u{1}\u{1f}\ttab||||||||||\n"));
    assert_eq!(encode(&*format, &table, &[]), "");
}
