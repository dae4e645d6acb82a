//! What the database tests share: running `datagen`, the CSV the same input writes, and
//! comparing a table read back from a database with that CSV, value by value.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::assert::Assert;

/// The shop fixture: four entities with refs and lookups, declared children first.
pub(crate) fn shop() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db_shop.yaml")
}

/// The tables of the shop, parents first, with their planned row counts.
pub(crate) const TABLES: [(&str, u64); 4] = [
    ("customer", 300),
    ("product", 50),
    ("orders", 1000),
    ("order_line", 3000),
];

/// The row of `order_line` a `CHECK (quantity < 12)` refuses first, from the CSV.
pub(crate) fn first_quantity_12(csv: &Tables) -> u64 {
    let (header, rows) = &csv["order_line"];
    let q = header.iter().position(|h| h == "quantity").unwrap();
    rows.iter()
        .position(|r| r[q].as_deref() == Some("12"))
        .expect("the shop has an order line of 12 items") as u64
}

/// `datagen` with `args`.
pub(crate) fn datagen(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("datagen").unwrap();
    cmd.args(args);
    cmd
}

/// Header and rows (null as `None`) per table.
pub(crate) type Tables = BTreeMap<String, (Vec<String>, Vec<Vec<Option<String>>>)>;

/// The directory `datagen generate INPUT --format FORMAT` and `extra` write into.
pub(crate) fn generate_into(input: &Path, format: &str, extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    datagen(&[
        "generate",
        input.to_str().unwrap(),
        "--format",
        format,
        "--progress",
        "none",
        "--out",
    ])
    .arg(dir.path())
    .args(extra)
    .assert()
    .success();
    dir
}

/// What `datagen generate INPUT --format csv` writes, per table.
pub(crate) fn csv_of(input: &Path) -> Tables {
    let dir = generate_into(input, "csv", &[]);
    let mut out = Tables::new();
    for (table, _) in TABLES {
        let mut reader = csv::Reader::from_path(dir.path().join(format!("{table}.csv"))).unwrap();
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| {
                r.unwrap()
                    .iter()
                    .map(|v| (!v.is_empty()).then(|| v.to_string()))
                    .collect()
            })
            .collect();
        out.insert(table.to_string(), (header, rows));
    }
    out
}

/// How a column of the shop is compared.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    Int,
    Number,
    Bool,
    Text,
    Time,
    Timestamp,
    Json,
    Hex,
}

/// The kind of a shop column.
pub(crate) fn kind(column: &str) -> Kind {
    match column {
        "id" | "order_id" | "product_id" | "customer_id" | "quantity" => Kind::Int,
        "unit_price" | "balance" | "price" | "rating" => Kind::Number,
        "opt_in" => Kind::Bool,
        "ordered_at" | "shipped_at" | "restocked" => Kind::Timestamp,
        "opens" => Kind::Time,
        "tags" => Kind::Json,
        "photo" => Kind::Hex,
        _ => Kind::Text,
    }
}

/// A value in one spelling whatever wrote it: `t`/`1`/`true` as `true`, timestamps without
/// `T`, zone or trailing zeros, numbers parsed, JSON re-serialised.
fn normal(kind: Kind, v: Option<&str>) -> Option<String> {
    let v = v.filter(|v| !v.is_empty())?;
    Some(match kind {
        Kind::Int => v.parse::<i64>().expect(v).to_string(),
        Kind::Number => {
            let f: f64 = v.parse().expect(v);
            format!("{f:.9e}")
        }
        Kind::Bool => matches!(v, "t" | "true" | "1").to_string(),
        Kind::Text => v.to_string(),
        Kind::Hex => v.to_ascii_lowercase(),
        Kind::Time => chrono::NaiveTime::parse_from_str(v, "%H:%M:%S%.f")
            .expect(v)
            .to_string(),
        Kind::Timestamp => {
            let t = v.replace('T', " ");
            let t = t
                .trim_end_matches('Z')
                .trim_end_matches("+00:00")
                .trim_end_matches("+00");
            chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f")
                .expect(v)
                .to_string()
        }
        Kind::Json => serde_json::from_str::<serde_json::Value>(v)
            .expect(v)
            .to_string(),
    })
}

