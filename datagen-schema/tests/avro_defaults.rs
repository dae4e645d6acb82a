//! Field defaults in generated Avro rows: drawn in about [`DEFAULT_SHARE`] of the rows where
//! nothing else shapes the values, never where a hint, the field's name or a logical type
//! does; an enum's own default is not favoured. Every row is checked with `apache-avro`.

mod avro_support;

use std::path::Path;

use apache_avro::types::Value as Av;
use datagen_schema::avro::{self, DEFAULT_SHARE, Options};

const ROWS: u64 = 3000;

const SCHEMA: &str = r#"{"type": "record", "name": "Account", "namespace": "shop", "fields": [
  {"name": "status", "type": "string", "default": "active"},
  {"name": "tier", "type": {"type": "enum", "name": "Tier", "symbols": ["FREE", "PRO", "TEAM"],
                            "default": "FREE"}, "default": "PRO"},
  {"name": "level", "type": {"type": "enum", "name": "Level",
                             "symbols": ["UNKNOWN", "LOW", "HIGH"], "default": "UNKNOWN"}},
  {"name": "retries", "type": "int", "default": 3},
  {"name": "verified", "type": "boolean", "default": false},
  {"name": "plan", "type": ["string", "null"], "default": "basic"},
  {"name": "ratio", "type": "float", "default": 0.1},
  {"name": "email", "type": "string", "default": "nobody@example.com"},
  {"name": "note", "type": "string", "default": "n/a"},
  {"name": "color", "type": {"type": "string", "arg.properties": {"options": ["red", "blue"]}},
   "default": "green"},
  {"name": "created", "type": {"type": "long", "logicalType": "timestamp-millis"}, "default": 0},
  {"name": "comment", "type": ["null", "string"], "default": null}
]}"#;

/// The generated rows, checked with `apache-avro`.
fn rows() -> Vec<Av> {
    let schema = avro::import_text(SCHEMA, Path::new("account.avsc"), &Options::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let (plan, chunk) = avro_support::generate(&schema, ROWS, 11);
    avro_support::check_rows(&plan, &chunk)
}

/// Field `name` of every row, unions unwrapped (`None` for null).
fn column(rows: &[Av], name: &str) -> Vec<Option<Av>> {
    rows.iter()
        .map(|r| {
            let Av::Record(fields) = r else {
                panic!("a record")
            };
            match &fields.iter().find(|(n, _)| n == name).expect("the field").1 {
                Av::Union(_, v) if **v == Av::Null => None,
                Av::Union(_, v) => Some((**v).clone()),
                v => Some(v.clone()),
            }
        })
        .collect()
}

/// The share of `values` equal to `want`.
#[allow(clippy::cast_precision_loss)]
fn share(values: &[Option<Av>], want: &Av) -> f64 {
    values.iter().filter(|v| v.as_ref() == Some(want)).count() as f64 / values.len() as f64
}

fn near(got: f64, want: f64) -> bool {
    (got - want).abs() < 0.04
}

#[test]
fn defaults_are_drawn_in_a_share_of_the_rows() {
    let rows = rows();
    let status = column(&rows, "status");
    let active = share(&status, &Av::String("active".into()));
    assert!(near(active, DEFAULT_SHARE), "{active}");
    assert!(
        status.iter().any(|v| v
            .as_ref()
            .is_some_and(|s| *s != Av::String("active".into()))),
        "other values too"
    );

    // The field's default is favoured: 0.3 + 0.7 / 3.
    let tier = column(&rows, "tier");
    let pro = share(&tier, &Av::Enum(1, "PRO".into()));
    assert!(
        near(pro, DEFAULT_SHARE + (1.0 - DEFAULT_SHARE) / 3.0),
        "{pro}"
    );
    let free = share(&tier, &Av::Enum(0, "FREE".into()));
    assert!(near(free, (1.0 - DEFAULT_SHARE) / 3.0), "{free}");

    let retries = share(&column(&rows, "retries"), &Av::Int(3));
    assert!(near(retries, DEFAULT_SHARE), "{retries}");
    let unverified = share(&column(&rows, "verified"), &Av::Boolean(false));
    assert!(near(unverified, DEFAULT_SHARE + 0.35), "{unverified}");
    let ratio = share(&column(&rows, "ratio"), &Av::Float(0.1));
    assert!(near(ratio, DEFAULT_SHARE), "{ratio}");

    // A nullable field: the default among the values that are not null.
    let plan = column(&rows, "plan");
    let present: Vec<Option<Av>> = plan.iter().filter(|v| v.is_some()).cloned().collect();
    assert!(present.len() < plan.len(), "still null sometimes");
    let basic = share(&present, &Av::String("basic".into()));
    assert!(near(basic, DEFAULT_SHARE), "{basic}");
}

#[test]
fn defaults_leave_hinted_and_named_fields_alone() {
    let rows = rows();
    // An enum's own default is the reader's fallback, not a common value.
    let level = column(&rows, "level");
    let unknown = share(&level, &Av::Enum(0, "UNKNOWN".into()));
    assert!(near(unknown, 1.0 / 3.0), "{unknown}");
    // The field's name gives emails; `arg.properties` gives the options; a timestamp is a
    // recent instant.
    let email = column(&rows, "email");
    assert!(
        email.iter().all(
            |e| matches!(e, Some(Av::String(s)) if s.contains('@') && s != "nobody@example.com")
        ),
        "{:?}",
        &email[..3]
    );
    let note = share(&column(&rows, "note"), &Av::String("n/a".into()));
    assert!(note < 0.01, "sentences, not the placeholder: {note}");
    let color = column(&rows, "color");
    assert!(
        color
            .iter()
            .all(|c| matches!(c, Some(Av::String(s)) if s == "red" || s == "blue"))
    );
    assert!(
        column(&rows, "created")
            .iter()
            .all(|c| matches!(c, Some(Av::TimestampMillis(t)) if *t > 0))
    );
    // A `null` default: null as often as any nullable field, no more.
    let comment = column(&rows, "comment");
    let nulls = comment.iter().filter(|c| c.is_none()).count();
    assert!(nulls < comment.len() / 5, "{nulls}");
}
