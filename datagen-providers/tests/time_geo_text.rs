//! Time, geo, lorem and company values: dates that chrono parses, IANA zones, points inside
//! each country's bounding box, text from its word lists.

mod common;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use common::{all_digits, assert_deterministic, each_value};
use datagen_core::{Ctx, Locale};
use datagen_providers::{company, geo, lorem, time};

#[test]
fn dates_and_times_parse_and_precede_now() {
    let now = Ctx::seeded(0).now();
    let earliest = now - chrono::Duration::days(3_653);
    each_value(time::date, false, |_, d| {
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_else(|e| panic!("{d}: {e}"));
        assert!(
            date <= now.date_naive() && date >= earliest.date_naive(),
            "{d}"
        );
    });
    each_value(time::datetime, false, |_, d| {
        let t: DateTime<Utc> = DateTime::parse_from_rfc3339(d)
            .unwrap_or_else(|e| panic!("{d}: {e}"))
            .with_timezone(&Utc);
        assert!(t <= now && t >= earliest, "{d}");
    });
    each_value(time::time, false, |_, t| {
        NaiveTime::parse_from_str(t, "%H:%M:%S").unwrap_or_else(|e| panic!("{t}: {e}"));
    });
}

/// ISO 8601 durations as the provider writes them: `P[nD][T[nH][nM][nS]]`, at least one part,
/// the seconds they total.
fn duration_secs(d: &str) -> Option<u64> {
    let rest = d.strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((days, time)) => (days, Some(time)),
        None => (rest, None),
    };
    let mut total = 0;
    if !days.is_empty() {
        total += days.strip_suffix('D')?.parse::<u64>().ok()? * 86_400;
    }
    if let Some(mut time) = time {
        if time.is_empty() {
            return None;
        }
        for (unit, secs) in [('H', 3600), ('M', 60), ('S', 1)] {
            if let Some((n, after)) = time.split_once(unit) {
                if !all_digits(n) {
                    return None;
                }
                total += n.parse::<u64>().ok()? * secs;
                time = after;
            }
        }
        if !time.is_empty() {
            return None;
        }
    }
    (total > 0).then_some(total)
}

#[test]
fn durations_are_iso_8601() {
    assert_eq!(duration_secs("PT1H30M"), Some(5400));
    assert_eq!(duration_secs("P3DT4H"), Some(273_600));
    assert_eq!(duration_secs("PT"), None);
    each_value(time::duration, false, |_, d| {
        let secs = duration_secs(d).unwrap_or_else(|| panic!("not an ISO 8601 duration: {d}"));
        assert!((1..=30 * 86_400).contains(&secs), "{d}");
    });
}

#[test]
fn timezones_are_the_locales_iana_zones() {
    each_value(time::timezone, false, |locale, zone| {
        let expected: &[&str] = match locale {
            Locale::DeDe => &["Europe/Berlin", "Europe/Busingen"],
            Locale::EnGb => &["Europe/London"],
            Locale::FrFr => &["Europe/Paris"],
            Locale::ItIt => &["Europe/Rome"],
            Locale::NlNl => &["Europe/Amsterdam"],
            Locale::JaJp => &["Asia/Tokyo"],
            Locale::ZhCn => &["Asia/Shanghai", "Asia/Urumqi"],
            Locale::EsEs => &["Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"],
            Locale::EnUs => {
                assert!(
                    zone.starts_with("America/") || zone.starts_with("Pacific/"),
                    "{zone}"
                );
                return;
            }
            Locale::PtBr => {
                assert!(zone.starts_with("America/"), "{zone}");
                return;
            }
            _ => return,
        };
        assert!(expected.contains(&zone), "{locale}: {zone}");
    });
}

