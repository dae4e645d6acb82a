//! Type inference and generator defaults: what each spec becomes in the IR.

use super::{clean, field, with_fields};
use crate::ir::{DataType, Dist, Field, Gen, Value};

/// The field `x` of a config whose only other field is the key.
fn x(spec: &str) -> Field {
    let s = clean(&with_fields(&format!("      x: {spec}\n")));
    field(&s, "p", "x").clone()
}

fn gen_ty(spec: &str) -> (Gen, DataType) {
    let f = x(spec);
    (f.generator, f.ty)
}

const DAY: i64 = 86_400_000_000;

#[test]
fn ranges_take_the_type_of_their_bounds() {
    assert_eq!(
        gen_ty("{range: [-5, 5]}"),
        (Gen::IntRange { lo: -5, hi: 5 }, DataType::Int)
    );
    assert_eq!(
        gen_ty("{range: [1, 5.5]}"),
        (Gen::FloatRange { lo: 1.0, hi: 5.5 }, DataType::Float)
    );
    assert_eq!(
        gen_ty("{range: [0, 1e3]}"),
        (
            Gen::FloatRange {
                lo: 0.0,
                hi: 1000.0
            },
            DataType::Float
        )
    );
    assert_eq!(
        gen_ty("{type: float, range: [1, 2]}"),
        (Gen::FloatRange { lo: 1.0, hi: 2.0 }, DataType::Float)
    );
    let dec = DataType::Decimal {
        precision: 12,
        scale: 2,
    };
    assert_eq!(
        gen_ty("{type: \"decimal(12,2)\", range: [1, 500]}"),
        (
            Gen::IntRange {
                lo: 100,
                hi: 50_000
            },
            dec.clone()
        )
    );
    assert_eq!(
        gen_ty("{type: \"decimal(12, 2)\", range: [-999.99, 0.5]}"),
        (
            Gen::IntRange {
                lo: -99_999,
                hi: 50
            },
            dec
        )
    );
    assert_eq!(
        gen_ty("{type: date, range: [1970-01-02, \"1970-01-31\"]}"),
        (Gen::IntRange { lo: 1, hi: 30 }, DataType::Date)
    );
    assert_eq!(
        gen_ty("{type: time, range: [\"00:00:01\", \"12:00:00.5\"]}"),
        (
            Gen::IntRange {
                lo: 1_000_000,
                hi: 43_200_500_000
            },
            DataType::Time
        )
    );
    assert_eq!(
        gen_ty(
            "{type: timestamptz, range: [\"1970-01-01T01:00:00+01:00\", \"1970-01-02T00:00:00Z\"]}"
        ),
        (Gen::IntRange { lo: 0, hi: DAY }, DataType::TimestampTz)
    );
    assert_eq!(
        gen_ty(
            "{type: timestamp, range: [\"1970-01-01T00:00:00.000001\", \"1970-01-02 00:00:00\"]}"
        ),
        (Gen::IntRange { lo: 1, hi: DAY }, DataType::Timestamp)
    );
}

#[test]
fn one_of_takes_the_type_of_its_values() {
    let weights = None;
    assert_eq!(
        gen_ty("{one_of: [1, 2, 3]}"),
        (
            Gen::OneOf {
                values: vec![Value::Int(1), Value::Int(2), Value::Int(3)],
                weights: weights.clone()
            },
            DataType::Int
        )
    );
    assert_eq!(
        gen_ty("{one_of: [1, 2.5], weights: [0.5, 2]}"),
        (
            Gen::OneOf {
                values: vec![Value::Float(1.0), Value::Float(2.5)],
                weights: Some(vec![0.5, 2.0])
            },
            DataType::Float
        )
    );
    assert_eq!(x("{one_of: [true, false]}").ty, DataType::Bool);
    assert_eq!(
        gen_ty("{type: date, one_of: [\"1970-01-11\", null]}"),
        (
            Gen::OneOf {
                values: vec![Value::Date(10), Value::Null],
                weights
            },
            DataType::Date
        )
    );
    let (g, _) = gen_ty("{type: \"decimal(4,2)\", one_of: [0.05, 1]}");
    let Gen::OneOf { values, .. } = g else {
        panic!("{g:?}")
    };
    assert_eq!(values, [Value::Decimal(5, 2), Value::Decimal(100, 2)]);
    let (g, ty) = gen_ty("{type: string, one_of: [1, b]}");
    assert_eq!(ty, DataType::String);
    assert_eq!(
        g,
        Gen::OneOf {
            values: vec![Value::Str("1".into()), Value::Str("b".into())],
            weights: None
        }
    );
}

