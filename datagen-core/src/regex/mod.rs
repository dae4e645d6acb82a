//! Generation of strings matching a regular expression.
//!
//! A [`Regex`] parses its pattern once with `regex-syntax` and compiles it into a flat program, so
//! drawing a string is a short walk appending to a buffer. What a pattern generates:
//!
//! - Literals as written; `(?i)` draws each cased letter in either case.
//! - A class (`[a-z]`, `\p{Greek}`, `[a-z&&[^aeiou]]`, `(?-u:[a-z])`) draws uniformly over all the
//!   code points it holds.
//! - For realistic test data, `\d` means `[0-9]`, `\w` means `[0-9A-Za-z_]`, `\s` means a space,
//!   and `.` means printable ASCII (`[ -~]`), whatever the flags; `\D`, `\W` and `\S` are printable
//!   ASCII minus those sets. Inside brackets the same holds: `[\d_]` draws from `[0-9_]` and
//!   `[^\w]` from printable ASCII minus `[0-9A-Za-z_]`. Every string still matches the pattern as
//!   the `regex` crate reads it. (Under `(?i)`, a Perl class inside brackets is case-folded with the
//!   rest of the class, so `(?i)[\w-]` may also yield `K` (Kelvin sign) or `ſ`.)
//! - An alternation draws uniformly over its branches (the parser merges alternations of single
//!   characters, such as `a|b|c`, into one class).
//! - `{m,n}` draws a length uniformly in `m..=n`; `*`, `+` and `{m,}` draw up to `m + 8`.
//! - `^`, `$`, `\A` and `\z` are accepted and ignored: the whole string is the match. Word
//!   boundaries, look-around and backreferences are errors.
//!
//! ```
//! use datagen_core::{Ctx, Generator, regex::Regex};
//! let code = Regex::new("[A-Z]{2}-[0-9]{6}")?;
//! let mut ctx = Ctx::seeded(42);
//! assert_eq!(code.generate(&mut ctx), "ME-405929");
//! assert_eq!(code.count(), Some(26 * 26 * 1_000_000));
//! let mut first = String::new();
//! code.nth(0, &mut first);
//! assert_eq!(first, "AA-000000");
//! # Ok::<(), datagen_core::Error>(())
//! ```

mod parse;
mod program;
#[cfg(test)]
mod tests;

use crate::ctx::Ctx;
use crate::error::Error;
use crate::generator::Generator;
use program::Program;

/// A generator of strings matching a regular expression; see the [module docs](self) for what
/// each construct generates.
///
/// Built once with [`Regex::new`], which validates the pattern; drawing is infallible afterwards.
#[derive(Clone, Debug)]
pub struct Regex {
    pattern: Box<str>,
    program: Program,
    /// Bytes to reserve for a fresh string: the shortest match, or the longest if it is short.
    len_hint: usize,
    /// The fewest and most bytes a match has (`None`: unbounded).
    min_len: usize,
    max_len: Option<usize>,
}

impl Regex {
    /// Parses and compiles `pattern`.
    ///
    /// # Errors
    /// If the pattern does not parse, uses a construct generation cannot honour (word boundaries,
    /// look-around, backreferences), or holds a class that matches no character.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let hir = parse::parse(pattern)?;
        let program = Program::compile(&hir, pattern)?;
        let props = hir.properties();
        let len_hint = match props.maximum_len() {
            Some(max) if max <= 64 => max,
            _ => props.minimum_len().unwrap_or(0).min(1024),
        };
        Ok(Regex {
            pattern: pattern.into(),
            program,
            len_hint,
            min_len: props.minimum_len().unwrap_or(0),
            max_len: props.maximum_len(),
        })
    }

    /// Appends one string matching the pattern to `out`, drawing from `ctx`.
    #[inline]
    pub fn write(&self, ctx: &mut Ctx, out: &mut String) {
        self.program.run(0, ctx, out);
    }

    /// The number of distinct strings the pattern generates, counting each way of matching once:
    /// a concatenation multiplies, an alternation adds and `{m,n}` sums the powers `m..=n`.
    ///
    /// `None` if the pattern has an unbounded repetition (`*`, `+`, `{m,}`) or the number exceeds
    /// `u128`.
    pub fn count(&self) -> Option<u128> {
        self.program.count()
    }

    /// Appends the `index`-th string of the pattern to `out`.
    ///
    /// For a pattern with a single way to match each string (no `a|a`, no `a?a?`), `nth` is a
    /// bijection from `0..count()` onto the strings it generates: unique values without memory.
    ///
    /// A bounded pattern with more strings than `u128` holds ([`Regex::count`] is `None`) takes
    /// any index: the first `u128::MAX + 1` strings.
    ///
    /// # Panics
    /// If the pattern repeats without end (`*`, `+`, `{m,}`), or `index >= count()`.
    pub fn nth(&self, index: u128, out: &mut String) {
        assert!(
            self.max_len.is_some(),
            "Regex::nth: `{}` generates unboundedly many strings; nth needs a bounded pattern",
            self.pattern
        );
        if let Some(count) = self.count() {
            assert!(
                index < count,
                "Regex::nth: index {index} is out of range for `{}`, which generates {count} strings",
                self.pattern
            );
        }
        self.program.nth(0, index, out);
    }

    /// The fewest bytes a string matching the pattern has.
    pub fn min_len(&self) -> usize {
        self.min_len
    }

    /// The most bytes a string matching the pattern has; `None` with unbounded repetition.
    pub fn max_len(&self) -> Option<usize> {
        self.max_len
    }

    /// The pattern as given to [`Regex::new`].
    pub fn pattern(&self) -> &str {
        &self.pattern
    }
}

impl Generator<String> for Regex {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> String {
        let mut out = String::with_capacity(self.len_hint);
        self.write(ctx, &mut out);
        out
    }
}
