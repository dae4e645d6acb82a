//! Tests of the config reader: the contract config, its JSON twin, type inference, and every
//! kind of problem at its line and column.

mod errors;
mod fuzz;
mod infer;
mod report;

use super::*;
use crate::ir::{DataType, Dist, Field, Gen, Value};

/// The config other crates' tests use verbatim.
pub(crate) const CONTRACT: &str = include_str!("../../tests/data/contract.yaml");

/// The contract config as pretty-printed JSON.
const CONTRACT_JSON: &str = r#"{
  "seed": 11,
  "entities": {
    "person": {
      "rows": 20000,
      "fields": {
        "id": {"key": true},
        "first_name": {"provider": "person.first_name"},
        "last_name": {"provider": "person.last_name"},
        "email": {"template": "{first_name}.{last_name}@example.com"},
        "age": {"range": [18, 90]},
        "score": {"normal": {"mean": 100.0, "std_dev": 15.0}},
        "tier": {"one_of": ["gold", "silver", "bronze"], "weights": [1, 3, 6]},
        "nickname": {"provider": "person.first_name", "null_rate": 0.25},
        "code": {"regex": "[A-Z]{2}-[0-9]{6}"},
        "joined": {"type": "date", "range": ["2015-01-01", "2024-12-31"]},
        "active": {"type": "bool"}
      }
    },
    "purchase": {
      "rows": 60000,
      "fields": {
        "id": {"key": true},
        "person_id": {"ref": "person.id"},
        "buyer_email": {"lookup": "person.email", "by": "person_id"},
        "amount": {"range": [1.0, 500.0]},
        "at": {
          "type": "timestamp",
          "range": ["2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z"]
        }
      }
    }
  }
}
"#;

pub(super) fn field<'a>(schema: &'a Schema, entity: &str, name: &str) -> &'a Field {
    schema
        .entities
        .iter()
        .find(|e| e.name == entity)
        .and_then(|e| e.fields.iter().find(|f| f.name == name))
        .unwrap_or_else(|| panic!("no field {entity}.{name}"))
}

/// Parses `text`, asserting no problem is found.
pub(super) fn clean(text: &str) -> Schema {
    let (schema, diags) = parse(text, None);
    assert!(diags.is_empty(), "unexpected problems: {diags:#?}");
    schema
}

/// A config of one entity `p` (its key `id` on line 5) and the given field lines from line 6.
pub(super) fn with_fields(fields: &str) -> String {
    format!("entities:\n  p:\n    rows: 10\n    fields:\n      id: {{key: true}}\n{fields}")
}

/// The problems found in `text`.
pub(super) fn problems(text: &str) -> Vec<Diagnostic> {
    parse(text, Some(Path::new("c.yaml"))).1
}

/// The 1-based line and column of the first `needle` on line `line` of `text`.
#[track_caller]
pub(super) fn at(text: &str, line: u32, needle: &str) -> (u32, u32) {
    let l = text.lines().nth(line as usize - 1).expect("no such line");
    let byte = l
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not on line {line}: {l}"));
    (line, l[..byte].chars().count() as u32 + 1)
}

/// Asserts that `text` has exactly one problem, at `line`:`column`, whose message contains
/// `message` (and whose help contains `help`, when given).
#[track_caller]
pub(super) fn one(text: &str, (line, column): (u32, u32), message: &str, help: Option<&str>) {
    let diags = problems(text);
    assert_eq!(
        diags.len(),
        1,
        "expected one problem in\n{text}\nfound {diags:#?}"
    );
    let d = &diags[0];
    assert_eq!(
        (d.span.line, d.span.column),
        (line, column),
        "position of {d:#?}"
    );
    assert!(d.message.contains(message), "message of {d:#?}");
    if let Some(h) = help {
        let got = d.help.as_deref().unwrap_or("");
        assert!(got.contains(h), "help of {d:#?}");
    }
    assert_eq!(d.file.as_deref(), Some(Path::new("c.yaml")));
}

