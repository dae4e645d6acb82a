//! The Avro importer: several files, every logical type, recursion, top-level unions, the
//! mapping to IR types, realistic values, determinism; every generated row is checked with the
//! `apache-avro` crate.

mod avro_support;

use std::path::{Path, PathBuf};

use apache_avro::types::Value as Av;
use datagen_engine::Values;
use datagen_engine::ir::{DataType, Gen};
use datagen_schema::avro::{self, Options};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/avro")
        .join(name)
}

fn field<'a>(row: &'a Av, name: &str) -> &'a Av {
    let Av::Record(fields) = row else {
        panic!("a row is a record")
    };
    &fields.iter().find(|(n, _)| n == name).expect("the field").1
}

#[test]
fn names_resolve_across_files_and_folders() {
    let order = data("multi/order.avsc");
    let err = avro::import(&order, &Options::new()).expect_err("`common.Address` is elsewhere");
    assert!(err.file.ends_with("customer.avsc"), "{err}");
    assert_eq!(err.pointer, "/fields/2/type", "{err}");
    assert!(
        err.message.contains("unknown type `common.Address`"),
        "{err}"
    );

    let schema = avro::import(&order, &Options::new().with_path(data("lib")))
        .unwrap_or_else(|e| panic!("{e}"));
    let entity = &schema.entities[0];
    assert_eq!(entity.name, "Order");
    let names: Vec<&str> = entity.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["id", "customer", "ship_to", "bill_to", "status", "amount"]
    );
    let written = entity.avro_schema.as_deref().unwrap();
    // Each named type is defined once, at its first use, then named.
    assert_eq!(
        written.matches(r#""name":"Address""#).count(),
        1,
        "{written}"
    );
    assert_eq!(
        written.matches(r#""common.Address""#).count(),
        2,
        "{written}"
    );
    let (plan, chunk) = avro_support::generate(&schema, 300, 1);
    let rows = avro_support::check_rows(&plan, &chunk);
    let nulls = rows
        .iter()
        .filter(|r| matches!(field(r, "ship_to"), Av::Union(0, _)))
        .count();
    assert!(
        nulls > 5 && nulls < 100,
        "a nullable field is sometimes null: {nulls}"
    );
    for r in &rows {
        let Av::Record(customer) = field(r, "customer") else {
            panic!("a customer record")
        };
        let Av::String(email) = &customer[0].1 else {
            panic!("an email string")
        };
        assert!(email.contains('@'), "`email` gets emails: {email}");
    }
}

#[test]
fn every_logical_type_maps_and_validates() {
    let schema = avro_support::import(&data("logical.avsc"));
    let types: Vec<(&str, &DataType)> = schema.entities[0]
        .fields
        .iter()
        .map(|f| (f.name.as_str(), &f.ty))
        .collect();
    let want = [
        (
            "price",
            DataType::Decimal {
                precision: 10,
                scale: 2,
            },
        ),
        (
            "total",
            DataType::Decimal {
                precision: 18,
                scale: 4,
            },
        ),
        ("id", DataType::Uuid),
        ("raw_id", DataType::Uuid),
        ("birth_date", DataType::Date),
        ("opens", DataType::Time),
        ("closes", DataType::Time),
        ("created_ms", DataType::TimestampTz),
        ("created_us", DataType::TimestampTz),
        ("created_ns", DataType::TimestampTz),
        ("local_ms", DataType::Timestamp),
        ("local_us", DataType::Timestamp),
        ("local_ns", DataType::Timestamp),
        (
            "wait",
            DataType::Struct(vec![
                ("months".into(), DataType::Int),
                ("days".into(), DataType::Int),
                ("millis".into(), DataType::Int),
            ]),
        ),
        ("maybe_when", DataType::TimestampTz),
        // Invalid (`date` on a string) and unknown logical types fall back to the type.
        ("odd", DataType::String),
        ("custom", DataType::Int),
    ];
    for ((name, ty), (wname, wty)) in types.iter().zip(&want) {
        assert_eq!(name, wname);
        assert_eq!(*ty, wty, "{name}");
    }
    let written = schema.entities[0].avro_schema.as_deref().unwrap();
    assert!(!written.contains("epoch-weeks"), "{written}");
    assert!(
        written.contains(r#"{"name":"odd","type":"string"}"#),
        "{written}"
    );
    let (plan, chunk) = avro_support::generate(&schema, 300, 3);
    let rows = avro_support::check_rows(&plan, &chunk);
    for r in &rows {
        let Av::Date(d) = field(r, "birth_date") else {
            panic!("a date")
        };
        assert!(
            (-7305..13149).contains(d),
            "a birth date is 1950..2005: {d}"
        );
    }
}

#[test]
fn recursion_is_unrolled_to_the_depth_limit() {
    let schema = avro_support::import(&data("tree.avsc"));
    // The DataType is finite: three levels of `Tree`, then a placeholder.
    fn depth(ty: &DataType) -> usize {
        match ty {
            DataType::Struct(m) => 1 + m.iter().map(|(_, t)| depth(t)).max().unwrap_or(0),
            DataType::List(t) => depth(t),
            _ => 0,
        }
    }
    let left = &schema.entities[0].fields[1];
    assert_eq!(left.name, "left");
    assert!(left.null_rate > 0.0);
    assert!(depth(&left.ty) >= 2, "{:?}", left.ty);
    let (plan, chunk) = avro_support::generate(&schema, 200, 5);
    let rows = avro_support::check_rows(&plan, &chunk);
    fn levels(v: &Av) -> usize {
        match v {
            Av::Record(fs) => 1 + fs.iter().map(|(_, x)| levels(x)).max().unwrap_or(0),
            Av::Union(_, x) => levels(x),
            Av::Array(xs) => xs.iter().map(levels).max().unwrap_or(0),
            Av::Map(m) => m.values().map(levels).max().unwrap_or(0),
            _ => 0,
        }
    }
    let deepest = rows.iter().map(levels).max().unwrap();
    assert_eq!(
        deepest,
        avro::DEPTH,
        "records nest exactly to the limit somewhere"
    );
}

#[test]
fn required_recursion_is_refused_with_its_path() {
    let t = std::env::temp_dir().join(format!("datagen-avro-loop-{}.avsc", std::process::id()));
    std::fs::write(
        &t,
        r#"{"type": "record", "name": "Loop", "fields": [
            {"name": "id", "type": "int"},
            {"name": "next", "type": "Loop"}]}"#,
    )
    .unwrap();
    let err = avro::import(&t, &Options::new()).expect_err("a required self-reference never ends");
    std::fs::remove_file(&t).ok();
    assert_eq!(err.pointer, "/fields/1/type", "{err}");
    assert!(err.to_string().contains("contains itself"), "{err}");
}

