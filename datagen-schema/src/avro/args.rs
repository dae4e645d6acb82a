//! `arg.properties`, the generation hints of avro-random-generator (as the Confluent datagen
//! connector's schemas carry them): `options`, `range`, `regex`, `iteration`, `length`, `odds`
//! and a map's `keys`. Any other hint is an error naming it.

use datagen_engine::ir::{DataType, Field, Gen, Value};
use serde_json::Value as Json;

use super::Error;
use super::build::{Builder, Part};
use super::model::{Loc, Logical, NamedKind, Node, Prim, Ty};
use super::scalar::SECOND;

/// The hints this importer honours.
const KNOWN: &str = "`options`, `range`, `regex`, `iteration`, `length`, `odds`, `keys`";

/// The type a hint applies to, as far as hints care.
#[derive(Clone, Copy)]
enum Base {
    Prim(Prim, Option<Logical>),
    Enum,
    Fixed,
    Record,
    List,
    Map,
}

/// The base of node `n`.
fn base(b: &Builder<'_>, n: &Node) -> Base {
    match &n.ty {
        Ty::Prim(p) => Base::Prim(*p, n.logical),
        Ty::Named(i) => match b.parser().named[*i].kind {
            NamedKind::Record(_) => Base::Record,
            NamedKind::Enum { .. } => Base::Enum,
            NamedKind::Fixed { .. } => Base::Fixed,
        },
        Ty::Array(_) => Base::List,
        Ty::Map(_) => Base::Map,
        Ty::Union(_) => Base::Record,
    }
}

/// Integer units per unit of the schema's value (microseconds per millisecond, ...): what a
/// range or iteration written in the schema's units is multiplied by; a negative factor
/// divides.
fn unit(logical: Option<Logical>) -> i64 {
    match logical {
        Some(Logical::TimeMillis | Logical::TimestampMillis | Logical::LocalTimestampMillis) => {
            1000
        }
        Some(Logical::TimestampNanos | Logical::LocalTimestampNanos) => -1000,
        _ => 1,
    }
}

/// `x` in the IR's units.
fn to_units(x: i64, logical: Option<Logical>) -> i64 {
    match unit(logical) {
        u if u < 0 => x.div_euclid(-u),
        u => x.saturating_mul(u),
    }
}

