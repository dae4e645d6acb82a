//! `Generate` for chrono dates and times and for durations, relative to `ctx.now()`.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use crate::ctx::Ctx;
use crate::generate::Generate;

/// Instants and dates fall in the `DEFAULT_SPAN_DAYS` days before `ctx.now()`.
pub const DEFAULT_SPAN_DAYS: i64 = 5 * 365;

const SECONDS_PER_DAY: i64 = 86_400;

/// A uniform instant in `[now - DEFAULT_SPAN_DAYS days, now]`, to the second.
impl Generate for DateTime<Utc> {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        let back = ctx.range(0..=DEFAULT_SPAN_DAYS * SECONDS_PER_DAY);
        ctx.now() - TimeDelta::seconds(back)
    }
}

/// See the `DateTime<Utc>` impl; the same instant without its zone.
impl Generate for NaiveDateTime {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        DateTime::<Utc>::generate(ctx).naive_utc()
    }
}

/// A uniform date in the `DEFAULT_SPAN_DAYS` days up to `now`'s date.
impl Generate for NaiveDate {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        let back = ctx.range(0..=DEFAULT_SPAN_DAYS);
        ctx.now().date_naive() - TimeDelta::days(back)
    }
}

/// A uniform time of day, to the second.
impl Generate for NaiveTime {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        let secs = ctx.range(0..SECONDS_PER_DAY as u32);
        NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
            .expect("a second below 86,400 is a valid time of day")
    }
}

/// A duration under a day, to the millisecond.
impl Generate for std::time::Duration {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        std::time::Duration::from_millis(ctx.range(0..SECONDS_PER_DAY as u64 * 1000))
    }
}

/// A duration under a day, to the millisecond (never negative).
impl Generate for TimeDelta {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        TimeDelta::milliseconds(ctx.range(0..SECONDS_PER_DAY * 1000))
    }
}

/// Uniform dates between two dates, so `range = start..=end` works on date fields.
impl crate::uniform::SampleUniform for NaiveDate {
    #[inline]
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        let (low_day, high_day) = (low.num_days_from_ce(), high.num_days_from_ce());
        let day = i32::sample_between(ctx, low_day, high_day, inclusive);
        // Day numbers are cheaper than date arithmetic; every day between two dates is a date.
        NaiveDate::from_num_days_from_ce_opt(day).expect("a day between two dates is a date")
    }
}

/// Uniform instants between two instants, to the second.
impl crate::uniform::SampleUniform for DateTime<Utc> {
    #[inline]
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        let secs = i64::sample_between(ctx, low.timestamp(), high.timestamp(), inclusive);
        DateTime::from_timestamp(secs, 0).expect("a second between two instants is an instant")
    }
}

/// Uniform date-times between two date-times, to the second.
impl crate::uniform::SampleUniform for NaiveDateTime {
    #[inline]
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        let secs = i64::sample_between(ctx, 0, (high - low).num_seconds(), inclusive);
        low + TimeDelta::seconds(secs)
    }
}

/// Uniform times of day between two times, to the second.
impl crate::uniform::SampleUniform for NaiveTime {
    #[inline]
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        let secs = i64::sample_between(ctx, 0, (high - low).num_seconds(), inclusive);
        low + TimeDelta::seconds(secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_relative_to_now() {
        let mut ctx = Ctx::seeded(1);
        let now = ctx.now();
        for _ in 0..1000 {
            let t = DateTime::<Utc>::generate(&mut ctx);
            assert!(t <= now && t >= now - TimeDelta::days(DEFAULT_SPAN_DAYS));
            let d = NaiveDate::generate(&mut ctx);
            assert!(d <= now.date_naive());
        }
    }

    #[test]
    fn date_ranges_stay_inside() {
        let lo = NaiveDate::from_ymd_opt(1940, 1, 1).expect("valid date");
        let hi = NaiveDate::from_ymd_opt(2010, 12, 31).expect("valid date");
        let mut ctx = Ctx::seeded(2);
        let mut hit_hi = false;
        for _ in 0..200_000 {
            let d: NaiveDate = ctx.range(lo..=hi);
            assert!(lo <= d && d <= hi);
            hit_hi |= d == hi;
        }
        assert!(hit_hi, "an inclusive range reaches its end");
    }
}
