"""Builds the en_US phone table: US area codes and the exchanges libphonenumber accepts in each.

Source: the `phonenumbers` PyPI package (Python port of Google's libphonenumber, Apache-2.0); its
US metadata decides which (area code, exchange) pairs are valid, its geocoding data names the
state of each area code.

Every number the table can produce is checked here: for each kept pair, three subscriber numbers
(0000, 5678, 9999) must all be valid, region US, type fixed-line or mobile. On top of
libphonenumber's rules the NANP's special exchange codes are left out: N11 (service codes), 555
(directory and fiction, see the safe mode below), 950, 958, 959 and 976.

Safe mode uses 555-0100 to 555-0199, reserved for fiction by the NANPA; the script asserts they are
valid in every kept area code.

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install phonenumbers
    .venv/bin/python scripts/extract_phone.py
"""

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType, geocoder

from _common import ranges, write_table

GOOD_TYPES = {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
SPECIAL_EXCHANGES = {n * 100 + 11 for n in range(2, 10)} | {555, 950, 958, 959, 976}


def number(area, exchange, subscriber):
    return PhoneNumber(country_code=1, national_number=area * 10_000_000 + exchange * 10_000 + subscriber)


def good(area, exchange, subscriber):
    n = number(area, exchange, subscriber)
    return (
        phonenumbers.is_valid_number(n)
        and phonenumbers.region_code_for_number(n) == "US"
        and phonenumbers.number_type(n) in GOOD_TYPES
    )



def main():
    rows = []
    for area in range(200, 1000):
        if area % 100 == 11:  # N11 is never an area code
            continue
        # Cheap filter first: an area code with no valid exchange at all is skipped.
        if not any(good(area, ex, 0) for ex in range(200, 1000)):
            continue
        exchanges = [
            ex
            for ex in range(200, 1000)
            if ex not in SPECIAL_EXCHANGES and all(good(area, ex, s) for s in (0, 5678, 9999))
        ]
        if not exchanges:
            continue
        for s in range(100, 200):
            assert phonenumbers.is_valid_number(number(area, 555, s)), (area, s)
        region = geocoder.description_for_number(number(area, exchanges[0], 0), "en") or "United States"
        rows.append((area, region, ranges(exchanges)))
    write_table(
        "en_US/phone_area.tsv",
        ["en_US phone numbers: US area codes (area<TAB>state<TAB>valid exchange ranges).",
         f"Source: libphonenumber metadata as shipped in the `phonenumbers` PyPI package {phonenumbers.__version__}",
         "(https://github.com/daviddrysdale/python-phonenumbers), geocoding data for the state.",
         "Licence: Apache-2.0.",
         "Kept: pairs where libphonenumber accepts the number as valid, region US, fixed-line or mobile;",
         "the NANP special exchanges N11, 555, 950, 958, 959 and 976 are left out.",
         "Built by scripts/extract_phone.py."],
        rows,
    )


if __name__ == "__main__":
    main()
