//! `datagen generate`: the contract config to files, read back by independent readers; the same
//! bytes for any thread count; shards that concatenate to the single run; compression, parts,
//! partitions and row overrides.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const CONTRACT: &str = "../datagen-engine/tests/data/contract.yaml";

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

/// Runs `datagen generate CONTRACT --out DIR` with `args` (small row counts) and returns DIR.
fn generate(dir: &Path, args: &[&str]) -> PathBuf {
    let mut cmd = datagen();
    cmd.args(["generate", CONTRACT, "--out"])
        .arg(dir)
        .args(["--progress", "none"]);
    if !args.contains(&"--rows") {
        cmd.args(["--rows", "person=500,purchase=1500"]);
    }
    cmd.args(args).assert().success();
    dir.to_path_buf()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_path(path).expect("readable CSV");
    reader
        .records()
        .map(|r| r.expect("a valid CSV record"))
        .collect()
}

#[test]
fn csv_holds_every_row_and_field_with_refs_resolved() {
    let t = tmp();
    let dir = generate(t.path(), &["--format", "csv"]);
    let mut reader = csv::Reader::from_path(dir.join("person.csv")).expect("person.csv");
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "id",
            "first_name",
            "last_name",
            "email",
            "age",
            "score",
            "tier",
            "nickname",
            "code",
            "joined",
            "active"
        ]
    );
    let people = csv_rows(&dir.join("person.csv"));
    assert_eq!(people.len(), 500);
    let code = regex::Regex::new("^[A-Z]{2}-[0-9]{6}$").expect("regex");
    let mut emails = HashMap::new();
    let mut nulls = 0;
    for (i, p) in people.iter().enumerate() {
        assert_eq!(p[0].parse::<usize>().expect("int id"), i + 1);
        assert_eq!(p[3], format!("{}.{}@example.com", &p[1], &p[2]));
        let age: u32 = p[4].parse().expect("int age");
        assert!((18..=90).contains(&age));
        p[5].parse::<f64>().expect("float score");
        assert!(["gold", "silver", "bronze"].contains(&&p[6]));
        nulls += usize::from(p[7].is_empty());
        assert!(code.is_match(&p[8]), "{}", &p[8]);
        let joined = chrono::NaiveDate::parse_from_str(&p[9], "%Y-%m-%d").expect("a date");
        assert!(
            joined.to_string().as_str() >= "2015-01-01"
                && joined.to_string().as_str() <= "2024-12-31"
        );
        assert!(["true", "false"].contains(&&p[10]));
        emails.insert(p[0].to_string(), p[3].to_string());
    }
    assert!(
        (60..200).contains(&nulls),
        "null_rate 0.25 of 500 rows gave {nulls}"
    );
    let purchases = csv_rows(&dir.join("purchase.csv"));
    assert_eq!(purchases.len(), 1500);
    for p in &purchases {
        assert_eq!(
            emails.get(&p[1]).map(String::as_str),
            Some(&p[2]),
            "lookup of person {}",
            &p[1]
        );
        let amount: f64 = p[3].parse().expect("float amount");
        assert!((1.0..500.0).contains(&amount));
        chrono::NaiveDateTime::parse_from_str(&p[4], "%Y-%m-%dT%H:%M:%S%.f").expect("a timestamp");
    }
}

#[test]
fn jsonl_and_json_parse_with_typed_values() {
    let t = tmp();
    let dir = generate(t.path(), &["--format", "jsonl"]);
    let text = fs::read_to_string(dir.join("person.jsonl")).expect("person.jsonl");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 500);
    assert!(lines[0]["id"].is_u64());
    assert!(lines[0]["score"].is_f64());
    assert!(lines[0]["active"].is_boolean());
    assert!(lines.iter().any(|l| l["nickname"].is_null()));
    let t2 = tmp();
    let dir2 = generate(t2.path(), &["--format", "json"]);
    let array: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(dir2.join("person.json")).expect("person.json"))
            .expect("one JSON array");
    assert_eq!(array, lines, "json and jsonl hold the same records");
}

#[test]
fn xml_has_a_root_and_one_element_per_row() {
    let t = tmp();
    let dir = generate(
        t.path(),
        &["--format", "xml", "--rows", "person=20,purchase=5"],
    );
    let text = fs::read_to_string(dir.join("purchase.xml")).expect("purchase.xml");
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut depth = 0;
    let mut rows = 0;
    let mut fields = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(_) => {
                depth += 1;
                if depth == 2 {
                    rows += 1;
                } else if depth == 3 {
                    fields += 1;
                }
            }
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Empty(_) if depth == 2 => fields += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(rows, 5);
    assert_eq!(fields, 25);
}

