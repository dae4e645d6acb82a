#!/usr/bin/env bash
# W2 side by side: `datagen generate examples/w2.yaml --format jsonl` (1 and 2 threads) against
# fake-rs + serde_json (benches/w2_fake.rs, one thread), whole processes, run alternately (so a
# machine whose speed drifts treats all alike), median of RUNS (default 7; 5 to 11 is sensible).
# Each run writes N person records as JSON Lines to a fresh directory; MB/s counts the bytes
# written.
# Usage: benches/w2_compare.sh [N] [RUNS]   (N defaults to 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-7}
cargo build --release -p datagen-cli
cargo build --profile bench --bench w2_fake
target=${CARGO_TARGET_DIR:-target}
ours=$target/release/datagen
peer=$(ls -t "$target"/release/deps/w2_fake-* | grep -v '\.d$' | head -n 1)
work=$(mktemp -d "${TMPDIR:-/tmp}/w2_compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$runs" "$ours" "$peer" "$work" <<'PY'
import os, shutil, statistics, subprocess, sys, time

n, runs, ours, peer, work = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:6]
out_dir = os.path.join(work, "out")
out_file = os.path.join(work, "w2_fake.jsonl")


def datagen(threads):
    return [ours, "generate", "examples/w2.yaml", "--format", "jsonl", "--out", out_dir,
            "--threads", str(threads), "--rows", str(n)]


programs = {
    "datagen, 1 thread": datagen(1),
    "datagen, 2 threads": datagen(2),
    "fake-rs + serde_json": [peer, str(n), out_file],
}


def fresh():
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    if os.path.exists(out_file):
        os.remove(out_file)


def output():
    """The files the last run wrote."""
    files = [os.path.join(out_dir, f) for f in sorted(os.listdir(out_dir))]
    return files + ([out_file] if os.path.exists(out_file) else [])


def lines(paths):
    count = 0
    for path in paths:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                count += block.count(b"\n")
    return count


times = {name: [] for name in programs}
sizes = {}
for run in range(runs):
    for name, cmd in programs.items():
        fresh()
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
        files = output()
        sizes[name] = sum(os.path.getsize(p) for p in files)
        if run == 0:
            got = lines(files)
            if got != n:
                sys.exit(f"{name}: wrote {got} lines, expected {n}")
fresh()

peer_name = "fake-rs + serde_json"
peer_med = statistics.median(times[peer_name])
print(f"W2: N = {n:,} records, {runs} alternating runs, medians\n")
print("| program | median | min | records/s | output | MB/s | records/s vs fake-rs |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for name, ts in times.items():
    med = statistics.median(ts)
    mb = sizes[name] / 1e6
    print(f"| {name} | {med:.3f} s | {min(ts):.3f} s | {n / med:,.0f} | {mb:,.1f} MB "
          f"| {mb / med:,.1f} | {peer_med / med:.2f}x |")
PY
