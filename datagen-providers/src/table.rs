//! Word tables parsed once from the data files: rows of columns with cumulative weights.
//!
//! A data file is UTF-8 text, one row a line, columns separated by tabs. Lines starting with `#`
//! (the header naming the source and licence) and blank lines are skipped. In a weighted table the
//! last column is a positive integer weight; an unweighted table gives every row weight 1.

use datagen_core::Ctx;

use crate::weights::Cumulative;

/// A table of rows of `N` text columns, each row drawn in proportion to its weight.
#[derive(Debug)]
pub(crate) struct Table<const N: usize> {
    rows: Vec<[&'static str; N]>,
    /// The weights; `None` when all weights are equal.
    cumulative: Option<Cumulative>,
}

impl<const N: usize> Table<N> {
    /// Parses `text` (the contents of data file `name`); the last column holds the weight when
    /// `weighted`.
    ///
    /// # Panics
    /// If the file is malformed. The files are part of the crate and the tests parse every one,
    /// so this cannot happen in a released build.
    pub(crate) fn parse(name: &str, text: &'static str, weighted: bool) -> Self {
        let mut rows = Vec::new();
        let mut cumulative = Vec::new();
        let mut total: u64 = 0;
        for (number, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cells = line.split('\t');
            let row: [&'static str; N] = std::array::from_fn(|_| cells.next().unwrap_or(""));
            assert!(
                row.iter().all(|cell| !cell.is_empty()),
                "data file {name}, line {}: expected {N} non-empty columns",
                number + 1
            );
            if weighted {
                let weight: u64 = cells.next().and_then(|w| w.parse().ok()).unwrap_or(0);
                assert!(
                    weight > 0,
                    "data file {name}, line {}: bad or missing weight",
                    number + 1
                );
                total += weight;
                cumulative.push(total);
            }
            assert!(
                cells.next().is_none(),
                "data file {name}, line {}: too many columns",
                number + 1
            );
            rows.push(row);
        }
        assert!(!rows.is_empty(), "data file {name} has no rows");
        Self {
            rows,
            cumulative: weighted.then(|| Cumulative::new(cumulative)),
        }
    }

    /// A row, drawn in proportion to its weight.
    #[inline]
    pub(crate) fn pick(&self, ctx: &mut Ctx) -> &[&'static str; N] {
        let index = match &self.cumulative {
            Some(cumulative) => cumulative.pick(ctx),
            None => ctx.index(self.rows.len()),
        };
        &self.rows[index]
    }

    /// Every row, in file order.
    pub(crate) fn rows(&self) -> &[[&'static str; N]] {
        &self.rows
    }
}

/// Declares a lazily parsed table over a file under `data/`:
/// `table!(NAME: columns, "locale/file.tsv", weighted)`.
///
/// Every module using it sits directly in `src/`, so the `include_str!` path holds wherever the
/// macro's spans resolve.
macro_rules! table {
    ($(#[$meta:meta])* $name:ident: $cols:literal, $file:literal, $weighted:literal) => {
        $(#[$meta])*
        static $name: ::std::sync::LazyLock<$crate::table::Table<$cols>> =
            ::std::sync::LazyLock::new(|| {
                $crate::table::Table::parse($file, include_str!(concat!("../data/", $file)), $weighted)
            });
    };
}
pub(crate) use table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_weighted_rows_and_skips_comments() {
        let table: Table<2> = Table::parse("t", "# source\n\na\tx\t1\nb\ty\t3\n", true);
        assert_eq!(table.rows(), &[["a", "x"], ["b", "y"]]);
        let mut ctx = Ctx::seeded(1);
        let bs = (0..4000).filter(|_| table.pick(&mut ctx)[0] == "b").count();
        assert!((2800..3200).contains(&bs), "{bs}");
    }

    #[test]
    #[should_panic(expected = "bad or missing weight")]
    fn rejects_a_zero_weight() {
        let _: Table<1> = Table::parse("t", "a\t0\n", true);
    }
}
