//! Realistic values for scalar Avro types where the schema gives no hint: by logical type, and
//! by field name as the SQL importer does (`email` gets emails, `price` prices, `created_at`
//! recent instants), always inside what the type holds.

use chrono::NaiveDate;
use datagen_engine::ir::{DataType, Field, Gen, Value};

use super::model::{Logical, Prim};
use crate::sql::names::{is_birth, number_range, text_provider, words};

/// Microseconds in a second.
pub(crate) const SECOND: i64 = 1_000_000;
/// Microseconds in a day.
pub(crate) const DAY: i64 = 86_400 * SECOND;

/// Days since 1970-01-01 of `y-01-01`.
fn year(y: i32) -> i64 {
    NaiveDate::from_ymd_opt(y, 1, 1).map_or(0, |d| (d - NaiveDate::default()).num_days())
}

/// The days a date called `name` is drawn from.
pub(crate) fn date_range(name: &str) -> (i64, i64) {
    if is_birth(name) {
        (year(1950), year(2006) - 1)
    } else {
        (year(2015), year(2026) - 1)
    }
}

/// Whether a `long` called `name` holds an instant (epoch milliseconds).
fn is_instant(name: &str) -> bool {
    let w = words(name);
    let has = |x: &str| w.iter().any(|y| y == x);
    has("time")
        || has("timestamp")
        || has("ts")
        || has("date")
        || has("epoch")
        || w.last().is_some_and(|l| l == "at") && w.len() > 1
        || name.to_ascii_lowercase().ends_with("time")
}

/// The providers, chosen by a field's name, of a few categories (statuses, countries,
/// currencies, ...), where a default is one more common category.
const CATEGORIES: [&str; 8] = [
    "retail.order_status",
    "retail.category",
    "address.country",
    "address.country_code",
    "address.state",
    "finance.currency_code",
    "person.prefix",
    "time.timezone",
];

/// Whether the values of a primitive called `name` (of record `record`) are chosen by its name
/// from an open set a default would not be common in: a provider of names, emails, phones, ...
/// (not of [`CATEGORIES`]), a realistic range, codes or counters for `...id`, instants for a
/// `long`.
pub(crate) fn by_name(prim: Prim, record: &str, name: &str) -> bool {
    let id = words(name).last().is_some_and(|l| l == "id");
    match prim {
        Prim::String => id || text_provider(record, name).is_some_and(|p| !CATEGORIES.contains(&p)),
        Prim::Int => id || number_range(name).is_some(),
        Prim::Long => id || number_range(name).is_some() || is_instant(name),
        Prim::Float | Prim::Double => number_range(name).is_some(),
        Prim::Null | Prim::Boolean | Prim::Bytes => false,
    }
}

/// An integer range for a field called `name`, inside `lo..=hi`.
fn int_range(name: &str, lo: i64, hi: i64) -> Gen {
    #[allow(clippy::cast_possible_truncation)]
    let want = match number_range(name) {
        Some((a, b)) => (a.ceil() as i64, b.floor() as i64),
        None if words(name).last().is_some_and(|l| l == "id") => (1, 100_000),
        None => (1, 1000),
    };
    let (a, b) = (want.0.max(lo), want.1.min(hi));
    if a <= b {
        Gen::IntRange { lo: a, hi: b }
    } else {
        Gen::IntRange { lo, hi }
    }
}

/// The decimal units (`value * 10^scale`) a decimal called `name` is drawn from.
pub(crate) fn decimal_range(name: &str, precision: u8, scale: u8) -> (i64, i64) {
    let max = 10i128
        .checked_pow(u32::from(precision))
        .map_or(i128::from(i64::MAX), |p| p - 1)
        .min(i128::from(i64::MAX));
    #[allow(clippy::cast_possible_truncation)]
    let max = max as i64;
    let k = 10f64.powi(i32::from(scale));
    let (a, b) = number_range(name).unwrap_or((1.0, 1000.0));
    #[allow(clippy::cast_possible_truncation)]
    let (a, b) = (
        ((a * k).ceil() as i64).max(-max),
        ((b * k).floor() as i64).min(max),
    );
    if a <= b { (a, b) } else { (0, max) }
}

