//! The reader's diagnostics and its typed accessors of nodes: each reports what it expected and
//! what it found, at the node's position, and returns `None` so reading goes on.

use crate::config::yaml::{Kind, Node};
use crate::diag::{Diagnostic, closest};
use crate::ir::Span;

/// Collects the problems found while reading.
#[derive(Default)]
pub(crate) struct Reader {
    /// Every problem found, in the order found.
    pub diags: Vec<Diagnostic>,
}

impl Reader {
    /// Reports `message` at `span`.
    pub(crate) fn err(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, message));
    }

    /// Reports `message` at `span`, with how to fix it.
    pub(crate) fn err_help(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.diags
            .push(Diagnostic::new(span, message).with_help(help));
    }

    /// How many problems have been found so far.
    pub(crate) fn count(&self) -> usize {
        self.diags.len()
    }

    /// Reports an unknown key (a `noun`, such as "option", of `of` when not empty), suggesting
    /// the closest of `known`.
    pub(crate) fn unknown_key(&mut self, key: &Node, noun: &str, of: &str, known: &[&str]) {
        let fallback = format!("expected {}", quoted_list(known));
        self.unknown_key_or(key, noun, of, known, &fallback);
    }

    /// Reports an unknown key, suggesting the closest of `known`, or else saying `fallback`.
    pub(crate) fn unknown_key_or(
        &mut self,
        key: &Node,
        noun: &str,
        of: &str,
        known: &[&str],
        fallback: &str,
    ) {
        let help = match closest(&key.text, known.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => fallback.to_string(),
        };
        let of = if of.is_empty() {
            String::new()
        } else {
            format!(" in {of}")
        };
        self.err_help(key.span, format!("unknown {noun} `{}`{of}", key.text), help);
    }

    /// The entries of a mapping, or a report that `what` must be one.
    pub(crate) fn map<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [(Node, Node)]> {
        let found = node.as_map();
        if found.is_none() {
            self.err(
                node.span,
                format!("{what} must be a mapping, found {}", node.describe()),
            );
        }
        found
    }

    /// A key's name, or a report that keys must be names.
    pub(crate) fn key_name<'n>(&mut self, key: &'n Node) -> Option<&'n str> {
        if key.is_scalar() && !matches!(key.kind, Kind::Null) {
            Some(key.text.as_str())
        } else {
            self.err(
                key.span,
                format!("a key must be a name, found {}", key.describe()),
            );
            None
        }
    }

    /// A string scalar.
    pub(crate) fn string<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n str> {
        let found = node.as_str();
        if found.is_none() {
            self.err(
                node.span,
                format!("{what} must be a string, found {}", node.describe()),
            );
        }
        found
    }

    /// A whole number that fits an `i64` (`1e6` is accepted when it is whole).
    #[allow(clippy::cast_possible_truncation)]
    pub(crate) fn int(&mut self, node: &Node, what: &str) -> Option<i64> {
        match node.kind {
            Kind::Int(v) => i64::try_from(v).ok().or_else(|| {
                self.too_large(node, what);
                None
            }),
            Kind::BigInt => {
                self.too_large(node, what);
                None
            }
            Kind::Float(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => Some(v as i64),
            _ => {
                self.err(
                    node.span,
                    format!("{what} must be an integer, found {}", node.describe()),
                );
                None
            }
        }
    }

    fn too_large(&mut self, node: &Node, what: &str) {
        self.err(
            node.span,
            format!("{what} {} is too large (the limit is 2^63 - 1)", node.text),
        );
    }

    /// A whole number from 0 to `u64::MAX`.
    pub(crate) fn uint(&mut self, node: &Node, what: &str) -> Option<u64> {
        match node.kind {
            Kind::Int(v) if v < 0 => {
                self.err_help(
                    node.span,
                    format!("{what} must not be negative, found {v}"),
                    "use 0 or more",
                );
                None
            }
            Kind::Int(v) => u64::try_from(v).ok().or_else(|| {
                self.err(node.span, format!("{what} {v} is too large"));
                None
            }),
            Kind::BigInt => {
                self.err(node.span, format!("{what} {} is too large", node.text));
                None
            }
            _ => {
                let v = self.int(node, what)?;
                self.uint_of(v, node, what)
            }
        }
    }

    fn uint_of(&mut self, v: i64, node: &Node, what: &str) -> Option<u64> {
        let found = u64::try_from(v).ok();
        if found.is_none() {
            self.err_help(
                node.span,
                format!("{what} must not be negative, found {v}"),
                "use 0 or more",
            );
        }
        found
    }

    /// A whole number from 0 to `u32::MAX`.
    pub(crate) fn u32(&mut self, node: &Node, what: &str) -> Option<u32> {
        let v = self.uint(node, what)?;
        let found = u32::try_from(v).ok();
        if found.is_none() {
            self.err(node.span, format!("{what} {v} is too large"));
        }
        found
    }

    /// A finite number (integer or float).
    #[allow(clippy::cast_precision_loss)]
    pub(crate) fn number(&mut self, node: &Node, what: &str) -> Option<f64> {
        match node.kind {
            Kind::Int(v) => Some(v as f64),
            Kind::Float(v) if v.is_finite() => Some(v),
            _ => {
                self.err(
                    node.span,
                    format!("{what} must be a finite number, found {}", node.describe()),
                );
                None
            }
        }
    }

    /// A probability: a number from 0 to 1.
    pub(crate) fn probability(&mut self, node: &Node, what: &str) -> Option<f64> {
        let v = self.number(node, what)?;
        if (0.0..=1.0).contains(&v) {
            Some(v)
        } else {
            self.err_help(
                node.span,
                format!("{what} must be from 0 to 1, found {}", node.text),
                "a probability is from 0 (never) to 1 (always)",
            );
            None
        }
    }

    /// `true` or `false`.
    pub(crate) fn bool(&mut self, node: &Node, what: &str) -> Option<bool> {
        match node.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                self.err(
                    node.span,
                    format!(
                        "{what} must be `true` or `false`, found {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }

    /// A list of exactly two items, `[lo, hi]`.
    pub(crate) fn pair<'n>(&mut self, node: &'n Node, what: &str) -> Option<(&'n Node, &'n Node)> {
        match node.as_seq() {
            Some([lo, hi]) => Some((lo, hi)),
            Some(items) => {
                self.err_help(
                    node.span,
                    format!("{what} must be two bounds, found {} items", items.len()),
                    "write `[lo, hi]`",
                );
                None
            }
            None => {
                self.err_help(
                    node.span,
                    format!(
                        "{what} must be a list `[lo, hi]`, found {}",
                        node.describe()
                    ),
                    "write `[lo, hi]`",
                );
                None
            }
        }
    }

    /// The value of each key of a mapping of parameters, all required and numeric, reporting
    /// unknown and missing ones. `None` if anything is wrong.
    pub(crate) fn params<const N: usize>(
        &mut self,
        node: &Node,
        what: &str,
        names: [&str; N],
    ) -> Option<[f64; N]> {
        let entries = self.map(node, what)?;
        let mut out = [None; N];
        let mut ok = true;
        for (k, v) in entries {
            let Some(key) = self.key_name(k) else {
                ok = false;
                continue;
            };
            match names.iter().position(|n| *n == key) {
                Some(i) => {
                    out[i] = self.number(v, &format!("`{key}` of {what}"));
                    ok &= out[i].is_some();
                }
                None => {
                    self.unknown_key(k, "parameter", what, &names);
                    ok = false;
                }
            }
        }
        for (i, name) in names.iter().enumerate() {
            if out[i].is_none() && node.get(name).is_none() {
                self.err_help(
                    node.span,
                    format!("{what} needs `{name}`"),
                    format!(
                        "write {{{}}}",
                        names.map(|n| format!("{n}: ...")).join(", ")
                    ),
                );
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let mut vals = [0.0; N];
        for (v, o) in vals.iter_mut().zip(out) {
            *v = o?;
        }
        Some(vals)
    }
}

/// `a`, `b` or `c`.
pub(crate) fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}
