//! The tables a DDL file declares: columns, keys, foreign keys, checks and partitions, gathered
//! from `CREATE TABLE`, `ALTER TABLE`, `CREATE UNIQUE INDEX`, `CREATE TYPE ... AS ENUM` and
//! `CREATE DOMAIN`, before any generator is chosen.

use std::collections::HashMap;

use datagen_engine::Diagnostic;
use datagen_engine::ir::Span;
use sqlparser::ast::{
    AlterTableOperation, ColumnDef, ColumnOption, CreateTable, DataType, Expr, ForValues,
    FunctionArg, FunctionArgExpr, FunctionArguments, Ident, ObjectName, ObjectNamePart,
    PartitionBoundValue, Statement, TableConstraint, UserDefinedTypeRepresentation,
};
use sqlparser::tokenizer::Token;

use super::Dialect;
use super::split::Parsed;

/// One column.
pub(crate) struct Column {
    pub name: String,
    pub ty: DataType,
    pub not_null: bool,
    /// SERIAL, IDENTITY, AUTO_INCREMENT or a `nextval(...)` default: the database numbers rows.
    pub auto: bool,
    /// `GENERATED ALWAYS AS (expr)`: the database computes it, so no value is generated.
    pub computed: bool,
    pub default: Option<Expr>,
    pub span: Span,
}

/// A foreign key.
pub(crate) struct ForeignKey {
    /// The constraint's name, for messages.
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub table: String,
    /// The referenced columns; empty means the referenced table's primary key.
    pub refs: Vec<String>,
    pub span: Span,
}

/// A CHECK constraint.
pub(crate) struct Check {
    pub name: Option<String>,
    pub expr: Expr,
    pub span: Span,
}

/// One table.
pub(crate) struct Table {
    pub name: String,
    pub span: Span,
    pub columns: Vec<Column>,
    pub primary_key: Vec<String>,
    /// UNIQUE constraints and unique indexes: (name, columns).
    pub uniques: Vec<(String, Vec<String>)>,
    pub foreign_keys: Vec<ForeignKey>,
    pub checks: Vec<Check>,
    /// For a partition: the partitioned table it belongs to.
    pub partition_of: Option<String>,
    /// For a range-partitioned table: the column, and each partition's `[from, to)` bounds.
    pub partition_by: Option<String>,
    pub bounds: Vec<(Expr, Expr)>,
}

/// A user-defined type: an enum or a domain over a base type with checks on `VALUE`.
pub(crate) enum UserType {
    Enum(Vec<String>),
    Domain { base: DataType, checks: Vec<Check> },
}

/// Everything a DDL file declares.
pub(crate) struct Model {
    pub dialect: Dialect,
    /// Tables whose `CREATE TABLE` could not be parsed (already reported): what refers to
    /// them is not reported again.
    pub broken: Vec<String>,
    pub tables: Vec<Table>,
    pub types: HashMap<String, UserType>,
}

impl Model {
    /// A model of `dialect` with nothing declared yet.
    pub(crate) fn new(dialect: Dialect) -> Self {
        Model {
            dialect,
            broken: Vec::new(),
            tables: Vec::new(),
            types: HashMap::new(),
        }
    }

    /// Whether `name`'s `CREATE TABLE` failed to parse.
    pub(crate) fn is_broken(&self, name: &str) -> bool {
        self.broken.iter().any(|b| b.eq_ignore_ascii_case(name))
    }

    /// The table called `name` (case-insensitively).
    pub(crate) fn table(&self, name: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.name == name).or_else(|| {
            self.tables
                .iter()
                .position(|t| t.name.eq_ignore_ascii_case(name))
        })
    }
}

impl Table {
    /// A table called `name` with no columns or constraints yet.
    pub(crate) fn new(name: String, span: Span) -> Self {
        Table {
            name,
            span,
            columns: Vec::new(),
            primary_key: Vec::new(),
            uniques: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            partition_of: None,
            partition_by: None,
            bounds: Vec::new(),
        }
    }

    /// The name of the column called `name` (case-insensitively), as the table spells it.
    pub(crate) fn column_name(&self, name: &str) -> Option<&str> {
        self.column(name).map(|i| self.columns[i].name.as_str())
    }

    /// The column called `name` (case-insensitively).
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.name == name)
            .or_else(|| {
                self.columns
                    .iter()
                    .position(|c| c.name.eq_ignore_ascii_case(name))
            })
    }
}

/// An identifier as the database stores it: PostgreSQL folds unquoted names to lower case.
pub(crate) fn ident(d: Dialect, i: &Ident) -> String {
    if d == Dialect::Postgres && i.quote_style.is_none() {
        i.value.to_lowercase()
    } else {
        i.value.clone()
    }
}

/// The last part of a qualified name (`public.film` is `film`).
pub(crate) fn object(d: Dialect, name: &ObjectName) -> String {
    match name.0.last() {
        Some(ObjectNamePart::Identifier(i)) => ident(d, i),
        _ => name.to_string(),
    }
}

