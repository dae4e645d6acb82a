//! Support for the derive's expansion. Not public API: names and signatures change freely.

pub use std::sync::LazyLock;

pub use rand_distr;

pub use crate::dist::FromF64;
pub use crate::impls::{element, element_at};
pub use crate::permute::Permutation;
pub use crate::seed::name_hash;
pub use crate::weighted::pick_cumulative;
// Factories, cases: see `factory.rs` and `cases.rs`.
pub use crate::cases::{
    CasesOf, Edges, NoCases, NoEdges, RangeCases, RangeOf, ViaCases, ViaEdges, outside,
    regex_first, regex_miss,
};
pub use crate::factory::{KeyOf, KeyRow, NoKeyRow, Override, ViaKeyRow};

use crate::ctx::Ctx;
use crate::error::Error;

/// Runs `f` in the scope of the field whose name hashes to `field`.
#[inline(always)]
pub fn field<T>(ctx: &mut Ctx, field: u64, f: impl FnOnce(&mut Ctx) -> T) -> T {
    let saved = ctx.__enter(field);
    let value = f(ctx);
    ctx.__leave(saved);
    value
}

/// Runs `f` in the scope of the field whose path key is `key` (from [`Ctx::__field_keys`]),
/// leaving the context there: the build that calls this restores its scope once, after its
/// last field (see [`Ctx::__move_to`]).
#[inline(always)]
pub fn field_key<T>(ctx: &mut Ctx, key: u64, f: impl FnOnce(&mut Ctx) -> T) -> T {
    ctx.__move_to(key);
    f(ctx)
}

/// A `Vec` whose length is drawn from `lo..=hi`, each element in its own scope.
#[inline]
///
/// # Panics
/// If `hi < lo` (a `len` range computed at run time that is empty).
pub fn vec_len<T>(ctx: &mut Ctx, lo: usize, hi: usize, mut f: impl FnMut(&mut Ctx) -> T) -> Vec<T> {
    assert!(lo <= hi, "empty `len` range {lo}..={hi}");
    // `hi - lo` is at most `usize::MAX`; the draw covers `0..=hi - lo` without overflowing.
    let len = lo + ctx.range(0..=hi - lo);
    (0..len).map(|i| element_at(ctx, i, &mut f)).collect()
}

/// `None` with probability `null_rate`, else `Some(f(ctx))`.
#[inline]
pub fn option<T>(ctx: &mut Ctx, null_rate: f64, f: impl FnOnce(&mut Ctx) -> T) -> Option<T> {
    if ctx.chance(null_rate) {
        None
    } else {
        Some(f(ctx))
    }
}

/// The domain index of the current row for a `unique` field whose domain holds `size` values:
/// a keyed permutation of the row index, keyed by (seed, entity, field path).
///
/// # Panics
/// When the row is outside the domain, with the message of [`Error::DomainTooSmall`].
#[inline]
pub fn unique_index(ctx: &Ctx, size: u128, entity: &str, field: &str) -> u128 {
    let row = u128::from(ctx.__row());
    if row >= size {
        let count = ctx.entity_count(name_hash(entity)).max(ctx.__row() + 1);
        panic!("{}", domain_error(entity, field, size, count));
    }
    Permutation::new(size, ctx.__path_key()).apply(row)
}

/// The error of a `unique` field over `domain` values asked for `count` rows.
pub fn domain_error(entity: &str, field: &str, domain: u128, count: u64) -> Error {
    Error::DomainTooSmall {
        entity: entity.to_string(),
        field: field.to_string(),
        domain,
        count,
    }
}

/// Checks a `unique` field's domain against the entity's population size.
///
/// # Errors
/// If the domain is smaller than the count.
pub fn check_domain(ctx: &Ctx, entity: &str, field: &str, domain: u128) -> Result<(), Error> {
    let count = ctx.entity_count(name_hash(entity));
    if u128::from(count) > domain {
        Err(domain_error(entity, field, domain, count))
    } else {
        Ok(())
    }
}

/// Picks a row of the entity named `entity` uniformly, for a `ref` field.
///
/// # Panics
/// When the entity's population size is zero.
#[inline]
pub fn pick_row(ctx: &mut Ctx, entity: &str, key: u64) -> u64 {
    let count = ctx.entity_count(key);
    assert!(
        count > 0,
        "entity `{entity}` has no rows to reference; give it a count with `Ctx::with_count`"
    );
    ctx.below(count)
}

/// An integer type a `key` field can have: row `r` has key `r + 1`.
#[diagnostic::on_unimplemented(
    message = "`key` needs an integer field type; `{Self}` is not one",
    label = "`key` numbers rows 1, 2, 3, ..."
)]
pub trait FromKey: Sized {
    /// The key of row `row`.
    ///
    /// # Panics
    /// When `row + 1` does not fit the type.
    fn from_key(row: u64) -> Self;
}

