//! Portable uniform sampling: integers by Lemire's method, floats from 53 random bits.
//!
//! Written here rather than borrowed from `rand` so that pinned outputs depend only on this file.

use core::ops::{Range, RangeInclusive};

use crate::ctx::Ctx;
use crate::error::Error;
use crate::generator::Generator;

impl Ctx {
    /// A uniform integer in `0..n`; `n == 0` means the whole `u64` range.
    #[inline]
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return self.next_u64();
        }
        // Lemire, "Fast Random Integer Generation in an Interval" (2019): unbiased.
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as u64
    }

    /// A uniform index into a collection of `len` items.
    ///
    /// # Panics
    /// If `len` is zero: there is no index to give.
    #[inline]
    pub fn index(&mut self, len: usize) -> usize {
        assert!(len > 0, "Ctx::index: no index into an empty collection");
        self.below(len as u64) as usize
    }

    /// A uniform `f64` in `[0, 1)` with 53 bits of precision.
    #[inline]
    pub fn unit_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `true` with probability `p` (clamped to `[0, 1]`).
    #[inline]
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit_f64() < p
    }

    /// A uniform value in `range` (half-open or inclusive), for any integer or float type.
    ///
    /// # Panics
    /// If the range is empty.
    #[inline]
    pub fn range<T, R: SampleRange<T>>(&mut self, range: R) -> T {
        range.sample(self)
    }

    /// One element of `items`, uniformly.
    ///
    /// # Panics
    /// If `items` is empty.
    #[inline]
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        assert!(
            !items.is_empty(),
            "Ctx::pick: cannot pick from an empty slice"
        );
        &items[self.index(items.len())]
    }
}

/// A type that can be sampled uniformly between two bounds.
pub trait SampleUniform: Copy + PartialOrd {
    /// A uniform value in `[low, high)`, or `[low, high]` when `inclusive`. Bounds are checked
    /// by the caller.
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self;
}

macro_rules! uniform_int {
    ($($t:ty => $u:ty),* $(,)?) => {$(
        impl SampleUniform for $t {
            #[inline]
            fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
                // The span as an unsigned offset; an inclusive full 64-bit span wraps to 0,
                // which `below` reads as "any value".
                let span = ((high as $u).wrapping_sub(low as $u) as u64).wrapping_add(u64::from(inclusive));
                (low as $u).wrapping_add(ctx.below(span) as $u) as $t
            }
        }
    )*};
}
uniform_int!(u8 => u8, u16 => u16, u32 => u32, u64 => u64, usize => usize,
             i8 => u8, i16 => u16, i32 => u32, i64 => u64, isize => usize);

macro_rules! uniform_wide {
    ($($t:ty),*) => {$(
        impl SampleUniform for $t {
            fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
                let span = (high as u128).wrapping_sub(low as u128).wrapping_add(u128::from(inclusive));
                let draw = (u128::from(ctx.next_u64()) << 64) | u128::from(ctx.next_u64());
                if span == 0 {
                    return draw as $t;
                }
                // Rejection keeps it unbiased: accept draws below the largest multiple of span.
                let zone = u128::MAX - (u128::MAX - span + 1) % span;
                let mut draw = draw;
                while draw > zone {
                    draw = (u128::from(ctx.next_u64()) << 64) | u128::from(ctx.next_u64());
                }
                (low as u128).wrapping_add(draw % span) as $t
            }
        }
    )*};
}
uniform_wide!(u128, i128);

macro_rules! uniform_float {
    ($($t:ty),*) => {$(
        impl SampleUniform for $t {
            #[inline]
            fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
                let unit = ctx.unit_f64() as $t;
                let span = high - low;
                let value = if span.is_finite() {
                    low + span * unit
                } else {
                    // The span overflows (`MIN..MAX`): interpolate without forming it.
                    low * (1.0 - unit) + high * unit
                };
                // Rounding can land on `high`; a half-open range must not yield it.
                if !inclusive && value >= high { high.next_down().max(low) } else { value.min(high) }
            }
        }
    )*};
}
uniform_float!(f32, f64);

impl SampleUniform for char {
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        loop {
            let c = u32::sample_between(ctx, low as u32, high as u32, inclusive);
            // Skip the surrogate gap, which holds no chars.
            if let Some(c) = char::from_u32(c) {
                return c;
            }
        }
    }
}

/// A range a uniform value can be drawn from: `a..b` or `a..=b`.
///
/// Ranges are not [`Generator`]s themselves (they are iterators, whose `map` would clash with
/// the generator adapters); [`Ctx::range`] takes them directly and [`Uniform`] wraps one.
pub trait SampleRange<T> {
    /// Draws a value.
    ///
    /// # Panics
    /// If the range is empty.
    fn sample(self, ctx: &mut Ctx) -> T;

    /// Whether the range holds no value.
    fn is_empty(&self) -> bool;
}

impl<T: SampleUniform + core::fmt::Debug> SampleRange<T> for Range<T> {
    #[inline]
    fn sample(self, ctx: &mut Ctx) -> T {
        assert!(
            self.start < self.end,
            "empty range {:?}..{:?}",
            self.start,
            self.end
        );
        T::sample_between(ctx, self.start, self.end, false)
    }

