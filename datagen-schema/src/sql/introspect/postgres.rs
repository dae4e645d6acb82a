//! A PostgreSQL database's tables read from `pg_catalog`: columns (with identity, serial and
//! generated columns), keys, unique indexes, foreign keys, checks, enum types, domains and
//! range partitions of the current schema.

use datagen_engine::Diagnostic;
use datagen_engine::ir::Span;
use postgres::{Client, NoTls, Row};
use sqlparser::ast::{Expr, Value};

use super::{IntrospectError, check, column, data_type, expr, redact};
use crate::sql::Dialect;
use crate::sql::model::{ForeignKey, Model, Table, UserType};

const D: Dialect = Dialect::Postgres;

/// The tables (ordinary and partitioned) of the current schema, in creation order.
const TABLES: &str = "SELECT c.oid, c.relname, c.relkind::text, \
     (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent \
       WHERE i.inhrelid = c.oid AND c.relispartition), \
     CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, \
     CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END \
     FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace \
     AND c.relkind IN ('r', 'p') ORDER BY c.oid";

const COLUMNS: &str = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, \
     pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text \
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
     WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

/// Constraints with their columns in key order; `f` rows name the referenced table and columns.
const CONSTRAINTS: &str = "SELECT c.conname, c.contype::text, \
     ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) \
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), \
     (SELECT relname FROM pg_class WHERE oid = c.confrelid), \
     ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) \
       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i), \
     CASE WHEN c.contype = 'c' THEN pg_get_expr(c.conbin, c.conrelid) END \
     FROM pg_constraint c WHERE c.conrelid = $1 AND c.contype IN ('p', 'u', 'f', 'c') \
     ORDER BY c.oid";

/// Unique indexes over plain columns that back no constraint (`CREATE UNIQUE INDEX`).
const UNIQUE_INDEXES: &str = "SELECT ic.relname, \
     ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o) \
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), \
     i.indexprs IS NOT NULL OR i.indpred IS NOT NULL \
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid \
     WHERE i.indrelid = $1 AND i.indisunique AND NOT i.indisprimary \
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) \
     ORDER BY ic.oid";

const ENUMS: &str = "SELECT t.typname, ARRAY(SELECT e.enumlabel::text FROM pg_enum e \
       WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) \
     FROM pg_type t WHERE t.typtype = 'e' AND t.typnamespace = current_schema()::regnamespace";

const DOMAINS: &str = "SELECT t.typname, format_type(t.typbasetype, t.typtypmod), \
     ARRAY(SELECT c.conname::text FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.oid), \
     ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.oid) \
     FROM pg_type t WHERE t.typtype = 'd' AND t.typnamespace = current_schema()::regnamespace";

fn query(
    client: &mut Client,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
    what: &str,
) -> Result<Vec<Row>, IntrospectError> {
    client
        .query(sql, params)
        .map_err(|e| IntrospectError::Query {
            what: what.to_string(),
            message: e.to_string(),
        })
}

/// Reads the current schema of the database at `url`.
pub(super) fn read(url: &str, diags: &mut Vec<Diagnostic>) -> Result<Model, IntrospectError> {
    let mut client = Client::connect(url, NoTls).map_err(|e| IntrospectError::Connect {
        url: redact(url),
        message: e.to_string(),
    })?;
    let mut model = Model::new(D);
    for r in query(&mut client, ENUMS, &[], "enum types")? {
        model.types.insert(r.get(0), UserType::Enum(r.get(1)));
    }
    for r in query(&mut client, DOMAINS, &[], "domains")? {
        let name: String = r.get(0);
        let base: String = r.get(1);
        let names: Vec<String> = r.get(2);
        let defs: Vec<String> = r.get(3);
        let checks = names
            .into_iter()
            .zip(defs)
            .filter_map(|(n, def)| {
                let text = check_text(&def);
                check(D, &format!("domain {name}"), n, text, diags)
            })
            .collect();
        model.types.insert(
            name,
            UserType::Domain {
                base: data_type(D, &base),
                checks,
            },
        );
    }
    let tables = query(&mut client, TABLES, &[], "tables")?;
    let mut bounds: Vec<(String, Expr, Expr)> = Vec::new();
    for r in &tables {
        let oid: postgres::types::Oid = r.get(0);
        let mut t = Table::new(r.get(1), Span::default());
        t.partition_of = r.get(3);
        if let Some(key) = r.get::<_, Option<String>>(5) {
            t.partition_by = partition_column(&key);
        }
        if let (Some(parent), Some(bound)) = (&t.partition_of, r.get::<_, Option<String>>(4))
            && let Some((from, to)) = range_bound(&bound)
        {
            bounds.push((parent.clone(), from, to));
        }
        read_table(&mut client, oid, &mut t, diags)?;
        model.tables.push(t);
    }
    for (parent, from, to) in bounds {
        if let Some(p) = model.table(&parent) {
            model.tables[p].bounds.push((from, to));
        }
    }
    Ok(model)
}

