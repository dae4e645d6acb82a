//! `datagen generate --to sqlite://...`: tables created and loaded parents first, values equal
//! to the CSV of the same seed, every ref present in its parent, a refused row reported with
//! what was committed, and `--resume` finishing the load.

mod db_common;

use db_common::{
    Db, check_loaded, csv_of, datagen, load, load_shop, refuse_fix_resume, shop, stderr_of,
};
use rusqlite::Connection;
use rusqlite::types::ValueRef;

impl Db for Connection {
    const QUOTE: char = '"';

    fn hex(q: &str) -> String {
        format!("lower(hex({q}))")
    }

    fn rows(&mut self, sql: &str) -> Vec<Vec<Option<String>>> {
        let mut statement = self.prepare(sql).unwrap();
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

    fn count(&mut self, sql: &str) -> u64 {
        let n: i64 = self.query_row(sql, [], |r| r.get(0)).unwrap();
        u64::try_from(n).unwrap()
    }

    fn run(&mut self, sql: &str) {
        self.execute_batch(sql).unwrap();
    }
}

#[test]
fn sqlite_tables_of_another_shape_are_refused_or_dropped_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shapes.db");
    let url = format!("sqlite://{}", file.display());
    db_common::other_shapes(&mut Connection::open(&file).unwrap(), &url, "sqlite");
}

#[test]
fn sqlite_load_equals_the_csv_and_keeps_every_ref() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.db");
    let url = format!("sqlite://{}", file.display());
    let input = shop();
    load_shop(&input, &url);
    let mut db = Connection::open(&file).unwrap();
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
    check_loaded(&mut db, &csv_of(&input));
    drop(db);
    // A second load into the filled tables is refused instead of appending.
    let stderr = stderr_of(load(&input, &url, &[]).failure());
    assert!(
        stderr.contains("table `customer` already holds 300 rows; give `--resume`"),
        "{stderr}"
    );
    // Resuming with fewer rows than the table holds cannot be the same run.
    let stderr = stderr_of(load(&input, &url, &["--resume", "--rows", "customer=100"]).failure());
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
    let mut db = Connection::open(&file).unwrap();
    db.execute_batch(
        "CREATE TABLE order_line (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, \
         product_id INTEGER NOT NULL, unit_price NUMERIC, quantity INTEGER NOT NULL, \
         CONSTRAINT qty_small CHECK (quantity < 12))",
    )
    .unwrap();
    refuse_fix_resume(&mut db, &input, &url, &csv, |db| {
        assert_eq!(db.count("SELECT count(*) FROM orders"), 1000);
        // Fix the table (SQLite cannot drop a constraint: rebuild it), then resume.
        db.execute_batch(
            "CREATE TABLE fixed (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, \
             product_id INTEGER NOT NULL, unit_price NUMERIC, quantity INTEGER NOT NULL); \
             INSERT INTO fixed SELECT * FROM order_line; DROP TABLE order_line; \
             ALTER TABLE fixed RENAME TO order_line;",
        )
        .unwrap();
    });
}

#[test]
fn bad_destinations_are_clear_errors() {
    let input = shop();
    let input = input.to_str().unwrap();
    let stderr = |args: &[&str]| {
        stderr_of(
            datagen(&["generate", input, "--progress", "none"])
                .args(args)
                .assert()
                .failure(),
        )
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

#[test]
fn sqlite_ddl_input_makes_its_own_tables_keys_number_on_and_points_are_wkt() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("places.sql");
    std::fs::write(
        &input,
        "CREATE TABLE place (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, \
         spot POINT NOT NULL);\n\
         CREATE TABLE visit (id INTEGER PRIMARY KEY, place_id INTEGER NOT NULL REFERENCES place (id));\n",
    )
    .unwrap();
    let file = dir.path().join("places.db");
    let url = format!("sqlite://{}", file.display());
    let stderr = db_common::stderr_of(load(&input, &url, &["--rows", "30"]).success());
    assert!(stderr.contains("with the input's own DDL"), "{stderr}");
    let mut db = Connection::open(&file).unwrap();
    assert_eq!(
        db.count("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'"),
        1,
        "the table as the input wrote it"
    );
    let spots = db.rows("SELECT spot FROM place");
    assert_eq!(spots.len(), 30);
    let wkt = regex::Regex::new(r"^POINT\(-?[0-9.]+(e-?[0-9]+)? -?[0-9.]+(e-?[0-9]+)?\)$").unwrap();
    for s in spots {
        assert!(wkt.is_match(s[0].as_deref().unwrap()), "{s:?}");
    }
    // An INSERT without the key gets the next one, with AUTOINCREMENT and without.
    db.execute(
        "INSERT INTO place (name, spot) VALUES ('new', 'POINT(1 2)')",
        [],
    )
    .unwrap();
    assert_eq!(db.last_insert_rowid(), 31);
    db.execute("INSERT INTO visit (place_id) VALUES (31)", [])
        .unwrap();
    assert_eq!(db.last_insert_rowid(), 31);
}

#[test]
fn points_are_wkt_in_csv_and_objects_in_json() {
    let input = db_common::fixture("db_cycle.yaml");
    let run = |format: &str| {
        let out = datagen(&[
            "generate",
            input.to_str().unwrap(),
            "--entity",
            "store",
            "--rows",
            "2",
            "--progress",
            "none",
            "--format",
            format,
        ])
        .assert()
        .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let csv = run("csv");
    let row = csv.lines().nth(1).unwrap();
    let wkt = regex::Regex::new(r",POINT\(-?[0-9.]+ [0-9.]+\)$").unwrap();
    assert!(wkt.is_match(row), "{csv}");
    let json = run("jsonl");
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert!(
        first["site"]["x"].is_f64() && first["site"]["y"].is_f64(),
        "{json}"
    );
}
