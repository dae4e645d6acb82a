//! The fake-rs field configurations the W1 person record shares between `w1_fake` and
//! `w2_fake` (each includes this file with `#[path]`), so both peers draw the same fields.

use chrono::{DateTime, NaiveDate, Utc};
use fake::faker::address::en::{StreetName, StreetSuffix};
use fake::{Dummy, Fake};

/// A street line "<building number> <street name> <suffix>", the W1 street field.
pub(crate) struct StreetLine;

impl Dummy<StreetLine> for String {
    fn dummy_with_rng<R: fake::RngExt + ?Sized>(_: &StreetLine, rng: &mut R) -> String {
        let number: u16 = (1..9999).fake_with_rng(rng);
        let name: String = StreetName().fake_with_rng(rng);
        let suffix: String = StreetSuffix().fake_with_rng(rng);
        format!("{number} {name} {suffix}")
    }
}

/// A birth date in [1940-01-01, 2010-12-31].
pub(crate) struct BirthDate;

impl Dummy<BirthDate> for NaiveDate {
    fn dummy_with_rng<R: fake::RngExt + ?Sized>(_: &BirthDate, rng: &mut R) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(1940, 1, 1).expect("a valid date");
        let days: i64 = (0..=25_933).fake_with_rng(rng);
        first + chrono::TimeDelta::days(days)
    }
}

/// The first `created_at` instant.
pub(crate) fn created_first() -> DateTime<Utc> {
    DateTime::from_timestamp(1_577_836_800, 0).expect("2020-01-01T00:00:00Z")
}

/// The last `created_at` instant.
pub(crate) fn created_last() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_225_599, 0).expect("2025-12-31T23:59:59Z")
}