macro_rules! from_key {
    ($($t:ty),*) => {$(
        impl FromKey for $t {
            #[inline]
            fn from_key(row: u64) -> Self {
                match <$t>::try_from(u128::from(row) + 1) {
                    Ok(key) => key,
                    Err(_) => panic!("key {} of row {row} does not fit `{}`", u128::from(row) + 1, stringify!($t)),
                }
            }
        }
    )*};
}
from_key!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// A uniform value in a `range = a..b` / `a..=b` attribute's range. Ranges are not
/// `Generator`s (their `Iterator::map` would clash with `Generator::map`): call this instead.
#[inline]
pub fn range<T, R: crate::uniform::SampleRange<T>>(ctx: &mut Ctx, range: R) -> T {
    range.sample(ctx)
}

/// An integer type a `unique` field can have: its values can be enumerated by index.
#[diagnostic::on_unimplemented(
    message = "`unique` needs a bounded domain; `{Self}` is not an integer type",
    label = "use `unique` with an integer type, `range`, `regex` or `one_of`"
)]
pub trait UniqueInt: Copy {
    /// The smallest value.
    const MIN: Self;
    /// How many values the type holds (saturated at `u128::MAX` for 128-bit types).
    const DOMAIN: u128;
    /// The distance from `low` up to `high` (0 when `high` is below `low`).
    fn span(low: Self, high: Self) -> u128;
    /// The value `index` steps above `low`.
    fn offset(low: Self, index: u128) -> Self;
}

macro_rules! unique_int {
    ($($t:ty => $u:ty),*) => {$(
        impl UniqueInt for $t {
            const MIN: Self = <$t>::MIN;
            const DOMAIN: u128 = match 1u128.checked_shl(<$t>::BITS) { Some(n) => n, None => u128::MAX };
            #[inline]
            fn span(low: Self, high: Self) -> u128 {
                if high < low { 0 } else { (high as $u).wrapping_sub(low as $u) as u128 }
            }
            #[inline]
            fn offset(low: Self, index: u128) -> Self {
                (low as $u).wrapping_add(index as $u) as $t
            }
        }
    )*};
}
unique_int!(u8 => u8, u16 => u16, u32 => u32, u64 => u64, u128 => u128, usize => usize,
            i8 => u8, i16 => u16, i32 => u32, i64 => u64, i128 => u128, isize => usize);

/// A range of integers a `unique` field's values are enumerated from.
pub trait UniqueRange<T> {
    /// The first value.
    fn low(&self) -> T;
    /// How many values the range holds (saturated at `u128::MAX`).
    fn domain(&self) -> u128;
}

impl<T: UniqueInt> UniqueRange<T> for core::ops::Range<T> {
    fn low(&self) -> T {
        self.start
    }
    fn domain(&self) -> u128 {
        T::span(self.start, self.end)
    }
}

impl<T: UniqueInt + PartialOrd> UniqueRange<T> for core::ops::RangeInclusive<T> {
    fn low(&self) -> T {
        *self.start()
    }
    fn domain(&self) -> u128 {
        if self.end() < self.start() {
            0
        } else {
            T::span(*self.start(), *self.end()).saturating_add(1)
        }
    }
}

/// The value of a `unique` integer field without a range: a permutation of the whole type.
#[inline]
pub fn unique_int<T: UniqueInt>(ctx: &Ctx, entity: &str, field: &str) -> T {
    T::offset(T::MIN, unique_index(ctx, T::DOMAIN, entity, field))
}

/// The value of a `unique` integer field with a `range`: a permutation of the range.
#[inline]
pub fn unique_range<T: UniqueInt, R: UniqueRange<T>>(
    ctx: &Ctx,
    range: R,
    entity: &str,
    field: &str,
) -> T {
    T::offset(
        range.low(),
        unique_index(ctx, range.domain(), entity, field),
    )
}

/// The domain size of a `unique` integer field without a range.
pub fn int_domain<T: UniqueInt>() -> u128 {
    T::DOMAIN
}

/// The domain size of a `unique` integer field with a `range`.
pub fn range_domain<T: UniqueInt, R: UniqueRange<T>>(range: R) -> u128 {
    range.domain()
}

/// Appends a template placeholder's value to `out`.
#[inline]
pub fn push_display<T: core::fmt::Display + ?Sized>(out: &mut String, value: &T) {
    use core::fmt::Write as _;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "{value}");
}

/// The case a template placeholder is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// As the value displays.
    Keep,
    /// `{field|lower}`.
    Lower,
    /// `{field|upper}`.
    Upper,
}

/// A template placeholder's value, for autoref dispatch: string values are copied straight in,
/// anything else goes through `Display`. The expansion calls
/// `(&Piece(&value)).push_piece(out, case)` with [`ViaStr`] and [`ViaDisplay`] in scope.
#[derive(Debug)]
pub struct Piece<'a, T: ?Sized>(pub &'a T);

/// The fast path of [`Piece`]: values that are strings.
pub trait ViaStr {
    /// Appends the value in `case`.
    fn push_piece(&self, out: &mut String, case: Case);
}

impl<T: AsRef<str> + ?Sized> ViaStr for Piece<'_, T> {
    #[inline(always)]
    fn push_piece(&self, out: &mut String, case: Case) {
        let value = self.0.as_ref();
        match case {
            Case::Keep => out.push_str(value),
            Case::Lower => push_cased(out, value, false),
            Case::Upper => push_cased(out, value, true),
        }
    }
}

