//! SQL DDL into the IR: each construct the importer reads, the errors it gives (with file,
//! line and column), and the values the planned schema generates, checked row by row.

mod sql_support;

use std::collections::HashSet;
use std::path::Path;

use datagen_engine::ir::{DataType, Entity, Field, Gen, Value};
use datagen_engine::{Plan, Settings, Values};
use datagen_schema::sql::{self, DEFAULT_ROWS, Dialect};
use sql_support::{ddl, schema};

fn entity<'a>(s: &'a datagen_engine::ir::Schema, name: &str) -> &'a Entity {
    s.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity `{name}`"))
}

fn field<'a>(e: &'a Entity, name: &str) -> &'a Field {
    e.fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field `{}.{name}`", e.name))
}

fn errors(text: &str) -> Vec<String> {
    let (_, diags) = sql::parse(text, Some(Path::new("bad.sql")), Some(Dialect::Postgres));
    diags.iter().map(ToString::to_string).collect()
}

#[test]
fn dialects_are_detected_from_the_text() {
    assert_eq!(sql::detect(&ddl("Chinook_MySql.ddl.sql")), Dialect::Mysql);
    assert_eq!(sql::detect(&ddl("Chinook_Sqlite.ddl.sql")), Dialect::Sqlite);
    assert_eq!(
        sql::detect(&ddl("Chinook_PostgreSql.ddl.sql")),
        Dialect::Postgres
    );
    assert_eq!(
        sql::detect(&ddl("pagila-schema-2024.sql")),
        Dialect::Postgres
    );
}

#[test]
fn tables_come_in_foreign_key_order_with_default_rows() {
    let s = schema("chinook", &ddl("Chinook_PostgreSql.ddl.sql"), None);
    let pos = |n: &str| s.entities.iter().position(|e| e.name == n).unwrap();
    assert!(pos("artist") < pos("album"));
    assert!(pos("album") < pos("track"));
    assert!(pos("track") < pos("invoice_line"));
    assert!(pos("invoice") < pos("invoice_line"));
    assert!(s.entities.iter().all(|e| e.rows == DEFAULT_ROWS));
}

#[test]
fn keys_foreign_keys_and_composite_keys() {
    let s = schema("chinook", &ddl("Chinook_PostgreSql.ddl.sql"), None);
    let album = entity(&s, "album");
    assert_eq!(field(album, "album_id").generator, Gen::Key { start: 1 });
    assert_eq!(
        field(album, "artist_id").generator,
        Gen::Ref {
            entity: "artist".into(),
            field: "artist_id".into()
        }
    );
    let pt = entity(&s, "playlist_track");
    for (col, parent) in [("playlist_id", "playlist"), ("track_id", "track")] {
        match &field(pt, col).generator {
            Gen::KeyPart { key, of } => {
                assert_eq!(key, "playlist_track_pkey");
                assert_eq!(
                    **of,
                    Gen::Ref {
                        entity: parent.into(),
                        field: col.into()
                    }
                );
            }
            other => panic!("{col}: {other:?}"),
        }
    }
    let employee = entity(&s, "employee");
    let reports_to = field(employee, "reports_to");
    assert_eq!(
        reports_to.generator,
        Gen::TreeRef {
            field: "employee_id".into()
        }
    );
    assert!(
        reports_to.null_rate > 0.0,
        "a nullable self-reference has roots"
    );
}

#[test]
fn column_types_lengths_and_names() {
    let s = schema("chinook", &ddl("Chinook_MySql.ddl.sql"), None);
    let customer = entity(&s, "Customer");
    match &field(customer, "Email").generator {
        Gen::Fit { of, max_chars: 60 } => assert_eq!(**of, Gen::Provider("internet.email".into())),
        other => panic!("{other:?}"),
    }
    assert_eq!(field(customer, "Email").null_rate, 0.0, "NOT NULL");
    assert!(field(customer, "Company").null_rate > 0.0, "nullable");
    let invoice = entity(&s, "Invoice");
    assert_eq!(
        field(invoice, "Total").ty,
        DataType::Decimal {
            precision: 10,
            scale: 2
        }
    );
    assert_eq!(field(invoice, "InvoiceDate").ty, DataType::Timestamp);
}

