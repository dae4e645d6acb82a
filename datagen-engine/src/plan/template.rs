//! Templates at run time: `{field}`, `{field|lower}`, `{field|upper}`, `{field|pad:N}` and
//! `{{` `}}` escapes, and the text form of any column value they print.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, NaiveTime};
use datagen_core::private::push_cased;

use crate::chunk::{Column, Values};
use crate::ir::DataType;

/// How a field's text is cased in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// As it is.
    Keep,
    /// Lowercase.
    Lower,
    /// Uppercase.
    Upper,
    /// Left-padded with zeros to at least this many characters, after a leading `-`
    /// (`{n|pad:9}` prints 42 as `000000042`, -42 as `-00000042`).
    Pad(u8),
}

/// A piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Literal text.
    Lit(String),
    /// A field of the same level, by index, with a case.
    Field(usize, Case),
}

/// Parses `template`, resolving field names with `index_of`.
///
/// # Errors
/// A message naming the problem: an unclosed `{`, an unknown field or filter.
pub(crate) fn parse(
    template: &str,
    mut index_of: impl FnMut(&str) -> Option<usize>,
) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '}' => {
                return Err(format!(
                    "unmatched `}}` at byte {at}; write `}}}}` for a brace"
                ));
            }
            '{' => {
                let rest = &template[at + 1..];
                let Some(end) = rest.find('}') else {
                    return Err(format!(
                        "unclosed `{{` at byte {at}; write `{{{{` for a brace"
                    ));
                };
                let inner = &rest[..end];
                for _ in 0..inner.chars().count() + 1 {
                    chars.next();
                }
                let (name, filter) = match inner.split_once('|') {
                    Some((n, f)) => (n.trim(), Some(f.trim())),
                    None => (inner.trim(), None),
                };
                let case = match filter {
                    None => Case::Keep,
                    Some("lower") => Case::Lower,
                    Some("upper") => Case::Upper,
                    Some(other) => match other.strip_prefix("pad:").map(|n| n.trim().parse()) {
                        Some(Ok(width)) if width > 0 => Case::Pad(width),
                        Some(_) => {
                            return Err(format!(
                                "bad template filter `{other}`; write `pad:N` with N from 1 to 255"
                            ));
                        }
                        None => {
                            return Err(format!(
                                "unknown template filter `{other}`; use `lower`, `upper` or `pad:N`"
                            ));
                        }
                    },
                };
                let Some(index) = index_of(name) else {
                    return Err(format!(
                        "the template names `{name}`, which is not a field here"
                    ));
                };
                if !lit.is_empty() {
                    pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                }
                pieces.push(Piece::Field(index, case));
            }
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}

/// Appends the text of value `i` of `column` (of type `ty`) to `out`, cased; nothing for null.
pub(crate) fn render(column: &Column, ty: &DataType, i: usize, case: Case, out: &mut String) {
    if column.is_null(i) {
        return;
    }
    let start = out.len();
    match (&column.values, ty) {
        // Strings re-cased as they are copied, in one pass.
        (Values::Str(s), _) if matches!(case, Case::Lower | Case::Upper) => {
            push_cased(out, s.get(i), matches!(case, Case::Upper));
            return;
        }
        (Values::Str(s), _) => out.push_str(s.get(i)),
        (Values::Int(v), _) => out.push_str(itoa::Buffer::new().format(v[i])),
        (Values::Float(v), _) => out.push_str(ryu::Buffer::new().format(v[i])),
        (Values::Decimal(v), DataType::Decimal { scale, .. }) => push_decimal(v[i], *scale, out),
        (Values::Bool(v), _) => out.push_str(if v[i] { "true" } else { "false" }),
        (Values::Date(v), _) => {
            if let Some(d) = NaiveDate::from_epoch_days(v[i]) {
                let _ = write!(out, "{}", d.format("%Y-%m-%d"));
            }
        }
        (Values::Time(v), _) => {
            let secs = u32::try_from(v[i].div_euclid(1_000_000)).unwrap_or(0);
            let nanos = u32::try_from(v[i].rem_euclid(1_000_000) * 1000).unwrap_or(0);
            if let Some(t) = NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos) {
                let _ = write!(out, "{t}");
            }
        }
        (Values::Timestamp(v), _) => {
            if let Some(t) = DateTime::from_timestamp_micros(v[i]) {
                let _ = write!(out, "{}", t.naive_utc().format("%Y-%m-%dT%H:%M:%S%.f"));
                if matches!(ty, DataType::TimestampTz) {
                    out.push('Z');
                }
            }
        }
        (Values::Uuid(v), _) => {
            let _ = write!(out, "{}", uuid::Uuid::from_u128(v[i]).hyphenated());
        }
        _ => {}
    }
    match case {
        Case::Keep => {}
        Case::Pad(width) => pad(out, start, usize::from(width)),
        Case::Lower if out[start..].is_ascii() => out[start..].make_ascii_lowercase(),
        Case::Upper if out[start..].is_ascii() => out[start..].make_ascii_uppercase(),
        Case::Lower => {
            let lower = out[start..].to_lowercase();
            out.truncate(start);
            out.push_str(&lower);
        }
        Case::Upper => {
            let upper = out[start..].to_uppercase();
            out.truncate(start);
            out.push_str(&upper);
        }
    }
}

