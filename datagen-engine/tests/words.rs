//! Custom providers in configs: word lists named under `providers:` and custom providers
//! registered in Rust, used by fields as `provider: family.name`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use datagen_core::Ctx;
use datagen_engine::config::parse;
use datagen_engine::{Plan, Settings, Values};

/// A fresh folder for this test's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("datagen-words-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every value of the entity's column `column`, over `rows` rows.
fn column(config: &Path, text: &str, entity: &str, column: usize, rows: u64) -> Vec<String> {
    let (schema, diags) = parse(text, Some(config));
    assert!(diags.is_empty(), "{diags:#?}");
    let plan = Plan::new(&schema, &Settings::default()).expect("the plan accepts the config");
    let id = plan.entity(entity).expect("the entity");
    let chunk = plan.chunk(id, 0..rows);
    let Values::Str(values) = &chunk.columns[column].values else {
        panic!("a string column");
    };
    (0..values.len())
        .map(|i| values.get(i).to_owned())
        .collect()
}

#[test]
fn a_weighted_csv_word_list_feeds_a_field() {
    let dir = folder("csv");
    std::fs::write(
        dir.join("aisles.csv"),
        "value,weight\nfront,6\n\"back, left\",3\nroof,1\n",
    )
    .unwrap();
    let config = dir.join("shop.yaml");
    let text = "
seed: 5
providers:
  shop.aisle: aisles.csv
entities:
  shelf:
    rows: 20000
    fields:
      id: {key: {start: 1}}
      aisle: {provider: shop.aisle}
";
    let values = column(&config, text, "shelf", 1, 20_000);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for v in &values {
        *counts.entry(v.as_str()).or_default() += 1;
    }
    assert_eq!(counts.len(), 3, "{counts:?}");
    for (value, share) in [("front", 0.6), ("back, left", 0.3), ("roof", 0.1)] {
        let got = counts[value] as f64 / values.len() as f64;
        assert!((got - share).abs() < 0.02, "{value}: {got}");
    }
    // Reading the same config again in the process registers the same list again.
    assert_eq!(column(&config, text, "shelf", 1, 100), values[..100]);
}

#[test]
fn a_text_word_list_and_a_rust_provider_feed_fields() {
    datagen_providers::register("test.shelf_code", "S-1 to S-9", |ctx: &mut Ctx, out| {
        out.push_str("S-");
        out.push(char::from(b'1' + ctx.below(9) as u8));
    })
    .unwrap();
    let dir = folder("txt");
    std::fs::write(dir.join("fruit.txt"), "# fruit\napple\nbanana\ncherry\n").unwrap();
    let config = dir.join("fruit.yaml");
    let text = "
providers:
  test.fruit: fruit.txt
entities:
  basket:
    rows: 3000
    fields:
      fruit: {provider: test.fruit}
      shelf: {provider: test.shelf_code}
";
    let fruit = column(&config, text, "basket", 0, 3000);
    for name in ["apple", "banana", "cherry"] {
        let n = fruit.iter().filter(|v| *v == name).count();
        assert!((850..1150).contains(&n), "{name}: {n}");
    }
    let shelves = column(&config, text, "basket", 1, 3000);
    assert!(shelves.iter().all(|v| v.len() == 3 && v.starts_with("S-")));
}

#[test]
fn word_list_errors_name_the_config_line_and_the_file_line() {
    let dir = folder("bad");
    std::fs::write(dir.join("bad.csv"), "red,2\nblue,zero\n").unwrap();
    let config = dir.join("bad.yaml");
    let text = "
providers:
  test.colour: bad.csv
  test.missing: nowhere.txt
  person.first_name: bad.csv
entities:
  t:
    rows: 1
    fields:
      c: {provider: test.colour}
";
    let (_, diags) = parse(text, Some(&config));
    let shown: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{} {}", d.span.line, d.span.column, d.message))
        .collect();
    let all = shown.join("\n");
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("3:") && d.contains("bad.csv, line 2") && d.contains("`zero`")),
        "{all}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("4:") && d.contains("nowhere.txt") && d.contains("cannot read")),
        "{all}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("5:") && d.contains("built-in provider")),
        "{all}"
    );
    // The field naming the list that failed to load is reported too, not generated from.
    assert!(
        shown
            .iter()
            .any(|d| d.contains("unknown provider `test.colour`")),
        "{all}"
    );
}
