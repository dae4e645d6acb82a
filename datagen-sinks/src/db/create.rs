//! Missing tables created before a load: with the input's own DDL when it is SQL in the
//! destination's dialect (types, domains, sequences, tables, constraints and indexes as
//! written, tables in foreign-key order), else from the IR with their primary, unique and
//! foreign keys. Tables that exist are used as they are.

use std::collections::HashSet;

use datagen_engine::TableSchema;

use super::ddl::{self, Constraints, Reference};
use super::loader::Connection;
use super::order::Relations;
use super::{DbError, DdlKind, DdlStatement, Dialect, LoadJob};

/// Server error codes that say an object exists already (PostgreSQL SQLSTATEs, MySQL numbers).
const EXISTS: [&str; 5] = ["42710", "42P07", "42723", "1050", "1304"];

/// Creates the tables of `missing` (plan indices, in load order); returns what to tell the user.
/// When a statement fails, the tables created before it are dropped again, so the next run
/// creates them whole (with the constraints and indexes that come after them) instead of
/// loading into half-made tables.
pub(crate) fn create_missing(
    conn: &mut dyn Connection,
    job: &LoadJob<'_>,
    relations: &Relations,
    missing: &[usize],
) -> Result<Vec<String>, DbError> {
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    let mut created = Vec::new();
    let made = create(conn, job, relations, missing, &mut created);
    if made.is_err() && !created.is_empty() {
        let listed = created
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let dropped = drop_tables(conn, job.to.dialect, &created);
        return made.map_err(|mut e| {
            e.message = match dropped {
                Ok(()) => format!(
                    "{}; the tables created before it ({listed}) were dropped again",
                    e.message.trim_end()
                ),
                Err(d) => format!(
                    "{}; dropping the tables created before it ({listed}) failed too ({}), so drop them before the next run",
                    e.message.trim_end(),
                    d.message.trim_end()
                ),
            };
            e
        });
    }
    made
}

/// Drops `tables` (created by this run), last first.
fn drop_tables(
    conn: &mut dyn Connection,
    dialect: Dialect,
    tables: &[String],
) -> Result<(), DbError> {
    if dialect == Dialect::Mysql {
        conn.fk_checks(false)?;
    }
    // PostgreSQL: with the foreign keys other tables of the run point at it.
    let cascade = if dialect == Dialect::Postgres {
        " CASCADE"
    } else {
        ""
    };
    let dropped = tables.iter().rev().try_for_each(|t| {
        conn.execute(&format!(
            "DROP TABLE IF EXISTS {}{cascade}",
            ddl::ident(dialect, t)
        ))
    });
    if dialect == Dialect::Mysql {
        conn.fk_checks(true)?;
    }
    dropped
}

