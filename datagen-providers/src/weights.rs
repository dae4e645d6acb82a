//! Weighted choice with a guide table: the index `pick_cumulative` would draw, in fewer steps.
//!
//! A plain binary search over a few thousand running sums costs a dozen dependent cache misses
//! per draw. The guide splits the range of the random number into buckets of `2^shift` and
//! remembers where each bucket starts in the sums, so the search covers a row or two.

use datagen_core::Ctx;

/// Running sums of positive weights, with a guide to search them.
#[derive(Debug)]
pub(crate) struct Cumulative {
    sums: Vec<u64>,
    total: u64,
    /// `guide[b]` is the first index whose sum exceeds `b << shift`, capped at the last index;
    /// one more entry than there are buckets.
    guide: Vec<u32>,
    shift: u32,
}

impl Cumulative {
    /// Builds the guide over non-decreasing running sums whose last one is above zero.
    ///
    /// # Panics
    /// If `sums` is empty or totals zero; tables check their weights first.
    pub(crate) fn new(sums: Vec<u64>) -> Self {
        let total = sums.last().copied().unwrap_or(0);
        assert!(total > 0, "Cumulative::new: the weights total zero");
        let last = sums.len() - 1;
        // About two buckets per row, at most 2^16 buckets.
        let bucket_bits = (sums.len().next_power_of_two().trailing_zeros() + 1).min(16);
        let value_bits = u64::BITS - (total - 1).leading_zeros();
        let shift = value_bits.saturating_sub(bucket_bits);
        let buckets = ((total - 1) >> shift) + 1;
        let guide = (0..=buckets)
            .map(|b| {
                let start = b << shift;
                sums.partition_point(|&c| c <= start).min(last) as u32
            })
            .collect();
        Self {
            sums,
            total,
            guide,
            shift,
        }
    }

    /// Draws an index in proportion to its weight: the same index, from the same draws, as
    /// `datagen_core::weighted::pick_cumulative` over the sums.
    #[inline]
    pub(crate) fn pick(&self, ctx: &mut Ctx) -> usize {
        let x = ctx.below(self.total);
        let bucket = (x >> self.shift) as usize;
        let low = self.guide[bucket] as usize;
        let high = self.guide[bucket + 1] as usize;
        low + self.sums[low..=high].partition_point(|&c| c <= x)
    }
}

#[cfg(test)]
mod tests {
    use datagen_core::weighted::pick_cumulative;

    use super::*;

    #[test]
    fn picks_what_pick_cumulative_picks() {
        let tables: [&[u64]; 5] = [
            &[1],
            &[5, 5, 5],
            &[1, 2, 3],
            &[1, 1000, 1001, 5000, 5001, 1 << 40],
            &[7, 7, 9],
        ];
        for sums in tables {
            let table = Cumulative::new(sums.to_vec());
            let mut a = Ctx::seeded(4);
            let mut b = Ctx::seeded(4);
            for _ in 0..20_000 {
                assert_eq!(
                    table.pick(&mut a),
                    pick_cumulative(&mut b, sums),
                    "{sums:?}"
                );
            }
        }
        // Many rows with skewed weights, like the name tables.
        let mut sums = Vec::new();
        let mut total = 0;
        for i in 0..5000u64 {
            total += 1 + (5000 - i).pow(2) / 1000;
            sums.push(total);
        }
        let table = Cumulative::new(sums.clone());
        let mut a = Ctx::seeded(5);
        let mut b = Ctx::seeded(5);
        for _ in 0..100_000 {
            assert_eq!(table.pick(&mut a), pick_cumulative(&mut b, &sums));
        }
    }
}
