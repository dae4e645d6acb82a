//! Avro schemas (`.avsc`, specification 1.12) imported into the schema IR: the root record
//! becomes one entity whose rows are valid instances, with realistic values where the schema
//! allows (field names map to providers, `arg.properties` hints are honoured).
//!
//! Names, namespaces (inherited, or written dotted), aliases, defaults, logical types and
//! recursive types (unrolled to [`DEPTH`] levels) follow the specification; a name the file
//! does not define is looked up in the other `.avsc` files of its folder and of the folders
//! given with [`Options::with_path`]. The entity carries its source schema as self-contained
//! JSON text ([`datagen_engine::ir::Entity::avro_schema`]), which the `avro` format writes as
//! the file's schema. Every error names the file and the JSON path.
//!
//! ```
//! use datagen_schema::avro;
//! let text = r#"{"type": "record", "name": "User", "namespace": "shop",
//!   "fields": [{"name": "email", "type": "string"},
//!              {"name": "age", "type": ["null", "int"], "default": null}]}"#;
//! let schema = avro::import_text(text, "user.avsc".as_ref(), &avro::Options::new())?;
//! let user = &schema.entities[0];
//! assert_eq!(user.name, "User");
//! assert_eq!(user.fields[0].name, "email");
//! assert!(user.fields[1].null_rate > 0.0);
//! assert!(user.avro_schema.as_deref().unwrap().contains(r#""namespace":"shop""#));
//! # Ok::<(), datagen_schema::avro::Error>(())
//! ```

mod args;
mod build;
mod defaults;
mod emit;
mod error;
mod files;
mod logical;
mod model;
mod names;
mod parse;
mod scalar;
mod text;

use std::path::{Path, PathBuf};

use datagen_engine::Diagnostic;
use datagen_engine::ir::{DataType, Entity, Field, Gen, Schema, Span};

pub use build::DEPTH;
pub use defaults::DEFAULT_SHARE;
pub use error::Error;

use model::{Loc, NamedKind, Node, Ty};
use parse::Parser;

/// Rows generated for an Avro schema unless `--rows` says otherwise.
pub const DEFAULT_ROWS: u64 = 1000;

/// The hidden field that picks a root record's `arg.properties` option (each option gets the
/// same share of the rows).
pub const OPTION_FIELD: &str = "__avro_option";

/// How an `.avsc` file is read: the extra folders searched for names it does not define, and
/// which named type is the root.
#[derive(Clone, Debug, Default)]
pub struct Options {
    paths: Vec<PathBuf>,
    root: Option<String>,
}

impl Options {
    /// The defaults: names searched in the file's own folder only; the root is the file's
    /// schema (for a top-level array, its last record).
    pub fn new() -> Self {
        Self::default()
    }

    /// Also searches the `.avsc` files of `dir` for names the input does not define (after
    /// the input's own folder, in the order added).
    #[must_use]
    pub fn with_path(mut self, dir: impl Into<PathBuf>) -> Self {
        self.paths.push(dir.into());
        self
    }

    /// Generates the named type `name` (a full name, or a simple name if only one type has it)
    /// instead of the file's root.
    #[must_use]
    pub fn with_root(mut self, name: impl Into<String>) -> Self {
        self.root = Some(name.into());
        self
    }
}

/// Reads the `.avsc` file at `path` into a schema of one entity.
///
/// # Errors
/// As [`import_text`], or when the file cannot be read.
pub fn import(path: &Path, options: &Options) -> Result<Schema, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::at(path, "", format!("cannot read the file: {e}")))?;
    import_text(&text, path, options)
}

