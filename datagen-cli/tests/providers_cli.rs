//! The `datagen providers` and `datagen sample` contract, run as a user runs them.

use assert_cmd::Command;

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("datagen runs");
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn providers_lists_names_then_descriptions() {
    let text = stdout(datagen().arg("providers"));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 10, "{text}");
    for line in &lines {
        let (name, description) = line.split_once('\t').expect("name TAB description");
        assert!(name.contains('.') && !name.contains(' '), "{line}");
        assert!(!description.trim().is_empty(), "{line}");
    }
    assert!(lines.iter().any(|l| l.starts_with("person.first_name\t")));
    assert!(lines.iter().any(|l| l.starts_with("address.city\t")));
}

#[test]
fn providers_with_a_locale_flags_exactly_the_providers_without_its_data() {
    for locale in ["en_US", "de_DE", "ja_JP"] {
        let missing = datagen_providers_without_locale(locale);
        let text = stdout(datagen().args(["providers", "--locale", locale]));
        let marker = format!("[no {locale} data");
        for line in text.lines() {
            let name = line.split('\t').next().expect("a name");
            assert_eq!(
                line.contains(&marker),
                missing.contains(&name),
                "{locale}: {line}"
            );
        }
        // Most providers have data of their own for these locales.
        assert!(
            missing.len() * 4 < text.lines().count(),
            "{locale}: {missing:?}"
        );
    }
}

/// The providers whose registry entry has no data for `locale`.
fn datagen_providers_without_locale(locale: &str) -> Vec<&'static str> {
    let locale: datagen_core::Locale = locale.parse().expect("a known locale");
    datagen_providers::registry()
        .iter()
        .filter(|p| !p.localized.contains(&locale))
        .map(|p| p.name)
        .collect()
}

#[test]
fn sample_prints_count_lines_deterministically() {
    let a = stdout(datagen().args([
        "sample",
        "person.first_name",
        "--count",
        "50",
        "--seed",
        "7",
    ]));
    let b = stdout(datagen().args([
        "sample",
        "person.first_name",
        "--count",
        "50",
        "--seed",
        "7",
    ]));
    let c = stdout(datagen().args([
        "sample",
        "person.first_name",
        "--count",
        "50",
        "--seed",
        "8",
    ]));
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.lines().count(), 50);
    assert!(a.lines().all(|l| !l.is_empty()));
    // A shorter run is a prefix of a longer one: value i is addressed by i.
    let short =
        stdout(datagen().args(["sample", "person.first_name", "--count", "5", "--seed", "7"]));
    assert!(a.starts_with(&short));
}

#[test]
fn sample_safe_phone_numbers_are_fictional() {
    let text = stdout(datagen().args([
        "sample",
        "phone.number",
        "--count",
        "200",
        "--safe",
        "--seed",
        "1",
    ]));
    for line in text.lines() {
        let digits: String = line.chars().filter(char::is_ascii_digit).collect();
        let local = &digits[digits.len() - 7..];
        assert!(
            local.starts_with("5550")
                && (100..=199).contains(&local[3..].parse::<u32>().expect("digits")),
            "{line}"
        );
    }
}

#[test]
fn unknown_provider_is_one_clear_line_with_a_suggestion() {
    let out = datagen()
        .args(["sample", "person.frist_name"])
        .output()
        .expect("datagen runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("unknown provider `person.frist_name`; did you mean `person.first_name`"),
        "{err}"
    );
}

#[test]
fn unknown_locale_is_rejected() {
    let out = datagen()
        .args(["sample", "person.first_name", "--locale", "xx_XX"])
        .output()
        .expect("datagen runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown locale `xx_XX`"));
}
