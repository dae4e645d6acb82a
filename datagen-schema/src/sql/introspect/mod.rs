//! Live introspection: a running PostgreSQL or MySQL/MariaDB database's catalog read into the
//! same table model a DDL file gives, so the plan is the same as for the DDL that made it.
//!
//! Types, defaults and CHECK expressions come back from the catalog as SQL text (the server's
//! own spelling, such as `character varying(40)` or `((VALUE >= 1901) AND (VALUE <= 2155))`)
//! and are parsed with the dialect's parser, so the CHECK rules are the DDL importer's.

// Without either driver the shared readers have no caller; the module still says which
// feature a URL needs.
#![cfg_attr(
    not(any(feature = "postgres", feature = "mysql")),
    allow(dead_code, clippy::ptr_arg)
)]

#[cfg(feature = "mysql")]
mod mysql;
#[cfg(feature = "postgres")]
mod postgres;

use std::fmt;

use datagen_engine::Diagnostic;
use datagen_engine::ir::{Schema, Span};
use sqlparser::ast::{BinaryOperator, DataType, Expr, Ident, InTarget, ObjectName, ObjectNamePart};
use sqlparser::parser::Parser;

use super::Dialect;
use super::build;
use super::model::{Check, Column, Model};
use super::split::parser_dialect;

/// Why a live database could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum IntrospectError {
    /// The URL names no database this build can read.
    Url(String),
    /// The server could not be reached or refused the login.
    Connect {
        /// The URL, without its password.
        url: String,
        /// The driver's message.
        message: String,
    },
    /// A catalog query failed.
    Query {
        /// What was being read.
        what: String,
        /// The driver's message.
        message: String,
    },
}

impl fmt::Display for IntrospectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntrospectError::Url(m) => f.write_str(m),
            IntrospectError::Connect { url, message } => write!(
                f,
                "cannot connect to `{url}`: {message}; check the host, port, user and database name"
            ),
            IntrospectError::Query { what, message } => write!(
                f,
                "cannot read {what} from the database catalog: {message}; the user needs read access to the catalog"
            ),
        }
    }
}

impl std::error::Error for IntrospectError {}

/// The schemes of database URLs read live, and their dialects.
const SCHEMES: [(&str, Dialect); 4] = [
    ("postgresql://", Dialect::Postgres),
    ("postgres://", Dialect::Postgres),
    ("mysql://", Dialect::Mysql),
    ("mariadb://", Dialect::Mysql),
];

/// Whether `input` is a database URL (`postgresql://`, `postgres://`, `mysql://`,
/// `mariadb://`) rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.to_ascii_lowercase();
    SCHEMES.iter().any(|(s, _)| lower.starts_with(s))
}

/// `url` with its password, if any, replaced by `***`, for messages.
pub use datagen_engine::url::redact;

/// Reads the tables of the database at `url` (its current schema: `public` or the search
/// path's first for PostgreSQL, the URL's database for MySQL/MariaDB) into a schema of
/// [`super::DEFAULT_ROWS`] rows per table, parents first, with every problem found.
pub fn introspect(url: &str) -> Result<(Schema, Vec<Diagnostic>), IntrospectError> {
    let lower = url.to_ascii_lowercase();
    let dialect = SCHEMES
        .iter()
        .find(|(s, _)| lower.starts_with(s))
        .map(|(_, d)| *d)
        .ok_or_else(|| {
            IntrospectError::Url(format!(
                "`{}` is not a database URL; use postgresql://user@host:port/db or mysql://user@host:port/db",
                redact(url)
            ))
        })?;
    let mut diags = Vec::new();
    let model = read(url, dialect, &mut diags)?;
    if model.tables.is_empty() {
        diags.push(
            Diagnostic::new(Span::default(), format!("`{}` has no tables", redact(url)))
                .with_help("create the tables first, or check the database name (for PostgreSQL, the tables are read from the first schema of the search path)"),
        );
    }
    let entities = build::entities(&model, &mut diags);
    let limits = build::limits(&model, &entities);
    let schema = Schema {
        source: None,
        seed: None,
        locale: None,
        entities,
        limits,
    };
    Ok((schema, diags))
}

#[allow(clippy::needless_return, unused_variables)]
fn read(
    url: &str,
    dialect: Dialect,
    diags: &mut Vec<Diagnostic>,
) -> Result<Model, IntrospectError> {
    let feature = match dialect {
        Dialect::Postgres => {
            #[cfg(feature = "postgres")]
            return postgres::read(url, diags);
            #[cfg(not(feature = "postgres"))]
            "postgres"
        }
        _ => {
            #[cfg(feature = "mysql")]
            return mysql::read(url, diags);
            #[cfg(not(feature = "mysql"))]
            "mysql"
        }
    };
    #[allow(unreachable_code)]
    Err(IntrospectError::Url(format!(
        "this build of datagen cannot read `{}`; build datagen-schema with its `{feature}` feature",
        redact(url)
    )))
}

/// A column of type `ty` (the catalog's spelling) with nothing else set yet.
fn column(d: Dialect, name: String, ty: &str) -> Column {
    Column {
        name,
        ty: data_type(d, ty),
        not_null: false,
        auto: false,
        computed: false,
        default: None,
        span: Span::default(),
    }
}

/// A type as the catalog spells it; a name the parser does not know stays a custom type (and
/// the build names it when it cannot generate it).
fn data_type(d: Dialect, text: &str) -> DataType {
    let dialect = parser_dialect(d);
    Parser::new(dialect.as_ref())
        .try_with_sql(text)
        .and_then(|mut p| p.parse_data_type())
        .unwrap_or_else(|_| {
            DataType::Custom(
                ObjectName(vec![ObjectNamePart::Identifier(Ident::new(text))]),
                Vec::new(),
            )
        })
}

