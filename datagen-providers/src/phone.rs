//! Phone providers: `phone.number`, valid under libphonenumber's rules for the locale's country.
//!
//! en_US numbers are NANP numbers in a real US area code, with an exchange that libphonenumber's
//! metadata accepts there (the extraction script checks every pair against it) and that is not one
//! of the NANP's special exchanges (N11, 555, 950, 958, 959, 976).

use std::sync::LazyLock;

use datagen_core::{Ctx, Locale};

use crate::table::table;
use crate::text::{parse_ranges, push_padded};

table!(
    /// US area codes: area code, state, valid exchange ranges.
    PHONE_AREA_EN_US: 3, "en_US/phone_area.tsv", false
);

/// The locales with real phone data.
pub(crate) const LOCALIZED: &[Locale] = &[Locale::EnUs];

/// The area codes, each with the index of its set of valid exchanges.
struct Areas {
    areas: Vec<(u32, usize)>,
    /// The distinct exchange sets: most area codes share one, so this stays small.
    exchange_sets: Vec<Vec<u32>>,
}

static AREAS_EN_US: LazyLock<Areas> = LazyLock::new(|| {
    let mut texts: Vec<&str> = Vec::new();
    let mut exchange_sets = Vec::new();
    let mut areas = Vec::new();
    for [code, _state, exchanges] in PHONE_AREA_EN_US.rows() {
        let set = texts
            .iter()
            .position(|t| t == exchanges)
            .unwrap_or_else(|| {
                texts.push(exchanges);
                exchange_sets.push(parse_ranges("en_US/phone_area.tsv", exchanges));
                exchange_sets.len() - 1
            });
        areas.push((
            code.parse()
                .expect("the phone data's area codes are numbers (tested)"),
            set,
        ));
    }
    Areas {
        areas,
        exchange_sets,
    }
});

/// A phone number in the national format, `(AAA) EEE-SSSS` for en_US (`phone.number`).
///
/// Every area code is equally likely. In safe mode the number is one of 555-0100 to 555-0199,
/// the exchange block the NANPA reserves for fiction, so it can reach nobody.
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
    let table = &*AREAS_EN_US;
    let &(area, set) = ctx.pick(&table.areas);
    let (exchange, subscriber) = if ctx.is_safe() {
        (555, ctx.range(100..=199))
    } else {
        (*ctx.pick(&table.exchange_sets[set]), ctx.range(0..=9999))
    };
    out.push('(');
    push_padded(out, area, 3);
    out.push_str(") ");
    push_padded(out, exchange, 3);
    out.push('-');
    push_padded(out, subscriber, 4);
}
