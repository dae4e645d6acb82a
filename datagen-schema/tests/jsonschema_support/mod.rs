//! What the JSON Schema tests share: the suite's data folder and its remote documents served
//! from disk, and the independent validator each generated instance is checked with.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::path::{Path, PathBuf};

use datagen_schema::jsonschema::Draft;
use serde_json::Value;

/// The remote documents' URL prefix in the suite.
pub(crate) const REMOTE: &str = "http://localhost:1234/";

/// The copied JSON-Schema-Test-Suite and real-world schemas.
pub(crate) fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jsonschema")
}

/// Serves the suite's remote documents from `remotes/`.
pub(crate) struct Remotes;

impl jsonschema::Retrieve for Remotes {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let rest = uri
            .as_str()
            .strip_prefix(REMOTE)
            .ok_or_else(|| format!("no local copy of {uri}"))?;
        let text = std::fs::read_to_string(data().join("remotes").join(rest))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// Every test file under `dir`, sorted.
pub(crate) fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the suite folder is readable")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The `jsonschema` crate's draft for ours.
pub(crate) fn validator_draft(draft: Draft) -> jsonschema::Draft {
    match draft {
        Draft::Draft4 => jsonschema::Draft::Draft4,
        Draft::Draft6 => jsonschema::Draft::Draft6,
        Draft::Draft7 => jsonschema::Draft::Draft7,
        Draft::Draft201909 => jsonschema::Draft::Draft201909,
        _ => jsonschema::Draft::Draft202012,
    }
}

/// The `jsonschema` crate's validator for `schema`, under the draft its `$schema` names (2020-12
/// when none), formats asserted.
pub(crate) fn validator(schema: &Value) -> jsonschema::Validator {
    let draft = schema
        .get("$schema")
        .and_then(Value::as_str)
        .and_then(Draft::from_uri)
        .unwrap_or(Draft::Draft202012);
    jsonschema::options()
        .with_draft(validator_draft(draft))
        .should_validate_formats(true)
        .build(schema)
        .expect("the validator compiles the schema")
}
