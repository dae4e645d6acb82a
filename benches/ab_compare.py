#!/usr/bin/env python3
"""Side by side timing of two or more builds of one program: whole processes run alternately
(A, B, A, B, ...) so a machine whose speed drifts treats all alike; prints the median and minimum
of wall time and of CPU time (user + system) for each.

Usage: benches/ab_compare.py RUNS ARG BINARY [BINARY ...]
  e.g. benches/ab_compare.py 21 1000000 /tmp/w1_before target/release/examples/w1_person

Each binary is run as `BINARY ARG` with its output discarded. Copy a build aside before
rebuilding to compare it with the next one. On a shared virtual machine, medians move by 10 to 40%
in slow phases; compare builds within one run of this script, never across runs.
"""

import os
import statistics
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        runs = int(sys.argv[1])
    except ValueError:
        print(f"ab_compare: RUNS must be a whole number, not {sys.argv[1]!r}", file=sys.stderr)
        return 2
    arg, binaries = sys.argv[2], sys.argv[3:]
    for binary in binaries:
        if not os.access(binary, os.X_OK):
            print(f"ab_compare: {binary} is not an executable file", file=sys.stderr)
            return 2
    wall = {b: [] for b in binaries}
    cpu = {b: [] for b in binaries}
    for _ in range(runs):
        for binary in binaries:
            start = time.perf_counter()
            child = subprocess.Popen([binary, arg], stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall[binary].append(time.perf_counter() - start)
            cpu[binary].append(usage.ru_utime + usage.ru_stime)
            if status != 0:
                print(f"ab_compare: {binary} {arg} failed ({status})", file=sys.stderr)
                return 1
    for binary in binaries:
        w, c = wall[binary], cpu[binary]
        print(
            f"{binary}: wall median {statistics.median(w):.4f} s min {min(w):.4f} s, "
            f"cpu median {statistics.median(c):.4f} s min {min(c):.4f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
