//! The model as IR entities: tables in foreign-key order, keys numbered, foreign keys as refs
//! (composite keys as bijections, self-references as trees), values from each column's shape,
//! name and CHECK constraints.

use std::collections::HashMap;

use datagen_engine::Diagnostic;
use datagen_engine::ir::{Entity, Field, Gen, Limit, Span};

use super::DEFAULT_ROWS;
use super::check::{self, Lit, Rule};
use super::model::{ForeignKey, Model, Table, UserType, ident, resolve_type};
use super::types::{Shape, shape};
use super::value::{self, data_type, generator, unique_text};

/// The null rate of a nullable column.
const NULL_RATE: f64 = 0.1;

/// The entities of `model`, parents before children.
pub(crate) fn entities(model: &Model, diags: &mut Vec<Diagnostic>) -> Vec<Entity> {
    let order = order(model);
    order.into_iter().map(|t| entity(model, t, diags)).collect()
}

/// The limits of the integer columns whose values are keys (keys, and refs to keys): what
/// their types hold, checked against the row counts when the plan is made.
pub(crate) fn limits(model: &Model, entities: &[Entity]) -> Vec<Limit> {
    let mut out = Vec::new();
    for e in entities {
        let Some(t) = model.table(&e.name) else {
            continue;
        };
        let table = &model.tables[t];
        for f in &e.fields {
            let keyed = match &f.generator {
                Gen::KeyPart { of, .. } | Gen::Shaped { of, .. } => {
                    matches!(of.as_ref(), Gen::Ref { .. } | Gen::TreeRef { .. })
                }
                g => matches!(
                    g,
                    Gen::Key { .. } | Gen::Ref { .. } | Gen::Lookup { .. } | Gen::TreeRef { .. }
                ),
            };
            let Some(c) = table.column(&f.name).filter(|_| keyed) else {
                continue;
            };
            let column = &table.columns[c];
            if let (base, _) = resolve_type(model, &column.ty)
                && let Some(Shape::Int { hi, .. }) = shape(base)
                && hi < i64::MAX
            {
                out.push(Limit {
                    entity: e.name.clone(),
                    field: f.name.clone(),
                    max: hi,
                    type_name: Some(column.ty.to_string().to_ascii_uppercase()),
                });
            }
        }
    }
    out
}

/// The tables to generate (partitions are generated through their parent), parents first;
/// a cycle of foreign keys is cut where it started, in file order.
fn order(model: &Model) -> Vec<usize> {
    let keep: Vec<usize> = (0..model.tables.len())
        .filter(|&t| model.tables[t].partition_of.is_none())
        .collect();
    let parents: Vec<Vec<usize>> = (0..model.tables.len())
        .map(|t| {
            foreign_keys(model, t)
                .iter()
                .filter_map(|fk| model.table(&fk.table))
                .filter(|&p| p != t)
                .collect()
        })
        .collect();
    let mut done = vec![false; model.tables.len()];
    let mut out = Vec::with_capacity(keep.len());
    while out.len() < keep.len() {
        let ready = keep.iter().copied().find(|&t| {
            !done[t]
                && parents[t]
                    .iter()
                    .all(|&p| done[p] || model.tables[p].partition_of.is_some())
        });
        let next = ready.unwrap_or_else(|| keep.iter().copied().find(|&t| !done[t]).unwrap_or(0));
        done[next] = true;
        out.push(next);
    }
    out
}

/// A table's foreign keys, with those declared on its partitions.
fn foreign_keys(model: &Model, t: usize) -> Vec<&ForeignKey> {
    let table = &model.tables[t];
    let mut out: Vec<&ForeignKey> = table.foreign_keys.iter().collect();
    for p in model
        .tables
        .iter()
        .filter(|p| p.partition_of.as_deref() == Some(table.name.as_str()))
    {
        for fk in &p.foreign_keys {
            if !out
                .iter()
                .any(|o| o.columns == fk.columns && o.table == fk.table)
            {
                out.push(fk);
            }
        }
    }
    out
}

/// Where a column's value comes from when it is part of a foreign key.
struct FkPart<'a> {
    fk: &'a ForeignKey,
    /// The parent table's name and the referenced column.
    parent: String,
    column: String,
    /// The position of the column in the key.
    position: usize,
}