#[test]
fn enums_domains_arrays_and_partitions() {
    let s = schema("pagila", &ddl("pagila-schema-2024.sql"), None);
    let film = entity(&s, "film");
    match &field(film, "rating").generator {
        Gen::OneOf { values, .. } => assert_eq!(values.len(), 5),
        other => panic!("{other:?}"),
    }
    match field(film, "release_year").generator {
        Gen::IntRange { lo, hi } => assert!(lo >= 1901 && hi <= 2155, "{lo}..{hi}"),
        ref other => panic!("{other:?}"),
    }
    assert!(matches!(
        field(film, "special_features").generator,
        Gen::Regex(_)
    ));
    assert!(
        !s.entities.iter().any(|e| e.name.starts_with("payment_p")),
        "partitions are filled through their parent"
    );
    let payment = entity(&s, "payment");
    // 2022-01-01T00:00:00Z up to (not including) 2022-08-01T00:00:00Z.
    assert_eq!(
        field(payment, "payment_date").generator,
        Gen::IntRange {
            lo: 1_640_995_200_000_000,
            hi: 1_659_311_999_000_000
        }
    );
    assert!(
        matches!(field(payment, "customer_id").generator, Gen::Ref { .. }),
        "foreign keys declared on the partitions"
    );
    let rental = entity(&s, "rental");
    assert!(
        matches!(field(rental, "rental_date").generator, Gen::KeyPart { .. }),
        "a unique index over three columns"
    );
}

#[test]
fn check_constraints_shape_values() {
    let s = schema("shop", &ddl("shop.pg.sql"), None);
    let customer = entity(&s, "customer");
    assert_eq!(
        field(customer, "country_code").generator,
        Gen::Regex("[A-Z]{2}".into())
    );
    assert!(
        matches!(field(customer, "age").generator, Gen::IntRange { lo, hi } if lo >= 18 && hi <= 99)
    );
    assert!(
        matches!(&field(customer, "tier").generator, Gen::OneOf { values, .. } if values.len() == 3)
    );
    assert_eq!(
        field(customer, "updated_at").generator,
        Gen::Offset {
            from: "created_at".into(),
            lo: 0,
            hi: 30 * 86_400 * 1_000_000
        }
    );
    let orders = entity(&s, "orders");
    assert!(
        matches!(&field(orders, "shipped_on").generator, Gen::Offset { from, lo: 0, .. } if from == "ordered_on")
    );
    assert_eq!(
        field(orders, "note").generator,
        Gen::Regex(r"N\-[a-z0-9]{0,8}".into())
    );
    let product = entity(&s, "product");
    assert!(
        !product.fields.iter().any(|f| f.name == "price_with_tax"),
        "the database computes generated columns"
    );
    match field(product, "price").generator {
        Gen::IntRange { lo, .. } => assert!(lo >= 1, "price > 0 in cents: {lo}"),
        ref other => panic!("{other:?}"),
    }
    let stock = entity(&s, "stock");
    assert_eq!(
        field(stock, "warehouse").generator,
        Gen::Ref {
            entity: "warehouse_bin".into(),
            field: "warehouse".into()
        }
    );
    assert_eq!(
        field(stock, "bin").generator,
        Gen::Lookup {
            entity: "warehouse_bin".into(),
            field: "bin".into(),
            by: "warehouse".into()
        },
        "a composite foreign key takes every column from one parent row"
    );
    let line = entity(&s, "order_line");
    assert!(
        matches!(&field(line, "line_no").generator, Gen::KeyPart { of, .. } if **of == Gen::IntRange { lo: 1, hi: 50 })
    );
}

#[test]
fn unsupported_checks_are_errors_naming_them() {
    let e = errors(
        "CREATE TABLE t (\n  a int,\n  CONSTRAINT a_lower CHECK (lower(a::text) <> 'x')\n);",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("bad.sql:3:14: CHECK constraint `a_lower` of table `t`"),
        "{}",
        e[0]
    );
}

