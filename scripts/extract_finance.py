"""Builds the finance tables: IBAN formats, banks with BICs, ISO 4217 currencies, ISO 18245 MCCs,
stock tickers.

Sources (all PyPI packages, code and data MIT unless said):
- `schwifty` 2026.10.1: the SWIFT IBAN registry extract (BBAN formats) and bank registries
  (national bank codes with their BICs, from the national banks' and clearing houses' lists).
- `pycountry` 26.2.16: ISO 4217 currencies as kept by Debian iso-codes (LGPL-2.1), current codes
  only; cross-checked against `iso4217` 1.16.20260101 (data from SIX, the ISO 4217 agency).
- `iso18245` 1.4.1: the official ISO 18245 merchant category code list.
- `pytickersymbols` 1.17.10: index constituents; the S&P 500 symbols.

Run (re-runnable; downloads nothing at build time):
    python3 -m venv .venv
    .venv/bin/pip install schwifty==2026.10.1 pycountry==26.2.16 iso4217==1.16.20260101 \
        iso18245==1.4.1 pytickersymbols==1.17.10
    .venv/bin/python scripts/extract_finance.py
"""

import csv
import json

import iso4217
import iso18245
import pycountry
import schwifty
from pytickersymbols import PyTickerSymbols

from _common import package_dir, write_table

# The countries whose IBANs datagen builds: the locales' countries that use IBANs.
IBAN_COUNTRIES = ["BR", "DE", "ES", "FR", "GB", "IT", "NL"]

# Brazil's banks are not in schwifty's registry: the five largest by assets, each with its ISPB
# code (the bank code in a Brazilian IBAN, published by the Banco Central do Brasil) and BIC.
BRAZIL_BANKS = [
    ("00000000", "BRASBRRJ", "Banco do Brasil"),
    ("00360305", "CEFXBRSP", "Caixa Economica Federal"),
    ("60701190", "ITAUBRSP", "Itau Unibanco"),
    ("60746948", "BBDEBRSP", "Banco Bradesco"),
    ("90400888", "BSCHBRSP", "Banco Santander Brasil"),
]

# Countries of datagen's locales without IBANs: their largest banks' BICs (from the banks' own
# published SWIFT codes). With no IBAN there is no bank code to pair; the code column repeats the
# BIC's four-letter bank code.
BIC_ONLY = [
    ("US", "CHASUS33"), ("US", "BOFAUS3N"), ("US", "CITIUS33"), ("US", "WFBIUS6S"),
    ("JP", "BOTKJPJT"), ("JP", "SMBCJPJT"), ("JP", "MHCBJPJT"),
    ("CN", "BKCHCNBJ"), ("CN", "ICBKCNBJ"), ("CN", "PCBCCNBJ"), ("CN", "ABOCCNBJ"),
]

# ISO 4217 codes that are not money one pays with: precious metals, bond-market units, the SDR,
# the SUCRE, the test code and "no currency".
NOT_MONEY = {"XAD", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS",
             "XUA", "XXX"}


def iban_formats():
    registry = json.loads((package_dir(schwifty) / "iban_registry" / "generated.json").read_text())
    rows = []
    for cc in IBAN_COUNTRIES:
        spec = registry[cc]
        rows.append((cc, spec["bban_spec"], str(spec["iban_length"])))
    write_table(
        "finance/iban_format.tsv",
        ["IBAN formats (country<TAB>BBAN format in the SWIFT registry's notation<TAB>IBAN length).",
         "Source: the SWIFT IBAN registry, as extracted in the `schwifty` PyPI package 2026.10.1.",
         "Licence: MIT (schwifty); the registry's formats are facts of ISO 13616.",
         "Built by scripts/extract_finance.py."],
        rows,
    )
    return {cc: registry[cc] for cc in IBAN_COUNTRIES}


def banks(formats):
    folder = package_dir(schwifty) / "bank_registry"
    rows = set()
    for path in sorted(folder.glob("*.json")):
        entries = json.loads(path.read_text())
        if isinstance(entries, dict):
            # The `.v2` files (AT, BE, CH, FI, NO, PL) hold countries datagen has no IBANs for.
            continue
        for bank in entries:
            cc = bank.get("country_code")
            if cc not in formats or cc == "BR":
                continue
            bic = (bank.get("bic") or "").strip().upper()
            code = (bank.get("bank_code") or "").strip()
            start, end = formats[cc]["positions"]["bank_code"]
            if not bank.get("primary") or len(bic) not in (8, 11) or bic[4:6] != cc:
                continue
            if len(code) != end - start:
                continue
            rows.add((cc, code, bic))
    rows |= {(cc, code, bic) for cc, (code, bic, _name) in
             (("BR", b) for b in BRAZIL_BANKS)}
    rows |= {(cc, bic[:4], bic) for cc, bic in BIC_ONLY}
    rows = sorted(rows)
    write_table(
        "finance/bank.tsv",
        ["Banks (country<TAB>national bank code<TAB>BIC), primary entries with a BIC of the country.",
         "Source: the bank registries in the `schwifty` PyPI package 2026.10.1 (from the",
         "Bundesbank, Banque de France, Banco de Espana, Banca d'Italia, Betaalvereniging and",
         "UK clearing lists); Brazil: ISPB codes published by the Banco Central do Brasil;",
         "US, JP, CN (no IBAN; the code column repeats the BIC's bank code): the largest banks'",
         "published BICs.",
         "Licence: MIT (schwifty); bank codes and BICs are public identifiers.",
         "Built by scripts/extract_finance.py."],
        rows,
    )


def currencies():
    official = {c.code for c in iso4217.Currency}
    rows = []
    for c in sorted(pycountry.currencies, key=lambda c: c.alpha_3):
        assert c.alpha_3 in official, c.alpha_3
        if c.alpha_3 not in NOT_MONEY:
            rows.append((c.alpha_3, c.name))
    write_table(
        "finance/currency.tsv",
        ["Current ISO 4217 currencies (code<TAB>name); no withdrawn codes.",
         "Source: ISO 4217 as kept by Debian iso-codes, via the `pycountry` PyPI package 26.2.16;",
         "every code checked against the `iso4217` PyPI package 1.16.20260101 (SIX's list).",
         "Left out: units that are not money (metals, bond units, XDR, XSU, XUA, XAD, XTS, XXX).",
         "Licence: LGPL-2.1 (iso-codes data); the codes themselves are facts of ISO 4217.",
         "Built by scripts/extract_finance.py."],
        rows,
    )


def merchant_categories():
    path = package_dir(iso18245) / "data" / "iso18245_official_list.csv"
    with open(path, encoding="utf-8") as f:
        rows = [(r["MCC"], " ".join(r["DESCRIPTION"].split())) for r in csv.DictReader(f)]
    write_table(
        "finance/mcc.tsv",
        ["ISO 18245 merchant category codes (code<TAB>description), the official list.",
         "Source: the `iso18245` PyPI package 1.4.1 (iso18245_official_list.csv).",
         "Licence: MIT.",
         "Built by scripts/extract_finance.py."],
        rows,
    )


def tickers():
    stocks = PyTickerSymbols().get_stocks_by_index("S&P 500")
    rows = sorted({(s["symbol"], " ".join(s["name"].split())) for s in stocks})
    write_table(
        "finance/stock_ticker.tsv",
        ["S&P 500 constituents (ticker<TAB>company name).",
         "Source: the `pytickersymbols` PyPI package 1.17.10.",
         "Licence: MIT.",
         "Built by scripts/extract_finance.py."],
        rows,
    )


if __name__ == "__main__":
    banks(iban_formats())
    currencies()
    merchant_categories()
    tickers()
