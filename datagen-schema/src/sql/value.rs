//! A column's value generator from its shape, its name and what its CHECK constraints say,
//! always inside what the column holds (type limits, lengths, precision).

use datagen_engine::ir::{DataType, Field, Gen, Value};

use super::check::{Lit, Rule};
use super::literal::{SECOND, days, unit, units};
use super::names;
use super::types::Shape;

/// Intersects the realistic range `want` with the allowed `lo..=hi`: the realistic part when
/// they overlap, else the allowed range.
fn narrow(want: (i64, i64), lo: i64, hi: i64) -> (i64, i64) {
    let (a, b) = (want.0.max(lo), want.1.min(hi));
    if a <= b { (a, b) } else { (lo, hi) }
}

/// The allowed integer-unit range of a column: its type's limits cut by the rule's bounds.
fn bounds(shape: &Shape, rule: &Rule, lo: i64, hi: i64) -> Result<(i64, i64), String> {
    let mut lo = lo;
    let mut hi = hi;
    if let Some((lit, strict)) = &rule.lo {
        let v = units(shape, lit, true)
            .ok_or_else(|| format!("bound `{lit:?}` does not fit the column's type"))?;
        lo = lo.max(if *strict {
            v.saturating_add(unit(shape))
        } else {
            v
        });
    }
    if let Some((lit, strict)) = &rule.hi {
        let v = units(shape, lit, false)
            .ok_or_else(|| format!("bound `{lit:?}` does not fit the column's type"))?;
        hi = hi.min(if *strict {
            v.saturating_sub(unit(shape))
        } else {
            v
        });
    }
    if lo > hi {
        return Err("its bounds leave no value".into());
    }
    Ok((lo, hi))
}

/// A constant of `shape` from a literal.
fn constant(shape: &Shape, lit: &Lit) -> Option<Value> {
    Some(match (shape, lit) {
        (Shape::Int { .. }, _) => Value::Int(units(shape, lit, false)?),
        (Shape::Decimal { scale, .. }, _) => {
            Value::Decimal(i128::from(units(shape, lit, false)?), *scale)
        }
        (Shape::Float, Lit::Num(n) | Lit::Str(n)) => Value::Float(n.trim().parse().ok()?),
        (Shape::Date, _) => Value::Date(i32::try_from(units(shape, lit, false)?).ok()?),
        (Shape::Timestamp | Shape::TimestampTz, _) => Value::Timestamp(units(shape, lit, false)?),
        (_, Lit::Str(s) | Lit::Num(s)) => Value::Str(s.clone()),
    })
}

/// The IR type of a shape (text forms for JSON, arrays, sets and full-text documents, which
/// the databases read from their literal text).
pub(crate) fn data_type(shape: &Shape) -> DataType {
    match shape {
        Shape::Int { .. } => DataType::Int,
        Shape::Decimal { precision, scale } => DataType::Decimal {
            precision: *precision,
            scale: *scale,
        },
        Shape::Float => DataType::Float,
        Shape::Bool => DataType::Bool,
        Shape::Date => DataType::Date,
        Shape::Time => DataType::Time,
        Shape::Timestamp => DataType::Timestamp,
        Shape::TimestampTz => DataType::TimestampTz,
        Shape::Uuid => DataType::Uuid,
        Shape::Bytes { .. } => DataType::Bytes,
        Shape::Point => DataType::point(),
        _ => DataType::String,
    }
}

/// A column's `DEFAULT`: a constant, or the time of the insert (`now()`, `CURRENT_TIMESTAMP`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Default {
    Lit(Lit),
    Now,
}

/// The share of rows that take a column's default among a list of values (or a boolean's):
/// a default is what most rows hold.
pub(crate) const DEFAULT_SHARE: f64 = 0.8;

/// The share of rows that take the other values: `1 - DEFAULT_SHARE`, written exactly.
const OTHER_SHARE: f64 = 0.2;

/// How far back a `DEFAULT now()` column's values go from the generation's `now`.
const RECENT_DAYS: i64 = 365;

