//! Parsing Canonical Form and fingerprints against Apache Avro's vectors and `apache-avro`;
//! single datums, single-object encoding and the Confluent wire format decoded by
//! `apache-avro`; errors for rows and columns that do not fit the schema.

use std::path::Path;

use apache_avro::rabin::Rabin;
use apache_avro::{GenericSingleObjectReader, Schema};
use datagen_engine::{Column, Values};

use super::avro_source::{N, SCHEMA, fixture, normalise};
use super::encode;
use crate::columnar::avro::{DatumEncoder, parsing_canonical_form, rabin_fingerprint};
use crate::columnar::{Avro, avro_schema};
use crate::format::FormatOptions;

/// One case of `schema-tests.txt`: the input, its canonical form, its fingerprint if given.
struct Case {
    input: String,
    canonical: String,
    fingerprint: Option<i64>,
}

/// The cases of Apache Avro's `schema-tests.txt`.
fn cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/avro/schema-tests.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut cases = Vec::new();
    let mut lines = text.lines();
    let mut input = None;
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("<<INPUT") {
            input = Some(if rest.trim().is_empty() {
                // A multi-line input, up to a line `INPUT`.
                lines
                    .by_ref()
                    .take_while(|l| l.trim() != "INPUT")
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                rest.trim().to_string()
            });
        } else if let Some(rest) = line.strip_prefix("<<canonical") {
            cases.push(Case {
                input: input.take().unwrap(),
                canonical: rest.trim().to_string(),
                fingerprint: None,
            });
        } else if let Some(rest) = line.strip_prefix("<<fingerprint") {
            cases.last_mut().unwrap().fingerprint = Some(rest.trim().parse().unwrap());
        }
    }
    cases
}

#[test]
fn canonical_forms_and_fingerprints_match_apache_avros_vectors() {
    let cases = cases();
    assert_eq!(cases.len(), 34, "every case of the file is read");
    let mut fingerprints = 0;
    for case in &cases {
        let canonical = parsing_canonical_form(&case.input).unwrap();
        assert_eq!(canonical, case.canonical, "{}", case.input);
        if let Some(fp) = case.fingerprint {
            assert_eq!(
                rabin_fingerprint(canonical.as_bytes()) as i64,
                fp,
                "{}",
                case.input
            );
            fingerprints += 1;
        }
    }
    assert_eq!(fingerprints, 26);
}

/// A schema with named types in namespaces, references, unions, maps, enums and fixed types,
/// and no logical types.
const PLAIN: &str = r#"{"type":"record","name":"Outer","namespace":"a.b","aliases":["x"],"fields":[
 {"name":"inner","type":{"type":"record","name":"Inner","namespace":"c","fields":[
   {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]},"doc":"d"},
   {"name":"f","type":{"type":"fixed","name":"x.F","size":3}}]}},
 {"name":"again","type":["null","c.Inner","Outer"],"default":null},
 {"name":"e2","type":"c.E"},
 {"name":"f2","type":{"type":"fixed","name":"F2","size":1}},
 {"name":"m","type":{"type":"map","values":{"type":"array","items":"F2"}}},
 {"name":"s","type":{"type":"string"}}
]}"#;

/// apache-avro agrees on canonical forms without logical types or field `order`. (apache-avro
/// keeps `{"type":"int"}`, `precision`, `scale` and `order`, which the specification strips, as
/// Java and Python do: the vectors above decide.)
#[test]
fn canonical_forms_match_apache_avro() {
    let mut schemas = vec![PLAIN.to_string()];
    schemas.extend(
        cases()
            .into_iter()
            .map(|c| c.input)
            .filter(|i| i != "[  ]" && !i.contains("\"order\"")),
    );
    for text in &schemas {
        let theirs = Schema::parse_str(text).unwrap();
        let ours = parsing_canonical_form(text).unwrap();
        assert_eq!(ours, theirs.canonical_form(), "{text}");
        let fingerprint = theirs.fingerprint::<Rabin>();
        assert_eq!(
            rabin_fingerprint(ours.as_bytes()).to_le_bytes().to_vec(),
            fingerprint.bytes,
            "{text}"
        );
    }
}

