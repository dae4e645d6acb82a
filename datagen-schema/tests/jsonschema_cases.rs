//! Edge and invalid instances of JSON Schemas, checked by the `jsonschema` crate (formats
//! asserted): every edge instance validates; every invalid instance fails exactly one keyword,
//! the one it names, at the instance location it names. Run on a hand-written schema using
//! many keywords, on real-world schemas and on the JSON-Schema-Test-Suite's schemas, whose
//! share of keywords with an invalid case (against skipped ones) is printed.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use datagen_core::Ctx;
use datagen_engine::cases::{DocCases, Mode};
use datagen_schema::jsonschema::{Draft, JsonSchema, Options};
use serde_json::Value;

mod jsonschema_support;
use jsonschema_support::{REMOTE, Remotes, data, files, validator, validator_draft};

/// The context of case `k`, as the engine gives row `k`'s.
fn row(k: u64) -> Ctx {
    let mut ctx = Ctx::seeded(11);
    ctx.__seek(0x5eed, k);
    ctx
}

/// The keyword of a validation error as the schema spells it (`dependentRequired` and
/// `dependencies` fail as a `required` inside them).
fn keyword(e: &jsonschema::ValidationError<'_>) -> String {
    let path = e.schema_path().as_str();
    let last = path.rsplit('/').next().unwrap_or_default();
    if ["dependentRequired", "dependencies"].contains(&last) && e.kind().keyword() == "required" {
        return last.to_owned();
    }
    e.kind().keyword().to_owned()
}

/// What checking the cases of one schema found.
#[derive(Default)]
struct Tally {
    edge: usize,
    invalid: usize,
    skipped: usize,
    /// Keywords skipped, by name.
    skipped_keywords: BTreeSet<String>,
    wrong: Vec<String>,
}

/// Checks both modes' cases of `schema` against the validator; the cases are the same when
/// drawn again.
fn check(schema: &Value, compiled: &JsonSchema, validator: &jsonschema::Validator, t: &mut Tally) {
    let edge = compiled.cases(Mode::Edge, &row);
    for c in &edge.cases {
        let instance: Value = serde_json::from_str(&c.instance).expect("cases are JSON");
        if let Err(e) = validator.validate(&instance) {
            t.wrong.push(format!(
                "edge {} `{}` ({}): {instance} fails {} at {}\n  schema {schema}",
                c.pointer,
                c.keyword,
                c.detail,
                keyword(&e),
                e.instance_path()
            ));
        }
    }
    let invalid = compiled.cases(Mode::Invalid, &row);
    for c in &invalid.cases {
        let instance: Value = serde_json::from_str(&c.instance).expect("cases are JSON");
        let got: BTreeSet<(String, String)> = validator
            .iter_errors(&instance)
            .map(|e| (e.instance_path().as_str().to_owned(), keyword(&e)))
            .collect();
        let want = BTreeSet::from([(c.pointer.clone(), c.keyword.to_owned())]);
        if got != want {
            t.wrong.push(format!(
                "invalid {} `{}` fails {got:?} ({}): {instance}\n  schema {schema}",
                c.pointer, c.keyword, c.detail
            ));
        }
    }
    assert_eq!(
        compiled.cases(Mode::Invalid, &row),
        invalid,
        "the same seed gives the same cases"
    );
    t.edge += edge.cases.len();
    t.invalid += invalid.cases.len();
    t.skipped += invalid.skipped.len();
    t.skipped_keywords
        .extend(invalid.skipped.iter().map(|s| s.keyword.to_owned()));
}

