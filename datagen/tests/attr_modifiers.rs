//! Run-pass tests of the modifiers `null_rate`, `len` and `unique`.

use std::collections::HashSet;

use datagen::Error;
use datagen::prelude::*;

fn rows<T: Generate>(seed: u64, n: usize) -> Vec<T> {
    let mut ctx = Ctx::seeded(seed);
    (0..n).map(|_| T::generate(&mut ctx)).collect()
}

#[test]
fn attr_null_rate() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(null_rate = 0.25)]
        quarter: Option<u32>,
        #[datagen(null_rate = 0)]
        never: Option<u8>,
        #[datagen(null_rate = 1.0)]
        always: Option<String>,
        #[datagen(null_rate = 0.5, range = 1..=3)]
        ranged: Option<i64>,
        #[datagen(null_rate = 0.5, len = 2..=2, provider = "person.first_name")]
        names: Option<Vec<String>>,
    }
    let rows = rows::<Row>(1, 10_000);
    let nulls = rows.iter().filter(|r| r.quarter.is_none()).count();
    assert!((2_300..2_700).contains(&nulls), "{nulls}");
    assert!(rows.iter().all(|r| r.never.is_some() && r.always.is_none()));
    assert!(
        rows.iter()
            .all(|r| r.ranged.is_none_or(|v| (1..=3).contains(&v)))
    );
    assert!(
        rows.iter()
            .all(|r| r.names.as_ref().is_none_or(|n| n.len() == 2))
    );
}

#[test]
fn attr_len() {
    #[derive(Generate, Debug, PartialEq)]
    struct Item {
        #[datagen(range = 0..1_000_000)]
        sku: u32,
    }
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(len = 1..=3)]
        tags: Vec<String>,
        #[datagen(len = 4)]
        exactly: Vec<u8>,
        #[datagen(len = 0..2, range = 10..=20)]
        small: Vec<u16>,
        #[datagen(len = 3..=3)]
        items: Vec<Item>,
    }
    let rows = rows::<Row>(2, 3_000);
    for len in 1..=3 {
        let k = rows.iter().filter(|r| r.tags.len() == len).count();
        assert!((850..1_150).contains(&k), "{k} rows with {len} tags");
    }
    assert!(
        rows.iter()
            .all(|r| r.exactly.len() == 4 && r.small.len() < 2)
    );
    assert!(
        rows.iter()
            .flat_map(|r| &r.small)
            .all(|v| (10..=20).contains(v))
    );
    // Elements are generated in their own scopes: nested entities differ from one another.
    assert!(
        rows.iter()
            .all(|r| r.items[0] != r.items[1] && r.items[1] != r.items[2])
    );
}

#[derive(Generate, Debug)]
#[datagen(entity = "ticket")]
struct Ticket {
    #[datagen(unique)]
    serial: u16,
    #[datagen(unique, range = 100..=999)]
    seat: u32,
    #[datagen(unique, range = -50..50)]
    offset: i8,
    #[datagen(unique, regex = "[A-C][0-9]{2}")]
    code: String,
}

#[test]
fn attr_unique() {
    let ctx = Ctx::seeded(3).with_count::<Ticket>(100);
    assert_eq!(Ticket::check(&ctx), Ok(()));
    let tickets: Vec<Ticket> = (0..100).map(|i| Ticket::generate_at(&ctx, i)).collect();
    let distinct =
        |f: &dyn Fn(&Ticket) -> String| tickets.iter().map(f).collect::<HashSet<_>>().len();
    assert_eq!(distinct(&|t| t.serial.to_string()), 100);
    assert_eq!(distinct(&|t| t.seat.to_string()), 100);
    assert_eq!(distinct(&|t| t.offset.to_string()), 100);
    assert_eq!(distinct(&|t| t.code.clone()), 100);
    assert!(
        tickets
            .iter()
            .all(|t| (100..=999).contains(&t.seat) && (-50..50).contains(&t.offset))
    );
    assert!(tickets.iter().all(|t| t.code.len() == 3));
    // A permutation, not a counter.
    assert!(tickets.windows(2).any(|w| w[1].seat != w[0].seat + 1));
}

#[test]
fn attr_unique_one_of_permutes_the_items() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(unique, one_of = ["a", "b", "c", "d"])]
        letter: &'static str,
    }
    let ctx = Ctx::seeded(4).with_count::<Row>(4);
    assert_eq!(Row::check(&ctx), Ok(()));
    let mut letters: Vec<&str> = (0..4).map(|i| Row::generate_at(&ctx, i).letter).collect();
    letters.sort_unstable();
    assert_eq!(letters, ["a", "b", "c", "d"]);
}

#[test]
fn attr_unique_reports_a_small_domain() {
    let ctx = Ctx::seeded(5).with_count::<Ticket>(200);
    // `offset` holds 100 values, `code` 300 and `seat` 900: the first too small is reported.
    let Err(Error::DomainTooSmall {
        entity,
        field,
        domain,
        count,
    }) = Ticket::check(&ctx)
    else {
        panic!("expected a domain error");
    };
    assert_eq!(
        (entity.as_str(), field.as_str(), domain, count),
        ("ticket", "offset", 100, 200)
    );
    let message = Ticket::check(&ctx).expect_err("too small").to_string();
    assert!(
        message.contains("`offset`") && message.contains("100") && message.contains("200"),
        "{message}"
    );
}

#[test]
#[should_panic(expected = "field `offset` of `ticket` is unique over 100 values")]
fn attr_unique_panics_past_its_domain() {
    let ctx = Ctx::seeded(6).with_count::<Ticket>(200);
    let _ = Ticket::generate_at(&ctx, 150);
}
