//! `datagen generate --to sqlite://...`: tables created and loaded parents first, values equal
//! to the CSV of the same seed, every ref present in its parent, a refused row reported with
//! what was committed, and `--resume` finishing the load.

mod db_common;

use db_common::{
    ORPHANS, TABLES, assert_refused, assert_same, csv_of, datagen, first_quantity_12, select, shop,
};
use rusqlite::Connection;
use rusqlite::types::ValueRef;

fn rows(db: &Connection, sql: &str) -> Vec<Vec<Option<String>>> {
    let mut statement = db.prepare(sql).unwrap();
    let n = statement.column_count();
    statement
        .query_map([], |r| {
            Ok((0..n)
                .map(|i| match r.get_ref(i).unwrap() {
                    ValueRef::Null => None,
                    ValueRef::Integer(v) => Some(v.to_string()),
                    ValueRef::Real(v) => Some(v.to_string()),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Some(String::from_utf8(t.to_vec()).unwrap())
                    }
                })
                .collect())
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn count(db: &Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn check_loaded(db: &Connection, csv: &db_common::Tables) {
    for (table, planned) in TABLES {
        let sql = select(
            table,
            csv,
            '"',
            |c| format!("lower(hex({c}))"),
            str::to_string,
        );
        let got = rows(db, &sql);
        assert_eq!(got.len() as u64, planned, "{table}");
        assert_same(table, csv, &got);
    }
    for sql in ORPHANS {
        assert_eq!(count(db, sql), 0, "{sql}");
    }
}

#[test]
fn sqlite_load_equals_the_csv_and_keeps_every_ref() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.db");
    let url = format!("sqlite://{}", file.display());
    let input = shop();
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
    let db = Connection::open(&file).unwrap();
    // Parents were created first: their foreign keys point at them.
    let ddl: String = db
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'order_line'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        ddl.contains("FOREIGN KEY (\"order_id\") REFERENCES \"orders\" (\"id\")"),
        "{ddl}"
    );
    assert!(ddl.contains("PRIMARY KEY (\"id\")"), "{ddl}");
    check_loaded(&db, &csv_of(&input));
    drop(db);
    // A second load into the filled tables is refused instead of appending.
    let out = datagen(&[
        "generate",
        input.to_str().unwrap(),
        "--to",
        &url,
        "--progress",
        "none",
    ])
    .assert()
    .failure()
    .get_output()
    .stderr
    .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.contains("table `customer` already holds 300 rows; give `--resume`"),
        "{stderr}"
    );
    // Resuming with fewer rows than the table holds cannot be the same run.
    let out = datagen(&[
        "generate",
        input.to_str().unwrap(),
        "--to",
        &url,
        "--resume",
    ])
    .args(["--rows", "customer=100", "--progress", "none"])
    .assert()
    .failure()
    .get_output()
    .stderr
    .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.contains("table `customer` holds 300 rows, more than the 100 this run loads"),
        "{stderr}"
    );
}

#[test]
fn sqlite_refused_row_is_reported_and_resume_finishes_the_load() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.db");
    let url = format!("sqlite://{}", file.display());
    let input = shop();
    let csv = csv_of(&input);
    let first_bad = first_quantity_12(&csv);
    let db = Connection::open(&file).unwrap();
    db.execute_batch(
        "CREATE TABLE order_line (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, \
         product_id INTEGER NOT NULL, unit_price NUMERIC, quantity INTEGER NOT NULL, \
         CONSTRAINT qty_small CHECK (quantity < 12))",
    )
    .unwrap();
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
    assert_eq!(
        count(&db, "SELECT count(*) FROM order_line"),
        first_bad as i64
    );
    assert_eq!(count(&db, "SELECT count(*) FROM orders"), 1000);
    // Fix the table (SQLite cannot drop a constraint: rebuild it), then resume.
    db.execute_batch(
        "CREATE TABLE fixed (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, \
         product_id INTEGER NOT NULL, unit_price NUMERIC, quantity INTEGER NOT NULL); \
         INSERT INTO fixed SELECT * FROM order_line; DROP TABLE order_line; \
         ALTER TABLE fixed RENAME TO order_line;",
    )
    .unwrap();
    load(&["--resume"]).success();
    check_loaded(&db, &csv);
}

#[test]
fn bad_destinations_are_clear_errors() {
    let input = shop();
    let input = input.to_str().unwrap();
    let stderr = |args: &[&str]| {
        let out = datagen(&["generate", input, "--progress", "none"])
            .args(args)
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    };
    let e = stderr(&["--to", "kafka://broker/topic"]);
    assert!(
        e.contains("`kafka://` is not a destination datagen knows"),
        "{e}"
    );
    let e = stderr(&["--to", "postgresql://127.0.0.1:5432"]);
    assert!(e.contains("end the URL with `/DATABASE`"), "{e}");
    let e = stderr(&["--to", "sqlite://x.db", "--format", "csv"]);
    assert!(e.contains("cannot be used with"), "{e}");
    let e = stderr(&["--resume"]);
    assert!(e.contains("--to"), "{e}");
    // A server that does not answer: one line, the password hidden.
    let e = stderr(&["--to", "postgresql://u:hunter2@127.0.0.1:1/db"]);
    assert!(
        e.contains("postgresql://u:***@127.0.0.1:1/db failed: cannot connect"),
        "{e}"
    );
    assert!(!e.contains("hunter2"), "{e}");
}