/// Bounding boxes (min lat, max lat, min lon, max lon) of each locale's country, from Natural
/// Earth's country outlines, rounded outwards: mainland and islands, without overseas territories.
fn bounding_box(locale: Locale) -> [f64; 4] {
    match locale {
        Locale::EnUs => [18.9, 71.4, -179.2, -66.9],
        Locale::EnGb => [49.8, 60.9, -8.7, 1.8],
        Locale::DeDe => [47.2, 55.1, 5.8, 15.1],
        Locale::FrFr => [41.3, 51.2, -5.2, 9.6],
        Locale::EsEs => [27.6, 43.8, -18.2, 4.4],
        Locale::ItIt => [35.4, 47.1, 6.6, 18.6],
        Locale::PtBr => [-33.8, 5.3, -74.0, -34.7],
        Locale::JaJp => [24.0, 45.6, 122.9, 146.0],
        Locale::ZhCn => [18.1, 53.6, 73.4, 134.8],
        Locale::NlNl => [50.7, 53.6, 3.3, 7.3],
        _ => [-90.0, 90.0, -180.0, 180.0],
    }
}

#[test]
fn points_lie_inside_the_locales_country() {
    each_value(geo::point, false, |locale, point| {
        let (lat, lon) = point.split_once(',').unwrap_or_else(|| panic!("{point}"));
        assert!(
            lat.split_once('.').is_some_and(|(_, d)| d.len() == 5),
            "{point}"
        );
        let (lat, lon): (f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap());
        let [lat_min, lat_max, lon_min, lon_max] = bounding_box(locale);
        assert!(
            (lat_min..=lat_max).contains(&lat) && (lon_min..=lon_max).contains(&lon),
            "{locale}: {point} outside the country"
        );
    });
    each_value(geo::latitude, false, |locale, lat| {
        let [lat_min, lat_max, ..] = bounding_box(locale);
        assert!(
            (lat_min..=lat_max).contains(&lat.parse::<f64>().unwrap()),
            "{locale}: {lat}"
        );
    });
    each_value(geo::longitude, false, |locale, lon| {
        let [.., lon_min, lon_max] = bounding_box(locale);
        assert!(
            (lon_min..=lon_max).contains(&lon.parse::<f64>().unwrap()),
            "{locale}: {lon}"
        );
    });
}

#[test]
fn lorem_text_is_lorem_ipsum() {
    let words: Vec<&str> = include_str!("../data/lorem/word.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert!(words.contains(&"dolor") && words.contains(&"amet"));
    each_value(lorem::word, false, |_, w| {
        assert!(words.contains(&w), "{w}")
    });
    each_value(lorem::sentence, false, |_, s| {
        let body = s.strip_suffix('.').unwrap_or_else(|| panic!("{s}"));
        let parts: Vec<&str> = body.split(' ').collect();
        assert!((4..=12).contains(&parts.len()), "{s}");
        assert!(parts[0].starts_with(char::is_uppercase), "{s}");
        for p in parts {
            assert!(words.contains(&p.to_lowercase().as_str()), "{p} in {s}");
        }
    });
    each_value(lorem::paragraph, false, |_, p| {
        let sentences = p.matches(". ").count() + 1;
        assert!((3..=6).contains(&sentences) && p.ends_with('.'), "{p}");
    });
}

#[test]
fn company_values() {
    each_value(company::name, false, |locale, name| {
        let forms: &[&str] = match locale {
            Locale::DeDe => &["GmbH", "AG", "KG", " und "],
            Locale::JaJp => &["株式会社", "合同会社", "有限会社"],
            Locale::ZhCn => &["公司"],
            _ => &[""],
        };
        assert!(forms.iter().any(|f| name.contains(f)), "{locale}: {name}");
    });
    each_value(company::industry, false, |_, i| {
        assert!(i.starts_with(char::is_uppercase))
    });
    each_value(company::job_title, false, |_, j| {
        assert!(j.starts_with(char::is_uppercase))
    });
}

#[test]
fn time_geo_lorem_company_are_deterministic() {
    for family in ["time", "geo", "lorem", "company"] {
        assert_deterministic(family);
    }
}
