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

fn csv(input: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec![
        "generate",
        input.to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
        "--seed",
        "7",
        "--rows",
        "250",
        "--progress",
        "none",
    ];
    args.extend_from_slice(extra);
    ok(&args);
}

/// Imports `name`, then generates CSV from the DDL and from the config: the same bytes.
fn round_trip(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("imported.yaml");
    let input = ddl(name);
    ok(&[
        "import",
        input.to_str().unwrap(),
        "-o",
        config.to_str().unwrap(),
    ]);
    let (a, b) = (dir.path().join("from-ddl"), dir.path().join("from-config"));
    csv(&input, &a, &[]);
    csv(&config, &b, &[]);
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() > 5, "{name}: {} tables", fa.len());
    assert_eq!(
        fa.iter().map(|f| &f.0).collect::<Vec<_>>(),
        fb.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((n, x), (_, y)) in fa.iter().zip(&fb) {
        assert!(
            x == y,
            "{name}: `{n}` differs between the DDL and the imported config"
        );
    }
}

#[test]
fn imported_chinook_generates_what_the_ddl_generates() {
    round_trip("Chinook_PostgreSql.ddl.sql");
    round_trip("Chinook_MySql.ddl.sql");
}

#[test]
fn imported_pagila_and_sakila_generate_what_the_ddl_generates() {
    round_trip("pagila-schema-2024.sql");
    round_trip("mysql-sakila-schema.sql");
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
    ok(&[
        "import",
        input.to_str().unwrap(),
        "-o",
        config.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&config).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("composer:"))
        .expect("track.composer is imported");
    let edited = text.replace(line, "      composer: {one_of: [\"Bach\", \"Satie\"]}");
    std::fs::write(&config, edited).unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    csv(&input, &a, &[]);
    csv(&config, &b, &[]);
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

#[test]
fn an_integer_key_too_small_for_the_rows_is_an_error_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("small.sql");
    std::fs::write(&input, SMALL_KEYS).unwrap();
    let out = dir.path().join("out");
    let run_with = |rows: &str| {
        run(&[
            "generate",
            input.to_str().unwrap(),
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
            "--rows",
            rows,
        ])
    };
    let r = run_with("region=40000,shop=10,visit=10");
    assert!(!r.status.success());
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains("`region.id`")
            && err.contains("SMALLINT")
            && err.contains("32767")
            && err.contains("40000"),
        "{err}"
    );
    assert!(!out.join("region.csv").exists(), "nothing is written");
    // A SMALLINT foreign key into an INT key with more rows than it holds.
    let r = run_with("region=10,shop=40000,visit=10");
    assert!(!r.status.success());
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains("`visit.shop_id`")
            && err.contains("SMALLINT")
            && err.contains("32767")
            && err.contains("40000"),
        "{err}"
    );
    assert!(!err.contains("`shop.id`"), "an INT key holds 40000: {err}");
    // The limit is kept by an imported config.
    let config = dir.path().join("small.yaml");
    ok(&[
        "import",
        input.to_str().unwrap(),
        "-o",
        config.to_str().unwrap(),
    ]);
    let r = run(&[
        "generate",
        config.to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
        "--rows",
        "region=40000,shop=10,visit=10",
    ]);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        !r.status.success() && err.contains("32767") && err.contains("40000"),
        "{err}"
    );
    ok(&[
        "generate",
        input.to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
        "--rows",
        "region=32767,shop=10,visit=10",
        "--progress",
        "none",
    ]);
}
