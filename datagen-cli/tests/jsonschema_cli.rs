//! `datagen generate schema.json`: a JSON Schema as input; every generated document validates
//! under the `jsonschema` crate, in JSON Lines and in JSON, and bad schemas fail with the
//! pointer and keyword.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const EVENT: &str = "../datagen-schema/tests/data/jsonschema/event.json";

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

fn validator(path: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(path).expect("the schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn generate(dir: &Path, format: &str, rows: &str) {
    datagen()
        .args([
            "generate", EVENT, "--format", format, "--rows", rows, "--out",
        ])
        .arg(dir)
        .args(["--progress", "none"])
        .assert()
        .success();
}

#[test]
fn jsonl_documents_validate_against_the_schema() {
    let t = tempfile::tempdir().expect("a temporary folder");
    generate(t.path(), "jsonl", "500");
    let text = std::fs::read_to_string(t.path().join("event.jsonl")).expect("event.jsonl");
    let validator = validator(EVENT);
    let mut lines = 0;
    for line in text.lines() {
        let doc: Value = serde_json::from_str(line).expect("each line is one JSON document");
        if let Err(e) = validator.validate(&doc) {
            panic!("line {} does not validate: {e}\n{line}", lines + 1);
        }
        assert!(
            doc["user"]["email"]
                .as_str()
                .is_some_and(|e| e.contains('@'))
        );
        lines += 1;
    }
    assert_eq!(lines, 500);
}

#[test]
fn json_array_holds_valid_documents_and_is_deterministic() {
    let a = tempfile::tempdir().expect("a temporary folder");
    let b = tempfile::tempdir().expect("a temporary folder");
    generate(a.path(), "json", "50");
    generate(b.path(), "json", "50");
    let text = std::fs::read_to_string(a.path().join("event.json")).expect("event.json");
    let again = std::fs::read_to_string(b.path().join("event.json")).expect("event.json");
    assert_eq!(text, again, "the same seed gives the same documents");
    let docs: Vec<Value> = serde_json::from_str(&text).expect("one JSON array");
    assert_eq!(docs.len(), 50);
    let validator = validator(EVENT);
    for doc in &docs {
        assert!(validator.is_valid(doc), "{doc}");
    }
}

#[test]
fn csv_holds_one_column_of_json_text() {
    let t = tempfile::tempdir().expect("a temporary folder");
    generate(t.path(), "csv", "20");
    let text = std::fs::read_to_string(t.path().join("event.csv")).expect("event.csv");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("document"));
    let validator = validator(EVENT);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("a CSV record");
        let doc: Value = serde_json::from_str(&record[0]).expect("the cell is JSON text");
        assert!(validator.is_valid(&doc), "{doc}");
        rows += 1;
    }
    assert_eq!(rows, 20);
}

#[test]
fn unsatisfiable_schema_fails_naming_pointer_and_keyword() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let schema = t.path().join("bad.json");
    std::fs::write(
        &schema,
        r#"{"type": "object", "properties": {"age": {"type": "integer", "minimum": 10, "maximum": 5}}, "required": ["age"]}"#,
    )
    .expect("write the schema");
    let out = datagen()
        .args(["generate"])
        .arg(&schema)
        .args(["--format", "jsonl", "--out"])
        .arg(t.path())
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(stderr.contains("bad.json"), "{stderr}");
    assert!(stderr.contains("never be satisfied"), "{stderr}");
}

#[test]
fn remote_refs_are_refused_with_the_ref_named() {
    let t = tempfile::tempdir().expect("a temporary folder");
    let schema = t.path().join("remote.json");
    std::fs::write(
        &schema,
        r#"{"$ref": "https://example.com/schemas/person.json"}"#,
    )
    .expect("write the schema");
    let out = datagen()
        .args(["generate"])
        .arg(&schema)
        .args(["--out"])
        .arg(t.path())
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(
        stderr.contains("https://example.com/schemas/person.json"),
        "{stderr}"
    );
    assert!(stderr.contains("$ref"), "{stderr}");
}

#[test]
fn documents_are_the_same_for_any_thread_count() {
    let one = tempfile::tempdir().expect("a temporary folder");
    let two = tempfile::tempdir().expect("a temporary folder");
    for (dir, threads) in [(&one, "1"), (&two, "2")] {
        datagen()
            .args([
                "generate",
                EVENT,
                "--format",
                "jsonl",
                "--rows",
                "3000",
                "--threads",
                threads,
            ])
            .arg("--out")
            .arg(dir.path())
            .args(["--progress", "none"])
            .assert()
            .success();
    }
    let a = std::fs::read(one.path().join("event.jsonl")).expect("event.jsonl");
    let b = std::fs::read(two.path().join("event.jsonl")).expect("event.jsonl");
    assert_eq!(a, b);
}
