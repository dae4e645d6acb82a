//! The cache of derived types' field path keys, which do not depend on the row.

use crate::seed::child_key;

/// The field path keys of one derived type under one parent path.
#[derive(Clone, Debug, Default)]
struct KeyEntry {
    /// The address of the type's static list of field name hashes: the type's identity.
    tag: usize,
    parent: u64,
    keys: Vec<u64>,
}

/// A small direct-mapped cache of field path keys, indexed by the type's tag: a struct's field
/// keys (`child_key(parent, name_hash(field))`) do not depend on the row, so a type generated
/// row after row under the same parent computes them once instead of once per field per row.
///
/// A clone starts empty (the cache is a memo, and cloning its entries would cost allocations
/// for nothing), and a context made for one row ([`KeyCache::single_row`]) never fills it.
#[derive(Debug, Default)]
pub(crate) struct KeyCache {
    entries: Vec<KeyEntry>,
    /// Whether to compute keys without keeping them.
    single_row: bool,
}

impl Clone for KeyCache {
    fn clone(&self) -> Self {
        Self {
            entries: Vec::new(),
            single_row: self.single_row,
        }
    }
}

impl KeyCache {
    /// A cache for a context that generates one row (`generate_at`, lookups): keys are
    /// computed, never stored, so such a context allocates nothing for them.
    pub(crate) fn single_row() -> Self {
        Self {
            entries: Vec::new(),
            single_row: true,
        }
    }

    /// Entries; a power of two. Types generated together (an entity and its nested structs)
    /// rarely share a slot, and a shared slot only costs recomputing.
    const SLOTS: usize = 8;

    /// The keys of `hashes` under `parent`, from the cache or computed into it.
    #[inline]
    pub(crate) fn get<const K: usize>(
        &mut self,
        hashes: &'static [u64; K],
        parent: u64,
    ) -> [u64; K] {
        let tag = hashes.as_ptr() as usize;
        // Statics are at least 8-byte aligned: the low bits say nothing.
        let slot = (tag >> 3) & (Self::SLOTS - 1);
        if let Some(entry) = self.entries.get(slot)
            && entry.tag == tag
            && entry.parent == parent
            && let Ok(keys) = <[u64; K]>::try_from(entry.keys.as_slice())
        {
            return keys;
        }
        self.fill(slot, tag, hashes, parent)
    }

    /// Computes the keys of `hashes` under `parent` into slot `slot`.
    #[cold]
    fn fill<const K: usize>(
        &mut self,
        slot: usize,
        tag: usize,
        hashes: &[u64; K],
        parent: u64,
    ) -> [u64; K] {
        let keys = hashes.map(|hash| child_key(parent, hash));
        if self.single_row {
            return keys;
        }
        if self.entries.is_empty() {
            self.entries.resize_with(Self::SLOTS, KeyEntry::default);
        }
        let entry = &mut self.entries[slot];
        entry.tag = tag;
        entry.parent = parent;
        entry.keys.clear();
        entry.keys.extend_from_slice(&keys);
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static A: [u64; 3] = [1, 2, 3];
    static B: [u64; 3] = [1, 2, 4];
    static C: [u64; 1] = [9];

    #[test]
    fn cached_keys_equal_computed_ones_under_any_interleaving() {
        let mut cache = KeyCache::default();
        let tables: [&'static [u64]; 3] = [&A, &B, &C];
        // More (type, parent) pairs than slots, revisited in a scrambled order, so entries are
        // hit, missed and evicted.
        for step in 0u64..400 {
            let table = (step * 7 % 3) as usize;
            let parent = step * 13 % 11;
            let expect: Vec<u64> = tables[table]
                .iter()
                .map(|&h| child_key(parent, h))
                .collect();
            let got: Vec<u64> = match table {
                0 => cache.get(&A, parent).to_vec(),
                1 => cache.get(&B, parent).to_vec(),
                _ => cache.get(&C, parent).to_vec(),
            };
            assert_eq!(got, expect, "step {step}");
        }
        let mut single = KeyCache::single_row();
        assert_eq!(single.get(&A, 5), A.map(|h| child_key(5, h)));
        assert!(single.entries.is_empty());
        assert!(cache.clone().entries.is_empty());
    }
}
