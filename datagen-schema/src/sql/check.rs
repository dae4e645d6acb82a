//! CHECK constraints as rules on columns: bounds from comparisons and BETWEEN, value lists
//! from IN, patterns from LIKE and regex matches, lengths, IS [NOT] NULL, and comparisons
//! between two columns of a row. Anything else is an error naming the constraint.

use std::collections::HashMap;

use sqlparser::ast::{
    BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, InTarget, UnaryOperator,
    Value,
};

/// A literal of a CHECK constraint: a number (as written) or a string.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Lit {
    Num(String),
    Str(String),
}

/// What CHECK constraints say about one column.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Rule {
    /// The smallest value and whether it is excluded.
    pub lo: Option<(Lit, bool)>,
    /// The largest value and whether it is excluded.
    pub hi: Option<(Lit, bool)>,
    /// The only values allowed.
    pub one_of: Option<Vec<Lit>>,
    /// A regex every value matches in full.
    pub regex: Option<String>,
    /// Character length bounds.
    pub min_len: Option<u32>,
    pub max_len: Option<u32>,
    /// `IS NOT NULL`.
    pub not_null: bool,
    /// `this >= other` (or `>` when the flag is set).
    pub after: Option<(String, bool)>,
}

/// The column an expression names: an identifier, the last part of a qualified name, or
/// `VALUE` in a domain.
fn column(e: &Expr, name: &dyn Fn(&sqlparser::ast::Ident) -> String) -> Option<String> {
    match e {
        Expr::Identifier(i) => Some(name(i)),
        Expr::CompoundIdentifier(parts) => parts.last().map(name),
        Expr::Nested(inner) => column(inner, name),
        Expr::Cast { expr, .. } => column(expr, name),
        _ => None,
    }
}

/// The literal an expression is (through casts, parentheses and a minus sign).
pub(crate) fn literal(e: &Expr) -> Option<Lit> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => Some(Lit::Num(n.to_string())),
            Value::SingleQuotedString(s)
            | Value::EscapedStringLiteral(s)
            | Value::DoubleQuotedString(s) => Some(Lit::Str(s.clone())),
            Value::Boolean(b) => Some(Lit::Num(u8::from(*b).to_string())),
            _ => None,
        },
        Expr::Nested(inner) => literal(inner),
        Expr::Cast { expr, .. } => literal(expr),
        Expr::TypedString(t) => match &t.value.value {
            Value::SingleQuotedString(s) => Some(Lit::Str(s.clone())),
            _ => None,
        },
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => match literal(expr)? {
            Lit::Num(n) => Some(Lit::Num(format!("-{n}"))),
            Lit::Str(_) => None,
        },
        _ => None,
    }
}

/// `length(col)`, `char_length(col)`: the column, named as [`column`] names it (so a quoted
/// identifier keeps its case).
fn length_of(e: &Expr, name: &dyn Fn(&sqlparser::ast::Ident) -> String) -> Option<String> {
    let Expr::Function(f) = e else { return None };
    let fname = f.name.to_string().to_ascii_lowercase();
    if !matches!(
        fname.as_str(),
        "length" | "char_length" | "character_length" | "len"
    ) {
        return None;
    }
    let FunctionArguments::List(list) = &f.args else {
        return None;
    };
    match list.args.as_slice() {
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(arg))] => column(arg, name),
        _ => None,
    }
}