/// The instants (microseconds, whole seconds) a timestamp is drawn from.
fn instants(name: &str) -> Gen {
    let (lo, hi) = date_range(name);
    Gen::IntRange {
        lo: lo * DAY,
        hi: hi * DAY + 86_399 * SECOND,
    }
}

/// A text generator for a string field called `name` of record `record`.
pub(crate) fn text(record: &str, name: &str) -> Gen {
    match text_provider(record, name) {
        Some(p) => Gen::Provider(p.into()),
        None if words(name).last().is_some_and(|l| l == "id") => Gen::Regex("[A-Z0-9]{8}".into()),
        None => Gen::Provider("lorem.word".into()),
    }
}

/// The IR type and generator of a primitive with an optional (valid) logical type.
pub(crate) fn scalar(
    prim: Prim,
    logical: Option<Logical>,
    record: &str,
    name: &str,
) -> (DataType, Gen) {
    match (prim, logical) {
        (Prim::Null, _) => (DataType::String, Gen::Const(Value::Null)),
        (Prim::Boolean, _) => (DataType::Bool, Gen::Bool { p: 0.5 }),
        (Prim::Int, Some(Logical::Date)) => {
            let (lo, hi) = date_range(name);
            (DataType::Date, Gen::IntRange { lo, hi })
        }
        (Prim::Int, Some(Logical::TimeMillis)) | (Prim::Long, Some(Logical::TimeMicros)) => (
            DataType::Time,
            Gen::IntRange {
                lo: 0,
                hi: 86_399 * SECOND,
            },
        ),
        (
            Prim::Long,
            Some(Logical::TimestampMillis | Logical::TimestampMicros | Logical::TimestampNanos),
        ) => (DataType::TimestampTz, instants(name)),
        (
            Prim::Long,
            Some(
                Logical::LocalTimestampMillis
                | Logical::LocalTimestampMicros
                | Logical::LocalTimestampNanos,
            ),
        ) => (DataType::Timestamp, instants(name)),
        (Prim::Int, _) => (
            DataType::Int,
            int_range(name, i64::from(i32::MIN), i64::from(i32::MAX)),
        ),
        (Prim::Long, _) if is_instant(name) => {
            let (lo, hi) = date_range(name);
            (
                DataType::Int,
                Gen::IntRange {
                    lo: lo * 86_400_000,
                    hi: (hi + 1) * 86_400_000 - 1,
                },
            )
        }
        (Prim::Long, _) => (DataType::Int, int_range(name, i64::MIN, i64::MAX)),
        (Prim::Float, _) => (DataType::Float, Gen::Float32(Box::new(float_range(name)))),
        (Prim::Double, _) => (DataType::Float, float_range(name)),
        (Prim::Bytes, Some(Logical::Decimal { precision, scale })) => {
            let (lo, hi) = decimal_range(name, precision, scale);
            (
                DataType::Decimal { precision, scale },
                Gen::IntRange { lo, hi },
            )
        }
        (Prim::Bytes, _) => (DataType::Bytes, Gen::Bytes { min: 8, max: 32 }),
        (Prim::String, Some(Logical::Uuid)) => (DataType::Uuid, Gen::Uuid),
        (Prim::String, _) => (DataType::String, text(record, name)),
    }
}

/// A float range for a field called `name`.
fn float_range(name: &str) -> Gen {
    let (lo, hi) = number_range(name).unwrap_or((0.0, 1000.0));
    Gen::FloatRange { lo, hi }
}

/// An Avro `duration`: months, days and milliseconds, each an unsigned 32-bit count.
pub(crate) fn duration() -> (DataType, Gen) {
    let member = |name: &str, hi: i64| Field::new(name, DataType::Int, Gen::IntRange { lo: 0, hi });
    let fields = vec![
        member("months", 24),
        member("days", 30),
        member("millis", 86_399_999),
    ];
    (
        DataType::Struct(
            fields
                .iter()
                .map(|f| (f.name.clone(), f.ty.clone()))
                .collect(),
        ),
        Gen::Object(fields),
    )
}
