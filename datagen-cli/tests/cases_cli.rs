//! `datagen generate --cases edge|invalid` and A/B groups from the command line: CSV read back
//! and checked by an independent validator (the `regex` crate, the ranges and sets of the
//! config), the same bytes for any thread count, typed formats, and a SQL DDL input.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use assert_cmd::Command;

const SHOP: &str = "tests/fixtures/cases_shop.yaml";
const AB: &str = "tests/fixtures/ab.yaml";

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

/// Runs `datagen generate INPUT --out DIR ARGS` and expects success.
fn generate(input: &str, dir: &Path, args: &[&str]) {
    let run = datagen()
        .args(["generate", input, "--progress", "none", "--out"])
        .arg(dir)
        .args(args)
        .output()
        .expect("datagen runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// A CSV file's rows, each a map from column to text.
fn csv_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("readable CSV");
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV record");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The (field, rule) pairs a row of the shop config breaks. CSV writes null as an empty field;
/// `seen` holds the keys of earlier rows.
fn broken(
    entity: &str,
    row: &HashMap<String, String>,
    seen: &mut HashSet<String>,
) -> BTreeSet<(String, String)> {
    let code = regex::Regex::new("^[A-Z]{2}-[0-9]{3}$").expect("regex");
    let mut out = BTreeSet::new();
    let mut bad = |f: &str, r: &str| {
        out.insert((f.to_string(), r.to_string()));
    };
    for (field, value) in row {
        if field.starts_with("_case_") || field == "nick" {
            continue;
        }
        if value.is_empty() {
            bad(field, "not_null");
            continue;
        }
        let int = || value.parse::<i64>().expect("an integer");
        match (entity, field.as_str()) {
            (_, "id") if !seen.insert(value.clone()) => bad(field, "unique"),
            ("customer", "age") if !(18..=90).contains(&int()) => bad(field, "range"),
            ("customer", "code") if !code.is_match(value) => bad(field, "regex"),
            ("customer", "tier") if !["bronze", "silver", "gold"].contains(&value.as_str()) => {
                bad(field, "one_of")
            }
            ("customer", "joined") if !("2020-01-01"..="2020-12-31").contains(&value.as_str()) => {
                bad(field, "range")
            }
            ("order", "customer") if !(1..=50).contains(&int()) => bad(field, "ref"),
            ("order", "qty") if !(1..=10).contains(&int()) => bad(field, "range"),
            ("order", "total") => {
                let cents = (value.parse::<f64>().expect("a decimal") * 100.0).round() as i64;
                if !(1..=50_000).contains(&cents) {
                    bad(field, "range");
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn invalid_rows_break_exactly_their_labelled_rule() {
    let t = tempfile::tempdir().expect("tmp");
    generate(SHOP, t.path(), &["--cases", "invalid", "--format", "csv"]);
    let mut labels = BTreeSet::new();
    for entity in ["customer", "order"] {
        let mut seen = HashSet::new();
        let rows = csv_rows(&t.path().join(format!("{entity}.csv")));
        assert!(!rows.is_empty());
        for row in &rows {
            let want = BTreeSet::from([(row["_case_field"].clone(), row["_case_rule"].clone())]);
            assert_eq!(broken(entity, row, &mut seen), want, "{row:?}");
            labels.insert(format!(
                "{entity}.{}:{}",
                row["_case_field"], row["_case_rule"]
            ));
        }
    }
    for want in [
        "customer.age:range",
        "customer.code:regex",
        "customer.tier:one_of",
        "customer.joined:range",
        "customer.id:unique",
        "order.customer:ref",
        "order.total:range",
        "order.qty:not_null",
    ] {
        assert!(labels.contains(want), "{want} missing from {labels:?}");
    }
}

#[test]
fn edge_rows_are_valid_and_reach_both_ends() {
    let t = tempfile::tempdir().expect("tmp");
    generate(SHOP, t.path(), &["--cases", "edge", "--format", "csv"]);
    let rows = csv_rows(&t.path().join("customer.csv"));
    let mut seen = HashSet::new();
    for row in &rows {
        assert!(broken("customer", row, &mut seen).is_empty(), "{row:?}");
    }
    let of = |field: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["_case_field"] == field)
            .map(|r| r[field].clone())
            .collect()
    };
    assert_eq!(of("age"), ["18", "90"]);
    assert_eq!(of("joined"), ["2020-01-01", "2020-12-31"]);
    assert_eq!(of("tier"), ["bronze", "silver", "gold"]);
    assert_eq!(of("nick"), [""], "null, written as CSV's empty field");
    let orders = csv_rows(&t.path().join("order.csv"));
    let totals: Vec<&str> = orders
        .iter()
        .filter(|r| r["_case_field"] == "total")
        .map(|r| r["total"].as_str())
        .collect();
    assert_eq!(totals, ["0.01", "500.00"]);
}

#[test]
fn cases_and_groups_are_the_same_for_any_thread_count() {
    for (input, args) in [
        (SHOP, vec!["--cases", "invalid"]),
        (AB, vec!["--rows", "20000"]),
    ] {
        let one = tempfile::tempdir().expect("tmp");
        let four = tempfile::tempdir().expect("tmp");
        let mut a = args.clone();
        a.extend(["--format", "csv", "--threads", "1"]);
        generate(input, one.path(), &a);
        let mut b = args.clone();
        b.extend(["--format", "csv", "--threads", "4", "--chunk-rows", "3"]);
        generate(input, four.path(), &b);
        for file in std::fs::read_dir(one.path()).expect("dir") {
            let name = file.expect("entry").file_name();
            let x = std::fs::read(one.path().join(&name)).expect("read");
            let y = std::fs::read(four.path().join(&name)).expect("read");
            assert!(!x.is_empty());
            assert_eq!(x, y, "{name:?} differs between 1 and 4 threads");
        }
    }
}

#[test]
fn ab_groups_have_exact_shares_and_different_rates() {
    let t = tempfile::tempdir().expect("tmp");
    generate(AB, t.path(), &["--format", "csv"]);
    let rows = csv_rows(&t.path().join("visitor.csv"));
    assert_eq!(rows.len(), 100_000);
    let mut n: HashMap<&str, (u32, u32)> = HashMap::new();
    for row in &rows {
        let e = n.entry(row["variant"].as_str()).or_default();
        e.0 += 1;
        e.1 += u32::from(row["converted"] == "true");
    }
    assert_eq!(n["control"].0, 50_000);
    assert_eq!(n["treatment"].0, 50_000);
    let rate = |g: &str| f64::from(n[g].1) / f64::from(n[g].0);
    assert!((rate("control") - 0.08).abs() < 0.01, "{}", rate("control"));
    assert!(
        (rate("treatment") - 0.12).abs() < 0.01,
        "{}",
        rate("treatment")
    );
}

#[test]
fn typed_formats_write_invalid_rows() {
    for format in ["parquet", "avro", "arrow", "jsonl", "sql"] {
        let t = tempfile::tempdir().expect("tmp");
        generate(SHOP, t.path(), &["--cases", "invalid", "--format", format]);
        let files: Vec<_> = std::fs::read_dir(t.path())
            .expect("dir")
            .map(|f| f.expect("entry").metadata().expect("meta").len())
            .collect();
        assert_eq!(files.len(), 2, "{format}");
        assert!(files.iter().all(|len| *len > 0), "{format}");
    }
}

#[test]
fn a_sql_schema_gets_cases_too() {
    let t = tempfile::tempdir().expect("tmp");
    let input = t.path().join("shop.sql");
    std::fs::write(
        &input,
        "CREATE TABLE customer (\n  id INT PRIMARY KEY,\n  email VARCHAR(40) NOT NULL UNIQUE\n);\n\
         CREATE TABLE orders (\n  id INT PRIMARY KEY,\n  customer_id INT NOT NULL REFERENCES customer (id),\n  qty INT NOT NULL CHECK (qty BETWEEN 1 AND 9)\n);\n",
    )
    .expect("write");
    let out = t.path().join("out");
    generate(
        input.to_str().expect("path"),
        &out,
        &["--cases", "invalid", "--format", "csv", "--rows", "100"],
    );
    let customers = csv_rows(&out.join("customer.csv"));
    let mut emails = HashSet::new();
    for row in &customers {
        let email = &row["email"];
        let mut bad = BTreeSet::new();
        if email.is_empty() {
            bad.insert("not_null");
        } else {
            if email.chars().count() > 40 {
                bad.insert("max_chars");
            }
            if !emails.insert(email.clone()) {
                bad.insert("unique");
            }
        }
        if row["_case_field"] == "email" {
            assert_eq!(bad, BTreeSet::from([row["_case_rule"].as_str()]), "{row:?}");
        } else {
            assert!(bad.is_empty(), "{row:?}");
        }
    }
    let orders = csv_rows(&out.join("orders.csv"));
    let refs: Vec<&str> = orders
        .iter()
        .filter(|r| r["_case_field"] == "customer_id" && r["_case_rule"] == "ref")
        .map(|r| r["customer_id"].as_str())
        .collect();
    assert_eq!(refs.len(), 1);
    let missing: i64 = refs[0].parse().expect("a key");
    assert!(
        !(1..=100).contains(&missing),
        "{missing} is not a customer key"
    );
    for row in orders.iter().filter(|r| r["_case_field"] == "qty") {
        let qty: Option<i64> = row["qty"].parse().ok();
        assert!(
            qty.is_none_or(|q| !(1..=9).contains(&q)),
            "{row:?} breaks the CHECK"
        );
    }
}
