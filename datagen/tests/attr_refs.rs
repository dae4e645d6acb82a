//! Run-pass tests of `ref`, `lookup` and `by`: references between entities with no lookup tables.

use std::collections::HashSet;

use datagen::prelude::*;

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "account")]
struct Account {
    #[datagen(key)]
    id: u32,
    #[datagen(regex = "[a-z]{8}")]
    handle: String,
    #[datagen(range = 0..=9)]
    tier: u8,
}

#[derive(Generate, Debug)]
struct Login {
    #[datagen(ref = Account::id)]
    account_id: u32,
    #[datagen(lookup = Account::handle, by = account_id)]
    handle: String,
    #[datagen(lookup = Account::tier, by = account_id)]
    tier: u8,
    // A ref to a non-key field recomputes that field of a random row.
    #[datagen(ref = Account::handle)]
    some_handle: String,
    #[datagen(ref = Account::id, null_rate = 0.5)]
    referrer: Option<u32>,
    #[datagen(ref = Account::id, len = 2..=2)]
    friends: Vec<u32>,
}

#[test]
fn attr_ref() {
    let mut ctx = Ctx::seeded(1).with_count::<Account>(20);
    let logins: Vec<Login> = (0..2_000).map(|_| Login::generate(&mut ctx)).collect();
    let ids: HashSet<u32> = logins.iter().map(|l| l.account_id).collect();
    assert_eq!(ids, (1..=20).collect());
    let handles: HashSet<String> = (0..20)
        .map(|i| Account::generate_at(&ctx, i).handle)
        .collect();
    for login in &logins {
        assert!(handles.contains(&login.some_handle));
        assert!(login.referrer.is_none_or(|id| (1..=20).contains(&id)));
        assert!(login.friends.len() == 2 && login.friends.iter().all(|id| (1..=20).contains(id)));
    }
    let nulls = logins.iter().filter(|l| l.referrer.is_none()).count();
    assert!((800..1_200).contains(&nulls), "{nulls}");
    // The population size is the context's: a smaller one narrows the refs.
    let mut small = Ctx::seeded(1).with_count::<Account>(3);
    assert!((0..300).all(|_| Login::generate(&mut small).account_id <= 3));
}

#[test]
fn attr_lookup() {
    let mut ctx = Ctx::seeded(2).with_count::<Account>(50);
    for _ in 0..300 {
        let login = Login::generate(&mut ctx);
        let account = Account::generate_at(&ctx, u64::from(login.account_id) - 1);
        assert_eq!(account.id, login.account_id);
        assert_eq!((&login.handle, login.tier), (&account.handle, account.tier));
    }
}

#[test]
#[should_panic(expected = "has no rows to reference")]
fn attr_ref_needs_rows() {
    let mut ctx = Ctx::seeded(3).with_count::<Account>(0);
    let _ = Login::generate(&mut ctx);
}