/// The general path of [`Piece`]: anything that implements `Display`.
pub trait ViaDisplay {
    /// Appends the value in `case`.
    fn push_piece(&self, out: &mut String, case: Case);
}

impl<T: core::fmt::Display + ?Sized> ViaDisplay for &Piece<'_, T> {
    #[inline]
    fn push_piece(&self, out: &mut String, case: Case) {
        let start = out.len();
        push_display(out, self.0);
        recase(out, start, case);
    }
}

/// Appends `value` lowercased (or uppercased when `upper`), as `str::to_lowercase` and
/// `str::to_uppercase` would.
///
/// ASCII text of 4 to 16 bytes, most names and words from the data files, goes through
/// `ascii::push_short`, which has no branch on the length within that range; other
/// ASCII text takes one pass over the bytes, a loop whose only unpredictable branch is its end
/// (checking, copying and re-casing in three passes costs fewer instructions but three loop
/// ends: measured slower). Text with any other character is re-cased whole through Unicode's
/// full case mapping (so a final sigma lowercases as it should).
#[inline(always)]
pub fn push_cased(out: &mut String, value: &str, upper: bool) {
    if crate::ascii::push_short(out, value, upper) {
        return;
    }
    let start = out.len();
    out.reserve(value.len());
    for b in value.bytes() {
        if !b.is_ascii() {
            out.truncate(start);
            push_cased_unicode(out, value, upper);
            return;
        }
        out.push(char::from(if upper {
            b.to_ascii_uppercase()
        } else {
            b.to_ascii_lowercase()
        }));
    }
}

/// [`push_cased`] of text with a character outside ASCII.
#[cold]
#[inline(never)]
fn push_cased_unicode(out: &mut String, value: &str, upper: bool) {
    if upper {
        out.push_str(&value.to_uppercase());
    } else {
        out.push_str(&value.to_lowercase());
    }
}

/// Re-cases `out[start..]` in place when it is ASCII (the common case), else through Unicode's
/// full case mapping.
#[inline]
fn recase(out: &mut String, start: usize, case: Case) {
    let tail = &mut out[start..];
    match case {
        Case::Keep => {}
        Case::Lower if tail.is_ascii() => tail.make_ascii_lowercase(),
        Case::Upper if tail.is_ascii() => tail.make_ascii_uppercase(),
        Case::Lower => {
            let lower = tail.to_lowercase();
            out.truncate(start);
            out.push_str(&lower);
        }
        Case::Upper => {
            let upper = tail.to_uppercase();
            out.truncate(start);
            out.push_str(&upper);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_cased_matches_std() {
        let samples = [
            "",
            "abc",
            "ABC Def",
            "ΣΑΣ",
            "ὈΔΥΣΣΕΎΣ",
            "straße",
            "İstanbul",
            "ǅ",
            "a\u{0}b",
            "ﬁ",
            "x\u{7f}Ω",
            "ΑΣ b",
            "tschüß",
        ];
        for s in samples {
            for prefix in ["", "pre", "ΣΑ"] {
                let mut out = prefix.to_string();
                push_cased(&mut out, s, false);
                assert_eq!(out, format!("{prefix}{}", s.to_lowercase()), "{s}");
                let mut out = prefix.to_string();
                push_cased(&mut out, s, true);
                assert_eq!(out, format!("{prefix}{}", s.to_uppercase()), "{s}");
            }
        }
        // Every character, where a final sigma and the ASCII neighbours matter.
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            let s = format!("A{c}Σ");
            let mut out = String::new();
            push_cased(&mut out, &s, false);
            assert_eq!(out, s.to_lowercase());
        }
    }

    #[test]
    fn unique_integers_enumerate_their_domain() {
        assert_eq!(<i8 as UniqueInt>::DOMAIN, 256);
        assert_eq!(<u128 as UniqueInt>::DOMAIN, u128::MAX);
        assert_eq!(i8::offset(i8::MIN, 255), 127);
        assert_eq!(i32::offset(-5, 7), 2);
        assert_eq!((0..=255u8).domain(), 256);
        assert_eq!((-50..50i8).domain(), 100);
        let (lo, hi) = (3u8, 2u8);
        assert_eq!((lo..=hi).domain(), 0);
        assert_eq!((lo..hi).domain(), 0);
        assert_eq!((0..=u128::MAX).domain(), u128::MAX);
    }

    #[test]
    // The borrows mirror the expansion, where they pick `ViaDisplay` for non-strings.
    #[allow(clippy::needless_borrow)]
    fn template_pushes_apply_filters() {
        let mut out = String::from("x:");
        (&Piece("ÉMILE Ng")).push_piece(&mut out, Case::Lower);
        (&Piece(&String::from("-ab"))).push_piece(&mut out, Case::Upper);
        (&Piece(&42)).push_piece(&mut out, Case::Keep);
        (&Piece(&'ß')).push_piece(&mut out, Case::Upper);
        assert_eq!(out, "x:émile ng-AB42SS");
    }
}
