//! ICD-10-CM: every billable code of the CMS code set, drawn uniformly, with its description.
//!
//! The data stores a code that takes a seventh character (`S72.001A`, `T36.0X1D`) once, as its
//! base (`S72.001`) with the name of its extension set; the full codes are built once, on first
//! use, into one block of text, so a draw is one index and borrows a `&'static str`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use datagen_core::Ctx;

/// One row of `icd10.tsv`: a billable code, or a base taking the characters of an extension set.
#[derive(Debug)]
struct Row {
    /// The code with its dot (`I10`, `E11.9`, `S72.001`).
    code: &'static str,
    /// Its description in the tabular list.
    description: &'static str,
    /// The extension set's name; `None` when the code is billable as it is.
    set: Option<&'static str>,
}

/// The parsed code set.
#[derive(Debug)]
struct CodeSet {
    /// The rows, sorted by code.
    rows: Vec<Row>,
    /// Each extension set's characters and meanings.
    extensions: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
    /// Every billable code, in the order of the rows.
    codes: Vec<&'static str>,
}

static CODE_SET: LazyLock<CodeSet> = LazyLock::new(|| {
    CodeSet::parse(
        include_str!("../../data/healthcare/icd10.tsv"),
        include_str!("../../data/healthcare/icd10_extension.tsv"),
    )
});

/// The data lines of a data file, split at tabs into `N` columns.
///
/// # Panics
/// If a line has another number of columns; the files are part of the crate and tested.
fn lines<const N: usize>(
    name: &'static str,
    text: &'static str,
) -> impl Iterator<Item = [&'static str; N]> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(move |line| {
            let cells: Vec<&'static str> = line.split('\t').collect();
            <[&'static str; N]>::try_from(cells)
                .unwrap_or_else(|_| panic!("data file {name}: expected {N} columns: {line}"))
        })
}

impl CodeSet {
    fn parse(codes: &'static str, extensions: &'static str) -> Self {
        let mut sets: HashMap<&'static str, Vec<(&'static str, &'static str)>> = HashMap::new();
        for [set, character, meaning] in lines("healthcare/icd10_extension.tsv", extensions) {
            sets.entry(set).or_default().push((character, meaning));
        }
        let rows: Vec<Row> = lines("healthcare/icd10.tsv", codes)
            .map(|[code, description, set, _count]| Row {
                code,
                description,
                set: (set != "-").then_some(set),
            })
            .collect();
        // The seven-character codes' text, end to end, then sliced: one block for the program.
        let mut blob = String::new();
        let mut spans = Vec::new();
        for row in &rows {
            match row.set {
                None => spans.push(None),
                Some(set) => {
                    for (character, _) in &sets[set] {
                        let start = blob.len();
                        blob.push_str(row.code);
                        blob.push_str(character);
                        spans.push(Some((start, blob.len())));
                    }
                }
            }
        }
        let blob: &'static str = Box::leak(blob.into_boxed_str());
        let mut spans = spans.into_iter();
        let mut all = Vec::with_capacity(spans.len());
        for row in &rows {
            let count = row.set.map_or(1, |set| sets[set].len());
            for span in spans.by_ref().take(count) {
                all.push(span.map_or(row.code, |(start, end)| &blob[start..end]));
            }
        }
        Self {
            rows,
            extensions: sets,
            codes: all,
        }
    }

    fn row(&self, code: &str) -> Option<&Row> {
        self.rows
            .binary_search_by(|r| r.code.cmp(code))
            .ok()
            .map(|i| &self.rows[i])
    }

    fn description(&self, code: &str) -> Option<Cow<'static, str>> {
        if let Some(row) = self.row(code) {
            return row.set.is_none().then_some(Cow::Borrowed(row.description));
        }
        let split = code.len().checked_sub(1)?;
        let (base, character) = (code.get(..split)?, code.get(split..)?);
        let row = self.row(base)?;
        let (_, meaning) = self.extensions[row.set?]
            .iter()
            .find(|(c, _)| *c == character)?;
        Some(Cow::Owned(format!("{}, {meaning}", row.description)))
    }
}

/// A billable ICD-10-CM diagnosis code with its dot, such as `I10`, `E11.9` or `S72.001A`
/// (`healthcare.icd10`); [`icd10_description`] gives its meaning.
///
/// Drawn uniformly from all 74,714 billable codes of the CMS April 2026 code set, from
/// three-character categories to seven-character codes with their extension (`A` initial
/// encounter, `D` subsequent, `S` sequela, ...) and `X` placeholders. Safe mode changes nothing: a
/// code alone says nothing about a person.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(2);
/// let code = datagen_providers::healthcare::icd10(&mut ctx);
/// assert!(datagen_providers::healthcare::icd10_description(code).is_some());
/// ```
#[inline]
pub fn icd10(ctx: &mut Ctx) -> &'static str {
    let codes = &CODE_SET.codes;
    codes[ctx.index(codes.len())]
}

/// A billable ICD-10-CM code and its description, such as `("I10", "Essential (primary)
/// hypertension")`, drawn as [`icd10`] draws. A seven-character code's description is built
/// from its base's and its extension's, as the tabular list composes it.
pub fn icd10_entry(ctx: &mut Ctx) -> (&'static str, Cow<'static, str>) {
    let code = icd10(ctx);
    let description = CODE_SET
        .description(code)
        .expect("every drawn code is in the code set");
    (code, description)
}

/// The CMS description of a billable ICD-10-CM code, such as "Type 2 diabetes mellitus without
/// complications" for `E11.9`; `None` for a code that is not billable (a category such as `S72`
/// that needs more characters) or not in the code set.
///
/// ```
/// use datagen_providers::healthcare::icd10_description;
/// assert_eq!(icd10_description("I10").as_deref(), Some("Essential (primary) hypertension"));
/// assert_eq!(
///     icd10_description("S72.001A").as_deref(),
///     Some("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture")
/// );
/// assert_eq!(icd10_description("S72.001"), None);
/// assert_eq!(icd10_description("I99.99"), None);
/// ```
pub fn icd10_description(code: &str) -> Option<Cow<'static, str>> {
    CODE_SET.description(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_sorted_for_the_binary_search() {
        for pair in CODE_SET.rows.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn every_code_is_described_and_counted() {
        assert_eq!(CODE_SET.codes.len(), 74_714);
        for code in &CODE_SET.codes {
            assert!(CODE_SET.description(code).is_some(), "{code}");
        }
        assert_eq!(
            icd10_description("E11.9").as_deref(),
            Some("Type 2 diabetes mellitus without complications")
        );
    }
}