/// Applies the hints `args` (the object at `at`, on node `n`) to the part built for it.
pub(crate) fn apply(
    b: &Builder<'_>,
    args: &Json,
    n: &Node,
    part: &mut Part,
    at: &Loc,
) -> Result<(), Error> {
    let p = b.parser();
    let Json::Object(o) = args else {
        return Err(p.err(at, "`arg.properties` must be a JSON object"));
    };
    if let Some((k, _)) = o.iter().find(|(k, _)| {
        !matches!(
            k.as_str(),
            "options" | "range" | "regex" | "iteration" | "length" | "odds" | "keys"
        )
    }) {
        return Err(p
            .err(
                &at.join(k),
                format!("the generation hint `{k}` is not supported"),
            )
            .help(format!("use {KNOWN}, or remove it")));
    }
    let base = base(b, n);
    if let Some(options) = o.get("options") {
        let oat = at.join("options");
        let Json::Array(values) = options else {
            return Err(p.err(&oat, "`options` must be an array of values"));
        };
        if values.is_empty() {
            return Err(p.err(&oat, "`options` lists no values"));
        }
        let arms: Vec<Gen> = values
            .iter()
            .enumerate()
            .map(|(i, v)| constant(b, n, &part.ty, v, &oat.join(i)))
            .collect::<Result<_, _>>()?;
        part.generator = if arms.iter().all(|g| matches!(g, Gen::Const(_))) {
            Gen::OneOf {
                values: arms
                    .into_iter()
                    .map(|g| match g {
                        Gen::Const(v) => v,
                        _ => unreachable!("all arms are constants"),
                    })
                    .collect(),
                weights: None,
            }
        } else {
            Gen::Choice {
                arms: arms
                    .into_iter()
                    .map(|g| Field::new("option", part.ty.clone(), g))
                    .collect(),
                weights: None,
            }
        };
        return Ok(());
    }
    let wrong = |key: &str| {
        p.err(
            &at.join(key),
            format!("`{key}` does not apply to this type"),
        )
        .help(format!(
            "remove it; {KNOWN} apply as avro-random-generator defines"
        ))
    };
    if let Some(r) = o.get("range") {
        part.generator = range(b, base, r, &at.join("range"))?.ok_or_else(|| wrong("range"))?;
    }
    if let Some(it) = o.get("iteration") {
        part.generator =
            iteration(b, base, it, &at.join("iteration"))?.ok_or_else(|| wrong("iteration"))?;
    }
    if let Some(len) = o.get("length") {
        let (lo, hi) = bounds(b, len, &at.join("length"))?;
        match (&mut part.generator, base) {
            (Gen::Array { min, max, .. } | Gen::Map { min, max, .. }, Base::List | Base::Map) => {
                (*min, *max) = (lo, hi);
            }
            (g, Base::Prim(Prim::Bytes, None)) => *g = Gen::Bytes { min: lo, max: hi },
            (g, Base::Prim(Prim::String, None)) => *g = Gen::Regex(format!("[a-z]{{{lo},{hi}}}")),
            _ => return Err(wrong("length")),
        }
    }
    if let Some(re) = o.get("regex") {
        let rat = at.join("regex");
        let (Base::Prim(Prim::String, None), Some(text)) = (base, re.as_str()) else {
            return Err(if re.is_string() {
                wrong("regex")
            } else {
                p.err(&rat, "`regex` must be a string")
            });
        };
        if let Err(e) = datagen_core::regex::Regex::new(text) {
            return Err(p
                .err(&rat, format!("regex `{text}` is not supported: {e}"))
                .help("use a regular expression without look-around or back-references"));
        }
        part.generator = Gen::Regex(text.to_owned());
    }
    if let Some(odds) = o.get("odds") {
        let oat = at.join("odds");
        let Base::Prim(Prim::Boolean, _) = base else {
            return Err(wrong("odds"));
        };
        match odds.as_f64() {
            Some(x) if (0.0..=1.0).contains(&x) => part.generator = Gen::Bool { p: x },
            _ => return Err(p.err(&oat, "`odds` must be a probability from 0 to 1")),
        }
    }
    if let Some(keys) = o.get("keys") {
        let (Gen::Map { key, .. }, Base::Map) = (&mut part.generator, base) else {
            return Err(wrong("keys"));
        };
        let string = Node {
            ty: Ty::Prim(Prim::String),
            logical: None,
            args: None,
            loc: at.join("keys"),
        };
        let mut key_part = Part {
            ty: DataType::String,
            generator: key.generator.clone(),
            null_rate: 0.0,
        };
        apply(b, keys, &string, &mut key_part, &at.join("keys"))?;
        key.generator = key_part.generator;
    }
    if matches!(part.ty, DataType::Float)
        && matches!(base, Base::Prim(Prim::Float, _))
        && !matches!(part.generator, Gen::Float32(_))
    {
        part.generator = Gen::Float32(Box::new(part.generator.clone()));
    }
    Ok(())
}

