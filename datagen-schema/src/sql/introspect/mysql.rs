//! A MySQL or MariaDB database's tables read from `information_schema`: columns (with
//! AUTO_INCREMENT, generated columns, ENUM and SET), keys, unique indexes, foreign keys and
//! CHECK constraints of the URL's database.

use datagen_engine::Diagnostic;
use datagen_engine::ir::Span;
use mysql::prelude::Queryable;
use mysql::{Conn, Opts};
use sqlparser::ast::DataType;

use super::{IntrospectError, check, column, expr, redact};
use crate::sql::Dialect;
use crate::sql::model::{ForeignKey, Model, Table};

const D: Dialect = Dialect::Mysql;

const TABLES: &str = "SELECT TABLE_NAME FROM information_schema.TABLES \
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";

const COLUMNS: &str = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA \
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() \
     ORDER BY TABLE_NAME, ORDINAL_POSITION";

/// Primary keys, unique keys and foreign keys with their columns in key order.
const KEYS: &str = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, \
     k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME \
     FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.TABLE_CONSTRAINTS tc \
       ON tc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND tc.TABLE_NAME = k.TABLE_NAME \
       AND tc.CONSTRAINT_NAME = k.CONSTRAINT_NAME \
     WHERE k.TABLE_SCHEMA = DATABASE() \
       AND ((tc.CONSTRAINT_TYPE = 'FOREIGN KEY') = (k.REFERENCED_TABLE_NAME IS NOT NULL)) \
     ORDER BY k.TABLE_NAME, tc.CONSTRAINT_TYPE, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

/// CHECK constraints (MariaDB names each table's; MySQL names them per schema).
const CHECKS_MARIADB: &str = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE \
     FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() \
     ORDER BY TABLE_NAME, CONSTRAINT_NAME";
const CHECKS_MYSQL: &str = "SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE \
     FROM information_schema.CHECK_CONSTRAINTS cc JOIN information_schema.TABLE_CONSTRAINTS tc \
       ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME \
       AND tc.CONSTRAINT_TYPE = 'CHECK' \
     WHERE cc.CONSTRAINT_SCHEMA = DATABASE() ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME";

type KeyRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);
type ColumnRow = (String, String, String, String, Option<String>, String);

fn fail(what: &str) -> impl FnOnce(mysql::Error) -> IntrospectError + '_ {
    move |e| IntrospectError::Query {
        what: what.to_string(),
        message: e.to_string(),
    }
}

/// Reads the database named in `url`.
pub(super) fn read(url: &str, diags: &mut Vec<Diagnostic>) -> Result<Model, IntrospectError> {
    let connect = |message: String| IntrospectError::Connect {
        url: redact(url),
        message,
    };
    let url = match url.split_once("://") {
        Some((_, rest)) => format!("mysql://{rest}"),
        None => url.to_string(),
    };
    let opts = Opts::from_url(&url).map_err(|e| connect(e.to_string()))?;
    if opts.get_db_name().is_none() {
        return Err(connect(
            "the URL names no database; add it after the host, as in mysql://user@host:3306/shop"
                .to_string(),
        ));
    }
    let mut conn = Conn::new(opts).map_err(|e| connect(e.to_string()))?;
    let mariadb = conn
        .query_first::<String, _>("SELECT VERSION()")
        .map_err(fail("the server version"))?
        .is_some_and(|v| v.to_ascii_lowercase().contains("mariadb"));
    let mut model = Model::new(D);
    for name in conn.query::<String, _>(TABLES).map_err(fail("tables"))? {
        model.tables.push(Table::new(name, Span::default()));
    }
    let rows: Vec<ColumnRow> = conn.query(COLUMNS).map_err(fail("columns"))?;
    for (t, name, ty, nullable, default, extra) in rows {
        let Some(t) = model.table(&t) else { continue };
        model.tables[t]
            .columns
            .push(read_column(name, &ty, &nullable, default, &extra));
    }
    let rows: Vec<KeyRow> = conn.query(KEYS).map_err(fail("keys"))?;
    for (t, name, kind, col, parent, parent_col) in rows {
        let Some(t) = model.table(&t) else { continue };
        add_key(&mut model.tables[t], name, &kind, col, parent, parent_col);
    }
    let checks = if mariadb {
        CHECKS_MARIADB
    } else {
        CHECKS_MYSQL
    };
    let rows: Vec<(String, String, String)> =
        conn.query(checks).map_err(fail("CHECK constraints"))?;
    for (t, name, clause) in rows {
        let Some(t) = model.table(&t) else { continue };
        let table = &mut model.tables[t];
        // MariaDB spells a JSON column as LONGTEXT with a `json_valid` check.
        if let Some(c) = json_valid(&clause).and_then(|c| table.column(&c)) {
            table.columns[c].ty = DataType::JSON;
            continue;
        }
        if let Some(c) = check(D, &table.name, name, &clause, diags) {
            table.checks.push(c);
        }
    }
    Ok(model)
}

fn read_column(
    name: String,
    ty: &str,
    nullable: &str,
    default: Option<String>,
    extra: &str,
) -> crate::sql::model::Column {
    let lower = ty.to_ascii_lowercase();
    // BOOLEAN is stored as TINYINT(1); the catalog no longer says which it was.
    let ty = if lower == "tinyint(1)" { "boolean" } else { ty };
    let mut c = column(D, name, ty);
    let extra = extra.to_ascii_lowercase();
    c.not_null = nullable.eq_ignore_ascii_case("NO");
    c.auto = extra.contains("auto_increment");
    c.computed = extra.contains("virtual generated") || extra.contains("stored generated");
    // MariaDB writes a nullable column without a default as the text `NULL`.
    c.default = default
        .filter(|d| !d.eq_ignore_ascii_case("null"))
        .and_then(|d| expr(D, &d).ok());
    c
}

fn add_key(
    t: &mut Table,
    name: String,
    kind: &str,
    col: String,
    parent: Option<String>,
    parent_col: Option<String>,
) {
    match kind {
        "PRIMARY KEY" => t.primary_key.push(col),
        "UNIQUE" => match t.uniques.iter_mut().find(|(n, _)| *n == name) {
            Some((_, cols)) => cols.push(col),
            None => t.uniques.push((name, vec![col])),
        },
        _ => {
            let Some(parent) = parent else { return };
            match t
                .foreign_keys
                .iter_mut()
                .find(|f| f.name.as_deref() == Some(name.as_str()))
            {
                Some(fk) => {
                    fk.columns.push(col);
                    fk.refs.extend(parent_col);
                }
                None => t.foreign_keys.push(ForeignKey {
                    name: Some(name),
                    columns: vec![col],
                    table: parent,
                    refs: parent_col.into_iter().collect(),
                    span: t.span,
                }),
            }
        }
    }
}

/// The column of a `json_valid(`col`)` check.
fn json_valid(clause: &str) -> Option<String> {
    let inner = clause
        .trim()
        .strip_prefix("json_valid(")?
        .strip_suffix(')')?;
    Some(inner.trim().trim_matches('`').to_string())
}
