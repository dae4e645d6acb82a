//! Problems of structure (missing parts, duplicates, malformed YAML), placeholders for fields
//! that fail, and a file with several problems reporting them all.

use super::{field, one, problems, with_fields};
use crate::config::parse;
use crate::ir::{DataType, Gen, Span, Value};

/// `with_fields(lines)` with one problem on `line` at `needle`.
#[track_caller]
fn field_problem(lines: &str, line: u32, needle: &str, message: &str, help: Option<&str>) {
    let text = with_fields(lines);
    one(&text, super::at(&text, line, needle), message, help);
}

#[test]
fn structure() {
    let diags = problems("seed: 1\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].span, Span::at(1, 1));
    assert!(diags[0].message.contains("the config has no `entities`"));

    let text = "entities:\n  p:\n    fields:\n      id: {key: true}\n";
    one(text, (2, 3), "entity `p` has no `rows`", Some("rows: N"));
    let (schema, _) = parse(text, None);
    assert_eq!(schema.entities[0].rows, 0);
    assert_eq!(schema.entities[0].fields.len(), 1);

    field_problem(
        "      age: {range: [1, 2]}\n      age: {range: [3, 4]}\n",
        7,
        "age",
        "duplicate key `age`",
        Some("line 6"),
    );
    one("", (1, 1), "the config is empty", None);
    let diags = problems("entities:\n  p: {rows: 1\n  q: 2\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].message.starts_with("malformed YAML"), "{diags:#?}");
    assert_eq!(diags[0].span.line, 3, "{diags:#?}");
    let diags = problems("entities:\n  p:\n    rows: 1\n   fields: {}\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].message.starts_with("malformed YAML"), "{diags:#?}");
    assert_eq!(diags[0].span.line, 4, "{diags:#?}");
}

#[test]
fn broken_fields_are_placeholders() {
    let text = with_fields(
        "      x: {provider: nope.nope}\n      y: {template: \"{x}\"}\n      r: {ref: p.x}\n      e: {lookup: p.id, by: z}\n      z: {ref: p.id, null_rate: 7}\n",
    );
    let (schema, diags) = parse(&text, None);
    // The provider and the null rate only: `x` is a placeholder the others may still name,
    // and `z` keeps its `ref` so the lookup by it is fine.
    assert_eq!(diags.len(), 2, "{diags:#?}");
    let x = field(&schema, "p", "x");
    assert_eq!(x.generator, Gen::Const(Value::Null));
    assert_eq!((&x.ty, x.span), (&DataType::String, Span::at(6, 7)));
    assert_eq!(field(&schema, "p", "r").ty, DataType::String);
    assert_eq!(field(&schema, "p", "z").null_rate, 0.0);
}

#[test]
fn reports_every_problem() {
    let text = "\
seed: 1
colour: red
entities:
  person:
    rows: 10
    fields:
      id: {key: true}
      age: {range: [90, 18]}
      name: {provider: person.frist_name}
      name: {provider: person.last_name}
  order:
    rows: 5
    fields:
      buyer: {ref: persn.id}
";
    let diags = problems(text);
    let got: Vec<(u32, u32)> = diags.iter().map(|d| (d.span.line, d.span.column)).collect();
    assert_eq!(
        got,
        [(2, 1), (8, 20), (9, 24), (10, 7), (14, 20)],
        "{diags:#?}"
    );
    assert!(diags[0].message.contains("`colour`"));
    assert!(diags[1].message.contains("empty range"));
    assert!(diags[2].message.contains("unknown provider"));
    assert!(diags[3].message.contains("duplicate key `name`"));
    assert!(diags[4].message.contains("entity `persn`"));
    assert_eq!(diags[4].help.as_deref(), Some("did you mean `person.id`?"));
    let shown = diags[4].to_string();
    assert!(
        shown.starts_with("c.yaml:14:20: field `buyer` refers to entity `persn`"),
        "{shown}"
    );
}
