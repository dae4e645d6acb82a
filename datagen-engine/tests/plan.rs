//! Plans: values agree with the derive's, any chunking gives the same rows, refs and lookups
//! resolve, and bad schemas are reported.

use datagen::prelude::*;
use datagen_engine::ir::{DataType, Dist, Entity, Field, Gen, Schema, Span, Value};
use datagen_engine::{Plan, Settings, Values};

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: String,
    #[datagen(provider = "person.last_name")]
    last_name: String,
    #[datagen(template = "{first_name}.{last_name}@example.com")]
    email: String,
    #[datagen(range = 18..=90)]
    age: i64,
    #[datagen(normal(mean = 100.0, std_dev = 15.0))]
    score: f64,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
    tier: String,
    #[datagen(provider = "person.first_name", null_rate = 0.25)]
    nickname: Option<String>,
    active: bool,
    uid: uuid::Uuid,
}

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "purchase")]
struct Purchase {
    #[datagen(key)]
    id: u64,
    #[datagen(ref = Customer::id)]
    customer_id: u64,
    #[datagen(lookup = Customer::email, by = customer_id)]
    email: String,
    #[datagen(range = 1.0..500.0)]
    amount: f64,
}

fn field(name: &str, ty: DataType, generator: Gen) -> Field {
    Field::new(name, ty, generator)
}

fn schema() -> Schema {
    let s = |v: &str| Value::Str(v.to_string());
    let mut nickname = field(
        "nickname",
        DataType::String,
        Gen::Provider("person.first_name".into()),
    );
    nickname.null_rate = 0.25;
    Schema {
        seed: Some(42),
        entities: vec![
            Entity {
                name: "customer".into(),
                rows: 100,
                span: Span::default(),
                document: false,
                avro_schema: None,
                fields: vec![
                    field("id", DataType::Int, Gen::Key { start: 1 }),
                    field(
                        "first_name",
                        DataType::String,
                        Gen::Provider("person.first_name".into()),
                    ),
                    field(
                        "last_name",
                        DataType::String,
                        Gen::Provider("person.last_name".into()),
                    ),
                    field(
                        "email",
                        DataType::String,
                        Gen::Template("{first_name}.{last_name}@example.com".into()),
                    ),
                    field("age", DataType::Int, Gen::IntRange { lo: 18, hi: 90 }),
                    field(
                        "score",
                        DataType::Float,
                        Gen::Dist {
                            dist: Dist::Normal {
                                mean: 100.0,
                                std_dev: 15.0,
                            },
                            clamp: None,
                        },
                    ),
                    field(
                        "code",
                        DataType::String,
                        Gen::Regex("[A-Z]{2}-[0-9]{6}".into()),
                    ),
                    field(
                        "tier",
                        DataType::String,
                        Gen::OneOf {
                            values: vec![s("gold"), s("silver"), s("bronze")],
                            weights: Some(vec![1.0, 3.0, 6.0]),
                        },
                    ),
                    nickname,
                    field("active", DataType::Bool, Gen::Bool { p: 0.5 }),
                    field("uid", DataType::Uuid, Gen::Uuid),
                ],
            },
            Entity {
                name: "purchase".into(),
                rows: 300,
                span: Span::default(),
                document: false,
                avro_schema: None,
                fields: vec![
                    field("id", DataType::Int, Gen::Key { start: 1 }),
                    field(
                        "customer_id",
                        DataType::Int,
                        Gen::Ref {
                            entity: "customer".into(),
                            field: "id".into(),
                        },
                    ),
                    field(
                        "email",
                        DataType::String,
                        Gen::Lookup {
                            entity: "customer".into(),
                            field: "email".into(),
                            by: "customer_id".into(),
                        },
                    ),
                    field(
                        "amount",
                        DataType::Float,
                        Gen::FloatRange { lo: 1.0, hi: 500.0 },
                    ),
                ],
            },
        ],
        ..Schema::default()
    }
}

#[test]
fn config_fields_draw_what_derived_fields_draw() {
    let plan = Plan::new(&schema(), &Settings::default()).expect("valid");
    let ctx = Ctx::seeded(42).with_count::<Customer>(100);
    let chunk = plan.chunk(0, 0..100);
    for row in 0..100usize {
        let c = Customer::generate_at(&ctx, row as u64);
        let cols = &chunk.columns;
        let str_at = |i: usize| match &cols[i].values {
            Values::Str(s) => s.get(row).to_string(),
            other => panic!("not strings: {other:?}"),
        };
        let Values::Int(ids) = &cols[0].values else {
            panic!()
        };
        assert_eq!(ids[row], c.id as i64);
        assert_eq!(str_at(1), c.first_name);
        assert_eq!(str_at(2), c.last_name);
        assert_eq!(str_at(3), c.email);
        let Values::Int(age) = &cols[4].values else {
            panic!()
        };
        assert_eq!(age[row], c.age);
        let Values::Float(score) = &cols[5].values else {
            panic!()
        };
        assert_eq!(score[row], c.score);
        assert_eq!(str_at(6), c.code);
        assert_eq!(str_at(7), c.tier);
        assert_eq!(cols[8].is_null(row), c.nickname.is_none(), "row {row}");
        if let Some(n) = &c.nickname {
            assert_eq!(&str_at(8), n);
        }
        let Values::Bool(active) = &cols[9].values else {
            panic!()
        };
        assert_eq!(active[row], c.active);
        let Values::Uuid(uid) = &cols[10].values else {
            panic!()
        };
        assert_eq!(uid[row], c.uid.as_u128());
    }
}

