//! The proof: for every schema of the JSON-Schema-Test-Suite with a valid test instance, 100
//! generated instances validate under the `jsonschema` crate (formats asserted); shares per draft.

use std::fmt::Write as _;

use datagen_core::Ctx;
use datagen_schema::jsonschema::{Draft, JsonSchema, Options};
use serde_json::Value;

/// Instances generated per schema.
const INSTANCES: u64 = 100;
mod jsonschema_support;
use jsonschema_support::{REMOTE, Remotes, data, files};

/// The outcome of one schema.
enum Outcome {
    /// Every instance validated.
    Valid,
    /// Some instance did not validate.
    Invalid(String),
    /// The importer refused the schema, with its error.
    Refused(String),
}

fn run(schema: &Value, draft: Draft, validator_draft: jsonschema::Draft) -> Option<Outcome> {
    let validator = jsonschema::options()
        .with_draft(validator_draft)
        .should_validate_formats(true)
        .with_retriever(Remotes)
        .build(schema)
        .ok()?;
    let options = Options::new()
        .with_draft(draft)
        .with_remote(REMOTE, data().join("remotes"));
    let compiled = match JsonSchema::compile_with(schema, &options) {
        Ok(c) => c,
        Err(e) => return Some(Outcome::Refused(e.to_string())),
    };
    for seed in 0..INSTANCES {
        let mut out = String::new();
        compiled.write(&mut Ctx::seeded(seed), &mut out);
        let instance: Value = match serde_json::from_str(&out) {
            Ok(v) => v,
            Err(e) => return Some(Outcome::Invalid(format!("not JSON ({e}): {out}"))),
        };
        if let Err(e) = validator.validate(&instance) {
            return Some(Outcome::Invalid(format!("{out}: {e}")));
        }
    }
    Some(Outcome::Valid)
}

/// Runs one draft folder; returns (valid, total) and a report of the rest.
fn draft(folder: &str, draft: Draft, validator_draft: jsonschema::Draft) -> (usize, usize, String) {
    let root = data().join(folder);
    let mut paths = Vec::new();
    files(&root, &mut paths);
    let (mut valid, mut total) = (0, 0);
    let mut report = String::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a readable test file");
        let groups: Vec<Value> = serde_json::from_str(&text).expect("a test file is JSON");
        let name = path
            .strip_prefix(&root)
            .expect("under the root")
            .display()
            .to_string();
        for group in groups {
            let satisfiable = group["tests"]
                .as_array()
                .is_some_and(|t| t.iter().any(|t| t["valid"] == Value::Bool(true)));
            if !satisfiable {
                continue;
            }
            let Some(outcome) = run(&group["schema"], draft, validator_draft) else {
                continue;
            };
            total += 1;
            let description = group["description"].as_str().unwrap_or_default();
            match outcome {
                Outcome::Valid => valid += 1,
                Outcome::Invalid(why) => {
                    let _ = writeln!(report, "INVALID {name}: {description}: {why}");
                }
                Outcome::Refused(why) => {
                    let _ = writeln!(report, "REFUSED {name}: {description}: {why}");
                }
            }
        }
    }
    (valid, total, report)
}

fn check(folder: &str, d: Draft, vd: jsonschema::Draft, threshold: f64) {
    let (valid, total, report) = draft(folder, d, vd);
    let share = valid as f64 / total as f64;
    println!(
        "{folder}: {valid}/{total} schemas = {:.1}%\n{report}",
        share * 100.0
    );
    assert!(total > 100, "{folder}: only {total} schemas found");
    assert!(
        share >= threshold,
        "{folder}: {valid}/{total} = {:.1}% is under {:.0}%",
        share * 100.0,
        threshold * 100.0
    );
}

#[test]
fn draft2020_12_instances_validate() {
    check(
        "draft2020-12",
        Draft::Draft202012,
        jsonschema::Draft::Draft202012,
        0.99,
    );
}

#[test]
fn draft7_instances_validate() {
    check("draft7", Draft::Draft7, jsonschema::Draft::Draft7, 0.99);
}
