//! proptest strategies (feature `proptest`): `#[derive(Generate)]` types implement
//! [`Arbitrary`], so `any::<Customer>()` works, shrinking each
//! field toward its simplest value; [`from_generator`] and [`provider`] give strategies for
//! hand-built generators and providers.
//!
//! What a derived strategy shrinks: `range` toward its low end, `len` toward the shortest,
//! `null_rate` toward `None`, `one_of` toward the first choice, a bounded `regex` toward its
//! first (shortest) string, a field without a value source through its own `Arbitrary` when it
//! has one. Providers, `with` functions and distributions are drawn from a seed, which is not
//! shrunk; templates and lookups are computed from the shrunk fields. Generated values use
//! `Ctx::seeded(seed)` with the default population sizes.
//!
//! To see the seed of a failure, use [`seeded`]: its values print their seed, and
//! `Ctx::seeded(seed)` replays them. proptest's failure persistence replays a whole run.
//!
//! ```
//! use datagen::prelude::*;
//! use proptest::strategy::{Strategy, ValueTree};
//! use proptest::test_runner::TestRunner;
//!
//! #[derive(Generate, Debug)]
//! struct User {
//!     #[datagen(range = 18..=90)]
//!     age: u8,
//! }
//!
//! let mut runner = TestRunner::deterministic();
//! let user = datagen::proptest::any::<User>().new_tree(&mut runner).unwrap().current();
//! assert!((18..=90).contains(&user.age));
//! ```

use std::fmt;

use ::proptest::prelude::*;
use ::proptest::strategy::BoxedStrategy;
use datagen_core::{Ctx, Generator};

pub use ::proptest::arbitrary::any;

/// A strategy drawing a seed and generating from `Ctx::seeded(seed)` with `generator`. The seed
/// is not shrunk (a generator has no structure to shrink).
pub fn from_generator<T, G>(generator: G) -> BoxedStrategy<T>
where
    T: fmt::Debug + 'static,
    G: Generator<T> + Send + Sync + 'static,
{
    any::<u64>()
        .no_shrink()
        .prop_map(move |seed| generator.generate(&mut Ctx::seeded(seed)))
        .boxed()
}

/// A value with the seed it was generated from; its `Debug` shows the seed, so a failing case
/// prints what replays it.
#[derive(Clone, Debug, PartialEq)]
pub struct Seeded<T> {
    /// The seed: `Ctx::seeded(seed)` gives the value again.
    pub seed: u64,
    /// The value.
    pub value: T,
}

/// Like [`from_generator`], keeping the seed beside each value.
pub fn seeded<T, G>(generator: G) -> BoxedStrategy<Seeded<T>>
where
    T: fmt::Debug + 'static,
    G: Generator<T> + Send + Sync + 'static,
{
    any::<u64>()
        .no_shrink()
        .prop_map(move |seed| Seeded {
            seed,
            value: generator.generate(&mut Ctx::seeded(seed)),
        })
        .boxed()
}

/// A strategy of the provider called `name` (such as `person.first_name`), built-in or custom.
///
/// # Errors
/// [`datagen_core::Error`]-free: an unknown name is `Err` with the closest known name, if any.
pub fn provider(name: &str) -> Result<BoxedStrategy<String>, String> {
    let Some(info) = datagen_providers::find_any(name) else {
        return Err(match datagen_providers::suggest(name) {
            Some(close) => format!("unknown provider `{name}`; did you mean `{close}`"),
            None => format!("unknown provider `{name}`"),
        });
    };
    Ok(any::<u64>()
        .no_shrink()
        .prop_map(move |seed| {
            let mut out = String::new();
            info.write(&mut Ctx::seeded(seed), &mut out);
            out
        })
        .boxed())
}

/// What derived `Arbitrary` impls call. Not public API.
#[doc(hidden)]
pub mod derive {
    use core::marker::PhantomData;
    use core::ops::{Range, RangeInclusive};

    use super::*;
    pub use ::proptest::arbitrary::Arbitrary;
    pub use ::proptest::strategy::BoxedStrategy;
    use datagen_core::factory::Override;
    use datagen_core::regex::Regex;

