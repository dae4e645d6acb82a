//! Real-world schemas (SchemaStore, the Compose spec, OpenAPI 3.0): 100 generated instances of
//! each validate under the `jsonschema` crate, formats asserted.

use std::path::Path;

use datagen_core::Ctx;
use datagen_schema::jsonschema::{Draft, JsonSchema, Options};
use serde_json::Value;

fn check(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/jsonschema/real-world")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("the schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let draft = schema
        .get("$schema")
        .and_then(Value::as_str)
        .and_then(Draft::from_uri)
        .unwrap_or(Draft::Draft202012);
    let validator_draft = match draft {
        Draft::Draft4 => jsonschema::Draft::Draft4,
        Draft::Draft6 => jsonschema::Draft::Draft6,
        Draft::Draft7 => jsonschema::Draft::Draft7,
        Draft::Draft201909 => jsonschema::Draft::Draft201909,
        _ => jsonschema::Draft::Draft202012,
    };
    let validator = jsonschema::options()
        .with_draft(validator_draft)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the validator compiles the schema");
    let compiled = JsonSchema::compile_with(&schema, &Options::new().with_file(&path))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    for seed in 0..100 {
        let instance = compiled.generate(&mut Ctx::seeded(seed));
        if let Err(e) = validator.validate(&instance) {
            panic!(
                "{file}, seed {seed}: {e} at {}\n{instance}",
                e.instance_path()
            );
        }
    }
}

#[test]
fn chart() {
    check("chart.json");
}

#[test]
fn compose_spec() {
    check("compose-spec.json");
}

#[test]
fn dependabot() {
    check("dependabot-2.0.json");
}

#[test]
fn github_action() {
    check("github-action.json");
}

#[test]
fn github_workflow() {
    check("github-workflow.json");
}

#[test]
fn openapi_3_0() {
    check("openapi-3.0-schema.json");
}

#[test]
fn pubspec() {
    check("pubspec.json");
}

#[test]
fn tsconfig() {
    check("tsconfig.json");
}

#[test]
fn web_manifest() {
    check("web-manifest.json");
}

#[test]
fn yamllint() {
    check("yamllint.json");
}
