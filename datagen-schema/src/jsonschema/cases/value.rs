//! The values of scalar cases: numbers at or just past their bounds and off their
//! `multipleOf`, strings of boundary lengths or missing their pattern or format, values
//! outside an `enum`.

use serde_json::Value;

use super::super::check;
use super::super::format::Format;
use super::super::plan::Node;
use super::super::scalar::int_range;
use super::super::shape::{ARR, BOOL, INT, NULL, NUM, OBJ, STR, Shape};
use super::explain::{lower_keyword, upper_keyword};
use super::target::{Lister, MAX_LEN};
use super::{Change, Location, Step, set};

/// The numeric range ends, at the nearest valid values.
pub(super) fn number_edges(node: &Node, l: &mut Lister<'_>) {
    let s = &node.shape;
    if !exact_bounds(s, l) {
        return;
    }
    let ints = !node.types.contains(&NUM);
    if let Some(b) = s.lo {
        let v = if ints {
            int_end(node, true)
        } else {
            num_end(s, b.value, b.exclusive, true)
        };
        if let Some(v) = v {
            l.add(
                lower_keyword(b.exclusive),
                format!("the least value, at {}", show(b.value)),
                set([v]),
            );
        }
    }
    if let Some(b) = s.hi {
        let v = if ints {
            int_end(node, false)
        } else {
            num_end(s, b.value, b.exclusive, false)
        };
        if let Some(v) = v {
            l.add(
                upper_keyword(b.exclusive),
                format!("the greatest value, at {}", show(b.value)),
                set([v]),
            );
        }
    }
}

/// Whether the numeric bounds are exact in a double (else they are listed as skipped).
fn exact_bounds(s: &Shape, l: &mut Lister<'_>) -> bool {
    const EXACT: f64 = 9.0e15;
    let mut ok = true;
    for (b, keyword) in [
        (s.lo, s.lo.map(|b| lower_keyword(b.exclusive))),
        (s.hi, s.hi.map(|b| upper_keyword(b.exclusive))),
    ] {
        if let (Some(b), Some(keyword)) = (b, keyword)
            && b.value.abs() > EXACT
        {
            l.skip(keyword, "a bound past 2^53 is not exact as a double");
            ok = false;
        }
    }
    ok
}

/// The least (`low`) or greatest integer of an integer node, a multiple of its steps.
fn int_end(node: &Node, low: bool) -> Option<Value> {
    let (lo, hi) = int_range(&node.shape)?;
    let m = node.int_step.unwrap_or(1);
    let v = if low {
        lo.div_euclid(m) * m + if lo.rem_euclid(m) == 0 { 0 } else { m }
    } else {
        hi.div_euclid(m) * m
    };
    (lo..=hi)
        .contains(&v)
        .then(|| Value::from(v))
        .filter(|v| fits(&node.shape, v))
}

/// The value of a number node nearest to bound `b` (exclusive or not) on the valid side.
fn num_end(s: &Shape, b: f64, exclusive: bool, low: bool) -> Option<Value> {
    let mut candidates = Vec::new();
    if let Some(&m) = s.multiple_of.first() {
        let k = (b / m).round();
        for d in [-1.0, 0.0, 1.0] {
            candidates.push((k + d) * m);
        }
    } else if exclusive {
        candidates.push(if low { b.next_up() } else { b.next_down() });
    } else {
        candidates.push(b);
    }
    let ok = candidates.into_iter().filter(|&v| check::number(s, v));
    let best = if low {
        ok.reduce(f64::min)
    } else {
        ok.reduce(f64::max)
    }?;
    Some(number_value(best)).filter(|v| fits(s, v))
}

/// Whether a number case value satisfies the node's numeric keywords.
fn fits(s: &Shape, v: &Value) -> bool {
    v.as_f64().is_some_and(|f| check::number(s, f))
}

