#!/usr/bin/env bash
# Derive compile time: a crate with N structs of 10 attributed fields each, built with
# `#[derive(Generate)]` and, beside it, with fake-rs's `#[derive(Dummy)]`; times the rebuild of
# the crate alone (dependencies already built), median of 5. Usage: benches/derive_compile.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
root=$(pwd)
work=${CARGO_TARGET_DIR:-$root/target}/derive-compile
mkdir -p "$work/ours/src" "$work/peer/src"
cat > "$work/ours/Cargo.toml" <<TOML
[package]
name = "derive-compile-ours"
version = "0.0.0"
edition = "2024"
publish = false
[dependencies]
datagen = { path = "$root/datagen" }
uuid = "1"
[workspace]
TOML
cat > "$work/peer/Cargo.toml" <<TOML
[package]
name = "derive-compile-peer"
version = "0.0.0"
edition = "2024"
publish = false
[dependencies]
fake = { version = "5.1.0", features = ["derive", "uuid"] }
uuid = "1"
[workspace]
TOML
{
  echo '#![allow(dead_code)]'
  echo 'use datagen::prelude::*;'
  for i in $(seq 1 "$n"); do
    cat <<RS
#[derive(Generate, Debug)]
struct S$i {
    #[datagen(key)] id: u64,
    #[datagen(provider = "person.first_name")] first: String,
    #[datagen(provider = "person.last_name")] last: String,
    #[datagen(template = "{first}.{last}@example.com")] email: String,
    #[datagen(range = 18..=90)] age: u8,
    #[datagen(normal(mean = 100.0, std_dev = 15.0))] score: f64,
    #[datagen(regex = "[A-Z]{2}-[0-9]{6}")] code: String,
    #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])] tier: String,
    #[datagen(null_rate = 0.25)] nick: Option<String>,
    uid: uuid::Uuid,
}
RS
  done
} > "$work/ours/src/lib.rs"
{
  echo '#![allow(dead_code)]'
  echo 'use fake::{Dummy, faker::name::en::{FirstName, LastName}, faker::internet::en::SafeEmail};'
  for i in $(seq 1 "$n"); do
    cat <<RS
#[derive(Dummy, Debug)]
struct S$i {
    id: u64,
    #[dummy(faker = "FirstName()")] first: String,
    #[dummy(faker = "LastName()")] last: String,
    #[dummy(faker = "SafeEmail()")] email: String,
    #[dummy(faker = "18..=90")] age: u8,
    #[dummy(faker = "0.0..200.0")] score: f64,
    #[dummy(faker = "2")] code: String,
    #[dummy(faker = "3")] tier: String,
    nick: Option<String>,
    uid: uuid::Uuid,
}
RS
  done
} > "$work/peer/src/lib.rs"
(cd "$work/ours" && cargo build -q)
(cd "$work/peer" && cargo build -q)
hyperfine --runs 5 \
  -n "datagen derive, $n structs" --prepare "touch $work/ours/src/lib.rs" "cd $work/ours && cargo build -q" \
  -n "fake-rs derive, $n structs" --prepare "touch $work/peer/src/lib.rs" "cd $work/peer && cargo build -q"