/// An expression as the catalog spells it, with PostgreSQL's deparsed forms turned back into
/// what the CHECK rules read: `x = ANY (ARRAY[...])` is `x IN (...)`, `~~` is `LIKE`.
fn expr(d: Dialect, text: &str) -> Result<Expr, String> {
    let dialect = parser_dialect(d);
    Parser::new(dialect.as_ref())
        .try_with_sql(text)
        .and_then(|mut p| p.parse_expr())
        .map(normalize)
        .map_err(|e| e.to_string())
}

/// A CHECK constraint read from `text`, or a diagnostic saying which one could not be read.
fn check(
    d: Dialect,
    table: &str,
    name: String,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Check> {
    match expr(d, text) {
        Ok(e) => Some(Check {
            name: Some(name),
            expr: e,
            span: Span::default(),
        }),
        Err(why) => {
            diags.push(
                Diagnostic::new(
                    Span::default(),
                    format!("CHECK constraint `{name}` of table `{table}` (`{text}`) cannot be read: {why}"),
                )
                .with_help("rewrite the check with comparisons, IN, LIKE or regex matches, or drop it"),
            );
            None
        }
    }
}

fn normalize(e: Expr) -> Expr {
    match e {
        Expr::Nested(inner) => Expr::Nested(Box::new(normalize(*inner))),
        Expr::BinaryOp { left, op, right } => match op {
            BinaryOperator::PGLikeMatch | BinaryOperator::PGNotLikeMatch => Expr::Like {
                negated: op == BinaryOperator::PGNotLikeMatch,
                any: false,
                expr: Box::new(normalize(*left)),
                pattern: Box::new(normalize(*right)),
                escape_char: None,
            },
            BinaryOperator::PGILikeMatch | BinaryOperator::PGNotILikeMatch => Expr::ILike {
                negated: op == BinaryOperator::PGNotILikeMatch,
                any: false,
                expr: Box::new(normalize(*left)),
                pattern: Box::new(normalize(*right)),
                escape_char: None,
            },
            op @ (BinaryOperator::And | BinaryOperator::Or) => Expr::BinaryOp {
                left: Box::new(bare(normalize(*left), &op)),
                right: Box::new(bare(normalize(*right), &op)),
                op,
            },
            op => Expr::BinaryOp {
                left: Box::new(normalize(*left)),
                op,
                right: Box::new(normalize(*right)),
            },
        },
        Expr::AnyOp {
            left,
            compare_op: BinaryOperator::Eq,
            right,
            ..
        } if array(&right).is_some() => Expr::In {
            expr: Box::new(normalize(*left)),
            target: InTarget::List(array(&right).unwrap_or_default()),
            negated: false,
            global: false,
        },
        Expr::AllOp {
            left,
            compare_op: BinaryOperator::NotEq,
            right,
        } if array(&right).is_some() => Expr::In {
            expr: Box::new(normalize(*left)),
            target: InTarget::List(array(&right).unwrap_or_default()),
            negated: true,
            global: false,
        },
        other => other,
    }
}

/// An operand of `AND`/`OR` without the parentheses the server writes around every operand
/// (`((a IS NULL) OR (a >= b))`), as a DDL author writes it; an `OR` inside an `AND` keeps
/// them, so the expression still reads as it means.
fn bare(e: Expr, op: &BinaryOperator) -> Expr {
    match e {
        Expr::Nested(inner)
            if *op == BinaryOperator::Or
                || !matches!(
                    *inner,
                    Expr::BinaryOp {
                        op: BinaryOperator::Or,
                        ..
                    }
                ) =>
        {
            bare(*inner, op)
        }
        e => e,
    }
}

/// The elements of `ARRAY[...]` (through parentheses and casts).
fn array(e: &Expr) -> Option<Vec<Expr>> {
    match e {
        Expr::Array(a) => Some(a.elem.clone()),
        Expr::Nested(inner) | Expr::Cast { expr: inner, .. } => array(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_are_told_from_files_and_passwords_hidden() {
        assert!(is_url("postgresql://u@h/db"));
        assert!(is_url("MariaDB://u@h/db"));
        assert!(!is_url("schema.sql"));
        assert_eq!(
            redact("mysql://root:secret@h:3306/db"),
            "mysql://root:***@h:3306/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }

    #[test]
    fn deparsed_postgres_checks_read_as_in_lists_and_likes() {
        let e = expr(
            Dialect::Postgres,
            "((status)::text = ANY ((ARRAY['new'::character varying, 'paid'::character varying])::text[]))",
        )
        .unwrap();
        let Expr::Nested(inner) = e else {
            panic!("{e}")
        };
        assert!(
            matches!(*inner, Expr::In { target: InTarget::List(ref list), negated: false, .. } if list.len() == 2),
            "{inner}"
        );
        let e = expr(
            Dialect::Postgres,
            "((updated_at IS NULL) OR ((updated_at >= created_at) AND ((a = 1) OR (b = 2))))",
        )
        .unwrap();
        assert_eq!(
            e.to_string(),
            "(updated_at IS NULL OR updated_at >= created_at AND (a = 1 OR b = 2))"
        );
        let e = expr(Dialect::Postgres, "((code)::text ~~ 'A%'::text)").unwrap();
        let Expr::Nested(inner) = e else {
            panic!("{e}")
        };
        assert!(
            matches!(*inner, Expr::Like { negated: false, .. }),
            "{inner}"
        );
    }
}
