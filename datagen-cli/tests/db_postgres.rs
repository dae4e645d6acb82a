//! `datagen generate --to postgresql://...` against a real server (`DATAGEN_TEST_POSTGRES_URL`):
//! each test makes its own database, loads the shop, and checks row counts, refs, values
//! against the CSV of the same seed, a refused row's report and `--resume`.

mod db_common;

use db_common::{Db, check_loaded, csv_of, load_shop, refuse_fix_resume, shop, unique_name};
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

impl Db for Client {
    const QUOTE: char = '"';

    fn hex(q: &str) -> String {
        format!("encode({q}, 'hex')")
    }

    fn text(q: &str) -> String {
        format!("{q}::text")
    }

    fn rows(&mut self, sql: &str) -> Vec<Vec<Option<String>>> {
        self.query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| r.get::<_, Option<String>>(i))
                    .collect()
            })
            .collect()
    }

    fn count(&mut self, sql: &str) -> u64 {
        let n: i64 = self.query_one(sql, &[]).unwrap().get(0);
        u64::try_from(n).unwrap()
    }
}

#[test]
fn postgres_load_equals_the_csv_and_keeps_every_ref() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    load_shop(&input, &db.url);
    let mut c = db.client();
    // The server enforces the foreign keys datagen created.
    let fks = c.count(
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
    let mut c = db.client();
    c.batch_execute(
        "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, \
         product_id BIGINT NOT NULL, unit_price NUMERIC(10, 2), quantity BIGINT NOT NULL, \
         CONSTRAINT qty_small CHECK (quantity < 12))",
    )
    .unwrap();
    let stderr = refuse_fix_resume(&mut c, &input, &db.url, &csv, |c| {
        c.batch_execute("ALTER TABLE order_line DROP CONSTRAINT qty_small")
            .unwrap();
    });
    assert!(stderr.contains("violates check constraint"), "{stderr}");
}
