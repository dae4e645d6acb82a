//! Person identity providers: `person.prefix`, `person.gender`, `person.birth_date`,
//! `person.username`, `person.ssn`.

use chrono::{Datelike, Days, NaiveDate};
use datagen_core::{Ctx, Locale};

use crate::text::push_padded;

/// Honorifics of a locale: (word, weight), written before the name except in ja_JP and zh_CN.
///
/// Weights are datagen's estimate: the forms for men and women about equally often, doctors a
/// few percent. Sources: national style guides (Duden for Herr/Frau, the French *Lexique des
/// règles typographiques* for M./Mme, the RAE's abbreviations for Sr./Sra., Treccani for
/// Sig./Sig.ra, Taalunie for Dhr./Mevr.).
fn prefixes(locale: Locale) -> &'static [(&'static str, u32)] {
    match locale {
        // British style drops the full stop after a contraction.
        Locale::EnGb => &[("Mr", 46), ("Mrs", 22), ("Ms", 18), ("Miss", 8), ("Dr", 6)],
        Locale::DeDe => &[("Herr", 47), ("Frau", 47), ("Dr.", 6)],
        Locale::FrFr => &[("M.", 47), ("Mme", 47), ("Dr", 6)],
        Locale::EsEs | Locale::PtBr => &[("Sr.", 46), ("Sra.", 46), ("Dr.", 4), ("Dra.", 4)],
        Locale::ItIt => &[("Sig.", 45), ("Sig.ra", 45), ("Dott.", 5), ("Dott.ssa", 5)],
        Locale::NlNl => &[("Dhr.", 47), ("Mevr.", 47), ("Dr.", 6)],
        // Japanese has no honorific prefix: 様 (sama) follows the name (佐藤様), for anyone.
        Locale::JaJp => &[("様", 1)],
        // 先生 (Mr.) and 女士 (Ms.) follow the surname (王先生).
        Locale::ZhCn => &[("先生", 50), ("女士", 50)],
        // en_US, and any locale added later until it has its own words.
        _ => &[
            ("Mr.", 46),
            ("Mrs.", 22),
            ("Ms.", 20),
            ("Miss", 6),
            ("Dr.", 6),
        ],
    }
}

/// An honorific in the locale's language (`person.prefix`): Mr./Mrs./Ms./Miss/Dr. (en_US), Mr/Mrs
/// (en_GB), Herr/Frau/Dr. (de_DE), M./Mme/Dr (fr_FR), Sr./Sra./Dr./Dra. (es_ES, pt_BR),
/// Sig./Sig.ra/Dott./Dott.ssa (it_IT), Dhr./Mevr./Dr. (nl_NL).
///
/// ja_JP and zh_CN write their honorifics *after* the name, so there it returns the suffix: 様
/// (ja_JP, for anyone) or 先生/女士 (zh_CN); a caller joins it to the name without a space
/// (佐藤様, 王先生). Safe mode changes nothing.
///
/// ```
/// use datagen_core::{Ctx, Locale};
/// let mut ctx = Ctx::seeded(1).with_locale(Locale::DeDe);
/// let prefix = datagen_providers::person::prefix(&mut ctx);
/// assert!(["Herr", "Frau", "Dr."].contains(&prefix));
/// ```
pub fn prefix(ctx: &mut Ctx) -> &'static str {
    let table = prefixes(ctx.locale());
    let total: u32 = table.iter().map(|&(_, w)| w).sum();
    let mut r = ctx.range(0..total);
    for &(word, weight) in table {
        if r < weight {
            return word;
        }
        r -= weight;
    }
    table[0].0
}

/// A gender, `female` or `male`, at the world's adult ratio (about 50.4% female; UN World
/// Population Prospects) (`person.gender`). The same English words in every locale, as a code a
/// schema stores; it is drawn on its own, not tied to a name drawn in the same row (the name
/// tables merge both sexes). Safe mode changes nothing.
pub fn gender(ctx: &mut Ctx) -> &'static str {
    if ctx.chance(0.504) { "female" } else { "male" }
}

