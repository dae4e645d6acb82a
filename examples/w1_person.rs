//! Workload W1: generate N person records through `#[derive(Generate)]`, one thread, and print a
//! checksum of what was consumed (`cargo run --release --example w1_person -- 1000000`).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use datagen::prelude::*;

const BIRTH_FIRST: NaiveDate = NaiveDate::from_ymd_opt(1940, 1, 1).expect("a valid date");
const BIRTH_LAST: NaiveDate = NaiveDate::from_ymd_opt(2010, 12, 31).expect("a valid date");
const CREATED_FIRST: DateTime<Utc> =
    DateTime::from_timestamp(1_577_836_800, 0).expect("2020-01-01T00:00:00Z");
const CREATED_LAST: DateTime<Utc> =
    DateTime::from_timestamp(1_767_225_599, 0).expect("2025-12-31T23:59:59Z");

/// The W1 record. Word-list fields borrow from the providers' static pools.
#[derive(Generate, Debug)]
#[datagen(entity = "person")]
struct Person {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: &'static str,
    #[datagen(provider = "person.last_name")]
    last_name: &'static str,
    /// Coherent with the name, as a real address book is.
    #[datagen(template = "{first_name|lower}.{last_name|lower}@example.com")]
    email: String,
    #[datagen(provider = "phone.number")]
    phone: String,
    #[datagen(range = BIRTH_FIRST..=BIRTH_LAST)]
    birth_date: NaiveDate,
    #[datagen(provider = "address.street")]
    street: String,
    #[datagen(provider = "address.city")]
    city: &'static str,
    #[datagen(provider = "address.state")]
    state: &'static str,
    #[datagen(provider = "address.postcode")]
    zip: String,
    #[datagen(provider = "address.country")]
    country: &'static str,
    uuid: uuid::Uuid,
    #[datagen(range = CREATED_FIRST..=CREATED_LAST)]
    created_at: DateTime<Utc>,
    #[datagen(range = 0.0..100_000.0)]
    balance: f64,
}

/// Folds one record into the checksum the workload defines.
fn consume(p: &Person) -> u64 {
    let strings = [
        p.first_name,
        p.last_name,
        &p.email,
        &p.phone,
        &p.street,
        p.city,
        p.state,
        &p.zip,
        p.country,
    ];
    let lengths: usize = strings.iter().map(|s| s.len()).sum();
    lengths as u64
        + p.id
        + u64::from(p.uuid.as_bytes()[0])
        + p.balance as u64
        + p.birth_date.ordinal() as u64
        + u64::from(p.created_at.day())
}

fn main() {
    let n: u64 = match std::env::args().nth(1).map(|a| a.replace('_', "").parse()) {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("w1_person: the record count must be a whole number: {e}");
            std::process::exit(2);
        }
    };
    let mut ctx = Ctx::seeded(42);
    let mut checksum = 0u64;
    for _ in 0..n {
        let person = Person::generate(&mut ctx);
        checksum = checksum.wrapping_add(consume(&person));
    }
    println!("records={n} checksum={checksum}");
}
