//! Listing an entity's cases from its compiled fields: the boundaries of each field (edge) or
//! the rules it can break one at a time (invalid), as `datagen_core::cases` computes them for
//! the derive.

use datagen_core::cases::{Edges, outside, regex_miss};
use datagen_core::regex::Regex;

use crate::cases::{Case, CaseValue, Mode};
use crate::chunk::{Column, Values};
use crate::ir::{DataType, Value};
use crate::plan::node::{Kind, Node, Pick, RefPick};
use crate::plan::{Plan, value_text};

/// The cases of entity `e`, field by field in output order (hidden helpers have none).
pub(super) fn cases(plan: &Plan, e: usize, mode: Mode) -> Vec<Case> {
    let (nodes, written, _, _) = plan.parts(e);
    let mut out = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        if !written[i] {
            continue;
        }
        let mut list = List {
            node: i,
            field: node,
            mode,
            out: &mut out,
        };
        list.field_cases(plan);
    }
    // Duplicates last, so each copies an earlier row's value.
    let (mut dups, mut out): (Vec<Case>, Vec<Case>) =
        out.into_iter().partition(|c| c.value == CaseValue::Dup);
    out.append(&mut dups);
    resolve_dups(plan, e, &mut out);
    out
}

/// The cases of one field, as they are found.
struct List<'a> {
    node: usize,
    field: &'a Node,
    mode: Mode,
    out: &'a mut Vec<Case>,
}

