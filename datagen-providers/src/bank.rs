//! IBANs, BICs and national account numbers from real bank codes; `finance` re-exports them.
//!
//! An IBAN is built as its country builds it: a bank code from the country's bank register (the
//! BIC of the same bank goes with it), random branch and account digits, the national check
//! digits where the country has a scheme that needs no bank-specific table (Spain's two control
//! digits, Italy's CIN, France's RIB key, the Netherlands' eleven test), then the ISO 13616
//! mod-97 check digits. Germany's and the UK's account checks are per bank or per sort code and
//! are not applied; no validator outside the banks' own can check them.

use std::ops::Range;
use std::sync::LazyLock;

use datagen_core::{Ctx, Locale};

use crate::digits::{mod97, push_random_digits};
use crate::table::table;

table!(
    /// Banks: country, national bank code, BIC; sorted by country.
    BANK: 3, "finance/bank.tsv", false
);

/// The locales whose country uses IBANs; the others (US, JP, CN) get German IBANs.
pub(crate) const IBAN_LOCALIZED: &[Locale] = &[
    Locale::EnGb,
    Locale::DeDe,
    Locale::FrFr,
    Locale::EsEs,
    Locale::ItIt,
    Locale::PtBr,
    Locale::NlNl,
];

/// The country whose IBANs locales without IBANs get.
pub(crate) const DEFAULT_IBAN_COUNTRY: &str = "DE";

/// The rows of `BANK` for each country, found once.
static BANKS_BY_COUNTRY: LazyLock<Vec<(&'static str, Range<usize>)>> = LazyLock::new(|| {
    let rows = BANK.rows();
    let mut out: Vec<(&'static str, Range<usize>)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match out.last_mut() {
            Some((cc, range)) if *cc == row[0] => range.end = i + 1,
            _ => out.push((row[0], i..i + 1)),
        }
    }
    out
});

/// A random bank of country `cc`: (national bank code, BIC).
fn bank(ctx: &mut Ctx, cc: &str) -> (&'static str, &'static str) {
    let banks = &*BANKS_BY_COUNTRY;
    let range = banks
        .iter()
        .find(|(c, _)| *c == cc)
        .or_else(|| banks.iter().find(|(c, _)| *c == DEFAULT_IBAN_COUNTRY))
        .map(|(_, r)| r.clone())
        .expect("the bank table has German banks (tested)");
    let row = &BANK.rows()[ctx.range(range)];
    (row[1], row[2])
}

/// The IBAN country of the context's locale.
fn iban_country(ctx: &Ctx) -> &'static str {
    let locale = ctx.locale();
    if IBAN_LOCALIZED.contains(&locale) {
        locale.country_code()
    } else {
        DEFAULT_IBAN_COUNTRY
    }
}

/// An IBAN of the locale's country in its electronic form (no spaces), such as
/// `DE89370400440532013000` (`finance.iban`).
///
/// The bank code is a real bank's; the account digits are random, with the national check digits
/// of Spain, Italy, France and the Netherlands, and the ISO 13616 mod-97 check digits. Locales
/// whose country has no IBAN (en_US, ja_JP, zh_CN) get a German IBAN. Safe mode changes nothing:
/// no IBAN range is reserved for tests, so a value may match a real account.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(1).with_locale(datagen_core::Locale::FrFr);
/// let iban = datagen_providers::finance::iban(&mut ctx);
/// assert!(iban.starts_with("FR") && iban.len() == 27);
/// ```
pub fn iban(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(34);
    write_iban(ctx, &mut out);
    out
}

/// Appends an IBAN to `out`; see [`iban`].
pub fn write_iban(ctx: &mut Ctx, out: &mut String) {
    let cc = iban_country(ctx);
    // The BBAN goes first, then the country and "00", as the mod-97 check reads it.
    let start = out.len();
    write_bban(ctx, cc, out);
    out.push_str(cc);
    out.push_str("00");
    let check = 98 - mod97(&out[start..]);
    out.truncate(out.len() - 4);
    let mut head = String::with_capacity(4);
    head.push_str(cc);
    head.push(char::from(b'0' + (check / 10) as u8));
    head.push(char::from(b'0' + (check % 10) as u8));
    out.insert_str(start, &head);
}

/// Appends the BBAN (the national account identifier) of country `cc`.
fn write_bban(ctx: &mut Ctx, cc: &str, out: &mut String) {
    let (code, _bic) = bank(ctx, cc);
    match cc {
        "GB" => {
            // Bank (the BIC's 4 letters), sort code, account number.
            out.push_str(code);
            push_random_digits(ctx, out, 6 + 8);
        }
        "FR" => {
            // Bank, branch (guichet), 11-digit account, RIB key.
            let start = out.len();
            out.push_str(code);
            push_random_digits(ctx, out, 5 + 11);
            let key = rib_key(&out[start..]);
            push_two(out, key);
        }
        "ES" => {
            // Bank, branch, two control digits, 10-digit account.
            let mut branch = String::with_capacity(4);
            push_random_digits(ctx, &mut branch, 4);
            let mut account = String::with_capacity(10);
            push_random_digits(ctx, &mut account, 10);
            let first = spanish_control(&format!("00{code}{branch}"));
            let second = spanish_control(&account);
            out.push_str(code);
            out.push_str(&branch);
            out.push(char::from(b'0' + first));
            out.push(char::from(b'0' + second));
            out.push_str(&account);
        }
        "IT" => {
            // CIN, ABI (bank), CAB (branch), 12-digit account.
            let mut rest = String::with_capacity(22);
            rest.push_str(code);
            push_random_digits(ctx, &mut rest, 5 + 12);
            out.push(italian_cin(&rest));
            out.push_str(&rest);
        }
        "NL" => {
            // Bank (the BIC's 4 letters), a 10-digit account passing the eleven test.
            out.push_str(code);
            push_eleven_test_account(ctx, out);
        }
        "BR" => {
            // ISPB, branch, account, account type (C: current), holder position (1: first).
            out.push_str(code);
            push_random_digits(ctx, out, 5 + 10);
            out.push_str("C1");
        }
        _ => {
            // Germany: bank code (Bankleitzahl), 10-digit account.
            out.push_str(code);
            push_random_digits(ctx, out, 10);
        }
    }
}

