//! `datagen generate --to mysql://...` against a real MySQL or MariaDB server
//! (`DATAGEN_TEST_MYSQL_URL`): each test makes its own database, loads the shop, and checks
//! row counts, refs, values against the CSV of the same seed, a refused row's report and
//! `--resume`; Sakila (with its `address.location` point) created with its own DDL and its
//! `store`/`staff` cycle loaded with `FOREIGN_KEY_CHECKS = 0`, and points in the SQL format.

mod db_common;

use db_common::{
    Db, check_loaded, csv_of, ddl_file, fixture, generate_into, load, load_shop, refuse_fix_resume,
    shop, stderr_of, unique_name,
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

    fn run(&mut self, sql: &str) {
        self.query_drop(sql).unwrap();
    }
}

#[test]
fn mysql_tables_of_another_shape_are_refused_or_dropped_whole() {
    let Some(db) = TestDb::new() else { return };
    db_common::other_shapes(&mut db.conn(), &db.url, "mysql");
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

/// Sakila as its later versions have it: `address.location`, a `GEOMETRY` with a spatial index.
fn sakila_with_location(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(ddl_file("mysql-sakila-schema.sql")).unwrap();
    let text = text
        .replacen(
            "  phone VARCHAR(20) NOT NULL,\n",
            "  phone VARCHAR(20) NOT NULL,\n  location GEOMETRY NOT NULL,\n",
            1,
        )
        .replacen(
            "  KEY idx_fk_city_id (city_id),\n",
            "  KEY idx_fk_city_id (city_id),\n  SPATIAL KEY idx_location (location),\n",
            1,
        );
    assert!(text.contains("SPATIAL KEY idx_location"));
    let path = dir.join("sakila.sql");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn mysql_sakila_loads_with_its_own_ddl_its_cycle_and_its_points() {
    let Some(db) = TestDb::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let sakila = sakila_with_location(dir.path());
    let stderr = stderr_of(load(&sakila, &db.url, &["--rows", "200"]).success());
    assert!(stderr.contains("with the input's own DDL"), "{stderr}");
    assert!(
        stderr.contains("the foreign-key cycle `staff` → `store` (`fk_staff_store`) → `staff` (`fk_store_staff`) was loaded with `FOREIGN_KEY_CHECKS = 0`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`fk_store_staff` 0 rows without a parent"),
        "{stderr}"
    );
    let mut c = db.conn();
    // Every foreign key of the file exists, by its own name.
    let text = std::fs::read_to_string(&sakila).unwrap();
    let fks = c.count(
        "SELECT COUNT(*) FROM information_schema.table_constraints \
         WHERE constraint_type = 'FOREIGN KEY' AND table_schema = DATABASE()",
    );
    assert_eq!(fks, text.matches("FOREIGN KEY").count() as u64);
    for sql in [
        "SELECT COUNT(*) FROM store s LEFT JOIN staff m ON m.staff_id = s.manager_staff_id WHERE m.staff_id IS NULL",
        "SELECT COUNT(*) FROM staff s LEFT JOIN store t ON t.store_id = s.store_id WHERE t.store_id IS NULL",
    ] {
        assert_eq!(c.count(sql), 0, "{sql}");
    }
    assert_eq!(
        c.count("SELECT COUNT(*) FROM address WHERE ST_GeometryType(location) = 'POINT' AND ST_X(location) BETWEEN -180 AND 180 AND ST_Y(location) BETWEEN -90 AND 90"),
        200
    );
    // AUTO_INCREMENT went past the keys loaded.
    c.query_drop("INSERT INTO actor (first_name, last_name) VALUES ('NEW', 'ACTOR')")
        .unwrap();
    assert_eq!(c.count("SELECT LAST_INSERT_ID()"), 201);
}

#[test]
fn mysql_config_cycle_and_sql_format_points() {
    let Some(db) = TestDb::new() else { return };
    let input = fixture("db_cycle.yaml");
    let stderr = stderr_of(load(&input, &db.url, &[]).success());
    assert!(
        stderr.contains("created `store`, `staff` from the input's fields"),
        "{stderr}"
    );
    assert!(stderr.contains("FOREIGN_KEY_CHECKS = 0"), "{stderr}");
    let mut c = db.conn();
    assert_eq!(
        c.count("SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND constraint_type IN ('UNIQUE', 'FOREIGN KEY', 'PRIMARY KEY')"),
        6
    );
    assert_eq!(
        c.count("SELECT COUNT(*) FROM store WHERE ST_X(site) BETWEEN -10 AND 10 AND ST_Y(site) BETWEEN 40 AND 60"),
        20
    );
    // The SQL format's INSERTs for MySQL go into the server as they are.
    let dir = generate_into(&input, "sql", &["--sql-dialect", "mysql"]);
    let sql = std::fs::read_to_string(dir.path().join("store.sql")).unwrap();
    assert!(sql.contains("ST_GeomFromText('POINT("), "{sql}");
    c.query_drop("CREATE TABLE loaded_from_text LIKE store")
        .unwrap();
    c.query_drop("SET FOREIGN_KEY_CHECKS = 0").unwrap();
    c.query_drop(sql.replace("`store`", "`loaded_from_text`"))
        .unwrap();
    assert_eq!(
        c.count("SELECT COUNT(*) FROM loaded_from_text f JOIN store s ON s.id = f.id AND ST_Equals(s.site, f.site)"),
        20
    );
}
