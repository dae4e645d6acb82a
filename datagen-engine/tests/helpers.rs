//! `cycle`, `hidden` helper fields and the `pad:N` template filter: what a config with them
//! generates, and the errors for their misuse.

use datagen_engine::config;
use datagen_engine::{Plan, Settings, Values};

const CONFIG: &str = r#"
seed: 7
entities:
  region:
    rows: 5
    fields:
      r_key: {key: {start: 0}}
      r_name: {cycle: [AFRICA, AMERICA, ASIA, EUROPE, MIDDLE EAST]}
      r_code: {range: [100, 999], hidden: true}
  supplier:
    rows: 40
    fields:
      s_key: {key: true}
      s_name: {template: "Supplier#{s_key|pad:9}"}
      s_region: {ref: region.r_key}
      s_region_code: {lookup: region.r_code, by: s_region}
      s_balance: {template: "{s_signed|pad:6}"}
      s_signed: {range: [-999, 999], hidden: true}
      s_tag: {cycle: [1, 2, 3]}
"#;

fn strings(values: &Values) -> Vec<String> {
    match values {
        Values::Str(s) => (0..s.len()).map(|i| s.get(i).to_string()).collect(),
        other => panic!("expected strings, found {other:?}"),
    }
}

fn ints(values: &Values) -> Vec<i64> {
    match values {
        Values::Int(v) => v.clone(),
        other => panic!("expected integers, found {other:?}"),
    }
}

#[test]
fn cycle_hidden_and_pad_generate_as_documented() {
    let (schema, diags) = config::parse(CONFIG, None);
    assert!(diags.is_empty(), "{diags:?}");
    let plan = Plan::new(&schema, &Settings::default()).expect("plan");

    let region = plan.entity("region").expect("region");
    let names: Vec<&str> = plan
        .table(region)
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["r_key", "r_name"], "hidden fields are not written");
    let chunk = plan.chunk(region, 0..5);
    assert_eq!(chunk.columns.len(), 2);
    assert_eq!(
        strings(&chunk.columns[1].values),
        ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]
    );
    // Any range gives the same rows: row 3 is EUROPE whichever chunk it is in.
    assert_eq!(
        strings(&plan.chunk(region, 3..4).columns[1].values),
        ["EUROPE"]
    );

    let supplier = plan.entity("supplier").expect("supplier");
    let names: Vec<&str> = plan
        .table(supplier)
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "s_key",
            "s_name",
            "s_region",
            "s_region_code",
            "s_balance",
            "s_tag"
        ]
    );
    let chunk = plan.chunk(supplier, 0..40);
    let keys = ints(&chunk.columns[0].values);
    let names = strings(&chunk.columns[1].values);
    for (k, n) in keys.iter().zip(&names) {
        assert_eq!(n, &format!("Supplier#{k:09}"));
    }
    // The lookup reads the hidden code of the picked region row, which is in 100..=999.
    let codes = ints(&chunk.columns[3].values);
    assert!(codes.iter().all(|c| (100..=999).contains(c)), "{codes:?}");
    let regions = ints(&chunk.columns[2].values);
    let region_codes = {
        // The same region row always carries the same hidden code.
        let mut seen = std::collections::HashMap::new();
        for (r, c) in regions.iter().zip(&codes) {
            assert_eq!(*seen.entry(*r).or_insert(*c), *c, "region {r}");
        }
        seen.len()
    };
    assert!(region_codes > 1, "40 suppliers pick more than one region");
    // Zero padding keeps the sign first and reaches six characters.
    let balances = strings(&chunk.columns[4].values);
    assert!(balances.iter().any(|b| b.starts_with('-')), "{balances:?}");
    for b in &balances {
        assert_eq!(b.len(), 6, "{b}");
        let n: i64 = b.parse().expect("a padded integer still parses");
        assert!((-999..=999).contains(&n));
    }
    assert_eq!(
        ints(&chunk.columns[5].values)[..6],
        [1, 2, 3, 1, 2, 3],
        "integer cycles are integer columns"
    );
}

#[test]
fn misuse_is_reported_with_a_fix() {
    let text = r#"
entities:
  t:
    rows: 3
    fields:
      a: {key: true}
      b: {template: "{a|pad:x}"}
      c: {fields: {d: {range: [1, 2], hidden: true}}}
      e: {cycle: []}
      f: {cycle: [1, 2], weights: [1, 2]}
"#;
    let (_, diags) = config::parse(text, None);
    let all: Vec<String> = diags.iter().map(ToString::to_string).collect();
    let has = |needle: &str, line: u32| {
        diags
            .iter()
            .any(|d| d.span.line == line && d.to_string().contains(needle))
    };
    assert!(has("pad:N", 7), "{all:#?}");
    assert!(
        has("`hidden` applies to an entity's own fields", 8),
        "{all:#?}"
    );
    assert!(has("no values", 9), "{all:#?}");
    assert!(has("`weights` does not apply to `cycle`", 10), "{all:#?}");
}
