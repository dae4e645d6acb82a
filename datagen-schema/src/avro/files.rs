//! Several `.avsc` files: where each named type is defined (an index built before parsing, so
//! a name may be used before or without its definition in the same file), and the files of the
//! folders searched for names a file does not define.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::model::Loc;
use super::names;

/// A definition found by indexing: where it is and the namespace around it.
#[derive(Clone, Debug)]
pub(crate) struct Def {
    /// Where the definition is.
    pub loc: Loc,
    /// The enclosing namespace at the definition.
    pub enclosing: Option<String>,
}

/// Every named type defined in `v` (a schema at `loc`, inside namespace `ns`), with its full
/// name, depth first; malformed definitions are skipped (parsing reports them).
pub(crate) fn definitions(v: &Value, loc: &Loc, ns: Option<&str>, out: &mut Vec<(String, Def)>) {
    match v {
        Value::Array(branches) => {
            for (i, b) in branches.iter().enumerate() {
                definitions(b, &loc.join(i), ns, out);
            }
        }
        Value::Object(o) => match o.get("type").and_then(Value::as_str) {
            Some(kind @ ("record" | "error" | "enum" | "fixed")) => {
                let Some(name) = o.get("name").and_then(Value::as_str) else {
                    return;
                };
                let attr = o.get("namespace").and_then(Value::as_str);
                let (full, inner, _) = names::full_name(name, attr, ns);
                out.push((
                    full,
                    Def {
                        loc: loc.clone(),
                        enclosing: ns.map(str::to_owned),
                    },
                ));
                if matches!(kind, "record" | "error")
                    && let Some(Value::Array(fields)) = o.get("fields")
                {
                    let fields_loc = loc.join("fields");
                    for (i, f) in fields.iter().enumerate() {
                        if let Some(t) = f.get("type") {
                            definitions(t, &fields_loc.join(i).join("type"), inner.as_deref(), out);
                        }
                    }
                }
            }
            Some("array") => {
                if let Some(items) = o.get("items") {
                    definitions(items, &loc.join("items"), ns, out);
                }
            }
            Some("map") => {
                if let Some(values) = o.get("values") {
                    definitions(values, &loc.join("values"), ns, out);
                }
            }
            _ => {}
        },
        _ => {}
    }
}

/// The `.avsc` files of `dirs` (sorted by name in each folder), except `skip`.
pub(crate) fn avsc_files(dirs: &[PathBuf], skip: &[PathBuf]) -> Vec<PathBuf> {
    let same = |a: &Path, b: &Path| {
        a == b
            || std::fs::canonicalize(a)
                .ok()
                .zip(std::fs::canonicalize(b).ok())
                .is_some_and(|(x, y)| x == y)
    };
    let mut out: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| e.eq_ignore_ascii_case("avsc"))
            })
            .collect();
        files.sort();
        for f in files {
            if !skip.iter().chain(&out).any(|s| same(s, &f)) {
                out.push(f);
            }
        }
    }
    out
}
