//! Weighted choice over a cumulative table: built once, then one draw and a search per value.

use crate::ctx::Ctx;
use crate::error::Error;

/// Picks an index in proportion to integer weights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeightedIndex {
    cumulative: Vec<u64>,
}

impl WeightedIndex {
    /// Builds the table.
    ///
    /// # Errors
    /// If there are no weights, all are zero, or their sum overflows `u64`.
    pub fn new(weights: &[u64]) -> Result<Self, Error> {
        let mut cumulative = Vec::with_capacity(weights.len());
        let mut total: u64 = 0;
        for &w in weights {
            total = total.checked_add(w).ok_or_else(|| Error::Invalid {
                what: "weights",
                why: "their sum overflows u64".into(),
            })?;
            cumulative.push(total);
        }
        if total == 0 {
            return Err(Error::Invalid {
                what: "weights",
                why: "at least one weight must be above zero".into(),
            });
        }
        Ok(Self { cumulative })
    }

    /// How many choices the table has.
    pub fn len(&self) -> usize {
        self.cumulative.len()
    }

    /// Whether the table has no choices (never true for a built table).
    pub fn is_empty(&self) -> bool {
        self.cumulative.is_empty()
    }

    /// Draws an index.
    #[inline]
    pub fn sample(&self, ctx: &mut Ctx) -> usize {
        pick_cumulative(ctx, &self.cumulative)
    }
}

/// Draws an index from a cumulative weight table (non-decreasing, last entry above zero).
///
/// The derive computes such tables at compile time and calls this directly.
#[inline]
pub fn pick_cumulative(ctx: &mut Ctx, cumulative: &[u64]) -> usize {
    let total = cumulative[cumulative.len() - 1];
    let x = ctx.below(total);
    if cumulative.len() <= 16 {
        // The same index as the binary search, counted without branches: a search over a few
        // entries mispredicts on most draws, and the derive's tables are mostly this short.
        cumulative.iter().map(|&c| usize::from(c <= x)).sum()
    } else {
        cumulative.partition_point(|&c| c <= x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tables_count_as_the_search_would() {
        // Zero weights (repeated sums) and both sides of the length cut-off.
        for table in [
            vec![3, 3, 5, 9],
            vec![0, 0, 1],
            (1..=16).map(|k| k * k / 3).collect::<Vec<u64>>(),
            (1..=17).collect(),
        ] {
            let total = table[table.len() - 1];
            for seed in 0..300 {
                let mut ctx = Ctx::seeded(seed);
                let mut again = Ctx::seeded(seed);
                let x = again.below(total);
                let expect = table.partition_point(|&c| c <= x);
                assert_eq!(pick_cumulative(&mut ctx, &table), expect, "{table:?}");
            }
        }
    }

    #[test]
    fn frequencies_follow_weights_and_zero_never_appears() {
        let table = WeightedIndex::new(&[1, 0, 3, 6]).expect("valid weights");
        let mut ctx = Ctx::seeded(9);
        let mut counts = [0u32; 4];
        for _ in 0..100_000 {
            counts[table.sample(&mut ctx)] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((9_000..11_000).contains(&counts[0]), "{counts:?}");
        assert!((28_500..31_500).contains(&counts[2]), "{counts:?}");
        assert!((58_500..61_500).contains(&counts[3]), "{counts:?}");
    }
}