/// Appends `n` (below 100) as two digits.
fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// France's clé RIB over bank, branch and an all-digit account: 97 - (89 b + 15 g + 3 c) mod 97.
fn rib_key(digits: &str) -> u32 {
    let value = |s: &str| s.parse::<u64>().expect("RIB parts are digits");
    let (bank, rest) = digits.split_at(5);
    let (branch, account) = rest.split_at(5);
    let sum = 89 * value(bank) + 15 * value(branch) + 3 * value(account);
    97 - (sum % 97) as u32
}

/// One of Spain's control digits (dígitos de control) over 10 digits, weights 1, 2, 4, … mod 11.
fn spanish_control(digits: &str) -> u8 {
    const WEIGHTS: [u32; 10] = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    let sum: u32 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    match 11 - sum % 11 {
        11 => 0,
        10 => 1,
        d => d as u8,
    }
}

/// Italy's CIN letter over ABI, CAB and account: odd positions through a table, even positions
/// by value, sum mod 26.
fn italian_cin(text: &str) -> char {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let sum: u32 = text
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let v = match b {
                b'0'..=b'9' => u32::from(b - b'0'),
                _ => u32::from(b.to_ascii_uppercase() - b'A'),
            };
            // Positions count from 1, so index 0 is odd.
            if i % 2 == 0 { ODD[v as usize] } else { v }
        })
        .sum();
    char::from(b'A' + (sum % 26) as u8)
}

/// Appends a 10-digit Dutch account number whose digits, weighted 10 down to 1, sum to a
/// multiple of 11 (the elfproef).
fn push_eleven_test_account(ctx: &mut Ctx, out: &mut String) {
    loop {
        let mut digits = [0u32; 10];
        let mut sum = 0;
        for (i, d) in digits.iter_mut().take(9).enumerate() {
            *d = ctx.below(10) as u32;
            sum += *d * (10 - i as u32);
        }
        let last = (11 - sum % 11) % 11;
        if last < 10 && digits[0] != 0 {
            digits[9] = last;
            out.extend(digits.iter().map(|&d| char::from(b'0' + d as u8)));
            return;
        }
    }
}

/// A BIC (ISO 9362) of a real bank of the locale's country, such as `DEUTDEFF` or
/// `BNPAFRPP` (`finance.bic`).
///
/// Countries with a bank register (DE, GB, FR, ES, IT, NL, BR, US, JP, CN) give their banks'
/// BICs, 8 or 11 characters, whose country code is the locale's. Safe mode changes nothing: BICs
/// identify banks, not people.
pub fn bic(ctx: &mut Ctx) -> &'static str {
    bank(ctx, ctx.locale().country_code()).1
}

/// A national bank account number of the locale's country, digits only (`finance.account_number`).
///
/// The account field of the country's BBAN for IBAN countries (DE 10 digits, GB 8, FR 11, ES 10,
/// IT 12, NL 10 passing the eleven test, BR 10), 7 digits for Japan (普通預金 accounts), 19 for
/// China (bank card accounts), and 8 to 12 for the US.
/// Safe mode changes nothing: account numbers alone reach no one.
pub fn account_number(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(19);
    write_account_number(ctx, &mut out);
    out
}

/// Appends an account number to `out`; see [`account_number`].
pub fn write_account_number(ctx: &mut Ctx, out: &mut String) {
    let digits = match ctx.locale() {
        Locale::NlNl => return push_eleven_test_account(ctx, out),
        Locale::DeDe | Locale::EsEs | Locale::PtBr => 10,
        Locale::EnGb => 8,
        Locale::FrFr => 11,
        Locale::ItIt => 12,
        Locale::JaJp => 7,
        Locale::ZhCn => 19,
        _ => ctx.range(8..=12),
    };
    // Account numbers do not start with 0, so they survive being read as numbers.
    out.push(char::from(b'1' + ctx.below(9) as u8));
    push_random_digits(ctx, out, digits - 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_checks_match_published_examples() {
        // ES91 2100 0418 4502 0005 1332: control digits 4 and 5.
        assert_eq!(spanish_control("0021000418"), 4);
        assert_eq!(spanish_control("0200051332"), 5);
        // FR76 3000 6000 0112 3456 7890 189: RIB key 89.
        assert_eq!(rib_key("300060000112345678901"), 89);
        // IT60 X054 2811 1010 0000 0123 456: CIN X.
        assert_eq!(italian_cin("0542811101000000123456"), 'X');
    }

    #[test]
    fn every_iban_country_has_banks() {
        for cc in ["BR", "DE", "ES", "FR", "GB", "IT", "NL", "US", "JP", "CN"] {
            assert!(
                BANKS_BY_COUNTRY.iter().any(|(c, _)| *c == cc),
                "no banks for {cc}"
            );
        }
    }
}
