"""Postcodes and first-level regions of real places, for the coherent address (`extract_places.py`).

Source: the `countrystatecity-postal-codes` PyPI package 2.0.1 (data of the
countries-states-cities database, Open Database License 1.0): each postcode with its locality and
its subdivision code (ISO 3166-2, or the national code: French département, Japanese JIS
prefecture code, Italian and Spanish province). The region tables below turn those codes into the
region names of each locale's `state.tsv` (facts, transcribed by hand from ISO 3166-2).
"""

import json
import math
import unicodedata
from collections import Counter, defaultdict

import countrystatecity_postal_codes
import pycountry

from _common import package_dir
from locale_regions import JP_REGIONS

SOURCE = [
    "Postcodes and regions: the `countrystatecity-postal-codes` PyPI package 2.0.1, from the",
    "countries-states-cities database (https://github.com/dr5hn/countries-states-cities-database).",
    "Licence of that data: Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1-0/);",
    "this table, as an extract of it, is under the same licence.",
]

DE = {"BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
      "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
      "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
      "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
      "TH": "Thüringen"}
# Spain's autonomous communities and cities (ISO 3166-2:ES); provinces map to them through
# pycountry's parent codes.
ES = {"AN": "Andalucía", "AR": "Aragón", "AS": "Principado de Asturias", "CN": "Canarias",
      "CB": "Cantabria", "CL": "Castilla y León", "CM": "Castilla-La Mancha", "CT": "Cataluña",
      "EX": "Extremadura", "GA": "Galicia", "IB": "Illes Balears", "RI": "La Rioja",
      "MD": "Comunidad de Madrid", "MC": "Región de Murcia", "NC": "Comunidad Foral de Navarra",
      "PV": "País Vasco", "VC": "Comunitat Valenciana", "CE": "Ceuta", "ML": "Melilla"}
# Italy's regions (ISO 3166-2:IT numeric codes); provinces map to them through pycountry.
IT = {"21": "Piemonte", "23": "Valle d'Aosta", "25": "Lombardia", "32": "Trentino-Alto Adige",
      "34": "Veneto", "36": "Friuli-Venezia Giulia", "42": "Liguria", "45": "Emilia-Romagna",
      "52": "Toscana", "55": "Umbria", "57": "Marche", "62": "Lazio", "65": "Abruzzo",
      "67": "Molise", "72": "Campania", "75": "Puglia", "77": "Basilicata", "78": "Calabria",
      "82": "Sicilia", "88": "Sardegna"}
# Provinces pycountry does not list (created or renamed after its data): their regions.
IT_EXTRA = {"SU": "88", "CI": "88", "VS": "88", "OG": "88", "OT": "88"}
CN = {"AH": "安徽省", "BJ": "北京市", "CQ": "重庆市", "FJ": "福建省", "GD": "广东省", "GS": "甘肃省",
      "GX": "广西壮族自治区", "GZ": "贵州省", "HA": "河南省", "HB": "湖北省", "HE": "河北省",
      "HI": "海南省", "HL": "黑龙江省", "HN": "湖南省", "JL": "吉林省", "JS": "江苏省", "JX": "江西省",
      "LN": "辽宁省", "NM": "内蒙古自治区", "NX": "宁夏回族自治区", "QH": "青海省", "SC": "四川省",
      "SD": "山东省", "SH": "上海市", "SN": "陕西省", "SX": "山西省", "TJ": "天津市",
      "XJ": "新疆维吾尔自治区", "XZ": "西藏自治区", "YN": "云南省", "ZJ": "浙江省"}
NL = {"DR": "Drenthe", "FL": "Flevoland", "FR": "Friesland", "GE": "Gelderland",
      "GR": "Groningen", "LI": "Limburg", "NB": "Noord-Brabant", "NH": "Noord-Holland",
      "OV": "Overijssel", "UT": "Utrecht", "ZE": "Zeeland", "ZH": "Zuid-Holland"}
# GeoNames' admin1 codes of the United Kingdom.
GB = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
# Royal Mail postcode areas wholly in one country, and those across a border (TD: Scotland and
# Northumberland; LD, SY, CH: Wales and England). A place's area is the nearest of its country's.
GB_ONLY = {
    "Scotland": {"AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA",
                 "PH", "ZE"},
    "Wales": {"CF", "LL", "NP", "SA"},
    "Northern Ireland": {"BT"},
}
GB_SHARED = {"Scotland": {"TD"}, "Wales": {"LD", "SY", "CH"}, "Northern Ireland": set()}


