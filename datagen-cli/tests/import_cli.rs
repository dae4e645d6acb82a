//! `datagen import`: SQL DDL written as a native config that generates the same data as the
//! DDL itself, which the user can then edit column by column; integer key limits checked
//! against `--rows` up front.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

fn ddl(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../datagen-schema/tests/data/ddl")
        .join(name)
}

fn run(args: &[&str]) -> std::process::Output {
    datagen().args(args).output().expect("datagen runs")
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// `datagen import INPUT -o CONFIG`, asserting success.
fn import_to(input: &Path, config: &Path) {
    ok(&[
        "import",
        input.to_str().unwrap(),
        "-o",
        config.to_str().unwrap(),
    ]);
}

/// Every file of `dir`, by name, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// `datagen generate INPUT --format csv --out OUT --progress none` and `extra`, run.
fn generate_csv(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "generate",
        input.to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
        "--progress",
        "none",
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// CSV of `input` with seed 7 and 250 rows a table, asserting success.
fn csv(input: &Path, out: &Path) {
    let r = generate_csv(input, out, &["--seed", "7", "--rows", "250"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
}

/// Imports `input`, then generates CSV from it and from the config: the same bytes. Returns
/// the config.
fn round_trip(input: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("imported.yaml");
    import_to(input, &config);
    let (a, b) = (dir.path().join("from-ddl"), dir.path().join("from-config"));
    csv(input, &a);
    csv(&config, &b);
    let (fa, fb) = (files(&a), files(&b));
    assert!(!fa.is_empty(), "{}: no tables", input.display());
    assert_eq!(
        fa.iter().map(|f| &f.0).collect::<Vec<_>>(),
        fb.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((n, x), (_, y)) in fa.iter().zip(&fb) {
        assert!(
            x == y,
            "{}: `{n}` differs between the DDL and the imported config",
            input.display()
        );
    }
    std::fs::read_to_string(&config).unwrap()
}

/// [`round_trip`] of a DDL file of the importer's test data, which has many tables.
fn round_trip_file(name: &str) {
    let config = round_trip(&ddl(name));
    let tables = config.matches("\n    rows: ").count();
    assert!(tables > 5, "{name}: {tables} tables");
}

#[test]
fn imported_chinook_generates_what_the_ddl_generates() {
    round_trip_file("Chinook_PostgreSql.ddl.sql");
    round_trip_file("Chinook_MySql.ddl.sql");
}

#[test]
fn imported_pagila_and_sakila_generate_what_the_ddl_generates() {
    round_trip_file("pagila-schema-2024.sql");
    round_trip_file("mysql-sakila-schema.sql");
}

#[test]
fn the_config_says_where_each_entry_comes_from_and_keeps_every_constraint() {
    let input = ddl("Chinook_PostgreSql.ddl.sql");
    let text = ok(&["import", input.to_str().unwrap()]);
    assert!(
        text.starts_with("# Imported from Chinook_PostgreSql.ddl.sql"),
        "{text}"
    );
    // The line of the column, quoted above its field.
    assert!(
        text.contains("      # Chinook_PostgreSql.ddl.sql:") && text.contains("reports_to INT"),
        "{text}"
    );
    for expected in [
        "employee_id: {key: true, max_value: 2147483647}",
        "reports_to: {ref: \"employee.employee_id\", tree: true, null_rate: 0.1",
        "playlist_id: {ref: \"playlist.playlist_id\", unique_key: \"playlist_track_pkey\"",
        "max_chars: 70",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
}

#[test]
fn an_imported_column_can_be_overridden_and_the_rest_stays() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("chinook.yaml");
    let input = ddl("Chinook_PostgreSql.ddl.sql");
    import_to(&input, &config);
    let text = std::fs::read_to_string(&config).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("composer:"))
        .expect("track.composer is imported");
    let edited = text.replace(line, "      composer: {one_of: [\"Bach\", \"Satie\"]}");
    std::fs::write(&config, edited).unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    csv(&input, &a);
    csv(&config, &b);
    let read = |d: &Path| std::fs::read_to_string(d.join("track.csv")).unwrap();
    let (x, y) = (read(&a), read(&b));
    let header: Vec<&str> = x.lines().next().unwrap().split(',').collect();
    let c = header.iter().position(|h| *h == "composer").unwrap();
    let mut composers = std::collections::BTreeSet::new();
    let mut rx = csv::Reader::from_reader(x.as_bytes());
    let mut ry = csv::Reader::from_reader(y.as_bytes());
    for (p, q) in rx.records().zip(ry.records()) {
        let (p, q) = (p.unwrap(), q.unwrap());
        for (i, name) in header.iter().enumerate() {
            if i != c {
                assert_eq!(p.get(i), q.get(i), "column `{name}` changed");
            }
        }
        composers.insert(q.get(c).unwrap().to_string());
    }
    assert_eq!(
        composers.into_iter().collect::<Vec<_>>(),
        ["Bach", "Satie"],
        "the override draws its own values"
    );
    // Every other table is untouched.
    for (n, bytes) in files(&a) {
        if n != "track.csv" {
            assert_eq!(std::fs::read(b.join(&n)).unwrap(), bytes, "{n}");
        }
    }
}

#[test]
fn an_input_without_tables_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("empty.sql");
    std::fs::write(&input, "-- CREATE TABLE nothing here\nSELECT 1;\n").unwrap();
    let out = run(&["import", input.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("declares no tables"), "{err}");
}

const SMALL_KEYS: &str = "CREATE TABLE region (\n  id SMALLINT PRIMARY KEY,\n  name VARCHAR(40) NOT NULL\n);\nCREATE TABLE shop (\n  id INT PRIMARY KEY,\n  region_id SMALLINT NOT NULL REFERENCES region (id)\n);\nCREATE TABLE visit (\n  id INT PRIMARY KEY,\n  shop_id SMALLINT NOT NULL REFERENCES shop (id)\n);\n";

/// Asserts the run failed with a message holding every one of `parts`; returns the message.
fn refused(r: &std::process::Output, parts: &[&str]) -> String {
    let err = String::from_utf8_lossy(&r.stderr).into_owned();
    assert!(!r.status.success(), "expected a failure: {err}");
    for part in parts {
        assert!(err.contains(part), "missing `{part}` in: {err}");
    }
    err
}

#[test]
fn an_integer_key_too_small_for_the_rows_is_an_error_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("small.sql");
    std::fs::write(&input, SMALL_KEYS).unwrap();
    let out = dir.path().join("out");
    let too_many = "region=40000,shop=10,visit=10";
    let r = generate_csv(&input, &out, &["--rows", too_many]);
    refused(&r, &["`region.id`", "SMALLINT", "32767", "40000"]);
    assert!(!out.join("region.csv").exists(), "nothing is written");
    // A SMALLINT foreign key into an INT key with more rows than it holds.
    let r = generate_csv(&input, &out, &["--rows", "region=10,shop=40000,visit=10"]);
    let err = refused(&r, &["`visit.shop_id`", "SMALLINT", "32767", "40000"]);
    assert!(!err.contains("`shop.id`"), "an INT key holds 40000: {err}");
    // The limit is kept by an imported config.
    let config = dir.path().join("small.yaml");
    import_to(&input, &config);
    refused(
        &generate_csv(&config, &out, &["--rows", too_many]),
        &["32767", "40000"],
    );
    let r = generate_csv(&input, &out, &["--rows", "region=32767,shop=10,visit=10"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
}

#[test]
fn defaults_and_names_the_config_grammar_spells_differently_round_trip() {
    // A quoted `NaN` float default, quoted numbers (as MySQL writes them), a quoted boolean,
    // and a table and a column whose names hold a period.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("defaults.sql");
    std::fs::write(
        &input,
        "CREATE TABLE gauge (\n  id INT PRIMARY KEY,\n  drift FLOAT DEFAULT 'NaN',\n  hits INT NOT NULL DEFAULT '7',\n  zeta NUMERIC(6,2) NOT NULL DEFAULT '0.29',\n  up BOOLEAN NOT NULL DEFAULT 'yes'\n);\n\
         CREATE TABLE \"ops.site\" (id INT PRIMARY KEY, \"geo.code\" INT UNIQUE);\n\
         CREATE TABLE probe (id INT PRIMARY KEY, site INT NOT NULL REFERENCES \"ops.site\" (id), code INT REFERENCES \"ops.site\" (\"geo.code\"));\n",
    )
    .unwrap();
    let text = round_trip(&input);
    for expected in [
        "drift: {const: .nan, type: float",
        "hits: {const: 7, type: int}",
        "zeta: {const: 0.29, type: \"decimal(6,2)\"}",
        "up: {type: bool, p: 0.8}",
        "site: {ref: {entity: \"ops.site\", field: \"id\"}",
        "code: {ref: {entity: \"ops.site\", field: \"geo.code\"}",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
}