/// Creates `missing`, pushing each table created to `created`.
fn create(
    conn: &mut dyn Connection,
    job: &LoadJob<'_>,
    relations: &Relations,
    missing: &[usize],
    created: &mut Vec<String>,
) -> Result<Vec<String>, DbError> {
    let plan = job.plan;
    let names = |list: &[usize]| {
        list.iter()
            .map(|&e| format!("`{}`", plan.table(e).name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut notes = Vec::new();
    let (from_ddl, rest): (Vec<usize>, Vec<usize>) = match &job.ddl {
        Some(statements) => missing.iter().partition(|&&e| {
            statements.iter().any(|s| {
                matches!(&s.kind, DdlKind::CreateTable { table, .. } if *table == plan.table(e).name)
            })
        }),
        None => (Vec::new(), missing.to_vec()),
    };
    if let Some(statements) = &job.ddl
        && !from_ddl.is_empty()
    {
        let tables: Vec<String> = from_ddl
            .iter()
            .map(|&e| plan.table(e).name.clone())
            .collect();
        run_ddl(conn, job.to.dialect, statements, tables, created)?;
        notes.push(format!(
            "created {} with the input's own DDL",
            names(&from_ddl)
        ));
    }
    if !rest.is_empty() {
        from_ir(conn, job, relations, &rest, created)?;
        notes.push(format!("created {} from the input's fields", names(&rest)));
    }
    Ok(notes)
}

/// Checks that every table of `existing` (plan indices, tables the database holds) has a
/// column for each of its entity's columns: a table of another shape is an error naming what
/// is missing, before any row is sent.
pub(crate) fn check_columns(
    conn: &mut dyn Connection,
    job: &LoadJob<'_>,
    existing: &[usize],
) -> Result<(), DbError> {
    // PostgreSQL keeps a column's case as created; MySQL and SQLite match names in any case.
    let same = |a: &str, b: &str| {
        if job.to.dialect == Dialect::Postgres {
            a == b
        } else {
            a.eq_ignore_ascii_case(b)
        }
    };
    for &e in existing {
        let table = job.plan.table(e);
        let has = conn.columns(&table.name)?;
        let absent: Vec<String> = table
            .columns
            .iter()
            .filter(|c| !has.iter().any(|h| same(h, &c.name)))
            .map(|c| format!("`{}`", c.name))
            .collect();
        if absent.is_empty() {
            continue;
        }
        let held: Vec<String> = has.iter().map(|h| format!("`{h}`")).collect();
        let (s, it) = if absent.len() == 1 {
            ("", "it")
        } else {
            ("s", "them")
        };
        return Err(DbError::new(format!(
            "table `{}` exists without the column{s} {} the input writes (it has {}); add {it} to the table, or drop the table so the load creates it from the input",
            table.name,
            absent.join(", "),
            if held.is_empty() {
                "none".to_string()
            } else {
                held.join(", ")
            },
        )));
    }
    Ok(())
}

/// Runs the statements of `ddl` that create `tables` (and the partitions they attach).
fn run_ddl(
    conn: &mut dyn Connection,
    dialect: Dialect,
    ddl: &[DdlStatement],
    tables: Vec<String>,
    created: &mut Vec<String>,
) -> Result<(), DbError> {
    let mut create: Vec<String> = tables;
    // Partitions of the tables created are created with them when missing.
    for s in ddl {
        let partition = match &s.kind {
            DdlKind::CreateTable {
                table,
                partition_of: Some(p),
                ..
            } if create.contains(p) => Some(table),
            DdlKind::OnTable {
                table,
                partition: Some(p),
            } if create.contains(table) => Some(p),
            _ => None,
        };
        if let Some(p) = partition
            && !create.contains(p)
            && !conn.exists(p)?
        {
            create.push(p.clone());
        }
    }
    let creating: HashSet<&str> = create.iter().map(String::as_str).collect();
    if dialect == Dialect::Mysql {
        // A MySQL dump creates tables before the parents their keys name.
        conn.fk_checks(false)?;
    }
    let result = (|| {
        for s in ddl.iter().filter(|s| s.kind == DdlKind::Prelude) {
            if let Err(e) = conn.execute(&s.sql)
                && !e.code.as_deref().is_some_and(|c| EXISTS.contains(&c))
            {
                return Err(with_context(s)(e));
            }
        }
        for s in fk_order(ddl, &creating) {
            conn.execute(&s.sql).map_err(with_context(s))?;
            if let DdlKind::CreateTable { table, .. } = &s.kind {
                created.push(table.clone());
            }
        }
        for s in ddl {
            if let DdlKind::OnTable { table, .. } = &s.kind
                && creating.contains(table.as_str())
            {
                conn.execute(&s.sql).map_err(with_context(s))?;
            }
        }
        Ok(())
    })();
    if dialect == Dialect::Mysql {
        conn.fk_checks(true)?;
    }
    result
}

/// What turns a server error for `s` into one that names the statement.
fn with_context(s: &DdlStatement) -> impl Fn(DbError) -> DbError + '_ {
    move |mut e: DbError| {
        let head: String = s.sql.split_whitespace().collect::<Vec<_>>().join(" ");
        let head: String = head.chars().take(60).collect();
        e.message = format!("running the input's `{head} ...`: {}", e.message);
        e
    }
}

/// The `CREATE TABLE` statements of `creating`, parents first (written order where free, and
/// for the members of a cycle).
fn fk_order<'a>(ddl: &'a [DdlStatement], creating: &HashSet<&str>) -> Vec<&'a DdlStatement> {
    let mut left: Vec<(&str, &[String], &DdlStatement)> = ddl
        .iter()
        .filter_map(|s| match &s.kind {
            DdlKind::CreateTable { table, parents, .. } if creating.contains(table.as_str()) => {
                Some((table.as_str(), parents.as_slice(), s))
            }
            _ => None,
        })
        .collect();
    let mut out = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let waiting = |p: &String, left: &[(&str, &[String], &DdlStatement)]| {
            left.iter().any(|(t, _, _)| t.eq_ignore_ascii_case(p))
        };
        let next = left
            .iter()
            .position(|(_, parents, _)| !parents.iter().any(|p| waiting(p, &left)))
            .unwrap_or(0);
        out.push(left.remove(next).2);
    }
    out
}

/// Creates `missing` from the IR: columns in the database's types, the primary key, unique
/// keys, foreign keys to tables created before (and, added after every table exists, to
/// tables created after: `DEFERRABLE` in PostgreSQL; SQLite writes them in the table).
fn from_ir(
    conn: &mut dyn Connection,
    job: &LoadJob<'_>,
    relations: &Relations,
    missing: &[usize],
    created: &mut Vec<String>,
) -> Result<(), DbError> {
    let plan = job.plan;
    let dialect = job.to.dialect;
    let has = |t: &TableSchema, name: &str| t.columns.iter().any(|c| c.name == name);
    let mut later: Vec<(usize, Reference<'_>)> = Vec::new();
    for &e in missing {
        let table = plan.table(e);
        let mut references = Vec::new();
        for fk in &relations.foreign[e] {
            if !has(table, &fk.column) || !has(plan.table(fk.parent), &fk.parent_column) {
                continue;
            }
            let r = Reference {
                column: &fk.column,
                table: &plan.table(fk.parent).name,
                parent_column: &fk.parent_column,
            };
            if fk.forward && dialect != Dialect::Sqlite {
                later.push((e, r));
            } else {
                references.push(r);
            }
        }
        let referenced: Vec<&str> = relations
            .foreign
            .iter()
            .flatten()
            .filter(|fk| fk.parent == e)
            .map(|fk| fk.parent_column.as_str())
            .collect();
        let constraints = Constraints {
            key: relations.keys[e].as_deref().filter(|k| has(table, k)),
            uniques: relations.uniques[e]
                .iter()
                .filter(|u| u.iter().all(|c| has(table, c)))
                .map(|u| u.iter().map(String::as_str).collect())
                .collect(),
            references,
            referenced,
        };
        let sql = ddl::create_table(dialect, table, &constraints);
        conn.execute(&sql).map_err(|mut err| {
            err.message = format!("creating table `{}` failed: {}", table.name, err.message);
            err
        })?;
        created.push(table.name.clone());
    }
    for (e, r) in later {
        let table = &plan.table(e).name;
        conn.execute(&ddl::add_foreign_key(dialect, table, &r))
            .map_err(|mut err| {
                err.message = format!(
                    "adding the foreign key `{}` → `{}` failed: {}",
                    table, r.table, err.message
                );
                err
            })?;
    }
    Ok(())
}
