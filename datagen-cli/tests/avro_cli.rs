//! `datagen generate schema.avsc`: an Avro schema as input, written as JSON Lines, CSV and Avro
//! (read back with the `apache-avro` crate, whose writer schema is the source schema); a bad
//! schema fails naming the file and the JSON path.

use std::path::Path;

#[path = "../../datagen-schema/tests/avro_support/corpus.rs"]
mod avro_corpus;

use assert_cmd::Command;
use avro_corpus::{corpus, corpus_file};
use serde_json::Value;

const DATA: &str = "../datagen-schema/tests/data/avro";

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

fn order(dir: &Path, format: &str, rows: &str) {
    datagen()
        .args([
            "generate",
            &format!("{DATA}/multi/order.avsc"),
            "--avro-path",
            &format!("{DATA}/lib"),
        ])
        .args([
            "--format",
            format,
            "--rows",
            rows,
            "--progress",
            "none",
            "--out",
        ])
        .arg(dir)
        .assert()
        .success();
}

#[test]
fn jsonl_rows_follow_the_schema() {
    let t = tempfile::tempdir().expect("a temporary folder");
    order(t.path(), "jsonl", "100");
    let text = std::fs::read_to_string(t.path().join("Order.jsonl")).expect("Order.jsonl");
    let mut rows = 0;
    for line in text.lines() {
        let row: Value = serde_json::from_str(line).expect("a JSON row");
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 6, "{line}");
        assert!(
            row["customer"]["email"]
                .as_str()
                .is_some_and(|e| e.contains('@')),
            "{line}"
        );
        assert!(row["bill_to"]["city"].is_string(), "{line}");
        assert!(
            ["NEW", "PAID", "SHIPPED"].contains(&row["status"].as_str().unwrap()),
            "{line}"
        );
        assert!(
            row["ship_to"].is_null() || row["ship_to"]["street"].is_string(),
            "{line}"
        );
        rows += 1;
    }
    assert_eq!(rows, 100);
    let again = tempfile::tempdir().expect("a temporary folder");
    order(again.path(), "jsonl", "100");
    assert_eq!(
        text,
        std::fs::read_to_string(again.path().join("Order.jsonl")).unwrap(),
        "deterministic"
    );
}

#[test]
fn csv_has_one_column_per_field() {
    let t = tempfile::tempdir().expect("a temporary folder");
    order(t.path(), "csv", "10");
    let text = std::fs::read_to_string(t.path().join("Order.csv")).expect("Order.csv");
    assert_eq!(
        text.lines().next(),
        Some("id,customer,ship_to,bill_to,status,amount")
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.records().count(), 10);
}

#[test]
fn avsc_is_also_read_with_input_type_avro() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let schema = t.path().join("user.json");
    std::fs::write(
        &schema,
        r#"{"type": "record", "name": "User", "fields": [{"name": "email", "type": "string"}]}"#,
    )
    .unwrap();
    datagen()
        .arg("generate")
        .arg(&schema)
        .args([
            "--input-type",
            "avro",
            "--format",
            "jsonl",
            "--rows",
            "3",
            "--progress",
            "none",
            "--out",
        ])
        .arg(t.path())
        .assert()
        .success();
    let text = std::fs::read_to_string(t.path().join("User.jsonl")).expect("User.jsonl");
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn a_bad_schema_fails_naming_file_and_path() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let schema = t.path().join("bad.avsc");
    std::fs::write(&schema, r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "Missing"}]}"#).unwrap();
    let out = datagen()
        .arg("generate")
        .arg(&schema)
        .args(["--format", "jsonl", "--out"])
        .arg(t.path())
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(stderr.contains("bad.avsc"), "{stderr}");
    assert!(stderr.contains("/fields/1/type"), "{stderr}");
    assert!(stderr.contains("unknown type `Missing`"), "{stderr}");
}

/// Every corpus schema, recursive ones (`Json.avsc`, `interop.avsc`) and non-record roots
/// (`reserved.avsc`) included, is written with the schema the importer writes and reads back.
#[test]
fn avro_files_carry_the_source_schema_and_read_back() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let mut written = 0;
    for path in corpus() {
        let file_name = path.file_name().unwrap().to_str().unwrap();
        let schema = datagen_schema::avro::import(&path, &datagen_schema::avro::Options::new())
            .unwrap_or_else(|e| panic!("{e}"));
        let entity = &schema.entities[0];
        let source = apache_avro::Schema::parse_str(entity.avro_schema.as_deref().unwrap())
            .expect("the schema parses");
        let out = t.path().join(file_name);
        datagen()
            .arg("generate")
            .arg(&path)
            .args([
                "--format",
                "avro",
                "--rows",
                "50",
                "--progress",
                "none",
                "--out",
            ])
            .arg(&out)
            .assert()
            .success();
        let file =
            std::fs::File::open(out.join(format!("{}.avro", entity.name))).expect("the Avro file");
        let reader =
            apache_avro::Reader::new(std::io::BufReader::new(file)).expect("an Avro container");
        assert_eq!(
            reader.writer_schema().canonical_form(),
            source.canonical_form(),
            "{}: the file's schema is the source schema",
            path.display()
        );
        let mut rows = 0;
        for value in reader {
            let value =
                value.unwrap_or_else(|e| panic!("{}: a row does not read: {e}", path.display()));
            assert!(value.validate(&source), "{}: {value:?}", path.display());
            rows += 1;
        }
        assert_eq!(rows, 50, "{}", path.display());
        written += 1;
    }
    assert_eq!(written, corpus().len(), "every corpus schema is written");
    assert!(written >= 45, "{written}");
}

