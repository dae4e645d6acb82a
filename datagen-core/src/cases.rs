//! Boundary and negative test data: the [`Cases`] trait `#[derive(Generate)]` implements, the
//! [`Invalid`] items it yields, and the helpers the expansion computes boundaries with.

use core::marker::PhantomData;
use core::ops::{Range, RangeInclusive};

use crate::ctx::Ctx;
use crate::regex::Regex;

/// A value that breaks exactly one rule of its type's attributes, and keeps every other.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid<T> {
    /// The field whose rule is broken.
    pub field: &'static str,
    /// The rule, as the attribute writes it: `range = 18..=90`.
    pub rule: String,
    /// The value.
    pub value: T,
}

/// Boundary and negative values of a type, derived from its attributes.
///
/// `#[derive(Generate)]` implements it for structs with named fields (and enums, whose edge
/// cases are one value per variant that can appear) and adds inherent `edge_cases` and
/// `invalid_cases` that call it, so no import is needed. Fields other than the one at its
/// boundary are those of row 0 of the entity (as `generate_at(ctx, 0)` gives them), and fields
/// computed from others (templates, lookups) are recomputed.
pub trait Cases: Sized {
    /// Values that put each field at its boundaries (both range ends, the shortest and longest
    /// `len`, `None` with `null_rate`, every `one_of` choice, a regex's first string, each case
    /// of a nested type), every one valid.
    fn edge_cases(ctx: &Ctx) -> Vec<Self>;

    /// Values that each break the one rule they name (a range end passed by one, a string the
    /// regex misses, a `len` outside its range, a string outside `one_of`), every other field
    /// valid.
    fn invalid_cases(ctx: &Ctx) -> Vec<Invalid<Self>> {
        let _ = ctx;
        Vec::new()
    }
}

impl Cases for bool {
    fn edge_cases(_: &Ctx) -> Vec<Self> {
        vec![false, true]
    }
}

impl<T> Cases for Option<T> {
    fn edge_cases(_: &Ctx) -> Vec<Self> {
        vec![None]
    }
}

macro_rules! int_cases {
    ($($t:ty),*) => {$(
        impl Cases for $t {
            fn edge_cases(_: &Ctx) -> Vec<Self> {
                vec![<$t>::MIN, <$t>::MAX]
            }
        }
    )*};
}
int_cases!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// A type whose neighbours are known: what `range` boundaries are computed with.
pub trait Bound: Copy + PartialOrd {
    /// The value just below (`x - 1` for integers and for floats where it is below).
    fn below(self) -> Option<Self>;
    /// The value just above.
    fn above(self) -> Option<Self>;
    /// The largest value below `self` (the last value of a half-open range).
    fn last_before(self) -> Option<Self>;
}

macro_rules! int_bound {
    ($($t:ty),*) => {$(
        impl Bound for $t {
            fn below(self) -> Option<Self> { self.checked_sub(1) }
            fn above(self) -> Option<Self> { self.checked_add(1) }
            fn last_before(self) -> Option<Self> { self.checked_sub(1) }
        }
    )*};
}
int_bound!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

macro_rules! float_bound {
    ($($t:ty),*) => {$(
        impl Bound for $t {
            fn below(self) -> Option<Self> {
                let x = self - 1.0;
                if x < self { Some(x) } else { Some(self.next_down()).filter(|x| x.is_finite()) }
            }
            fn above(self) -> Option<Self> {
                let x = self + 1.0;
                if x > self { Some(x) } else { Some(self.next_up()).filter(|x| x.is_finite()) }
            }
            fn last_before(self) -> Option<Self> {
                Some(self.next_down()).filter(|x| x.is_finite())
            }
        }
    )*};
}
float_bound!(f32, f64);

impl Bound for char {
    fn below(self) -> Option<Self> {
        (self as u32).checked_sub(1).and_then(char::from_u32)
    }
    fn above(self) -> Option<Self> {
        (self as u32).checked_add(1).and_then(char::from_u32)
    }
    fn last_before(self) -> Option<Self> {
        self.below()
    }
}

impl Bound for chrono::NaiveDate {
    fn below(self) -> Option<Self> {
        self.pred_opt()
    }
    fn above(self) -> Option<Self> {
        self.succ_opt()
    }
    fn last_before(self) -> Option<Self> {
        self.pred_opt()
    }
}

/// The boundaries of a `range` attribute: its first and last values, and the values just
/// outside it where the type can hold them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RangeCases<T> {
    /// The first value.
    pub low: T,
    /// The last value.
    pub high: T,
    /// The value just below `low`.
    pub below: Option<T>,
    /// The value just above `high`.
    pub above: Option<T>,
}

/// A range whose boundaries are known.
pub trait Edges<T> {
    /// The boundaries, or `None` for an empty range.
    fn range_cases(&self) -> Option<RangeCases<T>>;
}

impl<T: Bound> Edges<T> for RangeInclusive<T> {
    fn range_cases(&self) -> Option<RangeCases<T>> {
        let (low, high) = (*self.start(), *self.end());
        (low <= high).then(|| RangeCases {
            low,
            high,
            below: low.below(),
            above: high.above(),
        })
    }
}

