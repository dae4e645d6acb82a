//! Address providers: `address.street`, `address.city`, `address.state`, `address.postcode`,
//! `address.country`, `address.country_code`.
//!
//! en_US data: cities and states from GeoNames, ZIP codes from the Census Bureau's ZIP Code
//! Tabulation Areas, street suffixes from the USPS list (via Faker). Other locales: cities from
//! GeoNames in the locale's language and script, weighted by population; first-level regions
//! (Länder, régions, prefectures, provinces) weighted by population; postcodes in the national
//! format over the prefixes in use (real CAPs for it_IT); street lines in the country's form
//! ("Hauptstraße 12", "12 rue de la Paix", "丸の内1丁目2番3号"); country names in the locale's
//! language. Each provider draws on its own; the coherent [`address`] composite and [`place`]
//! take street, city, state, postcode, country and coordinates from one place.

use std::sync::LazyLock;

use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::person;
use crate::table::{Table, fill_template, locale_table, table};
use crate::text::{parse_ranges, push_padded};

mod place;
pub use place::{Place, address, place, write_address};

table!(
    /// en_US cities: name, state code; weighted by population.
    CITY_EN_US: 2, "en_US/city.tsv", true
);
table!(
    /// The 50 states and DC: USPS code, name; weighted by population.
    STATE_EN_US: 2, "en_US/state.tsv", true
);
table!(
    /// USPS street suffixes, weighted by usage.
    STREET_SUFFIX_EN_US: 1, "en_US/street_suffix.tsv", true
);
table!(
    /// ZIP codes: 3-digit prefix, state code, ranges of the last two digits.
    ZIP_EN_US: 3, "en_US/zip.tsv", false
);
table!(
    /// Countries with an ISO 3166-1 code: alpha-2 code, English short name.
    COUNTRY: 2, "common/country.tsv", false
);

locale_table!(
    /// Cities of the other locales, in their language: name; weighted by population.
    fn cities: 1, "city.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// First-level regions of the other locales: name; weighted by population.
    fn regions: 1, "state.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// Postcode templates of the other locales (see `fill_template`), weighted.
    fn postcodes: 1, "postcode.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// Common street names (ja_JP: town names), weighted.
    fn street_names: 1, "street_name.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// Street-type words (Road, straße, rue, Via, 路), weighted.
    fn street_types: 1, "street_type.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, ZhCn, NlNl]
);
locale_table!(
    /// Country names in the locale's language: alpha-2 code, name.
    fn countries: 2, "country.tsv", false,
    [DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);

/// The locales with real data for the address providers: all of them.
pub(crate) const LOCALIZED: &[Locale] = &Locale::ALL;

/// The locales `country` and `country_code` are right for: all (en_GB uses the English names).
pub(crate) const COUNTRY_LOCALIZED: &[Locale] = &Locale::ALL;

/// Every en_US ZIP code as a number, so a draw is one index (33,000 of them: 130 KB).
static ZIPS_EN_US: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut zips = Vec::new();
    for [prefix, _state, suffixes] in ZIP_EN_US.rows() {
        let prefix: u32 = prefix.parse().expect("ZIP prefixes are numbers (tested)");
        zips.extend(
            parse_ranges("en_US/zip.tsv", suffixes)
                .into_iter()
                .map(|s| prefix * 100 + s),
        );
    }
    zips
});

/// A city of the locale's country in its language and script, weighted by population
/// (`address.city`).
#[inline]
pub fn city(ctx: &mut Ctx) -> &'static str {
    match cities(ctx.locale()) {
        Some(table) => table.pick(ctx)[0],
        None => CITY_EN_US.pick(ctx)[0],
    }
}

/// A first-level region of the locale's country, weighted by population (`address.state`): a US
/// state (or DC), a UK country, a German Land, a French région, a Spanish comunidad autónoma, an
/// Italian regione, a Brazilian estado, a Japanese prefecture, a Chinese province, a Dutch
/// provincie.
#[inline]
pub fn state(ctx: &mut Ctx) -> &'static str {
    match regions(ctx.locale()) {
        Some(table) => table.pick(ctx)[0],
        None => STATE_EN_US.pick(ctx)[1],
    }
}

/// A country name in the locale's language (English for en_US and en_GB), every country equally
/// likely (`address.country`).
#[inline]
pub fn country(ctx: &mut Ctx) -> &'static str {
    match countries(ctx.locale()) {
        Some(table) => table.pick(ctx)[1],
        None => COUNTRY.pick(ctx)[1],
    }
}

/// An ISO 3166-1 alpha-2 country code, every country equally likely (`address.country_code`).
#[inline]
pub fn country_code(ctx: &mut Ctx) -> &'static str {
    COUNTRY.pick(ctx)[0]
}

/// A postcode in the locale's national format (`address.postcode`): for en_US a 5-digit ZIP code
/// in use (a Census ZCTA), each equally likely; en_GB `SW1 2AB` (real postcode areas); de_DE,
/// fr_FR, es_ES and zh_CN digits after a regional prefix in use; it_IT a real CAP; pt_BR CEP
/// `01234-567`; ja_JP `123-4567`; nl_NL `1234 AB`.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(3);
/// let zip = datagen_providers::address::postcode(&mut ctx);
/// assert!(zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()));
/// ```
pub fn postcode(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(5);
    write_postcode(ctx, &mut out);
    out
}

/// Appends a postcode to `out`; see [`postcode`].
#[inline]
pub fn write_postcode(ctx: &mut Ctx, out: &mut String) {
    match postcodes(ctx.locale()) {
        Some(table) => {
            let template = table.pick(ctx)[0];
            fill_template(ctx, template, out);
        }
        None => push_padded(out, *ctx.pick(&ZIPS_EN_US), 5),
    }
}