def gb_areas_of(country, areas):
    """The postcode areas a place of `country` (England, Scotland, ...) may be in."""
    if country in GB_ONLY:
        return [a for a in areas if a in GB_ONLY[country] | GB_SHARED[country]]
    others = set().union(*GB_ONLY.values())
    return [a for a in areas if a not in others]


def records(country):
    path = package_dir(countrystatecity_postal_codes) / "data" / "by-country" / country
    with open(path / "postcodes.json", encoding="utf-8") as f:
        return json.load(f)


def region_of(loc, code, fr_departments, fr_names):
    """The locale's region name for a record's subdivision code."""
    if loc == "de_DE":
        return DE[code]
    if loc == "nl_NL":
        return NL[code]
    if loc == "zh_CN":
        return CN[code]
    if loc == "ja_JP":
        return list(JP_REGIONS)[int(code) - 1]
    if loc == "pt_BR":
        return pycountry.subdivisions.get(code=f"BR-{code}").name
    if loc == "fr_FR":
        dep = "20" if code in ("2A", "2B") else code
        for region, deps in fr_departments.items():
            if dep in deps.split():
                return fr_names[region]
        return None
    if loc == "es_ES":
        if code in ES:
            return ES[code]
        parent = pycountry.subdivisions.get(code=f"ES-{code}").parent_code
        return ES[parent.split("-")[1]]
    if loc == "it_IT":
        if code in IT:
            return IT[code]
        if code in IT_EXTRA:
            return IT[IT_EXTRA[code]]
        sub = pycountry.subdivisions.get(code=f"IT-{code}")
        return IT[sub.parent_code.split("-")[1]] if sub and sub.parent_code else None
    raise ValueError(loc)


def norm(name):
    """A name compared across sources: no accents, upper case, punctuation as spaces, "Saint"
    as La Poste abbreviates it."""
    name = unicodedata.normalize("NFKD", name.replace("ß", "SS"))
    name = "".join(c for c in name if not unicodedata.combining(c)).upper()
    for c in "-'’.,()":
        name = name.replace(c, " ")
    name = " ".join(name.split())
    return name.replace("SAINTE ", "STE ").replace("SAINT ", "ST ")


def index(loc, recs):
    """Postcode records by normalised locality name; for ja_JP also by each prefix ending in
    市, 区, 町 or 村 ("横浜市中区" under 横浜市), so a city finds its wards' postcodes."""
    by = defaultdict(list)
    for r in recs:
        name = r["localityName"]
        by[norm(name)].append(r)
        if loc == "ja_JP":
            for i, c in enumerate(name[:-1]):
                if c in "市区町村":
                    by[name[:i + 1]].append(r)
            # Tokyo's 23 special wards (JIS 13, "千代田区…", no city before the ward) are Tokyo.
            ward = name.find("区")
            if r["stateCode"] == "13" and ward > 0 and "市" not in name[:ward]:
                by["東京"].append(r)
    return by


def distance_km(a, b):
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def spread(codes, cap=40):
    """At most `cap` codes, evenly spaced through the sorted list."""
    codes = sorted(set(codes))
    if len(codes) <= cap:
        return codes
    return [codes[i * len(codes) // cap] for i in range(cap)]


def template(loc, code):
    """A record's postcode as a template for the providers' `fill_template`."""
    if loc == "nl_NL":
        return f"{code} %"
    if loc == "es_ES":
        # The package's Spanish codes are INE municipality codes, not postcodes; their first two
        # digits are the province's, which are a Spanish postcode's first two (Correos).
        return f"{code[:2]}###"
    if loc == "pt_BR":
        # The package has each municipality's general CEP (`01000-000`): its first five digits
        # are the municipality's, the last three are drawn.
        return f"{code[:5]}-###"
    return code


def matches(loc, by, place_names):
    """The postcode records of the first of `place_names` that has some."""
    for name in place_names:
        hit = by.get(name if loc == "ja_JP" and not name.isascii() else norm(name))
        if hit:
            return hit
    return []
