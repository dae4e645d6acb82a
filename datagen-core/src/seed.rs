//! Seed derivation: the one documented function that turns (seed, entity, row, field) into a stream.
//!
//! Every value datagen produces is drawn from a [`Stream`] whose starting state is a pure function
//! of the run seed, the entity name, the row index and the field name path. Names are hashed with
//! [`name_hash`] (FNV-1a 64, a `const fn`, so the derive computes field hashes at compile time) and
//! combined with [`derive_key`] (entity keys) and [`child_key`] (field paths), keyed mixers built on
//! the SplitMix64 finaliser. A field's stream for row `r` starts at `path_key ^ row_mask(r)`; the
//! stream is SplitMix64 (Steele, Lea and Flood, 2014), whose output function mixes that state
//! again: tiny, portable, and it passes BigCrush.
//!
//! Changing anything in this file changes every pinned output: that is a breaking change.

/// The SplitMix64 increment (the golden ratio in 64-bit fixed point).
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hashes a name (entity, field or variant) to 64 bits with FNV-1a.
///
/// ```
/// assert_eq!(datagen_core::seed::name_hash(""), 0xcbf2_9ce4_8422_2325);
/// ```
pub const fn name_hash(name: &str) -> u64 {
    let bytes = name.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The SplitMix64 output function: a bijective 64-bit mixer.
#[inline]
pub const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Derives a child key from a parent key and a component (a name hash, a row or an index).
///
/// This is the one function that derives child seeds. It is not commutative, so
/// `derive_key(derive_key(k, a), b)` and `derive_key(derive_key(k, b), a)` differ.
#[inline]
pub const fn derive_key(parent: u64, component: u64) -> u64 {
    mix64(
        mix64(parent ^ GAMMA)
            .wrapping_add(component)
            .wrapping_mul(GAMMA)
            ^ component,
    )
}

/// The key of a child path: the parent's key and a component (a field name hash or an element
/// index), one mixing step. Cheaper than [`derive_key`] because it runs once per field per row;
/// bijective in `parent` for a fixed component and in the component for a fixed parent.
#[inline]
pub const fn child_key(parent: u64, component: u64) -> u64 {
    mix64(parent ^ component.wrapping_mul(GAMMA) ^ 0x5851_f42d_4c95_7f2d)
}

/// The mask that places a stream at a row: XORed onto a path key, it gives the starting state of
/// that path's stream for the row. Computed once per row.
#[inline]
pub const fn row_mask(row: u64) -> u64 {
    mix64(row.wrapping_add(GAMMA))
}

/// The key of the root of a run: every entity key derives from it.
#[inline]
pub const fn root_key(seed: u64) -> u64 {
    derive_key(0x6461_7461_6765_6e00, seed) // "datagen\0"
}

/// A SplitMix64 random stream: the source every generator draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stream {
    state: u64,
}

impl Stream {
    /// A stream starting from `key`.
    #[inline]
    pub const fn new(key: u64) -> Self {
        Self { state: key }
    }

    /// The next 64 random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        mix64(self.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_hash_is_fnv1a() {
        // Reference values of FNV-1a 64 from the published test vectors.
        assert_eq!(name_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(name_hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn splitmix_matches_reference() {
        // The first outputs of SplitMix64 seeded with 1234567 (reference C implementation).
        let mut s = Stream::new(1_234_567);
        assert_eq!(s.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(s.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn derive_key_is_order_sensitive() {
        let k = root_key(42);
        assert_ne!(
            derive_key(derive_key(k, 1), 2),
            derive_key(derive_key(k, 2), 1)
        );
        assert_ne!(derive_key(k, 0), k);
    }
}
