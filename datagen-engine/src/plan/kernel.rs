//! Column kernels: one tight loop per common generator kind, so a column of a provider, a
//! template, a range or UUIDs pays the dispatch on its kind once per column, not once per value.
//!
//! Each kernel draws exactly what [`draw`](super::fill::draw) draws for the same node and row
//! (the same stream, the same null decision first), so the two paths give the same values; the
//! tests compare them on every kind a kernel serves.

use datagen_core::Ctx;
use datagen_core::private::push_cased;

use crate::chunk::{Column, Strings, Values};
use crate::ir::DataType;
use crate::plan::fill::{Rows, draw_uuid};
use crate::plan::node::{Kind, Node};
use crate::plan::template::{Case, Piece, render};

/// Where a column's rows are: the rows, each row's stream mask (`seed::row_mask`, computed once
/// per chunk and shared by every column) and the field's path key.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The rows.
    pub rows: Rows<'a>,
    /// `row_mask(rows.get(r))` for each `r`.
    pub masks: &'a [u64],
    /// The field's path key.
    pub path: u64,
}

/// Fills `out` with the values of `node` for every row of `place` when a kernel serves the
/// node's kind, and returns whether it did (otherwise `out` is untouched). `level` and
/// `siblings` are the node's level and the columns drawn so far.
pub(crate) fn fill(
    node: &Node,
    ctx: &mut Ctx,
    place: Place<'_>,
    out: &mut Column,
    level: &[Node],
    siblings: &[Column],
) -> bool {
    match &node.kind {
        Kind::Provider(write) => each(node, ctx, place, out, |ctx, out, _| {
            write(ctx, out.str_buf());
            out.end_str();
        }),
        Kind::Template(pieces) => {
            // Text fields with no nulls (most placeholders) are read straight from their
            // strings; anything else goes through `render`.
            let pieces: Vec<Resolved<'_>> = pieces
                .iter()
                .map(|piece| match piece {
                    Piece::Lit(text) => Resolved::Lit(text),
                    Piece::Field(i, case) => match (&siblings[*i], case) {
                        (
                            Column {
                                values: Values::Str(strings),
                                validity: None,
                            },
                            Case::Keep | Case::Lower | Case::Upper,
                        ) if level[*i].ty == DataType::String => Resolved::Text(strings, *case),
                        _ => Resolved::Render(*i, *case),
                    },
                })
                .collect();
            each(node, ctx, place, out, |_, out, at| {
                let buf = out.str_buf();
                for piece in &pieces {
                    match piece {
                        Resolved::Lit(text) => buf.push_str(text),
                        Resolved::Text(strings, Case::Lower) => {
                            push_cased(buf, strings.get(at), false);
                        }
                        Resolved::Text(strings, Case::Upper) => {
                            push_cased(buf, strings.get(at), true);
                        }
                        Resolved::Text(strings, _) => buf.push_str(strings.get(at)),
                        Resolved::Render(i, case) => {
                            render(&siblings[*i], &level[*i].ty, at, *case, buf);
                        }
                    }
                }
                out.end_str();
            })
        }
        Kind::IntRange { lo, hi, step: 1 } => each(node, ctx, place, out, |ctx, out, _| {
            out.push_int(ctx.range(*lo..=*hi));
        }),
        Kind::IntRange { lo, hi, step } => each(node, ctx, place, out, |ctx, out, _| {
            out.push_int(lo + ctx.range(0..=(hi - lo) / step) * step);
        }),
        Kind::FloatRange { lo, hi } => each(node, ctx, place, out, |ctx, out, _| {
            out.push_float(ctx.range(*lo..*hi), node.scale);
        }),
        Kind::Uuid => each(node, ctx, place, out, |ctx, out, _| {
            out.push_uuid(draw_uuid(ctx));
        }),
        #[allow(clippy::cast_possible_wrap)]
        Kind::Key { start } if node.null_rate == 0.0 => {
            // No draws: the value is the row's number.
            for r in 0..place.rows.len() {
                out.push_int(start.wrapping_add(place.rows.get(r) as i64));
            }
            true
        }
        #[allow(clippy::cast_possible_wrap)]
        Kind::Key { start } => each(node, ctx, place, out, |_, out, r| {
            out.push_int(start.wrapping_add(place.rows.get(r) as i64));
        }),
        _ => false,
    }
}

