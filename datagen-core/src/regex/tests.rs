//! Tests of regex generation, with the `regex` crate as an independent judge of matches.

use std::collections::BTreeSet;

use super::Regex;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::generator::Generator;

/// Patterns covering each construct; every draw must match the pattern as `regex` reads it.
const PATTERNS: &[&str] = &[
    "[A-Z]{2}-[0-9]{6}",
    r"[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,15}\.(com|org|net|io)",
    r"\w+(\.\w+)*@\w+\.[a-z]{2,4}",
    "ORD-[0-9]{8}",
    r"(foo|bar|baz)-\d{3}",
    "a|bc?",
    "(?i)abc",
    "(?i)hello [a-z]+ (?-i:World)",
    r"\p{Greek}{3}",
    r"\p{Lu}\p{Ll}*",
    "[a-z&&[^aeiou]]{5}",
    r"\(\d{3}\) \d{3}-\d{4}",
    r"\x41\u{263A}\t\n\.\*\[\]\\\{",
    "[[:alpha:]][[:digit:]]{2}",
    r"^\A[0-9a-f]{8}-[0-9a-f]{4}\z$",
    "(?m)^line$",
    ".{5,10}",
    r"\D\W\S\s",
    r"[\d_-]{4}[^\w]",
    "(?x) [a-c] {2} x",
    "(?:ab|cd)*e+f?g{0,3}",
    "[^a-z]{3}",
    r"[\u{1F600}-\u{1F64F}]{2}",
    r"(?-u:[a-z]\w)(?i-u:x)",
    r"[\x{D700}-\x{E0FF}]",
    "(a(b(c|d)){2})+",
    "",
];

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_draw_matches() {
    let mut ctx = Ctx::seeded(1);
    let mut out = String::new();
    for pattern in PATTERNS {
        let generator = regex(pattern);
        let judge = regex::Regex::new(&format!("^(?:{pattern})$")).expect("a valid test pattern");
        for _ in 0..1000 {
            out.clear();
            generator.write(&mut ctx, &mut out);
            assert!(judge.is_match(&out), "`{pattern}` generated {out:?}");
        }
    }
}

#[test]
fn class_draws_are_uniform() {
    let generator = regex("[A-Z]");
    let mut ctx = Ctx::seeded(2);
    let mut counts = [0u32; 26];
    for _ in 0..26_000 {
        let s = generator.generate(&mut ctx);
        counts[usize::from(s.as_bytes()[0] - b'A')] += 1;
    }
    // 1,000 expected per letter, standard deviation about 31: five deviations either side.
    assert!(
        counts.iter().all(|c| (845..=1155).contains(c)),
        "{counts:?}"
    );
}

#[test]
fn perl_classes_and_dot_are_ascii() {
    let mut ctx = Ctx::seeded(3);
    let all = |pattern: &str, ctx: &mut Ctx, ok: fn(char) -> bool| {
        let generator = regex(pattern);
        (0..2000).all(|_| generator.generate(ctx).chars().all(ok))
    };
    assert!(all(r"\d", &mut ctx, |c| c.is_ascii_digit()));
    assert!(all(r"(?i)\w", &mut ctx, |c| c.is_ascii_alphanumeric()
        || c == '_'));
    assert!(all(r"[\w]", &mut ctx, |c| c.is_ascii_alphanumeric() || c == '_'));
    assert!(all(r"\s", &mut ctx, |c| c == ' '));
    assert!(all(r"(?is).", &mut ctx, |c| (' '..='~').contains(&c)));
    assert!(all(r"\D", &mut ctx, |c| (' '..='~').contains(&c)
        && !c.is_ascii_digit()));
    assert!(all(r"\S", &mut ctx, |c| ('!'..='~').contains(&c)));
    assert!(all(r"[^\w]", &mut ctx, |c| (' '..='~').contains(&c)
        && !c.is_ascii_alphanumeric()
        && c != '_'));
    assert!(all(r"[^\D]", &mut ctx, |c| c.is_ascii_digit()));
    // `.` covers all of printable ASCII.
    let dot = regex(".");
    let seen: BTreeSet<String> = (0..5000).map(|_| dot.generate(&mut ctx)).collect();
    assert_eq!(seen.len(), 95);
}

#[test]
fn anchors_are_ignored_and_unbounded_repetition_is_capped() {
    let mut ctx = Ctx::seeded(4);
    assert_eq!(regex(r"^\Aabc\z$").generate(&mut ctx), "abc");
    let lengths: BTreeSet<usize> = (0..2000)
        .map(|_| regex("a+").generate(&mut ctx).len())
        .collect();
    assert_eq!(lengths, (1..=9).collect());
    let lengths: BTreeSet<usize> = (0..2000)
        .map(|_| regex("a{3,}").generate(&mut ctx).len())
        .collect();
    assert_eq!(lengths, (3..=11).collect());
}

#[test]
fn counts() {
    assert_eq!(
        regex("[A-Z]{2}-[0-9]{6}").count(),
        Some(26 * 26 * 1_000_000)
    );
    assert_eq!(regex("a|bc?").count(), Some(3));
    assert_eq!(regex("[ab]{1,3}").count(), Some(14));
    assert_eq!(regex("(?i)abc").count(), Some(8));
    assert_eq!(regex("a{2,5}").count(), Some(4));
    assert_eq!(regex("^$").count(), Some(1));
    assert_eq!(regex("[^a]").count(), Some(0x11_0000 - 0x800 - 1));
    assert_eq!(regex("a*").count(), None);
    assert_eq!(regex("x[0-9]+").count(), None);
    assert_eq!(regex("[a-z]{100}").count(), None);
    assert_eq!(regex("[a-z]{27}").count(), Some(26u128.pow(27)));
}