fn read_table(
    client: &mut Client,
    oid: postgres::types::Oid,
    t: &mut Table,
    diags: &mut Vec<Diagnostic>,
) -> Result<(), IntrospectError> {
    let what = format!("the columns of `{}`", t.name);
    for r in query(client, COLUMNS, &[&oid], &what)? {
        let mut c = column(D, r.get(0), r.get::<_, &str>(1));
        c.not_null = r.get(2);
        let default: Option<String> = r.get(3);
        let identity: String = r.get(4);
        let generated: String = r.get(5);
        c.computed = generated == "s";
        c.auto = !identity.is_empty();
        if let Some(text) = default.filter(|_| !c.computed) {
            c.auto |= text.to_ascii_lowercase().starts_with("nextval(");
            c.default = expr(D, &text).ok();
        }
        t.columns.push(c);
    }
    let what = format!("the constraints of `{}`", t.name);
    for r in query(client, CONSTRAINTS, &[&oid], &what)? {
        let name: String = r.get(0);
        let kind: String = r.get(1);
        let columns: Vec<String> = r.get(2);
        match kind.as_str() {
            "p" => t.primary_key = columns,
            "u" => t.uniques.push((name, columns)),
            "f" => t.foreign_keys.push(ForeignKey {
                name: Some(name),
                columns,
                table: r.get(3),
                refs: r.get(4),
                span: t.span,
            }),
            _ => {
                let text: String = r.get(5);
                if let Some(c) = check(D, &t.name, name, &text, diags) {
                    t.checks.push(c);
                }
            }
        }
    }
    let what = format!("the unique indexes of `{}`", t.name);
    for r in query(client, UNIQUE_INDEXES, &[&oid], &what)? {
        let name: String = r.get(0);
        if r.get::<_, bool>(2) {
            diags.push(
                Diagnostic::new(
                    t.span,
                    format!("unique index `{name}` on `{}` over expressions or with a WHERE clause is not supported", t.name),
                )
                .with_help("index plain columns, or drop the index"),
            );
            continue;
        }
        t.uniques.push((name, r.get(1)));
    }
    Ok(())
}

/// `CHECK (expr)` (as `pg_get_constraintdef` writes it) without the keyword and `NOT VALID`.
fn check_text(def: &str) -> &str {
    let def = def.trim();
    let def = def.strip_suffix("NOT VALID").unwrap_or(def).trim_end();
    def.strip_prefix("CHECK").unwrap_or(def).trim_start()
}

/// The column of `RANGE (col)`.
fn partition_column(key: &str) -> Option<String> {
    let inner = key.strip_prefix("RANGE (")?.strip_suffix(')')?;
    match expr(D, inner).ok()? {
        Expr::Identifier(i) => Some(crate::sql::model::ident(D, &i)),
        _ => None,
    }
}

/// `FOR VALUES FROM (a) TO (b)` as `(a, b)`; `MINVALUE`/`MAXVALUE` and lists are not ranges
/// datagen fills.
fn range_bound(text: &str) -> Option<(Expr, Expr)> {
    let rest = text.strip_prefix("FOR VALUES FROM (")?;
    let (from, to) = rest.split_once(") TO (")?;
    let to = to.strip_suffix(')')?;
    let value = |s: &str| -> Option<Expr> {
        let e = expr(D, s).ok()?;
        match &e {
            Expr::Value(v) if matches!(v.value, Value::Null) => None,
            _ => Some(e),
        }
    };
    Some((value(from)?, value(to)?))
}