/// A template piece with its field's column looked at once per chunk.
enum Resolved<'a> {
    /// Literal text.
    Lit(&'a str),
    /// A text field without nulls, in a case (`Keep`, `Lower` or `Upper`).
    Text(&'a Strings, Case),
    /// Any other field, by index: printed by `render`.
    Render(usize, Case),
}

/// Runs `value` for every row of `place`, with the context at the row's stream and the row's
/// null decision taken first, as [`draw`](super::fill::draw) does; `value` gets the row's index
/// in the chunk. Always `true`, for [`fill`]'s arms.
#[inline(always)]
fn each(
    node: &Node,
    ctx: &mut Ctx,
    place: Place<'_>,
    out: &mut Column,
    mut value: impl FnMut(&mut Ctx, &mut Column, usize),
) -> bool {
    let null_rate = node.null_rate;
    for (r, &mask) in place.masks.iter().enumerate() {
        ctx.__seek_masked(place.path, place.rows.get(r), mask);
        if null_rate > 0.0 && ctx.chance(null_rate) {
            out.push_null();
            continue;
        }
        value(ctx, out, r);
    }
    true
}

#[cfg(test)]
mod tests {
    use datagen_core::seed::{child_key, row_mask};

    use crate::chunk::{Column, Values};
    use crate::plan::fill::{Rows, draw};
    use crate::{Plan, Settings};

    /// Every kind a kernel serves, with and without nulls, and a template over them.
    const CONFIG: &str = r#"
seed: 5
# German names: umlauts and ß through the re-casing of the template.
locale: de_DE
entities:
  t:
    rows: 300
    fields:
      id: {key: true}
      maybe_id: {key: true, null_rate: 0.3}
      first: {provider: person.first_name}
      last: {provider: person.last_name, null_rate: 0.2}
      email: {template: "{first|lower}.{first|upper}.{first}.{last|upper}@{id}.example.com"}
      age: {range: [18, 90]}
      age_or_null: {range: [18, 90], null_rate: 0.5}
      at: {type: timestamptz, range: ["2020-01-01T00:00:00Z", "2025-12-31T23:59:59Z"]}
      day: {type: date, range: ["1940-01-01", "2010-12-31"]}
      balance: {range: [0.0, 100000.0]}
      price: {type: "decimal(9,2)", range: [0.5, 99.5]}
      uid: {type: uuid}
      uid_or_null: {type: uuid, null_rate: 0.1}
"#;

    #[test]
    fn kernels_draw_what_draw_draws() {
        let (schema, diags) = crate::config::parse(CONFIG, None);
        assert!(diags.is_empty(), "{diags:?}");
        let plan = Plan::new(&schema, &Settings::default()).expect("a valid config");
        let range = 17..300;
        let by_draw = compare(&plan, Rows::Range(&range));
        let Values::Str(emails) = &by_draw[4].values else {
            panic!("the e-mail is text")
        };
        assert!(
            (0..emails.len()).any(|i| !emails.get(i).is_ascii()),
            "some names are re-cased beyond ASCII"
        );
        // The plan's chunk (which uses the kernels) has the same columns.
        assert_eq!(plan.chunk(0, range).columns, by_draw);
        // Rows in any order, repeated, as lookups ask for them.
        compare(&plan, Rows::List(&[5, 3, 299, 3, 0, 42, 41]));
    }

    /// Fills every field of the config's entity for `rows` by the kernels and by `draw`,
    /// asserts they agree and that a kernel served every field; returns the columns.
    fn compare(plan: &Plan, rows: Rows<'_>) -> Vec<Column> {
        let (nodes, _, _, _) = plan.parts(0);
        let masks: Vec<u64> = (0..rows.len()).map(|r| row_mask(rows.get(r))).collect();
        let entity_path = plan.ctx.__entity_path(datagen_core::seed::name_hash("t"));
        let mut by_kernel: Vec<Column> = Vec::new();
        let mut by_draw: Vec<Column> = Vec::new();
        let mut served = 0;
        for node in nodes {
            let path = child_key(entity_path, node.hash);
            let mut ctx = plan.ctx.clone();
            let mut kernel_out = Column::with_type(&node.ty, rows.len());
            let place = super::Place {
                rows,
                masks: &masks,
                path,
            };
            // Siblings are the columns drawn so far; the config lists them in generation order.
            if super::fill(node, &mut ctx, place, &mut kernel_out, nodes, &by_kernel) {
                served += 1;
            }
            let mut draw_out = Column::with_type(&node.ty, rows.len());
            for r in 0..rows.len() {
                let row = rows.get(r);
                ctx.__seek(path, row);
                draw(node, &mut ctx, path, row, &mut draw_out, nodes, &by_draw, r);
            }
            assert_eq!(kernel_out, draw_out, "field `{}`", node.name);
            by_kernel.push(kernel_out);
            by_draw.push(draw_out);
        }
        assert_eq!(
            served,
            nodes.len(),
            "every field of the config has a kernel"
        );
        by_draw
    }
}
