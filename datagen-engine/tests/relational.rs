//! The relational generators: composite unique keys (`KeyPart`), self-references as trees
//! (`TreeRef`) and length-capped, optionally widened unique strings (`Fit`), checked on the
//! generated rows.

use std::collections::HashSet;

use datagen_engine::ir::{DataType, Entity, Field, Gen, Schema, Span, Value};
use datagen_engine::{Chunk, Plan, Settings, Values};

fn entity(name: &str, rows: u64, fields: Vec<Field>) -> Entity {
    Entity {
        name: name.into(),
        rows,
        fields,
        span: Span::default(),
        document: false,
        avro_schema: None,
    }
}

fn key() -> Field {
    Field::new("id", DataType::Int, Gen::Key { start: 1 })
}

fn part(name: &str, key: &str, of: Gen, ty: DataType) -> Field {
    Field::new(
        name,
        ty,
        Gen::KeyPart {
            key: key.into(),
            of: Box::new(of),
        },
    )
}

fn all(plan: &Plan, e: usize) -> Chunk {
    plan.chunk(e, 0..plan.rows(e))
}

fn ints(chunk: &Chunk, c: usize) -> Vec<Option<i64>> {
    (0..chunk.len).map(|i| chunk.columns[c].int_at(i)).collect()
}

fn strings(chunk: &Chunk, c: usize) -> Vec<String> {
    let Values::Str(s) = &chunk.columns[c].values else {
        panic!("not a string column")
    };
    (0..chunk.len).map(|i| s.get(i).to_string()).collect()
}

fn shop(child_rows: u64) -> Schema {
    Schema {
        entities: vec![
            entity("film", 30, vec![key()]),
            entity("actor", 40, vec![key()]),
            entity(
                "film_actor",
                child_rows,
                vec![
                    part(
                        "film_id",
                        "pk",
                        Gen::Ref {
                            entity: "film".into(),
                            field: "id".into(),
                        },
                        DataType::Int,
                    ),
                    part(
                        "actor_id",
                        "pk",
                        Gen::Ref {
                            entity: "actor".into(),
                            field: "id".into(),
                        },
                        DataType::Int,
                    ),
                    Field::new("rank", DataType::Int, Gen::IntRange { lo: 1, hi: 5 }),
                ],
            ),
        ],
        ..Schema::default()
    }
}

#[test]
fn composite_keys_of_refs_are_distinct_pairs_of_existing_rows() {
    let plan = Plan::new(&shop(1200), &Settings::default()).expect("plan");
    let rows = all(&plan, 2);
    let films = ints(&rows, 0);
    let actors = ints(&rows, 1);
    let pairs: HashSet<_> = films.iter().zip(&actors).collect();
    assert_eq!(pairs.len(), 1200, "every pair is different");
    assert!(films.iter().all(|f| (1..=30).contains(&f.unwrap())));
    assert!(actors.iter().all(|a| (1..=40).contains(&a.unwrap())));
    // Spread over the parents, not bunched at the start.
    assert_eq!(films.iter().collect::<HashSet<_>>().len(), 30);
    // The full product space fits exactly.
    let plan = Plan::new(
        &shop(1200),
        &Settings {
            rows_of: vec![("film_actor".into(), 1200)],
            ..Settings::default()
        },
    )
    .expect("plan");
    assert_eq!(all(&plan, 2).len, 1200);
}

#[test]
fn composite_keys_are_addressable() {
    let plan = Plan::new(&shop(1000), &Settings::default()).expect("plan");
    let whole = all(&plan, 2);
    let tail = plan.chunk(2, 600..1000);
    assert_eq!(ints(&whole, 0)[600..], ints(&tail, 0)[..]);
    assert_eq!(ints(&whole, 1)[600..], ints(&tail, 1)[..]);
}

#[test]
fn a_key_too_small_for_the_rows_names_its_columns() {
    let e = Plan::new(&shop(1201), &Settings::default())
        .err()
        .expect("1201 rows in 1200 pairs")
        .to_string();
    assert!(e.contains("the unique key `pk` (film_id, actor_id) of `film_actor` has 1200 combinations of values, fewer than the 1201 rows"), "{e}");
}