#[test]
fn unknown_types_and_broken_statements_are_errors_with_their_place() {
    let e = errors("CREATE TABLE t (\n  id int PRIMARY KEY,\n  shape polygon\n);");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("bad.sql:3:3: column `t.shape` has type `polygon`"),
        "{}",
        e[0]
    );
    let e = errors("\n\nCREATE TABLE t (a int,, b int);");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("bad.sql:3:23: cannot parse the `CREATE TABLE t ...` statement"),
        "{}",
        e[0]
    );
    let e = errors("CREATE TABLE t (a int REFERENCES nowhere (id));");
    assert!(e[0].contains("refers to table `nowhere`"), "{}", e[0]);
}

#[test]
fn statements_without_data_shape_are_skipped() {
    let (s, d) = sql::parse(
        "CREATE TABLE t (id serial PRIMARY KEY);\nCREATE VIEW v AS SELECT * FROM t;\nCREATE INDEX i ON t (id);\nGRANT SELECT ON t TO PUBLIC;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
        None,
        Some(Dialect::Postgres),
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(s.entities.len(), 1);
}

#[test]
fn a_composite_key_too_small_for_the_rows_is_an_error_naming_its_columns() {
    let s = schema(
        "small",
        "CREATE TABLE t (a boolean NOT NULL, b smallint NOT NULL CHECK (b BETWEEN 1 AND 3), PRIMARY KEY (a, b));",
        None,
    );
    let settings = Settings {
        rows: Some(7),
        ..Settings::default()
    };
    let e = Plan::new(&s, &settings)
        .err()
        .expect("7 rows cannot fit 6 combinations")
        .to_string();
    assert!(e.contains("the unique key `t_pkey` (a, b) of `t` has 6 combinations of values, fewer than the 7 rows"), "{e}");
    let settings = Settings {
        rows: Some(6),
        ..Settings::default()
    };
    assert!(Plan::new(&s, &settings).is_ok());
}

/// The text of column `c` of a chunk.
fn strings(chunk: &datagen_engine::Chunk, c: usize) -> Vec<Option<String>> {
    let col = &chunk.columns[c];
    let Values::Str(s) = &col.values else {
        panic!("not text")
    };
    (0..chunk.len)
        .map(|i| (!col.is_null(i)).then(|| s.get(i).to_string()))
        .collect()
}

fn ints(chunk: &datagen_engine::Chunk, c: usize) -> Vec<Option<i64>> {
    (0..chunk.len).map(|i| chunk.columns[c].int_at(i)).collect()
}

#[test]
fn generated_rows_keep_every_constraint() {
    let s = schema("shop", &ddl("shop.pg.sql"), None);
    let plan = Plan::new(
        &s,
        &Settings {
            rows: Some(2000),
            // 3 warehouses x 500 bins.
            rows_of: vec![("warehouse_bin".into(), 1500)],
            ..Settings::default()
        },
    )
    .expect("plan");
    let table = |n: &str| {
        let e = plan.entity(n).unwrap();
        let names: Vec<String> = plan
            .table(e)
            .columns
            .iter()
            .map(|c| c.name.clone())
            .collect();
        (plan.chunk(e, 0..plan.rows(e)), names)
    };
    let col = |names: &[String], n: &str| names.iter().position(|x| x == n).unwrap();
    // Unique emails within 60 characters, though the provider's pool repeats.
    let (customers, names) = table("customer");
    let emails = strings(&customers, col(&names, "email"));
    let set: HashSet<_> = emails.iter().collect();
    assert_eq!(set.len(), 2000);
    assert!(
        emails
            .iter()
            .flatten()
            .all(|e| e.chars().count() <= 60 && e.contains('@'))
    );
    let created = ints(&customers, col(&names, "created_at"));
    let updated = ints(&customers, col(&names, "updated_at"));
    assert!(
        created
            .iter()
            .zip(&updated)
            .all(|(c, u)| u.is_none_or(|u| u >= c.unwrap()))
    );
    assert!(updated.iter().any(Option::is_none) && updated.iter().any(Option::is_some));
    // A tree: every parent is an earlier row.
    let (categories, names) = table("category");
    let ids = ints(&categories, col(&names, "id"));
    let parents = ints(&categories, col(&names, "parent_id"));
    assert!(
        ids.iter()
            .zip(&parents)
            .all(|(id, p)| p.is_none_or(|p| p < id.unwrap()))
    );
    assert!(parents.iter().filter(|p| p.is_some()).count() > 1000);
    // Composite keys: distinct pairs, each part an existing parent.
    let (pc, names) = table("product_category");
    let skus = strings(&pc, col(&names, "sku"));
    let cats = ints(&pc, col(&names, "category_id"));
    let pairs: HashSet<_> = skus.iter().zip(&cats).collect();
    assert_eq!(pairs.len(), 2000);
    let (products, pnames) = table("product");
    let known: HashSet<_> = strings(&products, col(&pnames, "sku"))
        .into_iter()
        .collect();
    assert_eq!(known.len(), 2000, "unique SKUs");
    assert!(skus.iter().all(|s| known.contains(s)));
    assert!(cats.iter().all(|c| (1..=2000).contains(&c.unwrap())));
    let (lines, names) = table("order_line");
    let keys: HashSet<_> = ints(&lines, col(&names, "order_id"))
        .into_iter()
        .zip(ints(&lines, col(&names, "line_no")))
        .collect();
    assert_eq!(keys.len(), 2000);
    // A composite foreign key: each (warehouse, bin) pair is one existing bin.
    let (bins, names) = table("warehouse_bin");
    let bin_keys: HashSet<_> = strings(&bins, col(&names, "warehouse"))
        .into_iter()
        .zip(ints(&bins, col(&names, "bin")))
        .collect();
    assert_eq!(bin_keys.len(), 1500, "the whole key space, each once");
    let (stock, names) = table("stock");
    let used: Vec<_> = strings(&stock, col(&names, "warehouse"))
        .into_iter()
        .zip(ints(&stock, col(&names, "bin")))
        .collect();
    assert!(used.iter().all(|k| bin_keys.contains(k)));
    // Values fit their columns.
    let codes = strings(&categories, col(&table("category").1, "code"));
    assert!(codes.iter().flatten().all(|c| c.len() == 4));
    let _ = Value::Null;
}

#[test]
fn the_newest_pagila_reads_but_for_its_vector_column() {
    let text = ddl("pagila-schema.sql");
    let (s, d) = sql::parse(&text, Some(Path::new("pagila-schema.sql")), None);
    let d: Vec<String> = d.iter().map(ToString::to_string).collect();
    assert_eq!(
        d,
        [
            "pagila-schema.sql:505:5: column `film_embedding.embedding` has type `public.vector(20)`, which datagen cannot generate; change the column's type, or generate this table from a datagen config"
        ]
    );
    // PostgreSQL 18 virtual generated columns are computed by the server: left out.
    let film = entity(&s, "film");
    assert!(film.fields.iter().any(|f| f.name == "length"));
    assert!(film.fields.iter().all(|f| f.name != "length_hours"));
    // A unique key over a UUID and the partition column, unique by construction.
    let payment = entity(&s, "payment");
    assert!(
        matches!(&field(payment, "uuid").generator, Gen::KeyPart { of, .. } if **of == Gen::Uuid)
    );
}

#[test]
fn a_table_that_fails_to_parse_is_reported_once() {
    let e = errors(
        "CREATE TABLE parent (id int PRIMARY KEY,, x int);\nCREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));\nALTER TABLE parent ADD CONSTRAINT u UNIQUE (x);",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("bad.sql:1:41: cannot parse the `CREATE TABLE parent ...` statement"),
        "{}",
        e[0]
    );
}

#[test]
fn a_unique_column_too_small_for_the_rows_is_an_error_naming_it() {
    let s = schema(
        "tiny",
        "CREATE TABLE t (id serial PRIMARY KEY, grade char(1) NOT NULL UNIQUE);",
        None,
    );
    let settings = Settings {
        rows: Some(2000),
        ..Settings::default()
    };
    let e = Plan::new(&s, &settings)
        .err()
        .expect("2000 rows cannot be unique in one character")
        .to_string();
    assert!(e.contains("unique field `grade` of `t`"), "{e}");
    assert!(e.contains("fewer than the 2000 rows"), "{e}");
    // A unique text column with room is widened instead: no error for the same row count.
    let s = schema(
        "roomy",
        "CREATE TABLE t (id serial PRIMARY KEY, email varchar(40) NOT NULL UNIQUE);",
        None,
    );
    assert!(Plan::new(&s, &settings).is_ok());
}