#[test]
fn contract_config_reads_into_the_ir() {
    let s = clean(CONTRACT);
    assert_eq!(s.seed, Some(11));
    assert_eq!(s.locale, None);
    let names: Vec<&str> = s.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["person", "purchase"]);
    let person = &s.entities[0];
    assert_eq!((person.rows, person.span), (20000, Span::at(3, 3)));
    let fields: Vec<&str> = person.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        fields,
        [
            "id",
            "first_name",
            "last_name",
            "email",
            "age",
            "score",
            "tier",
            "nickname",
            "code",
            "joined",
            "active"
        ]
    );
    assert_eq!(s.entities[1].rows, 60000);

    let check = |e: &str, n: &str, ty: DataType, g: Gen, line: u32| {
        let f = field(&s, e, n);
        assert_eq!((&f.ty, &f.generator), (&ty, &g), "{e}.{n}");
        assert_eq!(f.span, Span::at(line, 7), "{e}.{n}");
    };
    check("person", "id", DataType::Int, Gen::Key { start: 1 }, 6);
    check(
        "person",
        "first_name",
        DataType::String,
        Gen::Provider("person.first_name".into()),
        7,
    );
    check(
        "person",
        "email",
        DataType::String,
        Gen::Template("{first_name}.{last_name}@example.com".into()),
        9,
    );
    check(
        "person",
        "age",
        DataType::Int,
        Gen::IntRange { lo: 18, hi: 90 },
        10,
    );
    let normal = Dist::Normal {
        mean: 100.0,
        std_dev: 15.0,
    };
    let score = Gen::Dist {
        dist: normal,
        clamp: None,
    };
    check("person", "score", DataType::Float, score, 11);
    let tier = Gen::OneOf {
        values: ["gold", "silver", "bronze"]
            .map(|v| Value::Str(v.into()))
            .to_vec(),
        weights: Some(vec![1.0, 3.0, 6.0]),
    };
    check("person", "tier", DataType::String, tier, 12);
    check(
        "person",
        "code",
        DataType::String,
        Gen::Regex("[A-Z]{2}-[0-9]{6}".into()),
        14,
    );
    // 2015-01-01 and 2024-12-31 in days since 1970-01-01.
    let joined = Gen::IntRange {
        lo: 16_436,
        hi: 20_088,
    };
    check("person", "joined", DataType::Date, joined, 15);
    check("person", "active", DataType::Bool, Gen::Bool { p: 0.5 }, 16);
    let nickname = field(&s, "person", "nickname");
    assert_eq!((nickname.null_rate, nickname.unique), (0.25, false));
    assert_eq!(field(&s, "person", "age").null_rate, 0.0);

    let person_id = Gen::Ref {
        entity: "person".into(),
        field: "id".into(),
    };
    check("purchase", "person_id", DataType::Int, person_id, 21);
    let lookup = Gen::Lookup {
        entity: "person".into(),
        field: "email".into(),
        by: "person_id".into(),
    };
    check("purchase", "buyer_email", DataType::String, lookup, 22);
    let amount = Gen::FloatRange { lo: 1.0, hi: 500.0 };
    check("purchase", "amount", DataType::Float, amount, 23);
    let at = Gen::IntRange {
        lo: 1_704_067_200_000_000,
        hi: 1_735_689_599_000_000,
    };
    check("purchase", "at", DataType::Timestamp, at, 24);
}

/// The schema without positions, to compare inputs written differently.
fn without_spans(mut s: Schema) -> Schema {
    fn clear(f: &mut Field) {
        f.span = Span::default();
        match &mut f.generator {
            Gen::Object(fields) => fields.iter_mut().for_each(clear),
            Gen::Array { item, .. } => clear(item),
            _ => {}
        }
    }
    for e in &mut s.entities {
        e.span = Span::default();
        e.fields.iter_mut().for_each(clear);
    }
    s
}

#[test]
fn json_config_reads_like_yaml() {
    let json = clean(CONTRACT_JSON);
    // Positions point into the JSON text.
    assert_eq!(json.entities[0].span, Span::at(4, 5));
    assert_eq!(field(&json, "person", "id").span, Span::at(7, 9));
    assert_eq!(field(&json, "purchase", "at").span, Span::at(27, 9));
    assert_eq!(without_spans(json), without_spans(clean(CONTRACT)));
    // Tabs for indentation, as some JSON writers do.
    let tabs = CONTRACT_JSON.replace("  ", "\t");
    assert_eq!(without_spans(clean(&tabs)), without_spans(clean(CONTRACT)));
    // A JSON error is reported at its position.
    let broken = CONTRACT_JSON.replacen("\"rows\": 20000,", "\"rows\": 20000", 1);
    let diags = problems(&broken);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].message.starts_with("malformed YAML"), "{diags:#?}");
    assert_eq!(diags[0].span.line, 6, "{diags:#?}");
}

#[test]
fn detects_native_configs() {
    assert!(is_native_config(CONTRACT));
    assert!(is_native_config(CONTRACT_JSON));
    assert!(is_native_config("entities: {}"));
    assert!(!is_native_config("CREATE TABLE t (id int);"));
    assert!(!is_native_config(
        "{\"type\": \"object\", \"properties\": {}}"
    ));
    assert!(!is_native_config(""));
    assert!(!is_native_config("- entities"));
    assert!(!is_native_config("entities: [unclosed"));
}
