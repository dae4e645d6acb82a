//! The coherent address: `address.address` and [`place`], one real place per draw.
//!
//! What is coherent, per locale:
//! - en_US: the city, its state, its coordinates (GeoNames) and the ZIP code: a ZIP code in use
//!   (Census ZCTA) whose 3-digit prefix belongs to the city's state. The ZIP lies in the right
//!   state but is not necessarily one of the city's own.
//! - de_DE and fr_FR: the city, its Land or région (named as [`state`](super::state) names it)
//!   and its coordinates come from one GeoNames place. fr_FR postcodes start with the number of
//!   one of the région's départements (the city's own département is not in the data); de_DE
//!   postcodes are the national format over the Leitregionen in use, not tied to the Land (German
//!   postcode regions cross Länder borders).
//! - the other locales: the city (in the locale's language and script) and its coordinates come
//!   from one GeoNames place of the country; the data ties no region to these places, so
//!   [`Place::state`] is `None`, and the postcode is the locale's national format over the
//!   prefixes in use ([`postcode`](super::postcode)), not the city's own.
//! - everywhere: the street line is made up in the country's form ([`street`](super::street)).
//!
//! Safe mode changes nothing: the places are public facts and the street lines are made up.

use std::collections::HashMap;
use std::sync::LazyLock;

use datagen_core::{Ctx, Locale};

use crate::table::{Table, fill_template};
use crate::text::{parse_ranges, push_padded};

/// A table of places under `data/`, parsed on first use.
macro_rules! place_table {
    ($cols:literal, $file:literal) => {{
        static TABLE: LazyLock<Table<$cols>> = LazyLock::new(|| {
            Table::parse($file, include_str!(concat!("../../data/", $file)), true)
        });
        &*TABLE
    }};
}

/// en_US places: name, state code, latitude, longitude; weighted by population.
fn us_places() -> &'static Table<4> {
    place_table!(4, "en_US/place.tsv")
}

/// The places of the other locales: name, region (`-` when unknown), postcode templates (`,`
/// between them; `-` for the locale's postcode table), latitude, longitude; weighted by
/// population.
fn places(locale: Locale) -> Option<&'static Table<5>> {
    Some(match locale {
        Locale::EnGb => place_table!(5, "en_GB/place.tsv"),
        Locale::DeDe => place_table!(5, "de_DE/place.tsv"),
        Locale::FrFr => place_table!(5, "fr_FR/place.tsv"),
        Locale::EsEs => place_table!(5, "es_ES/place.tsv"),
        Locale::ItIt => place_table!(5, "it_IT/place.tsv"),
        Locale::PtBr => place_table!(5, "pt_BR/place.tsv"),
        Locale::JaJp => place_table!(5, "ja_JP/place.tsv"),
        Locale::ZhCn => place_table!(5, "zh_CN/place.tsv"),
        Locale::NlNl => place_table!(5, "nl_NL/place.tsv"),
        // en_US, and any locale added later until it has its own table.
        _ => return None,
    })
}

/// The ZIP codes in use of each state, from the ZIP table's prefixes.
static ZIPS_BY_STATE: LazyLock<HashMap<&'static str, Vec<u32>>> = LazyLock::new(|| {
    let mut by_state: HashMap<&'static str, Vec<u32>> = HashMap::new();
    for [prefix, state, suffixes] in super::ZIP_EN_US.rows() {
        let prefix: u32 = prefix.parse().expect("ZIP prefixes are numbers (tested)");
        by_state.entry(state).or_default().extend(
            parse_ranges("en_US/zip.tsv", suffixes)
                .into_iter()
                .map(|s| prefix * 100 + s),
        );
    }
    by_state
});

/// The name of the locale's own country in the locale's language.
static HOME_COUNTRY: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    Locale::ALL
        .iter()
        .map(|&locale| {
            let code = locale.country_code();
            let rows = match super::countries(locale) {
                Some(table) => table.rows(),
                None => super::COUNTRY.rows(),
            };
            rows.iter()
                .find(|row| row[0] == code)
                .map_or(code, |row| row[1])
        })
        .collect()
});

/// One real place with a made-up street line: the parts of an address that belong together.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(7);
/// let place = datagen_providers::address::place(&mut ctx);
/// assert_eq!(place.country_code, "US");
/// assert_eq!(place.postcode.len(), 5);
/// assert!(place.state.is_some());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The street line in the country's form (made up): "1204 Jackson Street".
    pub street: String,
    /// The city, in the locale's language and script.
    pub city: &'static str,
    /// The first-level region where the data ties it to the city: the USPS state code for
    /// en_US ("IL"), the Land for de_DE ("Bayern"), the région for fr_FR ("Occitanie"); `None`
    /// in the other locales.
    pub state: Option<&'static str>,
    /// The postcode: for en_US a ZIP code of the city's state; for fr_FR one of a département of
    /// the city's région; elsewhere the national format.
    pub postcode: String,
    /// The country's name in the locale's language.
    pub country: &'static str,
    /// The country's ISO 3166-1 alpha-2 code.
    pub country_code: &'static str,
    /// The city's latitude in degrees (GeoNames, WGS 84).
    pub latitude: f64,
    /// The city's longitude in degrees (GeoNames, WGS 84).
    pub longitude: f64,
}

