//! Geo providers: `geo.point`, `geo.latitude`, `geo.longitude`, inside the locale's country.
//!
//! A point is a real place of the country (GeoNames places of 15,000 people or more, weighted by
//! population, so points fall where people live), moved by up to 0.02° (about 2 km) and kept
//! inside the extent of the country's places, hence inside its bounding box.

use std::sync::LazyLock;

use datagen_core::{Ctx, Locale};

use crate::table::table;
use crate::weights::Alias;

table!(
    /// Each country's extent: country, min and max latitude, min and max longitude.
    COUNTRY_EXTENT: 5, "geo/country_extent.tsv", false
);

/// Every locale: points lie in the locale's country.
pub(crate) const ALL: &[Locale] = &Locale::ALL;

/// How far a point may move from its place, in degrees.
const JITTER: f64 = 0.02;

/// One country's places and extent.
struct Country {
    code: &'static str,
    points: Vec<(f64, f64)>,
    weights: Alias,
    /// Min and max latitude, min and max longitude.
    extent: [f64; 4],
}

/// Parses a coordinate from the data files.
fn coordinate(text: &str) -> f64 {
    text.parse()
        .expect("coordinates in the geo data are numbers (tested)")
}

/// The places of `geo/city_point.tsv` (country, latitude, longitude, population; sorted by
/// country), grouped by country with cumulative population weights.
static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    let text = include_str!("../data/geo/city_point.tsv");
    let mut countries: Vec<Country> = Vec::new();
    let mut sums: Vec<Vec<u64>> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let cells: Vec<&str> = line.split('\t').collect();
        let [code, lat, lon, population] = cells[..] else {
            panic!("geo/city_point.tsv: expected 4 columns in `{line}`");
        };
        if countries.last().is_none_or(|c| c.code != code) {
            let extent = COUNTRY_EXTENT
                .rows()
                .iter()
                .find(|e| e[0] == code)
                .map(|e| {
                    [
                        coordinate(e[1]),
                        coordinate(e[2]),
                        coordinate(e[3]),
                        coordinate(e[4]),
                    ]
                })
                .expect("every country with places has an extent (tested)");
            countries.push(Country {
                code,
                points: Vec::new(),
                weights: Alias::new(&[1]),
                extent,
            });
            sums.push(Vec::new());
        }
        let country = countries.last_mut().expect("pushed above");
        country.points.push((coordinate(lat), coordinate(lon)));
        let population: u64 = population
            .parse()
            .expect("populations are numbers (tested)");
        let sum = sums.last_mut().expect("pushed above");
        sum.push(sum.last().copied().unwrap_or(0) + population.max(1));
    }
    for (country, sum) in countries.iter_mut().zip(sums) {
        country.weights = Alias::new(&sum);
    }
    countries
});

/// A point (latitude, longitude) in the locale's country.
fn draw(ctx: &mut Ctx) -> (f64, f64) {
    let cc = ctx.locale().country_code();
    let countries = &*COUNTRIES;
    let country = countries
        .iter()
        .find(|c| c.code == cc)
        .unwrap_or(&countries[0]);
    let (lat, lon) = country.points[country.weights.pick(ctx)];
    let [lat_min, lat_max, lon_min, lon_max] = country.extent;
    let lat = (lat + ctx.range(-JITTER..JITTER)).clamp(lat_min, lat_max);
    let lon = (lon + ctx.range(-JITTER..JITTER)).clamp(lon_min, lon_max);
    (lat, lon)
}

/// Appends a coordinate with five decimals (about a metre).
fn push_coordinate(out: &mut String, value: f64) {
    use std::fmt::Write;
    let _ = write!(out, "{value:.5}");
}

/// A point in the locale's country, `latitude,longitude` in decimal degrees (WGS 84) with five
/// decimals, such as `48.85661,2.35222` (`geo.point`). Safe mode changes nothing: a point near a
/// town identifies no one.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(2).with_locale(datagen_core::Locale::NlNl);
/// let point = datagen_providers::geo::point(&mut ctx);
/// let (lat, lon) = point.split_once(',').unwrap();
/// assert!((50.7..53.6).contains(&lat.parse::<f64>().unwrap()));
/// assert!((3.3..7.3).contains(&lon.parse::<f64>().unwrap()));
/// ```
pub fn point(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(20);
    write_point(ctx, &mut out);
    out
}

/// Appends a point to `out`; see [`point`].
pub fn write_point(ctx: &mut Ctx, out: &mut String) {
    let (lat, lon) = draw(ctx);
    push_coordinate(out, lat);
    out.push(',');
    push_coordinate(out, lon);
}

/// The latitude of a [`point`] in the locale's country, five decimals (`geo.latitude`).
pub fn latitude(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(10);
    write_latitude(ctx, &mut out);
    out
}

/// Appends a latitude to `out`; see [`latitude`].
pub fn write_latitude(ctx: &mut Ctx, out: &mut String) {
    push_coordinate(out, draw(ctx).0);
}

/// The longitude of a [`point`] in the locale's country, five decimals (`geo.longitude`).
pub fn longitude(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(10);
    write_longitude(ctx, &mut out);
    out
}

/// Appends a longitude to `out`; see [`longitude`].
pub fn write_longitude(ctx: &mut Ctx, out: &mut String) {
    push_coordinate(out, draw(ctx).1);
}
