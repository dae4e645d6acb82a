//! The coherent address: `address.address` and [`place`], one real place per draw.
//!
//! What is coherent, per locale:
//! - en_US: the city, its state, its coordinates (GeoNames) and a ZIP code in use (Census ZCTA)
//!   of the city's state whose centre lies within 12 km of the city (the state's nearest, for the
//!   few places with none that close).
//! - the other locales: the city (in the locale's language and script), its first-level region
//!   (named as [`state`](super::state) names it) and its coordinates come from one GeoNames
//!   place, and the postcode is one of that place's own (de_DE, fr_FR, it_IT, ja_JP, zh_CN,
//!   nl_NL: real postcodes of the locality; pt_BR: the municipality's CEP prefix; es_ES: the
//!   province's prefix; en_GB: a district of the nearest postcode area). A district of a city
//!   (Hamburg-Nord) takes the city's postcodes; a place the postcode data does not name takes
//!   its region's. `data/<locale>/place.tsv` says how many places are in each case.
//! - everywhere: the street line is made up in the country's form ([`street`](super::street)).
//!
//! Safe mode changes nothing: the places are public facts and the street lines are made up.

use std::sync::LazyLock;

use datagen_core::{Ctx, Locale};

use crate::table::{Table, fill_template};

/// A table of places under `data/`, parsed on first use.
macro_rules! place_table {
    ($cols:literal, $file:literal) => {{
        static TABLE: LazyLock<Table<$cols>> = LazyLock::new(|| {
            Table::parse($file, include_str!(concat!("../../data/", $file)), true)
        });
        &*TABLE
    }};
}

/// The places of a locale: name, region (en_US: the USPS state code), postcodes (`,` between
/// them; templates for `fill_template`, en_US ZIP codes as they are), latitude, longitude;
/// weighted by population.
fn places(locale: Locale) -> &'static Table<5> {
    match locale {
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
        _ => place_table!(5, "en_US/place.tsv"),
    }
}

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
    /// The first-level region the city lies in: the USPS state code for en_US ("IL"), elsewhere
    /// the region as [`state`](super::state) names it ("Bayern", "Occitanie", "神奈川県"). Every
    /// locale's places have one; `None` is kept for locales added later without region data.
    pub state: Option<&'static str>,
    /// The postcode: one of the place's (see the module documentation).
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

/// A drawn place before its postcode and street are drawn: all borrowed from the table.
struct Drawn {
    city: &'static str,
    state: &'static str,
    /// The place's postcodes, `,` between them.
    postcodes: &'static str,
    latitude: &'static str,
    longitude: &'static str,
}

/// Draws a place of the locale's country, weighted by population.
fn draw(ctx: &mut Ctx) -> Drawn {
    let [city, state, postcodes, latitude, longitude] = *places(ctx.locale()).pick(ctx);
    Drawn {
        city,
        state,
        postcodes,
        latitude,
        longitude,
    }
}

impl Drawn {
    /// Appends one of the place's postcodes to `out`, each equally likely.
    fn write_postcode(&self, ctx: &mut Ctx, out: &mut String) {
        let count = self.postcodes.bytes().filter(|&b| b == b',').count() + 1;
        let template = self
            .postcodes
            .split(',')
            .nth(ctx.index(count))
            .unwrap_or(self.postcodes);
        fill_template(ctx, template, out);
    }
}

/// The country's name in the locale's language.
fn home_country(locale: Locale) -> &'static str {
    HOME_COUNTRY[Locale::ALL.iter().position(|&l| l == locale).unwrap_or(0)]
}

