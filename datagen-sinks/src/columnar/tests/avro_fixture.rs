//! The union and logical-type columns of the Avro test table ([`super::avro_source`]).

use apache_avro::types::Value;
use apache_avro::{Days, Duration, Millis, Months, Uuid};
use datagen_engine::ir::DataType;
use datagen_engine::{Column, Values};

use super::avro_source::{Fixture, N, UUID, address, address_type, dec, ints, list, s, strukt, u};
use super::{column, strings, validity};

/// `payload` (a union of five non-null branches and null) and `either` (two, no null).
pub(super) fn add_unions(f: &mut Fixture) {
    let map_entry = DataType::Struct(vec![
        ("key".into(), DataType::String),
        ("value".into(), DataType::String),
    ]);
    let payload_ty = DataType::Struct(vec![
        ("int".into(), DataType::Int),
        ("string".into(), DataType::String),
        ("com.example.Color".into(), DataType::String),
        ("array".into(), DataType::List(Box::new(DataType::Int))),
        ("map".into(), DataType::List(Box::new(map_entry))),
    ]);
    // Rows: int 7, string "s", Color RED, array [1, 2], map {k: v}, null.
    let one = |at: usize| -> Option<Vec<bool>> { validity((0..N).map(|r| r == at)) };
    let payload = strukt(
        vec![
            Column {
                values: Values::Int(vec![7, 0, 0, 0, 0, 0]),
                validity: one(0),
            },
            Column {
                validity: one(1),
                ..strings(&["", "s", "", "", "", ""].map(Some))
            },
            Column {
                validity: one(2),
                ..strings(&["", "", "RED", "", "", ""].map(Some))
            },
            list(&[0, 0, 0, 2, 0, 0], one(3), ints(&[Some(1), Some(2)])),
            list(
                &[0, 0, 0, 0, 1, 0],
                one(4),
                strukt(vec![strings(&[Some("k")]), strings(&[Some("v")])], None),
            ),
        ],
        validity((0..N).map(|r| r != 5)),
    );
    f.add(
        "payload",
        payload_ty,
        payload,
        vec![
            u(1, Value::Int(7)),
            u(2, s("s")),
            u(3, Value::Enum(0, "RED".into())),
            u(4, Value::Array(vec![Value::Int(1), Value::Int(2)])),
            u(
                5,
                Value::Map([("k".to_string(), s("v"))].into_iter().collect()),
            ),
            u(0, Value::Null),
        ],
    );
    let either_ty = DataType::Struct(vec![
        ("long".into(), DataType::Int),
        ("com.example.Address".into(), address_type()),
    ]);
    let longs = [Some(9), None, Some(-1), None, Some(0), None];
    let either = strukt(
        vec![
            ints(&longs),
            strukt(
                vec![
                    strings(&["", "In", "", "Up", "", "Down"].map(Some)),
                    ints(&[None, Some(1), None, None, None, Some(2)]),
                ],
                validity(longs.iter().map(Option::is_none)),
            ),
        ],
        None,
    );
    f.add(
        "either",
        either_ty,
        either,
        vec![
            u(0, Value::Long(9)),
            u(1, address("In", Some(1))),
            u(0, Value::Long(-1)),
            u(1, address("Up", None)),
            u(0, Value::Long(0)),
            u(1, address("Down", Some(2))),
        ],
    );
}

