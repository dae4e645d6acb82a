#!/usr/bin/env bash
# Databases side by side: generating N rows straight into a database with `datagen generate
# --to URL` against the database's own bulk loader reading the same rows from a ready file that
# datagen wrote beforehand (not timed):
#   PostgreSQL  datagen --to postgresql://...   vs  psql -c "\copy TABLE FROM 'TABLE.csv' CSV HEADER"
#   MariaDB     datagen --to mysql://...        vs  mariadb < TABLE.sql (multi-row INSERTs, 1000 a statement)
#   SQLite      datagen --to sqlite://FILE      vs  sqlite3 FILE ".import --csv --skip 1 TABLE.csv TABLE"
# Every run loads into a fresh database whose table datagen created empty beforehand (`--rows
# 0`, not timed), so both sides fill the same table (same types, same primary key). Runs
# alternate between the two sides; medians of RUNS. The first run checks that both sides loaded
# the same rows (PostgreSQL: an md5 over the whole table in id order; the others: row counts).
#
# Usage: benches/db_compare.sh [N] [RUNS] [ENTITY]
#   N defaults to 1,000,000 rows, RUNS to 5, ENTITY to `customer` of examples/retail.yaml.
# Servers: DATAGEN_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test) and
# DATAGEN_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test); a server that does not
# answer is skipped. The benchmark databases are created and dropped by the script.
# DATAGEN_BIN=path runs that binary instead of building target/release/datagen.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-5}
entity=${3:-customer}
bin=${DATAGEN_BIN:-}
if [ -z "$bin" ]; then
  nice -n 19 cargo build --release -p datagen-cli
  bin=${CARGO_TARGET_DIR:-target}/release/datagen
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/db_compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$runs" "$entity" "$bin" "$work" <<'PY'
import os, statistics, subprocess, sys, time

n, runs, entity, datagen, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], *sys.argv[4:6]
config = "examples/retail.yaml"
pg_url = os.environ.get("DATAGEN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
my_url = os.environ.get("DATAGEN_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test")
pg_server = pg_url.rsplit("/", 1)[0]
my_server = my_url.rsplit("/", 1)[0]
base = [datagen, "generate", config, "--entity", entity, "--progress", "none"]
rows = ["--rows", f"{entity}={n}"]
# The table alone, empty: every entity at 0 rows (refs need their targets to have rows or none).
empty = base + ["--rows", "0"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, **kw).stdout


def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start


def mysql_args(url):
    # mysql://user[:password]@host[:port]/db
    rest = url.split("://", 1)[1]
    auth, _, hostdb = rest.rpartition("@")
    host, _, db = hostdb.partition("/")
    host, _, port = host.partition(":")
    user, _, password = auth.partition(":")
    args = ["mariadb", "-h", host, "-P", port or "3306", "-u", user or "root"]
    if password:
        args.append(f"-p{password}")
    return args, db


def answers(cmd):
    try:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
        return True
    except (OSError, subprocess.SubprocessError):
        return False


# The ready files the reference loaders read (written once, not timed).
run(base + rows + ["--format", "csv", "--out", work])
run(base + rows + ["--format", "sql", "--sql-dialect", "mysql", "--out", work])
csv = os.path.join(work, f"{entity}.csv")
sql = os.path.join(work, f"{entity}.sql")
csv_mb = os.path.getsize(csv) / 1e6

results = {}


def pg():
    admin = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", f"{pg_server}/postgres"]
    if not answers(admin + ["-c", "SELECT 1"]):
        print(f"PostgreSQL at {pg_server} does not answer: skipped")
        return
    db = "datagen_bench_pg"
    url = f"{pg_server}/{db}"

    def fresh(create_table):
        run(admin + ["-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)", "-c", f"CREATE DATABASE {db}"])
        if create_table:
            run(empty + ["--to", url])

    def digest():
        q = f"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM {entity} t"
        return run(["psql", "-X", "-At", url, "-c", q]).strip()

    ours = ["datagen --to postgresql", base + rows + ["--to", url]]
    peer = ["psql \\copy (CSV)", ["psql", "-X", "-q", url, "-c", f"\\copy {entity} FROM '{csv}' WITH (FORMAT csv, HEADER true)"]]
    side(ours, peer, fresh, digest, "PostgreSQL")
    run(admin + ["-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"])


def my():
    client, _ = mysql_args(my_url)
    if not answers(client + ["-e", "SELECT 1"]):
        print(f"MariaDB/MySQL at {my_server} does not answer: skipped")
        return
    db = "datagen_bench_my"
    url = f"{my_server}/{db}"

    def fresh(create_table):
        run(client + ["-e", f"DROP DATABASE IF EXISTS {db}; CREATE DATABASE {db}"])
        if create_table:
            run(empty + ["--to", url])

    def digest():
        return run(client + [db, "-N", "-e", f"SELECT COUNT(*) FROM {entity}"]).strip()

    ours = ["datagen --to mysql", base + rows + ["--to", url]]
    # The SQL file starts with CREATE TABLE IF NOT EXISTS: the table datagen created stays.
    peer = ["mariadb < TABLE.sql", client + [db]]
    side(ours, peer, fresh, digest, "MariaDB", peer_stdin=sql)
    run(client + ["-e", f"DROP DATABASE IF EXISTS {db}"])


def lite():
    if not answers(["sqlite3", "-version"]):
        print("sqlite3 is not installed: SQLite skipped")
        return
    file = os.path.join(work, "bench.db")
    url = f"sqlite://{file}"

    def fresh(create_table):
        if os.path.exists(file):
            os.remove(file)
        if create_table:
            run(empty + ["--to", url])

    def digest():
        return run(["sqlite3", file, f"SELECT count(*) FROM {entity}"]).strip()

    ours = ["datagen --to sqlite", base + rows + ["--to", url]]
    peer = ["sqlite3 .import (CSV)", ["sqlite3", file, f".import --csv --skip 1 {csv} {entity}"]]
    side(ours, peer, fresh, digest, "SQLite")


def side(ours, peer, fresh, digest, name, peer_stdin=None):
    times = {ours[0]: [], peer[0]: []}
    for r in range(runs):
        fresh(False)
        times[ours[0]].append(timed(ours[1]))
        got_ours = digest() if r == 0 else None
        fresh(True)
        if peer_stdin:
            with open(peer_stdin, "rb") as f:
                times[peer[0]].append(timed(peer[1], stdin=f))
        else:
            times[peer[0]].append(timed(peer[1]))
        if r == 0:
            got_peer = digest()
            if got_ours != got_peer or not got_ours.startswith(str(n)):
                sys.exit(f"{name}: datagen loaded {got_ours!r}, the reference {got_peer!r}")
            print(f"{name}: both sides loaded the same rows ({got_ours})")
    fresh(False)
    results[name] = (ours[0], peer[0], times)


pg()
my()
lite()
print(f"\n{n:,} rows of `{entity}` ({config}), CSV {csv_mb:.0f} MB, {runs} alternating runs, medians\n")
print("| database | datagen straight in | reference from a ready file | datagen / reference |")
print("| --- | --- | --- | --- |")
for name, (o, p, times) in results.items():
    mo, mp = statistics.median(times[o]), statistics.median(times[p])
    print(f"| {name} | {o}: {mo:.2f} s (min {min(times[o]):.2f}, {n / mo / 1e3:.0f} k rows/s) "
          f"| {p}: {mp:.2f} s (min {min(times[p]):.2f}) | **{mo / mp:.2f}x** |")
PY
