//! Generation: writing one instance of a node as JSON text, drawing from the context.

use datagen_core::Ctx;
use datagen_core::seed::name_hash;
use serde_json::Value;

use super::check::Checker;
use super::names::Write;
use super::plan::{Names, Node};
use super::scalar;
use super::shape::{ARR, BOOL, INT, Id, NULL, NUM, OBJ, STR};

/// Past this depth, optional properties and array items are left out, so recursion ends.
const SOFT_DEPTH: u32 = 6;
/// Past this depth, nothing nests further (`null` is written).
const HARD_DEPTH: u32 = 48;
/// How many times a node that is checked after generating is redrawn before the last draw stands.
pub(super) const TRIES: u32 = 128;

/// The planned nodes, for writing.
pub(super) struct Writer<'a> {
    pub(super) nodes: &'a [Option<Node>],
}

impl Writer<'_> {
    fn node(&self, id: Id) -> &Node {
        self.nodes[id]
            .as_ref()
            .expect("every reachable node is planned")
    }

    /// Appends one instance of node `id` to `out`; `false` if every draw failed the node's
    /// check (the last one is left in `out`).
    pub(super) fn write(
        &self,
        id: Id,
        ctx: &mut Ctx,
        out: &mut String,
        depth: u32,
        hint: Option<Write>,
    ) -> bool {
        let node = self.node(id);
        if depth > HARD_DEPTH {
            out.push_str("null");
            return false;
        }
        let start = out.len();
        let tries = if node.check { TRIES } else { 1 };
        for _ in 0..tries {
            out.truncate(start);
            let ok = self.draw(node, ctx, out, depth, hint);
            if !node.check {
                return ok;
            }
            if let Ok(v) = serde_json::from_str::<Value>(&out[start..])
                && (Checker { nodes: self.nodes }).valid(id, &v)
            {
                return true;
            }
        }
        false
    }

    /// Draws one value of a node (a variant, a constant or a value of one type); `false` if a
    /// part of it failed its check.
    fn draw(
        &self,
        node: &Node,
        ctx: &mut Ctx,
        out: &mut String,
        depth: u32,
        hint: Option<Write>,
    ) -> bool {
        if !node.variants.is_empty() {
            let v = node.variants[ctx.index(node.variants.len())];
            return self.write(v, ctx, out, depth, hint);
        }
        if let Some(consts) = &node.consts {
            if consts.is_empty() {
                out.push_str("null");
                return false;
            }
            let pick = if consts.len() == 1 {
                0
            } else {
                ctx.index(consts.len())
            };
            out.push_str(&consts[pick]);
            return true;
        }
        if node.types.is_empty() {
            out.push_str("null");
            return false;
        }
        let s = &node.shape;
        // One type (the usual case) takes no draw.
        let ty = match node.types.as_slice() {
            [one] => *one,
            many => many[ctx.index(many.len())],
        };
        match ty {
            NULL => out.push_str("null"),
            BOOL => out.push_str(if ctx.chance(0.5) { "true" } else { "false" }),
            INT => scalar::integer(s, node.int_step, ctx, out),
            NUM => scalar::number(s, node.step, ctx, out),
            STR => scalar::string(s, ctx, out, hint),
            ARR => return self.array(node, ctx, out, depth),
            OBJ => return self.object(node, ctx, out, depth),
            _ => out.push_str("null"),
        }
        true
    }

    pub(super) fn array(&self, node: &Node, ctx: &mut Ctx, out: &mut String, depth: u32) -> bool {
        let s = &node.shape;
        let plan = &node.array;
        let (lo, hi) = item_bounds(node);
        let prefix = plan.prefix.len() as u64;
        let soft = lo.max(prefix.min(hi));
        let n = if depth >= SOFT_DEPTH {
            lo
        } else {
            soft + ctx.below((hi - soft).min(3) + 1)
        };
        let mut stack = [false; 16];
        let mut heap = Vec::new();
        let marks: &mut [bool] = if n as usize <= stack.len() {
            &mut stack[..n as usize]
        } else {
            heap.resize(n as usize, false);
            &mut heap
        };
        if let Some((_, _, min, max)) = &plan.contains {
            let most = max.unwrap_or(n).min(n);
            let k = if *min >= most {
                most
            } else {
                min + ctx.below(most - min + 1)
            };
            // The positions, partly shuffled: the first `k` are marked.
            let mut stack = [0usize; 16];
            let mut heap = Vec::new();
            let order: &mut [usize] = if marks.len() <= stack.len() {
                &mut stack[..marks.len()]
            } else {
                heap.resize(marks.len(), 0);
                &mut heap
            };
            order.iter_mut().enumerate().for_each(|(i, o)| *o = i);
            for i in 0..k as usize {
                let j = i + ctx.index(order.len() - i);
                order.swap(i, j);
                marks[order[i]] = true;
            }
        }
        out.push('[');
        let mut all_ok = true;
        let mut items: Vec<(usize, usize)> = Vec::new();
        for (i, &mark) in marks.iter().enumerate() {
            let before = out.len();
            if i > 0 {
                out.push(',');
            }
            let id = match (&plan.contains, mark) {
                (Some((pre, rest, _, _)), true) => pre.get(i).copied().unwrap_or(*rest),
                _ => plan.prefix.get(i).copied().or(plan.rest).unwrap_or(0),
            };
            let start = out.len();
            let mut fresh = false;
            for attempt in 0..if s.unique { 16u64 } else { 1 } {
                out.truncate(start);
                let saved = ctx.__enter(i as u64 | (attempt << 32));
                let ok = self.write(id, ctx, out, depth + 1, None);
                ctx.__leave(saved);
                let text = &out[start..];
                if !items.iter().any(|&(a, b)| out[a..b] == *text) {
                    all_ok &= ok;
                    fresh = true;
                    break;
                }
            }
            if !fresh && i as u64 >= lo {
                // No new unique item: the array ends here.
                out.truncate(before);
                break;
            }
            if s.unique {
                items.push((start, out.len()));
            }
        }
        out.push(']');
        all_ok
    }

    pub(super) fn object(&self, node: &Node, ctx: &mut Ctx, out: &mut String, depth: u32) -> bool {
        let s = &node.shape;
        let plan = &node.object;
        let fields = &plan.fields;
        // On the stack for the usual object; allocated only past 64 properties.
        let mut stack = [false; 64];
        let mut heap = Vec::new();
        let chosen: &mut [bool] = if fields.len() <= stack.len() {
            &mut stack[..fields.len()]
        } else {
            heap.resize(fields.len(), false);
            &mut heap
        };
        for (c, f) in chosen.iter_mut().zip(fields) {
            *c = f.required || (!f.avoid && depth < SOFT_DEPTH && ctx.chance(0.75));
        }
        let mut changed = true;
        while changed {
            changed = false;
            for (i, f) in fields.iter().enumerate() {
                if chosen[i] {
                    for &d in &f.deps {
                        changed |= !chosen[d];
                        chosen[d] = true;
                    }
                }
            }
        }
        let mut count = chosen.iter().filter(|c| **c).count() as u64;
        if let Some(max) = s.max_props {
            for (i, f) in fields.iter().enumerate().rev() {
                if count <= max {
                    break;
                }
                if chosen[i] && !f.required {
                    chosen[i] = false;
                    count -= 1;
                }
            }
        }
        for (i, f) in fields.iter().enumerate() {
            if count >= s.min_props {
                break;
            }
            if !chosen[i] && !f.avoid {
                chosen[i] = true;
                count += 1;
            }
        }
        out.push('{');
        let mut first = true;
        let mut all_ok = true;
        for (i, f) in fields.iter().enumerate() {
            if !chosen[i] {
                continue;
            }
            let before = out.len();
            if !first {
                out.push(',');
            }
            out.push_str(&f.key);
            let saved = ctx.__enter(f.hash);
            let ok = self.write(f.id, ctx, out, depth + 1, f.hint);
            ctx.__leave(saved);
            if !ok && !f.required && count > s.min_props {
                // An optional property whose value cannot be made valid is left out.
                out.truncate(before);
                count -= 1;
                continue;
            }
            all_ok &= ok;
            first = false;
        }
        let mut extra = 0u64;
        let mut names: Vec<String> = Vec::new();
        // An object with no declared properties gets a few of its own, so that it is not always
        // `{}` (which a `not` may forbid).
        let mut want = s.min_props;
        if fields.is_empty() && depth < SOFT_DEPTH {
            want = want.max(ctx.below(3)).min(s.max_props.unwrap_or(u64::MAX));
        }
        while count < want && !plan.extras.is_empty() && extra < want * 4 + 8 {
            let source = &plan.extras[(extra as usize) % plan.extras.len()];
            extra += 1;
            let mut name = String::new();
            match &source.names {
                Names::Pattern(g) => g.write(ctx, &mut name),
                Names::Words => {
                    name.push_str(ctx.pick::<&str>(WORDS));
                    name.push_str(itoa::Buffer::new().format(extra));
                }
                Names::Schema(id) => {
                    let mut text = String::new();
                    let _ = self.write(*id, ctx, &mut text, depth + 1, None);
                    match serde_json::from_str::<Value>(&text) {
                        Ok(Value::String(n)) => name = n,
                        _ => continue,
                    }
                }
            }
            if fields.iter().any(|f| f.name == name) || names.contains(&name) {
                continue;
            }
            if !first {
                out.push(',');
            }
            first = false;
            scalar::push_str(out, &name);
            out.push(':');
            let saved = ctx.__enter(name_hash(&name));
            all_ok &= self.write(source.id, ctx, out, depth + 1, None);
            ctx.__leave(saved);
            names.push(name);
            count += 1;
        }
        out.push('}');
        all_ok
    }
}

/// The fewest and most items an array node may have.
fn item_bounds(node: &Node) -> (u64, u64) {
    let s = &node.shape;
    let mut lo = s.min_items;
    if let Some((_, _, min, _)) = node.array.contains {
        lo = lo.max(min);
    }
    let mut hi = s.max_items.unwrap_or(u64::MAX);
    if let Some(cap) = node.array.cap {
        hi = hi.min(cap);
    }
    (
        lo.min(hi),
        hi.min(lo.max(node.array.prefix.len() as u64) + 4),
    )
}

/// Words extra property names are made of.
const WORDS: &[&str] = &[
    "extra", "note", "tag", "attr", "meta", "info", "label", "key",
];
