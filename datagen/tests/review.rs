//! Regression tests from a review of the core and the derive.

use std::collections::HashSet;

use datagen::prelude::*;

/// A unique token over a domain past `u128` (16^32 = 2^128 strings) is unique, not a panic.
#[derive(Generate, Debug, Clone, PartialEq)]
struct Token {
    #[datagen(regex = "[0-9a-f]{32}", unique)]
    token: String,
    #[datagen(regex = "[A-Z]{30}|x", unique)]
    code: String,
}

#[test]
fn unique_regex_past_u128_is_unique() {
    let ctx = Ctx::seeded(1).with_count::<Token>(2000);
    assert!(Token::check(&ctx).is_ok());
    let mut tokens = HashSet::new();
    let mut codes = HashSet::new();
    for i in 0..2000 {
        let t = Token::generate_at(&ctx, i);
        assert_eq!(t.token.len(), 32);
        assert!(t.token.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(
            t.code == "x" || (t.code.len() == 30 && t.code.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert!(tokens.insert(t.token));
        assert!(codes.insert(t.code));
    }
}

/// The expansion must not be confused by user items shadowing prelude and datagen names, nor by
/// fields named like the expansion's locals.
mod hygiene {
    #![allow(dead_code, non_camel_case_types)]
    use datagen::Generate;

    struct Ctx;
    struct Option;
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct Result;
    struct String;
    struct Vec;
    struct Box;
    struct Into;
    struct Default;
    struct Clone;
    struct Fn;
    struct Send;
    struct Sync;
    trait Generator {}
    trait Entity {}

    fn status(ctx: &mut datagen::Ctx) -> std::string::String {
        ["a", "b"][ctx.index(2)].to_string()
    }

    #[derive(Generate, Debug)]
    pub(crate) struct Parent {
        #[datagen(key)]
        pub(crate) id: u64,
        #[datagen(range = 1..=9)]
        pub(crate) ctx: u8,
    }

    #[derive(Generate, Debug)]
    pub(crate) struct Shadowed {
        #[datagen(key)]
        pub(crate) row: u64,
        #[datagen(ref = Parent::id)]
        pub(crate) entity: u64,
        #[datagen(lookup = Parent::ctx, by = entity)]
        pub(crate) value: u8,
        #[datagen(range = 0..10)]
        pub(crate) ctx: u32,
        #[datagen(provider = "person.first_name")]
        pub(crate) out: std::string::String,
        #[datagen(template = "{out}-{ctx}-{row}")]
        pub(crate) saved: std::string::String,
        #[datagen(null_rate = 0.5)]
        pub(crate) f: std::option::Option<u8>,
        #[datagen(len = 1..=3)]
        pub(crate) __o: std::vec::Vec<u8>,
        #[datagen(regex = "[a-c]{3}", unique)]
        pub(crate) index: std::string::String,
        #[datagen(one_of = ["x", "y"], weights = [1, 2])]
        pub(crate) variant: std::string::String,
        #[datagen(with = status)]
        pub(crate) s: std::string::String,
        #[datagen(normal(mean = 1.0, std_dev = 2.0))]
        pub(crate) n: f64,
        pub(crate) nested: Parent,
        pub(crate) any: std::option::Option<std::string::String>,
    }

    #[derive(Generate, Debug)]
    pub(crate) enum Choice {
        A { ctx: u8, row: u8 },
        B(#[datagen(range = 0..3)] u8),
        C,
    }
}

#[test]
fn expansion_is_hygienic() {
    use hygiene::*;
    let ctx = Ctx::seeded(3)
        .with_count::<Parent>(5)
        .with_count::<Shadowed>(20);
    for i in 0..20 {
        let s = Shadowed::generate_at(&ctx, i);
        assert_eq!(s.row, i + 1);
        assert_eq!(s.value, Parent::generate_at(&ctx, s.entity - 1).ctx);
        assert_eq!(s.saved, format!("{}-{}-{}", s.out, s.ctx, s.row));
    }
    let _ = Choice::generate_at(&ctx, 0);
}

/// Generic entities: bounds on their parameters, nested generic values, factories.
#[derive(Generate, Debug, Clone, PartialEq)]
struct Pair<T: Clone, U>
where
    U: Clone,
{
    #[datagen(key)]
    id: u32,
    left: T,
    #[datagen(len = 2)]
    right: Vec<U>,
}

#[derive(Generate, Debug, Clone, PartialEq)]
enum Either<L, R> {
    Left(L),
    Right { value: R },
}

#[test]
fn generics_work() {
    let ctx = Ctx::seeded(4);
    let mut seq = Ctx::seeded(4);
    for i in 0..5 {
        let p = Pair::<u8, Either<u16, bool>>::generate(&mut seq);
        assert_eq!(p, Pair::<u8, Either<u16, bool>>::generate_at(&ctx, i));
        assert_eq!(p.id as u64, i + 1);
        assert_eq!(p.right.len(), 2);
    }
    let built = Pair::<u8, u8>::factory().left(7).build_at(&ctx, 0);
    assert_eq!(built.left, 7);
}

/// A self-referential lookup (an employee's manager's name) must not rebuild rows without end:
/// an accessor computes only the field it reads and the fields that one depends on.
#[derive(Generate, Debug, Clone)]
struct Employee {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    name: String,
    #[datagen(ref = Employee::id)]
    manager_id: u64,
    #[datagen(lookup = Employee::name, by = manager_id)]
    manager_name: String,
    #[datagen(template = "{name} (reports to {manager_name})")]
    title: String,
}

/// Two entities looking each other up.
#[derive(Generate, Debug, Clone)]
struct Team {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "address.city")]
    city: String,
    #[datagen(ref = Member::id)]
    lead_id: u64,
    #[datagen(lookup = Member::name, by = lead_id)]
    lead_name: String,
}

#[derive(Generate, Debug, Clone)]
struct Member {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    name: String,
    #[datagen(ref = Team::id)]
    team_id: u64,
    #[datagen(lookup = Team::city, by = team_id)]
    team_city: String,
}

#[test]
fn self_and_mutual_lookups_terminate() {
    let ctx = Ctx::seeded(1)
        .with_count::<Employee>(10)
        .with_count::<Team>(4)
        .with_count::<Member>(12);
    for i in 0..10 {
        let e = Employee::generate_at(&ctx, i);
        let boss = Employee::generate_at(&ctx, e.manager_id - 1);
        assert_eq!(e.manager_name, boss.name);
        assert_eq!(e.title, format!("{} (reports to {})", e.name, boss.name));
    }
    for i in 0..4 {
        let t = Team::generate_at(&ctx, i);
        assert_eq!(t.lead_name, Member::generate_at(&ctx, t.lead_id - 1).name);
        let m = Member::generate_at(&ctx, i);
        assert_eq!(m.team_city, Team::generate_at(&ctx, m.team_id - 1).city);
    }
}

/// `unique` over ranges at the type's bounds, signed and unsigned, and whole types.
#[derive(Generate, Debug, Clone)]
struct Bounds {
    #[datagen(range = (i64::MAX - 5)..=i64::MAX, unique)]
    top: i64,
    #[datagen(range = i64::MIN..(i64::MIN + 6), unique)]
    bottom: i64,
    #[datagen(range = -3..3, unique)]
    small: i8,
    #[datagen(range = 250..=255, unique)]
    byte: u8,
    #[datagen(range = (u128::MAX - 5)..=u128::MAX, unique)]
    wide: u128,
}

#[test]
fn unique_ranges_at_type_bounds() {
    let ctx = Ctx::seeded(9).with_count::<Bounds>(6);
    assert!(Bounds::check(&ctx).is_ok());
    let rows: Vec<Bounds> = (0..6).map(|i| Bounds::generate_at(&ctx, i)).collect();
    let sorted = |f: fn(&Bounds) -> i128| {
        let mut v: Vec<i128> = rows.iter().map(f).collect();
        v.sort_unstable();
        v
    };
    let max = i128::from(i64::MAX);
    let min = i128::from(i64::MIN);
    assert_eq!(
        sorted(|b| b.top.into()),
        (max - 5..=max).collect::<Vec<_>>()
    );
    assert_eq!(
        sorted(|b| b.bottom.into()),
        (min..min + 6).collect::<Vec<_>>()
    );
    assert_eq!(sorted(|b| b.small.into()), (-3..3).collect::<Vec<_>>());
    assert_eq!(sorted(|b| b.byte.into()), (250..=255).collect::<Vec<_>>());
    let mut wide: Vec<u128> = rows.iter().map(|b| b.wide).collect();
    wide.sort_unstable();
    assert_eq!(wide, (u128::MAX - 5..=u128::MAX).collect::<Vec<_>>());
    let ctx = ctx.with_count::<Whole>(256);
    let whole: HashSet<i8> = (0..256)
        .map(|i| Whole::generate_at(&ctx, i).whole)
        .collect();
    assert_eq!(whole.len(), 256);
}

#[derive(Generate, Debug, Clone)]
struct Whole {
    #[datagen(unique)]
    whole: i8,
}
