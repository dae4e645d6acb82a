//! Time providers: `time.date`, `time.datetime`, `time.time`, `time.duration`, `time.timezone`.
//!
//! Dates and times are ISO 8601 and lie in the ten years before the context's `now` (a fixed
//! instant, never the wall clock), so runs are deterministic; time zones are canonical IANA names
//! of the locale's country.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Timelike, Utc};
use datagen_core::{Ctx, Locale};

use crate::table::table;
use crate::text::push_padded;

table!(
    /// IANA zones by country: ISO 3166 alpha-2 code, zone name; sorted by country.
    TIMEZONE: 2, "time/timezone.tsv", false
);

/// Every locale: ISO 8601 values are the same everywhere; zones are the locale's country's.
pub(crate) const ALL: &[Locale] = &Locale::ALL;

/// The span dates and times are drawn from, ending at `now`: ten years of seconds.
const SPAN_SECS: u64 = 3_652 * 24 * 3600;

/// An instant within the ten years before the context's `now`, to the second.
fn recent(ctx: &mut Ctx) -> DateTime<Utc> {
    let now = ctx.now().timestamp();
    let secs = now - ctx.below(SPAN_SECS) as i64;
    DateTime::from_timestamp(secs, 0).unwrap_or_else(|| ctx.now())
}

/// Appends `YYYY-MM-DD`.
fn push_date(out: &mut String, t: &DateTime<Utc>) {
    push_padded(out, t.year().max(0) as u32, 4);
    out.push('-');
    push_padded(out, t.month(), 2);
    out.push('-');
    push_padded(out, t.day(), 2);
}

/// Appends `hh:mm:ss`.
fn push_time(out: &mut String, t: &DateTime<Utc>) {
    push_padded(out, t.hour(), 2);
    out.push(':');
    push_padded(out, t.minute(), 2);
    out.push(':');
    push_padded(out, t.second(), 2);
}

/// A calendar date, ISO 8601 `YYYY-MM-DD`, within the ten years before the context's `now`
/// (`time.date`). Safe mode changes nothing.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(8);
/// let date = datagen_providers::time::date(&mut ctx);
/// assert!(date.as_str() <= "2025-01-01" && date.as_str() >= "2015-01-01");
/// ```
pub fn date(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(10);
    write_date(ctx, &mut out);
    out
}

/// Appends a date to `out`; see [`date`].
pub fn write_date(ctx: &mut Ctx, out: &mut String) {
    let t = recent(ctx);
    push_date(out, &t);
}

/// A UTC date and time, ISO 8601 / RFC 3339 `YYYY-MM-DDThh:mm:ssZ`, within the ten years before
/// the context's `now` (`time.datetime`). Safe mode changes nothing.
pub fn datetime(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(20);
    write_datetime(ctx, &mut out);
    out
}

/// Appends a date and time to `out`; see [`datetime`].
pub fn write_datetime(ctx: &mut Ctx, out: &mut String) {
    let t = recent(ctx);
    push_date(out, &t);
    out.push('T');
    push_time(out, &t);
    out.push('Z');
}

/// A time of day, ISO 8601 `hh:mm:ss`, every second equally likely (`time.time`). Safe mode
/// changes nothing.
pub fn time(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(8);
    write_time(ctx, &mut out);
    out
}

/// Appends a time of day to `out`; see [`time`].
pub fn write_time(ctx: &mut Ctx, out: &mut String) {
    let secs = ctx.below(86_400) as u32;
    push_padded(out, secs / 3600, 2);
    out.push(':');
    push_padded(out, secs / 60 % 60, 2);
    out.push(':');
    push_padded(out, secs % 60, 2);
}

/// An ISO 8601 duration from one second to thirty days, such as `PT45S`, `PT1H30M` or
/// `P3DT4H12M`, log-uniform so short ones are as common per decade as long ones
/// (`time.duration`). Safe mode changes nothing.
pub fn duration(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(16);
    write_duration(ctx, &mut out);
    out
}

/// Appends a duration to `out`; see [`duration`].
pub fn write_duration(ctx: &mut Ctx, out: &mut String) {
    // 1 s to 30 days (2,592,000 s): 10^(6.41 u).
    let secs = 10f64.powf(6.4136 * ctx.unit_f64()).round().max(1.0) as u32;
    let (days, hours, minutes, seconds) =
        (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    out.push('P');
    if days > 0 {
        push_padded(out, days, 1);
        out.push('D');
    }
    if hours + minutes + seconds > 0 {
        out.push('T');
        for (value, unit) in [(hours, 'H'), (minutes, 'M'), (seconds, 'S')] {
            if value > 0 {
                push_padded(out, value, 1);
                out.push(unit);
            }
        }
    }
}

/// The rows of `TIMEZONE` for each country.
static ZONES_BY_COUNTRY: LazyLock<Vec<(&'static str, Range<usize>)>> = LazyLock::new(|| {
    let mut out: Vec<(&'static str, Range<usize>)> = Vec::new();
    for (i, row) in TIMEZONE.rows().iter().enumerate() {
        match out.last_mut() {
            Some((cc, range)) if *cc == row[0] => range.end = i + 1,
            _ => out.push((row[0], i..i + 1)),
        }
    }
    out
});

/// A canonical IANA time zone of the locale's country, such as `Europe/Berlin` for de_DE or
/// `America/Chicago` for en_US, every zone of the country equally likely (`time.timezone`).
/// Safe mode changes nothing.
pub fn timezone(ctx: &mut Ctx) -> &'static str {
    let cc = ctx.locale().country_code();
    let range = ZONES_BY_COUNTRY
        .iter()
        .find(|(c, _)| *c == cc)
        .map_or(0..TIMEZONE.rows().len(), |(_, r)| r.clone());
    TIMEZONE.rows()[ctx.range(range)][1]
}
