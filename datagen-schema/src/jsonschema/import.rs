//! A JSON Schema as the schema IR: one entity whose rows are the schema's instances.

use std::path::Path;
use std::sync::Arc;

use datagen_engine::Diagnostic;
use datagen_engine::ir::{DataType, Entity, Field, Gen, JsonGen, JsonGenerator, Schema, Span};

use super::{JsonSchema, Options, TextError};

/// Rows generated for a JSON Schema entity unless `--rows` says otherwise.
pub const DEFAULT_ROWS: u64 = 1000;

/// The name of the entity's one column (what CSV, SQL and the columnar formats call it).
pub const DOCUMENT_FIELD: &str = "document";

impl JsonGenerator for JsonSchema {
    fn write(&self, ctx: &mut datagen_core::Ctx, out: &mut String) {
        JsonSchema::write(self, ctx, out);
    }

    fn cases(
        &self,
        mode: datagen_engine::cases::Mode,
        row: &dyn Fn(u64) -> datagen_core::Ctx,
    ) -> Option<datagen_engine::cases::DocCases> {
        Some(JsonSchema::cases(self, mode, row))
    }
}

/// Reads the JSON Schema `text` (from the file at `path`) into a schema with one document
/// entity, named from the schema's `title` or else the file name.
///
/// # Errors
/// A diagnostic naming the file and, for a JSON syntax error, the line and column; for a schema
/// error, the JSON pointer and the keyword.
pub fn read(text: &str, path: &Path) -> Result<Schema, Diagnostic> {
    let file = Some(path.to_owned());
    let options = Options::new().with_file(path);
    let compiled = JsonSchema::compile_text(text, &options).map_err(|e| match e {
        TextError::Json(e) => {
            let span = Span::at(
                u32::try_from(e.line()).unwrap_or(u32::MAX),
                u32::try_from(e.column()).unwrap_or(u32::MAX),
            );
            Diagnostic::new(span, format!("not valid JSON: {e}"))
                .with_help("fix the JSON syntax")
                .in_file(file.clone())
        }
        e => Diagnostic::new(Span::default(), e.to_string()).in_file(file.clone()),
    })?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let name = entity_name(compiled.title().unwrap_or(stem));
    Ok(Schema {
        source: file,
        seed: None,
        locale: None,
        entities: vec![document_entity(name, compiled)],
        limits: Vec::new(),
    })
}

/// An entity of [`DEFAULT_ROWS`] documents drawn from `schema`.
pub fn document_entity(name: String, schema: JsonSchema) -> Entity {
    let generator = Gen::Json(JsonGen(Arc::new(schema)));
    Entity {
        name,
        rows: DEFAULT_ROWS,
        fields: vec![Field::new(DOCUMENT_FIELD, DataType::Json, generator)],
        span: Span::default(),
        document: true,
        avro_schema: None,
    }
}

/// A file-name-safe entity name from a title: letters, digits, `_` and `-`, lowercase.
fn entity_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('_') && !name.is_empty() {
            name.push('_');
        }
    }
    let name = name.trim_end_matches('_');
    if name.is_empty() {
        "document".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_names_are_file_safe() {
        assert_eq!(
            entity_name("JSON schema for GitHub Workflow"),
            "json_schema_for_github_workflow"
        );
        assert_eq!(entity_name("a/b"), "a_b");
        assert_eq!(entity_name("  "), "document");
    }
}
