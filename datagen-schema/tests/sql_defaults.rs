//! Column `DEFAULT`s in SQL DDL: a constant where nothing better is known, the default as the
//! most common of a list of values, recent timestamps for `now()`; and integer key limits.

use std::path::Path;

use datagen_engine::ir::{Entity, Field, Gen, Value};
use datagen_engine::{Plan, Settings};
use datagen_schema::sql::{self, Dialect};

const DDL: &str = "CREATE TYPE mood AS ENUM ('calm', 'busy', 'away');\n\
CREATE TABLE account (\n\
  id SERIAL PRIMARY KEY,\n\
  status VARCHAR(20) NOT NULL DEFAULT 'active',\n\
  kind TEXT NOT NULL DEFAULT 'basic' CHECK (kind IN ('basic', 'pro', 'team')),\n\
  feeling mood NOT NULL DEFAULT 'calm',\n\
  points INT NOT NULL DEFAULT 0,\n\
  price NUMERIC(6,2) NOT NULL DEFAULT 9.99,\n\
  verified BOOLEAN NOT NULL DEFAULT false,\n\
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n\
  updated_on DATE NOT NULL DEFAULT CURRENT_DATE,\n\
  code VARCHAR(8) UNIQUE DEFAULT 'x'\n\
);\n";

fn field<'a>(e: &'a Entity, name: &str) -> &'a Field {
    e.fields.iter().find(|f| f.name == name).expect(name)
}

#[test]
fn defaults_shape_the_values() {
    let (schema, diags) = sql::parse(DDL, Some(Path::new("t.sql")), Some(Dialect::Postgres));
    assert!(diags.is_empty(), "{diags:?}");
    let e = &schema.entities[0];
    // `status` has a provider of order statuses, which is better than one constant.
    assert!(matches!(field(e, "status").generator, Gen::Fit { .. }));
    let weights = |name: &str| match &field(e, name).generator {
        Gen::OneOf {
            values,
            weights: Some(w),
        } => (values.clone(), w.clone()),
        g => panic!("{name}: {g:?}"),
    };
    let (values, w) = weights("kind");
    assert_eq!(values[0], Value::Str("basic".into()));
    assert!((w[0] / w.iter().sum::<f64>() - 0.8).abs() < 1e-9, "{w:?}");
    let (values, w) = weights("feeling");
    assert_eq!(values[0], Value::Str("calm".into()));
    assert!((w[0] / w.iter().sum::<f64>() - 0.8).abs() < 1e-9, "{w:?}");
    // No name hint: every row takes the default.
    assert_eq!(field(e, "points").generator, Gen::Const(Value::Int(0)));
    // `price` has a realistic range by its name.
    assert!(matches!(field(e, "price").generator, Gen::IntRange { .. }));
    assert_eq!(field(e, "verified").generator, Gen::Bool { p: 0.2 });
    // `now()`: the year before the generation's `now` (2025-01-01T00:00:00Z).
    let now = 1_735_689_600_000_000_i64;
    let Gen::IntRange { lo, hi } = field(e, "created_at").generator else {
        panic!()
    };
    assert_eq!(hi, now);
    assert_eq!(lo, now - 365 * 86_400_000_000);
    let Gen::IntRange { lo, hi } = field(e, "updated_on").generator else {
        panic!()
    };
    assert_eq!((lo, hi), (20089 - 365, 20089));
    // A unique column's values must differ: its default does not apply.
    assert!(!matches!(field(e, "code").generator, Gen::Const(_)));
    // And the rows really are so.
    let plan = Plan::new(
        &schema,
        &Settings {
            rows: Some(2000),
            ..Settings::default()
        },
    )
    .unwrap();
    let chunk = plan.chunk(0, 0..2000);
    let c = e.fields.iter().position(|f| f.name == "feeling").unwrap();
    let calm = (0..2000)
        .filter(|&i| {
            let mut s = String::new();
            datagen_engine::plan::value_text(&chunk.columns[c], &e.fields[c].ty, i, &mut s);
            s == "calm"
        })
        .count();
    assert!((1500..1700).contains(&calm), "about 80% calm: {calm}");
}

#[test]
fn a_smallint_key_too_small_for_the_rows_is_an_error_naming_it() {
    let ddl = "CREATE TABLE region (id SMALLINT PRIMARY KEY, name TEXT);\n\
               CREATE TABLE shop (id INT PRIMARY KEY, region_id SMALLINT REFERENCES region (id));\n";
    let (schema, diags) = sql::parse(ddl, Some(Path::new("k.sql")), Some(Dialect::Postgres));
    assert!(diags.is_empty(), "{diags:?}");
    let settings = |n: u64| Settings {
        rows_of: vec![("region".into(), n)],
        ..Settings::default()
    };
    let err = Plan::new(&schema, &settings(40_000))
        .err()
        .expect("too many rows")
        .to_string();
    assert!(
        err.contains("k.sql:1:")
            && err.contains("`region.id` (SMALLINT) holds at most 32767")
            && err.contains("40000"),
        "{err}"
    );
    assert!(
        err.contains("`shop.region_id` (SMALLINT)"),
        "the foreign key too: {err}"
    );
    assert!(Plan::new(&schema, &settings(32_767)).is_ok());
}

#[test]
fn quoted_and_out_of_range_defaults_are_read_by_the_column_type() {
    // MySQL writes every default quoted; a default a column cannot hold is not taken.
    let ddl = "CREATE TABLE gauge (\n\
      id INT PRIMARY KEY,\n\
      hits INT NOT NULL DEFAULT '7',\n\
      active BOOLEAN NOT NULL DEFAULT '1',\n\
      paused BOOLEAN NOT NULL DEFAULT 'false',\n\
      zeta DECIMAL(6,2) NOT NULL DEFAULT '0.29',\n\
      cap DECIMAL(4,2) NOT NULL DEFAULT 123.45,\n\
      ratio DOUBLE NOT NULL DEFAULT 'oops'\n\
    );\n";
    let (schema, diags) = sql::parse(ddl, Some(Path::new("g.sql")), Some(Dialect::Mysql));
    assert!(diags.is_empty(), "{diags:?}");
    let e = &schema.entities[0];
    assert_eq!(field(e, "hits").generator, Gen::Const(Value::Int(7)));
    assert_eq!(field(e, "active").generator, Gen::Bool { p: 0.8 });
    assert_eq!(field(e, "paused").generator, Gen::Bool { p: 0.2 });
    // Exactly 0.29, not 0.28 from a float product.
    assert_eq!(
        field(e, "zeta").generator,
        Gen::Const(Value::Decimal(29, 2))
    );
    // 123.45 does not fit DECIMAL(4,2): the values stay inside it.
    let Gen::IntRange { lo, hi } = field(e, "cap").generator else {
        panic!("{:?}", field(e, "cap").generator)
    };
    assert!(lo >= -9999 && hi <= 9999, "{lo}..{hi}");
    // Text that is no number is not a float constant.
    assert!(
        !matches!(field(e, "ratio").generator, Gen::Const(_)),
        "{:?}",
        field(e, "ratio").generator
    );
    assert!(Plan::new(&schema, &Settings::default()).is_ok());
}