impl List<'_> {
    fn push(&mut self, mode: Mode, value: CaseValue, rule: &'static str, detail: String) {
        if mode == self.mode {
            self.out.push(Case {
                node: self.node,
                value,
                field: self.field.name.clone(),
                rule,
                detail,
            });
        }
    }

    fn edge(&mut self, value: CaseValue, rule: &'static str, detail: String) {
        self.push(Mode::Edge, value, rule, detail);
    }

    fn invalid(&mut self, value: CaseValue, rule: &'static str, detail: String) {
        self.push(Mode::Invalid, value, rule, detail);
    }

    /// A value as the column prints it.
    fn show(&self, value: &CaseValue) -> String {
        show(self.field, value)
    }

    /// Both ends of `[lo, hi]` (edge) or the values just outside (invalid), under `rule`.
    fn range(
        &mut self,
        rule: &'static str,
        [lo, hi]: [CaseValue; 2],
        [below, above]: [Option<CaseValue>; 2],
        ends: bool,
    ) {
        let bounds = format!("{rule} [{}, {}]", self.show(&lo), self.show(&hi));
        if ends {
            let text = format!("{}, the minimum of {bounds}", self.show(&lo));
            self.edge(lo, rule, text);
            let text = format!("{}, the maximum of {bounds}", self.show(&hi));
            self.edge(hi, rule, text);
        }
        if let Some(v) = below {
            let text = format!("{}, below {bounds}", self.show(&v));
            self.invalid(v, rule, text);
        }
        if let Some(v) = above {
            let text = format!("{}, above {bounds}", self.show(&v));
            self.invalid(v, rule, text);
        }
    }

    fn len(&mut self, what: &str, min: u32, max: u32) {
        let bounds = format!("{what} length [{min}, {max}]");
        self.edge(
            CaseValue::Len(min),
            "len",
            format!("{min}, the shortest of {bounds}"),
        );
        if max != min {
            self.edge(
                CaseValue::Len(max),
                "len",
                format!("{max}, the longest of {bounds}"),
            );
        }
        if let Some(below) = min.checked_sub(1) {
            self.invalid(
                CaseValue::Len(below),
                "len",
                format!("{below}, below {bounds}"),
            );
        }
        if let Some(above) = max.checked_add(1) {
            self.invalid(
                CaseValue::Len(above),
                "len",
                format!("{above}, above {bounds}"),
            );
        }
    }

    fn values(&mut self, rule: &'static str, values: &[Value], each: bool) {
        if each {
            for v in values {
                let v = CaseValue::Value(v.clone());
                let text = format!("{}, one of the {rule} values", self.show(&v));
                self.edge(v, rule, text);
            }
        }
        if let Some(v) = value_outside(values) {
            let v = CaseValue::Value(v);
            let text = format!("{}, none of the {rule} values", self.show(&v));
            self.invalid(v, rule, text);
        }
    }

    fn regex(&mut self, re: &Regex, ends: bool) {
        let pattern = re.pattern();
        if ends && re.max_len().is_some() {
            let mut first = String::new();
            re.nth(0, &mut first);
            let fixed = Some(re.min_len()) == re.max_len();
            let (short, long) = if fixed {
                ("first", "last")
            } else {
                ("shortest", "longest")
            };
            if first.len() == re.min_len() {
                let text = format!("`{first}`, the {short} string of regex `{pattern}`");
                self.edge(CaseValue::Str(first), "regex", text);
            }
            if let Some(count) = re.count().filter(|c| *c > 1) {
                let mut last = String::new();
                re.nth(count - 1, &mut last);
                if Some(last.len()) == re.max_len() {
                    let text = format!("`{last}`, the {long} string of regex `{pattern}`");
                    self.edge(CaseValue::Str(last), "regex", text);
                }
            }
        }
        if let Some(miss) = regex_miss(re) {
            let text = format!("`{miss}`, which regex `{pattern}` does not match");
            self.invalid(CaseValue::Str(miss), "regex", text);
        }
    }

    fn dup(&mut self) {
        self.invalid(
            CaseValue::Dup,
            "unique",
            "the value of another row of a unique field".into(),
        );
    }

    #[allow(clippy::too_many_lines, clippy::cast_possible_truncation)]
    fn field_cases(&mut self, plan: &Plan) {
        let n = self.field;
        let mut null_value = CaseValue::Null;
        let mut nullable = n.null_rate > 0.0;
        match &n.kind {
            Kind::Group { .. } => return,
            Kind::IntRange { lo, hi, step } => {
                let max = lo + (hi - lo) / step * step;
                // A decimal keeps to its precision: a value it cannot hold is not generated.
                let fits = |x: &i64| match n.ty {
                    DataType::Decimal { precision, .. } => {
                        i128::from(*x).unsigned_abs() < 10u128.pow(u32::from(precision))
                    }
                    _ => true,
                };
                let below = lo.checked_sub(*step).filter(fits).map(CaseValue::Int);
                let above = max.checked_add(*step).filter(fits).map(CaseValue::Int);
                let ends = [CaseValue::Int(*lo), CaseValue::Int(max)];
                self.range("range", ends, [below, above], true);
            }
            Kind::IntUnique { lo, size } => {
                let hi = i64::try_from(i128::from(*lo) + (*size as i128) - 1).unwrap_or(i64::MAX);
                let below = lo.checked_sub(1).map(CaseValue::Int);
                let above = hi.checked_add(1).map(CaseValue::Int);
                // A unique field's ends already belong to some rows: no edge rows for them.
                let ends = [CaseValue::Int(*lo), CaseValue::Int(hi)];
                self.range("range", ends, [below, above], false);
                self.dup();
            }
            Kind::FloatRange { lo, hi } => {
                if let Some(c) = (*lo..*hi).range_cases() {
                    let ends = [CaseValue::Float(c.low), CaseValue::Float(c.high)];
                    let out = [c.below.map(CaseValue::Float), c.above.map(CaseValue::Float)];
                    self.range("range", ends, out, true);
                }
            }
            Kind::Dist(_, Some((lo, hi))) => {
                if let Some(c) = (*lo..=*hi).range_cases() {
                    let ends = [CaseValue::Float(c.low), CaseValue::Float(c.high)];
                    let out = [c.below.map(CaseValue::Float), c.above.map(CaseValue::Float)];
                    self.range("clamp", ends, out, true);
                }
            }
            Kind::OneOf(values, pick) => {
                nullable |= values.contains(&Value::Null);
                let unique = matches!(pick, Pick::Unique);
                self.values("one_of", values, !unique);
                if unique {
                    self.dup();
                }
            }
            Kind::Cycle(values) => {
                nullable |= values.contains(&Value::Null);
                self.values("cycle", values, true);
            }
            Kind::Bool(_) => {
                for b in [false, true] {
                    self.edge(CaseValue::Value(Value::Bool(b)), "bool", format!("{b}"));
                }
            }
            Kind::Regex(re) => self.regex(re, true),
            Kind::RegexUnique(re, _) => {
                self.regex(re, false);
                self.dup();
            }
            Kind::Bytes { min, max } => self.len("bytes", *min, *max),
            Kind::Array { min, max, .. } => self.len("array", *min, *max),
            Kind::Fit { inner, max, suffix } => {
                if inner.deps().is_empty() {
                    let text = format!("{} characters, longer than the column's {max}", max + 1);
                    self.invalid(CaseValue::Longer(max + 1), "max_chars", text);
                }
                if suffix.is_some() {
                    self.dup();
                }
            }
            Kind::Key { .. } => self.dup(),
            Kind::Ref {
                entity,
                key,
                count,
                pick,
                ..
            } => {
                null_value = CaseValue::Pick(None);
                let (_, _, _, parent) = plan.parts(*entity);
                let parent = &parent.name;
                if matches!(pick, RefPick::Uniform) && *count > 0 {
                    let first = format!("the first row of `{parent}`");
                    self.edge(CaseValue::Pick(Some(0)), "ref", first);
                    let last = format!("the last row of `{parent}`, row {}", count - 1);
                    self.edge(CaseValue::Pick(Some(count - 1)), "ref", last);
                }
                if let (Some(start), false) = (key, matches!(pick, RefPick::Joint(_))) {
                    let missing = start.saturating_add_unsigned(*count);
                    let text = format!(
                        "{missing}, a key `{parent}` does not have (its keys are {start} to {})",
                        missing - 1
                    );
                    self.invalid(CaseValue::Pick(Some(*count)), "ref", text);
                }
            }
            Kind::Lookup { .. } | Kind::Offset { .. } | Kind::Const(Value::Null) => {
                nullable = true;
            }
            Kind::Grouped { arms, .. } => {
                nullable |= arms.iter().any(|a| a.null_rate > 0.0);
            }
            _ => {}
        }
        if n.null_rate > 0.0 {
            self.edge(null_value, "null", "null, in a field with nulls".into());
        } else if !nullable {
            self.invalid(
                null_value,
                "not_null",
                "null, in a field without nulls".into(),
            );
        }
    }
}