/// Asserts the database's rows of `table` (ordered by `id`, columns as in the CSV) equal the
/// CSV's, value by value.
pub(crate) fn assert_same(table: &str, csv: &Tables, db: &[Vec<Option<String>>]) {
    let (header, rows) = &csv[table];
    assert_eq!(db.len(), rows.len(), "`{table}`: row count");
    for (i, (d, c)) in db.iter().zip(rows).enumerate() {
        for (j, name) in header.iter().enumerate() {
            let k = kind(name);
            assert_eq!(
                normal(k, d[j].as_deref()),
                normal(k, c[j].as_deref()),
                "`{table}` row {i} column `{name}`: database {:?}, CSV {:?}",
                d[j],
                c[j]
            );
        }
    }
}

/// The `SELECT` reading `table` back as text, one expression per CSV column, ordered by id.
/// `hex` turns a bytes column into lowercase hex; `text` casts anything else to text. The
/// order is by the table's own `id` column, not the text of the output column of that name.
pub(crate) fn select(
    table: &str,
    csv: &Tables,
    quote: char,
    hex: impl Fn(&str) -> String,
    text: impl Fn(&str) -> String,
) -> String {
    let (header, _) = &csv[table];
    let columns: Vec<String> = header
        .iter()
        .map(|c| {
            let q = format!("{quote}{c}{quote}");
            if matches!(kind(c), Kind::Hex) {
                hex(&q)
            } else {
                text(&q)
            }
        })
        .collect();
    format!(
        "SELECT {} FROM {quote}{table}{quote} ORDER BY {quote}{table}{quote}.{quote}id{quote}",
        columns.join(", ")
    )
}

/// Queries that count child rows whose ref has no parent row: each must return 0.
pub(crate) const ORPHANS: [&str; 3] = [
    "SELECT COUNT(*) FROM orders o LEFT JOIN customer c ON o.customer_id = c.id WHERE c.id IS NULL",
    "SELECT COUNT(*) FROM order_line l LEFT JOIN orders o ON l.order_id = o.id WHERE o.id IS NULL",
    "SELECT COUNT(*) FROM order_line l LEFT JOIN product p ON l.product_id = p.id WHERE p.id IS NULL",
];

/// A name no other test run uses.
pub(crate) fn unique_name(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{prefix}_{}_{nanos}", std::process::id())
}