/// What a `DEFAULT` expression says, if anything a generator can use.
pub(crate) fn default_of(e: &sqlparser::ast::Expr) -> Option<Default> {
    let text = e.to_string().to_ascii_uppercase();
    let now = [
        "NOW(",
        "CURRENT_TIMESTAMP",
        "CURRENT_DATE",
        "LOCALTIMESTAMP",
        "GETDATE(",
        "SYSDATE(",
    ]
    .iter()
    .any(|m| text.contains(m))
        || text.contains("'NOW'");
    if now {
        return Some(Default::Now);
    }
    super::check::literal(e).map(Default::Lit)
}

/// `values` with `default` (when one of them) at [`DEFAULT_SHARE`] and the others sharing the
/// rest evenly: relative weights of 4 per other value for the default, 1 for each other.
fn weighted(values: Vec<Value>, default: Option<&Value>) -> Gen {
    let at = default.and_then(|d| values.iter().position(|v| v == d));
    let weights = match at {
        #[allow(clippy::cast_precision_loss)]
        Some(i) if values.len() > 1 => {
            let heavy = (DEFAULT_SHARE / OTHER_SHARE).round() * (values.len() - 1) as f64;
            Some(
                (0..values.len())
                    .map(|j| if j == i { heavy } else { 1.0 })
                    .collect(),
            )
        }
        _ => None,
    };
    Gen::OneOf { values, weights }
}

/// The generation's `now` (the context's fixed instant) in microseconds since the epoch.
fn now_micros() -> i64 {
    datagen_core::Ctx::seeded(0).now().timestamp_micros()
}

