#!/usr/bin/env bash
# W3 side by side: TPC-H scale factor 1 (all eight tables) by `datagen generate
# examples/tpch.yaml` against tpchgen-cli, as tbl, csv and parquet (each side's default
# compression), with 1 and 2 threads; whole processes, run alternately, median of RUNS (default
# 3). lineitem rows/s = 6,001,215 / wall seconds for the whole data set (a throughput index).
# tpchgen-cli is taken from PATH, or installed from crates.io under the cargo target directory.
# Needs about 2.5 GB free in TMPDIR (one data set of each side at a time).
# Usage: benches/w3_compare.sh [RUNS] [FORMATS]   (FORMATS defaults to "tbl csv parquet")
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
formats=${2:-tbl csv parquet}
cargo build --release -p datagen-cli
target=${CARGO_TARGET_DIR:-target}
ours=$target/release/datagen
if command -v tpchgen-cli >/dev/null; then
    peer=$(command -v tpchgen-cli)
else
    peer=$target/tpchgen/bin/tpchgen-cli
    if [ ! -x "$peer" ]; then
        cargo install tpchgen-cli --locked --root "$target/tpchgen"
    fi
fi
echo "peer: $("$peer" --version)"
work=$(mktemp -d "${TMPDIR:-/tmp}/w3_compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$runs" "$ours" "$peer" "$work" "$formats" <<'PY'
import os, shutil, statistics, subprocess, sys, time

runs, ours, peer, work, formats = int(sys.argv[1]), *sys.argv[2:5], sys.argv[5].split()
LINEITEM = 6_001_215
out = os.path.join(work, "out")

# tpchgen-cli 4 takes the format as a subcommand (`tpchgen-cli csv -s 1 ...`); earlier
# versions as `--format`.
help_text = subprocess.run([peer, "--help"], capture_output=True, text=True).stdout
subcommands = any(line.split()[:1] == ["parquet"] for line in help_text.splitlines())


def datagen(fmt, threads):
    return [ours, "generate", "examples/tpch.yaml", "--format", fmt, "--out", out,
            "--threads", str(threads)]


def tpchgen(fmt, threads):
    common = ["--scale-factor", "1", "--num-threads", str(threads), "--output-dir", out]
    return [peer, fmt, *common] if subcommands else [peer, "--format", fmt, *common]


def run(cmd):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    took = time.perf_counter() - start
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    return took, size


print(f"W3: TPC-H SF1, all eight tables, {runs} alternating runs, medians\n")
print("| format | threads | datagen | tpchgen-cli | datagen lineitem rows/s "
      "| tpchgen-cli lineitem rows/s | datagen output | tpchgen-cli output "
      "| rows/s datagen / tpchgen-cli |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for fmt in formats:
    for threads in (1, 2):
        sides = {"datagen": datagen(fmt, threads), "tpchgen-cli": tpchgen(fmt, threads)}
        times = {name: [] for name in sides}
        sizes = {}
        for _ in range(runs):
            for name, cmd in sides.items():
                took, sizes[name] = run(cmd)
                times[name].append(took)
        med = {name: statistics.median(ts) for name, ts in times.items()}
        ours_s, peer_s = med["datagen"], med["tpchgen-cli"]
        print(f"| {fmt} | {threads} | {ours_s:.2f} s | {peer_s:.2f} s "
              f"| {LINEITEM / ours_s:,.0f} | {LINEITEM / peer_s:,.0f} "
              f"| {sizes['datagen'] / 1e6:,.0f} MB | {sizes['tpchgen-cli'] / 1e6:,.0f} MB "
              f"| {peer_s / ours_s:.2f}x |", flush=True)
shutil.rmtree(out, ignore_errors=True)
PY