/// One real place of the locale's country, weighted by population, with a made-up street line
/// and a postcode as coherent as the data allows (see the module documentation).
pub fn place(ctx: &mut Ctx) -> Place {
    let locale = ctx.locale();
    let mut street = String::with_capacity(28);
    super::write_street(ctx, &mut street);
    let country = HOME_COUNTRY[Locale::ALL.iter().position(|&l| l == locale).unwrap_or(0)];
    let country_code = locale.country_code();
    let coordinate = |s: &str| s.parse::<f64>().expect("coordinates are numbers (tested)");
    match places(locale) {
        Some(table) => {
            let [city, region, templates, lat, lon] = *table.pick(ctx);
            let mut postcode = String::with_capacity(9);
            if templates == "-" {
                super::write_postcode(ctx, &mut postcode);
            } else {
                let n = templates.split(',').count();
                let template = templates.split(',').nth(ctx.index(n)).unwrap_or(templates);
                fill_template(ctx, template, &mut postcode);
            }
            Place {
                street,
                city,
                state: (region != "-").then_some(region),
                postcode,
                country,
                country_code,
                latitude: coordinate(lat),
                longitude: coordinate(lon),
            }
        }
        None => {
            let [city, state, lat, lon] = *us_places().pick(ctx);
            let mut postcode = String::with_capacity(5);
            match ZIPS_BY_STATE.get(state) {
                Some(zips) => push_padded(&mut postcode, *ctx.pick(zips), 5),
                None => super::write_postcode(ctx, &mut postcode),
            }
            Place {
                street,
                city,
                state: Some(state),
                postcode,
                country,
                country_code,
                latitude: coordinate(lat),
                longitude: coordinate(lon),
            }
        }
    }
}

/// A whole postal address on one line, all of one [`place`] (`address.address`), laid out as
/// the country writes it: "1204 Jackson Street, Joliet, IL 60431, United States" (en_US),
/// "12 Church Road, Leeds, LS1 2AB, United Kingdom" (en_GB), "Hauptstraße 12, 10115 Berlin,
/// Deutschland" (de_DE, and likewise fr_FR, es_ES, it_IT, nl_NL), "Rua das Flores, 123,
/// São Paulo, 01234-567, Brasil" (pt_BR), "日本 〒123-4567 横浜市丸の内1丁目2番3号" (ja_JP),
/// "中国 上海市人民路123号 200000" (zh_CN). Safe mode changes nothing.
pub fn address(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(64);
    write_address(ctx, &mut out);
    out
}

/// Appends a whole postal address to `out`; see [`address`].
pub fn write_address(ctx: &mut Ctx, out: &mut String) {
    let p = place(ctx);
    let parts: &[&str] = match ctx.locale() {
        Locale::EnUs => &[
            &p.street,
            ", ",
            p.city,
            ", ",
            p.state.unwrap_or_default(),
            " ",
            &p.postcode,
            ", ",
            p.country,
        ],
        Locale::EnGb | Locale::PtBr => {
            &[&p.street, ", ", p.city, ", ", &p.postcode, ", ", p.country]
        }
        Locale::JaJp => &[p.country, " 〒", &p.postcode, " ", p.city, &p.street],
        Locale::ZhCn => &[p.country, " ", p.city, &p.street, " ", &p.postcode],
        _ => &[&p.street, ", ", &p.postcode, " ", p.city, ", ", p.country],
    };
    for part in parts {
        out.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_table_parses_and_states_have_zips() {
        for [name, state, lat, lon] in us_places().rows() {
            assert!(
                ZIPS_BY_STATE.contains_key(state),
                "{name}: no ZIP for {state}"
            );
            assert!(
                lat.parse::<f64>().is_ok() && lon.parse::<f64>().is_ok(),
                "{name}"
            );
        }
        for locale in Locale::ALL {
            if let Some(table) = places(locale) {
                for [name, _, templates, lat, lon] in table.rows() {
                    assert!(
                        lat.parse::<f64>().is_ok() && lon.parse::<f64>().is_ok(),
                        "{name}"
                    );
                    assert!(
                        *templates == "-"
                            || templates
                                .split(',')
                                .all(|t| t.bytes().all(|b| b == b'#' || b.is_ascii_digit())),
                        "{name}: {templates}"
                    );
                }
            }
        }
    }
}
