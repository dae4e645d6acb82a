//! A/B groups in configs: exact shares, per-group field specs, determinism across chunkings,
//! and the errors for bad shares and overrides.

use datagen_engine::config::parse;
use datagen_engine::{Chunk, Plan, Settings, Values};

const AB: &str = r#"
seed: 5
entities:
  visitor:
    rows: 100000
    groups:
      control: {share: 0.5}
      treatment: {share: 0.5, fields: {converted: {type: bool, p: 0.12}}}
    fields:
      id: {key: true}
      converted: {type: bool, p: 0.08}
      spend: {range: [1, 100]}
"#;

fn plan(text: &str) -> Plan {
    let (schema, diags) = parse(text, None);
    assert!(diags.is_empty(), "{diags:#?}");
    Plan::new(&schema, &Settings::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn column<'a>(plan: &Plan, e: usize, chunk: &'a Chunk, name: &str) -> &'a Values {
    let i = plan
        .table(e)
        .columns
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column `{name}`"));
    &chunk.columns[i].values
}

fn strings(values: &Values) -> Vec<String> {
    match values {
        Values::Str(s) => (0..s.len()).map(|i| s.get(i).to_string()).collect(),
        other => panic!("expected strings, found {other:?}"),
    }
}

fn bools(values: &Values) -> Vec<bool> {
    match values {
        Values::Bool(v) => v.clone(),
        other => panic!("expected booleans, found {other:?}"),
    }
}

/// The errors `text` gets, as `line:column: message`.
fn errors(text: &str) -> Vec<String> {
    let (_, diags) = parse(text, None);
    diags
        .iter()
        .map(|d| format!("{}:{}: {}", d.span.line, d.span.column, d.message))
        .collect()
}

#[test]
fn shares_are_exact_and_treatment_converts_more() {
    let plan = plan(AB);
    let e = plan.entity("visitor").expect("visitor");
    let names: Vec<&str> = plan
        .table(e)
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["id", "converted", "spend", "group"]);
    let chunk = plan.chunk(e, 0..100_000);
    let groups = strings(column(&plan, e, &chunk, "group"));
    let converted = bools(column(&plan, e, &chunk, "converted"));
    let control = groups.iter().filter(|g| *g == "control").count();
    let treatment = groups.iter().filter(|g| *g == "treatment").count();
    assert_eq!((control, treatment), (50_000, 50_000));
    let rate = |name: &str| {
        let (hits, n) = groups
            .iter()
            .zip(&converted)
            .filter(|(g, _)| *g == name)
            .fold((0u32, 0u32), |(h, n), (_, c)| (h + u32::from(*c), n + 1));
        f64::from(hits) / f64::from(n)
    };
    let (c, t) = (rate("control"), rate("treatment"));
    // Binomial standard error at 50k rows is about 0.0013: 0.01 is over 7 of them.
    assert!((c - 0.08).abs() < 0.01, "control converts at {c}");
    assert!((t - 0.12).abs() < 0.01, "treatment converts at {t}");
    assert!(t - c > 0.03, "treatment {t} vs control {c}");
    // Groups are interleaved, not runs of rows.
    assert!(groups[..100].iter().any(|g| g == "control"));
    assert!(groups[..100].iter().any(|g| g == "treatment"));
}

#[test]
fn uneven_shares_round_to_the_row_count() {
    let text = r#"
entities:
  user:
    rows: 1001
    group_field: arm
    groups:
      a: {share: 0.2}
      b: {share: 0.3}
      c: {share: 0.5, fields: {score: {range: [500, 600]}}}
    fields:
      id: {key: true}
      score: {range: [0, 100]}
"#;
    let plan = plan(text);
    let e = plan.entity("user").expect("user");
    let chunk = plan.chunk(e, 0..1001);
    let arms = strings(column(&plan, e, &chunk, "arm"));
    let count = |n: &str| arms.iter().filter(|a| *a == n).count();
    assert_eq!((count("a"), count("b"), count("c")), (200, 300, 501));
    let Values::Int(scores) = column(&plan, e, &chunk, "score") else {
        panic!("score is an integer column")
    };
    for (arm, score) in arms.iter().zip(scores) {
        if arm == "c" {
            assert!((500..=600).contains(score), "row of c scores {score}");
        } else {
            assert!((0..=100).contains(score), "row of {arm} scores {score}");
        }
    }
}

#[test]
fn groups_do_not_depend_on_chunking() {
    let plan = plan(AB);
    let e = plan.entity("visitor").expect("visitor");
    let whole = plan.chunk(e, 0..3000);
    let mut parts = Vec::new();
    for start in (0..3000).step_by(700) {
        let chunk = plan.chunk(e, start..(start + 700).min(3000));
        parts.extend(strings(column(&plan, e, &chunk, "group")));
    }
    assert_eq!(strings(column(&plan, e, &whole, "group")), parts);
    let other = Plan::new(
        &parse(&AB.replace("seed: 5", "seed: 6"), None).0,
        &Settings::default(),
    )
    .expect("plan");
    let moved = other.chunk(e, 0..3000);
    assert_ne!(
        strings(column(&plan, e, &whole, "group")),
        strings(column(&other, e, &moved, "group")),
        "the assignment is keyed by the seed"
    );
}

#[test]
fn shares_must_sum_to_one() {
    let text = "entities:\n  v:\n    rows: 10\n    groups:\n      a: {share: 0.5}\n      b: {share: 0.4}\n    fields:\n      id: {key: true}\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("4:5: the shares of the groups of entity `v` sum to 0.9"),
        "{errs:?}"
    );
}

#[test]
fn overrides_must_name_fields_with_the_same_type() {
    let text = "entities:\n  v:\n    rows: 10\n    groups:\n      a: {share: 0.5}\n      b: {share: 0.5, fields: {convertd: {type: bool, p: 0.2}, n: {type: string}}}\n    fields:\n      converted: {type: bool}\n      n: {range: [1, 5]}\n";
    let (_, diags) = parse(text, None);
    let errs = errors(text);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].starts_with("6:32: group `b` overrides `convertd`, which is not a field"),
        "{errs:?}"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("did you mean `converted`?"),
        "{diags:?}"
    );
    assert!(
        errs[1].contains("group `b` gives field `n` the type string, but the field is int"),
        "{errs:?}"
    );
}

#[test]
fn a_group_needs_a_share_and_a_free_field_name() {
    let text = "entities:\n  v:\n    rows: 10\n    groups:\n      a: {share: 1.0}\n      b: {fields: {}}\n    fields:\n      group: {type: int}\n";
    let errs = errors(text);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("6:7: group `b` of entity `v` has no `share`")),
        "{errs:?}"
    );
    let text = "entities:\n  v:\n    rows: 10\n    groups:\n      a: {share: 0.5}\n      b: {share: 0.5}\n    fields:\n      group: {type: int}\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("has a field `group` and groups"),
        "{errs:?}"
    );
}
