//! Type names (`int`, `decimal(12,2)`, ...) and literals in them: dates, times, timestamps,
//! decimals and UUIDs, each to its integer unit (days, microseconds, `units / 10^scale`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::config::yaml::{Kind, Node};
use crate::diag::closest;
use crate::ir::{DataType, Value};

/// The type names a config may write (`decimal` takes `(p,s)`).
pub(crate) const TYPE_NAMES: [&str; 12] = [
    "int",
    "float",
    "decimal(p,s)",
    "string",
    "bool",
    "date",
    "time",
    "timestamp",
    "timestamptz",
    "uuid",
    "bytes",
    "decimal",
];

/// Microseconds in a day.
pub(crate) const DAY_MICROS: i64 = 86_400_000_000;

/// Parses a type name.
///
/// # Errors
/// What is wrong and, when there is one, a help (the closest name).
pub(crate) fn parse_type(name: &str) -> Result<DataType, (String, String)> {
    let lower = name.trim().to_ascii_lowercase();
    let ty = match lower.as_str() {
        "int" | "integer" | "bigint" | "i64" => DataType::Int,
        "float" | "double" | "f64" => DataType::Float,
        "string" | "str" | "text" => DataType::String,
        "bool" | "boolean" => DataType::Bool,
        "date" => DataType::Date,
        "time" => DataType::Time,
        "timestamp" => DataType::Timestamp,
        "timestamptz" => DataType::TimestampTz,
        "uuid" => DataType::Uuid,
        "bytes" => DataType::Bytes,
        _ => return parse_decimal(&lower, name),
    };
    Ok(ty)
}

fn parse_decimal(lower: &str, name: &str) -> Result<DataType, (String, String)> {
    let help =
        "write `decimal(p,s)`: `p` digits (1 to 38), `s` of them after the point".to_string();
    if lower == "decimal" || lower == "numeric" {
        return Err((format!("type `{name}` needs its precision and scale"), help));
    }
    let Some(args) = lower
        .strip_prefix("decimal")
        .or_else(|| lower.strip_prefix("numeric"))
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix('('))
        .and_then(|r| r.strip_suffix(')'))
    else {
        let names = TYPE_NAMES[..11].iter().copied();
        let help = closest(lower, names).map_or_else(
            || format!("the types are {}", TYPE_NAMES[..11].join(", ")),
            |c| format!("did you mean `{c}`?"),
        );
        return Err((format!("unknown type `{name}`"), help));
    };
    let (p, s) = args.split_once(',').unwrap_or((args, "0"));
    match (p.trim().parse::<u8>(), s.trim().parse::<u8>()) {
        (Ok(precision), Ok(scale)) if (1..=38).contains(&precision) && scale <= precision => {
            Ok(DataType::Decimal { precision, scale })
        }
        _ => Err((format!("invalid decimal type `{name}`"), help)),
    }
}

/// A type's name as a config writes it.
pub(crate) fn type_name(ty: &DataType) -> String {
    match ty {
        DataType::Int => "int".into(),
        DataType::Float => "float".into(),
        DataType::Decimal { precision, scale } => format!("decimal({precision},{scale})"),
        DataType::String => "string".into(),
        DataType::Bool => "bool".into(),
        DataType::Date => "date".into(),
        DataType::Time => "time".into(),
        DataType::Timestamp => "timestamp".into(),
        DataType::TimestampTz => "timestamptz".into(),
        DataType::Uuid => "uuid".into(),
        DataType::Bytes => "bytes".into(),
        DataType::List(item) => format!("list of {}", type_name(item)),
        DataType::Struct(_) => "object".into(),
        DataType::Json => "json".into(),
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub(crate) fn parse_date(s: &str) -> Option<i32> {
    let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(date.signed_duration_since(epoch).num_days()).ok()
}

/// Microseconds since midnight of `HH:MM[:SS[.ffffff]]`.
pub(crate) fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    let t = NaiveTime::parse_from_str(s, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M"))
        .ok()?;
    let micros = i64::from(t.nanosecond() / 1000).min(999_999);
    Some(i64::from(t.num_seconds_from_midnight()) * 1_000_000 + micros)
}

/// Microseconds since 1970-01-01T00:00:00 of a timestamp: RFC 3339 with a zone (converted to
/// UTC), or, when `zone_optional`, also without one (taken as written). A date alone is its
/// midnight.
pub(crate) fn parse_timestamp(s: &str, zone_optional: bool) -> Option<i64> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp_micros());
    }
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f%:z") {
        return Some(t.timestamp_micros());
    }
    if !zone_optional {
        return None;
    }
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f"))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()?
                .and_hms_opt(0, 0, 0)
        })?;
    Some(naive.and_utc().timestamp_micros())
}

