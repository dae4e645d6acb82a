//! Parsing a pattern to `regex-syntax`'s `Hir`, with the ASCII rewrites of `\d`, `\w`, `\s` and `.`.
//!
//! The rewrites happen on the AST, before translation, because afterwards a Unicode `\d` is just
//! a large class and can no longer be told apart from one the user wrote out.

use regex_syntax::ast::{
    self, Assertion, AssertionKind, Ast, ClassBracketed, ClassPerl, ClassPerlKind, ClassSet,
    ClassSetBinaryOp, ClassSetBinaryOpKind, ClassSetItem, ClassSetRange, ClassSetUnion, Flag,
    Flags, FlagsItem, FlagsItemKind, Group, GroupKind, LiteralKind, Span,
};
use regex_syntax::hir::Hir;
use regex_syntax::hir::translate::TranslatorBuilder;

use crate::error::Error;

/// Byte ranges of the ASCII sets the Perl classes and `.` stand for in generated strings.
const DIGIT: &[(u8, u8)] = &[(b'0', b'9')];
const WORD: &[(u8, u8)] = &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')];
const SPACE: &[(u8, u8)] = &[(b' ', b' ')];
const PRINTABLE: (u8, u8) = (0x20, 0x7E);

/// A [`Error::Regex`] for `pattern`.
pub(super) fn error(pattern: &str, why: impl Into<String>) -> Error {
    Error::Regex {
        pattern: pattern.into(),
        why: why.into(),
    }
}

/// Parses `pattern`, rewrites what generation reads differently from matching, and translates it.
pub(super) fn parse(pattern: &str) -> Result<Hir, Error> {
    let at = |why: &dyn std::fmt::Display, span: &Span| {
        error(pattern, format!("{why} (at byte {})", span.start.offset))
    };
    let mut ast = ast::parse::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| at(e.kind(), e.span()))?;
    rewrite(&mut ast, pattern)?;
    // `utf8` keeps `(?-u)` from introducing bytes that no `String` can hold.
    TranslatorBuilder::new()
        .utf8(true)
        .build()
        .translate(pattern, &ast)
        .map_err(|e| at(e.kind(), e.span()))
}

/// Replaces `.` and the Perl classes with ASCII classes and rejects word-boundary assertions.
fn rewrite(ast: &mut Ast, pattern: &str) -> Result<(), Error> {
    let replacement = match ast {
        Ast::Dot(span) => Some(ascii_only(**span, bracket(**span, &[PRINTABLE]))),
        Ast::ClassPerl(perl) => Some(ascii_only(perl.span, perl_class(perl))),
        Ast::ClassBracketed(class) => {
            rewrite_bracket(class, Polarity::Positive);
            None
        }
        Ast::Assertion(assertion) => {
            check_assertion(assertion, pattern)?;
            None
        }
        Ast::Repetition(rep) => {
            rewrite(&mut rep.ast, pattern)?;
            None
        }
        Ast::Group(group) => {
            rewrite(&mut group.ast, pattern)?;
            None
        }
        Ast::Alternation(alt) => {
            alt.asts.iter_mut().try_for_each(|a| rewrite(a, pattern))?;
            None
        }
        Ast::Concat(concat) => {
            concat
                .asts
                .iter_mut()
                .try_for_each(|a| rewrite(a, pattern))?;
            None
        }
        Ast::Empty(_) | Ast::Flags(_) | Ast::Literal(_) | Ast::ClassUnicode(_) => None,
    };
    if let Some(replacement) = replacement {
        *ast = replacement;
    }
    Ok(())
}

/// Line and text anchors are accepted (the whole string is the match); word boundaries are not,
/// since honouring them would need look-around at generation time.
fn check_assertion(assertion: &Assertion, pattern: &str) -> Result<(), Error> {
    match assertion.kind {
        AssertionKind::StartLine
        | AssertionKind::EndLine
        | AssertionKind::StartText
        | AssertionKind::EndText => Ok(()),
        _ => {
            let written = pattern
                .get(assertion.span.start.offset..assertion.span.end.offset)
                .unwrap_or("\\b");
            Err(error(
                pattern,
                format!("`{written}` is not supported in generated patterns"),
            ))
        }
    }
}

/// How a part of a bracketed class bears on the whole. A rewrite may shrink a `Positive` part
/// or grow a `Negative` one (under `[^..]` or right of `--`) and the class still only yields
/// matches; an `Exact` part (under `~~`) must stay as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Polarity {
    Positive,
    Negative,
    Exact,
}

impl Polarity {
    fn flip(self) -> Polarity {
        match self {
            Polarity::Positive => Polarity::Negative,
            Polarity::Negative => Polarity::Positive,
            Polarity::Exact => Polarity::Exact,
        }
    }
}

