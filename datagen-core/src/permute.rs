//! Keyed bijections from row index to domain index: uniqueness by construction, with no memory.
//!
//! A balanced Feistel network over the smallest even power of two covering the domain, with cycle
//! walking (Black and Rogaway, "Ciphers with Arbitrary Finite Domains", 2002) to stay inside it.

use crate::seed::{derive_key, mix64};

/// A keyed permutation of `0..size`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permutation {
    size: u128,
    half_bits: u32,
    key: u64,
}

const ROUNDS: u64 = 6;

impl Permutation {
    /// A permutation of `0..size` keyed by `key`. `size == 0` means the whole `u128` range is not
    /// supported; sizes up to `2^128 - 1` are.
    pub fn new(size: u128, key: u64) -> Self {
        let bits = (128 - size.saturating_sub(1).leading_zeros()).max(2);
        let half_bits = bits.div_ceil(2);
        Self {
            size,
            half_bits,
            key,
        }
    }

    /// How many values the domain holds.
    pub fn size(&self) -> u128 {
        self.size
    }

    /// The image of `index` (which must be below `size`).
    pub fn apply(&self, index: u128) -> u128 {
        debug_assert!(
            index < self.size,
            "index {index} outside a domain of {}",
            self.size
        );
        let mut x = index;
        loop {
            x = self.feistel(x);
            if x < self.size {
                return x;
            }
        }
    }

    fn feistel(&self, x: u128) -> u128 {
        let mask = (1u128 << self.half_bits) - 1;
        let mut left = (x >> self.half_bits) & mask;
        let mut right = x & mask;
        for round in 0..ROUNDS {
            let f = self.round(round, right) & mask;
            (left, right) = (right, left ^ f);
        }
        (left << self.half_bits) | right
    }

    fn round(&self, round: u64, value: u128) -> u128 {
        let k = derive_key(self.key, round);
        let lo = mix64(k ^ value as u64);
        let hi = mix64(lo ^ (value >> 64) as u64 ^ k.rotate_left(17));
        (u128::from(hi) << 64) | u128::from(lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_a_bijection_on_odd_sizes() {
        for size in [1u128, 2, 3, 10, 73, 1000, 4097] {
            let p = Permutation::new(size, 42);
            let mut seen = vec![false; size as usize];
            for i in 0..size {
                let j = p.apply(i);
                assert!(j < size);
                assert!(!seen[j as usize], "size {size}: {j} twice");
                seen[j as usize] = true;
            }
        }
    }

    #[test]
    fn keys_give_different_orders() {
        let a: Vec<u128> = (0..20)
            .map(|i| Permutation::new(1000, 1).apply(i))
            .collect();
        let b: Vec<u128> = (0..20)
            .map(|i| Permutation::new(1000, 2).apply(i))
            .collect();
        assert_ne!(a, b);
    }

    #[test]
    fn wide_domains_work() {
        let p = Permutation::new(u128::from(u64::MAX) + 1, 7);
        let x = p.apply(5);
        assert!(x <= u128::from(u64::MAX));
        assert_ne!(p.apply(5), p.apply(6));
    }
}
