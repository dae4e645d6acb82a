"""Builds the phone-number templates of the non-US locales from libphonenumber's metadata.

Source: the `phonenumbers` PyPI package (Python port of Google's libphonenumber, Apache-2.0).

For each locale's country and each of the types fixed-line and mobile, the script walks number
prefixes digit by digit under the type's national-number pattern: a prefix is kept as a block when
every sampled completion of it (all zeros, all nines and random ones) is valid under libphonenumber,
in the country, of that type; a prefix none of whose samples match is dropped; the others are split
further. Each block becomes a template in the national format ("030 ########": `#` is any digit),
taken from libphonenumber's own formatting and checked to be the same for every sample; when the
layout depends on the free digits the template is E.164 ("+4930########") instead. Fixed-line and
mobile numbers get half the weight each; within a type a block weighs as many numbers as it holds.

Safe mode: the numbers regulators reserve for drama, where libphonenumber accepts them: UK Ofcom's
drama ranges (the geographic ones; 07700 900xxx is not valid under libphonenumber, so it is not
used) and France's ARCEP fiction ranges (fixed-line; 06 39 98 is not valid under libphonenumber).

Run (re-runnable, a few minutes):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install phonenumbers
    /tmp/venv/bin/python scripts/extract_locale_phone.py
"""

import random
import re

import phonenumbers
from phonenumbers import PhoneNumberFormat as Fmt
from phonenumbers import PhoneNumberType as T

from _common import write_table

LOCALES = {"en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT",
           "pt_BR": "BR", "ja_JP": "JP", "zh_CN": "CN", "nl_NL": "NL"}
TYPES = {"fixed": (T.FIXED_LINE, T.FIXED_LINE_OR_MOBILE), "mobile": (T.MOBILE, T.FIXED_LINE_OR_MOBILE)}
SAMPLES = 24
# Prefixes longer than this are not split further: a block must be found by then.
MAX_PREFIX = 7
# Drama and fiction ranges (national format with `#` for the free digits).
SAFE = {
    "GB": ["020 7946 0###", "0113 496 0###", "0114 496 0###", "0115 496 0###", "0116 496 0###",
           "0117 496 0###", "0118 496 0###", "0121 496 0###", "0131 496 0###", "0141 496 0###",
           "0151 496 0###", "0161 496 0###", "0191 498 0###", "029 2018 0###", "07700 900###"],
    "FR": ["01 99 00 ## ##", "02 61 91 ## ##", "03 53 01 ## ##", "04 65 71 ## ##",
           "05 36 49 ## ##", "06 39 98 ## ##"],
}
SAFE_SOURCE = {
    "GB": "Ofcom's numbers reserved for TV and radio drama",
    "FR": "ARCEP's numbers reserved for fiction (numéros de fiction)",
}

rng = random.Random(20240601)


def completions(prefix, length):
    free = length - len(prefix)
    out = [prefix + "0" * free, prefix + "9" * free]
    out += [prefix + "".join(rng.choice("0123456789") for _ in range(free)) for _ in range(SAMPLES)]
    return out


def good(region, cc, nsn, types):
    n = phonenumbers.PhoneNumber(country_code=cc, national_number=int(nsn))
    if nsn.startswith("0"):
        # Italian numbers keep their leading zero (libphonenumber's italian_leading_zero).
        n.italian_leading_zero = True
        n.number_of_leading_zeros = len(nsn) - len(nsn.lstrip("0"))
    return (phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == region
            and phonenumbers.number_type(n) in types), n


def template(n, prefix, length):
    """The national-format template of block `prefix` + free digits, or None if it varies."""
    text = phonenumbers.format_number(n, Fmt.NATIONAL)
    free = length - len(prefix)
    out = list(text)
    seen = 0
    for i in range(len(out) - 1, -1, -1):
        if out[i].isdigit() and seen < free:
            out[i] = "#"
            seen += 1
    return "".join(out) if seen == free else None


def e164_template(cc, prefix, length):
    return f"+{cc}{prefix}" + "#" * (length - len(prefix))


def blocks(region, kind):
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    desc = meta.fixed_line if kind == "fixed" else meta.mobile
    pattern = re.compile(desc.national_number_pattern)
    cc = meta.country_code
    types = TYPES[kind]
    found = []

    def walk(prefix, length):
        samples = completions(prefix, length)
        matches = [s for s in samples if pattern.fullmatch(s)]
        if not matches and len(prefix) >= 2:
            return
        if len(matches) == len(samples) and len(prefix) >= 1:
            checks = [good(region, cc, s, types) for s in samples]
            if all(ok for ok, _ in checks):
                forms = {template(n, prefix, length) for _, n in checks}
                form = forms.pop() if len(forms) == 1 else None
                found.append((form or e164_template(cc, prefix, length), 10 ** (length - len(prefix))))
                return
        if len(prefix) >= MAX_PREFIX or length - len(prefix) <= 3:
            return
        for d in "0123456789":
            walk(prefix + d, length)

    for length in sorted(set(desc.possible_length) or set(meta.general_desc.possible_length)):
        walk("", length)
    return found


def safe_rows(region):
    rows = []
    cc = phonenumbers.country_code_for_region(region)
    for form in SAFE.get(region, []):
        ok_all = True
        for fill in ("0", "5", "9"):
            text = form.replace("#", fill)
            n = phonenumbers.parse(text, region)
            ok_all &= phonenumbers.is_valid_number(n) and \
                phonenumbers.format_number(n, Fmt.NATIONAL) == text
        if ok_all:
            rows.append((form, 1))
        else:
            print(f"  {region}: fiction range {form} is not valid under libphonenumber; left out")
    assert cc
    return rows


def main():
    for loc, region in LOCALES.items():
        rows = []
        for kind in TYPES:
            found = blocks(region, kind)
            total = sum(w for _, w in found)
            merged = {}
            for form, w in found:
                merged[form] = merged.get(form, 0) + w
            rows += [(form, max(1, round(w * 10**9 / total))) for form, w in merged.items()]
            print(f"{loc} {kind}: {len(merged)} templates")
        header = [f"{loc} phone numbers (template<TAB>weight): `#` is any digit.",
                  f"Source: libphonenumber metadata as shipped in the `phonenumbers` PyPI package "
                  f"{phonenumbers.__version__}",
                  "(https://github.com/daviddrysdale/python-phonenumbers). Licence: Apache-2.0.",
                  "Blocks where every sampled number is valid, in the country, fixed-line or mobile;",
                  "fixed-line and mobile weigh half each. Built by scripts/extract_locale_phone.py."]
        write_table(f"{loc}/phone.tsv", header, rows)
        safe = safe_rows(region)
        if safe:
            write_table(f"{loc}/phone_safe.tsv",
                        [f"{loc} phone numbers for safe mode (template<TAB>weight).",
                         f"Ranges: {SAFE_SOURCE[region]}; kept where libphonenumber",
                         f"{phonenumbers.__version__} accepts them (`phonenumbers` PyPI, Apache-2.0).",
                         "Built by scripts/extract_locale_phone.py."], safe)


if __name__ == "__main__":
    main()
