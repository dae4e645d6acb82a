//! Every `.avsc` of the Avro corpus that `apache-avro` parses alone (all but [`NOT_ALONE`];
//! recursive types and non-record roots included) goes through `datagen generate X.avsc
//! --format avro` (each codec on some) and reads back with `apache-avro`: the file's schema is
//! the source schema, every row decodes, and the same run in `--format jsonl --avro-json`
//! holds the same values in Avro's JSON encoding.

use std::path::{Path, PathBuf};

#[path = "../../datagen-schema/tests/avro_support/corpus.rs"]
mod avro_corpus;

use apache_avro::types::Value as Avro;
use apache_avro::{Reader, Schema};
use assert_cmd::Command;
use avro_corpus::corpus;
use serde_json::Value as Json;

const ROWS: usize = 40;

/// The corpus schemas `apache-avro` cannot parse on their own, skipped here:
/// `clickstream_schema.avsc` has `//` comments (not strict JSON; datagen accepts them, as
/// Jackson does). `avro_cli.rs` writes and reads back every corpus schema, these included,
/// with the schema datagen writes.
const NOT_ALONE: [&str; 1] = ["clickstream_schema.avsc"];

/// The file name of `path`.
fn name_of(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 file name")
}

/// The one file `datagen generate` wrote into `dir`.
fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the output folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().expect("one file")
}

fn generate(schema: &Path, dir: &Path, args: &[&str]) -> PathBuf {
    Command::cargo_bin("datagen")
        .expect("the datagen binary is built")
        .arg("generate")
        .arg(schema)
        .args([
            "--rows",
            &ROWS.to_string(),
            "--seed",
            "5",
            "--progress",
            "none",
            "--out",
        ])
        .arg(dir)
        .args(args)
        .assert()
        .success();
    only_file(dir)
}

/// Whether `json` is `value` in Avro's JSON encoding (union branch names aside).
fn same(json: &Json, value: &Avro) -> bool {
    let code_points = |b: &[u8]| Json::String(b.iter().map(|&x| char::from(x)).collect());
    match value {
        Avro::Null => json.is_null(),
        Avro::Boolean(b) => json.as_bool() == Some(*b),
        Avro::Int(x) | Avro::Date(x) | Avro::TimeMillis(x) => json.as_i64() == Some(i64::from(*x)),
        Avro::Long(x)
        | Avro::TimeMicros(x)
        | Avro::TimestampMillis(x)
        | Avro::TimestampMicros(x)
        | Avro::TimestampNanos(x)
        | Avro::LocalTimestampMillis(x)
        | Avro::LocalTimestampMicros(x)
        | Avro::LocalTimestampNanos(x) => json.as_i64() == Some(*x),
        Avro::Float(x) => json.as_f64().is_some_and(|j| j as f32 == *x) || !x.is_finite(),
        // serde_json's default float parsing may be one unit in the last place off.
        Avro::Double(x) => {
            json.as_f64()
                .is_some_and(|j| (j - x).abs() <= x.abs() * 4e-16)
                || !x.is_finite()
        }
        Avro::Bytes(b) | Avro::Fixed(_, b) => *json == code_points(b),
        Avro::String(s) | Avro::Enum(_, s) => json.as_str() == Some(s),
        Avro::Uuid(u) => {
            json.as_str() == Some(&u.hyphenated().to_string()) || *json == code_points(u.as_bytes())
        }
        Avro::Decimal(d) => *json == code_points(&Vec::<u8>::try_from(d).expect("decimal bytes")),
        Avro::Duration(d) => {
            let mut b = Vec::new();
            for part in [
                u32::from(d.months()),
                u32::from(d.days()),
                u32::from(d.millis()),
            ] {
                b.extend_from_slice(&part.to_le_bytes());
            }
            *json == code_points(&b)
        }
        Avro::Union(_, v) => match (json, &**v) {
            (Json::Null, Avro::Null) => true,
            (Json::Object(o), v) if o.len() == 1 => o.values().all(|j| same(j, v)),
            _ => false,
        },
        Avro::Array(items) => json.as_array().is_some_and(|a| {
            a.len() == items.len() && a.iter().zip(items).all(|(j, v)| same(j, v))
        }),
        Avro::Map(m) => json.as_object().is_some_and(|o| {
            o.len() == m.len() && m.iter().all(|(k, v)| o.get(k).is_some_and(|j| same(j, v)))
        }),
        Avro::Record(fields) => json.as_object().is_some_and(|o| {
            o.len() == fields.len()
                && fields
                    .iter()
                    .all(|(k, v)| o.get(k).is_some_and(|j| same(j, v)))
        }),
        Avro::BigDecimal(_) => false,
    }
}

