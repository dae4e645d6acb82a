#!/usr/bin/env bash
# W1 side by side: datagen's derive against fake-rs's derive, whole processes, median of 5 runs.
# Usage: benches/w1_compare.sh [N]   (default 1,000,000; needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
cargo build --release --example w1_person
cargo build --profile bench --bench w1_fake
target=${CARGO_TARGET_DIR:-target}
ours=$target/release/examples/w1_person
peer=$(ls -t "$target"/release/deps/w1_fake-* | grep -v '\.d$' | head -n 1)
echo "checksums: $($ours "$n") | $($peer "$n")"
hyperfine --warmup 1 --runs 5 --export-json "$target/w1.json" \
  -n datagen "$ours $n" -n fake-rs "$peer $n"
python3 - "$n" "$target/w1.json" <<'PY'
import json, sys
n = int(sys.argv[1])
runs = {r["command"]: r["median"] for r in json.load(open(sys.argv[2]))["results"]}
for name, median in runs.items():
    print(f"{name:8} median {median:.3f} s  {n / median:,.0f} records/s")
print(f"datagen / fake-rs records/s ratio: {runs['fake-rs'] / runs['datagen']:.2f}x")
PY
