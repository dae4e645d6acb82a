//! Check-digit schemes and digit strings for identifier providers: Luhn, GS1, ISO 7064 mod 97-10.
//!
//! Each scheme here computes the digit a generator appends; the tests validate the finished
//! values with separate code written from the standards, so a mistake here cannot hide itself.

use datagen_core::Ctx;

/// Appends `n` uniformly random decimal digits to `buf`, as digit values (0 to 9).
#[inline]
pub(crate) fn random_digits(ctx: &mut Ctx, buf: &mut Vec<u8>, n: usize) {
    for _ in 0..n {
        buf.push(ctx.below(10) as u8);
    }
}

/// Appends digit values to `out` as ASCII digits.
#[inline]
pub(crate) fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&d| char::from(b'0' + d)));
}

/// Appends `n` uniformly random ASCII digits to `out`.
#[inline]
pub(crate) fn push_random_digits(ctx: &mut Ctx, out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(char::from(b'0' + ctx.below(10) as u8));
    }
}

/// The Luhn (ISO/IEC 7812-1) check digit to append to `payload` (digit values).
pub(crate) fn luhn_check_digit(payload: &[u8]) -> u8 {
    // The check digit will be the rightmost, so the payload's rightmost digit is doubled.
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The GS1 check digit (EAN-13, UPC-A, ISBN-13, GTIN) to append to `payload` (digit values).
pub(crate) fn gs1_check_digit(payload: &[u8]) -> u8 {
    // Weights 3 and 1 alternate from the rightmost payload digit, which weighs 3.
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| u32::from(d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The remainder modulo 97 of an alphanumeric string read as ISO 13616 does: digits as
/// themselves, letters as two digits (A = 10 … Z = 35).
pub(crate) fn mod97(text: &str) -> u32 {
    text.bytes().fold(0u32, |rem, b| match b {
        b'0'..=b'9' => (rem * 10 + u32::from(b - b'0')) % 97,
        b'A'..=b'Z' => (rem * 100 + u32::from(b - b'A') + 10) % 97,
        _ => rem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_check_digits() {
        // 7992739871 is the textbook Luhn example, check digit 3.
        assert_eq!(luhn_check_digit(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1]), 3);
        // EAN-13 400638133393 -> 1 (a published GS1 example, 4006381333931).
        assert_eq!(gs1_check_digit(&[4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3]), 1);
        // ISO 13616's example: GB82 WEST 1234 5698 7654 32 rearranged leaves 1.
        assert_eq!(mod97("WEST12345698765432GB82"), 1);
    }
}
