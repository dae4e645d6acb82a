//! `Ctx`: the generation context (seed, `now`, locale, population sizes) and the current random stream.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use crate::generate::Entity;
use crate::keys::KeyCache;
use crate::locale::Locale;
use crate::seed::{Stream, child_key, derive_key, name_hash, root_key, row_mask};

/// What every context of a run shares; cloned only when a builder method changes it.
#[derive(Clone, Debug)]
struct Shared {
    seed: u64,
    root: u64,
    now: DateTime<Utc>,
    locale: Locale,
    safe: bool,
    /// Population sizes by entity key, set with [`Ctx::with_count`]; few entries, so a vector.
    counts: Vec<(u64, u64)>,
}

/// Where in the address space (entity, row, field path) the context is drawing from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scope {
    /// Key of (seed, entity, field path), independent of the row: keys unique permutations.
    path: u64,
    row: u64,
    /// `row_mask(row)`, computed once per row.
    mask: u64,
    in_row: bool,
}

/// The state to give back to [`Ctx::__leave`] when a field scope ([`Ctx::__enter`]) ends: only
/// what entering changes, since this runs once per field per row.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
#[must_use = "give it back to `Ctx::__leave`"]
pub struct Saved {
    path: u64,
    stream: Stream,
}

/// The state to give back to [`Ctx::__leave`] when a row scope ([`Ctx::__begin_row`]) ends.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
#[must_use = "give it back to `Ctx::__leave`"]
pub struct SavedRow {
    scope: Scope,
    stream: Stream,
}

/// A scope's saved state, which [`Ctx::__leave`] restores.
#[doc(hidden)]
pub trait Restore {
    /// Puts the context back as it was before the scope began.
    fn restore(self, ctx: &mut Ctx);
}

impl Restore for Saved {
    #[inline]
    fn restore(self, ctx: &mut Ctx) {
        ctx.scope.path = self.path;
        ctx.stream = self.stream;
    }
}

impl Restore for SavedRow {
    #[inline]
    fn restore(self, ctx: &mut Ctx) {
        ctx.scope = self.scope;
        ctx.stream = self.stream;
    }
}

/// The generation context: the run's seed and settings, and the random stream in use.
///
/// Every value is a pure function of (seed, entity, row index, field name path): a context carries
/// the seed and moves through that address space as types are generated. `Ctx` implements
/// [`rand_core::Rng`], so any `rand` or `rand_distr` sampler can draw from it.
///
/// ```
/// use datagen_core::Ctx;
/// let mut a = Ctx::seeded(7);
/// let mut b = Ctx::seeded(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[derive(Clone, Debug)]
pub struct Ctx {
    shared: Arc<Shared>,
    /// Per entity key, for [`crate::Generate::generate`] at the top level: the next row index
    /// and the entity's path key (row-independent, so computed once).
    counters: Vec<Counter>,
    /// Field path keys of derived types, computed once per (type, parent path); see
    /// [`Ctx::__field_keys`].
    keys: KeyCache,
    scope: Scope,
    stream: Stream,
}

/// An entity's next top-level row and its path key.
#[derive(Clone, Copy, Debug)]
struct Counter {
    entity: u64,
    next: u64,
    path: u64,
}

/// The key of the stream a context draws from outside any entity row.
const ROOT_STREAM: u64 = name_hash("#root");

impl Ctx {
    /// The population size assumed for an entity whose count was not set with [`Ctx::with_count`].
    pub const DEFAULT_COUNT: u64 = 1000;

    /// A context for `seed`, with `now` fixed at 2025-01-01T00:00:00Z and the `en_US` locale.
    pub fn seeded(seed: u64) -> Self {
        let root = root_key(seed);
        let now = Utc
            .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
            .single()
            .expect("2025-01-01T00:00:00Z is a valid, unambiguous UTC instant");
        let shared = Shared {
            seed,
            root,
            now,
            locale: Locale::EnUs,
            safe: false,
            counts: Vec::new(),
        };
        let scope = Scope {
            path: root,
            row: 0,
            mask: row_mask(0),
            in_row: false,
        };
        Self {
            shared: Arc::new(shared),
            counters: Vec::new(),
            keys: KeyCache::default(),
            scope,
            stream: Stream::new(derive_key(root, ROOT_STREAM)),
        }
    }

