//! Native configs end to end: what the reader makes, the plan accepts and generates from.

use datagen_engine::config::{is_native_config, parse};
use datagen_engine::{Plan, Settings};

const CONTRACT: &str = include_str!("data/contract.yaml");

/// Reads `text` with no problem and plans it with no problem.
fn plan(text: &str) -> Plan {
    let (schema, diags) = parse(text, None);
    assert!(diags.is_empty(), "{diags:#?}");
    match Plan::new(&schema, &Settings::default()) {
        Ok(plan) => plan,
        Err(e) => panic!("the plan refused the config:\n{e}"),
    }
}

#[test]
fn the_contract_config_plans_and_generates() {
    assert!(is_native_config(CONTRACT));
    let plan = plan(CONTRACT);
    assert_eq!(plan.seed(), 11);
    assert_eq!(plan.len(), 2);
    let purchase = plan.entity("purchase").expect("purchase");
    assert_eq!(plan.rows(purchase), 60000);
    let chunk = plan.chunk(purchase, 0..100);
    assert_eq!(chunk.len, 100);
}

#[test]
fn every_generator_plans() {
    let text = r#"
seed: 3
entities:
  orders:
    rows: 50
    fields:
      id: {key: {start: 100}}
      n: {sequence: {start: 0, step: 10}}
      c: {const: 7}
      on: {type: date}
      at: {type: timestamptz}
      t: {type: time}
      price: {type: "decimal(8,2)", range: [0.5, 99.99]}
      q: {poisson: {lambda: 3}}
      z: {zipf: {n: 12, s: 2.0}}
      g: {type: int, gamma: {shape: 2, scale: 1}, clamp: [0, 10]}
      u: {type: uuid}
      b: {type: bytes, len: [1, 4]}
      flag: {type: bool, p: 0.2}
      w: {one_of: [0.05, 0.1], weights: [3, 1], type: "decimal(4,2)"}
  line:
    rows: 200
    fields:
      order_id: {ref: orders.id}
      ordered_on: {lookup: orders.on, by: order_id}
      shipped_on: {offset: {from: ordered_on, days: [1, 121]}}
      shipped_at: {offset: {from: at, seconds: [3600, 864000]}, null_rate: 0.1}
      at: {lookup: orders.at, by: order_id}
      sku: {regex: "[A-Z]{3}-[0-9]{5}", unique: true}
      address: {fields: {street: {provider: address.street}, city: {provider: address.city}}}
      tags: {array: {len: [0, 3], item: {one_of: [red, green, blue]}}}
"#;
    let plan = plan(text);
    let line = plan.entity("line").expect("line");
    assert_eq!(plan.chunk(line, 0..200).len, 200);
    let orders = plan.entity("orders").expect("orders");
    assert_eq!(plan.chunk(orders, 10..50).len, 40);
}
