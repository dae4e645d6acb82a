//! Putting case values into the columns the plan fills: the one field a case row sets is
//! pushed from the case, every other value is drawn as usual.

use std::ops::Range;

use datagen_core::Ctx;

use crate::cases::{Case, CaseValue};
use crate::chunk::{Column, Strings, Values};
use crate::plan::fill::{Rows, draw, push_bytes, push_items};
use crate::plan::node::{Kind, Node};

/// The cases of one entity: case row `i` is `cases[i]`.
pub(crate) struct Patch<'a> {
    cases: &'a [Case],
}

impl<'a> Patch<'a> {
    pub(super) fn new(cases: &'a [Case]) -> Self {
        Self { cases }
    }

    /// The case of `row` when it sets field `node`.
    fn case(&self, node: usize, row: u64) -> Option<&'a Case> {
        usize::try_from(row)
            .ok()
            .and_then(|r| self.cases.get(r))
            .filter(|c| c.node == node)
    }

    /// Pushes field `i`'s value for `row` when the row's case sets it (the context is at the
    /// field's path and row); `false` when the value is to be drawn as usual.
    pub(crate) fn push(
        &self,
        i: usize,
        node: &Node,
        ctx: &mut Ctx,
        path: u64,
        row: u64,
        out: &mut Column,
    ) -> bool {
        let Some(case) = self.case(i, row) else {
            return false;
        };
        match &case.value {
            CaseValue::Int(x) => out.push_int(*x),
            CaseValue::Float(x) => out.push_float(*x, node.scale),
            CaseValue::Value(v) => out.push_value(v, node.scale),
            CaseValue::Str(s) if matches!(out.values, Values::Str(_)) => {
                out.str_buf().push_str(s);
                out.end_str();
            }
            CaseValue::Str(_) => return false,
            CaseValue::Null => out.push_null(),
            CaseValue::Len(n) => return push_len(node, *n, ctx, path, row, out),
            CaseValue::Longer(n) => {
                let Kind::Fit { inner, .. } = &node.kind else {
                    return false;
                };
                draw(inner, ctx, path, row, out, &[], &[], 0);
                lengthen(out, *n as usize);
            }
            CaseValue::Pick(_) | CaseValue::Dup => return false,
        }
        true
    }

    /// Sets the parent rows a ref field `i` picked for the rows whose case sets it.
    pub(crate) fn picks(&self, i: usize, rows: Rows<'_>, picked: &mut [Option<u64>]) {
        for (r, p) in picked.iter_mut().enumerate() {
            if let Some(Case {
                value: CaseValue::Pick(pick),
                ..
            }) = self.case(i, rows.get(r))
            {
                *p = *pick;
            }
        }
    }

    /// The label columns of case rows `rows`.
    pub(crate) fn labels(&self, rows: &Range<u64>) -> Vec<Column> {
        let n = usize::try_from(rows.end - rows.start).unwrap_or(0);
        let mut out = [
            Strings::with_capacity(n, 8),
            Strings::with_capacity(n, 8),
            Strings::with_capacity(n, 32),
        ];
        for row in rows.clone() {
            let case = usize::try_from(row).ok().and_then(|r| self.cases.get(r));
            let (field, rule, detail) = case.map_or(("", "", ""), |c| {
                (c.field.as_str(), c.rule, c.detail.as_str())
            });
            out[0].push(field);
            out[1].push(rule);
            out[2].push(detail);
        }
        out.into_iter()
            .map(|s| Column::new(Values::Str(s)))
            .collect()
    }
}

/// A bytes or array value of `n` elements, each drawn as the field draws its elements.
fn push_len(node: &Node, n: u32, ctx: &mut Ctx, path: u64, row: u64, out: &mut Column) -> bool {
    match &node.kind {
        Kind::Bytes { .. } => push_bytes(n, ctx, out),
        Kind::Array { item, .. } if matches!(out.values, Values::List { .. }) => {
            push_items(item, n, ctx, path, row, out);
        }
        _ => return false,
    }
    true
}

/// Pads the string value just pushed with `x` to `chars` characters.
fn lengthen(out: &mut Column, chars: usize) {
    let last = out.len().saturating_sub(1);
    if out.is_null(last) {
        return;
    }
    if let Values::Str(s) = &mut out.values {
        let start = s.offsets[last] as usize;
        let have = s.data[start..].chars().count();
        for _ in have..chars {
            s.data.push('x');
        }
        *s.offsets.last_mut().expect("a value was just pushed") =
            i32::try_from(s.data.len()).expect("a chunk's text fits in 2 GiB");
    }
}
