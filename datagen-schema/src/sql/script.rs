//! A DDL file as the statements that create its tables, for running on a database: each
//! statement's own text, what it creates or changes, and which tables its foreign keys need
//! first. Statements that carry no table shape (views, functions, triggers, grants, settings,
//! `USE`, `DROP`) are left out.

use std::collections::HashMap;

pub use datagen_engine::ddl::{DdlKind, DdlStatement};
use datagen_engine::ir::Span;
use sqlparser::ast::{AlterTableOperation, Statement};
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::Dialect;
use super::model::{self, object};
use super::split::{self, significant, span_of};

/// The table-shaping statements of DDL `text` in `dialect`, in the order written.
pub fn statements(text: &str, dialect: Dialect) -> Vec<DdlStatement> {
    let parsed: HashMap<Span, Statement> =
        split::statements(text, dialect, &mut Vec::new(), &mut Vec::new())
            .into_iter()
            .map(|p| (p.span, p.statement))
            .collect();
    let Ok(groups) = split::groups(text, dialect) else {
        return Vec::new();
    };
    groups
        .iter()
        .filter_map(|group| {
            let first = group.iter().find(|t| significant(t))?;
            let kind = match parsed.get(&span_of(first)) {
                Some(statement) => kind_of(statement, dialect),
                None => owned_sequence(group, dialect),
            }?;
            let sql: String = group.iter().map(|t| t.token.to_string()).collect();
            Some(DdlStatement {
                kind,
                sql: sql.trim().to_string(),
            })
        })
        .collect()
}

/// What a parsed statement does, or `None` when it shapes no table.
fn kind_of(statement: &Statement, d: Dialect) -> Option<DdlKind> {
    match statement {
        Statement::CreateTable(ct) => {
            let parsed = [split::Parsed {
                statement: statement.clone(),
                span: Span::default(),
            }];
            let m = model::collect(&parsed, Vec::new(), d, &mut Vec::new());
            let table = object(d, &ct.name);
            let mut parents: Vec<String> = m
                .tables
                .first()
                .map(|t| t.foreign_keys.iter().map(|f| f.table.clone()).collect())
                .unwrap_or_default();
            parents.retain(|p| !p.eq_ignore_ascii_case(&table));
            parents.dedup();
            Some(DdlKind::CreateTable {
                partition_of: ct.partition_of.as_ref().map(|p| object(d, p)),
                table,
                parents,
            })
        }
        Statement::AlterTable(at) => {
            let owner_only = at
                .operations
                .iter()
                .all(|op| matches!(op, AlterTableOperation::OwnerTo { .. }));
            if owner_only {
                return None;
            }
            let partition = at.operations.iter().find_map(|op| match op {
                AlterTableOperation::AttachPartitionOf { partition, .. } => {
                    Some(object(d, partition))
                }
                _ => None,
            });
            Some(DdlKind::OnTable {
                table: object(d, &at.name),
                partition,
            })
        }
        Statement::CreateIndex(ci) => Some(DdlKind::OnTable {
            table: object(d, &ci.table_name),
            partition: None,
        }),
        Statement::CreateType { .. }
        | Statement::CreateDomain(_)
        | Statement::CreateSequence { .. }
        | Statement::CreateExtension(_) => Some(DdlKind::Prelude),
        _ => None,
    }
}

/// `ALTER SEQUENCE s OWNED BY t.c` (which the parser does not read) as a change of `t`.
fn owned_sequence(tokens: &[TokenWithSpan], d: Dialect) -> Option<DdlKind> {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| significant(t))
        .map(|t| &t.token)
        .collect();
    let is = |t: &Token, w: &str| matches!(t, Token::Word(x) if x.value.eq_ignore_ascii_case(w));
    if words.len() < 2 || !is(words[0], "ALTER") || !is(words[1], "SEQUENCE") {
        return None;
    }
    let by = words
        .windows(2)
        .position(|w| is(w[0], "OWNED") && is(w[1], "BY"))?;
    // `[schema.]table.column`: the table is the name before the last period.
    let names: Vec<String> = words[by + 2..]
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(if d == Dialect::Postgres && w.quote_style.is_none() {
                w.value.to_lowercase()
            } else {
                w.value.clone()
            }),
            _ => None,
        })
        .collect();
    (names.len() >= 2).then(|| DdlKind::OnTable {
        table: names[names.len() - 2].clone(),
        partition: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_table_statements_in_order_with_their_text() {
        let text = "SET x = 1;\nCREATE TYPE mood AS ENUM ('a', 'b');\nCREATE SEQUENCE s;\n\
            CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id), m mood);\n\
            CREATE VIEW v AS SELECT 1;\nALTER TABLE b OWNER TO postgres;\n\
            ALTER TABLE ONLY public.b ADD CONSTRAINT b_u UNIQUE (m);\n\
            ALTER SEQUENCE public.s OWNED BY public.b.id;\nCREATE INDEX b_i ON b (a_id);\n\
            CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n";
        let s = statements(text, Dialect::Postgres);
        let kinds: Vec<&DdlKind> = s.iter().map(|s| &s.kind).collect();
        let on = |t: &str| DdlKind::OnTable {
            table: t.into(),
            partition: None,
        };
        assert_eq!(
            kinds,
            [
                &DdlKind::Prelude,
                &DdlKind::Prelude,
                &DdlKind::CreateTable {
                    table: "b".into(),
                    parents: vec!["a".into()],
                    partition_of: None
                },
                &on("b"),
                &on("b"),
                &on("b"),
            ]
        );
        assert_eq!(s[0].sql, "CREATE TYPE mood AS ENUM ('a', 'b')");
        assert_eq!(
            s[3].sql,
            "ALTER TABLE ONLY public.b ADD CONSTRAINT b_u UNIQUE (m)"
        );
    }

    #[test]
    fn mysql_tables_keep_their_options_and_delimiter_blocks_are_dropped() {
        let text = "USE shop;\nCREATE TABLE `a` (id INT AUTO_INCREMENT PRIMARY KEY, \
            pw VARCHAR(40) BINARY, loc GEOMETRY NOT NULL, SPATIAL KEY k (loc)) ENGINE=InnoDB;\n\
            DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END;;\n\
            DELIMITER ;\n";
        let s = statements(text, Dialect::Mysql);
        assert_eq!(s.len(), 1);
        assert!(s[0].sql.starts_with("CREATE TABLE `a`"), "{}", s[0].sql);
        assert!(s[0].sql.ends_with("ENGINE=InnoDB"), "{}", s[0].sql);
        assert!(s[0].sql.contains("BINARY"), "{}", s[0].sql);
    }
}
