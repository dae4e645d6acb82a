//! The `Generator<T>` trait, mirroring `rand`'s `Distribution<T>`, and its adapters.

use core::marker::PhantomData;
use std::collections::HashSet;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use crate::ctx::Ctx;
use crate::error::Error;
use crate::generate::Generate;
pub use crate::uniform::{SampleRange, Uniform, UniformBounds};
use crate::weighted::WeightedIndex;

/// Something that yields values of `T` from a context.
///
/// Parameterised generators validate in their constructor and are infallible afterwards: build
/// them once, then draw. The trait is dyn-compatible, so a `Box<dyn Generator<T>>` works.
///
/// ```
/// use datagen_core::{Ctx, Generator, generator::Uniform};
/// let dice = Uniform::new(1..=6u8).expect("non-empty").map(|n| n * 10);
/// let mut ctx = Ctx::seeded(1);
/// let rolls: Vec<u8> = dice.iter(&mut ctx).take(3).collect();
/// assert!(rolls.iter().all(|r| r % 10 == 0 && (10..=60).contains(r)));
/// ```
pub trait Generator<T> {
    /// Draws one value.
    fn generate(&self, ctx: &mut Ctx) -> T;

    /// Maps each value through `f`.
    fn map<U, F: Fn(T) -> U>(self, f: F) -> Map<Self, F, T>
    where
        Self: Sized,
    {
        Map {
            inner: self,
            f,
            _t: PhantomData,
        }
    }

    /// Yields `None` with probability `null_rate`, else `Some` of a value.
    fn optional(self, null_rate: f64) -> Optional<Self>
    where
        Self: Sized,
    {
        Optional {
            inner: self,
            null_rate,
        }
    }

    /// Yields only values not yielded before by this adapter, retrying up to `max_attempts` times
    /// per value. Set-based: for bounded domains prefer `#[datagen(unique)]`, which is unique by
    /// construction and needs no memory.
    fn unique(self, max_attempts: u32) -> Unique<Self, T>
    where
        Self: Sized,
        T: Eq + Hash + Clone,
    {
        Unique {
            inner: self,
            max_attempts,
            seen: Arc::new(Mutex::new(HashSet::new())),
        }
    }

    /// An endless iterator of values drawn from `ctx`.
    fn iter<'a>(&'a self, ctx: &'a mut Ctx) -> Iter<'a, Self, T>
    where
        Self: Sized,
    {
        Iter {
            inner: self,
            ctx,
            _t: PhantomData,
        }
    }
}

impl<T, G: Generator<T> + ?Sized> Generator<T> for &G {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        (**self).generate(ctx)
    }
}

impl<T, G: Generator<T> + ?Sized> Generator<T> for Box<G> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        (**self).generate(ctx)
    }
}

impl<T, G: Generator<T> + ?Sized> Generator<T> for Arc<G> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        (**self).generate(ctx)
    }
}

/// A function or closure over the context as a generator; see [`from_fn`].
#[derive(Clone, Copy, Debug)]
pub struct FromFn<F>(F);

/// Wraps `f`, any user code drawing from the context, as a generator.
pub fn from_fn<T, F: Fn(&mut Ctx) -> T>(f: F) -> FromFn<F> {
    FromFn(f)
}

impl<T, F: Fn(&mut Ctx) -> T> Generator<T> for FromFn<F> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        (self.0)(ctx)
    }
}

/// The generator of a type's [`Generate`] impl; see [`of`].
#[derive(Debug)]
pub struct Of<T>(PhantomData<fn() -> T>);

impl<T> Clone for Of<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Of<T> {}

/// The generator of `T`'s default values, for use with adapters: `of::<u8>().map(..)`.
pub fn of<T: Generate>() -> Of<T> {
    Of(PhantomData)
}

impl<T: Generate> Generator<T> for Of<T> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        T::generate(ctx)
    }
}

/// See [`Generator::map`].
#[derive(Clone, Debug)]
pub struct Map<G, F, T> {
    inner: G,
    f: F,
    _t: PhantomData<fn() -> T>,
}

impl<T, U, G: Generator<T>, F: Fn(T) -> U> Generator<U> for Map<G, F, T> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> U {
        (self.f)(self.inner.generate(ctx))
    }
}

/// See [`Generator::optional`].
#[derive(Clone, Debug)]
pub struct Optional<G> {
    inner: G,
    null_rate: f64,
}

impl<T, G: Generator<T>> Generator<Option<T>> for Optional<G> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> Option<T> {
        if ctx.chance(self.null_rate) {
            None
        } else {
            Some(self.inner.generate(ctx))
        }
    }
}

/// See [`Generator::unique`]. Clones share the set of values already yielded.
#[derive(Debug)]
pub struct Unique<G, T> {
    inner: G,
    max_attempts: u32,
    seen: Arc<Mutex<HashSet<T>>>,
}

