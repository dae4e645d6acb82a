//! Workload W2 through fake-rs's `#[derive(Dummy)]` with `SmallRng::seed_from_u64(42)` and
//! `serde_json`: the W1 person record written as JSON Lines to a file through a 1 MiB
//! `BufWriter`. The peer `datagen generate examples/w2.yaml --format jsonl` is compared against.
//! A plain binary (not a harness) so the comparison times whole processes:
//! `cargo bench --bench w2_fake -- 1000000 person.jsonl`, or see `benches/w2_compare.sh`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[path = "fake_fields.rs"]
mod fake_fields;

use chrono::{DateTime, NaiveDate, Utc};
use fake::faker::address::en::{CityName, CountryName, StateName, ZipCode};
use fake::faker::chrono::en::DateTimeBetween;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::rand::SeedableRng;
use fake::rand::rngs::SmallRng;
use fake::uuid::UUIDv4;
use fake::{Dummy, Fake, Faker};
use fake_fields::{BirthDate, StreetLine, created_first, created_last};
use serde::{Serialize, Serializer};

/// `"YYYY-MM-DD"`.
fn iso_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

/// RFC 3339 in UTC with `Z` and whole seconds: `"YYYY-MM-DDTHH:MM:SSZ"`.
fn rfc3339_seconds<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format("%Y-%m-%dT%H:%M:%SZ"))
}

/// The lowercase hyphenated form.
fn hyphenated<S: Serializer>(u: &uuid::Uuid, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&u.hyphenated())
}

/// The W1 record; serialized in field order, as W2 asks. `created_at` is whole minutes:
/// fake-rs's `DateTimeBetween` draws minutes.
#[derive(Dummy, Serialize, Debug)]
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
    #[serde(serialize_with = "iso_date")]
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
    #[dummy(faker = "UUIDv4")]
    #[serde(serialize_with = "hyphenated")]
    uuid: uuid::Uuid,
    #[dummy(faker = "DateTimeBetween(created_first(), created_last())")]
    #[serde(serialize_with = "rfc3339_seconds")]
    created_at: DateTime<Utc>,
    #[dummy(faker = "0.0..100000.0")]
    balance: f64,
}

fn run(n: u64, path: &str) -> std::io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut rng = SmallRng::seed_from_u64(42);
    for i in 0..n {
        let mut person: Person = Faker.fake_with_rng(&mut rng);
        person.id = i + 1;
        serde_json::to_writer(&mut out, &person)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(out.get_ref().metadata()?.len())
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`: the arguments not starting with `--` are N and OUT_PATH.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (n, path) = match args.as_slice() {
        [n, path] => match n.replace('_', "").parse::<u64>() {
            Ok(n) => (n, path.as_str()),
            Err(e) => {
                eprintln!("w2_fake: N must be a whole number: {e}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: w2_fake N OUT_PATH");
            return ExitCode::from(2);
        }
    };
    match run(n, path) {
        Ok(bytes) => {
            println!("records={n} bytes={bytes}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("w2_fake: could not write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