#[test]
fn nth_is_a_bijection() {
    for (pattern, expected) in [
        ("[ab]{1,3}", 14),
        ("a|bc?", 3),
        ("(?i)ab|x[0-2]{0,2}", 30),
        ("(x|y[0-1]){2}", 9),
    ] {
        let generator = regex(pattern);
        assert_eq!(generator.count(), Some(expected), "{pattern}");
        let judge = regex::Regex::new(&format!("^(?:{pattern})$")).expect("a valid test pattern");
        let mut seen = BTreeSet::new();
        for index in 0..expected {
            let mut out = String::new();
            generator.nth(index, &mut out);
            assert!(judge.is_match(&out), "`{pattern}` nth({index}) = {out:?}");
            assert!(
                seen.insert(out.clone()),
                "`{pattern}` nth({index}) = {out:?} repeats"
            );
        }
    }
    let mut out = String::new();
    regex("[ab]{1,3}").nth(13, &mut out);
    assert_eq!(out, "bbb");
    let code = regex("[A-Z]{2}-[0-9]{6}");
    out.clear();
    code.nth(26 * 26 * 1_000_000 - 1, &mut out);
    assert_eq!(out, "ZZ-999999");
    out.clear();
    code.nth(1_000_001, &mut out);
    assert_eq!(out, "AB-000001");
}

#[test]
fn nth_past_u128_counts_is_injective() {
    // Bounded patterns whose count overflows `u128` still index their first strings.
    for pattern in [
        "[0-9a-f]{32}",
        "[a-z]{100}",
        "[ab]{0,200}",
        "([a-z]{30}|x)-[0-9]",
        "x|[a-z]{30}",
        "([0-9a-f]{32}){2}",
    ] {
        let generator = regex(pattern);
        assert_eq!(generator.count(), None, "{pattern}");
        let judge = regex::Regex::new(&format!("^(?:{pattern})$")).expect("a valid test pattern");
        let mut seen = BTreeSet::new();
        for index in (0..300).chain([u128::MAX - 1, u128::MAX]) {
            let mut out = String::new();
            generator.nth(index, &mut out);
            assert!(judge.is_match(&out), "`{pattern}` nth({index}) = {out:?}");
            assert!(
                seen.insert(out.clone()),
                "`{pattern}` nth({index}) = {out:?} repeats"
            );
        }
    }
    let mut out = String::new();
    regex("[ab]{0,200}").nth(3, &mut out);
    assert_eq!(out, "aa", "the same order as a finite repetition");
}

#[test]
#[should_panic(expected = "unboundedly")]
fn nth_of_an_unbounded_pattern_panics() {
    regex("a+").nth(0, &mut String::new());
}

#[test]
#[should_panic(expected = "out of range")]
fn nth_past_the_count_panics() {
    regex("[ab]").nth(2, &mut String::new());
}

#[test]
fn unsupported_patterns_explain_why() {
    let why = |pattern: &str| match Regex::new(pattern) {
        Err(Error::Regex { pattern: p, why }) => {
            assert_eq!(p, pattern);
            why
        }
        other => panic!("`{pattern}` gave {other:?}"),
    };
    assert_eq!(
        why(r"\bfoo"),
        r"`\b` is not supported in generated patterns"
    );
    assert_eq!(
        why(r"foo\B"),
        r"`\B` is not supported in generated patterns"
    );
    assert_eq!(
        why(r"\<x\>"),
        r"`\<` is not supported in generated patterns"
    );
    assert!(why("(?=a)").contains("look-around"), "{}", why("(?=a)"));
    assert!(
        why(r"(a)\1").contains("backreferences"),
        "{}",
        why(r"(a)\1")
    );
    assert!(why("a(").contains("unclosed group"), "{}", why("a("));
    assert!(
        why("[z-a]").contains("start must be <= the end"),
        "{}",
        why("[z-a]")
    );
    assert!(why(r"[^\x00-\x{10FFFF}]").contains("matches no character"));
    assert!(why(r"[a&&b]x").contains("matches no character"));
    assert!(
        why(r"(?-u:\xFF)").contains("UTF-8"),
        "{}",
        why(r"(?-u:\xFF)")
    );
    let message = Regex::new(r"\b").expect_err("unsupported").to_string();
    assert_eq!(
        message,
        r"invalid regex `\b`: `\b` is not supported in generated patterns"
    );
}

#[test]
fn value_stability() {
    let code = regex("[A-Z]{2}-[0-9]{6}");
    let mut ctx = Ctx::seeded(42);
    let drawn: Vec<String> = code.iter(&mut ctx).take(3).collect();
    assert_eq!(drawn, ["ME-405929", "IP-755721", "VB-993819"]);
}

#[test]
fn regex_is_shareable() {
    fn assert_traits<T: Clone + std::fmt::Debug + Send + Sync>() {}
    assert_traits::<Regex>();
    let generator = regex("x");
    assert_eq!(generator.pattern(), "x");
    let boxed: Box<dyn Generator<String>> = Box::new(generator);
    assert_eq!(boxed.generate(&mut Ctx::seeded(5)), "x");
}
