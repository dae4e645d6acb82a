//! The internal check: whether a value satisfies a node's shape, for the keywords generation does
//! not guarantee by construction (`not`, `oneOf`, `if`, dependent schemas, `unevaluated*`).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::plan::Node;
use super::shape::{ARR, BOOL, INT, Id, NULL, NUM, OBJ, STR, Shape};

/// The nodes of a compiled schema, for checking.
pub(super) struct Checker<'a> {
    pub(super) nodes: &'a [Option<Node>],
}

impl Checker<'_> {
    fn shape(&self, id: Id) -> &Shape {
        &self.nodes[id]
            .as_ref()
            .expect("every node a shape refers to is planned")
            .shape
    }

    /// Whether `v` satisfies node `id`.
    pub(super) fn valid(&self, id: Id, v: &Value) -> bool {
        let s = self.shape(id);
        if s.types & type_bit(v) == 0 {
            return false;
        }
        if !s.consts.iter().all(|list| list.iter().any(|c| equal(c, v))) {
            return false;
        }
        let ok = match v {
            Value::Number(n) => n.as_f64().is_some_and(|f| number(s, f)),
            Value::String(t) => string(s, t),
            Value::Array(items) => self.array(s, items),
            Value::Object(map) => self.object(s, map, v),
            _ => true,
        };
        ok && s.any_of.iter().all(|g| g.iter().any(|&b| self.valid(b, v)))
            && s.one_of
                .iter()
                .all(|g| g.iter().filter(|&&b| self.valid(b, v)).count() == 1)
            && s.not.iter().all(|&n| !self.valid(n, v))
            && s.checks.iter().all(|&c| self.valid(c, v))
            && s.conds.iter().all(|c| {
                let branch = if self.valid(c.when, v) {
                    c.then
                } else {
                    c.otherwise
                };
                branch.is_none_or(|b| self.valid(b, v))
            })
            && self.unevaluated(id, v)
    }

    fn array(&self, s: &Shape, items: &[Value]) -> bool {
        let n = items.len() as u64;
        if n < s.min_items || s.max_items.is_some_and(|m| n > m) {
            return false;
        }
        for part in &s.arrays {
            for (i, item) in items.iter().enumerate() {
                let schema = part.prefix.get(i).copied().or(part.rest);
                if schema.is_some_and(|id| !self.valid(id, item)) {
                    return false;
                }
            }
        }
        for k in &s.contains {
            let hits = items.iter().filter(|i| self.valid(k.id, i)).count() as u64;
            if hits < k.min || k.max.is_some_and(|m| hits > m) {
                return false;
            }
        }
        if s.unique {
            for (i, a) in items.iter().enumerate() {
                if items[..i].iter().any(|b| equal(a, b)) {
                    return false;
                }
            }
        }
        true
    }

    /// The object keywords; `object` is `map` as a value, for dependent schemas.
    fn object(&self, s: &Shape, map: &Map<String, Value>, object: &Value) -> bool {
        let n = map.len() as u64;
        if n < s.min_props || s.max_props.is_some_and(|m| n > m) {
            return false;
        }
        if !s.required.iter().all(|r| map.contains_key(r)) {
            return false;
        }
        for part in &s.objects {
            for (name, value) in map {
                let mut matched = false;
                if let Some((_, id)) = part.props.iter().find(|(p, _)| p == name) {
                    matched = true;
                    if !self.valid(*id, value) {
                        return false;
                    }
                }
                for (p, id) in &part.patterns {
                    if p.matcher.is_match(name) {
                        matched = true;
                        if !self.valid(*id, value) {
                            return false;
                        }
                    }
                }
                if !matched && part.additional.is_some_and(|id| !self.valid(id, value)) {
                    return false;
                }
            }
        }
        for &names in &s.names {
            if !map
                .keys()
                .all(|k| self.valid(names, &Value::String(k.clone())))
            {
                return false;
            }
        }
        for (name, deps) in &s.dep_required {
            if map.contains_key(name) && !deps.iter().all(|d| map.contains_key(d)) {
                return false;
            }
        }
        s.dep_schemas
            .iter()
            .all(|(name, id)| !map.contains_key(name) || self.valid(*id, object))
    }

    /// `unevaluatedProperties` and `unevaluatedItems` of node `id`.
    pub(super) fn unevaluated(&self, id: Id, v: &Value) -> bool {
        let s = self.shape(id);
        match v {
            Value::Object(map) if !s.uneval_props.is_empty() => {
                let mut seen = HashSet::new();
                self.evaluated_props(id, v, &mut seen);
                map.iter()
                    .filter(|(k, _)| !seen.contains(k.as_str()))
                    .all(|(_, value)| s.uneval_props.iter().all(|&u| self.valid(u, value)))
            }
            Value::Array(items) if !s.uneval_items.is_empty() => {
                let mut seen = vec![false; items.len()];
                self.evaluated_items(id, v, &mut seen);
                items
                    .iter()
                    .zip(&seen)
                    .filter(|(_, s)| !**s)
                    .all(|(item, _)| s.uneval_items.iter().all(|&u| self.valid(u, item)))
            }
            _ => true,
        }
    }

    /// The branches of node `id` that `v` satisfies (whose annotations count).
    fn passing(&self, id: Id, v: &Value) -> Vec<Id> {
        let s = self.shape(id);
        let mut out = Vec::new();
        for &b in s.any_of.iter().chain(&s.one_of).flatten() {
            if self.valid(b, v) {
                out.push(b);
            }
        }
        for c in &s.conds {
            if self.valid(c.when, v) {
                out.push(c.when);
                out.extend(c.then);
            } else {
                out.extend(c.otherwise);
            }
        }
        for (name, dep) in &s.dep_schemas {
            if v.get(name).is_some() {
                out.push(*dep);
            }
        }
        out
    }

    fn evaluated_props<'v>(&self, id: Id, v: &'v Value, seen: &mut HashSet<&'v str>) {
        let s = self.shape(id);
        let Value::Object(map) = v else { return };
        for part in &s.objects {
            for name in map.keys() {
                if part.additional.is_some()
                    || part.props.iter().any(|(p, _)| p == name)
                    || part.patterns.iter().any(|(p, _)| p.matcher.is_match(name))
                {
                    seen.insert(name);
                }
            }
        }
        for &c in &s.checks {
            // A passing `unevaluatedProperties` evaluates every property it sees.
            if !self.shape(c).uneval_props.is_empty() && self.valid(c, v) {
                seen.extend(map.keys().map(String::as_str));
            }
        }
        for b in self.passing(id, v) {
            self.evaluated_props(b, v, seen);
        }
    }

    fn evaluated_items(&self, id: Id, v: &Value, seen: &mut [bool]) {
        let s = self.shape(id);
        let Value::Array(items) = v else { return };
        for part in &s.arrays {
            let upto = if part.rest.is_some() {
                items.len()
            } else {
                part.prefix.len().min(items.len())
            };
            seen[..upto].iter_mut().for_each(|x| *x = true);
        }
        for k in &s.contains {
            for (i, item) in items.iter().enumerate() {
                if self.valid(k.id, item) {
                    seen[i] = true;
                }
            }
        }
        for &c in &s.checks {
            // A passing `unevaluatedItems` evaluates every item it sees.
            if !self.shape(c).uneval_items.is_empty() && self.valid(c, v) {
                seen.iter_mut().for_each(|x| *x = true);
            }
        }
        for b in self.passing(id, v) {
            self.evaluated_items(b, v, seen);
        }
    }
}

