//! `datagen generate schema.avsc`: an Avro schema as input, written as JSON Lines, CSV and Avro
//! (read back with the `apache-avro` crate, whose writer schema is the source schema); a bad
//! schema fails naming the file and the JSON path.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
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

/// Corpus schemas the `avro` format cannot write yet: a record recursive through itself (the
/// unrolled type ends in a placeholder the writer refuses) and non-record roots.
const NOT_WRITTEN_YET: [&str; 3] = ["Json.avsc", "interop.avsc", "reserved.avsc"];

fn corpus() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("the corpus folder")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "avsc") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new(&format!("{DATA}/corpus")), &mut out);
    out
}

#[test]
fn avro_files_carry_the_source_schema_and_read_back() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let mut written = 0;
    for path in corpus() {
        let file_name = path.file_name().unwrap().to_str().unwrap();
        if NOT_WRITTEN_YET.contains(&file_name) {
            continue;
        }
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
    assert!(written >= 45, "{written}");
}
