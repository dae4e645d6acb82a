//! Small text helpers for composed providers: number ranges from data files, digits, ASCII words.

/// The numbers of a set written as ranges in a data file (`"200-210,212,214-999"`), in order.
///
/// # Panics
/// If the text is malformed; the files are part of the crate and the tests read every one.
pub(crate) fn parse_ranges(name: &str, text: &str) -> Vec<u32> {
    let number = |s: &str| -> u32 {
        s.parse()
            .unwrap_or_else(|_| panic!("data file {name}: bad number `{s}` in `{text}`"))
    };
    let mut values = Vec::new();
    for part in text.split(',') {
        let (low, high) = match part.split_once('-') {
            Some((low, high)) => (number(low), number(high)),
            None => (number(part), number(part)),
        };
        assert!(low <= high, "data file {name}: empty range `{part}`");
        values.extend(low..=high);
    }
    values
}

/// Appends `value` in decimal, zero-padded to `width` digits (`width <= 10`).
///
/// These numbers are a few digits long and sit in the hot loop of phone numbers, postcodes and
/// street lines: the digits are worked out in registers and pushed one by one, which beats a
/// copy (a call to `memcpy` per group) and keeps lookup tables out of the data cache, where the
/// name tables need the room.
#[inline]
pub(crate) fn push_padded(out: &mut String, value: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut v = value;
    let mut start = digits.len();
    while v >= 10 {
        start -= 1;
        digits[start] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    start -= 1;
    digits[start] = b'0' + v as u8;
    let start = start.min(digits.len() - width.min(digits.len()));
    out.reserve(digits.len() - start);
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Appends the ASCII letters and digits of `word`, lowercased; returns how many it appended.
///
/// Names with letters outside ASCII give fewer characters (or none): callers that need a
/// non-empty result check the count.
#[inline]
pub(crate) fn push_ascii_lower(out: &mut String, word: &str) -> usize {
    let before = out.len();
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // The common case, every name in the en_US tables: copy, then lowercase in place.
        out.push_str(word);
        out[before..].make_ascii_lowercase();
    } else {
        let kept = word.chars().filter(char::is_ascii_alphanumeric);
        out.extend(kept.map(|c| c.to_ascii_lowercase()));
    }
    out.len() - before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_expand() {
        assert_eq!(
            parse_ranges("t", "200-202,205,300-301"),
            [200, 201, 202, 205, 300, 301]
        );
    }

    #[test]
    fn padding_and_lowercase() {
        let mut s = String::new();
        push_padded(&mut s, 7, 2);
        push_padded(&mut s, 0, 4);
        push_padded(&mut s, 12345, 5);
        assert_eq!(s, "07000012345");
        for (value, width, text) in [
            (0, 1, "0"),
            (9, 3, "009"),
            (10_000, 1, "10000"),
            (4_294_967_295, 1, "4294967295"),
            (123_456_789, 10, "0123456789"),
            (99_999_999, 8, "99999999"),
        ] {
            s.clear();
            push_padded(&mut s, value, width);
            assert_eq!(s, text);
        }
        s.clear();
        assert_eq!(push_ascii_lower(&mut s, "O'Neil-Smith"), 10);
        assert_eq!(s, "oneilsmith");
    }
}
