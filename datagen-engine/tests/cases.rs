//! Edge and invalid case rows of a config: every boundary is hit, every edge row is valid, and
//! every invalid row breaks exactly the rule it names, as an independent validator (the `regex`
//! crate, the ranges and sets written below) sees it.

use std::collections::{BTreeSet, HashSet};

use datagen_engine::cases::{LABEL_COLUMNS, Mode};
use datagen_engine::config::parse;
use datagen_engine::{Chunk, Column, Plan, Settings, Values};

const SHOP: &str = r#"
seed: 9
entities:
  customer:
    rows: 50
    fields:
      id: {key: true}
      age: {range: [18, 90]}
      score: {range: [0.0, 5.0]}
      code: {regex: "[A-Z]{2}-[0-9]{3}"}
      email: {template: "{code|lower}@example.com"}
      tier: {one_of: [bronze, silver, gold]}
      vip: {type: bool, p: 0.1}
      joined: {range: ["2020-01-01", "2020-12-31"], type: date}
      price: {range: [1.00, 99.99], type: "decimal(6,2)"}
      nick: {provider: person.first_name, null_rate: 0.2}
      blob: {type: bytes, len: [2, 8]}
      handle: {regex: "[a-z]{6}", unique: true}
      tags: {array: {len: [1, 3], item: {one_of: [a, b]}}}
  order:
    rows: 200
    fields:
      id: {key: {start: 1000}}
      customer: {ref: customer.id}
      qty: {range: [1, 10]}
      status: {cycle: [new, paid, sent]}
"#;

/// One value of a row, as the validator reads it.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    /// Decimal units, dates' days.
    Units(i128),
    /// Bytes and lists: their length.
    Len(usize),
}

fn cell(c: &Column, i: usize) -> Cell {
    if c.is_null(i) {
        return Cell::Null;
    }
    match &c.values {
        Values::Int(v) => Cell::Int(v[i]),
        Values::Float(v) => Cell::Float(v[i]),
        Values::Decimal(v) => Cell::Units(v[i]),
        Values::Date(v) => Cell::Units(i128::from(v[i])),
        Values::Bool(v) => Cell::Bool(v[i]),
        Values::Str(s) => Cell::Str(s.get(i).to_string()),
        Values::Bytes { offsets, .. } | Values::List { offsets, .. } => {
            Cell::Len((offsets[i + 1] - offsets[i]) as usize)
        }
        other => panic!("unexpected column {other:?}"),
    }
}

/// A row: (field name, value) pairs, then the three labels.
type Row = (Vec<(String, Cell)>, [String; 3]);

/// The rows of an entity's whole output.
fn rows(plan: &Plan, e: usize) -> Vec<Row> {
    let chunk: Chunk = plan.chunk(e, 0..plan.rows(e));
    let names: Vec<&str> = plan
        .table(e)
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let fields = names.len() - 3;
    assert_eq!(names[fields..], LABEL_COLUMNS);
    (0..chunk.len)
        .map(|i| {
            let row = (0..fields)
                .map(|f| (names[f].to_string(), cell(&chunk.columns[f], i)))
                .collect();
            let label = |k: usize| match cell(&chunk.columns[fields + k], i) {
                Cell::Str(s) => s,
                other => panic!("label {other:?}"),
            };
            (row, [label(0), label(1), label(2)])
        })
        .collect()
}

