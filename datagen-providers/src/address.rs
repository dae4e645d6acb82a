//! Address providers: `address.street`, `address.city`, `address.state`, `address.postcode`,
//! `address.country`, `address.country_code`.
//!
//! en_US data: cities and states from GeoNames, ZIP codes from the Census Bureau's ZIP Code
//! Tabulation Areas, street suffixes from the USPS list (via Faker). Each provider draws on its
//! own; the coherent `address` composite (street, city, state and ZIP of one place) is still to
//! come.

use std::sync::LazyLock;

use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::person;
use crate::table::table;
use crate::text::{parse_ranges, push_padded};

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

/// The locales with real data for the address providers other than `country`.
pub(crate) const LOCALIZED: &[Locale] = &[Locale::EnUs];

/// The locales `country` and `country_code` are right for: country names are English for now.
pub(crate) const COUNTRY_LOCALIZED: &[Locale] = &[Locale::EnUs, Locale::EnGb];

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

/// A city name, weighted by population (`address.city`).
#[inline]
pub fn city(ctx: &mut Ctx) -> &'static str {
    CITY_EN_US.pick(ctx)[0]
}

/// A US state name (or the District of Columbia), weighted by population (`address.state`).
#[inline]
pub fn state(ctx: &mut Ctx) -> &'static str {
    STATE_EN_US.pick(ctx)[1]
}

/// A country name, every country equally likely (`address.country`).
#[inline]
pub fn country(ctx: &mut Ctx) -> &'static str {
    COUNTRY.pick(ctx)[1]
}

/// An ISO 3166-1 alpha-2 country code, every country equally likely (`address.country_code`).
#[inline]
pub fn country_code(ctx: &mut Ctx) -> &'static str {
    COUNTRY.pick(ctx)[0]
}

/// A postcode: for en_US a 5-digit ZIP code in use (a Census ZCTA), each equally likely
/// (`address.postcode`).
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
    push_padded(out, *ctx.pick(&ZIPS_EN_US), 5);
}

/// A street address line, `<building number> <street name> <suffix>`, such as
/// "1204 Jackson Street" or "37 5th Avenue" (`address.street`).
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
    let extra_digits = pick_cumulative(ctx, &BUILDING_DIGITS) as u32;
    let low = 10u32.pow(extra_digits);
    push_padded(out, ctx.range(low..low * 10), 1);
    out.push(' ');
    // Street names in the USPS style: numbered streets, or streets named after people.
    let kind = ctx.below(20);
    if kind < 3 {
        push_ordinal(out, ctx.range(1..=30));
    } else if kind < 12 {
        out.push_str(person::last_name(ctx));
    } else {
        out.push_str(person::first_name(ctx));
    }
    out.push(' ');
    out.push_str(STREET_SUFFIX_EN_US.pick(ctx)[0]);
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