/// A street address line in the country's form (`address.street`): "1204 Jackson Street" (en_US),
/// "12 Church Road" (en_GB), "Hauptstraße 12" (de_DE), "12 rue de la Paix" (fr_FR), "Calle
/// Mayor, 12" (es_ES), "Via Roma 12" (it_IT), "Rua das Flores, 123" (pt_BR),
/// "丸の内1丁目2番3号" (ja_JP), "人民路123号" (zh_CN), "Kerkstraat 12" (nl_NL).
pub fn street(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(28);
    write_street(ctx, &mut out);
    out
}

/// How many digits building numbers have, as cumulative weights for 1 to 5 digits: mostly three
/// or four, as on most US streets (datagen's estimate).
const BUILDING_DIGITS: [u64; 5] = [3, 15, 55, 92, 100];

/// Appends a street address line to `out`; see [`street`].
pub fn write_street(ctx: &mut Ctx, out: &mut String) {
    let locale = ctx.locale();
    if let Some(names) = street_names(locale) {
        write_local_street(ctx, locale, names, street_types(locale), out);
        return;
    }
    /// The smallest building number of each length.
    const LOWEST: [u32; 5] = [1, 10, 100, 1_000, 10_000];
    let extra_digits = pick_cumulative(ctx, &BUILDING_DIGITS);
    let low = LOWEST[extra_digits];
    // The number has exactly `extra_digits + 1` digits: no need to count them.
    push_padded(out, ctx.range(low..low * 10), extra_digits + 1);
    out.push(' ');
    // Street names in the USPS style: numbered streets, or streets named after people.
    let kind = ctx.below(20);
    if kind < 3 {
        push_ordinal(out, ctx.range(1..=30));
    } else {
        // A surname or a first name: one draw from either table, chosen without a branch (the
        // choice is a coin flip no predictor learns).
        out.push_str(person::last_or_first_name(ctx, kind < 12));
    }
    out.push(' ');
    out.push_str(STREET_SUFFIX_EN_US.pick(ctx)[0]);
}

/// Appends a street line of a locale other than en_US: a common street name from `names` or one
/// made from a drawn name and a street-type word from `types`, with a building number, laid out
/// as the country writes it.
fn write_local_street(
    ctx: &mut Ctx,
    locale: Locale,
    names: &Table<1>,
    types: Option<&Table<1>>,
    out: &mut String,
) {
    if locale == Locale::JaJp {
        // 町名 then 丁目, 番 and 号 (block, lot and building), the usual Japanese street line.
        out.push_str(names.pick(ctx)[0]);
        push_padded(out, ctx.range(1..=9), 1);
        out.push_str("丁目");
        push_padded(out, ctx.range(1..=30), 1);
        out.push('番');
        push_padded(out, ctx.range(1..=20), 1);
        out.push('号');
        return;
    }
    let number = building_number(ctx);
    let before = matches!(locale, Locale::EnGb | Locale::FrFr);
    if before {
        push_padded(out, number, 1);
        out.push(' ');
    }
    match types {
        // Four in ten streets get one of the common names; the rest are named after people.
        Some(types) if !ctx.chance(0.4) => {
            let kind = types.pick(ctx)[0];
            match locale {
                Locale::EnGb => {
                    out.push_str(person::last_name(ctx));
                    out.push(' ');
                    out.push_str(kind);
                }
                // Suffixes join the name: "Goethestraße", "Julianastraat", "王家路".
                Locale::DeDe | Locale::ZhCn => {
                    out.push_str(person::last_name(ctx));
                    out.push_str(kind);
                }
                Locale::NlNl => {
                    out.push_str(person::first_name(ctx));
                    out.push_str(kind);
                }
                _ => {
                    out.push_str(kind);
                    out.push(' ');
                    if locale == Locale::EsEs {
                        out.push_str("de ");
                    }
                    if ctx.chance(0.6) {
                        out.push_str(person::first_name(ctx));
                        out.push(' ');
                    }
                    out.push_str(person::last_name(ctx));
                }
            }
        }
        _ => out.push_str(names.pick(ctx)[0]),
    }
    if !before {
        match locale {
            Locale::EsEs | Locale::PtBr => out.push_str(", "),
            Locale::ZhCn => {}
            _ => out.push(' '),
        }
        push_padded(out, number, 1);
        if locale == Locale::ZhCn {
            out.push('号');
        }
    }
}

/// A building number: mostly small, as on European streets (datagen's estimate): 1-30 half the
/// time, up to 200 most of the rest.
fn building_number(ctx: &mut Ctx) -> u32 {
    match ctx.below(10) {
        0..=4 => ctx.range(1..=30),
        5..=8 => ctx.range(1..=200),
        _ => ctx.range(1..=999),
    }
}

/// Appends an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.
fn push_ordinal(out: &mut String, n: u32) {
    push_padded(out, n, 1);
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    out.push_str(suffix);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let mut s = String::new();
        for n in [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 30] {
            push_ordinal(&mut s, n);
            s.push(' ');
        }
        assert_eq!(s, "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 30th ");
    }

    #[test]
    fn every_zip_prefix_has_a_known_state() {
        let states: Vec<&str> = STATE_EN_US.rows().iter().map(|r| r[0]).collect();
        for [prefix, state, _] in ZIP_EN_US.rows() {
            assert!(
                states.contains(state),
                "prefix {prefix}: unknown state {state}"
            );
        }
        for [name, state] in CITY_EN_US.rows() {
            assert!(states.contains(state), "city {name}: unknown state {state}");
        }
    }
}