    fn is_empty(&self) -> bool {
        // NaN bounds compare as neither: such a range is empty too.
        self.start.partial_cmp(&self.end) != Some(core::cmp::Ordering::Less)
    }
}

impl<T: SampleUniform + core::fmt::Debug> SampleRange<T> for RangeInclusive<T> {
    #[inline]
    fn sample(self, ctx: &mut Ctx) -> T {
        assert!(
            self.start() <= self.end(),
            "empty range {:?}..={:?}",
            self.start(),
            self.end()
        );
        T::sample_between(ctx, *self.start(), *self.end(), true)
    }

    fn is_empty(&self) -> bool {
        !matches!(
            self.start().partial_cmp(self.end()),
            Some(core::cmp::Ordering::Less | core::cmp::Ordering::Equal)
        )
    }
}

/// A uniform generator over a range, validated once.
///
/// ```
/// use datagen_core::{Ctx, Generator, generator::Uniform};
/// let dice = Uniform::new(1..=6u8).expect("non-empty").map(|n| n * 10);
/// let mut ctx = Ctx::seeded(1);
/// assert!((10..=60).contains(&dice.generate(&mut ctx)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Uniform<T> {
    low: T,
    high: T,
    inclusive: bool,
}

impl<T: SampleUniform + core::fmt::Debug> Uniform<T> {
    /// A generator over `range`.
    ///
    /// # Errors
    /// If the range is empty.
    pub fn new<R: Into<UniformBounds<T>>>(range: R) -> Result<Self, Error> {
        let UniformBounds {
            low,
            high,
            inclusive,
        } = range.into();
        let order = low.partial_cmp(&high);
        let empty = if inclusive {
            !matches!(
                order,
                Some(core::cmp::Ordering::Less | core::cmp::Ordering::Equal)
            )
        } else {
            order != Some(core::cmp::Ordering::Less)
        };
        if empty {
            let dots = if inclusive { "..=" } else { ".." };
            return Err(Error::EmptyRange(format!("{low:?}{dots}{high:?}")));
        }
        Ok(Self {
            low,
            high,
            inclusive,
        })
    }
}

impl<T: SampleUniform> Generator<T> for Uniform<T> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        T::sample_between(ctx, self.low, self.high, self.inclusive)
    }
}

/// The bounds of a range, for [`Uniform::new`].
#[derive(Clone, Copy, Debug)]
pub struct UniformBounds<T> {
    low: T,
    high: T,
    inclusive: bool,
}

impl<T: Copy> From<Range<T>> for UniformBounds<T> {
    fn from(r: Range<T>) -> Self {
        Self {
            low: r.start,
            high: r.end,
            inclusive: false,
        }
    }
}

impl<T: Copy> From<RangeInclusive<T>> for UniformBounds<T> {
    fn from(r: RangeInclusive<T>) -> Self {
        Self {
            low: *r.start(),
            high: *r.end(),
            inclusive: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_ranges_stay_inside_and_cover() {
        let mut ctx = Ctx::seeded(1);
        let mut seen = [false; 73];
        for _ in 0..10_000 {
            let v: u8 = ctx.range(18..=90);
            assert!((18..=90).contains(&v));
            seen[(v - 18) as usize] = true;
        }
        assert!(seen.iter().all(|s| *s));
        for _ in 0..1000 {
            let v: i8 = ctx.range(-128..=127);
            let _ = v;
            let w: i64 = ctx.range(-5..5);
            assert!((-5..5).contains(&w));
            let x: u8 = ctx.range(0..=255);
            let _ = x;
        }
    }

    #[test]
    fn float_ranges_are_half_open() {
        let mut ctx = Ctx::seeded(2);
        assert!(Uniform::new(3..3).is_err());
        assert!(Uniform::new(3..=3).is_ok());
        for _ in 0..10_000 {
            let v: f64 = ctx.range(1.0..500.0);
            assert!((1.0..500.0).contains(&v));
        }
    }

    #[test]
    fn narrow_float_ranges_never_reach_the_excluded_end() {
        let mut ctx = Ctx::seeded(4);
        let (low, high) = (1.0f64, 1.0f64.next_up());
        let (low32, high32) = (1.0f32, 1.0f32.next_up());
        for _ in 0..1000 {
            assert_eq!(ctx.range(low..high), low);
            assert_eq!(ctx.range(low32..high32), low32);
            let v: f64 = ctx.range(1e300..1e300 * (1.0 + 4.0 * f64::EPSILON));
            assert!(v < 1e300 * (1.0 + 4.0 * f64::EPSILON));
        }
    }

    #[test]
    fn full_float_ranges_spread() {
        let mut ctx = Ctx::seeded(5);
        let mut negative = 0;
        for _ in 0..1000 {
            let v: f64 = ctx.range(f64::MIN..f64::MAX);
            assert!(v.is_finite() && v < f64::MAX, "{v}");
            assert!(v > f64::MIN, "{v}");
            negative += usize::from(v < 0.0);
            let w: f32 = ctx.range(f32::MIN..=f32::MAX);
            assert!(w.is_finite(), "{w}");
        }
        assert!((400..600).contains(&negative), "{negative}");
    }

    #[test]
    fn below_is_unbiased_enough() {
        let mut ctx = Ctx::seeded(3);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            counts[ctx.below(3) as usize] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "{counts:?}");
        }
    }
}
