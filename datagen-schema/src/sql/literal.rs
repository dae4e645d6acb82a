//! SQL literals (CHECK bounds, `DEFAULT`s, `IN` lists) in the integer units a column's generator
//! counts in: days for dates, microseconds for timestamps, `10^-scale` for decimals.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use super::check::Lit;
use super::types::Shape;

/// Microseconds in a second.
pub(crate) const SECOND: i64 = 1_000_000;

/// Days since 1970-01-01 of `y-m-d`.
pub(crate) fn days(y: i32, m: u32, d: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, m, d).map_or(0, |x| (x - NaiveDate::default()).num_days())
}

/// A date literal as days since 1970-01-01.
pub(crate) fn parse_date(s: &str) -> Option<i64> {
    NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d")
        .ok()
        .map(|d| (d - NaiveDate::default()).num_days())
}

/// A timestamp literal (with or without a zone offset) as microseconds since the epoch, UTC.
pub(crate) fn parse_timestamp(s: &str) -> Option<i64> {
    let s = s.trim();
    for f in [
        "%Y-%m-%d %H:%M:%S%#z",
        "%Y-%m-%d %H:%M:%S%.f%#z",
        "%Y-%m-%dT%H:%M:%S%#z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.timestamp_micros());
        }
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t.and_utc().timestamp_micros());
        }
    }
    parse_date(s).map(|d| d * 86_400 * SECOND)
}

/// A literal in the integer units of `shape` (days, microseconds, decimal units); `up` rounds
/// towards larger values for a lower bound.
pub(crate) fn units(shape: &Shape, lit: &Lit, up: bool) -> Option<i64> {
    let num = |n: &str| n.parse::<f64>().ok();
    #[allow(clippy::cast_possible_truncation)]
    let round = |x: f64| {
        if up {
            x.ceil() as i64
        } else {
            x.floor() as i64
        }
    };
    // A number may be quoted: MySQL writes every default as a string (`DEFAULT '0'`).
    match (shape, lit) {
        (Shape::Int { .. }, Lit::Num(n) | Lit::Str(n)) => num(n).map(round),
        (Shape::Decimal { scale, .. }, Lit::Num(n) | Lit::Str(n)) => decimal_units(n, *scale, up)
            .or_else(|| num(n).map(|x| round(x * 10f64.powi(i32::from(*scale))))),
        (Shape::Date, Lit::Str(s)) => parse_date(s),
        (Shape::Timestamp | Shape::TimestampTz, Lit::Str(s)) => parse_timestamp(s),
        _ => None,
    }
}

/// A plain decimal literal (`-12.345`, no exponent) exactly in units of `10^-scale`: digits
/// past the scale round down, or up when `up` (a lower bound).
fn decimal_units(n: &str, scale: u8, up: bool) -> Option<i64> {
    let n = n.trim();
    let (negative, digits) = match n.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, n.strip_prefix('+').unwrap_or(n)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let scale = usize::from(scale);
    let kept = &fraction[..fraction.len().min(scale)];
    let rest_nonzero = fraction.bytes().skip(scale).any(|b| b != b'0');
    let text = format!("{whole}{kept:0<scale$}");
    let magnitude: i128 = if text.is_empty() {
        0
    } else {
        text.parse().ok()?
    };
    let mut units = if negative { -magnitude } else { magnitude };
    // The digits cut off: truncation went towards zero; move to the side asked for.
    if rest_nonzero {
        match (negative, up) {
            (false, true) => units += 1,
            (true, false) => units -= 1,
            _ => {}
        }
    }
    i64::try_from(units).ok()
}

/// The step of one unit above a strict bound: a second for timestamps, 1 otherwise.
pub(crate) fn unit(shape: &Shape) -> i64 {
    if matches!(shape, Shape::Timestamp | Shape::TimestampTz) {
        SECOND
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_with_zones_are_utc() {
        let a = parse_timestamp("2022-04-01 01:00:00+01");
        let b = parse_timestamp("2022-04-01 00:00:00");
        assert_eq!(a, b);
        assert_eq!(parse_timestamp("2022-04-01"), b);
        assert_eq!(parse_date("1970-01-02"), Some(1));
    }

    #[test]
    fn decimals_are_read_exactly_and_rounded_the_way_asked() {
        assert_eq!(decimal_units("0.29", 2, false), Some(29));
        assert_eq!(decimal_units("9.99", 2, true), Some(999));
        assert_eq!(decimal_units("-1.5", 0, false), Some(-2));
        assert_eq!(decimal_units("-1.5", 0, true), Some(-1));
        assert_eq!(decimal_units("1.501", 2, true), Some(151));
        assert_eq!(decimal_units("1.500", 2, true), Some(150));
        assert_eq!(decimal_units(".5", 1, false), Some(5));
        assert_eq!(decimal_units("12", 2, false), Some(1200));
        assert_eq!(decimal_units("1e3", 2, false), None);
        assert_eq!(decimal_units("abc", 2, false), None);
        let money = Shape::Decimal {
            precision: 6,
            scale: 2,
        };
        assert_eq!(units(&money, &Lit::Str("0.29".into()), false), Some(29));
        assert_eq!(units(&money, &Lit::Num("1e2".into()), false), Some(10_000));
    }
}
