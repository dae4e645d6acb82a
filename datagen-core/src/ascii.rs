//! Short ASCII text appended to a `String` without a branch on its length.
//!
//! Words drawn from tables (names, street words) have lengths that change from row to row, and
//! every way of copying a length known only at run time (`memcpy`'s size classes, a loop over the
//! bytes) ends in a branch the predictor cannot learn: a misprediction per word. Text of 4 to 16
//! bytes is instead read as two overlapping words (the first and the last 4 or 8 bytes), each
//! word pushed whole and the string cut back between them, so the only branch left is which of
//! the two size classes the text is in.

/// Appends `value` lowercased (uppercased when `upper`) when it is ASCII and 4 to 16 bytes long,
/// and returns whether it did; otherwise appends nothing and returns `false` (the caller
/// re-cases the text its own way).
#[inline(always)]
pub(crate) fn push_short(out: &mut String, value: &str, upper: bool) -> bool {
    let bytes = value.as_bytes();
    let len = bytes.len();
    let (width, head, tail) = if (4..=8).contains(&len) {
        let word =
            |at: usize| u64::from(u32::from_le_bytes(std::array::from_fn(|i| bytes[at + i])));
        (4, word(0), word(len - 4))
    } else if (9..=16).contains(&len) {
        let word = |at: usize| u64::from_le_bytes(std::array::from_fn(|i| bytes[at + i]));
        (8, word(0), word(len - 8))
    } else {
        return false;
    };
    if (head | tail) & 0x8080_8080_8080_8080 != 0 {
        return false;
    }
    let start = out.len();
    out.reserve(2 * width);
    push_word(out, recase(head, upper), width);
    // The words overlap when the text is shorter than two: cut back to where the last begins.
    out.truncate(start + len - width);
    push_word(out, recase(tail, upper), width);
    true
}

/// Pushes the low `n` bytes of `word` (ASCII, the first character lowest).
#[inline(always)]
fn push_word(out: &mut String, word: u64, n: usize) {
    for byte in word.to_le_bytes().into_iter().take(n) {
        // The mask tells the compiler the byte is ASCII, one byte of UTF-8.
        out.push(char::from(byte & 0x7f));
    }
}

/// The ASCII letters among eight ASCII bytes lowercased (uppercased when `upper`), all at
/// once.
#[inline(always)]
fn recase(word: u64, upper: bool) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let (from, to) = if upper { (b'a', b'z') } else { (b'A', b'Z') };
    // Per byte (each below 0x80, so no carry crosses bytes): bit 7 set when the byte is at
    // least `from`, and when it is above `to`; a letter has the first and not the second.
    let at_least = word + ONES * u64::from(0x80 - from);
    let above = word + ONES * u64::from(0x7f - to);
    let letters = at_least & !above & (ONES * 0x80);
    // The two cases of a letter differ in bit 5.
    word ^ (letters >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ascii_matches_std_in_every_case() {
        // Every ASCII byte at the start, in the middle and at the end, at every length the
        // word path takes and the lengths around it.
        for len in 1..=18usize {
            for byte in 0u8..128 {
                for at in [0, len / 2, len - 1] {
                    let mut text: Vec<u8> = (0..len).map(|i| b"aZqM"[i % 4]).collect();
                    text[at] = byte;
                    let text = String::from_utf8(text).expect("ASCII");
                    for (upper, expect) in
                        [(false, text.to_lowercase()), (true, text.to_uppercase())]
                    {
                        let mut out = String::from("é-");
                        let done = push_short(&mut out, &text, upper);
                        assert_eq!(done, (4..=16).contains(&len), "{text:?}");
                        if done {
                            assert_eq!(out, format!("é-{expect}"), "{text:?} upper: {upper}");
                        } else {
                            assert_eq!(out, "é-");
                        }
                    }
                }
            }
        }
        // Not ASCII: left to the caller.
        let mut out = String::new();
        assert!(!push_short(&mut out, "Zoë Ng", false));
        assert!(out.is_empty());
    }
}