/// A `{min, max}` (max excluded) or exact length.
fn bounds(b: &Builder<'_>, v: &Json, at: &Loc) -> Result<(u32, u32), Error> {
    let p = b.parser();
    let n = |x: &Json| x.as_u64().and_then(|x| u32::try_from(x).ok());
    let bad = || {
        p.err(
            at,
            "`length` must be a count or `{\"min\": .., \"max\": ..}` of counts",
        )
    };
    match v {
        Json::Number(_) => n(v).map(|x| (x, x)).ok_or_else(bad),
        Json::Object(o) => {
            let lo = o.get("min").map_or(Some(0), n).ok_or_else(bad)?;
            let hi = match o.get("max") {
                Some(m) => match n(m).ok_or_else(bad)? {
                    m if m > lo => m - 1,
                    _ => {
                        return Err(p.err(at, "the length leaves no count").help(
                            "`min` is included and `max` excluded: make `max` larger than `min`",
                        ));
                    }
                },
                None => lo + 10,
            };
            Ok((lo, hi))
        }
        _ => Err(bad()),
    }
}

/// The integer range of a type.
fn limits(base: Base) -> (i64, i64) {
    match base {
        Base::Prim(Prim::Int, None) => (i64::from(i32::MIN), i64::from(i32::MAX)),
        Base::Prim(Prim::Int, Some(Logical::Date)) => (-2_932_896, 2_932_896),
        Base::Prim(Prim::Int, Some(Logical::TimeMillis))
        | Base::Prim(Prim::Long, Some(Logical::TimeMicros)) => (0, 86_400 * SECOND - 1),
        _ => (i64::MIN, i64::MAX),
    }
}

/// A `range` hint's generator; `None` when the type takes no range.
fn range(b: &Builder<'_>, base: Base, v: &Json, at: &Loc) -> Result<Option<Gen>, Error> {
    let p = b.parser();
    let Json::Object(o) = v else {
        return Err(p.err(at, "`range` must be `{\"min\": .., \"max\": ..}`"));
    };
    let num = |k: &str| -> Result<Option<f64>, Error> {
        match o.get(k) {
            None => Ok(None),
            Some(x) => x
                .as_f64()
                .map(Some)
                .ok_or_else(|| p.err(&at.join(k), format!("`{k}` must be a number"))),
        }
    };
    let (lo, hi) = (num("min")?, num("max")?);
    if lo.is_none() && hi.is_none() {
        return Err(p.err(at, "`range` needs `min`, `max` or both"));
    }
    let empty = || {
        p.err(at, "the range leaves no value")
            .help("`min` is included and `max` excluded: make `max` larger than `min`")
    };
    Ok(Some(match base {
        Base::Prim(Prim::Float | Prim::Double, _) => {
            let lo = lo.unwrap_or_else(|| hi.unwrap_or(0.0) - 1000.0);
            let hi = hi.unwrap_or(lo + 1000.0);
            if lo >= hi {
                return Err(empty());
            }
            Gen::FloatRange { lo, hi }
        }
        Base::Prim(Prim::Bytes, Some(Logical::Decimal { precision, scale })) => {
            let k = 10f64.powi(i32::from(scale));
            let max = 10f64.powi(i32::from(precision)) - 1.0;
            let lo = lo.map_or(0.0, |x| (x * k).ceil()).max(-max);
            let hi = hi
                .map_or(lo + 1000.0 * k, |x| (x * k).ceil() - 1.0)
                .min(max);
            if lo > hi || !lo.is_finite() || !hi.is_finite() {
                return Err(empty());
            }
            #[allow(clippy::cast_possible_truncation)]
            Gen::IntRange {
                lo: lo as i64,
                hi: hi as i64,
            }
        }
        Base::Prim(Prim::Int | Prim::Long, logical) => {
            let (tlo, thi) = limits(base);
            #[allow(clippy::cast_possible_truncation)]
            let lo = lo.map(|x| x.ceil() as i64);
            #[allow(clippy::cast_possible_truncation)]
            let hi = hi.map(|x| (x.ceil() as i64).saturating_sub(1));
            let (lo, hi) = match (lo, hi) {
                (Some(l), Some(h)) => (l, h),
                (Some(l), None) => (l, l.saturating_add(1000)),
                (None, Some(h)) => (h.saturating_sub(1000).min(0).max(h.saturating_sub(1000)), h),
                (None, None) => unreachable!("checked above"),
            };
            let in_units = |x: i64| match unit(logical) {
                u if u > 0 => x.checked_mul(u).ok_or_else(|| {
                    p.err(
                        at,
                        "the range is beyond the timestamps and times datagen generates",
                    )
                    .help("keep `min` and `max` within 292000 years of 1970")
                }),
                _ => Ok(to_units(x, logical)),
            };
            let (lo, hi) = (in_units(lo)?.max(tlo), in_units(hi)?.min(thi));
            if lo > hi {
                return Err(empty());
            }
            if unit(logical) == 1000 {
                // Whole seconds, so the values are whole milliseconds (the plan draws
                // timestamps in steps of a second between whole-second bounds).
                let (slo, shi) = (
                    (lo.div_euclid(SECOND) * SECOND).saturating_add(if lo % SECOND == 0 {
                        0
                    } else {
                        SECOND
                    }),
                    hi.div_euclid(SECOND) * SECOND,
                );
                if slo > shi {
                    return Ok(Some(Gen::Const(match logical {
                        Some(Logical::TimeMillis) => Value::Time(lo),
                        _ => Value::Timestamp(lo),
                    })));
                }
                return Ok(Some(Gen::IntRange { lo: slo, hi: shi }));
            }
            Gen::IntRange { lo, hi }
        }
        _ => return Ok(None),
    }))
}

