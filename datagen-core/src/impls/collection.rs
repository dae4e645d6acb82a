//! `Generate` for `Option`, `Vec`, arrays, maps, sets and smart pointers.
//!
//! Each element is generated in its own scope (keyed by its index), so nested entities in a
//! collection differ from one another and from the collection's other draws.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::Hash;
use std::rc::Rc;
use std::sync::Arc;

use crate::ctx::Ctx;
use crate::generate::Generate;

/// Probability that an `Option` without a `null_rate` is `None`.
pub const DEFAULT_NULL_RATE: f64 = 0.1;

/// The length range (inclusive) of a collection without a `len`.
pub const DEFAULT_LEN: (usize, usize) = (0, 4);

/// The scope component of element `i` of a collection: distinct from any name hash in practice.
#[inline]
pub const fn element(i: usize) -> u64 {
    0xe1e0_0000_0000_0000 ^ i as u64
}

/// Generates element `i` of a collection in its own scope.
#[inline]
pub fn element_at<T, F: FnOnce(&mut Ctx) -> T>(ctx: &mut Ctx, i: usize, f: F) -> T {
    let saved = ctx.__enter(element(i));
    let value = f(ctx);
    ctx.__leave(saved);
    value
}

fn default_len(ctx: &mut Ctx) -> usize {
    DEFAULT_LEN.0 + ctx.index(DEFAULT_LEN.1 - DEFAULT_LEN.0 + 1)
}

/// `None` with probability [`DEFAULT_NULL_RATE`].
impl<T: Generate> Generate for Option<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        if ctx.chance(DEFAULT_NULL_RATE) {
            None
        } else {
            Some(T::generate(ctx))
        }
    }
}

/// A length in [`DEFAULT_LEN`], then each element.
impl<T: Generate> Generate for Vec<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        let len = default_len(ctx);
        (0..len).map(|i| element_at(ctx, i, T::generate)).collect()
    }
}

/// A length in [`DEFAULT_LEN`], then each element.
impl<T: Generate> Generate for VecDeque<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        Vec::generate(ctx).into()
    }
}

/// Each element in turn.
impl<T: Generate, const N: usize> Generate for [T; N] {
    fn generate(ctx: &mut Ctx) -> Self {
        core::array::from_fn(|i| element_at(ctx, i, T::generate))
    }
}

/// Up to [`DEFAULT_LEN`] entries (fewer when keys repeat).
impl<K: Generate + Eq + Hash, V: Generate> Generate for HashMap<K, V> {
    fn generate(ctx: &mut Ctx) -> Self {
        let len = default_len(ctx);
        (0..len)
            .map(|i| element_at(ctx, i, <(K, V)>::generate))
            .collect()
    }
}

/// Up to [`DEFAULT_LEN`] entries (fewer when keys repeat).
impl<K: Generate + Ord, V: Generate> Generate for BTreeMap<K, V> {
    fn generate(ctx: &mut Ctx) -> Self {
        let len = default_len(ctx);
        (0..len)
            .map(|i| element_at(ctx, i, <(K, V)>::generate))
            .collect()
    }
}

/// Up to [`DEFAULT_LEN`] elements (fewer when they repeat).
impl<T: Generate + Eq + Hash> Generate for HashSet<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        Vec::<T>::generate(ctx).into_iter().collect()
    }
}

/// Up to [`DEFAULT_LEN`] elements (fewer when they repeat).
impl<T: Generate + Ord> Generate for BTreeSet<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        Vec::<T>::generate(ctx).into_iter().collect()
    }
}

/// The boxed value.
impl<T: Generate> Generate for Box<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        Box::new(T::generate(ctx))
    }
}

/// The shared value.
impl<T: Generate> Generate for Rc<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        Rc::new(T::generate(ctx))
    }
}

/// The shared value.
impl<T: Generate> Generate for Arc<T> {
    fn generate(ctx: &mut Ctx) -> Self {
        Arc::new(T::generate(ctx))
    }
}
