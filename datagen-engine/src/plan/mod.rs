//! Plans: a checked, compiled [`Schema`] that generates any rows of any entity as a [`Chunk`].
//!
//! Every value is a pure function of (seed, entity, row, field path), drawn exactly as the
//! derive draws it: a config field and a `#[derive(Generate)]` field of the same entity and name
//! with the same attribute give the same values.

mod column;
mod compile;
pub(crate) mod fill;
mod group;
mod kernel;
mod keys;
mod limits;
pub(crate) mod node;
mod shape;
mod template;
mod union;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use datagen_core::seed::{child_key, name_hash, row_mask};
use datagen_core::{Ctx, Locale};

use crate::chunk::{Chunk, Column, ColumnSchema, TableSchema, Values};
use crate::diag::{Diagnostic, Diagnostics, closest};
use crate::ir::{Schema, Span};
use fill::{Rows, draw};
use node::{Kind, Node, RefPick};

/// Run settings that override what the input says.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `--seed`: overrides the input's seed (the default seed is 0).
    pub seed: Option<u64>,
    /// `--rows N`: every entity's row count.
    pub rows: Option<u64>,
    /// `--rows entity=N,...`: per-entity row counts (after `rows`).
    pub rows_of: Vec<(String, u64)>,
    /// `--locale`: overrides the input's locale.
    pub locale: Option<String>,
}

/// One compiled entity.
struct EntityPlan {
    name: String,
    /// `derive_key(root, name_hash(name))`: the parent of its fields' paths.
    path: u64,
    rows: u64,
    table: TableSchema,
    /// Which fields are written (not `hidden`), one per node.
    written: Vec<bool>,
    nodes: Vec<Node>,
    order: Vec<usize>,
    span: Span,
}

/// A checked, compiled schema.
pub struct Plan {
    ctx: Ctx,
    seed: u64,
    entities: Vec<EntityPlan>,
    source: Option<PathBuf>,
    /// Boundary or negative rows in place of the entities' rows (`--cases`).
    cases: Option<crate::cases::CaseRows>,
}