/// The generator of a column, or what makes it impossible; `default` is the column's
/// `DEFAULT`, which a column whose name and checks say nothing better takes.
#[allow(clippy::too_many_lines)]
pub(crate) fn generator(
    table: &str,
    name: &str,
    shape: &Shape,
    rule: &Rule,
    default: Option<&Default>,
) -> Result<Gen, String> {
    let default_lit = match default {
        Some(Default::Lit(l)) => Some(l),
        _ => None,
    };
    let default_value = default_lit.and_then(|l| constant(shape, l));
    if let Some(values) = &rule.one_of {
        let values: Option<Vec<Value>> = values.iter().map(|v| constant(shape, v)).collect();
        let values = values.ok_or("its IN list has values the column's type cannot hold")?;
        return Ok(weighted(values, default_value.as_ref()));
    }
    // A constant default where neither the name nor a check tells more: every row takes it.
    let unbounded = rule.lo.is_none() && rule.hi.is_none() && rule.regex.is_none();
    if let Some(v) = &default_value
        && unbounded
    {
        let plain = match shape {
            Shape::Int { lo, hi } => {
                names::number_range(name).is_none()
                    && matches!(v, Value::Int(i) if (lo..=hi).contains(&i))
            }
            Shape::Decimal { precision, .. } => {
                names::number_range(name).is_none()
                    && matches!(v, Value::Decimal(u, _)
                        if u.unsigned_abs() < 10u128.pow(u32::from(*precision)))
            }
            Shape::Float => names::number_range(name).is_none(),
            Shape::Text { max } => {
                names::text_provider(table, name).is_none()
                    && rule.min_len.is_none_or(|m| m <= 1)
                    && matches!(v, Value::Str(s) if !s.is_empty()
                        && max.is_none_or(|m| s.chars().count() <= m as usize)
                        && rule.max_len.is_none_or(|m| s.chars().count() <= m as usize))
            }
            _ => false,
        };
        if plain {
            return Ok(Gen::Const(v.clone()));
        }
    }
    if default == Some(&Default::Now)
        && let Some(g) = recent(shape, rule)?
    {
        return Ok(g);
    }
    Ok(match shape {
        Shape::Int { lo, hi } => {
            let (lo, hi) = bounds(shape, rule, *lo, *hi)?;
            #[allow(clippy::cast_possible_truncation)]
            let want = names::number_range(name)
                .map_or((1, 1000), |(a, b)| (a.ceil() as i64, b.floor() as i64));
            let (lo, hi) = narrow(want, lo, hi);
            Gen::IntRange { lo, hi }
        }
        Shape::Decimal { precision, scale } => {
            let max = 10i64
                .checked_pow(u32::from(*precision))
                .map_or(i64::MAX, |p| p - 1);
            let (lo, hi) = bounds(shape, rule, -max, max)?;
            let k = 10f64.powi(i32::from(*scale));
            #[allow(clippy::cast_possible_truncation)]
            let want = names::number_range(name)
                .map_or((k as i64, (1000.0 * k) as i64), |(a, b)| {
                    ((a * k).ceil() as i64, (b * k).floor() as i64)
                });
            let (lo, hi) = narrow(want, lo, hi);
            Gen::IntRange { lo, hi }
        }
        Shape::Float => {
            let num = |b: &Option<(Lit, bool)>| match b {
                Some((Lit::Num(n), strict)) => n.parse::<f64>().ok().map(|x| (x, *strict)),
                _ => None,
            };
            let (allowed_lo, allowed_hi) = (num(&rule.lo), num(&rule.hi));
            let (want_lo, want_hi) = names::number_range(name).unwrap_or((0.0, 1000.0));
            let lo = allowed_lo.map_or(want_lo, |(a, _)| a.max(want_lo));
            let hi = allowed_hi.map_or(want_hi, |(b, _)| b.min(want_hi));
            // The realistic range misses the allowed one: the allowed range, made finite.
            let (mut lo, hi) = if lo < hi {
                (lo, hi)
            } else {
                match (allowed_lo, allowed_hi) {
                    (Some((a, _)), Some((b, _))) => (a, b),
                    (Some((a, _)), None) => (a, a + 1000.0),
                    (None, Some((b, _))) => (b - 1000.0, b),
                    (None, None) => (want_lo, want_hi),
                }
            };
            if lo >= hi {
                return Err("its bounds leave no value".into());
            }
            // The end is excluded already; a strict lower bound excludes `lo` too.
            if allowed_lo.is_some_and(|(_, strict)| strict) {
                lo += (hi - lo) * 1e-6;
            }
            Gen::FloatRange { lo, hi }
        }
        Shape::Text { max } => text(table, name, *max, rule),
        Shape::Bool => Gen::Bool {
            p: match default_lit.map(|(Lit::Num(t) | Lit::Str(t))| t.trim().to_ascii_lowercase()) {
                Some(t) if matches!(t.as_str(), "1" | "t" | "true" | "y" | "yes" | "on") => {
                    DEFAULT_SHARE
                }
                Some(t) if matches!(t.as_str(), "0" | "f" | "false" | "n" | "no" | "off") => {
                    OTHER_SHARE
                }
                _ => 0.5,
            },
        },
        Shape::Date => {
            let want = if names::is_birth(name) {
                (days(1950, 1, 1), days(2005, 12, 31))
            } else {
                (days(2015, 1, 1), days(2025, 12, 31))
            };
            let (lo, hi) = bounds(shape, rule, days(1000, 1, 1), days(9999, 12, 31))?;
            let (lo, hi) = narrow(want, lo, hi);
            Gen::IntRange { lo, hi }
        }
        Shape::Time => Gen::IntRange {
            lo: 0,
            hi: 86_399 * SECOND,
        },
        Shape::Timestamp | Shape::TimestampTz => {
            let day = 86_400 * SECOND;
            let want = if names::is_birth(name) {
                (days(1950, 1, 1) * day, days(2005, 12, 31) * day)
            } else {
                (days(2015, 1, 1) * day, days(2025, 12, 31) * day)
            };
            // 1970..2038: what a MySQL TIMESTAMP holds, so the range suits every dialect.
            let (lo, hi) = bounds(shape, rule, days(1970, 1, 2) * day, days(2038, 1, 1) * day)?;
            let (lo, hi) = narrow(want, lo, hi);
            // Whole seconds, so a DATETIME without fractions stores exactly what was drawn.
            Gen::IntRange {
                lo: lo.div_euclid(SECOND) * SECOND + if lo % SECOND == 0 { 0 } else { SECOND },
                hi: hi.div_euclid(SECOND) * SECOND,
            }
        }
        Shape::Uuid => Gen::Uuid,
        Shape::Bytes { max } => Gen::Bytes {
            min: max.map_or(16, |m| m.min(16)),
            max: max.map_or(64, |m| m.min(64)),
        },
        Shape::Json => Gen::Regex(r#"\{"id": [1-9][0-9]{0,4}, "tag": "[a-z]{3,8}"\}"#.into()),
        Shape::Enum(labels) => weighted(
            labels.iter().map(|l| Value::Str(l.clone())).collect(),
            default_value.as_ref(),
        ),
        Shape::Set(labels) => {
            let mut values: Vec<Value> = labels.iter().map(|l| Value::Str(l.clone())).collect();
            values.extend(
                labels
                    .windows(2)
                    .map(|w| Value::Str(format!("{},{}", w[0], w[1]))),
            );
            Gen::OneOf {
                values,
                weights: None,
            }
        }
        Shape::Array(item) => match item.as_ref() {
            Shape::Text { .. } => Gen::Regex(r"\{[a-z]{3,10}(,[a-z]{3,10}){0,3}\}".into()),
            Shape::Int { .. } => Gen::Regex(r"\{[1-9][0-9]{0,3}(,[1-9][0-9]{0,3}){0,3}\}".into()),
            other => return Err(format!("arrays of {other:?} are not supported")),
        },
        Shape::TsVector => Gen::Regex("[a-z]{3,10}( [a-z]{3,10}){0,5}".into()),
        Shape::Inet => Gen::Provider("internet.ipv4".into()),
        Shape::Point => point(),
    })
}

/// A point anywhere on the globe: longitude `x` in `-180..180`, latitude `y` in `-90..90`.
fn point() -> Gen {
    let coordinate = |name: &str, bound: f64| {
        Field::new(
            name,
            DataType::Float,
            Gen::FloatRange {
                lo: -bound,
                hi: bound,
            },
        )
    };
    Gen::Object(vec![coordinate("x", 180.0), coordinate("y", 90.0)])
}

/// A `DEFAULT now()` date or timestamp column: the year before the generation's `now`, inside
/// the column's bounds (`None` for other shapes, or when the bounds miss that year).
fn recent(shape: &Shape, rule: &Rule) -> Result<Option<Gen>, String> {
    let day = 86_400 * SECOND;
    let now = now_micros();
    Ok(match shape {
        Shape::Date => {
            let today = now.div_euclid(day);
            let (lo, hi) = bounds(shape, rule, days(1000, 1, 1), days(9999, 12, 31))?;
            let (lo, hi) = narrow((today - RECENT_DAYS, today), lo, hi);
            Some(Gen::IntRange { lo, hi })
        }
        Shape::Timestamp | Shape::TimestampTz => {
            let (lo, hi) = bounds(shape, rule, days(1970, 1, 2) * day, days(2038, 1, 1) * day)?;
            let (lo, hi) = narrow((now - RECENT_DAYS * day, now), lo, hi);
            Some(Gen::IntRange {
                lo: lo.div_euclid(SECOND) * SECOND + if lo % SECOND == 0 { 0 } else { SECOND },
                hi: hi.div_euclid(SECOND) * SECOND,
            })
        }
        _ => None,
    })
}

/// A text column's generator: a rule's pattern, a provider its name suggests, or words; cut to
/// the column's length.
fn text(table: &str, name: &str, max: Option<u32>, rule: &Rule) -> Gen {
    let max = match (max, rule.max_len) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(re) = &rule.regex {
        return Gen::Regex(re.clone());
    }
    // Providers and words never give empty text, so a minimum of one keeps them.
    if let Some(min) = rule.min_len.filter(|&m| m > 1) {
        let hi = max.unwrap_or(min.max(12)).max(min);
        return Gen::Regex(format!("[a-z]{{{min},{hi}}}"));
    }
    let inner = match (names::text_provider(table, name), max) {
        (_, Some(m)) if m <= 3 => return Gen::Regex(format!("[A-Z]{{{m}}}")),
        (Some(p), _) => Gen::Provider(p.into()),
        (None, _) => Gen::Provider("lorem.sentence".into()),
    };
    match max {
        Some(max_chars) => Gen::Fit {
            of: Box::new(inner),
            max_chars,
        },
        None => inner,
    }
}

/// A unique text column's generator: distinct by construction, within the column's length.
pub(crate) fn unique_text(table: &str, name: &str, max: Option<u32>, rule: &Rule) -> Gen {
    match text(table, name, max, rule) {
        g @ (Gen::Regex(_) | Gen::Fit { .. })
            if max.is_none_or(|m| m >= 12) || matches!(g, Gen::Regex(_)) =>
        {
            g
        }
        Gen::Provider(p) => Gen::Fit {
            of: Box::new(Gen::Provider(p)),
            max_chars: 255,
        },
        _ => {
            let n = max.unwrap_or(12).min(12);
            Gen::Regex(format!("[A-Z]{{{n}}}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(lo: Option<(&str, bool)>, hi: Option<(&str, bool)>, text: bool) -> Rule {
        let lit = |s: &str| {
            if text {
                Lit::Str(s.into())
            } else {
                Lit::Num(s.into())
            }
        };
        Rule {
            lo: lo.map(|(s, strict)| (lit(s), strict)),
            hi: hi.map(|(s, strict)| (lit(s), strict)),
            ..Rule::default()
        }
    }

    #[test]
    fn float_bounds_stay_inside_the_check() {
        let g = generator(
            "t",
            "price",
            &Shape::Float,
            &rule(Some(("0.5", true)), Some(("0.6", false)), false),
            None,
        );
        let Ok(Gen::FloatRange { lo, hi }) = g else {
            panic!("{g:?}")
        };
        assert!(lo > 0.5 && hi <= 0.6, "{lo}..{hi}");
        let g = generator(
            "t",
            "price",
            &Shape::Float,
            &rule(Some(("5", false)), Some(("1", false)), false),
            None,
        );
        assert!(g.is_err(), "no value between 5 and 1");
    }

    #[test]
    fn decimal_and_date_bounds_in_units() {
        let dec = Shape::Decimal {
            precision: 4,
            scale: 2,
        };
        let g = generator(
            "t",
            "amount",
            &dec,
            &rule(Some(("0", true)), None, false),
            None,
        )
        .unwrap();
        assert_eq!(
            g,
            Gen::IntRange { lo: 100, hi: 9999 },
            "1.00..99.99: the realistic range inside DECIMAL(4,2)"
        );
        let g = generator(
            "t",
            "x",
            &dec,
            &rule(Some(("0", true)), Some(("0.05", false)), false),
            None,
        )
        .unwrap();
        assert_eq!(g, Gen::IntRange { lo: 1, hi: 5 }, "0.01..0.05");
        let g = generator(
            "t",
            "d",
            &Shape::Date,
            &rule(Some(("2030-01-01", false)), None, true),
            None,
        )
        .unwrap();
        let Gen::IntRange { lo, .. } = g else {
            panic!("{g:?}")
        };
        assert_eq!(lo, days(2030, 1, 1));
    }

    #[test]
    fn text_fits_its_length() {
        let g = generator(
            "customer",
            "email",
            &Shape::Text { max: Some(30) },
            &Rule::default(),
            None,
        )
        .unwrap();
        assert_eq!(
            g,
            Gen::Fit {
                of: Box::new(Gen::Provider("internet.email".into())),
                max_chars: 30
            }
        );
        let not_empty = Rule {
            min_len: Some(1),
            ..Rule::default()
        };
        let g = generator("t", "city", &Shape::Text { max: None }, &not_empty, None).unwrap();
        assert_eq!(
            g,
            Gen::Provider("address.city".into()),
            "`<> ''` keeps the provider"
        );
        let g = generator(
            "t",
            "flag",
            &Shape::Text { max: Some(1) },
            &Rule::default(),
            None,
        )
        .unwrap();
        assert_eq!(g, Gen::Regex("[A-Z]{1}".into()));
    }
}
