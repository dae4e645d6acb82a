//! `datagen generate --to mysql://...` against a real MySQL or MariaDB server
//! (`DATAGEN_TEST_MYSQL_URL`): each test makes its own database, loads the shop, and checks
//! row counts, refs, values against the CSV of the same seed, a refused row's report and
//! `--resume`.

mod db_common;

use db_common::{
    ORPHANS, TABLES, assert_refused, assert_same, csv_of, datagen, first_quantity_12, select, shop,
    unique_name,
};
use mysql::prelude::Queryable;
use mysql::{Conn, Opts, Value};

/// A database of its own on the test server, dropped at the end.
struct TestDb {
    admin: Conn,
    name: String,
    url: String,
}

impl TestDb {
    fn new() -> Option<TestDb> {
        let Ok(base) = std::env::var("DATAGEN_TEST_MYSQL_URL") else {
            eprintln!(
                "skipped: DATAGEN_TEST_MYSQL_URL is not set (a MySQL or MariaDB server to load into)"
            );
            return None;
        };
        let mut admin = Conn::new(Opts::from_url(&base).unwrap()).unwrap();
        let name = unique_name("dg_my");
        admin.query_drop(format!("CREATE DATABASE {name}")).unwrap();
        let (server, _) = base.rsplit_once('/').unwrap();
        Some(TestDb {
            admin,
            url: format!("{server}/{name}"),
            name,
        })
    }

    fn conn(&self) -> Conn {
        let mut c = Conn::new(Opts::from_url(&self.url).unwrap()).unwrap();
        c.query_drop("SET time_zone = '+00:00'").unwrap();
        c
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ = self
            .admin
            .query_drop(format!("DROP DATABASE IF EXISTS {}", self.name));
    }
}

fn rows(c: &mut Conn, sql: &str) -> Vec<Vec<Option<String>>> {
    let result: Vec<mysql::Row> = c.query(sql).unwrap();
    result
        .into_iter()
        .map(|r| {
            r.unwrap()
                .into_iter()
                .map(|v| match v {
                    Value::NULL => None,
                    Value::Bytes(b) => Some(String::from_utf8(b).unwrap()),
                    other => Some(other.as_sql(true).trim_matches('\'').to_string()),
                })
                .collect()
        })
        .collect()
}

fn count(c: &mut Conn, sql: &str) -> u64 {
    c.query_first(sql).unwrap().unwrap()
}

fn check_loaded(c: &mut Conn, csv: &db_common::Tables) {
    for (table, planned) in TABLES {
        let sql = select(
            table,
            csv,
            '`',
            |q| format!("LOWER(HEX({q}))"),
            str::to_string,
        );
        let got = rows(c, &sql);
        assert_eq!(got.len() as u64, planned, "{table}");
        assert_same(table, csv, &got);
    }
    for sql in ORPHANS {
        assert_eq!(count(c, sql), 0, "{sql}");
    }
}

#[test]
fn mysql_load_equals_the_csv_and_keeps_every_ref() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    let url = db.url.clone();
    datagen(&[
        "generate",
        input.to_str().unwrap(),
        "--to",
        &url,
        "--progress",
        "none",
    ])
    .args([
        "--chunk-rows",
        "128",
        "--commit-rows",
        "500",
        "--threads",
        "2",
    ])
    .assert()
    .success();
    let mut c = db.conn();
    let fks = count(
        &mut c,
        "SELECT COUNT(*) FROM information_schema.table_constraints \
         WHERE constraint_type = 'FOREIGN KEY' AND table_schema = DATABASE()",
    );
    assert_eq!(fks, 3);
    check_loaded(&mut c, &csv_of(&input));
}

#[test]
fn mysql_refused_row_is_reported_and_resume_finishes_the_load() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    let csv = csv_of(&input);
    let first_bad = first_quantity_12(&csv);
    let mut c = db.conn();
    c.query_drop(
        "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, \
         product_id BIGINT NOT NULL, unit_price DECIMAL(10, 2), quantity BIGINT NOT NULL, \
         CONSTRAINT qty_small CHECK (quantity < 12))",
    )
    .unwrap();
    let url = db.url.clone();
    let load = |extra: &[&str]| {
        datagen(&[
            "generate",
            input.to_str().unwrap(),
            "--to",
            &url,
            "--progress",
            "none",
        ])
        .args(["--chunk-rows", "16", "--commit-rows", "40"])
        .args(extra)
        .assert()
    };
    let out = load(&[]).failure().get_output().stderr.clone();
    assert_refused(&String::from_utf8(out).unwrap(), first_bad);
    assert_eq!(count(&mut c, "SELECT COUNT(*) FROM order_line"), first_bad);
    c.query_drop("ALTER TABLE order_line DROP CONSTRAINT qty_small")
        .unwrap();
    load(&["--resume"]).success();
    check_loaded(&mut c, &csv);
}
