//! Fast value printing shared by the text formats: numbers, dates, times, UUIDs, hex and JSON
//! strings, appended to a byte buffer without `fmt` machinery.

use super::cursor::put;

/// `"00" "01" ... "99"`: two digits per entry.
const DIGITS2: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Microseconds in a day.
const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Appends `n` (0..=99) as two digits.
#[inline]
fn push2(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&two(n));
}

/// `n` (0..=99, which every caller ensures) as two digits.
#[inline]
fn two(n: u32) -> [u8; 2] {
    debug_assert!(n < 100, "{n} is not two digits");
    let i = n as usize * 2;
    [DIGITS2[i], DIGITS2[i + 1]]
}

/// Appends an integer.
#[inline]
pub fn push_int(out: &mut Vec<u8>, v: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

/// Appends a finite float in its shortest round-trip form: `100.0`, `0.1`, `1e+300`, `-0.0`
/// (all valid JSON numbers). Non-finite values print as `NaN`, `inf` and `-inf`; callers that
/// need other spellings check [`f64::is_finite`] first.
#[inline]
pub fn push_float(out: &mut Vec<u8>, v: f64) {
    out.extend_from_slice(zmij::Buffer::new().format(v).as_bytes());
}

/// Appends the decimal `units / 10^scale` exactly, with `scale` digits after the point
/// (`-0.05` for units -5, scale 2).
pub fn push_decimal(out: &mut Vec<u8>, units: i128, scale: u8) {
    if units < 0 {
        out.push(b'-');
    }
    let mut buf = itoa::Buffer::new();
    // 128-bit formatting is several times slower; nearly every decimal fits 64 bits.
    let digits = match u64::try_from(units.unsigned_abs()) {
        Ok(small) => buf.format(small),
        Err(_) => buf.format(units.unsigned_abs()),
    }
    .as_bytes();
    let scale = usize::from(scale);
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() <= scale {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(int);
        out.push(b'.');
        out.extend_from_slice(frac);
    }
}

/// The proleptic Gregorian `(year, month, day)` of `days` since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March first
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The days from 0000-01-01 to 1970-01-01 and from 1970-01-01 to 10000-01-01: the dates
/// [`date_text`] spells.
const FOUR_DIGIT_YEARS: std::ops::Range<i64> = -719_528..2_932_897;

/// The date `days` since 1970-01-01 as `YYYY-MM-DD` when its year is 0000..=9999.
///
/// Neri and Schneider's Euclidean affine `to_date` (2022), all in `u32`: a few multiplications
/// where [`civil_from_days`] divides; the tests compare the two on every such day.
#[inline]
pub fn date_text(days: i64) -> Option<[u8; 10]> {
    /// 82 400-year cycles moved forward so that everything is unsigned.
    const SHIFT: u32 = 82;
    const K: u32 = 719_468 + 146_097 * SHIFT;
    const L: u32 = 400 * SHIFT;
    if !FOUR_DIGIT_YEARS.contains(&days) {
        return None;
    }
    // In range, so no overflow: days + K < 2^24.
    let n = (days as i32 as u32).wrapping_add(K);
    let n1 = 4 * n + 3;
    let century = n1 / 146_097;
    let nc = n1 % 146_097 / 4;
    let p2 = 2_939_745u64 * u64::from(4 * nc + 3);
    let year_of_century = (p2 >> 32) as u32;
    let day_of_year = (p2 as u32) / 2_939_745 / 4;
    let n3 = 2141 * day_of_year + 197_913;
    let (month, day) = (n3 >> 16, (n3 & 0xffff) / 2141 + 1);
    let january_or_february = day_of_year >= 306;
    let year = 100 * century + year_of_century + u32::from(january_or_february) - L;
    let month = if january_or_february {
        month - 12
    } else {
        month
    };
    let [y0, y1] = two(year / 100);
    let [y2, y3] = two(year % 100);
    let [m0, m1] = two(month);
    let [d0, d1] = two(day);
    Some([y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1])
}

/// Appends the date `days` since 1970-01-01 as `YYYY-MM-DD`. Years outside 0000..=9999 are
/// written as chrono does: `-0001-01-01`, `+10000-01-01`.
pub fn push_date(out: &mut Vec<u8>, days: i64) {
    if let Some(text) = date_text(days) {
        out.extend_from_slice(&text);
        return;
    }
    let (year, month, day) = civil_from_days(days);
    out.push(if year < 0 { b'-' } else { b'+' });
    let abs = year.unsigned_abs();
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(abs).as_bytes();
    out.resize(out.len() + 4usize.saturating_sub(digits.len()), b'0');
    out.extend_from_slice(digits);
    out.push(b'-');
    push2(out, month);
    out.push(b'-');
    push2(out, day);
}

/// The time of day `micros` (below a day) as `HH:MM:SS`, then `.ffffff` only when the
/// microseconds are not zero, and its length (8 or 15).
#[inline]
fn time_text(micros: u64) -> ([u8; 15], usize) {
    let secs = (micros / 1_000_000) as u32;
    let frac = (micros % 1_000_000) as u32;
    let [h0, h1] = two(secs / 3600);
    let [m0, m1] = two(secs / 60 % 60);
    let [s0, s1] = two(secs % 60);
    let mut text = [h0, h1, b':', m0, m1, b':', s0, s1, b'.', 0, 0, 0, 0, 0, 0];
    if frac == 0 {
        return (text, 8);
    }
    let [a, b] = two(frac / 10_000);
    let [c, d] = two(frac / 100 % 100);
    let [e, f] = two(frac % 100);
    text[9..].copy_from_slice(&[a, b, c, d, e, f]);
    (text, 15)
}

/// Appends a time of day, `micros` since midnight (taken modulo a day), as `HH:MM:SS`, with
/// `.ffffff` only when the microseconds are not zero.
pub fn push_time(out: &mut Vec<u8>, micros: i64) {
    let (text, len) = time_text(micros.rem_euclid(MICROS_PER_DAY) as u64);
    put(out, &text, len);
}

/// Appends a timestamp, `micros` since 1970-01-01T00:00:00, as
/// `YYYY-MM-DD{sep}HH:MM:SS[.ffffff]`, followed by `Z` when `zulu`.
pub fn push_timestamp(out: &mut Vec<u8>, micros: i64, sep: u8, zulu: bool) {
    if let Some((text, len)) = timestamp_text(micros, sep, zulu) {
        put(out, &text, len);
        return;
    }
    push_date(out, micros.div_euclid(MICROS_PER_DAY));
    out.push(sep);
    push_time(out, micros.rem_euclid(MICROS_PER_DAY));
    if zulu {
        out.push(b'Z');
    }
}

/// The timestamp `micros` as [`push_timestamp`] writes it, in the first `len` bytes of a block,
/// when its year is 0000..=9999.
#[inline]
pub(crate) fn timestamp_text(micros: i64, sep: u8, zulu: bool) -> Option<([u8; 32], usize)> {
    let date = date_text(micros.div_euclid(MICROS_PER_DAY))?;
    let (time, time_len) = time_text(micros.rem_euclid(MICROS_PER_DAY) as u64);
    let mut text = [0u8; 32];
    text[..10].copy_from_slice(&date);
    text[10] = sep;
    text[11..26].copy_from_slice(&time);
    let mut len = 11 + time_len;
    text[len] = b'Z';
    len += usize::from(zulu);
    Some((text, len))
}

/// The time of day `micros` since midnight (taken modulo a day) as [`push_time`] writes it,
/// in the first `len` bytes of a block.
#[inline]
pub(crate) fn time_of_day_text(micros: i64) -> ([u8; 15], usize) {
    time_text(micros.rem_euclid(MICROS_PER_DAY) as u64)
}

/// `v` as 16 lowercase hex digits, most significant first, as they lie in memory: the first
/// digit in the lowest byte. No loop: each nibble is spread to its own byte, then all sixteen
/// are turned to ASCII at once.
#[inline]
fn hex16(v: u64) -> u128 {
    const ONES: u128 = u128::MAX / 255;
    let x = u128::from(v);
    let x = (x | x << 32) & 0x0000_0000_ffff_ffff_0000_0000_ffff_ffff;
    let x = (x | x << 16) & 0x0000_ffff_0000_ffff_0000_ffff_0000_ffff;
    let x = (x | x << 8) & 0x00ff_00ff_00ff_00ff_00ff_00ff_00ff_00ff;
    let x = (x | x << 4) & (ONES * 0x0f);
    // A nibble of 10 or more carries into bit 4 of its byte when 6 is added.
    let letters = ((x + ONES * 6) >> 4) & ONES;
    (x + ONES * b'0' as u128 + letters * (b'a' - b'0' - 10) as u128).swap_bytes()
}

/// Appends a UUID (its big-endian bytes, as `uuid::Uuid::from_u128`) in lowercase hyphenated form.
#[inline]
pub fn push_uuid(out: &mut Vec<u8>, v: u128) {
    out.extend_from_slice(&uuid_text(v));
}

/// A UUID as [`push_uuid`] writes it: the digits of each half ([`hex16`]) moved into place
/// with the hyphens by shifts, three stores in all.
#[inline]
pub(crate) fn uuid_text(v: u128) -> [u8; 36] {
    const DASH: u128 = b'-' as u128;
    let high = hex16((v >> 64) as u64);
    let low = hex16(v as u64);
    // Bytes 0..16: high digits 0..8, `-`, 8..12, `-`, 12..14.
    let first = high & u128::from(u64::MAX)
        | DASH << 64
        | (high >> 64 & 0xffff_ffff) << 72
        | DASH << 104
        | (high >> 96 & 0xffff) << 112;
    // Bytes 16..32: high digits 14..16, `-`, low digits 0..4, `-`, 4..12.
    let second = high >> 112
        | DASH << 16
        | (low & 0xffff_ffff) << 24
        | DASH << 56
        | (low >> 32 & u128::from(u64::MAX)) << 64;
    let mut text = [0u8; 36];
    text[..16].copy_from_slice(&first.to_le_bytes());
    text[16..32].copy_from_slice(&second.to_le_bytes());
    text[32..].copy_from_slice(&((low >> 96) as u32).to_le_bytes());
    text
}

/// Appends `bytes` as lowercase hex, two digits a byte.
pub fn push_hex(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() * 2);
    for b in bytes {
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
}

/// Which bytes a JSON string must escape: controls, `"` and `\`.
const JSON_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Appends `s` as a quoted JSON string (RFC 8259): `"`, `\` and control characters escaped,
/// everything else copied as UTF-8.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Most strings need no escape: find the first byte that does, eight bytes at a time.
    let clean = clean_prefix(bytes);
    if clean == bytes.len() {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate().skip(clean) {
        if !JSON_ESCAPE[usize::from(b)] {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        run = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 15)]);
            }
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Whether any byte of `bytes` is one a JSON string escapes (a control, `"` or `\\`). Checks
/// 64 bytes at a time without branching inside them, which the compiler turns into vector
/// compares: cheap enough to run over a whole column's text once per chunk.
pub(crate) fn has_json_escape(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        let hits = block.iter().fold(0u8, |acc, &b| {
            acc | u8::from(b < 0x20 || b == b'"' || b == b'\\')
        });
        if hits != 0 {
            return true;
        }
    }
    blocks
        .remainder()
        .iter()
        .any(|&b| JSON_ESCAPE[usize::from(b)])
}

