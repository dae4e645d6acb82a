//! Finance providers: `finance.iban`, `finance.bic`, `finance.credit_card`,
//! `finance.currency_code`, `finance.amount`, `finance.account_number`, `finance.routing_number`,
//! `finance.transaction`, `finance.merchant_category`, `finance.stock_ticker`.
//!
//! Every identifier carries the check digits its validators test: ISO 13616 mod 97 for IBANs,
//! Luhn for cards, the ABA 3-7-1 checksum for routing numbers. Lists are current: ISO 4217 codes
//! without withdrawn ones, the official ISO 18245 merchant categories, S&P 500 tickers.

use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::digits::{luhn_check_digit, push_digits, random_digits};
use crate::table::table;
use crate::text::push_padded;

pub use crate::bank::{account_number, bic, iban, write_account_number, write_iban};

table!(
    /// Current ISO 4217 currencies: code, name.
    CURRENCY: 2, "finance/currency.tsv", false
);
table!(
    /// ISO 18245 merchant category codes: code, description.
    MCC: 2, "finance/mcc.tsv", false
);
table!(
    /// S&P 500 constituents: ticker, company name.
    STOCK_TICKER: 2, "finance/stock_ticker.tsv", false
);

/// Every locale: the providers whose values do not depend on the country.
pub(crate) const ALL: &[Locale] = &Locale::ALL;
/// en_US only: US systems (ABA routing, S&P 500).
pub(crate) const US: &[Locale] = &[Locale::EnUs];
pub(crate) use crate::bank::IBAN_LOCALIZED;

/// Card issuers: prefix ranges (low, high, digits of the prefix), card length, cumulative weight.
struct Issuer {
    prefixes: &'static [(u32, u32, u32)],
    length: usize,
}

/// Visa, Mastercard, American Express, Discover, JCB, with their IIN ranges (ISO/IEC 7812).
const ISSUERS: [Issuer; 5] = [
    Issuer {
        prefixes: &[(4, 4, 1)],
        length: 16,
    },
    Issuer {
        prefixes: &[(51, 55, 2), (2221, 2720, 4)],
        length: 16,
    },
    Issuer {
        prefixes: &[(34, 34, 2), (37, 37, 2)],
        length: 15,
    },
    Issuer {
        prefixes: &[(6011, 6011, 4), (65, 65, 2)],
        length: 16,
    },
    Issuer {
        prefixes: &[(3528, 3589, 4)],
        length: 16,
    },
];
/// Cumulative weights of the issuers, roughly their share of cards in circulation.
const ISSUER_WEIGHTS: [u64; 5] = [50, 80, 90, 95, 100];

/// Published test card numbers (payment processors' sandbox documentation), Luhn-valid, that
/// no issuer gives a real card.
const TEST_CARDS: [&str; 12] = [
    "4111111111111111",
    "4242424242424242",
    "4012888888881881",
    "5555555555554444",
    "5105105105105100",
    "2223003122003222",
    "378282246310005",
    "371449635398431",
    "6011111111111117",
    "6011000990139424",
    "3530111333300000",
    "3566002020360505",
];

/// A payment card number, digits only, such as `4539578763621486` (`finance.credit_card`).
///
/// The issuer is Visa (prefix 4, 16 digits), Mastercard (51–55 or 2221–2720, 16), American
/// Express (34 or 37, 15), Discover (6011 or 65, 16) or JCB (3528–3589, 16), weighted by market
/// share, and the last digit is the Luhn check digit. Safe mode: one of the test numbers payment
/// processors publish (4111 1111 1111 1111 and the like), which no real card carries.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(2).safe();
/// let card = datagen_providers::finance::credit_card(&mut ctx);
/// assert!(card.len() == 15 || card.len() == 16);
/// ```
pub fn credit_card(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(16);
    write_credit_card(ctx, &mut out);
    out
}

/// Appends a card number to `out`; see [`credit_card`].
pub fn write_credit_card(ctx: &mut Ctx, out: &mut String) {
    if ctx.is_safe() {
        out.push_str(ctx.pick::<&str>(&TEST_CARDS));
        return;
    }
    let issuer = &ISSUERS[pick_cumulative(ctx, &ISSUER_WEIGHTS)];
    let &(low, high, width) = ctx.pick(issuer.prefixes);
    let prefix = ctx.range(low..=high);
    let mut digits = Vec::with_capacity(issuer.length);
    let mut scale = 10u32.pow(width - 1);
    while scale > 0 {
        digits.push((prefix / scale % 10) as u8);
        scale /= 10;
    }
    let rest = issuer.length - 1 - digits.len();
    random_digits(ctx, &mut digits, rest);
    digits.push(luhn_check_digit(&digits));
    push_digits(out, &digits);
}