#[test]
fn composite_keys_of_plain_columns() {
    let s = Schema {
        entities: vec![entity(
            "slot",
            4 * 3 * 2,
            vec![
                part("day", "k", Gen::IntRange { lo: 1, hi: 4 }, DataType::Int),
                part(
                    "room",
                    "k",
                    Gen::OneOf {
                        values: vec![
                            Value::Str("a".into()),
                            Value::Str("b".into()),
                            Value::Str("c".into()),
                        ],
                        weights: None,
                    },
                    DataType::String,
                ),
                part("am", "k", Gen::Bool { p: 0.5 }, DataType::Bool),
            ],
        )],
        ..Schema::default()
    };
    let plan = Plan::new(&s, &Settings::default()).expect("plan");
    let rows = all(&plan, 0);
    let Values::Bool(am) = &rows.columns[2].values else {
        panic!("bool column")
    };
    let combos: HashSet<_> = ints(&rows, 0)
        .into_iter()
        .zip(strings(&rows, 1))
        .zip(am.iter().copied())
        .collect();
    assert_eq!(combos.len(), 24, "every combination exactly once");
}

#[test]
fn self_references_form_trees() {
    for nullable in [false, true] {
        let mut parent = Field::new(
            "parent_id",
            DataType::Int,
            Gen::TreeRef { field: "id".into() },
        );
        parent.null_rate = if nullable { 0.1 } else { 0.0 };
        let s = Schema {
            entities: vec![entity("node", 500, vec![key(), parent])],
            ..Schema::default()
        };
        let plan = Plan::new(&s, &Settings::default()).expect("plan");
        let rows = all(&plan, 0);
        let ids = ints(&rows, 0);
        let parents = ints(&rows, 1);
        for (id, p) in ids.iter().zip(&parents) {
            match p {
                Some(p) => assert!(
                    *p < id.unwrap() || (!nullable && id.unwrap() == 1 && *p == 1),
                    "{id:?} -> {p}"
                ),
                None => assert!(nullable),
            }
        }
        assert_eq!(parents[0].is_none(), nullable, "row 0 is a root");
        assert!(
            parents.iter().flatten().collect::<HashSet<_>>().len() > 100,
            "many parents, not a chain"
        );
    }
}

#[test]
fn fit_cuts_to_length_and_widens_unique_values() {
    let pool = Gen::OneOf {
        values: vec![
            Value::Str("jo@example.com".into()),
            Value::Str("a very long name indeed".into()),
        ],
        weights: None,
    };
    let mut unique = Field::new(
        "email",
        DataType::String,
        Gen::Fit {
            of: Box::new(pool.clone()),
            max_chars: 17,
        },
    );
    unique.unique = true;
    let plain = Field::new(
        "name",
        DataType::String,
        Gen::Fit {
            of: Box::new(pool),
            max_chars: 6,
        },
    );
    let s = Schema {
        entities: vec![entity("person", 1000, vec![unique, plain])],
        ..Schema::default()
    };
    let plan = Plan::new(&s, &Settings::default()).expect("plan");
    let rows = all(&plan, 0);
    let emails = strings(&rows, 0);
    assert_eq!(
        emails.iter().collect::<HashSet<_>>().len(),
        1000,
        "two pool values widened to 1000 distinct ones"
    );
    assert!(
        emails.iter().all(|e| e.chars().count() <= 17),
        "{:?}",
        emails.iter().max_by_key(|e| e.len())
    );
    assert!(
        emails
            .iter()
            .any(|e| e.starts_with("jo") && e.ends_with("@example.com")),
        "the number goes before the domain"
    );
    let names = strings(&rows, 1);
    assert!(
        names.iter().all(|n| n == "jo@exa" || n == "a very"),
        "{names:?}"
    );
}

#[test]
fn a_unique_fit_too_narrow_for_the_rows_is_an_error() {
    let mut f = Field::new(
        "code",
        DataType::String,
        Gen::Fit {
            of: Box::new(Gen::Provider("person.first_name".into())),
            max_chars: 2,
        },
    );
    f.unique = true;
    let s = Schema {
        entities: vec![entity("t", 1000, vec![f])],
        ..Schema::default()
    };
    let e = Plan::new(&s, &Settings::default())
        .err()
        .expect("1000 values in 2 characters")
        .to_string();
    assert!(
        e.contains(
            "unique field `code` holds at most 2 characters, too few for 1000 distinct values"
        ),
        "{e}"
    );
}