/// Left-pads `out[start..]` with zeros to `width` characters, keeping a leading `-` first.
fn pad(out: &mut String, start: usize, width: usize) {
    let len = out[start..].chars().count();
    if len >= width {
        return;
    }
    let at = if out[start..].starts_with('-') {
        start + 1
    } else {
        start
    };
    // From a fixed run of zeros rather than a string allocated per value.
    const ZEROS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
    let mut left = width - len;
    while left > 0 {
        let n = left.min(ZEROS.len());
        out.insert_str(at, &ZEROS[..n]);
        left -= n;
    }
}

/// `units / 10^scale` written exactly.
fn push_decimal(units: i128, scale: u8, out: &mut String) {
    let digits = units.unsigned_abs().to_string();
    let scale = usize::from(scale);
    if units < 0 {
        out.push('-');
    }
    if scale == 0 {
        out.push_str(&digits);
        return;
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    out.push_str(int);
    out.push('.');
    out.push_str(frac);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_filters_and_escapes() {
        let names = ["a", "b"];
        let idx = |n: &str| names.iter().position(|x| *x == n);
        let pieces = parse("{{x}} {a}.{b|upper}!", idx).expect("valid");
        assert_eq!(
            pieces,
            vec![
                Piece::Lit("{x} ".into()),
                Piece::Field(0, Case::Keep),
                Piece::Lit(".".into()),
                Piece::Field(1, Case::Upper),
                Piece::Lit("!".into()),
            ]
        );
        assert!(parse("{c}", idx).unwrap_err().contains("`c`"));
        assert!(parse("{a", idx).unwrap_err().contains("unclosed"));
        assert!(parse("{a|title}", idx).unwrap_err().contains("filter"));
        assert_eq!(
            parse("{a|pad:9}", idx).expect("pad")[0],
            Piece::Field(0, Case::Pad(9))
        );
        assert!(parse("{a|pad:x}", idx).unwrap_err().contains("pad:N"));
        assert!(parse("{a|pad:0}", idx).unwrap_err().contains("pad:N"));
    }

    #[test]
    fn pad_keeps_the_sign_first() {
        let mut s = String::from("x");
        for (v, w) in [("42", 5), ("-42", 5), ("123456", 3)] {
            let start = s.len();
            s.push_str(v);
            pad(&mut s, start, w);
            s.push(' ');
        }
        assert_eq!(s, "x00042 -0042 123456 ");
    }

    #[test]
    fn decimals_print_exactly() {
        let mut s = String::new();
        push_decimal(-5, 2, &mut s);
        s.push(' ');
        push_decimal(123_456, 2, &mut s);
        assert_eq!(s, "-0.05 1234.56");
    }
}