/// Reads the Avro schema `text` of the file at `path` into a schema of one entity.
///
/// # Errors
/// When the text is not JSON (with the line and column), or the schema is invalid, uses a
/// name defined nowhere, has a default that does not match its type, a record that contains
/// itself with no way to end, or an `arg.properties` hint that cannot be honoured: the error
/// names the file and the JSON path.
pub fn import_text(text: &str, path: &Path, options: &Options) -> Result<Schema, Error> {
    let json = text::parse(text, path)?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut dirs = vec![folder];
    dirs.extend(options.paths.iter().cloned());
    let mut p = Parser::new(path.to_owned(), json.clone(), dirs);
    let top = Loc {
        file: 0,
        ptr: String::new(),
    };
    let mut root = if let serde_json::Value::Array(items) = &json {
        let mut last_record = None;
        for (i, item) in items.iter().enumerate() {
            let node = p.parse(item, &top.join(i), None)?;
            if let Ty::Named(n) = node.ty
                && matches!(p.named[n].kind, NamedKind::Record(_))
            {
                last_record = Some(node);
            }
        }
        match last_record {
            Some(node) => node,
            None => p.parse(&json, &top, None)?,
        }
    } else {
        p.parse(&json, &top, None)?
    };
    if let Some(name) = &options.root {
        let Some(i) = p.find(name) else {
            return Err(
                Error::at(path, "", format!("no named type `{name}` is defined"))
                    .help("give the full name of a record, enum or fixed the schema defines"),
            );
        };
        root = Node {
            ty: Ty::Named(i),
            logical: None,
            args: None,
            loc: p.named[i].loc.clone(),
        };
    }
    defaults::check(&p)?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("value")
        .to_owned();
    let (name, record) = match &root.ty {
        Ty::Named(i) if matches!(p.named[*i].kind, NamedKind::Record(_)) => {
            (p.named[*i].name.clone(), true)
        }
        _ => (stem, false),
    };
    let mut builder = build::Builder::new(&p);
    let Some(part) = builder.node(&root, &name, "value")? else {
        let at = builder.cut_at.clone().unwrap_or(root.loc.clone());
        return Err(p
            .err(&at, format!("the record contains itself here through required fields only, so no value of `{name}` can end"))
            .help("make the reference nullable (`[\"null\", ...]`), or an array or a map"));
    };
    let fields = match (record, part.generator) {
        (true, Gen::Object(fields)) => fields,
        (true, Gen::Choice { arms, .. }) => option_fields(&part.ty, arms),
        (_, generator) => vec![
            build::Part {
                ty: part.ty,
                generator,
                null_rate: part.null_rate,
            }
            .field("value"),
        ],
    };
    let avro_schema = emit::schema_text(&p, &root);
    Ok(Schema {
        source: Some(path.to_owned()),
        entities: vec![Entity {
            name,
            rows: DEFAULT_ROWS,
            fields,
            span: Span::default(),
            document: false,
            avro_schema: Some(avro_schema),
        }],
        ..Schema::default()
    })
}

/// A root record drawn whole from its options: a hidden group field splits the rows evenly
/// among the options, and each field takes its value in the row's option.
fn option_fields(ty: &DataType, arms: Vec<Field>) -> Vec<Field> {
    let DataType::Struct(members) = ty else {
        unreachable!("a record's type is a struct")
    };
    let names: Vec<String> = (0..arms.len()).map(|k| k.to_string()).collect();
    #[allow(clippy::cast_precision_loss)]
    let share = 1.0 / arms.len() as f64;
    let mut shares = vec![share; arms.len()];
    if let Some(last) = shares.last_mut() {
        *last = 1.0 - share * (arms.len() - 1) as f64;
    }
    let mut group = Field::new(
        OPTION_FIELD,
        DataType::String,
        Gen::Group {
            names: names.clone(),
            shares,
        },
    );
    group.hidden = true;
    let per_arm: Vec<Vec<Field>> = arms
        .into_iter()
        .map(|a| match a.generator {
            Gen::Object(fields) => fields,
            _ => unreachable!("a record's options are objects"),
        })
        .collect();
    let mut out = vec![group];
    for (j, (name, mty)) in members.iter().enumerate() {
        let arms = per_arm.iter().map(|fields| fields[j].clone()).collect();
        out.push(Field::new(
            name.clone(),
            mty.clone(),
            Gen::Grouped {
                by: OPTION_FIELD.to_owned(),
                groups: names.clone(),
                arms,
            },
        ));
    }
    out
}

/// Reads the Avro schema `text` (from the file at `path`) as the CLI does: errors as a
/// diagnostic naming the file and the JSON path (or the line and column of a JSON error).
///
/// # Errors
/// As [`import_text`].
pub fn read(text: &str, path: &Path, options: &Options) -> Result<Schema, Diagnostic> {
    import_text(text, path, options).map_err(|e| e.to_diagnostic())
}