impl<G: Clone, T> Clone for Unique<G, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            max_attempts: self.max_attempts,
            seen: Arc::clone(&self.seen),
        }
    }
}

impl<T: Eq + Hash + Clone, G: Generator<T>> Unique<G, T> {
    /// Draws a value not yielded before, or says the domain looks exhausted.
    pub fn try_generate(&self, ctx: &mut Ctx) -> Result<T, Error> {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for _ in 0..self.max_attempts {
            let value = self.inner.generate(ctx);
            if seen.insert(value.clone()) {
                return Ok(value);
            }
        }
        Err(Error::UniqueExhausted {
            attempts: self.max_attempts,
        })
    }
}

impl<T: Eq + Hash + Clone, G: Generator<T>> Generator<T> for Unique<G, T> {
    /// # Panics
    /// When no new value is found in `max_attempts` draws; use [`Unique::try_generate`] to get
    /// the error instead.
    fn generate(&self, ctx: &mut Ctx) -> T {
        match self.try_generate(ctx) {
            Ok(value) => value,
            Err(e) => panic!("{e}"),
        }
    }
}

/// See [`Generator::iter`].
#[derive(Debug)]
pub struct Iter<'a, G, T> {
    inner: &'a G,
    ctx: &'a mut Ctx,
    _t: PhantomData<fn() -> T>,
}

impl<T, G: Generator<T>> Iterator for Iter<'_, G, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        Some(self.inner.generate(self.ctx))
    }
}

/// One of a fixed list of values, uniformly; see [`one_of`].
#[derive(Clone, Debug)]
pub struct OneOf<T> {
    items: Vec<T>,
}

/// A generator picking uniformly among `items`.
///
/// # Errors
/// If `items` is empty.
pub fn one_of<T: Clone>(items: impl Into<Vec<T>>) -> Result<OneOf<T>, Error> {
    let items = items.into();
    if items.is_empty() {
        return Err(Error::Invalid {
            what: "one_of",
            why: "no items to pick from".into(),
        });
    }
    Ok(OneOf { items })
}

impl<T: Clone> Generator<T> for OneOf<T> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        self.items[ctx.index(self.items.len())].clone()
    }
}

/// One of a fixed list of values with weights; see [`weighted`].
#[derive(Clone, Debug)]
pub struct Weighted<T> {
    items: Vec<T>,
    index: WeightedIndex,
}

/// A generator picking among `(value, weight)` pairs in proportion to the weights.
///
/// # Errors
/// If there are no pairs, or the weights are all zero.
pub fn weighted<T: Clone>(pairs: impl IntoIterator<Item = (T, u64)>) -> Result<Weighted<T>, Error> {
    let (items, weights): (Vec<T>, Vec<u64>) = pairs.into_iter().unzip();
    let index = WeightedIndex::new(&weights)?;
    Ok(Weighted { items, index })
}

impl<T: Clone> Generator<T> for Weighted<T> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        self.items[self.index.sample(ctx)].clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generator::Uniform;

    #[test]
    fn adapters_compose() {
        let mut ctx = Ctx::seeded(5);
        let g = Uniform::new(1..=3u32)
            .expect("non-empty")
            .map(|x| x * 2)
            .optional(0.5);
        let values: Vec<Option<u32>> = g.iter(&mut ctx).take(1000).collect();
        let nones = values.iter().filter(|v| v.is_none()).count();
        assert!((400..600).contains(&nones), "{nones}");
        assert!(values.iter().flatten().all(|v| [2, 4, 6].contains(v)));
    }

    #[test]
    fn unique_never_repeats_and_reports_exhaustion() {
        let mut ctx = Ctx::seeded(6);
        let g = Uniform::new(0..10u32).expect("non-empty").unique(1000);
        let mut got: Vec<u32> = (0..10).map(|_| g.generate(&mut ctx)).collect();
        got.sort_unstable();
        assert_eq!(got, (0..10).collect::<Vec<_>>());
        assert!(matches!(
            g.try_generate(&mut ctx),
            Err(Error::UniqueExhausted { .. })
        ));
    }

    #[test]
    fn dyn_generators_work() {
        let boxed: Box<dyn Generator<u8>> = Box::new(Uniform::new(1..=2u8).expect("non-empty"));
        let mut ctx = Ctx::seeded(7);
        assert!((1..=2).contains(&boxed.generate(&mut ctx)));
        assert!(one_of(Vec::<u8>::new()).is_err());
        assert!(weighted([("a", 0)]).is_err());
        let w = weighted([("a", 0), ("b", 1)]).expect("one non-zero weight");
        assert!((0..100).all(|_| w.generate(&mut ctx) == "b"));
    }
}
