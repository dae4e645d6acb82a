//! Splitting a DDL file into parsed statements: client commands blanked out, the rest
//! tokenized by the dialect, cut at top-level semicolons and parsed one statement at a time,
//! so a statement the parser does not know (a trigger body, `ALTER DOMAIN ... OWNER`) is
//! skipped instead of failing the file.

use datagen_engine::Diagnostic;
use datagen_engine::ir::Span;
use sqlparser::ast::Statement;
use sqlparser::dialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

use super::Dialect;

/// A parsed statement and where it starts.
pub(crate) struct Parsed {
    /// The statement.
    pub statement: Statement,
    /// Its first token's line and column.
    pub span: Span,
}

/// The sqlparser dialect of `d`.
pub(crate) fn parser_dialect(d: Dialect) -> Box<dyn dialect::Dialect> {
    match d {
        Dialect::Postgres => Box::new(dialect::PostgreSqlDialect {}),
        Dialect::Mysql => Box::new(dialect::MySqlDialect {}),
        Dialect::Sqlite => Box::new(dialect::SQLiteDialect {}),
    }
}

/// Client-side commands blanked with spaces (lines and columns stay where they were): psql
/// meta-commands (`\c db`) and MySQL `DELIMITER` blocks (stored programs, which carry no data
/// shape).
pub(crate) fn blank_client_commands(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let upper = t.get(..9).map(str::to_ascii_uppercase);
        let blank = if upper.as_deref() == Some("DELIMITER") {
            in_block = t[9..].trim() != ";";
            true
        } else {
            in_block || t.starts_with('\\')
        };
        if blank {
            out.extend(
                line.chars()
                    .map(|c| if c == '\n' || c == '\r' { c } else { ' ' }),
            );
        } else {
            out.push_str(line);
        }
    }
    out
}

pub(crate) fn span_of(t: &TokenWithSpan) -> Span {
    let n = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
    Span::at(n(t.span.start.line), n(t.span.start.column))
}

pub(crate) fn significant(t: &TokenWithSpan) -> bool {
    !matches!(t.token, Token::Whitespace(_) | Token::EOF)
}

/// The leading keywords of a statement, upper-cased, for deciding what a statement is.
fn words(tokens: &[TokenWithSpan], n: usize) -> Vec<String> {
    tokens
        .iter()
        .filter(|t| significant(t))
        .take(n)
        .map(|t| match &t.token {
            Token::Word(w) => w.value.to_ascii_uppercase(),
            other => other.to_string(),
        })
        .collect()
}

/// Whether a statement of these leading words shapes data, so failing to parse it is an error.
fn shapes_data(words: &[String]) -> bool {
    let w: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !matches!(
                *w,
                "OR" | "REPLACE" | "TEMPORARY" | "TEMP" | "UNLOGGED" | "GLOBAL" | "LOCAL"
            )
        })
        .collect();
    matches!(
        w.as_slice(),
        ["CREATE", "TABLE", ..]
            | ["CREATE", "DOMAIN", ..]
            | ["CREATE", "UNIQUE", ..]
            | ["CREATE", "TYPE", _, "AS", "ENUM", ..]
    ) || (matches!(w.as_slice(), ["ALTER", "TABLE", ..])
        && words.iter().any(|x| {
            matches!(
                x.as_str(),
                "CONSTRAINT" | "PRIMARY" | "FOREIGN" | "UNIQUE" | "CHECK" | "COLUMN" | "ATTACH"
            )
        }))
}

/// MySQL's `BINARY` column attribute (`VARCHAR(40) BINARY`, a binary collation) is not in the
/// parser's grammar and does not change what values fit: drop it after a type's `)`.
fn drop_binary_attribute(tokens: &mut Vec<TokenWithSpan>) {
    let mut prev_close = false;
    tokens.retain(|t| {
        if !significant(t) {
            return true;
        }
        let binary = matches!(&t.token, Token::Word(w) if w.keyword == Keyword::BINARY);
        let keep = !(binary && prev_close);
        prev_close = t.token == Token::RParen;
        keep
    });
}

/// A parse error at the place the parser stopped (its message ends `at Line: L, Column: C`),
/// else at the statement's start.
fn parse_error(message: &str, start: Span, shown: &str, d: Dialect) -> Diagnostic {
    let message = message
        .strip_prefix("sql parser error: ")
        .unwrap_or(message);
    let (text, span) = match message.rsplit_once(" at Line: ") {
        Some((text, place)) => {
            let mut nums = place
                .split(", Column: ")
                .map(|n| n.trim().parse::<u32>().ok());
            match (nums.next().flatten(), nums.next().flatten()) {
                (Some(line), Some(column)) => (text, Span::at(line, column)),
                _ => (message, start),
            }
        }
        None => (message, start),
    };
    Diagnostic::new(span, format!("cannot parse the `{shown} ...` statement: {text}")).with_help(format!(
        "the file is read as {d} SQL; give `--sql-dialect` if it is another dialect, or simplify the statement"
    ))
}

/// A generated column `VIRTUAL` (PostgreSQL 18) is read as `STORED`, which the parser knows:
/// either way the database computes it and datagen leaves it out.
fn virtual_as_stored(tokens: &mut [TokenWithSpan]) {
    let mut prev_close = false;
    for t in tokens.iter_mut() {
        if !significant(t) {
            continue;
        }
        let is_virtual =
            matches!(&t.token, Token::Word(w) if w.value.eq_ignore_ascii_case("VIRTUAL"));
        if is_virtual && prev_close {
            t.token = Token::make_keyword("STORED");
        }
        prev_close = t.token == Token::RParen;
    }
}