#[test]
fn every_corpus_schema_round_trips_through_an_avro_file() {
    let files = corpus();
    assert!(
        files.len() >= 45,
        "the corpus has its schemas: {}",
        files.len()
    );
    let codecs = [
        (None, "null"),
        (Some("gzip"), "deflate"),
        (Some("snappy"), "snappy"),
        (Some("zstd"), "zstandard"),
    ];
    let mut tried = 0;
    let mut not_alone = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("readable");
        let Ok(original) = Schema::parse_str(&text) else {
            not_alone.push(name_of(path));
            continue;
        };
        let t = tempfile::tempdir().expect("a temporary folder");
        let (compress, codec) = codecs[i % codecs.len()];
        let mut args = vec!["--format", "avro"];
        if let Some(c) = compress {
            args.extend(["--compress", c]);
        }
        let file = generate(path, &t.path().join("avro"), &args);
        let bytes = std::fs::read(&file).expect("the avro file");
        let reader = Reader::new(&bytes[..]).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            reader.writer_schema().canonical_form(),
            original.canonical_form(),
            "{}: the file's schema is the source schema",
            path.display()
        );
        let schema = reader.writer_schema().clone();
        let rows: Vec<Avro> = reader
            .map(|r| r.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .collect();
        assert_eq!(rows.len(), ROWS, "{}", path.display());
        assert!(
            rows.iter().all(|r| r.validate(&schema)),
            "{}",
            path.display()
        );
        let mut needle = b"avro.codec".to_vec();
        needle.push(u8::try_from(codec.len() * 2).expect("short"));
        needle.extend_from_slice(codec.as_bytes());
        assert!(
            bytes.windows(needle.len()).any(|w| w == needle),
            "{}: codec {codec}",
            path.display()
        );
        let again = generate(path, &t.path().join("again"), &args);
        assert!(
            std::fs::read(again).expect("again") == bytes,
            "{}: deterministic",
            path.display()
        );

        let jsonl = generate(
            path,
            &t.path().join("json"),
            &["--format", "jsonl", "--avro-json"],
        );
        let text = std::fs::read_to_string(jsonl).expect("the jsonl file");
        let lines: Vec<Json> = text
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", path.display()))
            })
            .collect();
        assert_eq!(lines.len(), ROWS);
        for (row, (json, value)) in lines.iter().zip(&rows).enumerate() {
            assert!(
                same(json, value),
                "{} row {row}:\n{json}\n{value:?}",
                path.display()
            );
        }
        tried += 1;
    }
    assert_eq!(
        not_alone, NOT_ALONE,
        "exactly the schemas `apache-avro` cannot parse alone are skipped"
    );
    assert_eq!(tried + NOT_ALONE.len(), files.len());
}

#[test]
fn codecs_and_avro_json_are_refused_where_they_do_not_apply() {
    let schema = &corpus()[0];
    for (args, message) in [
        (
            &["--format", "csv", "--compress", "snappy"][..],
            "`--compress snappy` does not apply to `--format csv`; it takes gzip or zstd",
        ),
        (
            &["--format", "arrow", "--compress", "snappy"][..],
            "`--compress snappy` does not apply to `--format arrow`; it takes zstd",
        ),
        (
            &["--format", "arrow", "--compress", "gzip"][..],
            "`--compress gzip` does not apply to `--format arrow`; it takes zstd",
        ),
        (
            &["--format", "avro", "--avro-json"][..],
            "`--avro-json` is for",
        ),
    ] {
        Command::cargo_bin("datagen")
            .expect("the datagen binary is built")
            .arg("generate")
            .arg(schema)
            .args(["--rows", "1", "--progress", "none"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(message));
    }
}