/// Compiles the schema file `file` under the data folder with its validator.
fn load(file: &str) -> (Value, JsonSchema, jsonschema::Validator) {
    let path = data().join(file);
    let text = std::fs::read_to_string(&path).expect("the schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = validator(&schema);
    let compiled = JsonSchema::compile_with(&schema, &Options::new().with_file(&path))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    (schema, compiled, validator)
}

/// Checks one schema file; returns its cases.
fn file(name: &str, min_invalid: usize) -> DocCases {
    let (schema, compiled, validator) = load(name);
    let mut t = Tally::default();
    check(&schema, &compiled, &validator, &mut t);
    println!(
        "{name}: {} edge, {} invalid, {} skipped {:?}",
        t.edge, t.invalid, t.skipped, t.skipped_keywords
    );
    assert!(t.wrong.is_empty(), "{name}:\n{}", t.wrong.join("\n"));
    assert!(
        t.invalid >= min_invalid,
        "{name}: only {} invalid cases",
        t.invalid
    );
    let cases = compiled.cases(Mode::Invalid, &row);
    for s in &cases.skipped {
        println!("  skipped `{}` at `{}`: {}", s.keyword, s.pointer, s.why);
    }
    cases
}

#[test]
fn hand_written_schema_cases() {
    let cases = file("cases-keywords.json", 30);
    let named: BTreeSet<(&str, &str)> = cases
        .cases
        .iter()
        .map(|c| (c.pointer.as_str(), c.keyword))
        .collect();
    for want in [
        ("/id", "minimum"),
        ("/id", "maximum"),
        ("/id", "type"),
        ("", "required"),
        ("", "additionalProperties"),
        ("", "dependentRequired"),
        ("/customer/name", "minLength"),
        ("/customer/email", "format"),
        ("/customer/phone", "pattern"),
        ("/items", "uniqueItems"),
        ("/items", "minItems"),
        ("/items", "maxItems"),
        ("/items/0/quantity", "exclusiveMinimum"),
        ("/items/0/price", "multipleOf"),
        ("/status", "enum"),
        ("/currency", "const"),
        ("/note", "not"),
        ("/tags", "contains"),
        ("/meta", "maxProperties"),
    ] {
        assert!(named.contains(&want), "no invalid case for {want:?}");
    }
}

#[test]
fn real_world_schema_cases() {
    for name in [
        "real-world/dependabot-2.0.json",
        "real-world/web-manifest.json",
        "real-world/chart.json",
        "real-world/pubspec.json",
        "real-world/github-action.json",
    ] {
        file(name, 5);
    }
}

/// Checks the cases of every satisfiable schema of a suite folder.
fn suite(folder: &str, draft: Draft) -> Tally {
    let root = data().join(folder);
    let mut paths = Vec::new();
    files(&root, &mut paths);
    let mut t = Tally::default();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a readable test file");
        let groups: Vec<Value> = serde_json::from_str(&text).expect("a test file is JSON");
        for group in groups {
            let satisfiable = group["tests"]
                .as_array()
                .is_some_and(|t| t.iter().any(|t| t["valid"] == Value::Bool(true)));
            let schema = &group["schema"];
            // A custom metaschema may turn vocabularies off, which the importer does not read.
            if schema
                .get("$schema")
                .and_then(Value::as_str)
                .is_some_and(|s| !s.contains("://json-schema.org/"))
            {
                continue;
            }
            let Ok(validator) = jsonschema::options()
                .with_draft(validator_draft(draft))
                .should_validate_formats(true)
                .with_retriever(Remotes)
                .build(schema)
            else {
                continue;
            };
            let options = Options::new()
                .with_draft(draft)
                .with_remote(REMOTE, data().join("remotes"));
            let Ok(compiled) = JsonSchema::compile_with(schema, &options) else {
                continue;
            };
            // Only where the validator itself passes the suite's tests of the schema: it is
            // the judge of every case.
            let agrees = group["tests"].as_array().is_some_and(|tests| {
                tests
                    .iter()
                    .all(|t| validator.is_valid(&t["data"]) == (t["valid"] == Value::Bool(true)))
            });
            if satisfiable && agrees {
                check(schema, &compiled, &validator, &mut t);
            }
        }
    }
    t
}

fn report(folder: &str, t: &Tally) -> String {
    let total = t.invalid + t.skipped;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{folder}: {} edge instances; keywords with an invalid instance: {}/{total} = {:.1}%, \
         skipped {} ({:?}); wrong: {}",
        t.edge,
        t.invalid,
        t.invalid as f64 * 100.0 / total.max(1) as f64,
        t.skipped,
        t.skipped_keywords,
        t.wrong.len()
    );
    for w in &t.wrong {
        let _ = writeln!(out, "WRONG {w}");
    }
    out
}

#[test]
fn suite_draft2020_12_cases() {
    let t = suite("draft2020-12", Draft::Draft202012);
    println!("{}", report("draft2020-12", &t));
    assert!(t.invalid > 300, "only {} invalid cases", t.invalid);
    assert!(t.wrong.is_empty(), "{}", report("draft2020-12", &t));
}

#[test]
fn suite_draft7_cases() {
    let t = suite("draft7", Draft::Draft7);
    println!("{}", report("draft7", &t));
    assert!(t.invalid > 300, "only {} invalid cases", t.invalid);
    assert!(t.wrong.is_empty(), "{}", report("draft7", &t));
}