#[test]
fn type_alone_has_defaults() {
    let cases = [
        (
            "int",
            Gen::IntRange {
                lo: 0,
                hi: 1_000_000,
            },
            DataType::Int,
        ),
        (
            "float",
            Gen::FloatRange { lo: 0.0, hi: 1.0 },
            DataType::Float,
        ),
        (
            "string",
            Gen::Provider("lorem.word".into()),
            DataType::String,
        ),
        ("bool", Gen::Bool { p: 0.5 }, DataType::Bool),
        (
            "date",
            Gen::IntRange {
                lo: 16_436,
                hi: 20_088,
            },
            DataType::Date,
        ),
        (
            "timestamptz",
            Gen::IntRange {
                lo: 16_436 * DAY,
                hi: 20_089 * DAY - 1,
            },
            DataType::TimestampTz,
        ),
        (
            "time",
            Gen::IntRange {
                lo: 0,
                hi: 86_399_999_999,
            },
            DataType::Time,
        ),
        ("uuid", Gen::Uuid, DataType::Uuid),
        ("bytes", Gen::Bytes { min: 16, max: 16 }, DataType::Bytes),
    ];
    for (ty, g, t) in cases {
        assert_eq!(gen_ty(&format!("{{type: {ty}}}")), (g, t), "{ty}");
    }
    assert_eq!(gen_ty("{type: bool, p: 0.3}").0, Gen::Bool { p: 0.3 });
    assert_eq!(
        gen_ty("{type: bytes, len: [1, 4]}").0,
        Gen::Bytes { min: 1, max: 4 }
    );
    assert_eq!(
        gen_ty("{type: \"decimal(5,2)\"}").0,
        Gen::IntRange { lo: 0, hi: 99_999 }
    );
}

#[test]
fn keys_sequences_constants_and_distributions() {
    assert_eq!(x("{key: {start: 0}}").generator, Gen::Key { start: 0 });
    assert_eq!(
        x("{sequence: {step: 10}}").generator,
        Gen::Sequence { start: 1, step: 10 }
    );
    assert_eq!(
        gen_ty("{const: 0}"),
        (Gen::Const(Value::Int(0)), DataType::Int)
    );
    assert_eq!(
        gen_ty("{const: \"a\"}"),
        (Gen::Const(Value::Str("a".into())), DataType::String)
    );
    assert_eq!(
        gen_ty("{const: \"1970-01-02\", type: date}"),
        (Gen::Const(Value::Date(1)), DataType::Date)
    );
    assert_eq!(
        gen_ty("{poisson: {lambda: 3}}"),
        (
            Gen::Dist {
                dist: Dist::Poisson { lambda: 3.0 },
                clamp: None
            },
            DataType::Int
        )
    );
    assert_eq!(
        gen_ty("{zipf: {n: 12, s: 2.0}}").0,
        Gen::Dist {
            dist: Dist::Zipf { n: 12, s: 2.0 },
            clamp: None
        }
    );
    assert_eq!(
        gen_ty("{type: int, lognormal: {mu: 1, sigma: 0.5}, clamp: [0, 100]}"),
        (
            Gen::Dist {
                dist: Dist::LogNormal {
                    mu: 1.0,
                    sigma: 0.5
                },
                clamp: Some((0.0, 100.0))
            },
            DataType::Int
        )
    );
    let f = x("{regex: \"[0-9]{8}\", unique: true, null_rate: 0}");
    assert!(f.unique);
    assert!(x("{range: [1, 1000000], unique: true}").unique);
}

#[test]
fn nested_objects_and_arrays() {
    let f = x(
        "{fields: {street: {provider: address.street}, n: {range: [1, 9]}, m: {offset: {from: n, range: [10, 10]}}}}",
    );
    let ty = DataType::Struct(vec![
        ("street".into(), DataType::String),
        ("n".into(), DataType::Int),
        ("m".into(), DataType::Int),
    ]);
    assert_eq!(f.ty, ty);
    let Gen::Object(fields) = &f.generator else {
        panic!("{f:?}")
    };
    assert_eq!(
        fields[2].generator,
        Gen::Offset {
            from: "n".into(),
            lo: 10,
            hi: 10
        }
    );
    let f = x("{array: {len: [1, 3], item: {type: date}}}");
    assert_eq!(f.ty, DataType::List(Box::new(DataType::Date)));
    let Gen::Array { min, max, item } = &f.generator else {
        panic!("{f:?}")
    };
    assert_eq!((*min, *max, &item.ty), (1, 3, &DataType::Date));
    let f = x("{array: {len: 2, item: {array: {len: 1, item: {one_of: [a]}}}}}");
    let inner = DataType::List(Box::new(DataType::String));
    assert_eq!(f.ty, DataType::List(Box::new(inner)));
}