fn plan(mode: Mode) -> Plan {
    let (schema, diags) = parse(SHOP, None);
    assert!(diags.is_empty(), "{diags:#?}");
    Plan::new(&schema, &Settings::default())
        .expect("plan")
        .with_cases(mode)
        .expect("cases")
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn days(date: &str) -> i128 {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
    i128::from((d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days())
}

/// The rules `row` breaks, as (field, rule), checked without the engine. `seen` holds the
/// values of unique fields in earlier rows.
fn broken(
    entity: &str,
    row: &[(String, Cell)],
    seen: &mut HashSet<(String, String)>,
) -> BTreeSet<(String, String)> {
    let code = regex::Regex::new("^[A-Z]{2}-[0-9]{3}$").expect("regex");
    let handle = regex::Regex::new("^[a-z]{6}$").expect("regex");
    let mut out = BTreeSet::new();
    let mut bad = |f: &str, rule: &str| {
        out.insert((f.to_string(), rule.to_string()));
    };
    let get = |f: &str| &row.iter().find(|(n, _)| n == f).expect("field").1;
    for (name, value) in row {
        let name = name.as_str();
        let nullable = name == "nick";
        if *value == Cell::Null {
            if !nullable {
                bad(name, "not_null");
            }
            continue;
        }
        let unique = matches!((entity, name), (_, "id") | ("customer", "handle"));
        if unique && !seen.insert((name.to_string(), format!("{value:?}"))) {
            bad(name, "unique");
        }
        match (entity, name, value) {
            ("customer", "age", Cell::Int(x)) if !(18..=90).contains(x) => bad(name, "range"),
            ("customer", "score", Cell::Float(x)) if !(0.0..5.0).contains(x) => bad(name, "range"),
            ("customer", "code", Cell::Str(s)) if !code.is_match(s) => bad(name, "regex"),
            ("customer", "email", Cell::Str(s)) => match get("code") {
                Cell::Str(c) => assert_eq!(*s, format!("{}@example.com", c.to_lowercase())),
                // A template prints a null as nothing.
                Cell::Null => assert_eq!(s, "@example.com"),
                other => panic!("code is a string, found {other:?}"),
            },
            ("customer", "tier", Cell::Str(s)) if !["bronze", "silver", "gold"].contains(&&**s) => {
                bad(name, "one_of")
            }
            ("customer", "joined", Cell::Units(d))
                if !(days("2020-01-01")..=days("2020-12-31")).contains(d) =>
            {
                bad(name, "range")
            }
            ("customer", "price", Cell::Units(u)) if !(100..=9999).contains(u) => {
                bad(name, "range")
            }
            ("customer", "blob", Cell::Len(n)) | ("customer", "tags", Cell::Len(n))
                if !(if name == "blob" { 2..=8 } else { 1..=3 }).contains(n) =>
            {
                bad(name, "len")
            }
            ("customer", "handle", Cell::Str(s)) if !handle.is_match(s) => bad(name, "regex"),
            ("order", "customer", Cell::Int(k)) if !(1..=50).contains(k) => bad(name, "ref"),
            ("order", "qty", Cell::Int(x)) if !(1..=10).contains(x) => bad(name, "range"),
            ("order", "status", Cell::Str(s)) if !["new", "paid", "sent"].contains(&&**s) => {
                bad(name, "cycle")
            }
            _ => {}
        }
    }
    out
}

#[test]
fn edge_rows_hit_every_boundary_and_stay_valid() {
    let plan = plan(Mode::Edge);
    let customer = plan.entity("customer").expect("customer");
    let rows_c = rows(&plan, customer);
    let mut seen = HashSet::new();
    for (row, label) in &rows_c {
        let b = broken("customer", row, &mut seen);
        assert!(b.is_empty(), "edge row {label:?} breaks {b:?}");
    }
    // The values each field takes in the rows labelled with it.
    let at = |rows: &[Row], field: &str| -> Vec<Cell> {
        rows.iter()
            .filter(|(_, l)| l[0] == field)
            .map(|(r, _)| r.iter().find(|(n, _)| n == field).expect("field").1.clone())
            .collect()
    };
    assert_eq!(at(&rows_c, "age"), [Cell::Int(18), Cell::Int(90)]);
    assert_eq!(
        at(&rows_c, "score"),
        [Cell::Float(0.0), Cell::Float(5.0f64.next_down())]
    );
    assert_eq!(
        at(&rows_c, "joined"),
        [
            Cell::Units(days("2020-01-01")),
            Cell::Units(days("2020-12-31"))
        ]
    );
    assert_eq!(at(&rows_c, "price"), [Cell::Units(100), Cell::Units(9999)]);
    assert_eq!(
        at(&rows_c, "code"),
        [Cell::Str("AA-000".into()), Cell::Str("ZZ-999".into())]
    );
    assert_eq!(
        at(&rows_c, "tier"),
        ["bronze", "silver", "gold"].map(|s| Cell::Str(s.into()))
    );
    assert_eq!(at(&rows_c, "vip"), [Cell::Bool(false), Cell::Bool(true)]);
    assert_eq!(at(&rows_c, "nick"), [Cell::Null]);
    assert_eq!(at(&rows_c, "blob"), [Cell::Len(2), Cell::Len(8)]);
    assert_eq!(at(&rows_c, "tags"), [Cell::Len(1), Cell::Len(3)]);
    assert!(
        at(&rows_c, "handle").is_empty(),
        "a unique field has no edge rows"
    );

    let order = plan.entity("order").expect("order");
    let rows_o = rows(&plan, order);
    let mut seen = HashSet::new();
    for (row, label) in &rows_o {
        let b = broken("order", row, &mut seen);
        assert!(b.is_empty(), "edge row {label:?} breaks {b:?}");
    }
    assert_eq!(at(&rows_o, "customer"), [Cell::Int(1), Cell::Int(50)]);
    assert_eq!(at(&rows_o, "qty"), [Cell::Int(1), Cell::Int(10)]);
    assert_eq!(
        at(&rows_o, "status"),
        ["new", "paid", "sent"].map(|s| Cell::Str(s.into()))
    );
    // Keys count on through the case rows, as in the entity's own rows.
    let ids: Vec<Cell> = rows_o.iter().map(|(r, _)| r[0].1.clone()).collect();
    let want: Vec<Cell> = (1000..1000 + rows_o.len() as i64).map(Cell::Int).collect();
    assert_eq!(ids, want);
}

#[test]
fn each_invalid_row_breaks_exactly_its_named_rule() {
    let plan = plan(Mode::Invalid);
    let mut labels = BTreeSet::new();
    for entity in ["customer", "order"] {
        let e = plan.entity(entity).expect("entity");
        let mut seen = HashSet::new();
        for (row, label) in rows(&plan, e) {
            let b = broken(entity, &row, &mut seen);
            let want = BTreeSet::from([(label[0].clone(), label[1].clone())]);
            assert_eq!(b, want, "{entity} row labelled {label:?}");
            labels.insert(format!("{entity}.{}:{}", label[0], label[1]));
        }
    }
    for want in [
        "customer.id:unique",
        "customer.id:not_null",
        "customer.age:range",
        "customer.score:range",
        "customer.code:regex",
        "customer.tier:one_of",
        "customer.joined:range",
        "customer.price:range",
        "customer.blob:len",
        "customer.tags:len",
        "customer.handle:regex",
        "customer.handle:unique",
        "customer.vip:not_null",
        "order.customer:ref",
        "order.customer:not_null",
        "order.qty:range",
        "order.status:cycle",
    ] {
        assert!(
            labels.contains(want),
            "no invalid row for {want}: {labels:?}"
        );
    }
    assert!(
        !labels.iter().any(|l| l.starts_with("customer.nick:")),
        "a field with nulls and no other rule has nothing to break"
    );
}

#[test]
fn invalid_ranges_are_one_step_outside() {
    let plan = plan(Mode::Invalid);
    let e = plan.entity("customer").expect("customer");
    let ages: Vec<Cell> = rows(&plan, e)
        .into_iter()
        .filter(|(_, l)| l[0] == "age" && l[1] == "range")
        .map(|(r, _)| r[1].1.clone())
        .collect();
    assert_eq!(ages, [Cell::Int(17), Cell::Int(91)]);
    let details: Vec<String> = rows(&plan, e)
        .into_iter()
        .filter(|(_, l)| l[0] == "age")
        .map(|(_, l)| l[2].clone())
        .collect();
    assert_eq!(details[0], "17, below range [18, 90]");
}

#[test]
fn case_rows_do_not_depend_on_chunking() {
    let plan = plan(Mode::Invalid);
    let e = plan.entity("customer").expect("customer");
    let n = plan.rows(e);
    let whole = plan.chunk(e, 0..n);
    for cut in [1, 7, n / 2] {
        let a = plan.chunk(e, 0..cut);
        let b = plan.chunk(e, cut..n);
        for (c, col) in whole.columns.iter().enumerate() {
            for i in 0..whole.len {
                let part = if (i as u64) < cut {
                    cell(&a.columns[c], i)
                } else {
                    cell(&b.columns[c], i - cut as usize)
                };
                assert_eq!(cell(col, i), part, "column {c}, row {i}, cut {cut}");
            }
        }
    }
}

#[test]
fn label_names_are_refused() {
    let text = "entities:\n  t:\n    rows: 3\n    fields:\n      _case_rule: {type: int}\n";
    let (schema, diags) = parse(text, None);
    assert!(diags.is_empty(), "{diags:?}");
    let err = Plan::new(&schema, &Settings::default())
        .expect("plan")
        .with_cases(Mode::Edge)
        .err()
        .expect("a label name is refused");
    assert!(err.to_string().contains("`_case_rule`"), "{err}");
}

/// The derive's `Customer`, whose attributes say what `AGREE` says.
#[derive(datagen::Generate, Debug, Clone)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(range = 18..=90)]
    age: i64,
    #[datagen(range = 1.0..500.0)]
    amount: f64,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"])]
    tier: String,
}

const AGREE: &str = r#"
entities:
  customer:
    rows: 10
    fields:
      age: {range: [18, 90]}
      amount: {range: [1.0, 500.0]}
      code: {regex: "[A-Z]{2}-[0-9]{6}"}
      tier: {one_of: [gold, silver, bronze]}
"#;

#[test]
fn invalid_values_agree_with_the_derive() {
    let ctx = datagen::Ctx::seeded(1);
    let derived: Vec<(String, String)> = Customer::invalid_cases(&ctx)
        .into_iter()
        .map(|c| {
            let v = &c.value;
            let value = match c.field {
                "age" => v.age.to_string(),
                "amount" => format!("{:?}", v.amount),
                "code" => v.code.clone(),
                "tier" => v.tier.clone(),
                other => panic!("unexpected field {other}"),
            };
            (c.field.to_string(), value)
        })
        .collect();
    let (schema, diags) = parse(AGREE, None);
    assert!(diags.is_empty(), "{diags:?}");
    let plan = Plan::new(&schema, &Settings::default())
        .expect("plan")
        .with_cases(Mode::Invalid)
        .expect("cases");
    let e = plan.entity("customer").expect("customer");
    let ours: Vec<(String, String)> = rows(&plan, e)
        .into_iter()
        .filter(|(_, l)| l[1] != "not_null")
        .map(|(row, l)| {
            let value = match &row.iter().find(|(n, _)| *n == l[0]).expect("field").1 {
                Cell::Int(x) => x.to_string(),
                Cell::Float(x) => format!("{x:?}"),
                Cell::Str(s) => s.clone(),
                other => panic!("unexpected {other:?}"),
            };
            (l[0].clone(), value)
        })
        .collect();
    assert_eq!(ours, derived);
    assert_eq!(derived[0], ("age".to_string(), "17".to_string()));
}

#[test]
fn a_null_among_the_values_allows_nulls() {
    let text = "entities:\n  t:\n    rows: 5\n    fields:\n      size: {one_of: [S, M, null]}\n";
    let (schema, diags) = parse(text, None);
    assert!(diags.is_empty(), "{diags:?}");
    let plan = Plan::new(&schema, &Settings::default()).expect("plan");
    let invalid = plan.with_cases(Mode::Invalid).expect("cases");
    let got: Vec<(Cell, String)> = rows(&invalid, 0)
        .into_iter()
        .map(|(row, l)| (row[0].1.clone(), l[1].clone()))
        .collect();
    assert_eq!(got, [(Cell::Str("invalid".into()), "one_of".to_string())]);
    let plan = Plan::new(&schema, &Settings::default()).expect("plan");
    let edge = plan.with_cases(Mode::Edge).expect("cases");
    let got: Vec<Cell> = rows(&edge, 0)
        .into_iter()
        .map(|(r, _)| r[0].1.clone())
        .collect();
    assert_eq!(
        got,
        [Cell::Str("S".into()), Cell::Str("M".into()), Cell::Null]
    );
}
