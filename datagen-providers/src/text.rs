//! Small text helpers for composed providers: number ranges from data files, digits, ASCII words.

/// Splits `text` at every `sep`, an ASCII byte (so every piece starts and ends on a character
/// boundary), by scanning bytes: on the short lines and cells of the data files this is several
/// times faster than `str::split`, whose searcher costs a call per piece, and tables are parsed
/// when a program first draws from them.
pub(crate) fn split_ascii(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii(), "separator {sep} is not ASCII");
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let piece = rest?;
        match piece.bytes().position(|b| b == sep) {
            Some(at) => {
                rest = Some(&piece[at + 1..]);
                Some(&piece[..at])
            }
            None => {
                rest = None;
                Some(piece)
            }
        }
    })
}

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
    for part in split_ascii(text, b',') {
        let (low, high) = match part.bytes().position(|b| b == b'-') {
            Some(dash) => (number(&part[..dash]), number(&part[dash + 1..])),
            None => (number(part), number(part)),
        };
        assert!(low <= high, "data file {name}: empty range `{part}`");
        values.extend(low..=high);
    }
    values
}

/// The numbers 0 to 99 as two zero-padded ASCII digits each, end to end: 200 bytes, which stay
/// in the L1 cache.
static TWO_DIGITS: &str = {
    static BYTES: [u8; 200] = {
        let mut bytes = [0u8; 200];
        let mut n = 0;
        while n < 100 {
            bytes[2 * n] = b'0' + (n / 10) as u8;
            bytes[2 * n + 1] = b'0' + (n % 10) as u8;
            n += 1;
        }
        bytes
    };
    match core::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("ASCII digits are UTF-8"),
    }
};

/// Appends the last `width` digits (`1..=4`) of the four-digit form of `value` (`< 10_000`).
///
/// Two-digit pairs come from a 200-byte table: these groups sit in the hot loop of phone
/// numbers, postcodes and street lines, and a random index into a larger table (all four-digit
/// groups, 40 KB) missed the L1 cache on most draws. Each width is its own fixed-size copy: a
/// copy of a length known only at run time is a call into `memcpy`, whose size dispatch
/// mispredicts when short lengths vary.
#[inline(always)]
fn push_group(out: &mut String, value: u32, width: usize) {
    debug_assert!(
        (1..=4).contains(&width) && value < 10_000,
        "{value} in {width} digits"
    );
    let (high, low) = (2 * (value as usize / 100 % 100), 2 * (value as usize % 100));
    match width {
        4 => {
            out.push_str(&TWO_DIGITS[high..high + 2]);
            out.push_str(&TWO_DIGITS[low..low + 2]);
        }
        3 => {
            out.push_str(&TWO_DIGITS[high + 1..high + 2]);
            out.push_str(&TWO_DIGITS[low..low + 2]);
        }
        2 => out.push_str(&TWO_DIGITS[low..low + 2]),
        _ => out.push_str(&TWO_DIGITS[low + 1..low + 2]),
    }
}

/// Appends `value` in decimal, zero-padded to `width` digits (`width <= 10`).
///
/// Groups of four digits come from a table built at compile time: these strings are a few
/// digits long and sit in the hot loop of phone numbers, postcodes and street lines.
#[inline(always)]
pub(crate) fn push_padded(out: &mut String, value: u32, width: usize) {
    /// `10^w` for `w < 10`: below it, `width` digits hold the value.
    const FITS: [u32; 10] = [
        1,
        10,
        100,
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
    ];
    // The common case, a value that fits its width (a phone number's group, a ZIP code), skips
    // counting the digits.
    let width = if (1..FITS.len()).contains(&width) && value < FITS[width] {
        width
    } else {
        width.max(value.checked_ilog10().map_or(1, |d| d as usize + 1))
    };
    if width <= 4 {
        push_group(out, value, width);
    } else if width <= 8 {
        push_group(out, value / 10_000, width - 4);
        push_group(out, value % 10_000, 4);
    } else {
        push_group(out, value / 100_000_000, width - 8);
        push_group(out, value / 10_000 % 10_000, 4);
        push_group(out, value % 10_000, 4);
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
    fn ascii_splits_match_str_split() {
        for text in ["", "a", "a\tb", "\t", "a\t\tb\t", "é\tß\t東京", "x\n\ny\n"] {
            for sep in [b'\t', b'\n'] {
                let ours: Vec<&str> = split_ascii(text, sep).collect();
                let std: Vec<&str> = text.split(char::from(sep)).collect();
                assert_eq!(ours, std, "{text:?}");
            }
        }
    }

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
            (0, 0, "0"),
            (42, 0, "42"),
            (100, 2, "100"),
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
