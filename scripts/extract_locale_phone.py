"""Builds the phone-number templates of the non-US locales from libphonenumber's metadata.

Source: the `phonenumbers` PyPI package (Python port of Google's libphonenumber, Apache-2.0).

For each locale's country and each of the types fixed-line and mobile, the script walks number
prefixes digit by digit. A prefix of a given length is kept as a block when *every* completion of
it is valid under libphonenumber, in the country, of that type: decided exactly by running the
metadata's regular expressions as automata over all completions at once (the completion must match
the general and the type's pattern, and none of the patterns libphonenumber checks first, such as
premium-rate or toll-free); a prefix with no such completion is dropped; the others are split
further. Every block is then also checked with `phonenumbers.is_valid_number` on sampled numbers, and
split further when a sample fails (rules beyond the patterns, such as lengths). Each block becomes a template in the national format ("030 ########": `#` is any digit),
taken from libphonenumber's own formatting and checked to be the same for every sample; when the
layout depends on the free digits the template is E.164 ("+4930########") instead. Fixed-line and
mobile numbers get half the weight each; within a type a block weighs as many numbers as it holds.

Safe mode: the numbers regulators reserve for drama, where libphonenumber accepts them: UK Ofcom's
drama ranges (the geographic ones; 07700 900xxx is not valid under libphonenumber, so it is not
used) and France's ARCEP fiction ranges (fixed-line; 06 39 98 is not valid under libphonenumber).

Run (re-runnable, a few minutes):
    python3 -m venv .venv && .venv/bin/pip install phonenumbers
    .venv/bin/python scripts/extract_locale_phone.py
"""

import random
import re
try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse

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
# National numbers longer than this are left out: German fixed lines may run to 15 digits with
# extensions, and weighting blocks by the numbers they hold would make those most of the draws.
MAX_LENGTH = 11
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
DIGITS = "0123456789"


class Nfa:
    """A Thompson automaton over the digits for one of libphonenumber's national-number patterns,
    which use only digits, classes, groups, alternation and counted repeats."""

    def __init__(self, pattern):
        self.eps = []
        self.moves = []
        start = self.state()
        end = self.build(sre_parse.parse(pattern), start)
        self.start = self.closure({start})
        self.accept = end
        self.cache = {}

    def state(self):
        self.eps.append([])
        self.moves.append([])
        return len(self.eps) - 1

    def build(self, items, start):
        cur = start
        for op, arg in items:
            cur = self.item(op, arg, cur)
        return cur

    def item(self, op, arg, cur):
        name = str(op)
        if name == "LITERAL":
            nxt = self.state()
            self.moves[cur].append((chr(arg), nxt))
            return nxt
        if name == "IN":
            chars = set()
            for kind, val in arg:
                kind = str(kind)
                if kind == "LITERAL":
                    chars.add(chr(val))
                elif kind == "RANGE":
                    chars.update(chr(c) for c in range(val[0], val[1] + 1))
                elif kind == "CATEGORY" and str(val) == "CATEGORY_DIGIT":
                    chars.update(DIGITS)
                elif kind == "NEGATE":
                    raise ValueError("negated class")
                else:
                    raise ValueError(kind)
            nxt = self.state()
            for c in chars & set(DIGITS):
                self.moves[cur].append((c, nxt))
            return nxt
        if name == "SUBPATTERN":
            return self.build(arg[-1], cur)
        if name == "BRANCH":
            end = self.state()
            for alt in arg[1]:
                s = self.state()
                self.eps[cur].append(s)
                self.eps[self.build(alt, s)].append(end)
            return end
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, sub = arg
            if high == sre_parse.MAXREPEAT:
                raise ValueError("unbounded repeat")
            ends = []
            for i in range(high):
                if i >= low:
                    ends.append(cur)
                cur = self.build(sub, cur)
            end = self.state()
            for e in ends + [cur]:
                self.eps[e].append(end)
            return end
        raise ValueError(name)

    def closure(self, states):
        stack = list(states)
        seen = set(states)
        while stack:
            for t in self.eps[stack.pop()]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        return frozenset(seen)

    def step(self, states, digit):
        key = (states, digit)
        if key not in self.cache:
            nxt = {t for s in states for c, t in self.moves[s] if c == digit}
            self.cache[key] = self.closure(nxt)
        return self.cache[key]

    def accepts(self, states):
        return self.accept in states


def end_states(nfas, prefix, free):
    """The distinct tuples of automaton states over all completions of `prefix` by `free` digits."""
    level = {tuple(n.start for n in nfas)}
    for digit in prefix:
        level = {tuple(n.step(s, digit) for n, s in zip(nfas, t)) for t in level}
    for _ in range(free):
        level = {tuple(n.step(s, d) for n, s in zip(nfas, t)) for t in level for d in DIGITS}
        level = {t for t in level if t[0]}  # a dead general pattern stays dead
    return level


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


# The types libphonenumber's number_type tries before fixed-line and mobile.
EARLIER = ["premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
           "voicemail"]


def blocks(region, kind):
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    desc = meta.fixed_line if kind == "fixed" else meta.mobile
    cc = meta.country_code
    types = TYPES[kind]
    earlier = [getattr(meta, t) for t in EARLIER]
    nfas = [Nfa(meta.general_desc.national_number_pattern), Nfa(desc.national_number_pattern)]
    nfas += [Nfa(d.national_number_pattern) for d in earlier if d and d.national_number_pattern]
    found = []

    def verdict(prefix, length):
        """True: every completion is of the type; False: none is; None: some are."""
        ends = end_states(nfas, prefix, length - len(prefix))
        oks = [nfas[0].accepts(t[0]) and nfas[1].accepts(t[1])
               and not any(n.accepts(s) for n, s in zip(nfas[2:], t[2:])) for t in ends]
        if oks and all(oks):
            return True
        return False if not any(oks) else None

    def walk(prefix, length):
        v = verdict(prefix, length)
        if v is False:
            return
        if v is True and len(prefix) >= 1:
            samples = completions(prefix, length)
            checks = [good(region, cc, s, types) for s in samples]
            # Rules beyond the patterns (such as lengths) can still reject a sample: split further.
            if all(ok for ok, _ in checks):
                forms = {template(n, prefix, length) for _, n in checks}
                form = forms.pop() if len(forms) == 1 else None
                found.append((form or e164_template(cc, prefix, length),
                              10 ** (length - len(prefix))))
                return
        if len(prefix) >= MAX_PREFIX or length - len(prefix) <= 3:
            return
        for d in "0123456789":
            walk(prefix + d, length)

    lengths = set(desc.possible_length) or set(meta.general_desc.possible_length)
    for length in sorted(l for l in lengths if l <= MAX_LENGTH):
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