/// The table a `CREATE TABLE` statement creates (the last part of its name).
fn created_table(tokens: &[TokenWithSpan]) -> Option<String> {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| significant(t))
        .map(|t| &t.token)
        .collect();
    let at = words
        .iter()
        .position(|t| matches!(t, Token::Word(w) if w.keyword == Keyword::TABLE))?;
    let mut name = None;
    for t in &words[at + 1..] {
        match t {
            Token::Word(w)
                if matches!(w.keyword, Keyword::IF | Keyword::NOT | Keyword::EXISTS)
                    && w.quote_style.is_none() => {}
            Token::Word(w) => name = Some(w.value.clone()),
            Token::Period => {}
            _ => break,
        }
    }
    name
}

/// The statements of `text` in dialect `d` as token groups, client commands blanked and cut at
/// top-level semicolons (the semicolons dropped); groups with nothing but white space and
/// comments are left out.
pub(crate) fn groups(
    text: &str,
    d: Dialect,
) -> Result<Vec<Vec<TokenWithSpan>>, sqlparser::tokenizer::TokenizerError> {
    let dialect = parser_dialect(d);
    let text = blank_client_commands(text);
    let tokens = Tokenizer::new(&*dialect, &text).tokenize_with_location()?;
    let mut out = Vec::new();
    let mut current: Vec<TokenWithSpan> = Vec::new();
    for token in tokens
        .into_iter()
        .chain(std::iter::once(TokenWithSpan::wrap(Token::SemiColon)))
    {
        if token.token != Token::SemiColon {
            current.push(token);
        } else if current.iter().any(significant) {
            out.push(std::mem::take(&mut current));
        } else {
            current.clear();
        }
    }
    Ok(out)
}

/// Every CREATE and ALTER statement of `text`, parsed; problems with data-shaping statements
/// go to `diags`.
/// The names of tables whose `CREATE TABLE` fails to parse go to `broken`.
pub(crate) fn statements(
    text: &str,
    d: Dialect,
    broken: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Parsed> {
    let dialect = parser_dialect(d);
    let groups = match groups(text, d) {
        Ok(groups) => groups,
        Err(e) => {
            let n = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
            diags.push(
                Diagnostic::new(
                    Span::at(n(e.location.line), n(e.location.column)),
                    format!("cannot read the SQL: {}", e.message),
                )
                .with_help(format!(
                    "check the quoting; the file is read as {d} SQL (`--sql-dialect` to change)"
                )),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for mut group in groups {
        let Some(first) = group.iter().find(|t| significant(t)) else {
            continue;
        };
        let span = span_of(first);
        let lead = words(&group, 6);
        let first = lead.first().map(String::as_str);
        let shapes = shapes_data(&lead);
        // Only CREATE and ALTER statements feed the model: the rest (a dump's INSERTs) are
        // not parsed at all.
        if !shapes && !matches!(first, Some("CREATE" | "ALTER")) {
            continue;
        }
        let shown = shapes.then(|| {
            group
                .iter()
                .filter(|t| significant(t))
                .take(3)
                .map(|t| t.token.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        });
        if first == Some("CREATE") {
            if d == Dialect::Mysql {
                drop_binary_attribute(&mut group);
            }
            virtual_as_stored(&mut group);
        }
        let created = if shapes { created_table(&group) } else { None };
        group.push(TokenWithSpan::wrap(Token::EOF));
        let parsed = Parser::new(&*dialect)
            .with_tokens_with_locations(group)
            .parse_statement();
        match (parsed, shown) {
            (Ok(statement), _) => out.push(Parsed { statement, span }),
            (Err(e), Some(shown)) => {
                broken.extend(created);
                diags.push(parse_error(&e.to_string(), span, &shown, d));
            }
            (Err(_), None) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_client_commands_keeping_positions() {
        let text =
            "\\c chinook\nCREATE TABLE a (x INT);\nDELIMITER ;;\nCREATE TRIGGER t;;\nDELIMITER ;\n";
        let out = blank_client_commands(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.lines().nth(1), Some("CREATE TABLE a (x INT);"));
        assert!(!out.contains("TRIGGER"));
        assert!(!out.contains('\\'));
    }

    #[test]
    fn skips_statements_without_data_shape() {
        let mut diags = Vec::new();
        let text = "ALTER DOMAIN d OWNER TO postgres;\nCREATE TABLE a (x INT);\n";
        let s = statements(text, Dialect::Postgres, &mut Vec::new(), &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].span, Span::at(2, 1));
    }

    #[test]
    fn reports_a_broken_table_at_its_line() {
        let mut diags = Vec::new();
        let mut broken = Vec::new();
        statements(
            "\n\nCREATE TABLE a (x INT,, y INT);",
            Dialect::Postgres,
            &mut broken,
            &mut diags,
        );
        assert_eq!(broken, ["a"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].span, Span::at(3, 23), "where the parser stopped");
        assert!(
            diags[0]
                .message
                .starts_with("cannot parse the `CREATE TABLE a ...` statement"),
            "{}",
            diags[0].message
        );
    }
}
