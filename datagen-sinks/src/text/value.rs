//! Fast value printing shared by the text formats: numbers, dates, times, UUIDs, hex and JSON
//! strings, appended to a byte buffer without `fmt` machinery.

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

/// `n` (0..=99) as two digits.
#[inline]
fn two(n: u32) -> [u8; 2] {
    let i = (n as usize % 100) * 2;
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

/// Appends the date `days` since 1970-01-01 as `YYYY-MM-DD`. Years outside 0000..=9999 are
/// written as chrono does: `-0001-01-01`, `+10000-01-01`.
pub fn push_date(out: &mut Vec<u8>, days: i64) {
    let (year, month, day) = civil_from_days(days);
    if (0..=9999).contains(&year) {
        // The common case in one copy.
        let y = year as u32;
        let [y0, y1] = two(y / 100);
        let [y2, y3] = two(y % 100);
        let [m0, m1] = two(month);
        let [d0, d1] = two(day);
        out.extend_from_slice(&[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]);
        return;
    } else {
        out.push(if year < 0 { b'-' } else { b'+' });
        let abs = year.unsigned_abs();
        let mut buf = itoa::Buffer::new();
        let digits = buf.format(abs).as_bytes();
        out.resize(out.len() + 4usize.saturating_sub(digits.len()), b'0');
        out.extend_from_slice(digits);
    }
    out.push(b'-');
    push2(out, month);
    out.push(b'-');
    push2(out, day);
}

/// Appends a time of day, `micros` since midnight (taken modulo a day), as `HH:MM:SS`, with
/// `.ffffff` only when the microseconds are not zero.
pub fn push_time(out: &mut Vec<u8>, micros: i64) {
    let micros = micros.rem_euclid(MICROS_PER_DAY) as u64;
    let secs = (micros / 1_000_000) as u32;
    let frac = (micros % 1_000_000) as u32;
    let [h0, h1] = two(secs / 3600);
    let [m0, m1] = two(secs / 60 % 60);
    let [s0, s1] = two(secs % 60);
    out.extend_from_slice(&[h0, h1, b':', m0, m1, b':', s0, s1]);
    if frac != 0 {
        out.push(b'.');
        push2(out, frac / 10_000);
        push2(out, frac / 100 % 100);
        push2(out, frac % 100);
    }
}

/// Appends a timestamp, `micros` since 1970-01-01T00:00:00, as
/// `YYYY-MM-DD{sep}HH:MM:SS[.ffffff]`, followed by `Z` when `zulu`.
pub fn push_timestamp(out: &mut Vec<u8>, micros: i64, sep: u8, zulu: bool) {
    push_date(out, micros.div_euclid(MICROS_PER_DAY));
    out.push(sep);
    push_time(out, micros.rem_euclid(MICROS_PER_DAY));
    if zulu {
        out.push(b'Z');
    }
}

/// Appends a UUID (its big-endian bytes, as `uuid::Uuid::from_u128`) in lowercase hyphenated form.
pub fn push_uuid(out: &mut Vec<u8>, v: u128) {
    /// Where each byte's two digits go in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
    const AT: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
    let mut text = [b'-'; 36];
    for (b, at) in v.to_be_bytes().iter().zip(AT) {
        text[at] = HEX[usize::from(b >> 4)];
        text[at + 1] = HEX[usize::from(b & 15)];
    }
    out.extend_from_slice(&text);
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
