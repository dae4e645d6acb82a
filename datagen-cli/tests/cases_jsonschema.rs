//! `datagen generate SCHEMA.json --cases edge|invalid` for a JSON Schema: each JSON Lines row
//! is the instance in `document` with its labels; the `jsonschema` crate (formats asserted)
//! accepts every edge instance and fails every invalid one at exactly the location and keyword
//! its labels name. CSV carries the same rows, the output is the same for any thread count, and
//! skipped keywords are noted on standard error.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const EVENT: &str = "../datagen-schema/tests/data/jsonschema/event.json";
const ORDER: &str = "../datagen-schema/tests/data/jsonschema/cases-keywords.json";

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

/// Runs `datagen generate INPUT --cases MODE ARGS --out -` and returns stdout and stderr.
fn run(input: &str, mode: &str, args: &[&str]) -> (String, String) {
    let out = datagen()
        .args(["generate", input, "--cases", mode, "--progress", "none"])
        .args(args)
        .args(["--out", "-"])
        .output()
        .expect("datagen runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}

fn validator(input: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(input).expect("the schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the validator compiles the schema")
}

/// The keyword of an error as the schema spells it.
fn keyword(e: &jsonschema::ValidationError<'_>) -> String {
    let last = e
        .schema_path()
        .as_str()
        .rsplit('/')
        .next()
        .unwrap_or_default();
    if ["dependentRequired", "dependencies"].contains(&last) {
        return last.to_owned();
    }
    e.kind().keyword().to_owned()
}

/// The JSON Lines rows of `text`.
fn rows(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn label<'a>(row: &'a Value, name: &str) -> &'a str {
    row[name].as_str().expect("labels are strings")
}

#[test]
fn invalid_instances_fail_exactly_the_labelled_keyword() {
    for input in [EVENT, ORDER] {
        let (out, err) = run(input, "invalid", &["--format", "jsonl"]);
        let v = validator(input);
        let rows = rows(&out);
        assert!(rows.len() >= 20, "{input}: only {} cases", rows.len());
        let mut keywords = BTreeSet::new();
        for row in &rows {
            let (field, rule) = (label(row, "_case_field"), label(row, "_case_rule"));
            let got: BTreeSet<(String, String)> = v
                .iter_errors(&row["document"])
                .map(|e| (e.instance_path().as_str().to_owned(), keyword(&e)))
                .collect();
            let want = BTreeSet::from([(field.to_owned(), rule.to_owned())]);
            assert_eq!(got, want, "{input}: {row}");
            keywords.insert(rule.to_owned());
        }
        for k in [
            "type",
            "required",
            "additionalProperties",
            "pattern",
            "format",
        ] {
            assert!(
                keywords.contains(k),
                "{input}: no `{k}` case in {keywords:?}"
            );
        }
        for line in err.lines() {
            assert!(
                line.starts_with("note: entity `") && line.contains("no invalid case for `"),
                "{line}"
            );
        }
    }
}

#[test]
fn edge_instances_validate() {
    for input in [EVENT, ORDER] {
        let (out, _) = run(input, "edge", &["--format", "jsonl"]);
        let v = validator(input);
        let rows = rows(&out);
        assert!(rows.len() >= 20, "{input}: only {} cases", rows.len());
        let rules: BTreeSet<&str> = rows.iter().map(|r| label(r, "_case_rule")).collect();
        for row in &rows {
            assert!(v.is_valid(&row["document"]), "{input}: {row}");
        }
        for k in ["minimum", "maximum", "enum", "properties", "maxItems"] {
            assert!(rules.contains(k), "{input}: no `{k}` edge in {rules:?}");
        }
    }
}

#[test]
fn the_order_schema_notes_what_it_skips() {
    let (_, err) = run(ORDER, "invalid", &["--format", "jsonl"]);
    assert!(
        err.contains("no invalid case for `oneOf` at `/payment`"),
        "{err}"
    );
}

#[test]
fn csv_has_the_document_and_labels_and_threads_do_not_matter() {
    let (one, _) = run(EVENT, "invalid", &["--format", "jsonl", "--threads", "1"]);
    let (four, _) = run(
        EVENT,
        "invalid",
        &["--format", "jsonl", "--threads", "4", "--chunk-rows", "3"],
    );
    assert_eq!(one, four);
    let (again, _) = run(EVENT, "invalid", &["--format", "jsonl", "--seed", "0"]);
    assert_eq!(one, again, "the same seed gives the same cases");
    let (csv, _) = run(EVENT, "invalid", &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        ["document", "_case_field", "_case_rule", "_case_detail"]
    );
    let lines = rows(&one);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), lines.len());
    for (record, line) in records.iter().zip(&lines) {
        let document: Value = serde_json::from_str(&record[0]).expect("the document is JSON");
        assert_eq!(document, line["document"]);
        assert_eq!(&record[2], label(line, "_case_rule"));
    }
    assert!(Path::new(EVENT).exists());
}
