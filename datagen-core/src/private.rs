//! Support for the derive's expansion. Not public API: names and signatures change freely.

pub use std::sync::LazyLock;

pub use crate::dist::FromF64;
pub use crate::impls::element_at;
pub use crate::permute::Permutation;
pub use crate::seed::name_hash;
pub use crate::weighted::pick_cumulative;

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

/// A `Vec` whose length is drawn from `lo..=hi`, each element in its own scope.
#[inline]
pub fn vec_len<T>(ctx: &mut Ctx, lo: usize, hi: usize, mut f: impl FnMut(&mut Ctx) -> T) -> Vec<T> {
    let len = lo + ctx.index(hi - lo + 1);
    (0..len).map(|i| element_at(ctx, i, &mut f)).collect()
}

/// `None` with probability `null_rate`, else `Some(f(ctx))`.
#[inline]
pub fn option<T>(ctx: &mut Ctx, null_rate: f64, f: impl FnOnce(&mut Ctx) -> T) -> Option<T> {
    if ctx.chance(null_rate) { None } else { Some(f(ctx)) }
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
    Error::DomainTooSmall { entity: entity.to_string(), field: field.to_string(), domain, count }
}

/// Checks a `unique` field's domain against the entity's population size.
///
/// # Errors
/// If the domain is smaller than the count.
pub fn check_domain(ctx: &Ctx, entity: &str, field: &str, domain: u128) -> Result<(), Error> {
    let count = ctx.entity_count(name_hash(entity));
    if u128::from(count) > domain { Err(domain_error(entity, field, domain, count)) } else { Ok(()) }
}

/// Picks a row of the entity named `entity` uniformly, for a `ref` field.
///
/// # Panics
/// When the entity's population size is zero.
#[inline]
pub fn pick_row(ctx: &mut Ctx, entity: &str) -> u64 {
    let count = ctx.entity_count(name_hash(entity));
    assert!(count > 0, "entity `{entity}` has no rows to reference; give it a count with `Ctx::with_count`");
    ctx.below(count)
}

/// An integer type a `key` field can have: row `r` has key `r + 1`.
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
from_key!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// A uniform value in a `range = a..b` / `a..=b` attribute's range. Ranges are not
/// `Generator`s (their `Iterator::map` would clash with `Generator::map`): call this instead.
#[inline]
pub fn range<T, R: crate::uniform::SampleRange<T>>(ctx: &mut Ctx, range: R) -> T {
    range.sample(ctx)
}
