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