impl Plan {
    /// Checks and compiles `schema` with `settings`.
    ///
    /// # Errors
    /// Every problem found, each at its file, line and column.
    pub fn new(schema: &Schema, settings: &Settings) -> Result<Plan, Diagnostics> {
        let mut diags = Vec::new();
        let seed = settings.seed.or(schema.seed).unwrap_or(0);
        let mut ctx = Ctx::seeded(seed);
        if let Some(name) = settings.locale.as_ref().or(schema.locale.as_ref()) {
            match name.parse::<Locale>() {
                Ok(locale) => ctx = ctx.with_locale(locale),
                Err(e) => diags.push(Diagnostic::new(Span::default(), e.to_string())),
            }
        }
        let mut by_name = HashMap::new();
        for (i, e) in schema.entities.iter().enumerate() {
            if by_name.insert(e.name.as_str(), i).is_some() {
                diags.push(Diagnostic::new(
                    e.span,
                    format!("entity `{}` is declared twice", e.name),
                ));
            }
        }
        let mut rows: Vec<u64> = schema
            .entities
            .iter()
            .map(|e| settings.rows.unwrap_or(e.rows))
            .collect();
        for (name, n) in &settings.rows_of {
            match by_name.get(name.as_str()) {
                Some(&i) => rows[i] = *n,
                None => {
                    let mut d = Diagnostic::new(
                        Span::default(),
                        format!("`--rows {name}={n}` names no entity of the input"),
                    );
                    if let Some(s) = closest(name, schema.entities.iter().map(|e| e.name.as_str()))
                    {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    diags.push(d);
                }
            }
        }
        for (e, n) in schema.entities.iter().zip(&rows) {
            ctx = ctx.with_entity_count(&e.name, *n);
        }
        let mut entities = Vec::with_capacity(schema.entities.len());
        for (i, e) in schema.entities.iter().enumerate() {
            let scope = compile::Scope {
                entities: &schema.entities,
                rows: &rows,
                by_name: &by_name,
                current: i,
            };
            let (nodes, order) = compile::level(&e.fields, &scope, true, &mut diags);
            let table = TableSchema {
                name: e.name.clone(),
                document: e.document,
                avro_schema: e.avro_schema.clone(),
                columns: e
                    .fields
                    .iter()
                    .filter(|f| !f.hidden)
                    .map(|f| ColumnSchema {
                        name: f.name.clone(),
                        ty: f.ty.clone(),
                        nullable: f.null_rate > 0.0 || nullable(&f.generator),
                    })
                    .collect(),
            };
            entities.push(EntityPlan {
                name: e.name.clone(),
                path: ctx.__entity_path(name_hash(&e.name)),
                rows: rows[i],
                table,
                written: e.fields.iter().map(|f| !f.hidden).collect(),
                nodes,
                order,
                span: e.span,
            });
        }
        limits::check(schema, &rows, &by_name, &mut diags);
        check_lookup_cycles(&entities, &mut diags);
        if diags.is_empty() {
            Ok(Plan {
                ctx,
                seed,
                entities,
                source: schema.source.clone(),
                cases: None,
            })
        } else {
            let source = schema.source.clone();
            diags.sort_by_key(|d| d.span);
            Err(Diagnostics(
                diags
                    .into_iter()
                    .map(|d| d.in_file(source.clone()))
                    .collect(),
            ))
        }
    }

    /// The seed in use.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The input file, if any.
    pub fn source(&self) -> Option<&PathBuf> {
        self.source.as_ref()
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Entity `e`'s output shape.
    pub fn table(&self, e: usize) -> &TableSchema {
        match &self.cases {
            Some(cases) => cases.table(e),
            None => &self.entities[e].table,
        }
    }

    /// Entity `e`'s row count.
    pub fn rows(&self, e: usize) -> u64 {
        match &self.cases {
            Some(cases) => cases.rows(e),
            None => self.entities[e].rows,
        }
    }

    /// Entity `e`'s compiled fields, which are written, its row count and output shape (those
    /// of its own rows, whatever cases are set).
    pub(crate) fn parts(&self, e: usize) -> (&[Node], &[bool], u64, &TableSchema) {
        let entity = &self.entities[e];
        (&entity.nodes, &entity.written, entity.rows, &entity.table)
    }

    /// Generates `cases` in place of the entities' rows.
    pub(crate) fn set_cases(&mut self, cases: crate::cases::CaseRows) {
        self.cases = Some(cases);
    }

    /// The cases set in place of the entities' rows.
    pub(crate) fn case_rows(&self) -> Option<&crate::cases::CaseRows> {
        self.cases.as_ref()
    }

    /// The context field `i` of entity `e` draws row `row`'s value from.
    pub(crate) fn row_ctx(&self, e: usize, i: usize, row: u64) -> Ctx {
        let entity = &self.entities[e];
        let mut ctx = self.ctx.clone();
        ctx.__seek(child_key(entity.path, entity.nodes[i].hash), row);
        ctx
    }

    /// The index of the entity called `name`.
    pub fn entity(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.name == name)
    }

    /// Where entity `e` was declared.
    pub fn span(&self, e: usize) -> Span {
        self.entities[e].span
    }

    /// Rows `rows` of entity `e`: one column per written field (hidden helpers are generated
    /// when others read them, then dropped). Any range, in any order, on any thread: the values
    /// depend only on (seed, entity, row, field).
    pub fn chunk(&self, e: usize, rows: Range<u64>) -> Chunk {
        let written = &self.entities[e].written;
        let patch = self.cases.as_ref().map(|c| c.patch(e));
        let mut columns: Vec<Column> = self
            .columns_with(e, Rows::Range(&rows), written, patch.as_ref())
            .into_iter()
            .zip(written)
            .filter_map(|(c, w)| w.then_some(c))
            .collect();
        if let Some(patch) = &patch {
            columns.extend(patch.labels(&rows));
        }
        Chunk {
            start: rows.start,
            len: usize::try_from(rows.end.saturating_sub(rows.start)).unwrap_or(usize::MAX),
            columns,
        }
    }

    /// The columns `want` of entity `e` (plus what they read) for `rows`; unwanted columns are
    /// left empty.
    fn columns(&self, e: usize, rows: Rows<'_>, want: &[bool]) -> Vec<Column> {
        self.columns_with(e, rows, want, None)
    }

    /// [`Plan::columns`], with the values of case rows taken from `patch`.
    fn columns_with(
        &self,
        e: usize,
        rows: Rows<'_>,
        want: &[bool],
        patch: Option<&crate::cases::Patch<'_>>,
    ) -> Vec<Column> {
        let entity = &self.entities[e];
        let mut need = want.to_vec();
        // Close over dependencies: walk the generation order backwards.
        for &i in entity.order.iter().rev() {
            if need[i] {
                for d in entity.nodes[i].deps() {
                    need[d] = true;
                }
            }
        }
        let n = rows.len();
        let mut columns: Vec<Column> = (0..entity.nodes.len())
            .map(|_| Column::new(Values::Int(Vec::new())))
            .collect();
        let mut picked: Vec<Option<Vec<Option<u64>>>> = vec![None; entity.nodes.len()];
        let mut ctx = self.ctx.clone();
        // Each row's stream mask, computed once for all the columns that need it.
        let mut masks: Option<Vec<u64>> = None;
        for &i in &entity.order {
            if !need[i] {
                continue;
            }
            let node = &entity.nodes[i];
            let path = child_key(entity.path, node.hash);
            let mut out = Column::with_type(&node.ty, n);
            match &node.kind {
                Kind::Ref {
                    entity: target,
                    field,
                    key,
                    count,
                    pick,
                } => {
                    let mut rows_picked = Vec::with_capacity(n);
                    for r in 0..n {
                        let row = rows.get(r);
                        ctx.__seek(path, row);
                        rows_picked.push(match pick {
                            RefPick::Joint(joint) =>
                            {
                                #[allow(clippy::cast_possible_truncation)]
                                Some(joint.digit(entity.path, row) as u64)
                            }
                            // A root: null, or itself when the field takes no nulls.
                            RefPick::Levels(_) => shape::pick(pick, &mut ctx, path, row)
                                .or((node.null_rate == 0.0).then_some(row)),
                            _ if node.null_rate > 0.0 && ctx.chance(node.null_rate) => None,
                            RefPick::Spread(_) => shape::pick(pick, &mut ctx, path, row),
                            RefPick::Uniform => Some(ctx.below((*count).max(1))),
                            RefPick::Tree if row == 0 && node.null_rate > 0.0 => None,
                            RefPick::Tree if row == 0 => Some(0),
                            RefPick::Tree => Some(ctx.below(row.min(*count).max(1))),
                        });
                    }
                    if let Some(patch) = patch {
                        patch.picks(i, rows, &mut rows_picked);
                    }
                    out = match key {
                        #[allow(clippy::cast_possible_wrap)]
                        Some(start) => {
                            for p in &rows_picked {
                                match p {
                                    Some(j) => out.push_int(start.wrapping_add(*j as i64)),
                                    None => out.push_null(),
                                }
                            }
                            out
                        }
                        None => self.gather(*target, *field, &rows_picked),
                    };
                    picked[i] = Some(rows_picked);
                }
                Kind::Part { joint, domain } => {
                    for r in 0..n {
                        let row = rows.get(r);
                        if patch.is_some_and(|p| p.push(i, node, &mut ctx, path, row, &mut out)) {
                            continue;
                        }
                        let index = joint.digit(entity.path, row);
                        keys::push_part(domain, index, node.scale, &mut out);
                    }
                }
                Kind::Lookup {
                    entity: target,
                    field,
                    by,
                } => {
                    let rows_picked = picked[*by].as_deref().unwrap_or(&[]);
                    out = self.gather(*target, *field, rows_picked);
                }
                _ if patch.is_none()
                    && kernel::fill(
                        node,
                        &mut ctx,
                        kernel::Place {
                            rows,
                            masks: masks.get_or_insert_with(|| {
                                (0..n).map(|r| row_mask(rows.get(r))).collect()
                            }),
                            path,
                        },
                        &mut out,
                        &entity.nodes,
                        &columns,
                    ) => {}
                _ => {
                    for r in 0..n {
                        let row = rows.get(r);
                        ctx.__seek(path, row);
                        if patch.is_some_and(|p| p.push(i, node, &mut ctx, path, row, &mut out)) {
                            continue;
                        }
                        draw(
                            node,
                            &mut ctx,
                            path,
                            row,
                            &mut out,
                            &entity.nodes,
                            &columns,
                            r,
                        );
                    }
                }
            }
            columns[i] = out;
        }
        columns
    }

    /// Field `field` of entity `e` at the picked rows; null where nothing was picked.
    fn gather(&self, e: usize, field: usize, picked: &[Option<u64>]) -> Column {
        let rows: Vec<u64> = picked.iter().map(|p| p.unwrap_or(0)).collect();
        let mut want = vec![false; self.entities[e].nodes.len()];
        want[field] = true;
        let mut column = self.columns(e, Rows::List(&rows), &want).swap_remove(field);
        if picked.iter().any(Option::is_none) {
            let validity = column
                .validity
                .get_or_insert_with(|| vec![true; picked.len()]);
            for (v, p) in validity.iter_mut().zip(picked) {
                *v &= p.is_some();
            }
        }
        column
    }
}

/// Whether a generator can produce nulls without a null rate (a lookup through a nullable ref).
fn nullable(generator: &crate::ir::Gen) -> bool {
    if let crate::ir::Gen::Grouped { arms, .. } = generator {
        return arms
            .iter()
            .any(|a| a.null_rate > 0.0 || nullable(&a.generator));
    }
    matches!(
        generator,
        crate::ir::Gen::Lookup { .. }
            | crate::ir::Gen::Offset { .. }
            | crate::ir::Gen::Const(crate::ir::Value::Null)
    )
}

/// Lookups and refs to non-key fields read other entities' fields; a cycle among them would
/// never end, so it is an error.
fn check_lookup_cycles(entities: &[EntityPlan], diags: &mut Vec<Diagnostic>) {
    fn edges(entities: &[EntityPlan], (e, f): (usize, usize)) -> Vec<(usize, usize)> {
        let node = &entities[e].nodes[f];
        let mut out: Vec<(usize, usize)> = node.deps().into_iter().map(|d| (e, d)).collect();
        match node.kind {
            Kind::Lookup { entity, field, .. }
            | Kind::Ref {
                entity,
                field,
                key: None,
                ..
            } => {
                out.push((entity, field));
            }
            _ => {}
        }
        out
    }
    let mut state: HashMap<(usize, usize), u8> = HashMap::new();
    for e in 0..entities.len() {
        for f in 0..entities[e].nodes.len() {
            let mut stack = vec![((e, f), 0usize)];
            let mut path = vec![(e, f)];
            if state.get(&(e, f)).copied().unwrap_or(0) == 2 {
                continue;
            }
            state.insert((e, f), 1);
            while let Some(&mut (at, ref mut next)) = stack.last_mut() {
                let out = edges(entities, at);
                if *next < out.len() {
                    let to = out[*next];
                    *next += 1;
                    match state.get(&to).copied().unwrap_or(0) {
                        0 => {
                            state.insert(to, 1);
                            stack.push((to, 0));
                            path.push(to);
                        }
                        1 if to.0 != at.0 || !entities[at.0].nodes[at.1].deps().contains(&to.1) => {
                            let names: Vec<String> = path
                                .iter()
                                .chain(std::iter::once(&to))
                                .map(|&(e, f)| {
                                    format!("{}.{}", entities[e].name, entities[e].nodes[f].name)
                                })
                                .collect();
                            let (ce, cf) = to;
                            diags.push(
                                Diagnostic::new(
                                    entities[ce].nodes[cf].span,
                                    format!("lookups form a cycle: {}", names.join(" -> ")),
                                )
                                .with_help("a field cannot depend, through lookups, on itself"),
                            );
                        }
                        _ => {}
                    }
                } else {
                    state.insert(at, 2);
                    stack.pop();
                    path.pop();
                }
            }
        }
    }
}

/// Appends the text form of value `i` of `column` (of type `ty`): what templates print and
/// partition folders are named by. Nothing for a null.
pub fn value_text(column: &Column, ty: &crate::ir::DataType, i: usize, out: &mut String) {
    template::render(column, ty, i, template::Case::Keep, out);
}