#[test]
fn a_top_level_array_defines_every_type_and_its_last_record_is_the_root() {
    let path = data("union_file.avsc");
    let schema = avro_support::import(&path);
    assert_eq!(schema.entities[0].name, "Palette");
    let (plan, chunk) = avro_support::generate(&schema, 50, 2);
    avro_support::check_rows(&plan, &chunk);
    let swatch = avro::import(&path, &Options::new().with_root("Swatch")).unwrap();
    assert_eq!(swatch.entities[0].name, "Swatch");
    let (plan, chunk) = avro_support::generate(&swatch, 50, 2);
    avro_support::check_rows(&plan, &chunk);
}

#[test]
fn unions_of_several_types_are_structs_with_one_member_set() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/avro/corpus/apache-avro/test/schemas/interop.avsc");
    let schema = avro_support::import(&path);
    let union = schema.entities[0]
        .fields
        .iter()
        .find(|f| f.name == "unionField")
        .unwrap();
    assert_eq!(
        union.ty,
        DataType::Struct(vec![
            ("boolean".into(), DataType::Bool),
            ("double".into(), DataType::Float),
            ("array".into(), DataType::List(Box::new(DataType::Bytes))),
        ])
    );
    assert!(matches!(union.generator, Gen::Union { .. }));
    let (plan, chunk) = avro_support::generate(&schema, 300, 9);
    let rows = avro_support::check_rows(&plan, &chunk);
    let mut seen = [false; 3];
    for r in &rows {
        let Av::Union(k, _) = field(r, "unionField") else {
            panic!("a union")
        };
        seen[*k as usize] = true;
    }
    assert_eq!(seen, [true; 3], "every branch is drawn");
}

