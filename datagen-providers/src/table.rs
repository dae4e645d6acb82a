//! Word tables parsed once from the data files: rows of columns with cumulative weights.
//!
//! A data file is UTF-8 text, one row a line, columns separated by tabs. Lines starting with `#`
//! (the header naming the source and licence) and blank lines are skipped. In a weighted table the
//! last column is a positive integer weight; an unweighted table gives every row weight 1.

use datagen_core::Ctx;

use crate::text::split_ascii;
use crate::weights::Alias;

/// A table of rows of `N` text columns, each row drawn in proportion to its weight.
///
/// Draws touch random rows of tables of thousands of rows, so the layout keeps each draw's
/// memory traffic small: the rows are stored heaviest first (the heavy rows get most draws and
/// are the alias targets, so their lines are the likeliest to be cached), each alias column
/// sits next to its own row's cells in one [`Slot`], and the cells' bytes are copied, heaviest
/// first, into one contiguous block. A draw that keeps its column costs one cache line for the
/// column and the row, and one for the bytes.
#[derive(Debug)]
pub(crate) struct Table<const N: usize> {
    /// The rows heaviest first (file order among equal weights), each with its alias column.
    slots: Box<[Slot<N>]>,
    /// Whether the rows have different weights; otherwise a draw is one uniform index.
    weighted: bool,
    /// The rows in file order, for lookups and scans.
    rows: Vec<[&'static str; N]>,
}

/// One alias column and the row it keeps.
#[derive(Debug)]
struct Slot<const N: usize> {
    /// The probability (scaled to 2^32) of keeping this slot's row.
    keep: u32,
    /// The slot drawn otherwise.
    alias: u32,
    /// This slot's row.
    row: [&'static str; N],
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
        let mut weights = Vec::new();
        let lines = split_ascii(text, b'\n').map(|line| line.strip_suffix('\r').unwrap_or(line));
        for (number, line) in lines.enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cells = split_ascii(line, b'\t');
            let row: [&'static str; N] = std::array::from_fn(|_| cells.next().unwrap_or(""));
            assert!(
                row.iter().all(|cell| !cell.is_empty()),
                "data file {name}, line {}: expected {N} non-empty columns",
                number + 1
            );
            let weight: u64 = if weighted {
                let weight = cells.next().and_then(|w| w.parse().ok()).unwrap_or(0);
                assert!(
                    weight > 0,
                    "data file {name}, line {}: bad or missing weight",
                    number + 1
                );
                weight
            } else {
                1
            };
            assert!(
                cells.next().is_none(),
                "data file {name}, line {}: too many columns",
                number + 1
            );
            rows.push(row);
            weights.push(weight);
        }
        assert!(!rows.is_empty(), "data file {name} has no rows");
        let slots = Self::slots(&rows, &weights);
        Self {
            weighted: slots.iter().any(|slot| slot.keep != u32::MAX),
            slots,
            rows,
        }
    }

