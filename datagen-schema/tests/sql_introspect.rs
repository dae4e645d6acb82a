//! Live introspection of PostgreSQL and MariaDB databases compared with the DDL that made them:
//! the DDL is run in a fresh database, the catalog is read back, and the schema must equal
//! the one parsed from the DDL file, entity by entity and field by field (names, types,
//! generators, null rates, uniqueness), but for the differences each test lists with its
//! reason. The introspected schema's rows, as `--format sql` INSERT text, must then load into a
//! second fresh database made from the same DDL with every constraint enforced. Runs when
//! `DATAGEN_TEST_POSTGRES_URL` / `DATAGEN_TEST_MYSQL_URL` are set.

mod sql_support;

use datagen_engine::ir::{Entity, Schema};
use datagen_schema::sql::introspect::introspect;
use datagen_schema::sql::{DEFAULT_ROWS, Dialect};
use datagen_sinks::SqlDialect;
use sql_support::*;

/// The differences found and each loaded table's row count.
type RoundTrip = (Vec<String>, Vec<(String, u64)>);

/// Every difference between the parsed and the introspected schema, one line each.
fn differences(parsed: &Schema, live: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    let names = |s: &Schema| {
        s.entities
            .iter()
            .map(|e| e.name.clone())
            .collect::<Vec<_>>()
    };
    let (mut a, mut b) = (names(parsed), names(live));
    a.sort();
    b.sort();
    if a != b {
        out.push(format!("tables: {a:?} != {b:?}"));
    }
    for e in &parsed.entities {
        let Some(l) = live.entities.iter().find(|l| l.name == e.name) else {
            continue;
        };
        entity_differences(e, l, &mut out);
    }
    out
}

fn entity_differences(e: &Entity, l: &Entity, out: &mut Vec<String>) {
    let t = &e.name;
    let fields = |x: &Entity| x.fields.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    if fields(e) != fields(l) {
        out.push(format!("{t}: fields {:?} != {:?}", fields(e), fields(l)));
    }
    if e.rows != l.rows {
        out.push(format!("{t}: rows {} != {}", e.rows, l.rows));
    }
    for f in &e.fields {
        let Some(g) = l.fields.iter().find(|g| g.name == f.name) else {
            continue;
        };
        let n = &f.name;
        if f.ty != g.ty {
            out.push(format!("{t}.{n}: type {:?} != {:?}", f.ty, g.ty));
        }
        if f.generator != g.generator {
            out.push(format!(
                "{t}.{n}: generator {:?} != {:?}",
                f.generator, g.generator
            ));
        }
        if f.null_rate != g.null_rate {
            out.push(format!(
                "{t}.{n}: null rate {} != {}",
                f.null_rate, g.null_rate
            ));
        }
        if (f.unique, f.hidden) != (g.unique, g.hidden) {
            out.push(format!(
                "{t}.{n}: unique/hidden {:?} != {:?}",
                (f.unique, f.hidden),
                (g.unique, g.hidden)
            ));
        }
    }
}

