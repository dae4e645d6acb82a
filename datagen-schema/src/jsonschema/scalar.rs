//! Scalars written as JSON text: integers and numbers within bounds and exact multiples,
//! strings from formats, patterns, providers or words, and JSON string escaping.

use std::fmt::Write as _;

use datagen_core::Ctx;

use super::check;
use super::names::Write;
use super::shape::Shape;
use super::write::TRIES;

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

/// The least positive integer multiple of `step` (the first `multipleOf` as
/// `digits * 10^-decimals`), when it fits in an `i64`: an integer is a multiple of `step` exactly
/// when it is one of this.
pub(super) fn integer_step(step: Option<(u128, u32)>) -> Option<i64> {
    // The integers that are multiples of `digits / 10^decimals` are the multiples of
    // `digits / gcd(digits, 10^decimals)`.
    step.and_then(|(digits, decimals)| {
        let scale = 10u128.checked_pow(decimals)?;
        i64::try_from(digits / gcd(digits, scale)).ok()
    })
    .filter(|&m| m > 0)
}

/// An integer; `whole` is the first `multipleOf`'s [`integer_step`].
pub(super) fn integer(s: &Shape, whole: Option<i64>, ctx: &mut Ctx, out: &mut String) {
    let Some((lo, hi)) = int_range(s) else {
        out.push('0');
        return;
    };
    if !s.multiple_of.is_empty() {
        if let Some(m) = whole {
            let (klo, khi) = (
                lo.div_euclid(m) + i64::from(lo.rem_euclid(m) != 0),
                hi.div_euclid(m),
            );
            if klo <= khi && s.multiple_of.len() == 1 {
                let k = klo + ctx.below((khi - klo) as u64 + 1) as i64;
                out.push_str(itoa::Buffer::new().format(k * m));
                return;
            }
        }
        for _ in 0..64 {
            let v = lo + ctx.below((hi - lo) as u64 + 1) as i64;
            if s.multiple_of
                .iter()
                .all(|&m| check::is_multiple(v as f64, m))
            {
                out.push_str(itoa::Buffer::new().format(v));
                return;
            }
        }
        out.push('0');
        return;
    }
    let v = lo + ctx.below((hi - lo) as u64 + 1) as i64;
    out.push_str(itoa::Buffer::new().format(v));
}

/// The greatest common divisor.
fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// A number; `step` is the first `multipleOf` as `digits * 10^-decimals`.
pub(super) fn number(s: &Shape, step: Option<(u128, u32)>, ctx: &mut Ctx, out: &mut String) {
    let lo = s.lo.map_or_else(
        || s.hi.map_or(0.0, |h| h.value.min(0.0) - 1000.0),
        |b| b.value,
    );
    let hi = s.hi.map_or(lo.max(0.0) + 1000.0, |b| b.value);
    if let Some(&m) = s.multiple_of.first() {
        let (klo, khi) = ((lo / m).ceil(), (hi / m).floor());
        let start = out.len();
        for _ in 0..64 {
            let Some((digits, decimals)) = step else {
                break;
            };
            if klo > khi || khi - klo > 9.0e15 {
                break;
            }
            let k = klo + ctx.below((khi - klo) as u64 + 1) as f64;
            // `k * m` written exactly as a decimal: `k * 0.01` is `19.99`, not `19.990000000000002`.
            let Some(n) = (k as i128).checked_mul(digits as i128) else {
                break;
            };
            out.truncate(start);
            let written = push_decimal(out, n, decimals);
            let v: f64 = out[start..].parse().unwrap_or(f64::NAN);
            // The first `multipleOf` holds by construction; others are checked.
            let others = s.multiple_of[1..].iter().all(|&m| check::is_multiple(v, m));
            if check::in_bounds(s, v) && others && scales_exactly(v, written) {
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
    let mut buf = itoa::Buffer::new();
    let digits = match u64::try_from(n.unsigned_abs()) {
        Ok(small) => buf.format(small),
        Err(_) => buf.format(n.unsigned_abs()),
    };
    let d = decimals as usize;
    if d == 0 {
        out.push_str(digits);
        return 0;
    }
    // The digits with a point before the last `d`, zero-padded on the left: no insertion.
    if digits.len() <= d {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', d - digits.len()));
        out.push_str(digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - d);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    let point = out.len() - d - 1;
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

pub(super) fn string(s: &Shape, ctx: &mut Ctx, out: &mut String, hint: Option<Write>) {
    let start = out.len();
    out.push('"');
    let body = out.len();
    let generator = s.patterns.iter().find_map(|p| p.generator.as_ref());
    // A string drawn from the only pattern, with no lengths to meet, matches by construction.
    let trusted = s.min_len == 0
        && s.max_len.is_none()
        && s.formats.is_empty()
        && s.patterns.len() == 1
        && generator.is_some();
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
        if trusted || check::string(s, &out[body..]) {
            break;
        }
    }
    // Without an early exit the scan vectorises; most strings need no escaping.
    let escape = out.as_bytes()[body..].iter().fold(false, |acc, &b| {
        acc | (b == b'"') | (b == b'\\') | (b < 0x20)
    });
    if escape {
        let raw = out[body..].to_owned();
        out.truncate(start);
        push_str(out, &raw);
    } else {
        out.push('"');
    }
}

/// A string whose content is JSON (`{"id":42}`), base64, or base64 of JSON.
fn content(s: &Shape, ctx: &mut Ctx, out: &mut String) {
    let start = out.len();
    if s.json_content {
        out.push_str("{\"id\":");
        out.push_str(itoa::Buffer::new().format(ctx.below(1000)));
        out.push('}');
    } else {
        out.push_str(ctx.pick::<&str>(WORDS));
    }
    if !s.base64 {
        return;
    }
    // The plain text is at most `{"id":999}` or a word: copied to the stack, then encoded.
    let mut plain = [0u8; 16];
    let inner = &mut plain[..out.len() - start];
    inner.copy_from_slice(&out.as_bytes()[start..]);
    out.truncate(start);
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in inner.chunks(3) {
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
        let word = *ctx.pick(WORDS);
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
const WORDS: &[&str] = &[
    "lorem", "ipsum", "dolor", "sit", "amet", "data", "alpha", "beta", "delta", "sigma", "nova",
    "terra",
];

/// Appends `s` as a JSON string literal.
pub(super) fn push_str(out: &mut String, s: &str) {
    datagen_engine::text::push_json_string(out, s);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(n: i128, decimals: u32) -> (String, u32) {
        let mut out = String::new();
        let written = push_decimal(&mut out, n, decimals);
        (out, written)
    }

    #[test]
    fn decimals_are_written_exactly() {
        assert_eq!(decimal(1999, 2), ("19.99".into(), 2));
        assert_eq!(decimal(-5, 3), ("-0.005".into(), 3));
        assert_eq!(decimal(100, 2), ("1".into(), 0));
        assert_eq!(decimal(120, 2), ("1.2".into(), 1));
        assert_eq!(decimal(42, 0), ("42".into(), 0));
    }

    #[test]
    fn strings_are_escaped_as_json() {
        let mut out = String::new();
        push_str(&mut out, "a\"b\\c\nd\u{1}");
        assert_eq!(out, r#""a\"b\\c\nd\u0001""#);
        assert_eq!(
            serde_json::from_str::<String>(&out).ok().as_deref(),
            Some("a\"b\\c\nd\u{1}")
        );
    }
}
