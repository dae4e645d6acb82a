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
        // Whole seconds from `low` on: `low + secs` stays in range even with sub-second bounds.
        let secs = whole_seconds(ctx, high - low, inclusive);
        low + TimeDelta::seconds(secs)
    }
}

/// Uniform date-times between two date-times, to the second.
impl crate::uniform::SampleUniform for NaiveDateTime {
    #[inline]
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        let secs = whole_seconds(ctx, high - low, inclusive);
        low + TimeDelta::seconds(secs)
    }
}

/// Uniform times of day between two times, to the second.
impl crate::uniform::SampleUniform for NaiveTime {
    #[inline]
    fn sample_between(ctx: &mut Ctx, low: Self, high: Self, inclusive: bool) -> Self {
        let secs = whole_seconds(ctx, high - low, inclusive);
        low + TimeDelta::seconds(secs)
    }
}

/// A whole number of seconds in `[0, span)`, or `[0, span]` when `inclusive` (`span >= 0`, and
/// above zero when not inclusive): a span that is not whole seconds holds its last whole second.
#[inline]
fn whole_seconds(ctx: &mut Ctx, span: TimeDelta, inclusive: bool) -> i64 {
    let secs = span.num_seconds();
    let inclusive = inclusive || span != TimeDelta::seconds(secs);
    <i64 as crate::uniform::SampleUniform>::sample_between(ctx, 0, secs, inclusive)
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
    fn sub_second_bounds_stay_inside() {
        let mut ctx = Ctx::seeded(3);
        let low = ctx.now() + TimeDelta::milliseconds(250);
        let naive = low.naive_utc();
        let time = NaiveTime::from_hms_milli_opt(10, 0, 0, 250).expect("valid time");
        for span in [
            TimeDelta::milliseconds(500),
            TimeDelta::seconds(1),
            TimeDelta::milliseconds(2_500),
        ] {
            for _ in 0..200 {
                let d: DateTime<Utc> = ctx.range(low..low + span);
                assert!(low <= d && d < low + span, "{d} in {low}..{}", low + span);
                let d: DateTime<Utc> = ctx.range(low..=low + span);
                assert!(low <= d && d <= low + span);
                let n: NaiveDateTime = ctx.range(naive..naive + span);
                assert!(naive <= n && n < naive + span, "{n}");
                let t: NaiveTime = ctx.range(time..time + span);
                assert!(time <= t && t < time + span, "{t}");
            }
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
