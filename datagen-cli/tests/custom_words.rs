//! `--words NAME=PATH`: word lists registered for `datagen sample` and `datagen providers`.

use assert_cmd::Command;

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

fn run(args: &[&str]) -> std::process::Output {
    datagen().args(args).output().expect("datagen runs")
}

#[test]
fn sample_draws_from_a_csv_word_list_by_weight() {
    let out = run(&[
        "sample",
        "my.words",
        "--words",
        "my.words=tests/fixtures/words.csv",
        "--count",
        "2000",
        "--seed",
        "3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2000);
    let count = |v: &str| lines.iter().filter(|l| **l == v).count() as f64 / 2000.0;
    assert!((count("alpha") - 0.6).abs() < 0.05, "{}", count("alpha"));
    assert!((count("beta") - 0.3).abs() < 0.05, "{}", count("beta"));
    assert!(
        (count("gamma, delta") - 0.1).abs() < 0.04,
        "{}",
        count("gamma, delta")
    );
    // Deterministic per seed.
    let again = run(&[
        "sample",
        "my.words",
        "--words",
        "my.words=tests/fixtures/words.csv",
        "--count",
        "2000",
        "--seed",
        "3",
    ]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
}

#[test]
fn providers_lists_word_lists() {
    let out = run(&[
        "providers",
        "--words",
        "my.words=tests/fixtures/words.csv",
        "--words",
        "other.words=tests/fixtures/words.csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("my.words\t")), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("other.words\t")),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("person.first_name\t")));
}

#[test]
fn bad_word_lists_fail_with_the_reason() {
    for (arg, wanted) in [
        ("my.words=tests/fixtures/missing.csv", "missing.csv"),
        ("person.first_name=tests/fixtures/words.csv", "built-in"),
        ("nodot=tests/fixtures/words.csv", "invalid provider name"),
    ] {
        let out = run(&["sample", "my.words", "--words", arg]);
        assert!(!out.status.success(), "{arg}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(wanted), "{arg}: {err}");
    }
    let out = run(&["sample", "my.words", "--words", "no-equals-sign"]);
    assert!(!out.status.success());
}
