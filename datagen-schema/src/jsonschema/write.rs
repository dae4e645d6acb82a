//! Generation: writing one instance of a node as JSON text, drawing from the context.

use std::fmt::Write as _;

use datagen_core::Ctx;
use datagen_core::seed::name_hash;
use serde_json::Value;

use super::check::{self, Checker};
use super::names::Write;
use super::plan::{Names, Node};
use super::shape::{ARR, BOOL, INT, Id, NULL, NUM, OBJ, STR, Shape};

/// Past this depth, optional properties and array items are left out, so recursion ends.
const SOFT_DEPTH: u32 = 6;
/// Past this depth, nothing nests further (`null` is written).
const HARD_DEPTH: u32 = 48;
/// How many times a node that is checked after generating is redrawn before the last draw stands.
const TRIES: u32 = 128;

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
            out.push_str(&consts[ctx.index(consts.len())]);
            return true;
        }
        if node.types.is_empty() {
            out.push_str("null");
            return false;
        }
        let s = &node.shape;
        match node.types[ctx.index(node.types.len())] {
            NULL => out.push_str("null"),
            BOOL => out.push_str(if ctx.chance(0.5) { "true" } else { "false" }),
            INT => integer(s, ctx, out),
            NUM => number(s, node.step, ctx, out),
            STR => string(s, ctx, out, hint),
            ARR => return self.array(node, ctx, out, depth),
            OBJ => return self.object(node, ctx, out, depth),
            _ => out.push_str("null"),
        }
        true
    }

    fn array(&self, node: &Node, ctx: &mut Ctx, out: &mut String, depth: u32) -> bool {
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
            let mut order: Vec<usize> = (0..n as usize).collect();
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

    fn object(&self, node: &Node, ctx: &mut Ctx, out: &mut String, depth: u32) -> bool {
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
                    name.push_str(&extra.to_string());
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
            push_str(out, &name);
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

/// The integer bounds of a shape, or `None` if no integer fits.
pub(super) fn int_range(s: &Shape) -> Option<(i64, i64)> {
    const LIMIT: f64 = 9.0e15;
    let lo = s.lo.map(|b| {
        let c = b.value.ceil();
        if b.exclusive && c == b.value {
            c + 1.0
        } else {
            c
        }
    });
    let hi = s.hi.map(|b| {
        let f = b.value.floor();
        if b.exclusive && f == b.value {
            f - 1.0
        } else {
            f
        }
    });
    let (lo, hi) = match (lo, hi) {
        (Some(l), Some(h)) => (l, h),
        (Some(l), None) => (l, l.max(0.0) + 1000.0),
        (None, Some(h)) => (h.min(0.0) - 1000.0, h),
        (None, None) => (0.0, 1000.0),
    };
    let (lo, hi) = (lo.max(-LIMIT), hi.min(LIMIT));
    (lo <= hi).then_some((lo as i64, hi as i64))
}

fn integer(s: &Shape, ctx: &mut Ctx, out: &mut String) {
    let Some((lo, hi)) = int_range(s) else {
        out.push('0');
        return;
    };
    if let Some(&m) = s.multiple_of.first() {
        if m.fract() == 0.0 && m < 9.0e15 {
            let m = m as i64;
            let (klo, khi) = (
                lo.div_euclid(m) + i64::from(lo.rem_euclid(m) != 0),
                hi.div_euclid(m),
            );
            if klo <= khi {
                let k = klo + ctx.below((khi - klo) as u64 + 1) as i64;
                let _ = write!(out, "{}", k * m);
                return;
            }
        }
        for _ in 0..64 {
            let v = lo + ctx.below((hi - lo) as u64 + 1) as i64;
            if s.multiple_of
                .iter()
                .all(|&m| check::is_multiple(v as f64, m))
            {
                let _ = write!(out, "{v}");
                return;
            }
        }
        out.push('0');
        return;
    }
    let v = lo + ctx.below((hi - lo) as u64 + 1) as i64;
    let _ = write!(out, "{v}");
}

/// A number; `step` is the first `multipleOf` as `digits * 10^-decimals`.
fn number(s: &Shape, step: Option<(u128, u32)>, ctx: &mut Ctx, out: &mut String) {
    let lo = s.lo.map_or_else(
        || s.hi.map_or(0.0, |h| h.value.min(0.0) - 1000.0),
        |b| b.value,
    );
    let hi = s.hi.map_or(lo.max(0.0) + 1000.0, |b| b.value);
    if let Some(&m) = s.multiple_of.first() {
        let (klo, khi) = ((lo / m).ceil(), (hi / m).floor());
        let start = out.len();
        for _ in 0..64 {
            let Some((digits, decimals)) = step else { break };
            if klo > khi || khi - klo > 9.0e15 {
                break;
            }
            let k = klo + ctx.below((khi - klo) as u64 + 1) as f64;
            // `k * m` written exactly as a decimal: `k * 0.01` is `19.99`, not `19.990000000000002`.
            let Some(n) = (k as i128).checked_mul(digits as i128) else { break };
            out.truncate(start);
            let written = push_decimal(out, n, decimals);
            let v: f64 = out[start..].parse().unwrap_or(f64::NAN);
            if check::number(s, v) && scales_exactly(v, written) {
                return;
            }
        }
        out.truncate(start);
        out.push('0');
        return;
    }
    for _ in 0..8 {
        let v = if lo < hi { ctx.range(lo..hi) } else { lo };
        let rounded = (v * 100.0).round() / 100.0;
        let v = if check::number(s, rounded) {
            rounded
        } else {
            v
        };
        if check::number(s, v) {
            push_f64(out, v);
            return;
        }
    }
    push_f64(out, (lo + hi) / 2.0);
}

/// Appends `n * 10^-decimals` as a decimal without trailing zeros; returns the digits written
/// after the point.
fn push_decimal(out: &mut String, n: i128, decimals: u32) -> u32 {
    if n < 0 {
        out.push('-');
    }
    let start = out.len();
    let _ = write!(out, "{}", n.unsigned_abs());
    let d = decimals as usize;
    if d == 0 {
        return 0;
    }
    let len = out.len() - start;
    if len <= d {
        out.insert_str(start, &"0".repeat(d + 1 - len));
    }
    let point = out.len() - d;
    out.insert(point, '.');
    let trimmed = out.trim_end_matches('0').len();
    out.truncate(trimmed);
    if out.ends_with('.') {
        out.pop();
    }
    out.len().saturating_sub(point + 1) as u32
}

/// Whether `v` times the first power of ten that makes it whole (as a float) is exactly whole
/// after `decimals` powers: validators that read a float as a fraction this way then see its
/// true decimal value, so `multipleOf` holds for them as it does for the decimal.
fn scales_exactly(v: f64, decimals: u32) -> bool {
    let mut x = v;
    let mut p = 0;
    while (x.floor() - x).abs() >= f64::EPSILON {
        p += 1;
        if p > 17 {
            return false;
        }
        x = v * 10f64.powi(p);
    }
    p as u32 == decimals && x == x.floor()
}

/// Appends a finite float as JSON: the shortest decimal that reads back as `v`.
fn push_f64(out: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(out, "{v}");
    } else {
        out.push('0');
    }
}

fn string(s: &Shape, ctx: &mut Ctx, out: &mut String, hint: Option<Write>) {
    let start = out.len();
    out.push('"');
    let body = out.len();
    let generator = s.patterns.iter().find_map(|p| p.generator.as_ref());
    for attempt in 0..TRIES {
        out.truncate(body);
        if s.json_content || s.base64 {
            content(s, ctx, out);
        } else if let Some(f) = s.formats.first() {
            f.write(ctx, out);
        } else if let Some(g) = generator {
            g.write(ctx, out);
        } else if let (Some(h), true) = (hint, attempt < 4) {
            h(ctx, out);
        } else {
            words(s, ctx, out);
        }
        if check::string(s, &out[body..]) {
            break;
        }
    }
    if out[body..]
        .bytes()
        .any(|b| b == b'"' || b == b'\\' || b < 0x20)
    {
        let raw = out[body..].to_owned();
        out.truncate(start);
        push_str(out, &raw);
    } else {
        out.push('"');
    }
}

/// A string whose content is JSON (`{"id":42}`), base64, or base64 of JSON.
fn content(s: &Shape, ctx: &mut Ctx, out: &mut String) {
    let inner = if s.json_content {
        format!("{{\"id\":{}}}", ctx.below(1000))
    } else {
        (*ctx.pick(datagen_providers_words())).to_owned()
    };
    if !s.base64 {
        out.push_str(&inner);
        return;
    }
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in inner.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
}

/// Lowercase words with a length in the shape's bounds.
fn words(s: &Shape, ctx: &mut Ctx, out: &mut String) {
    let lo = s.min_len;
    let hi = s.max_len.unwrap_or(u64::MAX).min(lo.max(4) + 12);
    if lo > hi {
        return;
    }
    let len = lo + ctx.below(hi - lo + 1);
    let mut n = 0;
    while n < len {
        let word = *ctx.pick(datagen_providers_words());
        for c in word.chars() {
            if n == len {
                break;
            }
            out.push(c);
            n += 1;
        }
        if n < len && n + 1 < len {
            out.push(' ');
            n += 1;
        }
    }
}

/// The lorem words plain strings are made of.
fn datagen_providers_words() -> &'static [&'static str] {
    &[
        "lorem", "ipsum", "dolor", "sit", "amet", "data", "alpha", "beta", "delta", "sigma",
        "nova", "terra",
    ]
}

/// Appends `s` as a JSON string literal.
pub(super) fn push_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
