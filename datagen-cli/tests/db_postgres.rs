//! `datagen generate --to postgresql://...` against a real server (`DATAGEN_TEST_POSTGRES_URL`):
//! each test makes its own database, loads the shop, and checks row counts, refs, values
//! against the CSV of the same seed, a refused row's report and `--resume`.

mod db_common;

use db_common::{
    ORPHANS, TABLES, assert_refused, assert_same, csv_of, datagen, first_quantity_12, select, shop,
    unique_name,
};
use postgres::{Client, NoTls};

/// A database of its own on the test server, dropped at the end.
struct TestDb {
    admin: Client,
    name: String,
    url: String,
}

impl TestDb {
    fn new() -> Option<TestDb> {
        let Ok(base) = std::env::var("DATAGEN_TEST_POSTGRES_URL") else {
            eprintln!(
                "skipped: DATAGEN_TEST_POSTGRES_URL is not set (a PostgreSQL server to load into)"
            );
            return None;
        };
        let mut admin = Client::connect(&base, NoTls).unwrap();
        let name = unique_name("dg_pg");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let (server, _) = base.rsplit_once('/').unwrap();
        Some(TestDb {
            admin,
            url: format!("{server}/{name}"),
            name,
        })
    }

    fn client(&self) -> Client {
        let mut c = Client::connect(&self.url, NoTls).unwrap();
        c.batch_execute("SET TimeZone = 'UTC'").unwrap();
        c
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ = self.admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

fn rows(c: &mut Client, sql: &str) -> Vec<Vec<Option<String>>> {
    c.query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| {
            (0..r.len())
                .map(|i| r.get::<_, Option<String>>(i))
                .collect()
        })
        .collect()
}

fn count(c: &mut Client, sql: &str) -> i64 {
    c.query_one(sql, &[]).unwrap().get(0)
}

fn check_loaded(c: &mut Client, csv: &db_common::Tables) {
    for (table, planned) in TABLES {
        let sql = select(
            table,
            csv,
            '"',
            |q| format!("encode({q}, 'hex')"),
            |q| format!("{q}::text"),
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
fn postgres_load_equals_the_csv_and_keeps_every_ref() {
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
    let mut c = db.client();
    // The server enforces the foreign keys datagen created.
    let fks = count(
        &mut c,
        "SELECT count(*) FROM information_schema.table_constraints \
         WHERE constraint_type = 'FOREIGN KEY' AND table_name IN ('orders', 'order_line')",
    );
    assert_eq!(fks, 3);
    check_loaded(&mut c, &csv_of(&input));
}

#[test]
fn postgres_refused_row_is_reported_and_resume_finishes_the_load() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    let csv = csv_of(&input);
    let first_bad = first_quantity_12(&csv);
    let mut c = db.client();
    c.batch_execute(
        "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, \
         product_id BIGINT NOT NULL, unit_price NUMERIC(10, 2), quantity BIGINT NOT NULL, \
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
    let stderr = String::from_utf8(out).unwrap();
    assert_refused(&stderr, first_bad);
    assert!(stderr.contains("violates check constraint"), "{stderr}");
    assert_eq!(
        count(&mut c, "SELECT count(*) FROM order_line"),
        first_bad as i64
    );
    c.batch_execute("ALTER TABLE order_line DROP CONSTRAINT qty_small")
        .unwrap();
    load(&["--resume"]).success();
    check_loaded(&mut c, &csv);
}
