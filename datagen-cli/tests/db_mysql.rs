//! `datagen generate --to mysql://...` against a real MySQL or MariaDB server
//! (`DATAGEN_TEST_MYSQL_URL`): each test makes its own database, loads the shop, and checks
//! row counts, refs, values against the CSV of the same seed, a refused row's report and
//! `--resume`.

mod db_common;

use db_common::{Db, check_loaded, csv_of, load_shop, refuse_fix_resume, shop, unique_name};
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

impl Db for Conn {
    const QUOTE: char = '`';

    fn hex(q: &str) -> String {
        format!("LOWER(HEX({q}))")
    }

    fn rows(&mut self, sql: &str) -> Vec<Vec<Option<String>>> {
        let result: Vec<mysql::Row> = self.query(sql).unwrap();
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

    fn count(&mut self, sql: &str) -> u64 {
        self.query_first(sql).unwrap().unwrap()
    }
}

#[test]
fn mysql_load_equals_the_csv_and_keeps_every_ref() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    load_shop(&input, &db.url);
    let mut c = db.conn();
    let fks = c.count(
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
    let mut c = db.conn();
    c.query_drop(
        "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, \
         product_id BIGINT NOT NULL, unit_price DECIMAL(10, 2), quantity BIGINT NOT NULL, \
         CONSTRAINT qty_small CHECK (quantity < 12))",
    )
    .unwrap();
    refuse_fix_resume(&mut c, &input, &db.url, &csv, |c| {
        c.query_drop("ALTER TABLE order_line DROP CONSTRAINT qty_small")
            .unwrap();
    });
}