/// Exact `units / 10^scale` of a number written in `text` (`12`, `-0.05`, `1.5e3`).
///
/// # Errors
/// If it is no number, has more decimals than `scale`, or does not fit 64 bits.
pub(crate) fn decimal_units(text: &str, scale: u8) -> Result<i64, String> {
    let t = text.trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (
            &body[..i],
            body[i + 1..].parse::<i32>().map_err(|_| no_number(t))?,
        ),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return Err(no_number(t));
    }
    // digits * 10^(exp - frac.len()) * 10^scale
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    let shift = i64::from(exp) - i64::try_from(frac.len()).unwrap_or(i64::MAX) + i64::from(scale);
    let too_big = || format!("{t} is too large for the column");
    let (kept, dropped) = if shift >= 0 {
        (digits, "")
    } else {
        let cut = usize::try_from(-shift).unwrap_or(usize::MAX);
        if cut >= digits.len() {
            ("", digits)
        } else {
            digits.split_at(digits.len() - cut)
        }
    };
    if dropped.bytes().any(|b| b != b'0') {
        return Err(format!("{t} has more than {scale} decimals"));
    }
    let mut value: i64 = if kept.is_empty() {
        0
    } else {
        kept.parse().map_err(|_| too_big())?
    };
    if shift > 0 && value != 0 {
        let pow = u32::try_from(shift).map_err(|_| too_big())?;
        value = 10_i64
            .checked_pow(pow)
            .and_then(|p| value.checked_mul(p))
            .ok_or_else(too_big)?;
    }
    Ok(if negative { -value } else { value })
}

fn no_number(t: &str) -> String {
    format!("`{t}` is not a number")
}

/// A number node as `f64`.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn as_f64(node: &Node) -> Option<f64> {
    match node.kind {
        Kind::Int(v) => Some(v as f64),
        Kind::Float(v) => Some(v),
        _ => None,
    }
}

/// A literal of type `ty`, as written in a `const`, a `one_of` item or a bound.
///
/// # Errors
/// Why the node is not a value of that type.
pub(crate) fn value_of(node: &Node, ty: &DataType) -> Result<Value, String> {
    let name = type_name(ty);
    let wrong = || format!("expected a value of type {name}, found {}", node.describe());
    if matches!(node.kind, Kind::Null) {
        return Ok(Value::Null);
    }
    let text = || node.as_str().ok_or_else(wrong);
    Ok(match ty {
        DataType::Int => match node.kind {
            Kind::Int(v) => Value::Int(i64::try_from(v).map_err(|_| too_large(node))?),
            Kind::BigInt => return Err(too_large(node)),
            _ => return Err(wrong()),
        },
        DataType::Float => Value::Float(as_f64(node).ok_or_else(wrong)?),
        DataType::Decimal { scale, .. } => match node.kind {
            Kind::Int(_) | Kind::Float(_) | Kind::BigInt => {
                Value::Decimal(i128::from(decimal_units(&node.text, *scale)?), *scale)
            }
            _ => return Err(wrong()),
        },
        DataType::String => match node.kind {
            Kind::Seq(_) | Kind::Map(_) => return Err(wrong()),
            _ => Value::Str(node.text.clone()),
        },
        DataType::Bool => match node.kind {
            Kind::Bool(b) => Value::Bool(b),
            _ => return Err(wrong()),
        },
        DataType::Date => Value::Date(
            parse_date(text()?).ok_or_else(|| bad_literal(node, "a date", "2024-12-31"))?,
        ),
        DataType::Time => {
            Value::Time(parse_time(text()?).ok_or_else(|| bad_literal(node, "a time", "23:59:59"))?)
        }
        DataType::Timestamp => {
            Value::Timestamp(parse_timestamp(text()?, true).ok_or_else(|| {
                bad_literal(
                    node,
                    "a timestamp",
                    "2024-12-31T23:59:59 (a zone is optional)",
                )
            })?)
        }
        DataType::TimestampTz => {
            Value::Timestamp(parse_timestamp(text()?, false).ok_or_else(|| {
                bad_literal(node, "a timestamp with a zone", "2024-12-31T23:59:59Z")
            })?)
        }
        DataType::Uuid => Value::Uuid(
            uuid::Uuid::parse_str(text()?.trim())
                .map_err(|_| bad_literal(node, "a UUID", "67e55044-10b1-426f-9247-bb680e5fe0c8"))?
                .as_u128(),
        ),
        DataType::Bytes | DataType::List(_) | DataType::Struct(_) | DataType::Json => {
            return Err(format!("{name} values cannot be written as literals"));
        }
    })
}

fn too_large(node: &Node) -> String {
    format!("{} does not fit 64 bits", node.text)
}

fn bad_literal(node: &Node, what: &str, example: &str) -> String {
    format!("`{}` is not {what} (write it as {example})", node.text)
}

/// A value's integer units, for the range of an integer-backed type.
pub(crate) fn units(v: &Value) -> Option<i64> {
    match *v {
        Value::Int(x) | Value::Time(x) | Value::Timestamp(x) => Some(x),
        Value::Date(d) => Some(i64::from(d)),
        Value::Decimal(x, _) => i64::try_from(x).ok(),
        _ => None,
    }
}

/// Which of the date and time types a string parses as, for a hint.
pub(crate) fn guess_temporal(s: &str) -> Option<&'static str> {
    if parse_date(s).is_some() {
        Some("date")
    } else if parse_timestamp(s, false).is_some() {
        Some("timestamptz")
    } else if parse_timestamp(s, true).is_some() {
        Some("timestamp")
    } else if parse_time(s).is_some() {
        Some("time")
    } else {
        None
    }
}