fn span_of(i: &Ident, fallback: Span) -> Span {
    let line = u32::try_from(i.span.start.line).unwrap_or(0);
    let column = u32::try_from(i.span.start.column).unwrap_or(0);
    if line == 0 {
        fallback
    } else {
        Span::at(line, column)
    }
}

/// Gathers the tables and types of `statements`.
pub(crate) fn collect(
    statements: &[Parsed],
    broken: Vec<String>,
    d: Dialect,
    diags: &mut Vec<Diagnostic>,
) -> Model {
    let mut model = Model {
        broken,
        ..Model::new(d)
    };
    for p in statements {
        match &p.statement {
            Statement::CreateTable(ct) => create_table(&mut model, ct, p.span),
            Statement::AlterTable(at) => {
                let name = object(d, &at.name);
                let Some(t) = model.table(&name) else {
                    if !model.is_broken(&name)
                        && at.operations.iter().any(|op| {
                            matches!(
                                op,
                                AlterTableOperation::AddConstraint { .. }
                                    | AlterTableOperation::AddColumn { .. }
                            )
                        })
                    {
                        diags.push(
                            Diagnostic::new(
                                p.span,
                                format!(
                                    "`ALTER TABLE {name}` changes a table the file does not create"
                                ),
                            )
                            .with_help("create the table earlier in the file"),
                        );
                    }
                    continue;
                };
                for op in &at.operations {
                    alter(&mut model, t, op, p.span);
                }
            }
            Statement::CreateIndex(ci) if ci.unique => {
                let name = object(d, &ci.table_name);
                let columns: Vec<String> = ci
                    .columns
                    .iter()
                    .filter_map(|c| match &c.column.expr {
                        Expr::Identifier(i) => Some(ident(d, i)),
                        _ => None,
                    })
                    .collect();
                if columns.len() != ci.columns.len() || ci.predicate.is_some() {
                    diags.push(Diagnostic::new(
                        p.span,
                        format!("unique index on `{name}` over expressions or with a WHERE clause is not supported"),
                    ).with_help("index plain columns, or drop the index from the schema"));
                    continue;
                }
                if let Some(t) = model.table(&name) {
                    let index = ci
                        .name
                        .as_ref()
                        .map_or_else(|| columns.join("_"), |n| object(d, n));
                    model.tables[t].uniques.push((index, columns));
                }
            }
            Statement::CreateType {
                name,
                representation: Some(UserDefinedTypeRepresentation::Enum { labels }),
            } => {
                model.types.insert(
                    object(d, name),
                    UserType::Enum(labels.iter().map(|l| l.value.clone()).collect()),
                );
            }
            Statement::CreateDomain(cd) => {
                let mut checks = Vec::new();
                for c in &cd.constraints {
                    if let TableConstraint::Check(c) = c {
                        checks.push(Check {
                            name: c.name.as_ref().map(|n| n.value.clone()),
                            expr: (*c.expr).clone(),
                            span: p.span,
                        });
                    }
                }
                model.types.insert(
                    object(d, &cd.name),
                    UserType::Domain {
                        base: cd.data_type.clone(),
                        checks,
                    },
                );
            }
            _ => {}
        }
    }
    model
}

fn create_table(model: &mut Model, ct: &CreateTable, span: Span) {
    let d = model.dialect;
    let mut table = Table {
        partition_of: ct.partition_of.as_ref().map(|p| object(d, p)),
        partition_by: ct.partition_by.as_deref().and_then(|e| match e {
            Expr::Identifier(i) => Some(ident(d, i)),
            Expr::Function(f) => match &f.args {
                FunctionArguments::List(list) => match list.args.as_slice() {
                    [FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Identifier(i)))] => {
                        Some(ident(d, i))
                    }
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }),
        ..Table::new(object(d, &ct.name), span)
    };
    for c in &ct.columns {
        column(d, &mut table, c, span);
    }
    for c in &ct.constraints {
        constraint(d, &mut table, c, span);
    }
    let parent = table.partition_of.clone();
    let bounds = ct.for_values.as_ref().and_then(range_bounds);
    model.tables.push(table);
    if let (Some(parent), Some(b)) = (parent, bounds)
        && let Some(p) = model.table(&parent)
    {
        model.tables[p].bounds.push(b);
    }
}

/// `FOR VALUES FROM (a) TO (b)` as `(a, b)`.
fn range_bounds(v: &ForValues) -> Option<(Expr, Expr)> {
    match v {
        ForValues::From { from, to } => match (from.as_slice(), to.as_slice()) {
            ([PartitionBoundValue::Expr(a)], [PartitionBoundValue::Expr(b)]) => {
                Some((a.clone(), b.clone()))
            }
            _ => None,
        },
        _ => None,
    }
}