#[allow(clippy::too_many_lines)]
fn entity(model: &Model, t: usize, diags: &mut Vec<Diagnostic>) -> Entity {
    let table = &model.tables[t];
    let d = model.dialect;
    let name_of = |i: &sqlparser::ast::Ident| ident(d, i);
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut err = |span: Span, msg: String, help: &str| {
        found.push(Diagnostic::new(span, msg).with_help(help.to_string()))
    };

    // CHECK constraints (the table's, its partitions', and its columns' domains).
    let mut rules: HashMap<String, Rule> = HashMap::new();
    for c in &table.checks {
        if let Err(why) = check::apply(&c.expr, &name_of, &mut rules) {
            let name = c.name.as_deref().map_or_else(
                || format!("CHECK ({})", c.expr),
                |n| format!("CHECK constraint `{n}`"),
            );
            err(
                c.span,
                format!("{name} of table `{}`: {why}", table.name),
                "datagen honours comparisons with constants, BETWEEN, IN, LIKE, regex matches, lengths, IS [NOT] NULL and comparisons between two columns; rewrite the check or remove it from the schema",
            );
        }
    }
    let mut columns_rules: HashMap<String, Rule> = HashMap::new();
    for (k, v) in rules {
        let key = if let Some(name) = table.column_name(&k) {
            name.to_string()
        } else {
            err(
                table.span,
                format!(
                    "a CHECK constraint of table `{}` names `{k}`, which is not one of its columns",
                    table.name
                ),
                "check the column name",
            );
            k
        };
        columns_rules.insert(key, v);
    }
    for c in &table.columns {
        if let (_, Some(UserType::Domain { checks, .. })) = resolve_type(model, &c.ty) {
            for ch in checks {
                let mut r = HashMap::new();
                let column_name = |i: &sqlparser::ast::Ident| {
                    if i.value.eq_ignore_ascii_case("value") {
                        c.name.clone()
                    } else {
                        ident(d, i)
                    }
                };
                match check::apply(&ch.expr, &column_name, &mut r) {
                    Ok(()) => {
                        if let Some(rule) = r.remove(&c.name) {
                            merge(columns_rules.entry(c.name.clone()).or_default(), rule);
                        }
                    }
                    Err(why) => err(
                        ch.span,
                        format!(
                            "CHECK of the domain of column `{}.{}`: {why}",
                            table.name, c.name
                        ),
                        "rewrite the domain's check or remove it",
                    ),
                }
            }
        }
    }

    partition_rule(table, &mut columns_rules, &mut err);

    // Foreign keys by column.
    let fks = foreign_keys(model, t);
    let mut fk_of: HashMap<&str, FkPart<'_>> = HashMap::new();
    for fk in &fks {
        let Some(p) = model.table(&fk.table) else {
            if model.is_broken(&fk.table) {
                continue;
            }
            let what = fk.name.as_deref().map_or_else(
                || "a foreign key".to_string(),
                |n| format!("foreign key `{n}`"),
            );
            err(
                fk.span,
                format!(
                    "{what} of `{}` refers to table `{}`, which the file does not create",
                    table.name, fk.table
                ),
                "create the referenced table in the same file",
            );
            continue;
        };
        let parent = &model.tables[p];
        let refs: Vec<String> = if fk.refs.is_empty() {
            parent.primary_key.clone()
        } else {
            fk.refs.clone()
        };
        if refs.len() != fk.columns.len() {
            err(
                fk.span,
                format!(
                    "foreign key ({}) of `{}` does not match the key of `{}`",
                    fk.columns.join(", "),
                    table.name,
                    parent.name
                ),
                "name as many referenced columns as referencing ones",
            );
            continue;
        }
        for (i, (c, r)) in fk.columns.iter().zip(&refs).enumerate() {
            let column = parent.column_name(r).unwrap_or(r).to_string();
            let key = table.column_name(c).unwrap_or(c);
            fk_of.entry(key).or_insert(FkPart {
                fk,
                parent: parent.name.clone(),
                column,
                position: i,
            });
        }
    }

    // Unique keys: single columns, and composite keys not already unique through a member.
    let canon = |c: &str| table.column_name(c).map(str::to_string);
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    if !table.primary_key.is_empty() {
        groups.push((
            format!("{}_pkey", table.name),
            table.primary_key.iter().filter_map(|c| canon(c)).collect(),
        ));
    }
    for (n, cols) in &table.uniques {
        groups.push((n.clone(), cols.iter().filter_map(|c| canon(c)).collect()));
    }
    let is_auto = |c: &str| table.column(c).is_some_and(|i| table.columns[i].auto);
    let single: Vec<&str> = groups
        .iter()
        .filter(|(_, c)| c.len() == 1)
        .map(|(_, c)| c[0].as_str())
        .collect();
    let mut part_of: HashMap<String, String> = HashMap::new();
    for (n, cols) in &groups {
        if cols.len() < 2
            || cols
                .iter()
                .any(|c| single.contains(&c.as_str()) || is_auto(c))
        {
            continue;
        }
        if let Some(other) = cols.iter().find_map(|c| part_of.get(c)) {
            let other = other.clone();
            let covered = groups
                .iter()
                .find(|(g, _)| *g == other)
                .is_some_and(|(_, oc)| oc.iter().all(|c| cols.contains(c)));
            if !covered {
                err(
                    table.span,
                    format!(
                        "unique key `{n}` of `{}` overlaps key `{other}`; datagen makes one composite key per column unique",
                        table.name
                    ),
                    "drop one of the overlapping unique keys",
                );
            }
            continue;
        }
        for c in cols {
            part_of.insert(c.clone(), n.clone());
        }
    }

    // The fields.
    let mut fields = Vec::with_capacity(table.columns.len());
    let mut must_fill: Vec<String> = Vec::new();
    for c in table.columns.iter().filter(|c| !c.computed) {
        let rule = columns_rules.get(&c.name).cloned().unwrap_or_default();
        let (base, user) = resolve_type(model, &c.ty);
        let sh = match user {
            Some(UserType::Enum(labels)) => Some(Shape::Enum(labels.clone())),
            _ => shape(base),
        };
        let Some(sh) = sh else {
            err(
                c.span,
                format!(
                    "column `{}.{}` has type `{}`, which datagen cannot generate",
                    table.name, c.name, c.ty
                ),
                "change the column's type, or generate this table from a datagen config",
            );
            continue;
        };
        let not_null = c.not_null || rule.not_null;
        let null_rate = if not_null { 0.0 } else { NULL_RATE };
        let unique = single.contains(&c.name.as_str());
        // A key column's values must differ, so a default does not apply to it.
        let default = c
            .default
            .as_ref()
            .and_then(value::default_of)
            .filter(|_| !unique && !part_of.contains_key(&c.name));
        let mut field = Field::new(
            c.name.clone(),
            data_type(&sh),
            Gen::Const(datagen_engine::ir::Value::Null),
        );
        field.span = c.span;
        field.null_rate = null_rate;
        let int_key = matches!(sh, Shape::Int { .. })
            && (c.auto
                || (table.primary_key.len() == 1
                    && unique
                    && table.primary_key[0].eq_ignore_ascii_case(&c.name)));
        if let Some(fk) = fk_of.get(c.name.as_str()) {
            let first = fk
                .fk
                .columns
                .first()
                .and_then(|f| canon(f))
                .unwrap_or_default();
            field.generator = if fk.position > 0 {
                Gen::Lookup {
                    entity: fk.parent.clone(),
                    field: fk.column.clone(),
                    by: first,
                }
            } else if fk.parent == table.name {
                Gen::TreeRef {
                    field: fk.column.clone(),
                }
            } else {
                let r = Gen::Ref {
                    entity: fk.parent.clone(),
                    field: fk.column.clone(),
                };
                match part_of.get(&c.name) {
                    Some(key) => Gen::KeyPart {
                        key: key.clone(),
                        of: Box::new(r),
                    },
                    None if unique => Gen::KeyPart {
                        key: c.name.clone(),
                        of: Box::new(r),
                    },
                    None => r,
                }
            };
            if matches!(field.generator, Gen::KeyPart { .. }) {
                field.null_rate = 0.0;
            }
        } else if int_key {
            field.generator = Gen::Key { start: 1 };
            field.null_rate = 0.0;
        } else {
            let unique_text_max = match sh {
                Shape::Text { max } if unique => Some(max),
                _ => None,
            };
            let mut g = if let Some(max) = unique_text_max {
                unique_text(&table.name, &c.name, max, &rule)
            } else {
                match generator(&table.name, &c.name, &sh, &rule, default.as_ref()) {
                    Ok(g) => g,
                    Err(why) => {
                        err(
                            c.span,
                            format!("column `{}.{}`: {why}", table.name, c.name),
                            "loosen its CHECK constraints or change its type",
                        );
                        continue;
                    }
                }
            };
            if let Some((from, strict)) = &rule.after
                && let Some(g2) = offset(&sh, from, *strict)
            {
                g = g2;
                must_fill.push(from.clone());
                if let Some(name) = table.column_name(from) {
                    must_fill.push(name.to_string());
                }
            }
            if let Some(key) = part_of.get(&c.name) {
                g = Gen::KeyPart {
                    key: key.clone(),
                    of: Box::new(key_domain(g, &sh)),
                };
                field.null_rate = 0.0;
            }
            if unique && g == Gen::Uuid {
                // Distinct by construction: a bijection from the row onto the UUIDs.
                g = Gen::KeyPart {
                    key: c.name.clone(),
                    of: Box::new(g),
                };
            }
            field.unique = unique;
            if unique {
                field.null_rate = 0.0;
            }
            field.generator = g;
        }
        fields.push(field);
    }
    // A column another one must follow (`end >= start`) is never null where the follower is
    // required, so the follower always has a value to follow.
    for f in &mut fields {
        if must_fill.contains(&f.name) {
            f.null_rate = 0.0;
        }
    }
    diags.append(&mut found);
    Entity {
        name: table.name.clone(),
        rows: DEFAULT_ROWS,
        fields,
        span: table.span,
        document: false,
        avro_schema: None,
    }
}