/// The most values an iteration lists to cycle through.
const CYCLE_MAX: i64 = 100_000;

/// An `iteration` hint's generator: `start`, `start + step`, ..., back to `start` at
/// `restart`; `None` when the type takes no iteration.
fn iteration(b: &Builder<'_>, base: Base, v: &Json, at: &Loc) -> Result<Option<Gen>, Error> {
    let p = b.parser();
    let Json::Object(o) = v else {
        return Err(p.err(at, "`iteration` must be `{\"start\": .., \"step\": ..}`"));
    };
    let int = |k: &str, default: Option<i64>| -> Result<i64, Error> {
        match o.get(k) {
            None => default.ok_or_else(|| p.err(at, format!("`iteration` needs `{k}`"))),
            Some(x) => x.as_i64().ok_or_else(|| {
                p.err(&at.join(k), format!("`{k}` must be a whole number"))
                    .help("fractional iterations are not supported")
            }),
        }
    };
    let logical = match base {
        Base::Prim(Prim::Int | Prim::Long | Prim::Float | Prim::Double | Prim::String, l) => l,
        _ => return Ok(None),
    };
    if matches!(logical, Some(Logical::Uuid)) {
        return Ok(None);
    }
    let start = to_units(int("start", None)?, logical);
    let step = to_units(int("step", Some(1))?, logical);
    if step == 0 {
        return Err(p.err(&at.join("step"), "`step` must not be 0"));
    }
    let (tlo, thi) = limits(base);
    if start < tlo || start > thi {
        return Err(p.err(&at.join("start"), "`start` is outside the type's range"));
    }
    match o.get("restart") {
        None => {
            // As avro-random-generator does, a bounded type starts over at `start` past its
            // limit, rather than leaving its range: a cycle when that comes soon enough to list.
            let limit = if step > 0 { thi } else { tlo };
            let count = (i128::from(limit) - i128::from(start)) / i128::from(step) + 1;
            Ok(Some(match i64::try_from(count) {
                Ok(count) if count <= CYCLE_MAX && (tlo, thi) != (i64::MIN, i64::MAX) => {
                    Gen::Cycle((0..count).map(|i| Value::Int(start + i * step)).collect())
                }
                _ => Gen::Sequence { start, step },
            }))
        }
        Some(_) => {
            let restart = to_units(int("restart", None)?, logical);
            let count = (i128::from(restart) - i128::from(start)) / i128::from(step);
            let last = i128::from(start) + (count - 1) * i128::from(step);
            if count <= 0
                || count > i128::from(CYCLE_MAX)
                || last < i128::from(tlo)
                || last > i128::from(thi)
            {
                return Err(p
                    .err(
                        &at.join("restart"),
                        format!(
                            "`restart` must be reached from `start` by at most {CYCLE_MAX} \
                             steps inside the type's range"
                        ),
                    )
                    .help("move `restart` past `start` in the direction of `step`"));
            }
            #[allow(clippy::cast_possible_truncation, reason = "at most `CYCLE_MAX`")]
            let count = count as i64;
            let values = (0..count).map(|i| Value::Int(start + i * step)).collect();
            Ok(Some(Gen::Cycle(values)))
        }
    }
}

