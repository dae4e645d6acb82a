//! One field's override in a derived factory (`Customer::factory().age(33)`): a function of the
//! context that replaces the field's own value source.

use std::fmt;
use std::sync::{Arc, Mutex};

use crate::ctx::Ctx;

/// The value a factory gives one field instead of generating it: nothing (the field is
/// generated as usual), a fixed value, a sequence over the row index, or any function of the
/// context (drawing from the field's own stream).
pub struct Override<T>(Option<Arc<OverrideFn<T>>>);

/// The function an [`Override`] computes its value with.
type OverrideFn<T> = dyn Fn(&mut Ctx) -> T + Send + Sync;

impl<T> Override<T> {
    /// No override: the field is generated from its attributes.
    pub const fn unset() -> Self {
        Override(None)
    }

    /// The same value for every row.
    pub fn value(value: T) -> Self
    where
        T: Clone + Send + Sync + 'static,
    {
        Self::from_fn(move |_| value.clone())
    }

    /// `f(row)`, where `row` is the row index of the entity (0, 1, 2, ...).
    pub fn sequence(f: impl Fn(u64) -> T + Send + Sync + 'static) -> Self {
        Self::from_fn(move |ctx| f(ctx.__row()))
    }

    /// `f(ctx)`, with `ctx` in the field's scope: draws are keyed by (seed, entity, row, field).
    pub fn from_fn(f: impl Fn(&mut Ctx) -> T + Send + Sync + 'static) -> Self {
        Override(Some(Arc::new(f)))
    }

    /// A value used by one build only; a second build panics. For values built fresh for
    /// each build (proptest strategies), whatever their type.
    #[doc(hidden)]
    pub fn once(value: T) -> Self
    where
        T: Send + 'static,
    {
        let cell = Mutex::new(Some(value));
        Self::from_fn(move |_| {
            cell.lock()
                .ok()
                .and_then(|mut slot| slot.take())
                .expect("an `Override::once` value is built once, by the strategy that made it")
        })
    }

    /// Whether the field is overridden.
    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }

    /// The override's value, computed in the context's current scope; `None` when unset.
    #[inline]
    pub fn get(&self, ctx: &mut Ctx) -> Option<T> {
        self.0.as_ref().map(|f| f(ctx))
    }

    /// The override's value for the current row, computed in the scope of the field whose name
    /// hashes to `field`; `None` when unset.
    #[inline]
    pub fn get_in(&self, ctx: &mut Ctx, field: u64) -> Option<T> {
        let f = self.0.as_ref()?;
        Some(crate::private::field(ctx, field, |ctx| f(ctx)))
    }
}

impl<T> Clone for Override<T> {
    fn clone(&self) -> Self {
        Override(self.0.clone())
    }
}

impl<T> Default for Override<T> {
    fn default() -> Self {
        Self::unset()
    }
}

impl<T> fmt::Debug for Override<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.is_set() {
            "Override(set)"
        } else {
            "Override(unset)"
        })
    }
}

/// The row a `key` value belongs to (key `k` is row `k - 1`), for a factory whose `ref` field is
/// set: its lookups then read the row the key names.
pub trait KeyRow {
    /// The row of key `self`, if it is a key (at least 1).
    fn key_row(&self) -> Option<u64>;
}

/// A `key` field's value, for autoref dispatch: integers give their row ([`ViaKeyRow`]), other
/// types (already an error at the `key` attribute) none ([`NoKeyRow`]).
#[derive(Debug)]
pub struct KeyOf<'a, T>(pub &'a T);

/// See [`KeyOf`].
pub trait ViaKeyRow {
    /// The row of the key.
    fn key_row(&self) -> Option<u64>;
}

impl<T: KeyRow> ViaKeyRow for KeyOf<'_, T> {
    #[inline]
    fn key_row(&self) -> Option<u64> {
        self.0.key_row()
    }
}

/// See [`KeyOf`].
pub trait NoKeyRow {
    /// `None`.
    fn key_row(&self) -> Option<u64>;
}

impl<T> NoKeyRow for &KeyOf<'_, T> {
    fn key_row(&self) -> Option<u64> {
        None
    }
}

macro_rules! key_row {
    ($($t:ty),*) => {$(
        impl KeyRow for $t {
            #[inline]
            fn key_row(&self) -> Option<u64> {
                u64::try_from(*self).ok()?.checked_sub(1)
            }
        }
    )*};
}
key_row!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::name_hash;

    #[test]
    fn overrides_compute_in_the_field_scope() {
        let mut ctx = Ctx::seeded(1);
        let unset = Override::<u8>::unset();
        assert_eq!(unset.get_in(&mut ctx, name_hash("a")), None);
        let seq = Override::sequence(|row| row * 10);
        let saved = ctx.__begin_row(name_hash("e"), 4);
        assert_eq!(seq.get_in(&mut ctx, name_hash("a")), Some(40));
        ctx.__leave(saved);
        let once = Override::once(String::from("x"));
        assert_eq!(once.get_in(&mut ctx, 0).as_deref(), Some("x"));
        assert_eq!(3u64.key_row(), Some(2));
        assert_eq!(0u64.key_row(), None);
        assert_eq!((-1i32).key_row(), None);
    }
}