#[test]
fn sqlite_sql_loads_into_sqlite() {
    let t = tmp();
    let dir = generate(
        t.path(),
        &[
            "--format",
            "sql",
            "--sql-dialect",
            "sqlite",
            "--sql-batch",
            "64",
        ],
    );
    let db = rusqlite::Connection::open_in_memory().expect("sqlite");
    for e in ["person", "purchase"] {
        let sql = fs::read_to_string(dir.join(format!("{e}.sql"))).expect("sql file");
        db.execute_batch(&sql).expect("the SQL runs");
    }
    let n: i64 = db
        .query_row("SELECT count(*) FROM purchase", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 1500);
    let joined: i64 = db
        .query_row(
            "SELECT count(*) FROM purchase p JOIN person c ON c.id = p.person_id AND c.email = p.buyer_email",
            [],
            |r| r.get(0),
        )
        .expect("join");
    assert_eq!(
        joined, 1500,
        "every purchase's person exists and its email matches"
    );
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .to_string();
                out.push((rel, fs::read(&path).expect("a file")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn any_thread_count_writes_the_same_bytes() {
    for format in ["csv", "jsonl", "sql", "parquet", "arrow", "avro"] {
        let a = tmp();
        let b = tmp();
        let args = ["--format", format, "--chunk-rows", "97"];
        generate(a.path(), &[&args[..], &["--threads", "1"]].concat());
        generate(b.path(), &[&args[..], &["--threads", "3"]].concat());
        assert_eq!(read_all(a.path()), read_all(b.path()), "{format}");
    }
}

#[test]
fn shards_concatenate_to_the_single_run() {
    for (format, compress) in [
        ("csv", None),
        ("json", None),
        ("sql", None),
        ("jsonl", Some("gzip")),
        ("xml", Some("zstd")),
    ] {
        let whole = tmp();
        let mut args = vec!["--format", format, "--chunk-rows", "50"];
        if let Some(c) = compress {
            args.extend(["--compress", c]);
        }
        generate(whole.path(), &args);
        let single = read_all(whole.path());
        let mut joined: HashMap<String, Vec<u8>> = HashMap::new();
        for k in 0..3 {
            let shard = tmp();
            let spec = format!("{k}/3");
            generate(shard.path(), &[&args[..], &["--shard", &spec]].concat());
            for (name, bytes) in read_all(shard.path()) {
                joined.entry(name).or_default().extend(bytes);
            }
        }
        for (name, bytes) in single {
            let parts = &joined[&name];
            assert_eq!(
                decompress(&name, parts),
                decompress(&name, &bytes),
                "{format} {name}"
            );
        }
    }
}

fn decompress(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if name.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("gzip");
    } else if name.ends_with(".zst") {
        out = zstd::stream::decode_all(bytes).expect("zstd");
    } else {
        out = bytes.to_vec();
    }
    out
}

#[test]
fn compression_adds_the_extension_and_keeps_the_bytes() {
    let plain = tmp();
    generate(plain.path(), &["--format", "csv"]);
    for (c, ext) in [("gzip", "gz"), ("zstd", "zst")] {
        let t = tmp();
        generate(t.path(), &["--format", "csv", "--compress", c]);
        let packed = fs::read(t.path().join(format!("person.csv.{ext}"))).expect("compressed file");
        assert_eq!(
            decompress(&format!("x.{ext}"), &packed),
            fs::read(plain.path().join("person.csv")).expect("plain file")
        );
    }
}

#[test]
fn parts_hold_at_most_the_maximum_rows() {
    let t = tmp();
    generate(t.path(), &["--format", "csv", "--max-rows-per-file", "200"]);
    let dir = t.path().join("person");
    let mut total = 0;
    for (i, expected) in [200, 200, 100].iter().enumerate() {
        let rows = csv_rows(&dir.join(format!("part-{i:05}.csv")));
        assert_eq!(rows.len(), *expected);
        assert_eq!(rows[0][0].parse::<usize>().expect("id"), total + 1);
        total += rows.len();
    }
    assert!(!dir.join("part-00003.csv").exists());
}

#[test]
fn partitions_are_hive_folders() {
    let t = tmp();
    generate(t.path(), &["--format", "csv", "--partition-by", "tier"]);
    let mut total = 0;
    for tier in ["gold", "silver", "bronze"] {
        let rows = csv_rows(&t.path().join(format!("person/tier={tier}/part-00000.csv")));
        assert!(rows.iter().all(|r| &r[6] == tier));
        total += rows.len();
    }
    assert_eq!(total, 500);
}

#[test]
fn zero_rows_still_write_a_header() {
    let t = tmp();
    generate(
        t.path(),
        &["--format", "csv", "--rows", "person=0,purchase=0"],
    );
    let text = fs::read_to_string(t.path().join("person.csv")).expect("person.csv");
    assert_eq!(text.lines().count(), 1, "{text}");
    let t2 = tmp();
    generate(t2.path(), &["--format", "json", "--rows", "0"]);
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(t2.path().join("person.json")).expect("json"))
            .expect("valid");
    assert_eq!(v, serde_json::json!([]));
}

#[test]
fn one_entity_to_standard_output() {
    let out = datagen()
        .args([
            "generate", CONTRACT, "--entity", "person", "--rows", "7", "--format", "jsonl",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).expect("utf-8").lines().count(), 7);
    datagen()
        .args(["generate", CONTRACT, "--rows", "7"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--out DIR"));
}

#[test]
fn progress_json_lines_parse() {
    let t = tmp();
    let assert = datagen()
        .args([
            "generate",
            CONTRACT,
            "--rows",
            "300",
            "--format",
            "csv",
            "--progress",
            "json",
            "--out",
        ])
        .arg(t.path())
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    let done: Vec<serde_json::Value> = stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).expect("a JSON progress line"))
        .filter(|v: &serde_json::Value| v["done"] == true)
        .collect();
    assert_eq!(done.len(), 2);
    assert_eq!(done[0]["entity"], "person");
    assert_eq!(done[0]["rows"], 300);
    assert!(stderr.contains("total"), "a summary follows: {stderr}");
}
