//! Real-world schemas (SchemaStore, the Compose spec, OpenAPI 3.0): 100 generated instances of
//! each validate under the `jsonschema` crate, formats asserted.

mod jsonschema_support;

use datagen_core::Ctx;
use datagen_schema::jsonschema::{JsonSchema, Options};
use jsonschema_support::{data, validator};
use serde_json::Value;

fn check(file: &str) {
    let path = data().join("real-world").join(file);
    let text = std::fs::read_to_string(&path).expect("the schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = validator(&schema);
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
