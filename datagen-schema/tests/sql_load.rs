//! SQL DDL in, rows out, loaded into real databases with every constraint enforced: the
//! schema's own DDL is executed first, then the generated `--format sql` INSERT text, then the
//! row counts are queried. SQLite always runs; PostgreSQL and MySQL/MariaDB when
//! `DATAGEN_TEST_POSTGRES_URL` / `DATAGEN_TEST_MYSQL_URL` are set.

mod sql_support;

use datagen_schema::sql::{DEFAULT_ROWS, Dialect};
use datagen_sinks::SqlDialect;
use sql_support::*;

/// Loads `name` into a fresh PostgreSQL database and checks every table's row count; `verify`
/// queries must each return 0.
fn load_postgres(name: &str, prefix: &str) -> Vec<(String, u64)> {
    load_postgres_verified(name, prefix, &[])
}

fn load_postgres_verified(name: &str, prefix: &str, verify: &[&str]) -> Vec<(String, u64)> {
    let Some(url) = server("DATAGEN_TEST_POSTGRES_URL") else {
        return Vec::new();
    };
    let text = ddl(name);
    let schema = schema(name, &text, Some(Dialect::Postgres));
    let files = sql_files(&schema, SqlDialect::Postgres, None);
    let (admin, mut client, db) = pg_fresh(&url, prefix);
    client
        .batch_execute(&without_database_statements(&text))
        .unwrap_or_else(|e| panic!("{name} DDL: {e}"));
    let counts = pg_load(&mut client, name, &files);
    for q in verify {
        let n: i64 = client
            .query_one(&format!("SELECT ({q})::bigint"), &[])
            .unwrap_or_else(|e| panic!("{q}: {e}"))
            .get(0);
        assert_eq!(n, 0, "{name}: {q}");
    }
    pg_drop(admin, client, &db);
    counts
}

#[test]
fn chinook_postgres_loads_with_every_constraint() {
    let counts = load_postgres("Chinook_PostgreSql.ddl.sql", "chinook");
    if !counts.is_empty() {
        assert_eq!(counts.len(), 11);
        assert!(counts.iter().all(|(_, n)| *n == DEFAULT_ROWS));
    }
}

#[test]
fn northwind_postgres_loads_with_every_constraint() {
    let counts = load_postgres("northwind.ddl.sql", "northwind");
    if !counts.is_empty() {
        assert_eq!(counts.len(), 14);
    }
}

#[test]
fn pagila_postgres_loads_with_every_constraint() {
    let counts = load_postgres("pagila-schema-2024.sql", "pagila");
    if !counts.is_empty() {
        // The seven payment partitions are filled through `payment`, not as tables of their own.
        assert_eq!(counts.len(), 15);
        assert!(counts.iter().any(|(t, _)| t == "payment"));
    }
}

#[test]
fn own_shop_schema_postgres_loads_with_every_constraint() {
    let counts = load_postgres_verified(
        "shop.pg.sql",
        "shop",
        &[
            // Self-references form a tree: parents are earlier rows, so no cycles.
            "SELECT count(*) FROM category WHERE parent_id >= id",
            // Some categories are roots and some are children.
            "SELECT CASE WHEN count(parent_id) > 0 AND count(*) > count(parent_id) THEN 0 ELSE 1 END FROM category",
            // Nullable columns get some nulls, and dates after others where the check says so.
            "SELECT CASE WHEN count(shipped_on) < count(*) AND count(shipped_on) > 0 THEN 0 ELSE 1 END FROM orders",
            // Every enum label appears.
            "SELECT 4 - count(DISTINCT status) FROM orders",
        ],
    );
    if !counts.is_empty() {
        assert_eq!(counts.len(), 8);
    }
}

/// Loads `name` into a fresh MySQL/MariaDB database in strict mode and checks every table's row
/// count; with `checks_off`, foreign key checks are off in the load session (for a cycle of
/// NOT NULL foreign keys) and every foreign key is checked by a query afterwards.
fn load_mysql(name: &str, prefix: &str, checks_off: bool) -> Vec<(String, u64)> {
    let Some(url) = server("DATAGEN_TEST_MYSQL_URL") else {
        return Vec::new();
    };
    let text = ddl(name);
    let schema = schema(name, &text, None);
    let files = sql_files(&schema, SqlDialect::Mysql, None);
    let (mut conn, db) = my_fresh(&url, prefix);
    mysql_run_ddl(&mut conn, &db, name, &text);
    let counts = mysql_load(&mut conn, &db, name, &files, checks_off);
    my_drop(conn, &db);
    counts
}

#[test]
fn chinook_mysql_loads_with_every_constraint() {
    let counts = load_mysql("Chinook_MySql.ddl.sql", "chinook", false);
    if !counts.is_empty() {
        assert_eq!(counts.len(), 11);
    }
}

#[test]
fn sakila_mysql_loads_with_its_store_staff_cycle_checked_after() {
    // `store.manager_staff_id` and `staff.store_id` refer to each other, both NOT NULL: no order
    // of inserts satisfies both, so the load session defers the checks and a query checks
    // every foreign key afterwards.
    let counts = load_mysql("mysql-sakila-schema.sql", "sakila", true);
    if !counts.is_empty() {
        assert_eq!(counts.len(), 16);
    }
}

/// Loads `name` into an in-memory SQLite database with foreign keys on; every table's row
/// count is checked and `PRAGMA foreign_key_check` must find nothing.
fn load_sqlite(name: &str) -> Vec<(String, u64)> {
    let text = ddl(name);
    let schema = schema(name, &text, None);
    let files = sql_files(&schema, SqlDialect::Sqlite, None);
    let db = rusqlite::Connection::open_in_memory().expect("an in-memory database");
    db.execute_batch("PRAGMA foreign_keys = ON")
        .expect("enforce foreign keys");
    db.execute_batch(&text)
        .unwrap_or_else(|e| panic!("{name} DDL: {e}"));
    let mut counts = Vec::new();
    for (table, rows, sql) in &files {
        db.execute_batch(sql)
            .unwrap_or_else(|e| panic!("{name}: loading `{table}`: {e}"));
        let n: i64 = db
            .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })
            .expect("count");
        assert_eq!(n as u64, *rows, "{name}: rows of `{table}`");
        counts.push((table.clone(), *rows));
    }
    let violations: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign key check");
    assert_eq!(violations, 0);
    let has_category: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'category'",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    if has_category > 0 {
        let later: i64 = db
            .query_row(
                "SELECT count(*) FROM category WHERE parent_id >= id",
                [],
                |r| r.get(0),
            )
            .expect("tree");
        assert_eq!(later, 0, "self-references point at earlier rows");
    }
    counts
}

#[test]
fn chinook_sqlite_loads_with_foreign_keys_on() {
    assert_eq!(load_sqlite("Chinook_Sqlite.ddl.sql").len(), 11);
}

#[test]
fn own_shop_schema_sqlite_loads_with_checks_and_keys_enforced() {
    let counts = load_sqlite("shop.sqlite.sql");
    assert_eq!(counts.len(), 4);
    assert!(counts.iter().all(|(_, n)| *n == DEFAULT_ROWS));
}
