//! Instances per second of a JSON Schema generator (divan), for an event with nested objects and
//! arrays: `cargo bench -p datagen-schema --bench jsonschema`.

use datagen_core::Ctx;
use datagen_schema::jsonschema::JsonSchema;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The event schema of the tests: a UUID, an enum, a timestamp, a nested user and 1 to 5 items.
const EVENT: &str = include_str!("../tests/data/jsonschema/event.json");

/// Writes one event as a JSON line into a reused buffer, as the JSONL encoder does.
#[divan::bench(sample_count = 500, sample_size = 200)]
fn event_to_jsonl(bencher: Bencher<'_, '_>) {
    let schema: serde_json::Value = serde_json::from_str(EVENT).expect("the event schema is JSON");
    let schema = JsonSchema::compile(&schema).expect("the event schema compiles");
    let mut ctx = Ctx::seeded(1);
    let mut row = 0u64;
    let mut out = String::with_capacity(1024);
    bencher.bench_local(|| {
        out.clear();
        ctx.__seek(0x5eed, row);
        row += 1;
        schema.write(&mut ctx, &mut out);
        out.push('\n');
        black_box(out.len())
    });
}

/// Compiles the event schema.
#[divan::bench]
fn compile_event(bencher: Bencher<'_, '_>) {
    let schema: serde_json::Value = serde_json::from_str(EVENT).expect("the event schema is JSON");
    bencher.bench_local(|| black_box(JsonSchema::compile(&schema).expect("compiles")));
}
