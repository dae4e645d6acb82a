//! The fill loop: generating a column of values for a set of rows, one value at a time, each
//! drawn from the stream of (seed, entity, row, field path).

use std::ops::Range;

use datagen_core::Ctx;
use datagen_core::permute::Permutation;
use datagen_core::private::element;
use datagen_core::seed::child_key;
use datagen_core::weighted::pick_cumulative;

use crate::chunk::{Column, Values};
use crate::plan::node::{Kind, Node, Pick};
use crate::plan::template::{Piece, render};
use crate::plan::{group, union};

/// The rows to generate: a contiguous range, or any rows (a lookup's picks).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rows<'a> {
    /// Rows `start..end`.
    Range(&'a Range<u64>),
    /// These rows, in this order.
    List(&'a [u64]),
}

impl Rows<'_> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Rows::Range(r) => usize::try_from(r.end.saturating_sub(r.start)).unwrap_or(usize::MAX),
            Rows::List(l) => l.len(),
        }
    }

    #[inline]
    pub(crate) fn get(&self, i: usize) -> u64 {
        match self {
            Rows::Range(r) => r.start + i as u64,
            Rows::List(l) => l[i],
        }
    }
}

/// Draws one value of `node` for `row` into `out`; the context is already at `node`'s path and
/// row. `level` and `siblings` are the node's level and the columns drawn so far, read at `at`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw(
    node: &Node,
    ctx: &mut Ctx,
    path: u64,
    row: u64,
    out: &mut Column,
    level: &[Node],
    siblings: &[Column],
    at: usize,
) {
    if node.null_rate > 0.0 && ctx.chance(node.null_rate) {
        out.push_null();
        return;
    }
    match &node.kind {
        #[allow(clippy::cast_possible_wrap)]
        Kind::Key { start } => out.push_int(start.wrapping_add(row as i64)),
        #[allow(clippy::cast_possible_wrap)]
        Kind::Sequence { start, step } => {
            out.push_int(start.wrapping_add((row as i64).wrapping_mul(*step)));
        }
        Kind::Const(v) => out.push_value(v, node.scale),
        Kind::Provider(write) => {
            write(ctx, out.str_buf());
            out.end_str();
        }
        Kind::Custom(provider) => {
            provider.write(ctx, out.str_buf());
            out.end_str();
        }
        Kind::Template(pieces) => {
            let buf = out.str_buf();
            for piece in pieces {
                match piece {
                    Piece::Lit(text) => buf.push_str(text),
                    Piece::Field(i, case) => render(&siblings[*i], &level[*i].ty, at, *case, buf),
                }
            }
            out.end_str();
        }
        Kind::Regex(re) => {
            re.write(ctx, out.str_buf());
            out.end_str();
        }
        Kind::Json(generator) => {
            generator.write(ctx, out.str_buf());
            out.end_str();
        }
        Kind::RegexUnique(re, count) => {
            let index = Permutation::new(*count, path).apply(u128::from(row) % *count);
            re.nth(index, out.str_buf());
            out.end_str();
        }
        Kind::IntRange { lo, hi, step: 1 } => out.push_int(ctx.range(*lo..=*hi)),
        Kind::IntRange { lo, hi, step } => {
            out.push_int(lo + ctx.range(0..=(hi - lo) / step) * step);
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        Kind::IntUnique { lo, size } => {
            let index = Permutation::new(*size, path).apply(u128::from(row) % *size);
            out.push_int(lo.wrapping_add(index as i64));
        }
        Kind::FloatRange { lo, hi } => out.push_float(ctx.range(*lo..*hi), node.scale),
        Kind::Dist(sampler, clamp) => {
            let mut x = sampler.sample(ctx);
            if let Some((lo, hi)) = clamp {
                x = x.clamp(*lo, *hi);
            }
            out.push_float(x, node.scale);
        }
        Kind::OneOf(values, pick) => {
            let i = match pick {
                Pick::Uniform if values.len() == 1 => 0,
                Pick::Uniform => ctx.index(values.len()),
                Pick::Cumulative(c) => pick_cumulative(ctx, c),
                Pick::Float(c) => {
                    let total = c.last().copied().unwrap_or(1.0);
                    let x = ctx.range(0.0..total);
                    c.iter().position(|s| x < *s).unwrap_or(c.len() - 1)
                }
                #[allow(clippy::cast_possible_truncation)]
                Pick::Unique => {
                    let n = values.len() as u128;
                    Permutation::new(n, path).apply(u128::from(row) % n) as usize
                }
            };
            out.push_value(&values[i], node.scale);
        }
        #[allow(clippy::cast_possible_truncation)]
        Kind::Cycle(values) => {
            out.push_value(&values[(row % values.len() as u64) as usize], node.scale);
        }
        Kind::Bool(p) => {
            // p = 0.5 draws as `bool::generate` does, so a config field matches the derive's.
            let b = if (*p - 0.5).abs() < f64::EPSILON {
                ctx.next_u64() >> 63 == 1
            } else {
                ctx.chance(*p)
            };
            out.push_bool(b);
        }
        Kind::Uuid => out.push_uuid(draw_uuid(ctx)),
        Kind::Bytes { min, max } => push_bytes(*min + ctx.range(0..=*max - *min), ctx, out),
        Kind::Offset { from, lo, hi } => match siblings[*from].int_at(at) {
            Some(base) => out.push_int(base.saturating_add(ctx.range(*lo..=*hi))),
            None => out.push_null(),
        },
        Kind::Object(nodes, order) => {
            let Values::Struct(children) = &mut out.values else {
                unreachable!("an object field has a struct column")
            };
            let mut children = std::mem::take(children);
            let k = children.first().map_or(0, Column::len);
            for &j in order {
                let child_path = child_key(path, nodes[j].hash);
                ctx.__seek(child_path, row);
                let mut column =
                    std::mem::replace(&mut children[j], Column::new(Values::Int(Vec::new())));
                draw(
                    &nodes[j],
                    ctx,
                    child_path,
                    row,
                    &mut column,
                    nodes,
                    &children,
                    k,
                );
                children[j] = column;
            }
            if let Values::Struct(slot) = &mut out.values {
                *slot = children;
            }
            out.end_struct();
        }
        Kind::Array { min, max, item } => {
            let len = *min + ctx.range(0..=*max - *min);
            push_items(item, len, ctx, path, row, out);
        }
        Kind::Union { branches, cum } => union::draw_union(branches, cum, ctx, path, row, out),
        Kind::Map {
            min,
            max,
            key,
            value,
        } => union::draw_map(*min, *max, key, value, ctx, path, row, out),
        Kind::Choice { arms, cum } => union::draw_choice(arms, cum, ctx, path, row, out),
        Kind::Tuple(items) => union::draw_tuple(items, ctx, path, row, out),
        Kind::Float32(inner) => union::draw_f32(inner, ctx, path, row, out),
        Kind::Group { names, cum, rows } => {
            out.str_buf()
                .push_str(&names[group::group_of(cum, *rows, path, row)]);
            out.end_str();
        }
        Kind::Grouped { by, arms } => {
            let arm = group::arm_of(arms, &level[*by], &siblings[*by], at);
            draw(arm, ctx, path, row, out, level, siblings, at);
        }
        Kind::Fit { inner, max, suffix } => {
            draw(inner, ctx, path, row, out, level, siblings, at);
            out.fit_last(*max, suffix.map(|w| (row, w)));
        }
        // Refs, lookups and key parts are filled column-wise by the plan, which knows the other
        // entities and the entity's path.
        Kind::Ref { .. } | Kind::Lookup { .. } | Kind::Part { .. } => out.push_null(),
    }
}

/// A version-4 UUID from two draws, as `uuid::Uuid::generate` draws it.
#[inline]
pub(crate) fn draw_uuid(ctx: &mut Ctx) -> u128 {
    let hi = ctx.next_u64();
    let lo = ctx.next_u64();
    let bytes = ((u128::from(hi) << 64) | u128::from(lo)).to_be_bytes();
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .as_u128()
}

/// Appends `len` bytes drawn from the row's stream.
pub(crate) fn push_bytes(len: u32, ctx: &mut Ctx, out: &mut Column) {
    out.push_bytes_from(len as usize, || ctx.next_u64());
}

/// Appends a list of `len` items of `item`, each drawn at its element's path.
pub(crate) fn push_items(
    item: &Node,
    len: u32,
    ctx: &mut Ctx,
    path: u64,
    row: u64,
    out: &mut Column,
) {
    let Values::List { items, .. } = &mut out.values else {
        unreachable!("an array field has a list column")
    };
    for e in 0..len as usize {
        let item_path = child_key(path, element(e));
        ctx.__seek(item_path, row);
        draw(item, ctx, item_path, row, items, &[], &[], 0);
    }
    out.end_list();
}
