#!/usr/bin/env bash
# W1 side by side: datagen's derive against fake-rs's derive, whole processes, run alternately
# (so a machine whose speed drifts treats both alike), median of RUNS (default 7).
# Usage: benches/w1_compare.sh [N] [RUNS]   (N defaults to 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-7}
cargo build --release --example w1_person
cargo build --profile bench --bench w1_fake
target=${CARGO_TARGET_DIR:-target}
ours=$target/release/examples/w1_person
peer=$(ls -t "$target"/release/deps/w1_fake-* | grep -v '\.d$' | head -n 1)
echo "datagen: $($ours "$n")"
echo "fake-rs: $($peer "$n")"
python3 - "$n" "$runs" "$ours" "$peer" <<'PY'
import statistics, subprocess, sys, time
n, runs, ours, peer = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
times = {"datagen": [], "fake-rs": []}
for _ in range(runs):
    for name, cmd in (("datagen", ours), ("fake-rs", peer)):
        start = time.perf_counter()
        subprocess.run([cmd, str(n)], stdout=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
for name, ts in times.items():
    med = statistics.median(ts)
    print(f"{name:8} median {med:.3f} s  min {min(ts):.3f} s  {n / med:,.0f} records/s")
ratio = statistics.median(times["fake-rs"]) / statistics.median(times["datagen"])
print(f"datagen / fake-rs records/s ratio (medians): {ratio:.2f}x")
PY