/// A current ISO 4217 currency code, such as `EUR` or `JPY`, every currency equally likely
/// (`finance.currency_code`).
///
/// Withdrawn codes (HRK, SLL, ZWL, …) never appear, nor units that are not money (XAU, XDR,
/// XTS, XXX). Safe mode changes nothing.
#[inline]
pub fn currency_code(ctx: &mut Ctx) -> &'static str {
    CURRENCY.pick(ctx)[0]
}

/// The ISO 4217 name of a currency code, such as "Euro" for `EUR`; `None` for a code not current.
pub fn currency_name(code: &str) -> Option<&'static str> {
    CURRENCY.rows().iter().find(|r| r[0] == code).map(|r| r[1])
}

/// A money amount with two decimals and a dot, such as `42.17`, between 1.00 and 10000.00
/// (`finance.amount`).
///
/// Amounts are log-uniform, so small payments are as common per decade as large ones, as in card
/// transactions. The format is the same in every locale (a machine value, not a display one).
/// Safe mode changes nothing.
pub fn amount(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(8);
    write_amount(ctx, &mut out);
    out
}

/// Appends an amount to `out`; see [`amount`].
pub fn write_amount(ctx: &mut Ctx, out: &mut String) {
    // 10^(2 + 4u) cents: 1.00 to 10000.00.
    let cents = 10f64.powf(2.0 + 4.0 * ctx.unit_f64()).round() as u32;
    push_padded(out, cents / 100, 1);
    out.push('.');
    push_padded(out, cents % 100, 2);
}

/// A US ABA routing transit number, 9 digits, such as `011000015` (`finance.routing_number`).
///
/// The first two digits are a Federal Reserve routing symbol for banks (01–12) or thrifts
/// (21–32), and the last is the check digit that makes 3·(d1+d4+d7) + 7·(d2+d5+d8) +
/// (d3+d6+d9) a multiple of 10. Other locales get US numbers too: the scheme is American.
/// Safe mode changes nothing (no range is reserved for tests).
pub fn routing_number(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(9);
    write_routing_number(ctx, &mut out);
    out
}

/// Appends a routing number to `out`; see [`routing_number`].
pub fn write_routing_number(ctx: &mut Ctx, out: &mut String) {
    let district = ctx.range(1..=12u8) + if ctx.chance(0.25) { 20 } else { 0 };
    let mut digits = Vec::with_capacity(9);
    digits.extend([district / 10, district % 10]);
    random_digits(ctx, &mut digits, 6);
    const WEIGHTS: [u32; 8] = [3, 7, 1, 3, 7, 1, 3, 7];
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    digits.push(((10 - sum % 10) % 10) as u8);
    push_digits(out, &digits);
}

/// Transaction kinds with cumulative weights: mostly purchases, as on a card statement.
const TRANSACTION: [(&str, u64); 8] = [
    ("purchase", 600),
    ("refund", 650),
    ("transfer", 770),
    ("withdrawal", 850),
    ("deposit", 930),
    ("payment", 980),
    ("fee", 995),
    ("chargeback", 1000),
];

/// A transaction kind: purchase, refund, transfer, withdrawal, deposit, payment, fee or
/// chargeback, weighted as on a card account (`finance.transaction`). Safe mode changes nothing.
#[inline]
pub fn transaction(ctx: &mut Ctx) -> &'static str {
    let x = ctx.below(TRANSACTION[TRANSACTION.len() - 1].1);
    TRANSACTION
        .iter()
        .find(|&&(_, c)| x < c)
        .map_or("purchase", |&(kind, _)| kind)
}

/// An ISO 18245 merchant category code, 4 digits, such as `5411`, every code on the official
/// list equally likely (`finance.merchant_category`); [`merchant_category_description`] gives
/// its meaning. Safe mode changes nothing.
#[inline]
pub fn merchant_category(ctx: &mut Ctx) -> &'static str {
    MCC.pick(ctx)[0]
}

/// The ISO 18245 description of a merchant category code, such as "Groceries and
/// supermarkets" for `5411`; `None` for a code not on the list.
pub fn merchant_category_description(code: &str) -> Option<&'static str> {
    MCC.rows().iter().find(|r| r[0] == code).map(|r| r[1])
}

/// A stock ticker of an S&P 500 company, such as `AAPL` (`finance.stock_ticker`);
/// [`stock_company`] names the company. Every locale gets US tickers. Safe mode changes nothing.
#[inline]
pub fn stock_ticker(ctx: &mut Ctx) -> &'static str {
    STOCK_TICKER.pick(ctx)[0]
}

/// The company a ticker from [`stock_ticker`] belongs to, such as "Apple Inc." for `AAPL`.
pub fn stock_company(ticker: &str) -> Option<&'static str> {
    STOCK_TICKER
        .rows()
        .iter()
        .find(|r| r[0] == ticker)
        .map(|r| r[1])
}