#[test]
fn refs_and_lookups_agree_with_the_derive() {
    let plan = Plan::new(&schema(), &Settings::default()).expect("valid");
    let ctx = Ctx::seeded(42)
        .with_count::<Customer>(100)
        .with_count::<Purchase>(300);
    let chunk = plan.chunk(1, 0..300);
    let Values::Int(ids) = &chunk.columns[1].values else {
        panic!()
    };
    let Values::Str(emails) = &chunk.columns[2].values else {
        panic!()
    };
    let Values::Float(amounts) = &chunk.columns[3].values else {
        panic!()
    };
    for row in 0..300usize {
        let p = Purchase::generate_at(&ctx, row as u64);
        assert_eq!(ids[row], p.customer_id as i64);
        assert_eq!(emails.get(row), p.email);
        assert_eq!(amounts[row], p.amount);
        let parent = Customer::generate_at(&ctx, p.customer_id - 1);
        assert_eq!(emails.get(row), parent.email);
    }
}

#[test]
fn any_chunking_gives_the_same_rows() {
    let plan = Plan::new(&schema(), &Settings::default()).expect("valid");
    let whole = plan.chunk(0, 0..100);
    let a = plan.chunk(0, 0..37);
    let b = plan.chunk(0, 37..100);
    let rows: Vec<usize> = (37..100).collect();
    assert_eq!(whole.take(&rows).columns, b.columns);
    let first: Vec<usize> = (0..37).collect();
    assert_eq!(whole.take(&first).columns, a.columns);
}

#[test]
fn another_seed_gives_other_values() {
    let a = Plan::new(&schema(), &Settings::default())
        .expect("valid")
        .chunk(0, 0..20);
    let settings = Settings {
        seed: Some(43),
        ..Settings::default()
    };
    let b = Plan::new(&schema(), &settings)
        .expect("valid")
        .chunk(0, 0..20);
    assert_ne!(a.columns[1], b.columns[1]);
    assert_eq!(a.columns[0], b.columns[0], "keys do not depend on the seed");
}

#[test]
fn unique_integer_ranges_never_repeat() {
    let mut s = schema();
    let mut f = field("badge", DataType::Int, Gen::IntRange { lo: 1000, hi: 1099 });
    f.unique = true;
    s.entities[0].fields.push(f);
    let plan = Plan::new(&s, &Settings::default()).expect("valid");
    let chunk = plan.chunk(0, 0..100);
    let Values::Int(v) = &chunk.columns[11].values else {
        panic!()
    };
    let mut sorted = v.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1000..1100).collect::<Vec<i64>>());
    // One more row than the domain holds is an error naming the field.
    let settings = Settings {
        rows_of: vec![("customer".into(), 101)],
        ..Settings::default()
    };
    let err = Plan::new(&s, &settings).err().expect("domain too small");
    assert!(err.to_string().contains("badge"), "{err}");
}

#[test]
fn problems_are_all_reported() {
    let mut s = schema();
    s.entities[0].fields[1].generator = Gen::Provider("person.frist_name".into());
    s.entities[0].fields[1].span = Span::at(7, 9);
    s.entities[1].fields[1].generator = Gen::Ref {
        entity: "custmer".into(),
        field: "id".into(),
    };
    s.entities[1].fields[1].span = Span::at(20, 7);
    s.entities[0].fields[3].generator = Gen::Template("{nope}".into());
    let err = Plan::new(&s, &Settings::default()).err().expect("invalid");
    let text = err.to_string();
    assert!(
        text.contains(
            "7:9: unknown provider `person.frist_name`; did you mean `person.first_name`?"
        ),
        "{text}"
    );
    assert!(text.contains("did you mean `customer`?"), "{text}");
    assert!(text.contains("`nope`"), "{text}");
}

#[test]
fn template_cycles_are_errors() {
    let mut s = schema();
    s.entities[0].fields[1].generator = Gen::Template("{email}".into());
    let err = Plan::new(&s, &Settings::default()).err().expect("cycle");
    assert!(err.to_string().contains("cycle"), "{err}");
}
