//! Helpers the family test files share: drawing many values over several seeds and locales.

#![allow(dead_code, unreachable_pub)] // Each test file uses a different part of this module.

use datagen_core::{Ctx, Locale};
use datagen_providers::registry;

/// Seeds every check draws from.
pub const SEEDS: [u64; 4] = [0, 1, 42, 0xdead_beef];
/// Draws per seed and locale.
pub const DRAWS: usize = 5_000;

/// Calls `check` on `DRAWS` values of `provider` for every seed and locale, in normal or in safe
/// mode; `check` gets the locale too.
pub fn each_value<R: AsRef<str>>(
    provider: fn(&mut Ctx) -> R,
    safe: bool,
    mut check: impl FnMut(Locale, &str),
) {
    for locale in Locale::ALL {
        for seed in SEEDS {
            let mut ctx = Ctx::seeded(seed).with_locale(locale).with_safe(safe);
            for _ in 0..DRAWS {
                let value = provider(&mut ctx);
                let value = value.as_ref();
                assert!(!value.is_empty(), "empty value ({locale}, seed {seed})");
                assert_eq!(value.trim(), value, "stray whitespace in {value:?}");
                check(locale, value);
            }
        }
    }
}

/// `n` values of every registered provider whose name starts with `family.`, for one seed.
pub fn draw_family(family: &str, seed: u64, n: usize) -> Vec<String> {
    let prefix = format!("{family}.");
    let mut out = Vec::new();
    for info in registry().iter().filter(|p| p.name.starts_with(&prefix)) {
        for locale in Locale::ALL {
            let mut ctx = Ctx::seeded(seed).with_locale(locale);
            for _ in 0..n {
                let mut value = String::new();
                (info.write)(&mut ctx, &mut value);
                out.push(value);
            }
        }
    }
    assert!(!out.is_empty(), "no providers in family {family}");
    out
}

/// Checks that a family's values are a function of the seed: equal for equal seeds, different
/// for different ones.
pub fn assert_deterministic(family: &str) {
    assert_eq!(draw_family(family, 7, 50), draw_family(family, 7, 50));
    assert_ne!(draw_family(family, 7, 50), draw_family(family, 8, 50));
}

/// Whether `digits` passes the Luhn check (ISO/IEC 7812-1): from the right, every second digit
/// doubled (less 9 when over 9), the sum a multiple of 10.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum % 10 == 0
}

/// Whether every character of `s` is an ASCII digit (and there is one).
pub fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}
