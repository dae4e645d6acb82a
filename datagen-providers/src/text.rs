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
/// A `push` per digit measures cheaper than one `push_str` here: the strings are a few digits
/// long, and `push_str` pays for UTF-8 validation and a `memcpy` call.
#[inline]
pub(crate) fn push_padded(out: &mut String, value: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut v = value;
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let start = i.min(buf.len() - width);
    for &b in &buf[start..] {
        out.push(char::from(b));
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
        s.clear();
        assert_eq!(push_ascii_lower(&mut s, "O'Neil-Smith"), 10);
        assert_eq!(s, "oneilsmith");
    }
}
