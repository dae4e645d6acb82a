//! What the JSON Schema tests share: the suite's data folder and its remote documents served
//! from disk.

use std::path::{Path, PathBuf};

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