/// Decimals, UUIDs, dates, times, timestamps, durations and an unknown logical type.
pub(super) fn add_logical(f: &mut Fixture) {
    let price = [12345, -5, 0, 127, 128, -129];
    f.add(
        "price",
        DataType::Decimal {
            precision: 10,
            scale: 2,
        },
        Column::new(Values::Decimal(price.to_vec())),
        price.iter().map(|&x| dec(x)).collect(),
    );
    let balance = [
        -1_234_567,
        0,
        i128::from(i64::MAX),
        i128::from(i64::MIN),
        1,
        -1,
    ];
    f.add(
        "balance",
        DataType::Decimal {
            precision: 18,
            scale: 3,
        },
        Column::new(Values::Decimal(balance.to_vec())),
        balance.iter().map(|&x| dec(x)).collect(),
    );
    let uuids = [UUID, 0, u128::MAX, 1, UUID.reverse_bits(), 42];
    for name in ["id", "raw_id"] {
        f.add(
            name,
            DataType::Uuid,
            Column::new(Values::Uuid(uuids.to_vec())),
            uuids
                .iter()
                .map(|&x| Value::Uuid(Uuid::from_u128(x)))
                .collect(),
        );
    }
    let days = [19_000, 0, -1, 20_000, 1, -719_162];
    f.add(
        "day",
        DataType::Date,
        Column::new(Values::Date(days.to_vec())),
        days.iter().map(|&d| Value::Date(d)).collect(),
    );
    let times = [3_723_000_000, 0, 86_399_999_999, 1_000, 999, 45_296_789_012];
    f.add(
        "t_ms",
        DataType::Time,
        Column::new(Values::Time(times.to_vec())),
        times
            .iter()
            .map(|&t| Value::TimeMillis((t / 1000) as i32))
            .collect(),
    );
    f.add(
        "t_us",
        DataType::Time,
        Column::new(Values::Time(times.to_vec())),
        times.iter().map(|&t| Value::TimeMicros(t)).collect(),
    );
    let stamps = [
        1_700_000_000_123_456,
        0,
        -1,
        -86_400_000_001,
        9_000_000_000_000_000,
        1_000,
    ];
    type Make = fn(i64) -> Value;
    let kinds: [(&str, DataType, Make); 6] = [
        ("ts_ms", DataType::TimestampTz, |t| {
            Value::TimestampMillis(t.div_euclid(1000))
        }),
        ("ts_us", DataType::TimestampTz, Value::TimestampMicros),
        ("ts_ns", DataType::TimestampTz, |t| {
            Value::TimestampNanos(t * 1000)
        }),
        ("lts_ms", DataType::Timestamp, |t| {
            Value::LocalTimestampMillis(t.div_euclid(1000))
        }),
        ("lts_us", DataType::Timestamp, Value::LocalTimestampMicros),
        ("lts_ns", DataType::Timestamp, |t| {
            Value::LocalTimestampNanos(t * 1000)
        }),
    ];
    for (name, ty, make) in kinds {
        f.add(
            name,
            ty,
            Column::new(Values::Timestamp(stamps.to_vec())),
            stamps.iter().map(|&t| make(t)).collect(),
        );
    }
    let spans: [(i64, i64, i64); N] = [
        (1, 2, 3),
        (0, 0, 0),
        (12, 31, 86_400_000),
        (i64::from(u32::MAX), 0, 1),
        (0, 1, 0),
        (5, 5, 5),
    ];
    f.add(
        "span",
        DataType::Struct(vec![
            ("months".into(), DataType::Int),
            ("days".into(), DataType::Int),
            ("millis".into(), DataType::Int),
        ]),
        strukt(
            vec![
                Column::new(Values::Int(spans.iter().map(|s| s.0).collect())),
                Column::new(Values::Int(spans.iter().map(|s| s.1).collect())),
                Column::new(Values::Int(spans.iter().map(|s| s.2).collect())),
            ],
            None,
        ),
        spans
            .iter()
            .map(|&(m, d, ms)| {
                Value::Duration(Duration::new(
                    Months::new(m as u32),
                    Days::new(d as u32),
                    Millis::new(ms as u32),
                ))
            })
            .collect(),
    );
    let odd = ["weird", "", "x", "y", "z", "w"];
    f.add(
        "odd",
        DataType::String,
        strings(&odd.map(Some)),
        odd.iter().map(|x| s(x)).collect(),
    );
    let maybe = [Some(1), None, Some(-3), None, None, Some(0)];
    f.add(
        "maybe_day",
        DataType::Date,
        column(&maybe, Values::Date),
        maybe
            .iter()
            .map(|d| d.map_or(u(0, Value::Null), |d| u(1, Value::Date(d))))
            .collect(),
    );
}