    /// A value whose `Debug` shows nothing: lets any field type ride in a strategy.
    pub struct Shown<T>(pub T);

    impl<T> fmt::Debug for Shown<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("_")
        }
    }

    /// The strategy of one field: its override.
    pub type Elem<T> = BoxedStrategy<Shown<Override<T>>>;

    /// Sets one field of a factory.
    pub struct Setter<F>(Box<dyn FnOnce(&mut F) + Send>);

    impl<F> fmt::Debug for Setter<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("Setter")
        }
    }

    /// The strategy of a struct: a seed, then the setters applied to a fresh factory, then the
    /// value built from `Ctx::seeded(seed)`.
    pub fn derived<F: 'static, T: fmt::Debug + 'static>(
        setters: Vec<BoxedStrategy<Setter<F>>>,
        make: fn() -> F,
        build: fn(&F, &Ctx) -> T,
    ) -> BoxedStrategy<T> {
        (any::<u64>().no_shrink(), setters)
            .prop_map(move |(seed, setters)| {
                let mut factory = make();
                for setter in setters {
                    (setter.0)(&mut factory);
                }
                build(&factory, &Ctx::seeded(seed))
            })
            .boxed()
    }

    /// The strategy of an enum: a variant index (shrinking toward the first) and a seed.
    pub fn variants<T: fmt::Debug + 'static>(
        n: usize,
        build: fn(usize, u64) -> T,
    ) -> BoxedStrategy<T> {
        (0..n, any::<u64>().no_shrink())
            .prop_map(move |(variant, seed)| build(variant, seed))
            .boxed()
    }

    /// The setter strategy of a field.
    pub fn setter<F: 'static, T: 'static>(
        elem: Elem<T>,
        set: fn(&mut F, Override<T>),
    ) -> BoxedStrategy<Setter<F>> {
        elem.prop_map(move |Shown(value)| {
            Setter(Box::new(move |factory: &mut F| set(factory, value)))
        })
        .boxed()
    }

    /// An element computed from the context, not shrunk.
    pub fn from_ctx<T: 'static>(f: fn(&mut Ctx) -> T) -> Elem<T> {
        Just(())
            .prop_map(move |()| Shown(Override::from_fn(f)))
            .boxed()
    }

    /// `one_of`: an index in `0..n`, shrinking toward 0.
    pub fn index<T: 'static>(n: usize, item: fn(usize) -> T) -> Elem<T> {
        (0..n)
            .prop_map(move |i| Shown(Override::from_fn(move |_| item(i))))
            .boxed()
    }

    /// A bounded pattern: an index into its strings, shrinking toward `nth(0)`; `None` for a
    /// pattern with unbounded repetition.
    pub fn regex<T: 'static>(regex: &'static Regex, into: fn(String) -> T) -> Option<Elem<T>> {
        let count = regex.count()?;
        Some(
            (0..count)
                .prop_map(move |i| {
                    Shown(Override::from_fn(move |_| {
                        let mut out = String::new();
                        regex.nth(i, &mut out);
                        into(out)
                    }))
                })
                .boxed(),
        )
    }

    /// `len`: a collection of element strategies, shrinking toward the shortest.
    pub fn with_len<T: 'static>(lo: usize, hi: usize, elem: Elem<T>) -> Elem<Vec<T>> {
        ::proptest::collection::vec(elem, lo..=hi.max(lo))
            .prop_map(|elems| {
                let elems: Vec<Override<T>> = elems.into_iter().map(|e| e.0).collect();
                Shown(Override::from_fn(move |ctx| {
                    elems
                        .iter()
                        .enumerate()
                        .map(|(i, e)| {
                            datagen_core::private::element_at(ctx, i, |ctx| {
                                e.get(ctx).expect("element overrides are set")
                            })
                        })
                        .collect()
                }))
            })
            .boxed()
    }

    /// `null_rate`: a weighted coin, shrinking toward `None`.
    pub fn with_null<T: 'static>(rate: f64, elem: Elem<T>) -> Elem<Option<T>> {
        (
            ::proptest::bool::weighted((1.0 - rate).clamp(0.0, 1.0)),
            elem,
        )
            .prop_map(|(some, Shown(value))| {
                Shown(Override::from_fn(
                    move |ctx| if some { value.get(ctx) } else { None },
                ))
            })
            .boxed()
    }

    /// A range with a proptest strategy (integers, floats, chars).
    pub trait RangeStrategy<T> {
        /// The strategy, shrinking toward the low end.
        fn strategy(&self) -> BoxedStrategy<T>;
    }

    macro_rules! range_strategy {
        ($($t:ty),*) => {$(
            impl RangeStrategy<$t> for Range<$t> {
                fn strategy(&self) -> BoxedStrategy<$t> { self.clone().boxed() }
            }
            impl RangeStrategy<$t> for RangeInclusive<$t> {
                fn strategy(&self) -> BoxedStrategy<$t> { self.clone().boxed() }
            }
        )*};
    }
    range_strategy!(
        u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
    );

    impl RangeStrategy<char> for RangeInclusive<char> {
        fn strategy(&self) -> BoxedStrategy<char> {
            ::proptest::char::range(*self.start(), *self.end()).boxed()
        }
    }

    impl RangeStrategy<char> for Range<char> {
        fn strategy(&self) -> BoxedStrategy<char> {
            let end = char::from_u32(self.end as u32 - 1).unwrap_or(self.start);
            ::proptest::char::range(self.start, end).boxed()
        }
    }

    /// A `range` attribute, for autoref dispatch: [`ViaRange`] for ranges proptest can draw,
    /// [`NoRange`] (generated from the seed) for others such as chrono dates.
    pub struct RangeOf<T, R>(R, PhantomData<fn() -> T>);

    impl<T, R> RangeOf<T, R> {
        /// Wraps `range`.
        pub fn new(range: R) -> Self {
            RangeOf(range, PhantomData)
        }
    }

    /// See [`RangeOf`].
    pub trait ViaRange<T> {
        /// The element strategy.
        fn elem(&self) -> Option<Elem<T>>;
    }

    impl<T, R> ViaRange<T> for RangeOf<T, R>
    where
        T: Copy + Send + Sync + fmt::Debug + 'static,
        R: RangeStrategy<T>,
    {
        fn elem(&self) -> Option<Elem<T>> {
            Some(
                self.0
                    .strategy()
                    .prop_map(|v| Shown(Override::from_fn(move |_| v)))
                    .boxed(),
            )
        }
    }

    /// See [`RangeOf`].
    pub trait NoRange<T> {
        /// `None`.
        fn elem(&self) -> Option<Elem<T>>;
    }

    impl<T, R> NoRange<T> for &RangeOf<T, R> {
        fn elem(&self) -> Option<Elem<T>> {
            None
        }
    }

    /// A field type, for autoref dispatch: [`ViaArbitrary`] for types with `Arbitrary`,
    /// [`NoArbitrary`] (generated from the seed) for others.
    pub struct ArbOf<T>(PhantomData<fn() -> T>);

    impl<T> ArbOf<T> {
        /// The marker.
        pub fn new() -> Self {
            ArbOf(PhantomData)
        }
    }

    impl<T> Default for ArbOf<T> {
        fn default() -> Self {
            Self::new()
        }
    }

    /// See [`ArbOf`].
    pub trait ViaArbitrary<T> {
        /// The element strategy.
        fn elem(&self) -> Option<Elem<T>>;
    }

    impl<T: Arbitrary + Send + 'static> ViaArbitrary<T> for ArbOf<T> {
        fn elem(&self) -> Option<Elem<T>> {
            Some(any::<T>().prop_map(|v| Shown(Override::once(v))).boxed())
        }
    }

    /// See [`ArbOf`].
    pub trait NoArbitrary<T> {
        /// `None`.
        fn elem(&self) -> Option<Elem<T>>;
    }

    impl<T> NoArbitrary<T> for &ArbOf<T> {
        fn elem(&self) -> Option<Elem<T>> {
            None
        }
    }
}
