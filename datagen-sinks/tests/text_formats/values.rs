//! The shared value printers against chrono.

use chrono::{DateTime, NaiveDate};
use datagen_sinks::text::value;

fn text(f: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    f(&mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn dates_match_chrono() {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    for days in (-800_000i64..800_000)
        .step_by(37)
        .chain([-719_529, -719_528, -1, 0, 2_932_897])
    {
        let want = (epoch + chrono::Duration::days(days)).to_string();
        assert_eq!(text(|o| value::push_date(o, days)), want, "day {days}");
    }
}

#[test]
fn timestamps_match_chrono() {
    let mut micros: i64 = -62_167_219_200_000_000; // 0000-01-01
    let end: i64 = 253_402_300_799_999_999; // 9999-12-31T23:59:59.999999
    let step = 1_234_567_890_123_457; // about 39 years and odd microseconds
    while micros <= end {
        for m in [micros, micros - micros.rem_euclid(1_000_000)] {
            let t = DateTime::from_timestamp_micros(m).unwrap().naive_utc();
            let mut want = t.format("%Y-%m-%dT%H:%M:%S").to_string();
            if m.rem_euclid(1_000_000) != 0 {
                want.push_str(&format!(".{:06}", m.rem_euclid(1_000_000)));
            }
            assert_eq!(text(|o| value::push_timestamp(o, m, b'T', false)), want);
            want.push('Z');
            assert_eq!(text(|o| value::push_timestamp(o, m, b'T', true)), want);
        }
        micros += step / 1000 + 7;
    }
}

#[test]
fn floats_are_json_numbers() {
    for f in [
        0.1,
        1e300,
        -0.0,
        100.0,
        1e-7,
        5e-324,
        f64::MAX,
        123_456_789.125,
    ] {
        let t = text(|o| value::push_float(o, f));
        let back: serde_json::Value = serde_json::from_str(&t).unwrap();
        assert_eq!(back.as_f64(), Some(f), "{t}");
        assert_eq!(t.parse::<f64>().unwrap().to_bits(), f.to_bits(), "{t}");
    }
    assert_eq!(text(|o| value::push_float(o, 100.0)), "100.0");
}

#[test]
fn json_strings_round_trip() {
    let all: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain("é名🎉\u{2028}".chars())
        .collect();
    for s in [all.as_str(), "", "\"\\", "\0"] {
        let t = text(|o| value::push_json_str(o, s));
        let back: String = serde_json::from_str(&t).unwrap();
        assert_eq!(back, s);
    }
}