/// Rewrites the Perl classes of a bracketed class; returns whether it holds any.
fn rewrite_bracket(class: &mut ClassBracketed, polarity: Polarity) -> bool {
    let inner = if class.negated {
        polarity.flip()
    } else {
        polarity
    };
    let has_perl = rewrite_set(&mut class.kind, inner);
    if has_perl && class.negated && polarity == Polarity::Positive {
        // `[^\w]` reads like `\W`: printable ASCII minus the set, not all of Unicode minus it.
        let span = class.span;
        let negated = std::mem::replace(class, bracket(span, &[]));
        let printable = ClassSet::Item(ClassSetItem::Bracketed(Box::new(bracket(
            span,
            &[PRINTABLE],
        ))));
        let op = ClassSetBinaryOp {
            span,
            kind: ClassSetBinaryOpKind::Intersection,
            lhs: Box::new(printable),
            rhs: Box::new(ClassSet::Item(ClassSetItem::Bracketed(Box::new(negated)))),
        };
        *class = ClassBracketed {
            span,
            negated: false,
            kind: ClassSet::BinaryOp(op),
        };
    }
    has_perl
}

fn rewrite_set(set: &mut ClassSet, polarity: Polarity) -> bool {
    match set {
        ClassSet::Item(item) => rewrite_item(item, polarity),
        ClassSet::BinaryOp(op) => {
            let (lhs, rhs) = match op.kind {
                ClassSetBinaryOpKind::Intersection => (polarity, polarity),
                ClassSetBinaryOpKind::Difference => (polarity, polarity.flip()),
                ClassSetBinaryOpKind::SymmetricDifference => (Polarity::Exact, Polarity::Exact),
            };
            rewrite_set(&mut op.lhs, lhs) | rewrite_set(&mut op.rhs, rhs)
        }
    }
}

fn rewrite_item(item: &mut ClassSetItem, polarity: Polarity) -> bool {
    match item {
        ClassSetItem::Perl(perl) => {
            // Elsewhere the Unicode class stays: an ASCII one would grow what a negation yields.
            if polarity == Polarity::Positive {
                *item = ClassSetItem::Bracketed(Box::new(perl_class(perl)));
            }
            true
        }
        ClassSetItem::Bracketed(class) => rewrite_bracket(class, polarity),
        ClassSetItem::Union(union) => union
            .items
            .iter_mut()
            .fold(false, |seen, item| rewrite_item(item, polarity) | seen),
        ClassSetItem::Empty(_)
        | ClassSetItem::Literal(_)
        | ClassSetItem::Range(_)
        | ClassSetItem::Ascii(_)
        | ClassSetItem::Unicode(_) => false,
    }
}

/// The ASCII class a Perl class stands for; a negated one is printable ASCII minus the set.
fn perl_class(perl: &ClassPerl) -> ClassBracketed {
    let set = match perl.kind {
        ClassPerlKind::Digit => DIGIT,
        ClassPerlKind::Word => WORD,
        ClassPerlKind::Space => SPACE,
    };
    if perl.negated {
        bracket(perl.span, &printable_minus(set))
    } else {
        bracket(perl.span, set)
    }
}

/// Printable ASCII without the sorted, disjoint ranges of `set`.
fn printable_minus(set: &[(u8, u8)]) -> Vec<(u8, u8)> {
    let mut out = Vec::with_capacity(set.len() + 1);
    let mut next = PRINTABLE.0;
    for &(lo, hi) in set {
        if lo > next {
            out.push((next, lo - 1));
        }
        next = hi + 1;
    }
    if next <= PRINTABLE.1 {
        out.push((next, PRINTABLE.1));
    }
    out
}

/// A bracketed class of byte ranges, every node spanning the text it replaces.
fn bracket(span: Span, ranges: &[(u8, u8)]) -> ClassBracketed {
    let literal = |b: u8| ast::Literal {
        span,
        kind: LiteralKind::Verbatim,
        c: char::from(b),
    };
    let items = ranges
        .iter()
        .map(|&(lo, hi)| {
            ClassSetItem::Range(ClassSetRange {
                span,
                start: literal(lo),
                end: literal(hi),
            })
        })
        .collect();
    ClassBracketed {
        span,
        negated: false,
        kind: ClassSet::union(ClassSetUnion { span, items }),
    }
}

/// `(?-i:class)`: under `(?i)` a Unicode fold would add the Kelvin sign to `k` and `ſ` to `s`,
/// which the ASCII reading of `.` and `\w` rules out.
fn ascii_only(span: Span, class: ClassBracketed) -> Ast {
    let item = |kind| FlagsItem { span, kind };
    let flags = Flags {
        span,
        items: vec![
            item(FlagsItemKind::Negation),
            item(FlagsItemKind::Flag(Flag::CaseInsensitive)),
        ],
    };
    Ast::group(Group {
        span,
        kind: GroupKind::NonCapturing(flags),
        ast: Box::new(Ast::class_bracketed(class)),
    })
}