/// The length of the longest prefix of whole 8-byte words of `bytes` with no byte a JSON string
/// escapes (a control, `"` or `\\`); the rest is left to a byte loop.
#[inline]
fn clean_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Exact "any byte is zero" and "any byte is below n" tests (n <= 128) on a whole word.
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let has_less = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH != 0;
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let v = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        if has_less(v, 0x20) || has_zero(v ^ (ONES * 0x22)) || has_zero(v ^ (ONES * 0x5c)) {
            return at;
        }
        at += 8;
    }
    let tail = &bytes[at..];
    if tail.iter().any(|&b| JSON_ESCAPE[usize::from(b)]) {
        at
    } else {
        bytes.len()
    }
}

/// Rewrites `out[start..]` in place, replacing every byte `b` for which `map(b)` is `Some(pair)`
/// by the two bytes of `pair` (`'` to `''`, `\` to `\\`); returns how many were replaced.
pub fn expand_in_place(
    out: &mut Vec<u8>,
    start: usize,
    map: impl Fn(u8) -> Option<[u8; 2]>,
) -> usize {
    let count = out[start..].iter().filter(|&&b| map(b).is_some()).count();
    if count == 0 {
        return 0;
    }
    let old_end = out.len();
    out.resize(old_end + count, 0);
    let mut w = out.len();
    let mut r = old_end;
    while r > start && w > r {
        r -= 1;
        let b = out[r];
        if let Some([first, second]) = map(b) {
            out[w - 1] = second;
            out[w - 2] = first;
            w -= 2;
        } else {
            out[w - 1] = b;
            w -= 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers() {
        assert_eq!(s(|o| push_int(o, i64::MIN)), "-9223372036854775808");
        assert_eq!(s(|o| push_float(o, 100.0)), "100.0");
        assert_eq!(s(|o| push_float(o, 0.1)), "0.1");
        assert_eq!(s(|o| push_decimal(o, -5, 2)), "-0.05");
        assert_eq!(s(|o| push_decimal(o, 12345, 2)), "123.45");
        assert_eq!(s(|o| push_decimal(o, 100, 2)), "1.00");
        assert_eq!(s(|o| push_decimal(o, 0, 3)), "0.000");
        assert_eq!(s(|o| push_decimal(o, -7, 0)), "-7");
        assert_eq!(
            s(|o| push_decimal(o, i128::MIN, 38)),
            "-1.70141183460469231731687303715884105728"
        );
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(s(|o| push_date(o, 0)), "1970-01-01");
        assert_eq!(s(|o| push_date(o, -1)), "1969-12-31");
        assert_eq!(s(|o| push_date(o, 19782)), "2024-02-29");
        assert_eq!(s(|o| push_date(o, -719_528)), "0000-01-01");
        assert_eq!(s(|o| push_date(o, -719_529)), "-0001-12-31");
        assert_eq!(s(|o| push_time(o, 0)), "00:00:00");
        assert_eq!(s(|o| push_time(o, 45_296_000_001)), "12:34:56.000001");
        assert_eq!(
            s(|o| push_timestamp(o, -1, b'T', true)),
            "1969-12-31T23:59:59.999999Z"
        );
        assert_eq!(
            s(|o| push_timestamp(o, 1_709_164_800_000_000, b' ', false)),
            "2024-02-29 00:00:00"
        );
    }

    #[test]
    fn uuids_hex_and_strings() {
        assert_eq!(
            s(|o| push_uuid(o, 0x0123_4567_89ab_cdef_0011_2233_4455_6677)),
            "01234567-89ab-cdef-0011-223344556677"
        );
        assert_eq!(s(|o| push_hex(o, &[0, 0xff, 0x1a])), "00ff1a");
        assert_eq!(
            s(|o| push_json_str(o, "a\"b\\c\n\u{1}é")),
            r#""a\"b\\c\n\u0001é""#
        );
    }

    #[test]
    fn json_strings_match_serde_json_wherever_the_escape_falls() {
        // Every escaped byte at every offset of strings longer than a word, with UTF-8 around.
        for special in ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\t"] {
            for len in 0..20 {
                for at in 0..=len {
                    let mut text: String = "aé€".chars().cycle().take(len).collect();
                    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
                    text.insert_str(byte, special);
                    let want = serde_json::to_string(&text).expect("serialises");
                    assert_eq!(s(|o| push_json_str(o, &text)), want, "{text:?}");
                }
            }
        }
        assert_eq!(
            s(|o| push_json_str(o, "plain words, no escapes")),
            "\"plain words, no escapes\""
        );
    }

    #[test]
    fn fast_dates_match_civil_from_days_on_every_four_digit_year() {
        for days in FOUR_DIGIT_YEARS {
            let (y, m, d) = civil_from_days(days);
            let want = format!("{y:04}-{m:02}-{d:02}");
            let got = date_text(days).expect("a four-digit year");
            assert_eq!(std::str::from_utf8(&got).unwrap(), want, "{days}");
        }
        assert_eq!(date_text(FOUR_DIGIT_YEARS.start - 1), None);
        assert_eq!(date_text(FOUR_DIGIT_YEARS.end), None);
        assert_eq!(s(|o| push_date(o, 2_932_897)), "+10000-01-01");
        assert_eq!(s(|o| push_date(o, 2_932_896)), "9999-12-31");
    }

    #[test]
    fn uuids_match_a_byte_by_byte_spelling() {
        let mut v: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c834;
        for _ in 0..2000 {
            v = v.rotate_left(7) ^ v.wrapping_mul(0x2545_f491_4f6c_dd1d);
            let hex: String = v.to_be_bytes().iter().map(|b| format!("{b:02x}")).collect();
            let want = format!(
                "{}-{}-{}-{}-{}",
                &hex[..8],
                &hex[8..12],
                &hex[12..16],
                &hex[16..20],
                &hex[20..]
            );
            assert_eq!(s(|o| push_uuid(o, v)), want);
        }
        assert_eq!(
            s(|o| push_uuid(o, u128::MAX)),
            "ffffffff-ffff-ffff-ffff-ffffffffffff"
        );
    }

    #[test]
    fn timestamps_beyond_four_digit_years_and_copy_windows() {
        assert_eq!(
            s(|o| push_timestamp(o, i64::MIN, b'T', true)),
            "-290308-12-21T19:59:05.224192Z"
        );
        assert_eq!(
            s(|o| push_timestamp(o, 253_402_300_800_000_000, b'T', false)),
            "+10000-01-01T00:00:00"
        );
        assert_eq!(s(|o| push_time(o, -1)), "23:59:59.999999");
        assert!(has_json_escape(
            &[b'a'; 200].iter().chain(b"\\").copied().collect::<Vec<_>>()
        ));
        assert!(has_json_escape(&[[b'a'; 70].as_slice(), b"\x1f"].concat()));
        assert!(!has_json_escape("é€ plain text, no escapes at all, but long enough for two blocks: 0123456789abcdef0123456789".as_bytes()));
    }

    #[test]
    fn expands_in_place() {
        let mut out = b"xx'a\\'".to_vec();
        let n = expand_in_place(&mut out, 2, |b| match b {
            b'\'' => Some([b'\'', b'\'']),
            b'\\' => Some([b'\\', b'\\']),
            _ => None,
        });
        assert_eq!(n, 3);
        assert_eq!(out, b"xx''a\\\\''");
    }
}