fn column(d: Dialect, table: &mut Table, c: &ColumnDef, span: Span) {
    let name = ident(d, &c.name);
    let upper = c.data_type.to_string().to_ascii_uppercase();
    let mut col = Column {
        name: name.clone(),
        ty: c.data_type.clone(),
        not_null: false,
        auto: upper.contains("SERIAL"),
        computed: false,
        default: None,
        span: span_of(&c.name, span),
    };
    for o in &c.options {
        match &o.option {
            ColumnOption::NotNull => col.not_null = true,
            ColumnOption::Default(e) => {
                let text = e.to_string().to_ascii_lowercase();
                if text.starts_with("nextval(") {
                    col.auto = true;
                }
                col.default = Some(e.clone());
            }
            ColumnOption::PrimaryKey(_) => {
                col.not_null = true;
                table.primary_key = vec![name.clone()];
            }
            ColumnOption::Unique(u) => {
                let n = u
                    .name
                    .as_ref()
                    .map_or_else(|| format!("{}_{name}_key", table.name), |n| n.value.clone());
                table.uniques.push((n, vec![name.clone()]));
            }
            ColumnOption::ForeignKey(fk) => table.foreign_keys.push(ForeignKey {
                name: fk
                    .name
                    .as_ref()
                    .or(o.name.as_ref())
                    .map(|n| n.value.clone()),
                columns: vec![name.clone()],
                table: object(d, &fk.foreign_table),
                refs: fk.referred_columns.iter().map(|i| ident(d, i)).collect(),
                span: col.span,
            }),
            ColumnOption::Check(ch) => table.checks.push(Check {
                name: ch
                    .name
                    .as_ref()
                    .or(o.name.as_ref())
                    .map(|n| n.value.clone()),
                expr: (*ch.expr).clone(),
                span: col.span,
            }),
            ColumnOption::Generated {
                generation_expr: Some(_),
                ..
            } => col.computed = true,
            ColumnOption::Generated { .. } => col.auto = true,
            ColumnOption::DialectSpecific(tokens)
                if tokens.iter().any(|t| {
                    matches!(t, Token::Word(w) if w.value.eq_ignore_ascii_case("AUTO_INCREMENT")
                        || w.value.eq_ignore_ascii_case("AUTOINCREMENT"))
                }) =>
            {
                col.auto = true;
            }
            _ => {}
        }
    }
    table.columns.push(col);
}

fn index_columns(d: Dialect, cols: &[sqlparser::ast::IndexColumn]) -> Vec<String> {
    cols.iter()
        .map(|c| match &c.column.expr {
            Expr::Identifier(i) => ident(d, i),
            e => e.to_string(),
        })
        .collect()
}

fn constraint(d: Dialect, table: &mut Table, c: &TableConstraint, span: Span) {
    match c {
        TableConstraint::PrimaryKey(pk) => {
            table.primary_key = index_columns(d, &pk.columns);
            for name in &table.primary_key {
                if let Some(i) = table.column(name) {
                    table.columns[i].not_null = true;
                }
            }
        }
        TableConstraint::Unique(u) => {
            let columns = index_columns(d, &u.columns);
            let name = u
                .name
                .as_ref()
                .or(u.index_name.as_ref())
                .map_or_else(|| columns.join("_"), |n| n.value.clone());
            table.uniques.push((name, columns));
        }
        TableConstraint::ForeignKey(fk) => table.foreign_keys.push(ForeignKey {
            name: fk.name.as_ref().map(|n| n.value.clone()),
            columns: fk.columns.iter().map(|i| ident(d, i)).collect(),
            table: object(d, &fk.foreign_table),
            refs: fk.referred_columns.iter().map(|i| ident(d, i)).collect(),
            span: fk.name.as_ref().map_or(span, |n| span_of(n, span)),
        }),
        TableConstraint::Check(ch) => table.checks.push(Check {
            name: ch.name.as_ref().map(|n| n.value.clone()),
            expr: (*ch.expr).clone(),
            span: ch.name.as_ref().map_or(span, |n| span_of(n, span)),
        }),
        _ => {}
    }
}

fn alter(model: &mut Model, t: usize, op: &AlterTableOperation, span: Span) {
    let d = model.dialect;
    match op {
        AlterTableOperation::AddConstraint { constraint: c, .. } => {
            constraint(d, &mut model.tables[t], c, span);
        }
        AlterTableOperation::AddColumn { column_def, .. } => {
            column(d, &mut model.tables[t], column_def, span);
        }
        AlterTableOperation::AttachPartitionOf {
            partition,
            for_values,
        } => {
            let child = object(d, partition);
            if let Some(c) = model.table(&child) {
                model.tables[c].partition_of = Some(model.tables[t].name.clone());
            }
            if let Some(b) = range_bounds(for_values) {
                model.tables[t].bounds.push(b);
            }
        }
        _ => {}
    }
}

/// The data type a column's type names: a domain's base type, with the domain's checks.
pub(crate) fn resolve_type<'a>(
    model: &'a Model,
    ty: &'a DataType,
) -> (&'a DataType, Option<&'a UserType>) {
    if let DataType::Custom(name, _) = ty {
        let key = object(model.dialect, name);
        if let Some(u) = model.types.get(&key) {
            return match u {
                UserType::Domain { base, .. } => (base, Some(u)),
                UserType::Enum(_) => (ty, Some(u)),
            };
        }
    }
    (ty, None)
}
