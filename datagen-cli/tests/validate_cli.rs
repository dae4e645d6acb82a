//! `datagen validate`: every problem at once, each with file, line, column and a fix; a valid
//! config gets a one-line summary; nothing panics.

use std::fs;

use assert_cmd::Command;
use predicates::str::contains;

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

#[test]
fn the_contract_config_is_valid() {
    datagen()
        .args(["validate", "../datagen-engine/tests/data/contract.yaml"])
        .assert()
        .success()
        .stdout(contains("valid: 2 entities, 16 fields, 80000 rows"));
}

#[test]
fn every_problem_is_reported_with_its_position() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("bad.yaml");
    fs::write(
        &path,
        "\
seed: 1
entities:
  person:
    rows: 10
    fields:
      id: {key: true}
      age: {rnage: [18, 90]}
      name: {provider: person.frist_name}
      score: {range: [90, 18]}
  order:
    rows: 5
    fields:
      buyer: {ref: persn.id}
",
    )
    .expect("write");
    let out = datagen().arg("validate").arg(&path).assert().failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    let file = path.display().to_string();
    assert!(
        stderr.contains(&format!(
            "{file}:7:13: unknown field option `rnage`; did you mean `range`"
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{file}:8:")), "{stderr}");
    assert!(
        stderr.contains("did you mean `person.first_name`"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{file}:9:")), "{stderr}");
    assert!(stderr.contains(&format!("{file}:13:")), "{stderr}");
    assert!(stderr.contains("did you mean `person`"), "{stderr}");
}

#[test]
fn malformed_yaml_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tmp");
    for (i, text) in [
        "entities: [",
        "entities:\n  a:\n    rows: x\n",
        "",
        "- 1\n- 2",
        "entities:\n  a: {rows: 1, fields: {f: 3}}",
    ]
    .iter()
    .enumerate()
    {
        let path = dir.path().join(format!("c{i}.yaml"));
        fs::write(&path, text).expect("write");
        let out = datagen().arg("validate").arg(&path).assert().failure();
        let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