    /// Sets the population size of entity `T`: the rows that references to `T` draw from.
    pub fn with_count<T: Entity + ?Sized>(self, count: u64) -> Self {
        self.with_key_count(T::KEY, count)
    }

    /// Sets the population size of the entity named `entity`.
    pub fn with_entity_count(self, entity: &str, count: u64) -> Self {
        self.with_key_count(name_hash(entity), count)
    }

    /// Sets the population size of the entity whose name hashes to `key`.
    fn with_key_count(mut self, key: u64, count: u64) -> Self {
        let counts = &mut Arc::make_mut(&mut self.shared).counts;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = count,
            None => counts.push((key, count)),
        }
        self
    }

    /// Fixes the instant that time values are relative to (never the wall clock).
    pub fn with_now(mut self, now: DateTime<Utc>) -> Self {
        Arc::make_mut(&mut self.shared).now = now;
        self
    }

    /// Sets the locale providers draw their data from.
    pub fn with_locale(mut self, locale: Locale) -> Self {
        Arc::make_mut(&mut self.shared).locale = locale;
        self
    }

    /// Turns safe mode on: providers yield only values that cannot reach a real person
    /// (reserved domains, fictional phone ranges, documentation IPs, test card numbers).
    pub fn safe(self) -> Self {
        self.with_safe(true)
    }

    /// Sets safe mode on or off; see [`Ctx::safe`].
    pub fn with_safe(mut self, safe: bool) -> Self {
        Arc::make_mut(&mut self.shared).safe = safe;
        self
    }

    /// The run seed.
    pub fn seed(&self) -> u64 {
        self.shared.seed
    }

    /// The fixed instant time values are relative to.
    pub fn now(&self) -> DateTime<Utc> {
        self.shared.now
    }

    /// The locale in use.
    pub fn locale(&self) -> Locale {
        self.shared.locale
    }

    /// Whether safe mode is on.
    pub fn is_safe(&self) -> bool {
        self.shared.safe
    }

    /// The population size of entity `T` ([`Ctx::DEFAULT_COUNT`] unless set).
    pub fn count_of<T: Entity + ?Sized>(&self) -> u64 {
        self.entity_count(T::KEY)
    }

    /// The population size of the entity whose name hashes to `key`.
    #[doc(hidden)]
    pub fn entity_count(&self, key: u64) -> u64 {
        self.shared
            .counts
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(Self::DEFAULT_COUNT, |e| e.1)
    }

    /// The next 64 random bits of the current stream.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.stream.next_u64()
    }

    /// The next 32 random bits of the current stream.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        (self.stream.next_u64() >> 32) as u32
    }

    // ---- Address-space moves; the derive's output and container impls call these. ----

    /// Whether the context is inside an entity row (so a derived type is a nested value).
    #[doc(hidden)]
    #[inline]
    pub fn __in_row(&self) -> bool {
        self.scope.in_row
    }

    /// The row index being generated.
    #[doc(hidden)]
    #[inline]
    pub fn __row(&self) -> u64 {
        self.scope.row
    }

    /// The key of the current (seed, entity, field path), independent of the row.
    #[doc(hidden)]
    #[inline]
    pub fn __path_key(&self) -> u64 {
        self.scope.path
    }

    /// Takes the next top-level row of an entity: its index and the entity's path key.
    #[inline]
    fn next_counter(&mut self, entity: u64) -> (u64, u64) {
        match self.counters.iter_mut().find(|c| c.entity == entity) {
            Some(counter) => {
                counter.next += 1;
                (counter.next - 1, counter.path)
            }
            None => {
                let path = derive_key(self.shared.root, entity);
                self.counters.push(Counter {
                    entity,
                    next: 1,
                    path,
                });
                (0, path)
            }
        }
    }

    /// Takes the next top-level row of the entity whose name hashes to `entity` (rows count
    /// from 0 per entity and context) and enters it, as [`Ctx::__begin_row`] does, with the
    /// entity's path key computed once per context rather than once per row.
    #[doc(hidden)]
    #[inline]
    pub fn __begin_next_row(&mut self, entity: u64) -> SavedRow {
        let (row, path) = self.next_counter(entity);
        self.begin_row_at(path, row)
    }

    /// Enters row `row` of the entity whose name hashes to `entity`.
    #[doc(hidden)]
    #[inline]
    pub fn __begin_row(&mut self, entity: u64, row: u64) -> SavedRow {
        let path = derive_key(self.shared.root, entity);
        self.begin_row_at(path, row)
    }

    /// Enters row `row` of the entity whose path key is `path`.
    #[inline]
    fn begin_row_at(&mut self, path: u64, row: u64) -> SavedRow {
        let saved = SavedRow {
            scope: self.scope,
            stream: self.stream,
        };
        let mask = row_mask(row);
        self.scope = Scope {
            path,
            row,
            mask,
            in_row: true,
        };
        self.stream = Stream::new(path ^ mask);
        saved
    }

    /// Enters a child of the current path (a field name hash, or an element index) and starts
    /// that child's stream for the current row.
    #[doc(hidden)]
    #[inline]
    pub fn __enter(&mut self, component: u64) -> Saved {
        let saved = Saved {
            path: self.scope.path,
            stream: self.stream,
        };
        let path = child_key(self.scope.path, component);
        self.scope.path = path;
        self.stream = Stream::new(path ^ self.scope.mask);
        saved
    }

    /// The path keys of a derived type's fields under the current path, `child_key(path,
    /// hash)` for each of `hashes` (the type's static list of field name hashes), from a cache:
    /// they do not depend on the row. Give each to [`Ctx::__move_to`].
    #[doc(hidden)]
    #[inline]
    pub fn __field_keys<const K: usize>(&mut self, hashes: &'static [u64; K]) -> [u64; K] {
        self.keys.get(hashes, self.scope.path)
    }

    /// The current path and stream, for [`Ctx::__leave`] after a run of [`Ctx::__move_to`].
    #[doc(hidden)]
    #[inline]
    pub fn __save(&self) -> Saved {
        Saved {
            path: self.scope.path,
            stream: self.stream,
        }
    }

    /// Moves to the sibling or child path `path` of the same row and starts its stream, without
    /// saving where the context was: a derived type's build moves from field to field this way
    /// (each field's key comes from [`Ctx::__field_keys`], so no field reads the path another
    /// left) and restores its own scope once at the end.
    #[doc(hidden)]
    #[inline]
    pub fn __move_to(&mut self, path: u64) {
        self.scope.path = path;
        self.stream = Stream::new(path ^ self.scope.mask);
    }

    /// The key of `entity`'s row-independent path under this context's seed: the parent of its
    /// fields' paths (`seed::child_key(entity_path, name_hash(field))`).
    #[doc(hidden)]
    #[inline]
    pub fn __entity_path(&self, entity: u64) -> u64 {
        derive_key(self.shared.root, entity)
    }

    /// Moves to row `row` of the field path `path` (from [`Ctx::__entity_path`] and
    /// `seed::child_key`) and starts its stream: the state `__begin_row` then `__enter` reach,
    /// in one step, for engines that generate a column at a time.
    #[doc(hidden)]
    #[inline]
    pub fn __seek(&mut self, path: u64, row: u64) {
        self.__seek_masked(path, row, row_mask(row));
    }

    /// [`Ctx::__seek`] with the row's mask (`seed::row_mask(row)`) already computed: engines that
    /// fill many columns over the same rows compute each row's mask once.
    #[doc(hidden)]
    #[inline]
    pub fn __seek_masked(&mut self, path: u64, row: u64, mask: u64) {
        debug_assert_eq!(mask, row_mask(row), "the mask of another row");
        self.scope = Scope {
            path,
            row,
            mask,
            in_row: true,
        };
        self.stream = Stream::new(path ^ mask);
    }

    /// Leaves a scope entered with [`Ctx::__enter`] or [`Ctx::__begin_row`].
    #[doc(hidden)]
    #[inline]
    pub fn __leave(&mut self, saved: impl Restore) {
        saved.restore(self);
    }

    /// A context sharing this one's settings, positioned at row `row` of `entity`, with fresh
    /// top-level counters: what `generate_at` works in.
    #[doc(hidden)]
    pub fn __fork_row(&self, entity: u64, row: u64) -> Ctx {
        let mut ctx = Ctx {
            shared: Arc::clone(&self.shared),
            counters: Vec::new(),
            keys: KeyCache::single_row(),
            scope: self.scope,
            stream: self.stream,
        };
        let _outer = ctx.__begin_row(entity, row);
        ctx
    }
}

impl rand_core::TryRng for Ctx {
    type Error = core::convert::Infallible;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.next_u32())
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.next_u64())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dst.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}