/// One real place of the locale's country, weighted by population, with a made-up street line
/// and one of the place's postcodes (see the module documentation).
pub fn place(ctx: &mut Ctx) -> Place {
    let locale = ctx.locale();
    let drawn = draw(ctx);
    let mut street = String::with_capacity(28);
    let mut postcode = String::with_capacity(9);
    // The order [`write_address`] draws them in, so both give the same parts for one seed.
    if locale == Locale::JaJp {
        drawn.write_postcode(ctx, &mut postcode);
        super::write_street(ctx, &mut street);
    } else {
        super::write_street(ctx, &mut street);
        drawn.write_postcode(ctx, &mut postcode);
    }
    let coordinate = |s: &str| s.parse::<f64>().expect("coordinates are numbers (tested)");
    Place {
        street,
        city: drawn.city,
        state: Some(drawn.state),
        postcode,
        country: home_country(locale),
        country_code: locale.country_code(),
        latitude: coordinate(drawn.latitude),
        longitude: coordinate(drawn.longitude),
    }
}

/// A whole postal address on one line, all of one [`place`] (`address.address`), laid out as
/// the country writes it: "1204 Jackson Street, Joliet, IL 60431, United States" (en_US),
/// "12 Church Road, Leeds, LS1 2AB, United Kingdom" (en_GB), "Hauptstraße 12, 80331 München,
/// Deutschland" (de_DE, and likewise fr_FR, es_ES, it_IT, nl_NL), "Rua das Flores, 123,
/// São Paulo, 01000-123, Brasil" (pt_BR), "日本 〒220-0045 神奈川県横浜市丸の内1丁目2番3号"
/// (ja_JP), "中国 江苏省南京市人民路123号 210037" (zh_CN): Japanese and Chinese addresses name the
/// prefecture or province before the city, unless the city is one (东京, 上海市). Safe mode
/// changes nothing.
pub fn address(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(64);
    write_address(ctx, &mut out);
    out
}

/// Appends a whole postal address to `out`; see [`address`]. Nothing is allocated: the parts
/// are borrowed from the tables or written straight into `out`.
pub fn write_address(ctx: &mut Ctx, out: &mut String) {
    let locale = ctx.locale();
    let p = draw(ctx);
    let country = home_country(locale);
    // The region before the city, as Japanese and Chinese addresses write it, unless the city
    // is the region (東京 in 東京都, 上海市).
    let region = if p.state.starts_with(p.city) || p.city.starts_with(p.state) {
        ""
    } else {
        p.state
    };
    match locale {
        Locale::EnUs => {
            super::write_street(ctx, out);
            for part in [", ", p.city, ", ", p.state, " "] {
                out.push_str(part);
            }
            p.write_postcode(ctx, out);
            out.push_str(", ");
            out.push_str(country);
        }
        Locale::EnGb | Locale::PtBr => {
            super::write_street(ctx, out);
            for part in [", ", p.city, ", "] {
                out.push_str(part);
            }
            p.write_postcode(ctx, out);
            out.push_str(", ");
            out.push_str(country);
        }
        Locale::JaJp => {
            out.push_str(country);
            out.push_str(" 〒");
            p.write_postcode(ctx, out);
            for part in [" ", region, p.city] {
                out.push_str(part);
            }
            super::write_street(ctx, out);
        }
        Locale::ZhCn => {
            for part in [country, " ", region, p.city] {
                out.push_str(part);
            }
            super::write_street(ctx, out);
            out.push(' ');
            p.write_postcode(ctx, out);
        }
        _ => {
            super::write_street(ctx, out);
            out.push_str(", ");
            p.write_postcode(ctx, out);
            for part in [" ", p.city, ", ", country] {
                out.push_str(part);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_table_parses_with_known_regions() {
        for locale in Locale::ALL {
            let regions: Vec<&str> = match super::super::regions(locale) {
                Some(table) => table.rows().iter().map(|r| r[0]).collect(),
                None => super::super::STATE_EN_US
                    .rows()
                    .iter()
                    .map(|r| r[0])
                    .collect(),
            };
            for [name, region, postcodes, lat, lon] in places(locale).rows() {
                assert!(
                    lat.parse::<f64>().is_ok() && lon.parse::<f64>().is_ok(),
                    "{name}"
                );
                assert!(regions.contains(region), "{locale} {name}: {region}");
                assert!(
                    postcodes.split(',').all(|t| !t.is_empty()
                        && t.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"#@% -".contains(&b))),
                    "{name}: {postcodes}"
                );
            }
        }
    }
}