    /// Lays out the rows heaviest first with their alias columns; see [`Table`].
    fn slots(rows: &[[&'static str; N]], weights: &[u64]) -> Box<[Slot<N>]> {
        let uniform = weights.iter().all(|&w| w == weights[0]);
        // Heaviest first; the sort is stable, so equal weights keep file order.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        if !uniform {
            order.sort_by_key(|&i| std::cmp::Reverse(weights[i]));
        }
        // The cells' bytes in that order, end to end, in one block that lives as long as the
        // program: tables are statics parsed once.
        let mut blob = String::with_capacity(
            order
                .iter()
                .map(|&i| rows[i].iter().map(|c| c.len()).sum::<usize>())
                .sum(),
        );
        let spans: Vec<[(usize, usize); N]> = order
            .iter()
            .map(|&i| {
                rows[i].map(|cell| {
                    blob.push_str(cell);
                    (blob.len() - cell.len(), cell.len())
                })
            })
            .collect();
        let blob: &'static str = Box::leak(blob.into_boxed_str());
        let columns: Vec<(u32, u32)> = if uniform {
            (0..order.len()).map(|k| (u32::MAX, k as u32)).collect()
        } else {
            let sums: Vec<u64> = order
                .iter()
                .scan(0u64, |total, &i| {
                    *total += weights[i];
                    Some(*total)
                })
                .collect();
            Alias::new(&sums).into_columns()
        };
        columns
            .into_iter()
            .zip(spans)
            .map(|((keep, alias), span)| Slot {
                keep,
                alias,
                row: span.map(|(start, len)| &blob[start..start + len]),
            })
            .collect()
    }

    /// A row, drawn in proportion to its weight.
    #[inline(always)]
    pub(crate) fn pick(&self, ctx: &mut Ctx) -> &[&'static str; N] {
        if !self.weighted {
            return &self.slots[ctx.index(self.slots.len())].row;
        }
        let r = ctx.next_u64();
        let column = (((r >> 32) * self.slots.len() as u64) >> 32) as usize;
        let slot = &self.slots[column];
        // Keeping or not is a coin flip the branch predictor cannot learn: select without a
        // branch (a conditional move), then read the chosen slot.
        let index =
            std::hint::select_unpredictable((r as u32) < slot.keep, column, slot.alias as usize);
        &self.slots[index].row
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

/// The data directory of a locale: `locale_dir!(DeDe)` is `"de_DE"`.
macro_rules! locale_dir {
    (EnGb) => {
        "en_GB"
    };
    (DeDe) => {
        "de_DE"
    };
    (FrFr) => {
        "fr_FR"
    };
    (EsEs) => {
        "es_ES"
    };
    (ItIt) => {
        "it_IT"
    };
    (PtBr) => {
        "pt_BR"
    };
    (JaJp) => {
        "ja_JP"
    };
    (ZhCn) => {
        "zh_CN"
    };
    (NlNl) => {
        "nl_NL"
    };
}
pub(crate) use locale_dir;

/// Declares a function returning a locale's lazily parsed table over `data/<locale>/<file>`, or
/// `None` for a locale not listed: `locale_table!(fn name: columns, "file.tsv", weighted,
/// [DeDe, FrFr])`.
///
/// Each locale's table is its own static, parsed on first use; a draw costs a `match` on the
/// locale and no allocation. en_US, whose data the providers keep in their own statics, is
/// never listed, and answers `None` before the `match`: the default locale pays one comparison.
macro_rules! locale_table {
    ($(#[$meta:meta])* fn $name:ident: $cols:literal, $file:literal, $weighted:literal,
     [$($loc:ident),+ $(,)?]) => {
        $(#[$meta])*
        #[inline(always)]
        fn $name(
            locale: ::datagen_core::Locale,
        ) -> Option<&'static $crate::table::Table<$cols>> {
            /// The tables of the locales other than en_US.
            #[inline(never)]
            fn others(
                locale: ::datagen_core::Locale,
            ) -> Option<&'static $crate::table::Table<$cols>> {
                match locale {
                    $(::datagen_core::Locale::$loc => {
                        static TABLE: ::std::sync::LazyLock<$crate::table::Table<$cols>> =
                            ::std::sync::LazyLock::new(|| {
                                $crate::table::Table::parse(
                                    concat!($crate::table::locale_dir!($loc), "/", $file),
                                    include_str!(concat!(
                                        "../data/", $crate::table::locale_dir!($loc), "/", $file
                                    )),
                                    $weighted,
                                )
                            });
                        Some(&*TABLE)
                    })+
                    _ => None,
                }
            }
            $(const { assert!(!matches!(::datagen_core::Locale::$loc, ::datagen_core::Locale::EnUs)) };)+
            if locale == ::datagen_core::Locale::EnUs {
                None
            } else {
                others(locale)
            }
        }
    };
}
pub(crate) use locale_table;

/// Appends `template` to `out` with its placeholders filled: `#` a digit, `@` a letter of a UK
/// postcode's inward code (none of C, I, K, M, O, V), `%` a Dutch postcode's letter pair (no F, I,
/// O, Q, U or Y, and never SA, SD or SS). Other characters are copied.
#[inline]
pub(crate) fn fill_template(ctx: &mut Ctx, template: &str, out: &mut String) {
    const UK_INWARD: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
    const NL_LETTERS: &[u8] = b"ABCDEGHJKLMNPRSTVWXZ";
    for c in template.chars() {
        match c {
            '#' => out.push(char::from(b'0' + ctx.below(10) as u8)),
            '@' => out.push(char::from(*ctx.pick(UK_INWARD))),
            '%' => loop {
                let (a, b) = (*ctx.pick(NL_LETTERS), *ctx.pick(NL_LETTERS));
                // PostNL never issues SA, SD or SS (their associations).
                if a == b'S' && matches!(b, b'A' | b'D' | b'S') {
                    continue;
                }
                out.push(char::from(a));
                out.push(char::from(b));
                break;
            },
            c => out.push(c),
        }
    }
}

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
    fn templates_fill_placeholders() {
        let mut ctx = Ctx::seeded(2);
        let mut out = String::new();
        for _ in 0..1000 {
            out.clear();
            fill_template(&mut ctx, "(1#) @-%", &mut out);
            let b = out.as_bytes();
            assert_eq!(b.len(), 9, "{out}");
            assert!(b[2].is_ascii_digit() && b[5].is_ascii_uppercase(), "{out}");
            assert!(!["SA", "SD", "SS"].contains(&&out[7..]), "{out}");
        }
    }

    #[test]
    #[should_panic(expected = "bad or missing weight")]
    fn rejects_a_zero_weight() {
        let _: Table<1> = Table::parse("t", "a\t0\n", true);
    }
}
