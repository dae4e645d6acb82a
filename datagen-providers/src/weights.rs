//! Weighted choice in constant time: an alias table (Walker 1977, Vose 1991) built once per table.
//!
//! Name and place tables hold tens of thousands of rows with skewed weights; a search over their
//! running sums costs a dozen unpredictable branches and cache misses per draw. An alias table
//! costs one random word, one multiply and one or two loads: the high half of the word picks a
//! column, the low half decides between the column and its alias. Columns are 8 bytes (a 32-bit
//! threshold, so each column's split is exact to 2^-32), which keeps the big name tables' columns
//! in cache as much as possible: these draws are memory-bound.

use datagen_core::Ctx;

/// Picks an index in proportion to its weight, in constant time.
#[derive(Debug)]
pub(crate) struct Alias {
    /// Per column: the probability (scaled to 2^32) of keeping the column, and its alias.
    columns: Vec<(u32, u32)>,
}

impl Alias {
    /// Builds the table from non-decreasing running sums whose last one is above zero.
    ///
    /// # Panics
    /// If `sums` is empty, totals zero or has more than `u32::MAX` rows; tables check their
    /// weights first.
    pub(crate) fn new(sums: &[u64]) -> Self {
        let total = u128::from(sums.last().copied().unwrap_or(0));
        assert!(total > 0, "Alias::new: the weights total zero");
        let n = sums.len();
        assert!(
            u32::try_from(n).is_ok(),
            "Alias::new: more than u32::MAX rows"
        );
        // A zero weight must never be drawn: its threshold is 0 and `r < 0` never holds.
        // Weights scaled by n, so the average column holds exactly `total`: exact integers.
        let mut scaled: Vec<u128> = sums
            .iter()
            .scan(0u64, |prev, &sum| {
                let w = sum - *prev;
                *prev = sum;
                Some(u128::from(w) * n as u128)
            })
            .collect();
        let mut columns = vec![(u32::MAX, 0u32); n];
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < total);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            columns[s] = (keep_threshold(scaled[s], total), l as u32);
            scaled[l] -= total - scaled[s];
            if scaled[l] < total {
                large.pop();
                small.push(l);
            }
        }
        // What is left holds exactly `total` (up to rounding already absorbed): always kept.
        for i in small.into_iter().chain(large) {
            columns[i] = (u32::MAX, i as u32);
        }
        Self { columns }
    }

    /// The columns, one per row: the probability (scaled to 2^32) of keeping the row, and the
    /// row drawn otherwise. Tables store them next to their rows.
    pub(crate) fn into_columns(self) -> Vec<(u32, u32)> {
        self.columns
    }

    /// Draws an index in proportion to its weight.
    #[inline]
    pub(crate) fn pick(&self, ctx: &mut Ctx) -> usize {
        let r = ctx.next_u64();
        let column = (((r >> 32) * self.columns.len() as u64) >> 32) as usize;
        let (keep, alias) = self.columns[column];
        if (r as u32) < keep {
            column
        } else {
            alias as usize
        }
    }
}

/// The probability `part / total` (at most 1) as a threshold on a uniform 32-bit word.
fn keep_threshold(part: u128, total: u128) -> u32 {
    if part >= total {
        u32::MAX
    } else {
        ((part << 32) / total) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frequencies(sums: &[u64], draws: u32) -> Vec<f64> {
        let table = Alias::new(sums);
        let mut ctx = Ctx::seeded(4);
        let mut counts = vec![0u32; sums.len()];
        for _ in 0..draws {
            counts[table.pick(&mut ctx)] += 1;
        }
        counts
            .iter()
            .map(|&c| f64::from(c) / f64::from(draws))
            .collect()
    }

    #[test]
    fn frequencies_follow_weights() {
        for sums in [
            &[1u64][..],
            &[5, 10, 15],
            &[1, 3, 6],
            &[1, 1000, 1001, 5000, 5001],
            &[7, 7, 9],
        ] {
            let total = *sums.last().expect("non-empty") as f64;
            let got = frequencies(sums, 200_000);
            let mut prev = 0u64;
            for (i, &sum) in sums.iter().enumerate() {
                let want = (sum - prev) as f64 / total;
                prev = sum;
                assert!(
                    (got[i] - want).abs() < 0.005,
                    "{sums:?}: row {i} {} vs {want}",
                    got[i]
                );
            }
        }
    }

    #[test]
    fn zero_weights_never_appear() {
        let got = frequencies(&[0, 5, 5, 9, 9, 9, 10], 100_000);
        for i in [0, 2, 4, 5] {
            assert_eq!(got[i], 0.0, "row {i}");
        }
    }

    #[test]
    fn skewed_tables_like_names() {
        let mut sums = Vec::new();
        let mut total = 0;
        for i in 0..5000u64 {
            total += 1 + (5000 - i).pow(2) / 1000;
            sums.push(total);
        }
        let got = frequencies(&sums, 400_000);
        let want0 = sums[0] as f64 / total as f64;
        assert!((got[0] - want0).abs() < 0.001, "{} vs {want0}", got[0]);
        assert!(got[0] > got[4999] * 100.0);
    }
}
