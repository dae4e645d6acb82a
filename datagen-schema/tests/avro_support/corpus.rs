//! The Avro corpus (Apache Avro's test schemas, the Confluent datagen connector's quickstart
//! schemas): every `.avsc` below `datagen-schema/tests/data/avro/corpus`, in a fixed order.
//! Shared by this crate's Avro tests and, by path, the CLI's.

#![allow(
    dead_code,
    unreachable_pub,
    reason = "each test binary uses a different part"
)]

use std::path::{Path, PathBuf};

/// Every `.avsc` of the corpus, sorted by path.
pub fn corpus() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{} is not readable: {e}", dir.display()))
            .map(|e| e.expect("a folder entry").path())
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
    // From either crate's manifest folder: `../datagen-schema` is this crate's own folder too.
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../datagen-schema/tests/data/avro/corpus");
    walk(&root, &mut out);
    out
}

/// The corpus file called `file_name`.
pub fn corpus_file(file_name: &str) -> PathBuf {
    corpus()
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == file_name))
        .unwrap_or_else(|| panic!("the corpus has no `{file_name}`"))
}