/// A value of the same kind as `values` that is none of them: a string outside them, or one
/// past the largest number, date or time. `None` for booleans, UUIDs and mixed lists.
fn value_outside(values: &[Value]) -> Option<Value> {
    // A null among the values allows nulls; the rest say the kind.
    let values: Vec<Value> = values
        .iter()
        .filter(|v| **v != Value::Null)
        .cloned()
        .collect();
    let values = values.as_slice();
    let strings: Option<Vec<&str>> = values
        .iter()
        .map(|v| match v {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    if let Some(strings) = strings {
        return Some(Value::Str(outside(&strings)));
    }
    let same = |f: fn(&Value) -> bool| values.iter().all(f);
    let max = |key: fn(&Value) -> Option<i128>| values.iter().filter_map(key).max();
    if same(|v| matches!(v, Value::Int(_))) {
        let m = max(|v| {
            if let Value::Int(x) = v {
                Some(i128::from(*x))
            } else {
                None
            }
        })?;
        return i64::try_from(m + 1).ok().map(Value::Int);
    }
    if same(|v| matches!(v, Value::Float(_))) {
        let m = values
            .iter()
            .filter_map(|v| {
                if let Value::Float(x) = v {
                    Some(*x)
                } else {
                    None
                }
            })
            .fold(f64::NEG_INFINITY, f64::max);
        return (m + 1.0).is_finite().then_some(Value::Float(m + 1.0));
    }
    if same(|v| matches!(v, Value::Date(_))) {
        let m = max(|v| {
            if let Value::Date(x) = v {
                Some(i128::from(*x))
            } else {
                None
            }
        })?;
        return i32::try_from(m + 1).ok().map(Value::Date);
    }
    if same(|v| matches!(v, Value::Timestamp(_))) {
        let m = max(|v| {
            if let Value::Timestamp(x) = v {
                Some(i128::from(*x))
            } else {
                None
            }
        })?;
        return i64::try_from(m + 1_000_000).ok().map(Value::Timestamp);
    }
    None
}

/// Resolves each duplicate to the field's value in the first case row that does not set the
/// same field: that row keeps its usual value, so the two rows share it.
fn resolve_dups(plan: &Plan, e: usize, cases: &mut Vec<Case>) {
    let (nodes, written, _, _) = plan.parts(e);
    let mut i = 0;
    while i < cases.len() {
        if cases[i].value != CaseValue::Dup {
            i += 1;
            continue;
        }
        let node = cases[i].node;
        let donor = (0..i).find(|&d| cases[d].node != node);
        let column = written[..node].iter().filter(|w| **w).count();
        let value = donor.and_then(|d| {
            let chunk = plan.chunk(e, d as u64..d as u64 + 1);
            value_at(&chunk.columns[column], &nodes[node].ty).map(|v| (d, v))
        });
        match value {
            Some((d, v)) => {
                cases[i].value = CaseValue::Value(v);
                cases[i].detail = format!(
                    "{}, the value of case row {d} too, in a unique field",
                    show(&nodes[node], &cases[i].value)
                );
                i += 1;
            }
            None => {
                cases.remove(i);
            }
        }
    }
}

/// A value of field `n` as its column prints it.
fn show(n: &Node, value: &CaseValue) -> String {
    let mut column = Column::with_type(&n.ty, 1);
    match value {
        CaseValue::Int(x) => column.push_int(*x),
        CaseValue::Float(x) => column.push_float(*x, n.scale),
        CaseValue::Value(v) => column.push_value(v, n.scale),
        CaseValue::Str(s) => return s.clone(),
        _ => return String::new(),
    }
    let mut text = String::new();
    value_text(&column, &n.ty, 0, &mut text);
    text
}

/// Value 0 of a one-row column of scalars, as a constant; `None` for other columns.
fn value_at(column: &Column, ty: &DataType) -> Option<Value> {
    if column.is_null(0) {
        return None;
    }
    Some(match (&column.values, ty) {
        (Values::Int(v), _) => Value::Int(v[0]),
        (Values::Float(v), _) => Value::Float(v[0]),
        (Values::Decimal(v), DataType::Decimal { scale, .. }) => Value::Decimal(v[0], *scale),
        (Values::Bool(v), _) => Value::Bool(v[0]),
        (Values::Str(s), _) => Value::Str(s.get(0).to_string()),
        (Values::Date(v), _) => Value::Date(v[0]),
        (Values::Time(v), _) => Value::Time(v[0]),
        (Values::Timestamp(v), _) => Value::Timestamp(v[0]),
        (Values::Uuid(v), _) => Value::Uuid(v[0]),
        _ => return None,
    })
}