/// The type bit of a value (an integral number is an `integer`).
pub(super) fn type_bit(v: &Value) -> u8 {
    match v {
        Value::Null => NULL,
        Value::Bool(_) => BOOL,
        Value::Number(n) => {
            if n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0) {
                INT
            } else {
                NUM
            }
        }
        Value::String(_) => STR,
        Value::Array(_) => ARR,
        Value::Object(_) => OBJ,
    }
}

/// JSON equality: numbers by value, objects regardless of key order.
pub(super) fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| equal(a, b)))
        }
        _ => a == b,
    }
}

/// The numeric keywords.
pub(super) fn number(s: &Shape, f: f64) -> bool {
    in_bounds(s, f) && s.multiple_of.iter().all(|&m| is_multiple(f, m))
}

/// `minimum`, `maximum` and their exclusive forms.
pub(super) fn in_bounds(s: &Shape, f: f64) -> bool {
    let above = s.lo.is_none_or(|b| {
        if b.exclusive {
            f > b.value
        } else {
            f >= b.value
        }
    });
    let below = s.hi.is_none_or(|b| {
        if b.exclusive {
            f < b.value
        } else {
            f <= b.value
        }
    });
    above && below
}

/// The string keywords (formats are trusted: generation draws them from format generators).
pub(super) fn string(s: &Shape, t: &str) -> bool {
    let n = t.chars().count() as u64;
    n >= s.min_len
        && s.max_len.is_none_or(|m| n <= m)
        && s.patterns.iter().all(|p| p.matcher.is_match(t))
}

/// Whether `v / m` is an integer, reading both as the shortest decimals that round-trip (as
/// validators do: `19.99` is a multiple of `0.01`).
pub(super) fn is_multiple(v: f64, m: f64) -> bool {
    if v == 0.0 {
        return true;
    }
    if !v.is_finite() || !m.is_finite() || m <= 0.0 {
        return false;
    }
    match (decimal(v.abs()), decimal(m)) {
        (Some((a, ea)), Some((b, eb))) => {
            // a * 10^-ea and b * 10^-eb, scaled to the same number of decimals.
            let scale = ea.max(eb);
            let a = 10u128
                .checked_pow(scale - ea)
                .and_then(|p| a.checked_mul(p));
            let b = 10u128
                .checked_pow(scale - eb)
                .and_then(|p| b.checked_mul(p));
            match (a, b) {
                (Some(a), Some(b)) if b != 0 => a % b == 0,
                _ => (v / m).fract() == 0.0,
            }
        }
        _ => (v / m).fract() == 0.0,
    }
}

/// The shortest round-tripping decimal of a positive float as `digits * 10^-decimals`, when it
/// fits in 128 bits.
pub(super) fn decimal(f: f64) -> Option<(u128, u32)> {
    let text = serde_json::Number::from_f64(f)?.to_string();
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (text.as_str(), 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    let digits: u128 = format!("{int}{frac}").parse().ok()?;
    let decimals = i32::try_from(frac.len()).ok()? - exp;
    if decimals >= 0 {
        Some((digits, u32::try_from(decimals).ok()?))
    } else {
        let p = 10u128.checked_pow(u32::try_from(-decimals).ok()?)?;
        Some((digits.checked_mul(p)?, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiples_are_read_as_decimals() {
        assert!(is_multiple(19.99, 0.01));
        assert!(is_multiple(0.3, 0.1));
        assert!(is_multiple(0.0075, 0.0001));
        assert!(!is_multiple(0.00751, 0.0001));
        assert!(is_multiple(-4.5, 1.5));
        assert!(!is_multiple(7.0, 2.0));
        assert!(is_multiple(0.0, 0.37));
        assert_eq!(decimal(19.99), Some((1999, 2)));
        assert_eq!(decimal(1e-7), Some((1, 7)));
        assert_eq!(decimal(3e20), Some((300_000_000_000_000_000_000, 0)));
    }
}