#[test]
fn arg_properties_hints_shape_the_values() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/avro/corpus/kafka-connect-datagen");
    let schema = avro_support::import(&dir.join("users_array_map_schema.avsc"));
    let (plan, chunk) = avro_support::generate(&schema, 200, 4);
    let rows = avro_support::check_rows(&plan, &chunk);
    for r in &rows {
        let Av::Long(t) = field(r, "registertime") else {
            panic!("a long")
        };
        assert!(
            (1_487_715_775_521..1_519_273_364_600).contains(t),
            "range: {t}"
        );
        let Av::String(g) = field(r, "gender") else {
            panic!("a string")
        };
        assert!(
            ["MALE", "FEMALE", "OTHER"].contains(&g.as_str()),
            "options: {g}"
        );
        let Av::String(u) = field(r, "userid") else {
            panic!("a string")
        };
        assert!(u.starts_with("User_") && u.len() == 6, "regex: {u}");
        let Av::Array(i) = field(r, "interests") else {
            panic!("an array")
        };
        assert_eq!(i.len(), 2, "an array option is written whole");
        let Av::Map(m) = field(r, "contactinfo") else {
            panic!("a map")
        };
        assert_eq!(m.len(), 4, "a map option is written whole");
    }
    // A root record's options: every row is one of them, whole.
    let schema = avro_support::import(&dir.join("stores.avsc"));
    let (plan, chunk) = avro_support::generate(&schema, 70, 4);
    let rows = avro_support::check_rows(&plan, &chunk);
    for r in &rows {
        let (Av::Int(id), Av::String(city)) = (field(r, "store_id"), field(r, "city")) else {
            panic!("an int and a string")
        };
        let want = [
            "Raleigh",
            "Chicago",
            "Sacramento",
            "Austin",
            "Boston",
            "Atlanta",
            "Lexington",
        ];
        assert_eq!(
            city,
            want[*id as usize - 1],
            "fields of one option stay together"
        );
    }
    // An iteration counts up from its start.
    let schema = avro_support::import(&dir.join("orders_schema.avsc"));
    let (plan, chunk) = avro_support::generate(&schema, 20, 4);
    let rows = avro_support::check_rows(&plan, &chunk);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(field(r, "orderid"), &Av::Int(i as i32));
    }
}

#[test]
fn an_int_iteration_starts_over_at_the_end_of_the_int_range() {
    let text = r#"{"type": "record", "name": "R", "fields": [
        {"name": "up", "type": {"type": "int", "arg.properties": {"iteration": {"start": 2147483645, "step": 2}}}},
        {"name": "down", "type": {"type": "int", "arg.properties": {"iteration": {"start": -2147483647, "step": -1}}}}
    ]}"#;
    let schema = avro::import_text(text, Path::new("it.avsc"), &Options::new()).expect("imports");
    let (plan, chunk) = avro_support::generate(&schema, 6, 1);
    let rows = avro_support::check_rows(&plan, &chunk);
    let up: Vec<&Av> = rows.iter().map(|r| field(r, "up")).collect();
    let down: Vec<&Av> = rows.iter().map(|r| field(r, "down")).collect();
    let (a, b) = (Av::Int(2_147_483_645), Av::Int(2_147_483_647));
    assert_eq!(up, [&a, &b, &a, &b, &a, &b]);
    let (c, d) = (Av::Int(-2_147_483_647), Av::Int(i32::MIN));
    assert_eq!(down, [&c, &d, &c, &d, &c, &d]);
}

#[test]
fn the_same_seed_gives_the_same_rows() {
    let schema = avro_support::import(&data("tree.avsc"));
    let (_, a) = avro_support::generate(&schema, 100, 11);
    let (_, b) = avro_support::generate(&schema, 100, 11);
    let (_, c) = avro_support::generate(&schema, 100, 12);
    assert_eq!(a, b);
    assert_ne!(a, c);
    // Any row range gives the same rows as the whole run.
    let settings = datagen_engine::Settings {
        seed: Some(11),
        rows: Some(100),
        ..Default::default()
    };
    let plan = datagen_engine::Plan::new(&schema, &settings).unwrap();
    let tail = plan.chunk(0, 60..100);
    let Values::Str(labels) = &tail.columns[0].values else {
        panic!("labels")
    };
    let Values::Str(all) = &a.columns[0].values else {
        panic!("labels")
    };
    assert_eq!(labels.get(0), all.get(60));
}

#[test]
fn a_timestamp_range_near_the_end_of_time_stays_in_range() {
    // The last whole second before the bound is past `i64::MAX` microseconds: no overflow.
    let text = r#"{"type": "long", "logicalType": "timestamp-millis", "arg.properties": {"range": {"min": 9223372036854500, "max": 9223372036854700}}}"#;
    let schema = avro::import_text(text, Path::new("ts.avsc"), &Options::new()).expect("imports");
    let (plan, chunk) = avro_support::generate(&schema, 5, 1);
    let rows = avro_support::check_rows(&plan, &chunk);
    assert_eq!(rows.len(), 5);
}
