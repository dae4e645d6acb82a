//! Phone providers: `phone.number`, valid under libphonenumber's rules for the locale's country.
//!
//! en_US numbers are NANP numbers in a real US area code, with an exchange that libphonenumber's
//! metadata accepts there (the extraction script checks every pair against it) and that is not one
//! of the NANP's special exchanges (N11, 555, 950, 958, 959, 976).
//!
//! The other locales draw from templates ("030 ########", `#` any digit) over blocks of numbers
//! where every sampled number is valid under libphonenumber, in the country, fixed-line or mobile
//! (`scripts/extract_locale_phone.py`); fixed-line and mobile numbers come up half the time each,
//! and within a type every number is equally likely. The form is libphonenumber's national
//! format, or E.164 for the few blocks whose national layout depends on the free digits.
//!
//! Safe mode draws from the ranges reserved for fiction where the country has them and
//! libphonenumber accepts them: NANP 555-0100 to 555-0199 (en_US), Ofcom's drama ranges (en_GB,
//! geographic ones such as 020 7946 0xxx) and ARCEP's fiction ranges (fr_FR, fixed-line such as
//! 01 99 00 xx xx). The other countries have no such range; safe mode changes nothing there.

use std::sync::LazyLock;

use datagen_core::{Ctx, Locale};

use crate::table::{fill_template, locale_table, table};
use crate::text::{parse_ranges, push_padded};

table!(
    /// US area codes: area code, state, valid exchange ranges.
    PHONE_AREA_EN_US: 3, "en_US/phone_area.tsv", false
);

locale_table!(
    /// Number templates of the other locales, weighted by the numbers they hold.
    fn templates: 1, "phone.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// Templates of the ranges reserved for fiction, for safe mode.
    fn safe_templates: 1, "phone_safe.tsv", true,
    [EnGb, FrFr]
);

/// The locales with real phone data: all of them.
pub(crate) const LOCALIZED: &[Locale] = &Locale::ALL;

/// Whether safe mode has a range reserved for fiction in `locale`'s country.
pub fn has_fiction_range(locale: Locale) -> bool {
    locale == Locale::EnUs || safe_templates(locale).is_some()
}

/// The area codes, each with the span of its valid exchanges in one shared list: a draw reads
/// the area's entry, then one exchange.
struct Areas {
    /// Area code, then the start and length of its exchanges in `exchanges`.
    areas: Vec<(u32, u32, u32)>,
    /// The distinct exchange sets end to end: most area codes share one, so this stays small.
    exchanges: Vec<u32>,
}

static AREAS_EN_US: LazyLock<Areas> = LazyLock::new(|| {
    let mut texts: Vec<(&str, u32, u32)> = Vec::new();
    let mut exchanges = Vec::new();
    let mut areas = Vec::new();
    for [code, _state, ranges] in PHONE_AREA_EN_US.rows() {
        let (start, len) = match texts.iter().find(|(t, ..)| t == ranges) {
            Some(&(_, start, len)) => (start, len),
            None => {
                let set = parse_ranges("en_US/phone_area.tsv", ranges);
                let span = (exchanges.len() as u32, set.len() as u32);
                exchanges.extend(set);
                texts.push((ranges, span.0, span.1));
                span
            }
        };
        let code = code
            .parse()
            .expect("the phone data's area codes are numbers (tested)");
        areas.push((code, start, len));
    }
    Areas { areas, exchanges }
});

/// A phone number valid for the locale's country, in the national format: `(AAA) EEE-SSSS` for
/// en_US, `030 12345678` for de_DE, `090-1234-5678` for ja_JP (`phone.number`).
///
/// en_US: every area code is equally likely. In safe mode the number is in a range reserved for
/// fiction where the country has one ([`has_fiction_range`]): for en_US one of 555-0100 to
/// 555-0199, the exchange block the NANPA reserves for fiction, so it can reach nobody.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(5);
/// let number = datagen_providers::phone::number(&mut ctx);
/// assert_eq!(number.len(), 14);
/// assert!(number.starts_with('('));
/// ```
pub fn number(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(14);
    write_number(ctx, &mut out);
    out
}

/// Appends a phone number to `out`; see [`number`].
#[inline]
pub fn write_number(ctx: &mut Ctx, out: &mut String) {
    let locale = ctx.locale();
    if let Some(table) = templates(locale) {
        let table = match safe_templates(locale) {
            Some(safe) if ctx.is_safe() => safe,
            _ => table,
        };
        let template = table.pick(ctx)[0];
        fill_template(ctx, template, out);
        return;
    }
    let table = &*AREAS_EN_US;
    let &(area, start, len) = ctx.pick(&table.areas);
    let (exchange, subscriber) = if ctx.is_safe() {
        (555, ctx.range(100..=199))
    } else {
        let start = start as usize;
        let set = &table.exchanges[start..start + len as usize];
        (*ctx.pick(set), ctx.range(0..=9999))
    };
    out.push('(');
    push_padded(out, area, 3);
    out.push_str(") ");
    push_padded(out, exchange, 3);
    out.push('-');
    push_padded(out, subscriber, 4);
}
