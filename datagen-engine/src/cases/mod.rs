//! Edge and invalid rows of a plan's entities (`datagen generate --cases edge|invalid`): each
//! row puts one field at a boundary, or breaks one rule of one field, every other field drawn
//! as usual, with three label columns saying which field and rule.
//!
//! Case row `i` of an entity is the entity's row `i` (same seed, same row counts) with one
//! field's value replaced, and fields computed from it (templates) recomputed; so keys stay
//! distinct and refs point into the parents' rows as generated without `--cases`. This is what
//! `T::edge_cases` and `T::invalid_cases` of the derive do with row 0 (see
//! `datagen_core::Cases`); the rows differ only in the row the other fields come from.

mod build;
mod document;
mod patch;

use crate::chunk::{ColumnSchema, TableSchema};
use crate::ir::{DataType, Value};
use crate::plan::Plan;

pub use document::{DocCase, DocCases, DocSkip};
pub(crate) use patch::Patch;

/// The label columns a case row gets, after the entity's own columns.
pub const LABEL_COLUMNS: [&str; 3] = ["_case_field", "_case_rule", "_case_detail"];

/// Which cases to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Valid rows, each with one field at a boundary: both ends of a range or clamp, each
    /// `one_of`/`cycle` value, `true` and `false`, the shortest and longest lengths, null for
    /// a nullable field, the first and last parent row of a ref.
    Edge,
    /// Rows each breaking exactly one rule of one field: just outside a range or clamp, a
    /// string its regex misses, a value outside `one_of`, a length outside its bounds, a string
    /// longer than its column, null in a field without nulls, a ref to a missing parent key,
    /// a duplicate in a unique field.
    Invalid,
}

/// Why an entity cannot have cases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("entity `{entity}`: {message}")]
#[non_exhaustive]
pub struct CasesError {
    /// The entity.
    pub entity: String,
    /// What is wrong, and how to go on.
    pub message: String,
}

/// How a case row's field gets its value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CaseValue {
    /// An integer in the column's units (days, microseconds, decimal units).
    Int(i64),
    /// A float.
    Float(f64),
    /// A constant, as `one_of` pushes it.
    Value(Value),
    /// A string.
    Str(String),
    /// Null.
    Null,
    /// A bytes or array value of this many elements, drawn from the row's streams.
    Len(u32),
    /// The field's usual string, lengthened with `x` to this many characters.
    Longer(u32),
    /// A ref's parent row (`None`: null); a row past the parent's last is a missing key.
    Pick(Option<u64>),
    /// The field's value in another case row (a duplicate), resolved once the cases are listed.
    Dup,
}

/// One case row: the field it sets (a node index), its value and its labels.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Case {
    /// The field's index among the entity's fields.
    pub node: usize,
    /// Its value.
    pub value: CaseValue,
    /// The field's name.
    pub field: String,
    /// The rule: `range`, `regex`, `one_of`, `not_null`, ... (see [`Mode`]).
    pub rule: &'static str,
    /// What the row does, in words: "17, below the range [18, 90]".
    pub detail: String,
}

/// The case rows of every entity of a plan.
pub(crate) struct CaseRows {
    entities: Vec<(TableSchema, Vec<Case>)>,
    /// Per entity, the keywords of its documents that got no case.
    skipped: Vec<Vec<DocSkip>>,
}

impl CaseRows {
    /// Entity `e`'s output shape: its columns, then the labels.
    pub(crate) fn table(&self, e: usize) -> &TableSchema {
        &self.entities[e].0
    }

    /// Entity `e`'s number of case rows.
    pub(crate) fn rows(&self, e: usize) -> u64 {
        self.entities[e].1.len() as u64
    }

    /// Entity `e`'s cases, to patch its rows with.
    pub(crate) fn patch(&self, e: usize) -> Patch<'_> {
        Patch::new(&self.entities[e].1)
    }
}

impl Plan {
    /// This plan generating `mode` cases instead of its rows: every entity's rows become its
    /// case rows, each labelled in the [`LABEL_COLUMNS`]. Row counts (`rows`, `--rows`) still
    /// size what refs point into and what unique values are drawn from.
    ///
    /// # Errors
    /// An entity whose rows are whole JSON documents (a JSON Schema's), or with a field named
    /// like a label column.
    pub fn with_cases(mut self, mode: Mode) -> Result<Plan, CasesError> {
        let mut entities = Vec::with_capacity(self.len());
        let mut skips = Vec::with_capacity(self.len());
        for e in 0..self.len() {
            let (_, written, _, table) = self.parts(e);
            let fail = |message: String| CasesError {
                entity: table.name.clone(),
                message,
            };
            if table.document {
                let (table, cases, skipped) = document_cases(&self, e, mode).ok_or_else(|| {
                    fail(
                        "its rows are whole JSON documents from a generator with no cases; \
                         generate them without `--cases`"
                            .into(),
                    )
                })?;
                entities.push((table, cases));
                skips.push(skipped);
                continue;
            }
            if let Some(c) = table
                .columns
                .iter()
                .find(|c| LABEL_COLUMNS.contains(&c.name.as_str()))
            {
                return Err(fail(format!(
                    "its field `{}` has the name of a case label column; rename the field",
                    c.name
                )));
            }
            let cases = build::cases(&self, e, mode);
            let mut table = table.clone();
            let mut column = 0;
            for (i, w) in written.iter().enumerate() {
                if !w {
                    continue;
                }
                if cases.iter().any(|c| {
                    c.node == i && matches!(c.value, CaseValue::Null | CaseValue::Pick(None))
                }) {
                    table.columns[column].nullable = true;
                }
                column += 1;
            }
            add_label_columns(&mut table);
            entities.push((table, cases));
            skips.push(Vec::new());
        }
        self.set_cases(CaseRows {
            entities,
            skipped: skips,
        });
        Ok(self)
    }

    /// The keywords of entity `e`'s documents that got no case (each cannot be put at a
    /// boundary or broken alone), once [`Plan::with_cases`] is set; empty for other entities.
    pub fn skipped_cases(&self, e: usize) -> &[DocSkip] {
        self.case_rows()
            .and_then(|c| c.skipped.get(e))
            .map_or(&[], Vec::as_slice)
    }
}

/// The cases of document entity `e`: its output shape (the document as a JSON column, then
/// the labels), the case rows and the skipped keywords; `None` if its generator has no cases.
fn document_cases(
    plan: &Plan,
    e: usize,
    mode: Mode,
) -> Option<(TableSchema, Vec<Case>, Vec<DocSkip>)> {
    let (nodes, _, _, table) = plan.parts(e);
    let (i, generator) = nodes.iter().enumerate().find_map(|(i, n)| match &n.kind {
        crate::plan::node::Kind::Json(g) => Some((i, g)),
        _ => None,
    })?;
    let found = generator.cases(mode, &|row| plan.row_ctx(e, i, row))?;
    let cases = found
        .cases
        .into_iter()
        .map(|c| Case {
            node: i,
            value: CaseValue::Str(c.instance),
            field: c.pointer,
            rule: c.keyword,
            detail: c.detail,
        })
        .collect();
    let mut table = table.clone();
    // Each row is an object of the document and its labels, in every format.
    table.document = false;
    add_label_columns(&mut table);
    Some((table, cases, found.skipped))
}

/// Appends the [`LABEL_COLUMNS`] (text, never null) to a case table's columns.
fn add_label_columns(table: &mut TableSchema) {
    table
        .columns
        .extend(LABEL_COLUMNS.iter().map(|n| ColumnSchema {
            name: (*n).to_string(),
            ty: DataType::String,
            nullable: false,
        }));
}