/// A date of birth, ISO 8601 `YYYY-MM-DD`, of an adult aged 18 to 90 on the context's `now` (a
/// fixed instant, never the wall clock), each day in that span equally likely
/// (`person.birth_date`). Safe mode changes nothing.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(4);
/// let date = datagen_providers::person::birth_date(&mut ctx);
/// assert_eq!(date.len(), 10);
/// ```
pub fn birth_date(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(10);
    write_birth_date(ctx, &mut out);
    out
}

/// Appends a date of birth to `out`; see [`birth_date`].
pub fn write_birth_date(ctx: &mut Ctx, out: &mut String) {
    let date = birth_date_value(ctx);
    push_padded(out, date.year() as u32, 4);
    out.push('-');
    push_padded(out, date.month(), 2);
    out.push('-');
    push_padded(out, date.day(), 2);
}

/// A date of birth as a date: someone at least 18 and at most 90 years old (not yet 91) on
/// `ctx.now()`.
pub fn birth_date_value(ctx: &mut Ctx) -> NaiveDate {
    let today = ctx.now().date_naive();
    // The latest birthday of an 18-year-old, and the earliest of someone not yet 91.
    let latest = years_before(today, 18);
    let earliest = years_before(today, 91)
        .checked_add_days(Days::new(1))
        .unwrap_or(latest);
    let span = (latest - earliest).num_days().max(0) as u64;
    earliest
        .checked_add_days(Days::new(ctx.below(span + 1)))
        .unwrap_or(latest)
}

/// The same calendar day `years` earlier; 29 February goes to 28 February in a common year.
fn years_before(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year() - years;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
        .unwrap_or(date)
}

/// A username derived from a drawn name (`person.username`): the same values as
/// [`internet::username`](crate::internet::username). Safe mode changes nothing.
pub fn username(ctx: &mut Ctx) -> String {
    crate::internet::username(ctx)
}

/// Appends a username to `out`; see [`username`].
pub fn write_username(ctx: &mut Ctx, out: &mut String) {
    crate::internet::write_username(ctx, out);
}

/// A US Social Security number, `AAA-GG-SSSS` (`person.ssn`), structurally valid under the SSA's
/// rules since randomization (2011): area 001-899 but not 666, group 01-99, serial 0001-9999.
/// The same in every locale (only the US issues SSNs).
///
/// Safe mode: one of 987-65-4320 to 987-65-4329, the range the SSA reserves for advertising
/// (area 987 is in the 9xx block never issued), so it can never be anyone's number. Such a
/// number fails the structural check above by design.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(5).safe();
/// assert!(datagen_providers::person::ssn(&mut ctx).starts_with("987-65-432"));
/// ```
pub fn ssn(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(11);
    write_ssn(ctx, &mut out);
    out
}

/// Appends a US Social Security number to `out`; see [`ssn`].
pub fn write_ssn(ctx: &mut Ctx, out: &mut String) {
    if ctx.is_safe() {
        out.push_str("987-65-432");
        push_padded(out, ctx.range(0..10u32), 1);
        return;
    }
    // 898 areas: 001-665 and 667-899.
    let mut area = ctx.range(1..899u32);
    if area >= 666 {
        area += 1;
    }
    push_padded(out, area, 3);
    out.push('-');
    push_padded(out, ctx.range(1..=99u32), 2);
    out.push('-');
    push_padded(out, ctx.range(1..=9999u32), 4);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_before_handles_leap_days() {
        let leap = NaiveDate::from_ymd_opt(2024, 2, 29).expect("a date");
        assert_eq!(
            years_before(leap, 18),
            NaiveDate::from_ymd_opt(2006, 2, 28).expect("a date")
        );
        assert_eq!(
            years_before(leap, 20),
            NaiveDate::from_ymd_opt(2004, 2, 29).expect("a date")
        );
    }
}
