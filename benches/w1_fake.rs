//! Workload W1 through fake-rs's `#[derive(Dummy)]` with `SmallRng::seed_from_u64(42)`: the peer
//! the derive is compared against. A plain binary (not a harness) so the comparison times whole
//! processes: `cargo bench --bench w1_fake -- 1000000`, or see `benches/w1_compare.sh`.

#[path = "fake_fields.rs"]
mod fake_fields;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use fake::faker::address::en::{CityName, CountryName, StateName, ZipCode};
use fake::faker::chrono::en::DateTimeBetween;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::rand::SeedableRng;
use fake::rand::rngs::SmallRng;
use fake::{Dummy, Fake, Faker};
use fake_fields::{BirthDate, StreetLine, created_first, created_last};

#[derive(Dummy, Debug)]
struct Person {
    id: u64,
    #[dummy(faker = "FirstName()")]
    first_name: String,
    #[dummy(faker = "LastName()")]
    last_name: String,
    #[dummy(faker = "SafeEmail()")]
    email: String,
    #[dummy(faker = "PhoneNumber()")]
    phone: String,
    #[dummy(faker = "BirthDate")]
    birth_date: NaiveDate,
    #[dummy(faker = "StreetLine")]
    street: String,
    #[dummy(faker = "CityName()")]
    city: String,
    #[dummy(faker = "StateName()")]
    state: String,
    #[dummy(faker = "ZipCode()")]
    zip: String,
    #[dummy(faker = "CountryName()")]
    country: String,
    uuid: uuid::Uuid,
    #[dummy(faker = "DateTimeBetween(created_first(), created_last())")]
    created_at: DateTime<Utc>,
    #[dummy(faker = "0.0..100000.0")]
    balance: f64,
}

fn consume(p: &Person) -> u64 {
    let strings = [
        &p.first_name,
        &p.last_name,
        &p.email,
        &p.phone,
        &p.street,
        &p.city,
        &p.state,
        &p.zip,
        &p.country,
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
    // `cargo bench` passes `--bench`; the first numeric argument is N.
    let n: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let mut rng = SmallRng::seed_from_u64(42);
    let mut checksum = 0u64;
    for i in 0..n {
        let mut person: Person = Faker.fake_with_rng(&mut rng);
        person.id = i + 1;
        checksum = checksum.wrapping_add(consume(&person));
    }
    println!("records={n} checksum={checksum}");
}