/// The schema read live from `url`, or every problem found reading it.
fn live(url: &str) -> Result<Schema, String> {
    let (schema, diags) = introspect(url).map_err(|e| format!("introspect: {e}"))?;
    if diags.is_empty() {
        Ok(schema)
    } else {
        Err(diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

/// Runs `name` in a fresh PostgreSQL database, introspects it, compares, loads the generated
/// rows into a second fresh database and returns (differences, per-table row counts).
fn postgres_round_trip(name: &str, prefix: &str) -> Option<RoundTrip> {
    let url = server("DATAGEN_TEST_POSTGRES_URL")?;
    let text = ddl(name);
    let ddl_text = without_database_statements(&text);
    let parsed = schema(name, &text, Some(Dialect::Postgres));
    let (admin, mut client, db) = pg_fresh(&url, prefix);
    client
        .batch_execute(&ddl_text)
        .unwrap_or_else(|e| panic!("{name} DDL: {e}"));
    let live = live(&database_url(&url, &db));
    pg_drop(admin, client, &db);
    let live = live.unwrap_or_else(|e| panic!("{name}: {e}"));
    let diffs = differences(&parsed, &live);

    let files = sql_files(&live, SqlDialect::Postgres, None);
    let (admin, mut client, db) = pg_fresh(&url, prefix);
    client
        .batch_execute(&ddl_text)
        .unwrap_or_else(|e| panic!("{name} DDL: {e}"));
    let counts = pg_load(&mut client, name, &files);
    pg_drop(admin, client, &db);
    Some((diffs, counts))
}

#[test]
fn chinook_postgres_introspects_like_its_ddl_and_loads() {
    let Some((diffs, counts)) = postgres_round_trip("Chinook_PostgreSql.ddl.sql", "ichinook")
    else {
        return;
    };
    assert_eq!(diffs, Vec::<String>::new());
    assert_eq!(counts.len(), 11);
    assert!(counts.iter().all(|(_, n)| *n == DEFAULT_ROWS));
}

#[test]
fn pagila_postgres_introspects_like_its_ddl_and_loads() {
    let Some((diffs, counts)) = postgres_round_trip("pagila-schema-2024.sql", "ipagila") else {
        return;
    };
    assert_eq!(diffs, Vec::<String>::new());
    // The seven payment partitions are filled through `payment`.
    assert_eq!(counts.len(), 15);
}

#[test]
fn northwind_postgres_introspects_like_its_ddl_and_loads() {
    let Some((diffs, counts)) = postgres_round_trip("northwind.ddl.sql", "inorthwind") else {
        return;
    };
    assert_eq!(diffs, Vec::<String>::new());
    assert_eq!(counts.len(), 14);
}

#[test]
fn own_shop_schema_postgres_introspects_like_its_ddl_and_loads() {
    // Enum type, domain with a check, identity, serial and stored generated columns, arrays,
    // jsonb, a self-reference, composite keys and foreign keys, and CHECKs of every kind: the
    // server deparses `IN (...)` as `= ANY (ARRAY[...])` and `LIKE` as `~~`, read back as such.
    let Some((diffs, counts)) = postgres_round_trip("shop.pg.sql", "ishop") else {
        return;
    };
    assert_eq!(diffs, Vec::<String>::new());
    assert_eq!(counts.len(), 8);
}

/// Runs `name` in a fresh MariaDB/MySQL database, introspects it, compares, loads the
/// generated rows (foreign key checks off in the load session when `checks_off`, for a cycle
/// of NOT NULL keys, then every key checked by a query) into a second fresh database.
fn mysql_round_trip(name: &str, prefix: &str, checks_off: bool) -> Option<RoundTrip> {
    let url = server("DATAGEN_TEST_MYSQL_URL")?;
    let text = ddl(name);
    let parsed = schema(name, &text, Some(Dialect::Mysql));
    let (mut conn, db) = my_fresh(&url, prefix);
    mysql_run_ddl(&mut conn, &db, name, &text);
    let live = live(&database_url(&url, &db));
    my_drop(conn, &db);
    let live = live.unwrap_or_else(|e| panic!("{name}: {e}"));
    let diffs = differences(&parsed, &live);

    let files = sql_files(&live, SqlDialect::Mysql, None);
    let (mut conn, db) = my_fresh(&url, prefix);
    mysql_run_ddl(&mut conn, &db, name, &text);
    let counts = mysql_load(&mut conn, &db, name, &files, checks_off);
    my_drop(conn, &db);
    Some((diffs, counts))
}

#[test]
fn chinook_mariadb_introspects_like_its_ddl_and_loads() {
    let Some((diffs, counts)) = mysql_round_trip("Chinook_MySql.ddl.sql", "ichinook", false) else {
        return;
    };
    assert_eq!(diffs, Vec::<String>::new());
    assert_eq!(counts.len(), 11);
}

#[test]
fn sakila_mariadb_introspects_like_its_ddl_and_loads() {
    let Some((diffs, counts)) = mysql_round_trip("mysql-sakila-schema.sql", "isakila", true) else {
        return;
    };
    // Sakila's `UNIQUE KEY (rental_date, inventory_id, customer_id)` has no name: the DDL
    // importer names it after its columns, MariaDB after its first column. Only the key's
    // name (which keys its bijection) differs; both keep the three columns unique together.
    let expected: Vec<String> = [
        ("rental_date", "IntRange { lo: 1420070400000000, hi: 1767139200000000 }"),
        ("inventory_id", "Ref { entity: \"inventory\", field: \"inventory_id\" }"),
        ("customer_id", "Ref { entity: \"customer\", field: \"customer_id\" }"),
    ]
    .iter()
    .map(|(c, of)| {
        format!(
            "rental.{c}: generator KeyPart {{ key: \"rental_date_inventory_id_customer_id\", of: {of} }} \
             != KeyPart {{ key: \"rental_date\", of: {of} }}"
        )
    })
    .collect();
    assert_eq!(diffs, expected);
    assert_eq!(counts.len(), 16);
}

#[test]
fn own_shop_schema_mariadb_introspects_like_its_ddl_and_loads() {
    // ENUM, SET, BOOLEAN (stored as TINYINT(1)), JSON (stored by MariaDB as LONGTEXT with a
    // `json_valid` check), a stored generated column, a self-reference, composite keys and
    // foreign keys, and CHECKs read back from MariaDB's own spelling of them.
    let Some((diffs, counts)) = mysql_round_trip("shop.my.sql", "ishop", false) else {
        return;
    };
    assert_eq!(diffs, Vec::<String>::new());
    assert_eq!(counts.len(), 6);
}