/// A LIKE pattern as a regex: `%` any short run of letters and digits, `_` one of them.
pub(crate) fn like_regex(pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '%' => out.push_str("[a-z0-9]{0,8}"),
            '_' => out.push_str("[a-z0-9]"),
            '\\' => {
                if let Some(n) = chars.next() {
                    push_escaped(&mut out, n);
                }
            }
            c => push_escaped(&mut out, c),
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// A regex match (`~`, `REGEXP`) as a full-match regex: anchors dropped, since a generated
/// full match also contains the pattern.
fn regex_of(pattern: &str) -> String {
    let p = pattern.strip_prefix('^').unwrap_or(pattern);
    let p = if p.ends_with('$') && !p.ends_with("\\$") {
        &p[..p.len() - 1]
    } else {
        p
    };
    p.to_string()
}

type Rules = HashMap<String, Rule>;

/// Adds what `e` says to `rules`; `Err` describes the part that cannot be honoured.
pub(crate) fn apply(
    e: &Expr,
    name: &dyn Fn(&sqlparser::ast::Ident) -> String,
    rules: &mut Rules,
) -> Result<(), String> {
    let unsupported = || {
        Err(format!(
            "`{e}` is not a form datagen can satisfy by construction"
        ))
    };
    match e {
        Expr::Nested(inner) => apply(inner, name, rules),
        Expr::BinaryOp {
            left,
            op: BinaryOperator::And,
            right,
        } => {
            apply(left, name, rules)?;
            apply(right, name, rules)
        }
        Expr::BinaryOp {
            left,
            op: BinaryOperator::Or,
            right,
        } => {
            // `x IS NULL OR <rule>`: nulls pass, other values follow the rule.
            for (a, b) in [(left, right), (right, left)] {
                if let Expr::IsNull(x) = a.as_ref()
                    && column(x, name).is_some()
                {
                    return apply(b, name, rules);
                }
            }
            // `x = 'a' OR x = 'b'`: a value list.
            let mut values = Vec::new();
            let mut col = None;
            if equalities(e, name, &mut col, &mut values)
                && let Some(c) = col
            {
                rules.entry(c).or_default().one_of = Some(values);
                return Ok(());
            }
            unsupported()
        }
        Expr::BinaryOp { left, op, right } => {
            let flipped = |op: &BinaryOperator| match op {
                BinaryOperator::Gt => BinaryOperator::Lt,
                BinaryOperator::GtEq => BinaryOperator::LtEq,
                BinaryOperator::Lt => BinaryOperator::Gt,
                BinaryOperator::LtEq => BinaryOperator::GtEq,
                other => other.clone(),
            };
            if *op == BinaryOperator::PGRegexMatch
                && let (Some(c), Some(Lit::Str(p))) = (column(left, name), literal(right))
            {
                rules.entry(c).or_default().regex = Some(regex_of(&p));
                return Ok(());
            }
            if let (Some(c), Some(v)) = (length_of(left, name), literal(right)) {
                return length(rules.entry(c).or_default(), op, &v)
                    .map_or_else(unsupported, |()| Ok(()));
            }
            if let (Some(v), Some(c)) = (literal(left), length_of(right, name)) {
                return length(rules.entry(c).or_default(), &flipped(op), &v)
                    .map_or_else(unsupported, |()| Ok(()));
            }
            match (
                column(left, name),
                column(right, name),
                literal(left),
                literal(right),
            ) {
                (Some(c), _, _, Some(v)) => compare(rules.entry(c).or_default(), op, v)
                    .map_or_else(unsupported, |()| Ok(())),
                (_, Some(c), Some(v), _) => compare(rules.entry(c).or_default(), &flipped(op), v)
                    .map_or_else(unsupported, |()| Ok(())),
                (Some(a), Some(b), _, _) => {
                    let (later, earlier, strict) = match op {
                        BinaryOperator::GtEq => (a, b, false),
                        BinaryOperator::Gt => (a, b, true),
                        BinaryOperator::LtEq => (b, a, false),
                        BinaryOperator::Lt => (b, a, true),
                        _ => return unsupported(),
                    };
                    rules.entry(later).or_default().after = Some((earlier, strict));
                    Ok(())
                }
                _ => unsupported(),
            }
        }
        Expr::Between {
            expr,
            negated: false,
            low,
            high,
        } => match (column(expr, name), literal(low), literal(high)) {
            (Some(c), Some(lo), Some(hi)) => {
                let r = rules.entry(c).or_default();
                r.lo = Some((lo, false));
                r.hi = Some((hi, false));
                Ok(())
            }
            _ => unsupported(),
        },
        Expr::In {
            expr,
            target: InTarget::List(list),
            negated: false,
            ..
        } => {
            let values: Option<Vec<Lit>> = list.iter().map(literal).collect();
            match (column(expr, name), values) {
                (Some(c), Some(v)) if !v.is_empty() => {
                    rules.entry(c).or_default().one_of = Some(v);
                    Ok(())
                }
                _ => unsupported(),
            }
        }
        Expr::Like {
            negated: false,
            any: false,
            expr,
            pattern,
            ..
        }
        | Expr::ILike {
            negated: false,
            any: false,
            expr,
            pattern,
            ..
        } => match (column(expr, name), literal(pattern)) {
            (Some(c), Some(Lit::Str(p))) => {
                rules.entry(c).or_default().regex = Some(like_regex(&p));
                Ok(())
            }
            _ => unsupported(),
        },
        Expr::RLike {
            negated: false,
            expr,
            pattern,
            ..
        } => match (column(expr, name), literal(pattern)) {
            (Some(c), Some(Lit::Str(p))) => {
                rules.entry(c).or_default().regex = Some(regex_of(&p));
                Ok(())
            }
            _ => unsupported(),
        },
        Expr::IsNotNull(x) => match column(x, name) {
            Some(c) => {
                rules.entry(c).or_default().not_null = true;
                Ok(())
            }
            None => unsupported(),
        },
        _ => unsupported(),
    }
}

/// Collects `x = a OR x = b OR ...` into one column and its values.
fn equalities(
    e: &Expr,
    name: &dyn Fn(&sqlparser::ast::Ident) -> String,
    col: &mut Option<String>,
    values: &mut Vec<Lit>,
) -> bool {
    match e {
        Expr::Nested(inner) => equalities(inner, name, col, values),
        Expr::BinaryOp {
            left,
            op: BinaryOperator::Or,
            right,
        } => equalities(left, name, col, values) && equalities(right, name, col, values),
        Expr::BinaryOp {
            left,
            op: BinaryOperator::Eq,
            right,
        } => match (column(left, name), literal(right)) {
            (Some(c), Some(v)) if col.as_ref().is_none_or(|x| *x == c) => {
                *col = Some(c);
                values.push(v);
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// Narrows `r` by `column op value`.
fn compare(r: &mut Rule, op: &BinaryOperator, v: Lit) -> Option<()> {
    match op {
        BinaryOperator::Gt => r.lo = Some((v, true)),
        BinaryOperator::GtEq => r.lo = Some((v, false)),
        BinaryOperator::Lt => r.hi = Some((v, true)),
        BinaryOperator::LtEq => r.hi = Some((v, false)),
        BinaryOperator::Eq => r.one_of = Some(vec![v]),
        // `<> ''`: not empty, which every text generator already is.
        BinaryOperator::NotEq if v == Lit::Str(String::new()) => {
            r.min_len = Some(r.min_len.unwrap_or(0).max(1));
        }
        _ => return None,
    }
    Some(())
}

/// Narrows `r`'s length by `length(column) op value`.
fn length(r: &mut Rule, op: &BinaryOperator, v: &Lit) -> Option<()> {
    let Lit::Num(n) = v else { return None };
    let n: u32 = n.parse().ok()?;
    match op {
        BinaryOperator::Gt => r.min_len = Some(n + 1),
        BinaryOperator::GtEq => r.min_len = Some(n),
        BinaryOperator::Lt => r.max_len = Some(n.checked_sub(1)?),
        BinaryOperator::LtEq => r.max_len = Some(n),
        BinaryOperator::Eq => {
            r.min_len = Some(n);
            r.max_len = Some(n);
        }
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;

    fn rules(check: &str) -> Result<Rules, String> {
        let e = Parser::new(&PostgreSqlDialect {})
            .try_with_sql(check)
            .unwrap()
            .parse_expr()
            .unwrap();
        let mut r = Rules::new();
        apply(&e, &|i| i.value.to_lowercase(), &mut r).map(|()| r)
    }

    #[test]
    fn comparisons_and_between_give_bounds() {
        let r = rules("((VALUE >= 1901) AND (VALUE <= 2155))").unwrap();
        assert_eq!(r["value"].lo, Some((Lit::Num("1901".into()), false)));
        assert_eq!(r["value"].hi, Some((Lit::Num("2155".into()), false)));
        let r = rules("0 < salary").unwrap();
        assert_eq!(r["salary"].lo, Some((Lit::Num("0".into()), true)));
        let r = rules("score BETWEEN 1 AND 5").unwrap();
        assert_eq!(r["score"].hi, Some((Lit::Num("5".into()), false)));
    }

    #[test]
    fn lists_patterns_and_lengths() {
        let r = rules("status IN ('open', 'closed')").unwrap();
        assert_eq!(r["status"].one_of.as_ref().map(Vec::len), Some(2));
        let r = rules("kind = 'a' OR kind = 'b'").unwrap();
        assert_eq!(r["kind"].one_of.as_ref().map(Vec::len), Some(2));
        let r = rules("code LIKE 'AB_%'").unwrap();
        assert_eq!(r["code"].regex.as_deref(), Some("AB[a-z0-9][a-z0-9]{0,8}"));
        let r = rules("code ~ '^[A-Z]{3}$'").unwrap();
        assert_eq!(r["code"].regex.as_deref(), Some("[A-Z]{3}"));
        let r = rules("char_length(code) >= 3").unwrap();
        assert_eq!(r["code"].min_len, Some(3));
        let r = rules("name <> ''").unwrap();
        assert_eq!(r["name"].min_len, Some(1));
        assert!(
            rules("qty <> 0").is_err(),
            "excluding one number is not supported"
        );
    }

    #[test]
    fn columns_compared_and_null_disjunctions() {
        let r = rules("end_date >= start_date").unwrap();
        assert_eq!(r["end_date"].after, Some(("start_date".into(), false)));
        let r = rules("paid_at IS NULL OR paid_at > issued_at").unwrap();
        assert_eq!(r["paid_at"].after, Some(("issued_at".into(), true)));
    }

    #[test]
    fn quoted_columns_in_lengths_keep_their_case() {
        let e = Parser::new(&PostgreSqlDialect {})
            .try_with_sql(r#"length("Code") = 3 AND char_length(Name) >= 2"#)
            .unwrap()
            .parse_expr()
            .unwrap();
        let mut r = Rules::new();
        // As PostgreSQL stores names: quoted ones as written, others folded.
        let pg = |i: &sqlparser::ast::Ident| {
            if i.quote_style.is_some() {
                i.value.clone()
            } else {
                i.value.to_lowercase()
            }
        };
        apply(&e, &pg, &mut r).unwrap();
        assert_eq!(r["Code"].max_len, Some(3), "{r:?}");
        assert!(!r.contains_key("code"), "{r:?}");
        assert_eq!(r["name"].min_len, Some(2));
        assert!(
            rules("length(a || b) > 2").is_err(),
            "an expression is no column"
        );
    }

    #[test]
    fn other_forms_are_errors() {
        let e = rules("lower(name) <> name").unwrap_err();
        assert!(e.contains("lower(name)"), "{e}");
        assert!(rules("a + b > 3").is_err());
    }
}
