//! The config's `providers` section: word lists loaded from files and registered by name, so
//! fields use them as `provider: family.name` like a built-in provider.

use std::path::Path;

use crate::config::read::Reader;
use crate::config::yaml::Node;

/// How to name a custom provider.
const HELP_NAME: &str = "name custom providers `family.name`, apart from the built-in ones (`datagen providers` lists them)";

/// Reads `providers:`, a mapping of provider names (`family.name`) to word-list files (`.txt`,
/// one value a line; `.csv`, `value,weight` a line), relative to the config's folder, and
/// registers each list. Errors name the config's line, and the list's file and line.
pub(crate) fn read(r: &mut Reader, node: &Node, config: Option<&Path>) {
    let Some(entries) = r.map(node, "`providers`") else {
        return;
    };
    let folder = config.and_then(Path::parent).unwrap_or(Path::new(""));
    for (k, v) in entries {
        let Some(name) = r.key_name(k) else { continue };
        if datagen_providers::find(name).is_some() {
            r.err_help(
                k.span,
                format!("`{name}` is a built-in provider; a word list needs a name of its own"),
                HELP_NAME,
            );
            continue;
        }
        let what = format!("the word list of provider `{name}`");
        let Some(file) = r.string(v, &what) else {
            continue;
        };
        let path = folder.join(file);
        let list = match datagen_providers::WordList::from_path(&path) {
            Ok(list) => list,
            Err(e) => {
                r.err_help(
                    v.span,
                    format!("{what}: {e}"),
                    "write a .txt file with one value a line, or a .csv file with `value,weight` a line (paths are relative to the config)",
                );
                continue;
            }
        };
        if let Err(e) = datagen_providers::register_word_list(name, list) {
            r.err_help(k.span, e.to_string(), HELP_NAME);
        }
    }
}