/// The rows of `datagen generate CORPUS_FILE --format avro`, read back with `apache-avro`.
fn corpus_rows(file_name: &str, rows: usize) -> Vec<apache_avro::types::Value> {
    let path = corpus_file(file_name);
    let t = tempfile::tempdir().expect("a temporary folder");
    datagen()
        .arg("generate")
        .arg(&path)
        .args(["--format", "avro", "--rows", &rows.to_string()])
        .args(["--progress", "none", "--out"])
        .arg(t.path())
        .assert()
        .success();
    let file = std::fs::read_dir(t.path())
        .expect("the output folder")
        .next()
        .expect("one file")
        .expect("an entry")
        .path();
    let reader = apache_avro::Reader::new(std::io::BufReader::new(
        std::fs::File::open(file).expect("the Avro file"),
    ))
    .expect("an Avro container");
    reader.map(|v| v.expect("a row reads")).collect()
}

/// How deep `Json` records nest in `v` (the row itself is 1).
fn json_depth(v: &apache_avro::types::Value) -> usize {
    use apache_avro::types::Value as Av;
    match v {
        Av::Record(fields) => 1 + fields.iter().map(|(_, v)| json_depth(v)).max().unwrap_or(0),
        Av::Union(_, v) => json_depth(v),
        Av::Array(items) => items.iter().map(json_depth).max().unwrap_or(0),
        Av::Map(m) => m.values().map(json_depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[test]
fn recursive_records_nest_up_to_the_depth_limit() {
    let rows = corpus_rows("Json.avsc", 300);
    let depths: Vec<usize> = rows.iter().map(json_depth).collect();
    let deepest = depths.iter().copied().max().unwrap_or(0);
    assert_eq!(
        deepest,
        datagen_schema::avro::DEPTH,
        "nested values reach the limit, never past it: {depths:?}"
    );
    assert!(depths.contains(&1), "scalars too: {depths:?}");

    let rows = corpus_rows("interop.avsc", 100);
    let nodes = rows
        .iter()
        .map(|r| {
            let apache_avro::types::Value::Record(fields) = r else {
                panic!("a record: {r:?}")
            };
            let node = &fields.iter().find(|(n, _)| n == "recordField").unwrap().1;
            json_depth(node)
        })
        .max()
        .unwrap_or(0);
    assert_eq!(nodes, datagen_schema::avro::DEPTH, "`Node` nests in itself");
}

#[test]
fn a_root_that_is_not_a_record_is_the_whole_datum() {
    let rows = corpus_rows("reserved.avsc", 60);
    let mut seen: Vec<&str> = rows
        .iter()
        .map(|r| match r {
            apache_avro::types::Value::Enum(_, s) => s.as_str(),
            other => panic!("an enum symbol: {other:?}"),
        })
        .collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, ["class", "default", "int"]);
}

/// A type of the null namespace from another file, used twice inside a namespaced record: the
/// written schema refers to it as `.Money`, which `apache-avro` resolves.
#[test]
fn a_null_namespace_type_used_in_a_namespace_reads_back() {
    let t = tempfile::tempdir().expect("a temporary folder");
    datagen()
        .args(["generate", &format!("{DATA}/null_ns/order.avsc")])
        .args(["--format", "avro", "--rows", "30", "--progress", "none"])
        .arg("--out")
        .arg(t.path())
        .assert()
        .success();
    let file = std::fs::File::open(t.path().join("Order.avro")).expect("Order.avro");
    let reader =
        apache_avro::Reader::new(std::io::BufReader::new(file)).expect("the schema resolves");
    let mut taxed = 0;
    for row in reader {
        let apache_avro::types::Value::Record(fields) = row.expect("a row reads") else {
            panic!("a record")
        };
        assert!(
            matches!(&fields[0].1, apache_avro::types::Value::Fixed(8, _)),
            "{fields:?}"
        );
        match &fields[1].1 {
            apache_avro::types::Value::Union(1, v) => {
                assert!(matches!(**v, apache_avro::types::Value::Fixed(8, _)));
                taxed += 1;
            }
            apache_avro::types::Value::Union(0, _) => {}
            other => panic!("{other:?}"),
        }
    }
    assert!(taxed > 10, "{taxed}");
}

#[test]
fn validate_takes_avro_path_too() {
    let order = format!("{DATA}/multi/order.avsc");
    let out = datagen()
        .args(["validate", &order])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(
        stderr.contains("unknown type `common.Address`") && stderr.contains("--avro-path"),
        "{stderr}"
    );
    datagen()
        .args(["validate", &order, "--avro-path", &format!("{DATA}/lib")])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "valid: 1 entities, 6 fields, 1000 rows",
        ));
}

#[test]
fn plain_json_writes_avro_maps_as_objects() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let schema = corpus_file("users_array_map_schema.avsc");
    datagen()
        .arg("generate")
        .arg(&schema)
        .args(["--format", "jsonl", "--rows", "20", "--progress", "none"])
        .arg("--out")
        .arg(t.path())
        .assert()
        .success();
    let text = std::fs::read_to_string(t.path().join("users.jsonl")).expect("users.jsonl");
    for line in text.lines() {
        let row: Value = serde_json::from_str(line).expect("a JSON row");
        let contact = row["contactinfo"].as_object().expect("a map is an object");
        assert!(contact.contains_key("city"), "{line}");
        assert!(contact.values().all(Value::is_string), "{line}");
        assert!(row["interests"].is_array(), "{line}");
    }
}
