//! Micro-benchmarks of derived generation and the core's building blocks (divan):
//! `cargo bench --bench derive`.

use datagen::prelude::*;

fn main() {
    divan::main();
}

#[derive(Generate, Debug)]
#[datagen(entity = "customer")]
struct Customer {
    #[datagen(key)]
    id: u64,
    #[datagen(provider = "person.first_name")]
    first_name: &'static str,
    #[datagen(provider = "person.last_name")]
    last_name: &'static str,
    #[datagen(template = "{first_name}.{last_name}@example.com")]
    email: String,
    #[datagen(range = 18..=90)]
    age: u8,
    #[datagen(normal(mean = 100.0, std_dev = 15.0))]
    score: f64,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
    code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
    tier: &'static str,
    #[datagen(null_rate = 0.25)]
    nickname: Option<u32>,
    uid: uuid::Uuid,
}

/// One whole derived record per iteration.
#[divan::bench]
fn customer_generate(bencher: divan::Bencher<'_, '_>) {
    let mut ctx = Ctx::seeded(42);
    bencher.bench_local(|| Customer::generate(&mut ctx));
}

/// Random access: row `i` without the rows before it.
#[divan::bench]
fn customer_generate_at(bencher: divan::Bencher<'_, '_>) {
    let ctx = Ctx::seeded(42);
    let mut i = 0u64;
    bencher.bench_local(|| {
        i += 1;
        Customer::generate_at(&ctx, i)
    });
}

/// A bare ranged integer in a field scope: the per-field overhead of addressing.
#[divan::bench]
fn field_scope_range(bencher: divan::Bencher<'_, '_>) {
    let mut ctx = Ctx::seeded(42);
    bencher.bench_local(|| {
        let saved = ctx.__enter(7);
        let v: u8 = ctx.range(18..=90);
        ctx.__leave(saved);
        v
    });
}

/// A regex-shaped code.
#[divan::bench]
fn regex_code(bencher: divan::Bencher<'_, '_>) {
    let re = datagen::regex::Regex::new("[A-Z]{2}-[0-9]{6}").expect("a valid pattern");
    let mut ctx = Ctx::seeded(42);
    let mut out = String::with_capacity(16);
    bencher.bench_local(|| {
        out.clear();
        re.write(&mut ctx, &mut out);
        out.len()
    });
}