/// A constant generator of node `n` (whose built type is `ty`) for the option `v`.
#[allow(clippy::too_many_lines)]
fn constant(b: &Builder<'_>, n: &Node, ty: &DataType, v: &Json, at: &Loc) -> Result<Gen, Error> {
    let p = b.parser();
    let bad = |what: &str| {
        p.err(at, format!("option {} is not {what}", short(v)))
            .help("give options of the field's type")
    };
    if v.is_null() && allows_null(n) {
        return Ok(Gen::Const(Value::Null));
    }
    let logical = n.logical;
    match (&n.ty, ty) {
        (Ty::Prim(Prim::Boolean), _) => v
            .as_bool()
            .map(|x| Gen::Const(Value::Bool(x)))
            .ok_or_else(|| bad("a boolean")),
        (Ty::Prim(Prim::Int | Prim::Long), _) => {
            let x = v.as_i64().ok_or_else(|| bad("a whole number"))?;
            if matches!(n.ty, Ty::Prim(Prim::Int)) && i32::try_from(x).is_err() {
                return Err(bad("in the `int` range"));
            }
            let u = to_units(x, logical);
            Ok(Gen::Const(match logical {
                Some(Logical::Date) => {
                    Value::Date(i32::try_from(x).map_err(|_| bad("a day number"))?)
                }
                Some(Logical::TimeMillis | Logical::TimeMicros) => Value::Time(u),
                Some(_) => Value::Timestamp(u),
                None => Value::Int(x),
            }))
        }
        (Ty::Prim(Prim::Float), _) => {
            #[allow(clippy::cast_possible_truncation)]
            let x = v
                .as_f64()
                .map(|x| f64::from(x as f32))
                .ok_or_else(|| bad("a number"))?;
            Ok(Gen::Const(Value::Float(x)))
        }
        (Ty::Prim(Prim::Double), _) => v
            .as_f64()
            .map(|x| Gen::Const(Value::Float(x)))
            .ok_or_else(|| bad("a number")),
        (Ty::Prim(Prim::String), DataType::Uuid) => v
            .as_str()
            .and_then(parse_uuid)
            .map(|u| Gen::Const(Value::Uuid(u)))
            .ok_or_else(|| bad("a UUID")),
        (Ty::Prim(Prim::String), _) => v
            .as_str()
            .map(|s| Gen::Const(Value::Str(s.to_owned())))
            .ok_or_else(|| bad("a string")),
        (_, DataType::Decimal { precision, scale }) => {
            let x = v.as_f64().ok_or_else(|| bad("a number"))?;
            let units = (x * 10f64.powi(i32::from(*scale))).round();
            if units.abs() >= 10f64.powi(i32::from(*precision)) {
                return Err(bad(&format!("a decimal of {precision} digits")));
            }
            #[allow(clippy::cast_possible_truncation)]
            Ok(Gen::Const(Value::Decimal(units as i128, *scale)))
        }
        (Ty::Named(i), _) => match &p.named[*i].kind {
            NamedKind::Enum { symbols, .. } => match v.as_str() {
                Some(s) if symbols.iter().any(|x| x == s) => {
                    Ok(Gen::Const(Value::Str(s.to_owned())))
                }
                _ => Err(bad("one of the enum's symbols")),
            },
            NamedKind::Record(fields) => {
                let (Json::Object(o), DataType::Struct(members)) = (v, ty) else {
                    return Err(bad("an object of the record's fields"));
                };
                let mut out = Vec::with_capacity(fields.len());
                for (f, (name, mty)) in fields.iter().zip(members) {
                    let value = match (o.get(&f.name), &f.default) {
                        (Some(x), _) | (None, Some(x)) => x,
                        (None, None) => {
                            return Err(p
                                .err(at, format!("option has no value for field `{}`", f.name))
                                .help("give every field without a default a value"));
                        }
                    };
                    let g = constant(b, &f.ty, mty, value, &at.join(&f.name))?;
                    out.push(Field::new(name.clone(), mty.clone(), g));
                }
                Ok(Gen::Object(out))
            }
            NamedKind::Fixed { .. } => Err(p
                .err(
                    at,
                    "options of `fixed` and `bytes` values are not supported",
                )
                .help("remove `options`")),
        },
        (Ty::Array(item), DataType::List(ity)) => {
            let Json::Array(items) = v else {
                return Err(bad("an array"));
            };
            let items = items
                .iter()
                .enumerate()
                .map(|(k, x)| {
                    constant(b, item, ity, x, &at.join(k))
                        .map(|g| Field::new("item", (**ity).clone(), g))
                })
                .collect::<Result<_, _>>()?;
            Ok(Gen::Tuple(items))
        }
        (Ty::Map(value), DataType::List(ity)) => {
            let (Json::Object(o), DataType::Struct(kv)) = (v, ity.as_ref()) else {
                return Err(bad("an object"));
            };
            let vty = &kv[1].1;
            let items = o
                .iter()
                .map(|(k, x)| {
                    let g = constant(b, value, vty, x, &at.join(k))?;
                    Ok(Field::new(
                        "entry",
                        (**ity).clone(),
                        Gen::Object(vec![
                            Field::new("key", DataType::String, Gen::Const(Value::Str(k.clone()))),
                            Field::new("value", vty.clone(), g),
                        ]),
                    ))
                })
                .collect::<Result<_, Error>>()?;
            Ok(Gen::Tuple(items))
        }
        (Ty::Union(branches), _) => {
            let others: Vec<&Node> = branches
                .iter()
                .filter(|x| !matches!(x.ty, Ty::Prim(Prim::Null)))
                .collect();
            if others.len() == 1 {
                return constant(b, others[0], ty, v, at);
            }
            let DataType::Struct(members) = ty else {
                return Err(bad("a value of the union"));
            };
            for (k, branch) in others.iter().enumerate() {
                if let Ok(g) = constant(b, branch, &members[k].1, v, at) {
                    let fields = members
                        .iter()
                        .enumerate()
                        .map(|(j, (name, mty))| {
                            let g = if j == k {
                                g.clone()
                            } else {
                                Gen::Const(Value::Null)
                            };
                            Field::new(name.clone(), mty.clone(), g)
                        })
                        .collect();
                    let weights = (0..members.len())
                        .map(|j| if j == k { 1.0 } else { 0.0 })
                        .collect();
                    return Ok(Gen::Union {
                        branches: fields,
                        weights,
                    });
                }
            }
            Err(bad("a value of any branch of the union"))
        }
        _ => Err(bad("a value of this type")),
    }
}

/// Whether `n` accepts null.
fn allows_null(n: &Node) -> bool {
    match &n.ty {
        Ty::Prim(Prim::Null) => true,
        Ty::Union(bs) => bs.iter().any(allows_null),
        _ => false,
    }
}

/// A value, cut for a message.
fn short(v: &Json) -> String {
    let s = v.to_string();
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s,
    }
}

/// A UUID's 128 bits from its text form.
fn parse_uuid(s: &str) -> Option<u128> {
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    (hex.len() == 32).then(|| u128::from_str_radix(&hex, 16).ok())?
}