/// A float as a JSON number: an integer when it is one.
fn number_value(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        Value::from(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// A bound as written.
fn show(f: f64) -> String {
    number_value(f).to_string()
}

/// The shortest and longest strings.
pub(super) fn string_edges(s: &Shape, l: &mut Lister<'_>) {
    let lengths = s.min_len > 0 || s.max_len.is_some();
    if lengths && (!s.patterns.is_empty() || !s.formats.is_empty()) {
        l.skip(
            "minLength",
            "a length boundary of a string with a pattern or format is not built",
        );
        return;
    }
    if s.min_len > 0 && s.min_len <= MAX_LEN {
        l.add(
            "minLength",
            format!("the shortest string, {} characters", s.min_len),
            vec![Change::Length(s.min_len)],
        );
    }
    if let Some(max) = s.max_len.filter(|&m| m <= MAX_LEN) {
        l.add(
            "maxLength",
            format!("the longest string, {max} characters"),
            vec![Change::Length(max)],
        );
    }
}

/// Values outside an `enum` list, of the node's types, for an invalid case.
pub(super) fn outside(list: &[Value], node: &Node) -> Vec<Value> {
    let s = &node.shape;
    let mut out = Vec::new();
    let numbers: Vec<f64> = list.iter().filter_map(Value::as_f64).collect();
    let top = numbers.iter().copied().fold(0.0, f64::max);
    let bottom = numbers.iter().copied().fold(0.0, f64::min);
    for &t in &[STR, INT, NUM, BOOL, NULL, ARR, OBJ] {
        if s.types & t == 0 {
            continue;
        }
        match t {
            STR => out.push(Value::from("not-in-the-list")),
            INT => {
                let m = node.int_step.unwrap_or(1) as f64;
                out.push(number_value(((top / m).floor() + 1.0) * m));
                out.push(number_value(((bottom / m).ceil() - 1.0) * m));
            }
            NUM => out.push(number_value(top + 0.5)),
            BOOL => out.extend([Value::Bool(true), Value::Bool(false)]),
            NULL => out.push(Value::Null),
            ARR => out.push(Value::Array(Vec::new())),
            _ => out.push(Value::Object(serde_json::Map::new())),
        }
    }
    out
}

/// Numbers just outside each bound, and off each `multipleOf`.
pub(super) fn number_breaks(node: &Node, l: &mut Lister<'_>) {
    let s = &node.shape;
    if !exact_bounds(s, l) {
        return;
    }
    let ints = s.types & NUM == 0;
    let m = s.multiple_of.first().copied();
    let snap = |v: f64, down: bool| match m {
        Some(m) => {
            let k = v / m;
            (if down { k.floor() } else { k.ceil() }) * m
        }
        None => v,
    };
    if let Some(b) = s.lo {
        let mut v = if b.exclusive { b.value } else { b.value - 1.0 };
        if ints || b.value.fract() == 0.0 {
            v = if b.exclusive {
                b.value.floor()
            } else {
                b.value.ceil() - 1.0
            };
        }
        let v = snap(v, true);
        l.add(
            lower_keyword(b.exclusive),
            format!("below {} {}", lower_keyword(b.exclusive), show(b.value)),
            set([number_value(v)]),
        );
    }
    if let Some(b) = s.hi {
        let mut v = if b.exclusive { b.value } else { b.value + 1.0 };
        if ints || b.value.fract() == 0.0 {
            v = if b.exclusive {
                b.value.ceil()
            } else {
                b.value.floor() + 1.0
            };
        }
        let v = snap(v, false);
        l.add(
            upper_keyword(b.exclusive),
            format!("above {} {}", upper_keyword(b.exclusive), show(b.value)),
            set([number_value(v)]),
        );
    }
    for &m in &s.multiple_of {
        let base = int_end(node, true)
            .and_then(|v| v.as_f64())
            .or_else(|| s.lo.map(|b| b.value))
            .unwrap_or(0.0);
        let mut candidates = Vec::new();
        for v in [
            base + 1.0,
            base - 1.0,
            base + m / 2.0,
            base + m + 1.0,
            base + 0.5,
        ] {
            if (!ints || v.fract() == 0.0) && !check::is_multiple(v, m) && check::in_bounds(s, v) {
                candidates.push(number_value(v));
            }
        }
        l.add(
            "multipleOf",
            format!("not a multiple of {}", show(m)),
            set(candidates),
        );
    }
}

/// Strings just too short or long, missing the pattern or the format.
pub(super) fn string_breaks(s: &Shape, l: &mut Lister<'_>, loc: &Location) {
    let plain = s.patterns.is_empty() && s.formats.is_empty();
    if s.min_len > 0 {
        if plain {
            l.add(
                "minLength",
                format!(
                    "{} characters, under minLength {}",
                    s.min_len - 1,
                    s.min_len
                ),
                vec![Change::Length(s.min_len - 1)],
            );
        } else {
            l.skip(
                "minLength",
                "a shorter string would also miss the pattern or format",
            );
        }
    }
    if let Some(max) = s.max_len.filter(|&m| m < MAX_LEN) {
        if plain {
            l.add(
                "maxLength",
                format!("{} characters, over maxLength {max}", max + 1),
                vec![Change::Length(max + 1)],
            );
        } else {
            l.skip(
                "maxLength",
                "a longer string would also miss the pattern or format",
            );
        }
    }
    let lengths = || {
        let lo = s.min_len.max(1);
        let hi = s.max_len.unwrap_or(lo + 3).min(lo + 3);
        lo..=hi
    };
    if !s.patterns.is_empty() {
        let mut misses = Vec::new();
        for n in lengths() {
            for c in ['!', ' ', '0', 'a', 'Z', '-', '~', '\u{e9}'] {
                let t: String = std::iter::repeat_n(c, n as usize).collect();
                if s.patterns.iter().any(|p| !p.matcher.is_match(&t)) && s.formats.is_empty() {
                    misses.push(Value::String(t));
                }
            }
        }
        misses.truncate(12);
        l.add("pattern", "a string the pattern misses".into(), set(misses));
    }
    for &f in &s.formats {
        if loc.steps.iter().any(|s| matches!(s, Step::Variant(_))) {
            l.skip(
                "format",
                "a format inside a branch is not broken: the branch would fail",
            );
            continue;
        }
        if !s.patterns.is_empty() {
            l.skip(
                "format",
                "a string missing the format would also have to match the pattern",
            );
            continue;
        }
        let c = match f {
            Format::Regex => '[',
            Format::UriTemplate => '{',
            Format::UriReference => '\\',
            _ => '!',
        };
        let misses: Vec<Value> = lengths()
            .map(|n| Value::String(std::iter::repeat_n(c, n as usize).collect()))
            .collect();
        l.add("format", format!("not a {f:?} string"), set(misses));
    }
}