/// `this >= from` (or `>`): `from` plus a small offset in the column's units.
fn offset(sh: &Shape, from: &str, strict: bool) -> Option<Gen> {
    let (unit, span) = match sh {
        Shape::Date => (1, 30),
        Shape::Timestamp | Shape::TimestampTz => (1_000_000, 30 * 86_400 * 1_000_000),
        Shape::Int { .. } | Shape::Decimal { .. } => (1, 100),
        _ => return None,
    };
    Some(Gen::Offset {
        from: from.to_string(),
        lo: if strict { unit } else { 0 },
        hi: span,
    })
}

/// A composite key column's domain: bounded as the key needs (text as a short code).
fn key_domain(g: Gen, sh: &Shape) -> Gen {
    match g {
        g @ (Gen::IntRange { .. }
        | Gen::OneOf { .. }
        | Gen::Regex(_)
        | Gen::Bool { .. }
        | Gen::Uuid
        | Gen::Ref { .. }) => g,
        _ => match sh {
            Shape::Text { max } => Gen::Regex(format!("[A-Z]{{{}}}", max.unwrap_or(8).min(8))),
            _ => g,
        },
    }
}

/// A range-partitioned table's partition column must fall inside some partition: its rule
/// gets the partitions' outer bounds, which must leave no gap between them.
fn partition_rule(
    table: &Table,
    rules: &mut HashMap<String, Rule>,
    err: &mut dyn FnMut(Span, String, &str),
) {
    let Some(column) = &table.partition_by else {
        return;
    };
    if table.bounds.is_empty() {
        return;
    }
    let key = |l: &Lit| match l {
        Lit::Str(s) => super::literal::parse_timestamp(s),
        #[allow(clippy::cast_possible_truncation)]
        Lit::Num(n) => n.parse::<f64>().ok().map(|x| x as i64),
    };
    let mut ranges = Vec::new();
    let read = |e: &sqlparser::ast::Expr| check::literal(e).and_then(|l| Some((key(&l)?, l)));
    for (a, b) in &table.bounds {
        match (read(a), read(b)) {
            (Some((ka, la)), Some((kb, lb))) => ranges.push((ka, la, kb, lb)),
            _ => {
                err(
                    table.span,
                    format!(
                        "a partition bound of `{}` (`{a}` to `{b}`) is not a constant datagen can read",
                        table.name
                    ),
                    "use literal bounds",
                );
                return;
            }
        }
    }
    ranges.sort_by_key(|r| r.0);
    if ranges.windows(2).any(|w| w[0].2 != w[1].0) {
        err(
            table.span,
            format!(
                "the partitions of `{}` leave gaps between their bounds",
                table.name
            ),
            "datagen draws the partition column from one contiguous range; add partitions for the gaps or a DEFAULT partition",
        );
        return;
    }
    let name = table.column_name(column).unwrap_or(column).to_string();
    let rule = rules.entry(name).or_default();
    if let (Some(first), Some(last)) = (ranges.first(), ranges.last()) {
        rule.lo = Some((first.1.clone(), false));
        rule.hi = Some((last.3.clone(), true));
    }
}

/// Adds `b`'s constraints to `a`.
fn merge(a: &mut Rule, b: Rule) {
    a.lo = b.lo.or(a.lo.take());
    a.hi = b.hi.or(a.hi.take());
    a.one_of = b.one_of.or(a.one_of.take());
    a.regex = b.regex.or(a.regex.take());
    a.min_len = b.min_len.or(a.min_len);
    a.max_len = b.max_len.or(a.max_len);
    a.not_null |= b.not_null;
    a.after = b.after.or(a.after.take());
}
