//! The native config (YAML or JSON) and its reader: text to [`crate::ir::Schema`], with every
//! problem reported at its line and column.
//!
//! The grammar is in `docs/config.md`. Reading goes in passes: the YAML tree (`yaml`), each
//! entity and field on its own (`field`, `generator`, `numeric`, `defaults`), then the checks that
//! need every entity (`check`) and the types of fields that read other fields (`resolve`).

mod check;
mod defaults;
mod field;
mod generator;
mod groups;
mod numeric;
mod read;
mod resolve;
mod shape;
mod types;
mod words;
mod write;
mod yaml;

#[cfg(test)]
mod tests;

use std::path::Path;

use crate::diag::Diagnostic;
use crate::ir::{Entity, Schema, Span};
pub use write::{Note, WriteError, write};

use field::{Meta, read_fields};
use read::Reader;
use yaml::Node;

/// The keys of a config's top level.
const TOP_KEYS: [&str; 4] = ["seed", "locale", "providers", "entities"];
/// The keys of an entity.
const ENTITY_KEYS: [&str; 4] = ["rows", "fields", "groups", "group_field"];

/// What the checks need to know of an entity besides its IR.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntityMeta {
    /// The entity's fields could not be read: checks do not look into it.
    pub broken: bool,
    /// One per field.
    pub fields: Vec<Meta>,
    /// The entity's A/B groups, applied once every field's type is known.
    pub groups: Option<groups::Pending>,
}

/// Reads a native config. Returns the schema read (fields that could not be read are kept as
/// placeholders so later checks do not report spurious errors) and every problem found.
pub fn parse(text: &str, source: Option<&Path>) -> (Schema, Vec<Diagnostic>) {
    let mut schema = Schema {
        source: source.map(Path::to_path_buf),
        ..Schema::default()
    };
    let mut r = Reader::default();
    match yaml::load(text) {
        Err(d) => r.diags.push(d),
        Ok(doc) => {
            r.diags.extend(doc.diags);
            match doc.root {
                None => r.err_help(
                    Span::at(1, 1),
                    "the config is empty",
                    "write `entities:` with at least one entity, its `rows` and `fields`",
                ),
                Some(root) => {
                    let mut metas = read_top(&mut r, &root, &mut schema);
                    check::run(&mut r, &schema, &metas);
                    resolve::run(&mut r, &mut schema, &mut metas);
                    shape::apply(&mut r, &mut schema, &metas);
                    for (e, m) in schema.entities.iter_mut().zip(&metas) {
                        if let Some(pending) = &m.groups {
                            groups::apply(&mut r, e, pending);
                        }
                    }
                }
            }
        }
    }
    let mut diags = r.diags;
    diags.sort_by_key(|d| d.span);
    for d in &mut diags {
        d.file = schema.source.clone();
    }
    (schema, diags)
}

/// Whether `text` is a native config: a mapping with an `entities` key.
pub fn is_native_config(text: &str) -> bool {
    yaml::load(text)
        .ok()
        .and_then(|doc| doc.root)
        .is_some_and(|root| root.get("entities").is_some())
}

/// Reads the top level: `seed`, `locale` and the entities.
fn read_top(r: &mut Reader, root: &Node, schema: &mut Schema) -> Vec<EntityMeta> {
    let mut metas = Vec::new();
    let Some(entries) = root.as_map() else {
        r.err_help(
            root.span,
            format!(
                "a config must be a mapping with `entities`, found {}",
                root.describe()
            ),
            "start with `entities:`, then each entity's name, `rows` and `fields`",
        );
        return metas;
    };
    let mut entities = None;
    for (k, v) in entries {
        let Some(key) = r.key_name(k) else { continue };
        match key {
            "seed" => schema.seed = r.uint(v, "`seed`"),
            "locale" => {
                if let Some(name) = r.string(v, "`locale`") {
                    match name.parse::<datagen_core::Locale>() {
                        Ok(_) => schema.locale = Some(name.to_string()),
                        Err(e) => r.err(v.span, e.to_string()),
                    }
                }
            }
            // Registered before the entities are read, so their fields can name them.
            "providers" => words::read(r, v, schema.source.as_deref()),
            "entities" => entities = Some(v),
            _ => r.unknown_key(k, "top-level key", "", &TOP_KEYS),
        }
    }
    let Some(node) = entities else {
        r.err_help(
            root.span,
            "the config has no `entities`",
            "add `entities:` with at least one entity, its `rows` and `fields`",
        );
        return metas;
    };
    let Some(list) = r.map(node, "`entities`") else {
        return metas;
    };
    if list.is_empty() {
        r.err_help(node.span, "`entities` is empty", "add at least one entity");
    }
    for (k, v) in list {
        let Some(name) = r.key_name(k) else { continue };
        let (entity, meta) = read_entity(r, name, k.span, v);
        schema.entities.push(entity);
        metas.push(meta);
    }
    metas
}

/// Reads one entity: its `rows` and `fields`.
fn read_entity(r: &mut Reader, name: &str, span: Span, node: &Node) -> (Entity, EntityMeta) {
    let mut entity = Entity {
        name: name.to_string(),
        rows: 0,
        fields: Vec::new(),
        span,
        document: false,
        avro_schema: None,
    };
    let mut meta = EntityMeta {
        broken: true,
        fields: Vec::new(),
        groups: None,
    };
    let Some(entries) = r.map(node, &format!("entity `{name}`")) else {
        return (entity, meta);
    };
    let mut rows = None;
    let mut fields = None;
    let mut group_list = None;
    let mut group_field = None;
    for (k, v) in entries {
        let Some(key) = r.key_name(k) else { continue };
        match key {
            "rows" => rows = Some(v),
            "fields" => fields = Some(v),
            "groups" => group_list = Some((k, v)),
            "group_field" => group_field = Some(v),
            _ => r.unknown_key(k, "key", &format!("entity `{name}`"), &ENTITY_KEYS),
        }
    }
    match rows {
        Some(v) => {
            entity.rows = r
                .uint(v, &format!("`rows` of entity `{name}`"))
                .unwrap_or(0)
        }
        None => r.err_help(
            span,
            format!("entity `{name}` has no `rows`"),
            "add `rows: N`, how many rows to generate (`--rows` overrides it)",
        ),
    }
    match fields {
        Some(v) => {
            if v.as_map().is_some() {
                meta.broken = false;
            }
            let (fs, ms) = read_fields(r, v, &format!("entity `{name}`"), true);
            entity.fields = fs;
            meta.fields = ms;
        }
        None => r.err_help(
            span,
            format!("entity `{name}` has no `fields`"),
            "add `fields:` with each field's name and spec",
        ),
    }
    match (group_list, group_field) {
        (Some((k, v)), field) => meta.groups = groups::read(r, name, k, v, field),
        (None, Some(v)) => r.err_help(
            v.span,
            format!("entity `{name}` has `group_field` but no `groups`"),
            "add `groups:` with each group's `share`, or drop `group_field`",
        ),
        (None, None) => {}
    }
    (entity, meta)
}