#[test]
fn refs_lookups_and_offsets_take_the_type_they_read() {
    let text = "\
entities:
  line:
    rows: 10
    fields:
      order_id: {ref: orders.id}
      ordered_on: {lookup: orders.on, by: order_id}
      shipped_on: {offset: {from: ordered_on, days: [1, 121]}}
      at: {lookup: orders.at, by: order_id}
      later: {offset: {from: at, days: [1, 2]}}
      soon: {offset: {from: at, seconds: [0.5, 3600]}}
      price: {lookup: orders.price, by: order_id}
      more: {offset: {from: price, range: [0.01, 1]}}
      code: {ref: orders.code}
  orders:
    rows: 5
    fields:
      id: {key: {start: 100}}
      on: {type: date}
      at: {type: timestamptz}
      price: {type: \"decimal(6,2)\"}
      code: {ref: orders.id}
";
    let s = clean(text);
    let f = |n: &str| field(&s, "line", n).clone();
    assert_eq!(f("order_id").ty, DataType::Int);
    assert_eq!(f("ordered_on").ty, DataType::Date);
    let shipped = f("shipped_on");
    assert_eq!(shipped.ty, DataType::Date);
    let offset = |from: &str, lo, hi| Gen::Offset {
        from: from.into(),
        lo,
        hi,
    };
    assert_eq!(shipped.generator, offset("ordered_on", 1, 121));
    assert_eq!(f("at").ty, DataType::TimestampTz);
    assert_eq!(f("later").generator, offset("at", DAY, 2 * DAY));
    assert_eq!(f("later").ty, DataType::TimestampTz);
    assert_eq!(f("soon").generator, offset("at", 500_000, 3_600_000_000));
    let dec = DataType::Decimal {
        precision: 6,
        scale: 2,
    };
    assert_eq!(
        (f("more").ty, f("more").generator),
        (dec, offset("price", 1, 100))
    );
    assert_eq!(f("code").ty, DataType::Int);
}

#[test]
fn the_real_examples_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let (_, diags) = crate::config::parse(&text, Some(&path));
            // Examples may use features this reader does not know yet; they must not panic,
            // and every problem must have a position.
            for d in &diags {
                println!("{d}");
                assert!(d.span.line > 0, "{d}");
            }
        }
    }
}

#[test]
fn yaml_core_schema_and_literals_as_documented() {
    let s = |v: &str| Value::Str(v.into());
    assert_eq!(
        gen_ty("{one_of: [yes, no, N, on, 2015-01-01]}"),
        (
            Gen::OneOf {
                values: vec![s("yes"), s("no"), s("N"), s("on"), s("2015-01-01")],
                weights: None
            },
            DataType::String
        )
    );
    assert_eq!(
        gen_ty("{type: time, one_of: [\"23:59\", \"00:00:00.25\"]}").0,
        Gen::OneOf {
            values: vec![Value::Time(86_340_000_000), Value::Time(250_000)],
            weights: None
        }
    );
    assert_eq!(
        gen_ty("{type: timestamp, const: \"1970-01-02T02:00:00+02:00\"}").0,
        Gen::Const(Value::Timestamp(DAY))
    );
    assert_eq!(
        gen_ty("{type: uuid, const: \"67e55044-10b1-426f-9247-bb680e5fe0c8\"}").0,
        Gen::Const(Value::Uuid(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8))
    );
    assert_eq!(
        gen_ty("{type: numeric(6), const: 12}"),
        (
            Gen::Const(Value::Decimal(12, 0)),
            DataType::Decimal {
                precision: 6,
                scale: 0
            }
        )
    );
    let s = clean(&with_fields(
        "      d: {type: date}\n      e: {offset: {from: d, days: 3}}\n",
    ));
    assert_eq!(
        field(&s, "p", "e").generator,
        Gen::Offset {
            from: "d".into(),
            lo: 3,
            hi: 3
        }
    );
}