/// The stderr of a failed run, asserting the failure says what the tests expect.
pub(crate) fn assert_refused(stderr: &str, first_bad: u64) {
    assert!(
        stderr.contains(&format!(
            "table `order_line` refused row {first_bad} (0-based)"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("qty_small"), "{stderr}");
    assert!(
        stderr.contains(&format!("`order_line` {first_bad} of 3000")),
        "{stderr}"
    );
    assert!(stderr.contains("`customer` 300 of 300"), "{stderr}");
    assert!(stderr.contains("--resume"), "{stderr}");
}

/// What the checks need from a connection to a loaded database.
pub(crate) trait Db {
    /// How the database quotes a name.
    const QUOTE: char;
    /// The expression turning the bytes column `q` into lowercase hex.
    fn hex(q: &str) -> String;
    /// The expression turning the column `q` into text.
    fn text(q: &str) -> String {
        q.to_string()
    }
    /// The rows `sql` returns, each value as text, null as `None`.
    fn rows(&mut self, sql: &str) -> Vec<Vec<Option<String>>>;
    /// The one number `sql` returns.
    fn count(&mut self, sql: &str) -> u64;
    /// Runs `sql`, which must succeed.
    fn run(&mut self, sql: &str);
}

/// Asserts every table holds its planned rows, equal to the CSV, and no ref is an orphan.
pub(crate) fn check_loaded<D: Db>(db: &mut D, csv: &Tables) {
    for (table, planned) in TABLES {
        let sql = select(table, csv, D::QUOTE, D::hex, D::text);
        let got = db.rows(&sql);
        assert_eq!(got.len() as u64, planned, "{table}");
        assert_same(table, csv, &got);
    }
    for sql in ORPHANS {
        assert_eq!(db.count(sql), 0, "{sql}");
    }
}

/// `datagen generate INPUT --to URL --progress none` and `extra`, run.
pub(crate) fn load(input: &Path, url: &str, extra: &[&str]) -> Assert {
    datagen(&[
        "generate",
        input.to_str().unwrap(),
        "--to",
        url,
        "--progress",
        "none",
    ])
    .args(extra)
    .assert()
}

/// Loads the shop into `url` in small chunks on two threads, asserting success.
pub(crate) fn load_shop(input: &Path, url: &str) {
    load(
        input,
        url,
        &[
            "--chunk-rows",
            "128",
            "--commit-rows",
            "500",
            "--threads",
            "2",
        ],
    )
    .success();
}

/// With `order_line` already created refusing a quantity of 12: loads the shop and asserts
/// the refused row is reported and the rows before it committed; then `fix`es the table,
/// resumes, and checks the whole load. Returns the stderr of the refused load.
pub(crate) fn refuse_fix_resume<D: Db>(
    db: &mut D,
    input: &Path,
    url: &str,
    csv: &Tables,
    fix: impl FnOnce(&mut D),
) -> String {
    let first_bad = first_quantity_12(csv);
    let small = ["--chunk-rows", "16", "--commit-rows", "40"];
    let stderr = stderr_of(load(input, url, &small).failure());
    assert_refused(&stderr, first_bad);
    assert_eq!(db.count("SELECT count(*) FROM order_line"), first_bad);
    fix(db);
    load(input, url, &[small.as_slice(), &["--resume"]].concat()).success();
    check_loaded(db, csv);
    stderr
}

/// A file of the tests' fixtures.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A DDL file of the schema importer's test data (Chinook, Pagila, Sakila).
pub(crate) fn ddl_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../datagen-schema/tests/data/ddl")
        .join(name)
}

/// How many times `what` appears in the DDL file `name`.
pub(crate) fn ddl_count(name: &str, what: &str) -> u64 {
    std::fs::read_to_string(ddl_file(name))
        .unwrap()
        .matches(what)
        .count() as u64
}

/// The stderr of a finished run.
pub(crate) fn stderr_of(assert: Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// Inputs whose tables do not fit as they are: a table that exists without a column the input
/// writes is refused before any row is sent; a statement of the input's own DDL (in `dialect`)
/// that fails leaves none of the tables it created behind; an entity whose fields are all
/// hidden is not loaded.
pub(crate) fn other_shapes<D: Db>(db: &mut D, url: &str, dialect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("item.yaml");
    std::fs::write(
        &config,
        "entities:\n  item:\n    rows: 5\n    fields:\n      id: {key: true}\n      name: {provider: \"person.first_name\"}\n  pool:\n    rows: 3\n    fields:\n      code: {regex: \"[a-z]{4}\", hidden: true}\n",
    )
    .unwrap();
    db.run("CREATE TABLE item (id INT PRIMARY KEY, label TEXT NOT NULL)");
    let stderr = stderr_of(load(&config, url, &[]).failure());
    assert!(
        stderr.contains(
            "table `item` exists without the column `name` the input writes (it has `id`, `label`)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("refused row"), "no row was sent: {stderr}");
    db.run("DROP TABLE item");
    let stderr = stderr_of(load(&config, url, &[]).success());
    assert!(
        stderr.contains("entity `pool` was not loaded: all its fields are hidden"),
        "{stderr}"
    );
    assert_eq!(db.count("SELECT count(*) FROM item"), 5);
    // The index fails after both tables were made: neither is left behind.
    let ddl = dir.path().join("broken.sql");
    std::fs::write(
        &ddl,
        "CREATE TABLE parent_t (id INT PRIMARY KEY, name TEXT);\n\
         CREATE TABLE kid_t (id INT PRIMARY KEY, parent_id INT REFERENCES parent_t (id));\n\
         CREATE INDEX kid_bad ON kid_t (no_such_column);\n",
    )
    .unwrap();
    let stderr = stderr_of(load(&ddl, url, &["--sql-dialect", dialect, "--rows", "5"]).failure());
    assert!(
        stderr.contains("kid_bad")
            && stderr
                .contains("the tables created before it (`parent_t`, `kid_t`) were dropped again"),
        "{stderr}"
    );
    // Creating them again works only if they are gone.
    db.run("CREATE TABLE parent_t (id INT PRIMARY KEY)");
    db.run("CREATE TABLE kid_t (id INT PRIMARY KEY)");
}
