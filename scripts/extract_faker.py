"""Builds the en_US street suffix, e-mail domain and top-level domain tables from Python Faker.

Source: the `Faker` PyPI package (MIT, https://github.com/joke2k/faker): `street_suffixes` of its
en_US address provider (the USPS Publication 28 primary suffix names) and `free_email_domains` and
`tlds` of its internet provider.

Faker lists suffixes without weights, and drawing "Throughway" as often as "Street" reads badly;
so the suffixes get tiered weights here. The tiers are datagen's estimate of common usage, not a
measurement: tier 1 below is most US street names, tier 2 is common, the rest of the list rare.
Duplicates in Faker's tuples are merged (its `tlds` repeats `com` to weight it; we keep that as
the weight).

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install Faker
    .venv/bin/python scripts/extract_faker.py
"""

import collections

import faker
from faker.providers.address.en_US import Provider as Address
from faker.providers.internet import Provider as Internet

from _common import write_table

TIER_1 = {"Street": 300, "Avenue": 200, "Road": 150, "Drive": 150, "Lane": 100}
TIER_2 = {"Court", "Way", "Place", "Boulevard", "Circle", "Trail", "Parkway", "Terrace", "Loop",
          "Highway", "Pike", "Run", "Ridge", "Path", "Square", "Crossing", "Cove", "Point"}
SOURCE = [
    f"Source: Python Faker {faker.VERSION} (https://github.com/joke2k/faker).",
    "Licence: MIT.",
]


def counted(items):
    counts = collections.Counter(items)
    return [(item, counts[item]) for item in dict.fromkeys(items)]


def main():
    suffixes = []
    for suffix in dict.fromkeys(Address.street_suffixes):
        weight = TIER_1.get(suffix, 20 if suffix in TIER_2 else 1)
        suffixes.append((suffix, weight))
    suffixes.sort(key=lambda r: (-r[1], r[0]))
    write_table(
        "en_US/street_suffix.tsv",
        ["en_US street suffixes, the USPS primary names (suffix<TAB>weight).", *SOURCE,
         "Weight: datagen's tiered estimate of usage (Street 300 ... common 20, rare 1), not",
         "a measurement. Built by scripts/extract_faker.py."],
        suffixes,
    )
    write_table(
        "en_US/free_email_domain.tsv",
        ["en_US free e-mail domains (domain<TAB>weight).", *SOURCE,
         "Built by scripts/extract_faker.py."],
        counted(list(Internet.free_email_domains)),
    )
    write_table(
        "en_US/tld.tsv",
        ["en_US top-level domains for made-up domain names (tld<TAB>weight).", *SOURCE,
         "Weight: how often Faker's list repeats the TLD. Built by scripts/extract_faker.py."],
        counted(list(Internet.tlds)),
    )


if __name__ == "__main__":
    main()