#[test]
fn datums_single_objects_and_confluent_messages_decode() {
    let f = fixture();
    let encoder = DatumEncoder::new(&f.table).unwrap();
    assert_eq!(encoder.schema(), SCHEMA);
    let schema = Schema::parse_str(SCHEMA).unwrap();
    // apache-avro's own fingerprint of a schema with logical types is not the specification's
    // (see `canonical_forms_match_apache_avro`): give it the header.
    let mut header = vec![0xc3, 0x01];
    header.extend_from_slice(&encoder.fingerprint().to_le_bytes());
    let single = GenericSingleObjectReader::builder()
        .schema(schema.clone())
        .header(header)
        .build()
        .unwrap();
    let expected = f.records();
    for (row, want) in expected.iter().enumerate() {
        let mut datum = Vec::new();
        encoder.encode(&f.chunk, row, &mut datum).unwrap();
        let got = datum_value(&schema, &datum);
        assert_eq!(&normalise(got), want, "datum {row}");

        let mut message = Vec::new();
        encoder.single_object(&f.chunk, row, &mut message).unwrap();
        assert_eq!(message[..2], [0xc3, 0x01]);
        assert_eq!(message[10..], datum[..]);
        let got = single.read_value(&mut &message[..]).unwrap();
        assert_eq!(&normalise(got), want, "single object {row}");

        let mut message = b"kept".to_vec();
        encoder
            .confluent(0x0102_0304, &f.chunk, row, &mut message)
            .unwrap();
        assert_eq!(message[..9], *b"kept\x00\x01\x02\x03\x04");
        assert_eq!(message[9..], datum[..]);
    }
    let canonical = parsing_canonical_form(SCHEMA).unwrap();
    assert_eq!(
        encoder.fingerprint(),
        rabin_fingerprint(canonical.as_bytes())
    );
    assert!(
        canonical.contains(r#"{"name":"day","type":"int"}"#),
        "{canonical}"
    );
}

#[test]
fn single_objects_decode_with_apache_avros_own_header() {
    let table = datagen_engine::TableSchema {
        name: "t".into(),
        columns: vec![datagen_engine::ColumnSchema {
            name: "s".into(),
            ty: datagen_engine::ir::DataType::String,
            nullable: true,
        }],
        document: false,
        avro_schema: Some(r#"{"type":"record","name":"T","namespace":"n","fields":[{"name":"s","type":["null","string"]}]}"#.into()),
    };
    let chunk = datagen_engine::Chunk {
        start: 0,
        len: 2,
        columns: vec![super::strings(&[Some("hi"), None])],
    };
    let encoder = DatumEncoder::new(&table).unwrap();
    let schema = Schema::parse_str(table.avro_schema.as_deref().unwrap()).unwrap();
    let reader = GenericSingleObjectReader::builder()
        .schema(schema)
        .build()
        .unwrap();
    for (row, want) in [Some("hi"), None].into_iter().enumerate() {
        let mut message = Vec::new();
        encoder.single_object(&chunk, row, &mut message).unwrap();
        let want = match want {
            Some(s) => apache_avro::types::Value::Union(1, Box::new(s.into())),
            None => apache_avro::types::Value::Union(0, Box::new(apache_avro::types::Value::Null)),
        };
        let got = reader.read_value(&mut &message[..]).unwrap();
        assert_eq!(
            got,
            apache_avro::types::Value::Record(vec![("s".into(), want)])
        );
    }
}

#[test]
fn a_table_without_a_source_schema_uses_the_derived_one() {
    let table = super::table();
    let encoder = DatumEncoder::new(&table).unwrap();
    assert_eq!(encoder.schema(), avro_schema(&table));
    let chunk = super::chunk(&super::rows(), 0);
    let schema = Schema::parse_str(encoder.schema()).unwrap();
    let file = encode(&Avro::default(), &table, std::slice::from_ref(&chunk)).unwrap();
    let rows: Vec<_> = apache_avro::Reader::new(&file[..])
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (row, want) in rows.iter().enumerate() {
        let mut datum = Vec::new();
        encoder.encode(&chunk, row, &mut datum).unwrap();
        assert_eq!(&datum_value(&schema, &datum), want);
    }
}

/// The value of a datum of `schema`.
#[allow(deprecated)] // Its replacement, `GenericDatumReader`, is not exported yet.
fn datum_value(schema: &Schema, datum: &[u8]) -> apache_avro::types::Value {
    apache_avro::from_avro_datum(schema, &mut &datum[..], None).unwrap()
}

/// The error of writing the fixture with column `name` replaced by `column`.
fn error_with(name: &str, column: Column) -> String {
    let mut f = fixture();
    let at = f.table.columns.iter().position(|c| c.name == name).unwrap();
    f.chunk.columns[at] = column;
    let e = encode(
        &Avro::new(&FormatOptions::default()),
        &f.table,
        std::slice::from_ref(&f.chunk),
    );
    let e = e.unwrap_err().to_string();
    let mut out = b"kept".to_vec();
    let datum = DatumEncoder::new(&f.table).unwrap();
    let rows = (0..N).map(|r| datum.encode(&f.chunk, r, &mut out));
    assert!(rows.into_iter().any(|r| r.is_err()), "{name}");
    assert!(out.starts_with(b"kept"));
    e
}

#[test]
fn values_that_do_not_fit_the_schema_are_errors_naming_the_column_and_path() {
    let ints = |v: Vec<i64>| Column::new(Values::Int(v));
    let e = error_with("small", ints(vec![0, 0, 1 << 40, 0, 0, 0]));
    assert!(
        e.contains("column `small`") && e.contains("row 2") && e.contains("`int`"),
        "{e}"
    );
    let mut colors = super::strings(&[Some("RED"); N]);
    if let Values::Str(s) = &mut colors.values {
        *s = datagen_engine::Strings::default();
        for c in ["RED", "PINK", "RED", "RED", "RED", "RED"] {
            s.push(c);
        }
    }
    let e = error_with("color", colors);
    assert!(e.contains("`PINK` is not a symbol"), "{e}");
    let mut nulls = ints(vec![0; N]);
    nulls.validity = Some(vec![true, true, true, false, true, true]);
    let e = error_with("big", nulls);
    assert!(
        e.contains("Avro path `big`") && e.contains("no `null` branch"),
        "{e}"
    );
    let e = error_with("ts_ns", Column::new(Values::Timestamp(vec![i64::MAX; N])));
    assert!(e.contains("ts_ns"), "{e}");
    let e = error_with("small", Column::new(Values::Float(vec![0.0; N])));
    assert!(e.contains("float values"), "{e}");
    let e = error_with("small", ints(vec![0; 2]));
    assert!(e.contains("no row 2"), "{e}");
}

#[test]
fn nested_values_that_do_not_fit_name_the_avro_path() {
    let mut f = fixture();
    let at = |name: &str| f.table.columns.iter().position(|c| c.name == name).unwrap();
    // Two union branches set at once.
    let (payload, home, code) = (at("payload"), at("home"), at("code"));
    if let Values::Struct(members) = &mut f.chunk.columns[payload].values {
        members[1].validity = None;
    }
    let e = encode(&Avro::default(), &f.table, std::slice::from_ref(&f.chunk)).unwrap_err();
    assert!(e.to_string().contains("more than one union branch"), "{e}");
    let mut f = fixture();
    if let Values::Struct(members) = &mut f.chunk.columns[home].values {
        members[0].validity = Some(vec![true, true, false, true, true, true]);
    }
    let e = encode(&Avro::default(), &f.table, std::slice::from_ref(&f.chunk)).unwrap_err();
    assert!(e.to_string().contains("Avro path `home.street`"), "{e}");
    let mut f = fixture();
    if let Values::Bytes { offsets, .. } = &mut f.chunk.columns[code].values {
        offsets[1] = 3;
    }
    let e = encode(&Avro::default(), &f.table, std::slice::from_ref(&f.chunk)).unwrap_err();
    assert!(
        e.to_string()
            .contains("3 bytes for a fixed type of 4 bytes"),
        "{e}"
    );
}

#[test]
fn columns_that_do_not_fit_the_schema_are_errors_when_opening() {
    let mut f = fixture();
    f.table.columns[1].ty = datagen_engine::ir::DataType::String;
    let e = encode(&Avro::default(), &f.table, &[])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("table `everything`") && e.contains("column `small`") && e.contains("`int`"),
        "{e}"
    );
    let mut f = fixture();
    f.table.columns.pop();
    let e = encode(&Avro::default(), &f.table, &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("31 fields for 30 columns"), "{e}");
    let mut f = fixture();
    f.table.avro_schema =
        Some(r#"{"type":"record","name":"x","fields":[{"name":"a","type":"Nope"}]}"#.into());
    let e = encode(&Avro::default(), &f.table, &[])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("unknown type `Nope`") && e.contains("$.fields[0].type"),
        "{e}"
    );
    assert!(DatumEncoder::new(&f.table).is_err());
}

#[test]
fn source_schema_files_are_deterministic_and_independent_of_chunking() {
    let f = fixture();
    let format = Avro::new(&super::options(Some(crate::format::Compression::Snappy)));
    let whole = encode(&format, &f.table, std::slice::from_ref(&f.chunk)).unwrap();
    assert_eq!(
        whole,
        encode(&format, &f.table, std::slice::from_ref(&f.chunk)).unwrap()
    );
    let parts: Vec<_> = [(0, 2), (2, 3), (5, 1)]
        .into_iter()
        .map(|(start, len)| {
            let mut part = f.chunk.take(&(start..start + len).collect::<Vec<_>>());
            part.start = start as u64;
            part
        })
        .collect();
    assert_eq!(parts[1].len, 3);
    assert!(whole == encode(&format, &f.table, &parts).unwrap());
}
