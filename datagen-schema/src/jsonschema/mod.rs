//! JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12) compiled into a generator of valid instances.
//!
//! [`JsonSchema::compile`] reads a schema document into typed shapes, intersects `allOf` and `$ref`
//! into one shape per node, expands `anyOf`, `oneOf` and `if`/`then`/`else` into variants (each
//! the schema intersected with one branch), and drops what cannot hold. [`JsonSchema::write`] then
//! writes one instance as JSON text, drawing every choice from a [`Ctx`]: the same context state
//! gives the same instance. Constraints that construction cannot guarantee (`not`, `oneOf`'s
//! "exactly one", `if` failing, `unevaluatedProperties`) are checked on the instance by an internal
//! checker, and the node is redrawn a bounded number of times.
//!
//! ```
//! use datagen_core::Ctx;
//! use datagen_schema::jsonschema::JsonSchema;
//! let schema = serde_json::json!({
//!     "type": "object",
//!     "required": ["id", "email"],
//!     "properties": {
//!         "id": {"type": "integer", "minimum": 1, "maximum": 9},
//!         "email": {"type": "string", "format": "email"}
//!     },
//!     "additionalProperties": false
//! });
//! let schema = JsonSchema::compile(&schema)?;
//! let mut out = String::new();
//! schema.write(&mut Ctx::seeded(7), &mut out);
//! let value: serde_json::Value = serde_json::from_str(&out).unwrap();
//! assert!((1..=9).contains(&value["id"].as_i64().unwrap()));
//! assert!(value["email"].as_str().unwrap().contains('@'));
//! # Ok::<(), datagen_schema::jsonschema::Error>(())
//! ```

mod cases;
mod check;
mod compile;
mod error;
mod format;
mod import;
mod index;
mod keywords;
mod names;
mod order;
mod plan;
mod scalar;
mod settle;
mod shape;
mod write;

use std::path::{Path, PathBuf};

use datagen_core::Ctx;
use serde_json::Value;
use url::Url;

pub use error::{Error, TextError};
pub use import::{DEFAULT_ROWS, DOCUMENT_FIELD, document_entity, read};
pub use index::Draft;

use compile::Compiler;
use index::{Index, Loc};
use plan::Node;

/// How a schema is read: its draft when `$schema` is absent, its base URI, and where remote
/// references are read from.
#[derive(Clone, Debug)]
pub struct Options {
    draft: Draft,
    base: Option<Url>,
    remotes: Vec<(String, PathBuf)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            draft: Draft::Draft202012,
            base: None,
            remotes: Vec::new(),
        }
    }
}

impl Options {
    /// The defaults: draft 2020-12, no base URI, no remote documents.
    pub fn new() -> Self {
        Self::default()
    }

    /// The draft used when the schema has no `$schema`.
    pub fn with_draft(mut self, draft: Draft) -> Self {
        self.draft = draft;
        self
    }

    /// Reads the schema as the file at `path`: relative `$ref`s to other files resolve next to it.
    pub fn with_file(mut self, path: &Path) -> Self {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.base = Url::from_file_path(path).ok();
        self
    }

    /// Maps remote references under `prefix` (such as `http://example.com/schemas/`) to files
    /// under `dir`, instead of refusing them.
    pub fn with_remote(mut self, prefix: impl Into<String>, dir: impl Into<PathBuf>) -> Self {
        self.remotes.push((prefix.into(), dir.into()));
        self
    }

    /// Reads the document a reference names, if it is a local file or mapped to one.
    fn load(&self, url: &Url) -> Option<Result<Value, String>> {
        let path = if url.scheme() == "file" {
            url.to_file_path().ok()?
        } else {
            let (prefix, dir) = self
                .remotes
                .iter()
                .find(|(p, _)| url.as_str().starts_with(p.as_str()))?;
            dir.join(&url.as_str()[prefix.len()..])
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => return Some(Err(format!("{}: {e}", path.display()))),
        };
        Some(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display())))
    }
}

/// A compiled JSON Schema: writes instances that validate against it.
#[derive(Debug)]
pub struct JsonSchema {
    nodes: Vec<Option<Node>>,
    root: usize,
    title: Option<String>,
    /// The draft the schema was read as (which names its keywords).
    draft: Draft,
}

impl JsonSchema {
    /// Compiles `schema` with the default [`Options`].
    ///
    /// # Errors
    /// If the schema is invalid, unsatisfiable, uses an unsupported feature or a reference that
    /// cannot be resolved; the error names the JSON pointer and the keyword.
    pub fn compile(schema: &Value) -> Result<JsonSchema, Error> {
        Self::compile_with(schema, &Options::default())
    }

    /// Compiles `schema` with `options`.
    ///
    /// # Errors
    /// As [`JsonSchema::compile`].
    pub fn compile_with(schema: &Value, options: &Options) -> Result<JsonSchema, Error> {
        Self::compile_ordered(schema, order::KeyOrder::new(), options)
    }

    /// Compiles the schema `text`: as [`JsonSchema::compile_with`], with properties generated
    /// in the order the text lists them.
    ///
    /// # Errors
    /// [`TextError::Json`] if `text` is not JSON, else as [`JsonSchema::compile`].
    pub fn compile_text(text: &str, options: &Options) -> Result<JsonSchema, TextError> {
        let (schema, order) = order::parse(text).map_err(TextError::Json)?;
        Self::compile_ordered(&schema, order, options).map_err(TextError::Schema)
    }

    /// Compiles `schema`, whose objects' key order is `order`.
    fn compile_ordered(
        schema: &Value,
        order: order::KeyOrder,
        options: &Options,
    ) -> Result<JsonSchema, Error> {
        let base = options.base.clone().unwrap_or_else(|| {
            Url::parse("json-schema:///schema.json").expect("a constant, valid URL")
        });
        let draft = schema
            .get("$schema")
            .and_then(Value::as_str)
            .and_then(Draft::from_uri)
            .unwrap_or(options.draft);
        let loader = |url: &Url| options.load(url);
        let mut index = Index::new(schema.clone(), base, draft, &loader);
        index.set_order(order);
        let mut compiler = Compiler::new(index);
        let root = compiler.node_at(Loc {
            doc: 0,
            ptr: String::new(),
        });
        let mut nodes = plan::finalize(&mut compiler, root).map_err(|mut e| {
            if let Error::Unsupported { pointer, .. } = &mut e
                && pointer.is_empty()
            {
                "/".clone_into(pointer);
            }
            e
        })?;
        settle::settle(&mut nodes);
        if !settle::alive(&nodes, root) {
            let (pointer, keyword, why) = settle::explain(&nodes, root);
            return Err(Error::Unsatisfiable {
                pointer,
                keyword,
                why,
            });
        }
        let title = schema
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_owned);
        Ok(JsonSchema {
            nodes,
            root,
            title,
            draft,
        })
    }

    /// The schema's `title`, if it has one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Appends one instance, as compact JSON text, to `out`.
    pub fn write(&self, ctx: &mut Ctx, out: &mut String) {
        let _ = write::Writer { nodes: &self.nodes }.write(self.root, ctx, out, 0, None);
    }

    /// One instance as a JSON value.
    pub fn generate(&self, ctx: &mut Ctx) -> Value {
        let mut out = String::new();
        self.write(ctx, &mut out);
        serde_json::from_str(&out).expect("instances are written as valid JSON")
    }
}
