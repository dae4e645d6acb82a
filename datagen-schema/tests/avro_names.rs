//! Names in the schema the Avro importer writes: a type of the null namespace used inside a
//! namespaced record is defined there with `"namespace": ""` and referred to as `.Name`, so a
//! strict reader (`apache-avro`, which has no fallback to the null namespace) resolves it.

use std::path::Path;

use apache_avro::Schema as Avro;
use apache_avro::schema::ResolvedSchema;
use datagen_schema::avro::{self, Options};

/// The schema text the importer writes for `text` (read as the file `path`).
fn written(text: &str, path: &Path, options: &Options) -> String {
    let schema = avro::import_text(text, path, options).unwrap_or_else(|e| panic!("{e}"));
    schema.entities[0]
        .avro_schema
        .clone()
        .expect("an Avro entity carries its schema")
}

/// Parses and resolves `text` with `apache-avro`; returns its canonical form.
fn strict(text: &str) -> String {
    let schema = Avro::parse_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    ResolvedSchema::try_from(&schema).unwrap_or_else(|e| panic!("{e}\n{text}"));
    schema.canonical_form()
}

#[test]
fn a_null_namespace_type_used_inside_a_namespace_is_written_with_a_leading_dot() {
    // `Point` alone inside `shop` means `shop.Point` under the specification; the Java
    // implementation (and datagen) fall back to the null namespace when there is none.
    let java_style = r#"{"type": "record", "name": "Order", "namespace": "shop", "fields": [
        {"name": "from", "type": {"type": "record", "name": "Point", "namespace": "",
                                  "fields": [{"name": "x", "type": "long"}]}},
        {"name": "to", "type": "Point"},
        {"name": "stops", "type": {"type": "array", "items": "Point"}}]}"#;
    // The same with the unambiguous spelling.
    let dotted = java_style.replace(r#""Point"}"#, r#"".Point"}"#);
    for text in [java_style, dotted.as_str()] {
        let out = written(text, Path::new("order.avsc"), &Options::new());
        assert!(
            out.contains(r#"{"type":"record","name":"Point","namespace":"""#),
            "{out}"
        );
        assert_eq!(out.matches(r#""type":".Point""#).count(), 1, "{out}");
        assert_eq!(out.matches(r#""items":".Point""#).count(), 1, "{out}");
        let canonical = strict(&out);
        assert!(
            canonical.contains(r#"{"name":"to","type":"Point"}"#),
            "{canonical}"
        );
    }
}

#[test]
fn a_null_namespace_type_from_another_file_is_written_with_a_leading_dot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/avro/null_ns/order.avsc");
    let text = std::fs::read_to_string(&path).expect("order.avsc");
    let out = written(&text, &path, &Options::new());
    assert!(
        out.contains(r#"{"type":"fixed","name":"Money","namespace":"","size":8}"#),
        "{out}"
    );
    assert!(out.contains(r#"["null",".Money"]"#), "{out}");
    strict(&out);
}

#[test]
fn a_leading_dot_names_the_null_namespace_when_reading() {
    // `.Point` is `Point` even where `shop.Point` exists too.
    let text = r#"{"type": "record", "name": "Order", "namespace": "shop", "fields": [
        {"name": "a", "type": {"type": "record", "name": ".Point",
                               "fields": [{"name": "x", "type": "long"}]}},
        {"name": "b", "type": {"type": "record", "name": "Point",
                               "fields": [{"name": "label", "type": "string"}]}},
        {"name": "c", "type": ".Point"},
        {"name": "d", "type": "Point"}]}"#;
    let schema = avro::import_text(text, Path::new("order.avsc"), &Options::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let entity = &schema.entities[0];
    let members = |i: usize| match &entity.fields[i].ty {
        datagen_engine::ir::DataType::Struct(m) => {
            m.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>()
        }
        other => panic!("a struct: {other:?}"),
    };
    assert_eq!(
        members(2),
        ["x"],
        "`.Point` is the null namespace's `Point`"
    );
    assert_eq!(members(3), ["label"], "`Point` is `shop.Point`");
    let out = entity.avro_schema.clone().unwrap();
    assert!(out.contains(r#"{"name":"c","type":".Point"}"#), "{out}");
    assert!(out.contains(r#"{"name":"d","type":"shop.Point"}"#), "{out}");
}