impl<T: Bound> Edges<T> for Range<T> {
    fn range_cases(&self) -> Option<RangeCases<T>> {
        let high = self.end.last_before()?;
        (self.start <= high).then(|| RangeCases {
            low: self.start,
            high,
            below: self.start.below(),
            above: Some(self.end),
        })
    }
}

/// A `range` attribute's value, for autoref dispatch: ranges of [`Bound`] types have
/// boundaries ([`ViaEdges`]), others (chrono dates) none ([`NoEdges`]). The expansion calls
/// `(&RangeOf::<T, _>::new(&range)).range_cases()` with both traits in scope.
#[derive(Debug)]
pub struct RangeOf<'a, T, R>(&'a R, PhantomData<fn() -> T>);

impl<'a, T, R> RangeOf<'a, T, R> {
    /// Wraps `range`.
    pub fn new(range: &'a R) -> Self {
        RangeOf(range, PhantomData)
    }
}

/// The path of [`RangeOf`] for ranges with boundaries.
pub trait ViaEdges<T> {
    /// The boundaries.
    fn range_cases(&self) -> Option<RangeCases<T>>;
}

impl<T, R: Edges<T>> ViaEdges<T> for RangeOf<'_, T, R> {
    fn range_cases(&self) -> Option<RangeCases<T>> {
        self.0.range_cases()
    }
}

/// The path of [`RangeOf`] for other ranges: no boundaries.
pub trait NoEdges<T> {
    /// `None`.
    fn range_cases(&self) -> Option<RangeCases<T>>;
}

impl<T, R> NoEdges<T> for &RangeOf<'_, T, R> {
    fn range_cases(&self) -> Option<RangeCases<T>> {
        None
    }
}

/// A field type, for autoref dispatch: types with [`Cases`] give theirs ([`ViaCases`]), others
/// none ([`NoCases`]).
#[derive(Debug)]
pub struct CasesOf<T>(PhantomData<fn() -> T>);

impl<T> CasesOf<T> {
    /// The marker.
    pub fn new() -> Self {
        CasesOf(PhantomData)
    }
}

impl<T> Default for CasesOf<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The path of [`CasesOf`] for types with [`Cases`].
pub trait ViaCases<T> {
    /// `T::edge_cases(ctx)`.
    fn edge_values(&self, ctx: &Ctx) -> Vec<T>;
}

impl<T: Cases> ViaCases<T> for CasesOf<T> {
    fn edge_values(&self, ctx: &Ctx) -> Vec<T> {
        T::edge_cases(ctx)
    }
}

/// The path of [`CasesOf`] for other types: no cases.
pub trait NoCases<T> {
    /// Nothing.
    fn edge_values(&self, ctx: &Ctx) -> Vec<T>;
}

impl<T> NoCases<T> for &CasesOf<T> {
    fn edge_values(&self, _: &Ctx) -> Vec<T> {
        Vec::new()
    }
}

/// The first string a pattern generates (`Regex::nth(0)`: the shortest, first in class order),
/// or `None` for a pattern with unbounded repetition.
pub fn regex_first(regex: &Regex) -> Option<String> {
    regex.count()?;
    let mut out = String::new();
    regex.nth(0, &mut out);
    Some(out)
}

/// A string `regex` cannot match as a whole, found by length alone (so no matcher is needed):
/// its first string cut one character short of the pattern's minimum length, or, when the
/// pattern matches the empty string, one byte longer than its maximum length. `None` when the
/// pattern matches strings of every length.
pub fn regex_miss(regex: &Regex) -> Option<String> {
    let min = regex.min_len();
    if min > 0 {
        let mut out = regex_first(regex).unwrap_or_default();
        while out.len() >= min {
            out.pop();
        }
        return Some(out);
    }
    regex.max_len().map(|max| "~".repeat(max + 1))
}

/// A string outside `items`: `invalid`, with `_` appended until it is none of them.
pub fn outside(items: &[&str]) -> String {
    let mut out = String::from("invalid");
    while items.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_know_their_boundaries() {
        let c = (18u8..=90).range_cases().expect("not empty");
        assert_eq!(
            (c.low, c.high, c.below, c.above),
            (18, 90, Some(17), Some(91))
        );
        let c = (0u8..=255).range_cases().expect("not empty");
        assert_eq!((c.below, c.above), (None, None));
        let c = (1.0f64..500.0).range_cases().expect("not empty");
        assert_eq!((c.low, c.below, c.above), (1.0, Some(0.0), Some(500.0)));
        assert!(c.high < 500.0);
        assert_eq!((5i32..5).range_cases(), None);
    }

    #[test]
    fn regex_misses_by_length() {
        let code = Regex::new("[A-Z]{2}-[0-9]{6}").expect("valid");
        assert_eq!(regex_first(&code).as_deref(), Some("AA-000000"));
        assert_eq!(regex_miss(&code).as_deref(), Some("AA-00000"));
        let opt = Regex::new("a?").expect("valid");
        assert_eq!(regex_miss(&opt).as_deref(), Some("~~"));
        assert_eq!(regex_miss(&Regex::new("a*").expect("valid")), None);
        assert_eq!(outside(&["invalid", "x"]), "invalid_");
    }
}
