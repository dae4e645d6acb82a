//! Run-pass tests of the value-source attributes, one test per attribute.

use std::collections::HashSet;

use datagen::prelude::*;

fn rows<T: Generate>(seed: u64, n: usize) -> Vec<T> {
    let mut ctx = Ctx::seeded(seed);
    (0..n).map(|_| T::generate(&mut ctx)).collect()
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    sum / n as f64
}

#[test]
fn attr_key() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(key)]
        a: u64,
        #[datagen(key)]
        b: i16,
        #[datagen(key)]
        c: usize,
    }
    for (i, row) in rows::<Row>(1, 100).iter().enumerate() {
        assert_eq!((row.a, row.b, row.c), (i as u64 + 1, i as i16 + 1, i + 1));
    }
    assert_eq!(Row::generate_at(&Ctx::seeded(1), 41).a, 42);
}

#[test]
fn attr_provider() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(provider = "person.first_name")]
        owned: String,
        #[datagen(provider = "person.last_name")]
        borrowed: &'static str,
        #[datagen(provider = "address.city")]
        city: String,
    }
    let rows = rows::<Row>(2, 500);
    assert!(
        rows.iter()
            .all(|r| !r.owned.is_empty() && !r.borrowed.is_empty() && !r.city.is_empty())
    );
    assert!(
        rows.iter()
            .map(|r| r.owned.as_str())
            .collect::<HashSet<_>>()
            .len()
            > 50
    );
    assert!(
        rows.iter()
            .map(|r| r.city.as_str())
            .collect::<HashSet<_>>()
            .len()
            > 50
    );
}

#[test]
fn attr_template() {
    #[derive(Generate, Debug)]
    struct Row {
        // Declared before the fields it reads: fields are computed in dependency order.
        #[datagen(template = "{first|lower}.{last|upper}+{n}@{{example}}.com")]
        email: String,
        #[datagen(one_of = ["Ann", "Émile"])]
        first: String,
        #[datagen(one_of = ["Lee", "Ng"])]
        last: &'static str,
        #[datagen(range = 1..=9)]
        n: u8,
        #[datagen(template = "{email}", null_rate = 0.5)]
        backup: Option<String>,
    }
    for row in rows::<Row>(3, 200) {
        let expected = format!(
            "{}.{}+{}@{{example}}.com",
            row.first.to_lowercase(),
            row.last.to_uppercase(),
            row.n
        );
        assert_eq!(row.email, expected);
        assert!(row.backup.as_ref().is_none_or(|b| *b == row.email));
    }
}

#[test]
fn attr_range() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(range = 18..=90)]
        age: u8,
        #[datagen(range = -5..5)]
        delta: i32,
        #[datagen(range = 1.0..500.0)]
        amount: f64,
        #[datagen(range = 'a'..='f')]
        letter: char,
        #[datagen(range = LOW..HIGH)]
        constant: u64,
    }
    const LOW: u64 = 1_000;
    const HIGH: u64 = 1_010;
    let rows = rows::<Row>(4, 5_000);
    assert!(
        rows.iter()
            .all(|r| (18..=90).contains(&r.age) && (-5..5).contains(&r.delta))
    );
    assert!(
        rows.iter()
            .all(|r| (1.0..500.0).contains(&r.amount) && ('a'..='f').contains(&r.letter))
    );
    assert!(rows.iter().all(|r| (LOW..HIGH).contains(&r.constant)));
    assert_eq!(rows.iter().map(|r| r.age).collect::<HashSet<_>>().len(), 73);
    assert_eq!(
        rows.iter().map(|r| r.delta).collect::<HashSet<_>>().len(),
        10
    );
}

#[test]
fn attr_distributions() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(normal(mean = 100, std_dev = 15))]
        normal: f64,
        #[datagen(normal(mean = 50.0, std_dev = 5.0))]
        rounded: u32,
        #[datagen(lognormal(mu = 1.0, sigma = 0.5))]
        lognormal: f64,
        #[datagen(exponential(lambda = 2.0))]
        exponential: f64,
        #[datagen(poisson(lambda = 4.0))]
        poisson: u32,
        #[datagen(zipf(n = 10, s = 1.0))]
        zipf: u8,
        #[datagen(pareto(scale = 1.0, shape = 3.0))]
        pareto: f64,
        #[datagen(beta(alpha = 2.0, beta = 2.0))]
        beta: f64,
        #[datagen(gamma(shape = 2.0, scale = 3.0))]
        gamma: f32,
        #[datagen(uniform(low = -1.0, high = 1.0))]
        uniform: f64,
    }
    let rows = rows::<Row>(5, 20_000);
    let close =
        |got: f64, want: f64, tol: f64| assert!((got - want).abs() < tol, "{got} vs {want}");
    close(mean(rows.iter().map(|r| r.normal)), 100.0, 0.5);
    close(mean(rows.iter().map(|r| f64::from(r.rounded))), 50.0, 0.2);
    close(
        mean(rows.iter().map(|r| r.lognormal)),
        (1.0f64 + 0.125).exp(),
        0.1,
    );
    close(mean(rows.iter().map(|r| r.exponential)), 0.5, 0.02);
    close(mean(rows.iter().map(|r| f64::from(r.poisson))), 4.0, 0.1);
    assert!(rows.iter().all(|r| (1..=10).contains(&r.zipf)));
    assert!(
        rows.iter().filter(|r| r.zipf == 1).count() > rows.iter().filter(|r| r.zipf == 2).count()
    );
    close(mean(rows.iter().map(|r| r.pareto)), 1.5, 0.05);
    assert!(rows.iter().all(|r| (0.0..=1.0).contains(&r.beta)));
    close(mean(rows.iter().map(|r| r.beta)), 0.5, 0.01);
    close(mean(rows.iter().map(|r| f64::from(r.gamma))), 6.0, 0.15);
    assert!(rows.iter().all(|r| (-1.0..1.0).contains(&r.uniform)));
}

#[test]
fn attr_regex() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(regex = "[A-Z]{2}-[0-9]{6}")]
        code: String,
        #[datagen(regex = r"(ab|cd)x?\d{1,3}")]
        mixed: String,
    }
    for row in rows::<Row>(6, 1_000) {
        let code = row.code.as_bytes();
        assert!(code.len() == 9 && code[..2].iter().all(u8::is_ascii_uppercase) && code[2] == b'-');
        assert!(code[3..].iter().all(u8::is_ascii_digit));
        let rest = row
            .mixed
            .strip_prefix("ab")
            .or_else(|| row.mixed.strip_prefix("cd"))
            .expect("ab or cd");
        let digits = rest.strip_prefix('x').unwrap_or(rest);
        assert!(
            (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            row.mixed
        );
    }
}

#[test]
fn attr_one_of_and_weights() {
    #[derive(Generate, Debug, PartialEq, Clone, Copy)]
    enum Color {
        Red,
        Blue,
    }
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(one_of = ["a", "b", "c"])]
        letter: String,
        #[datagen(one_of = [1, 2, 3], weights = [0, 1, 3])]
        weighted: u8,
        #[datagen(one_of = [Color::Red, Color::Blue])]
        color: Color,
        #[datagen(one_of = ['x'])]
        only: char,
    }
    let all = rows::<Row>(7, 12_000);
    let count = |f: &dyn Fn(&Row) -> bool| all.iter().filter(|r| f(r)).count();
    assert!((3_700..4_300).contains(&count(&|r| r.letter == "a")));
    assert_eq!(count(&|r| r.weighted == 1), 0);
    assert!((8_700..9_300).contains(&count(&|r| r.weighted == 3)));
    assert!((5_700..6_300).contains(&count(&|r| r.color == Color::Red)));
    assert!(all.iter().all(|r| r.only == 'x'));
    // The enum's own derive picks variants uniformly.
    let colors = rows::<Color>(8, 100);
    assert!(colors.contains(&Color::Red) && colors.contains(&Color::Blue));
}

fn status(ctx: &mut Ctx) -> String {
    format!("s{}", ctx.index(3))
}

mod helpers {
    pub(crate) fn double(ctx: &mut datagen::Ctx) -> u64 {
        ctx.below(10) * 2
    }
}

#[test]
fn attr_with() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(with = status)]
        status: String,
        #[datagen(with = helpers::double)]
        even: u64,
        #[datagen(with = |ctx: &mut Ctx| ctx.below(5) as u8)]
        closure: u8,
    }
    for row in rows::<Row>(9, 200) {
        assert!(["s0", "s1", "s2"].contains(&row.status.as_str()));
        assert!(row.even % 2 == 0 && row.even < 20);
        assert!(row.closure < 5);
    }
}

#[test]
fn attr_skip() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(skip)]
        cache: Vec<u8>,
        #[datagen(skip)]
        label: String,
        n: u8,
    }
    let rows = rows::<Row>(10, 20);
    assert!(
        rows.iter()
            .all(|r| r.cache.is_empty() && r.label.is_empty())
    );
    assert!(rows.iter().map(|r| r.n).collect::<HashSet<_>>().len() > 1);
}

#[test]
fn no_attribute_uses_the_type_generate() {
    #[derive(Generate, Debug, PartialEq)]
    struct Inner {
        x: u32,
    }
    #[derive(Generate, Debug, PartialEq)]
    struct Row {
        a: u32,
        b: (u8, bool),
        c: [Inner; 2],
        d: Option<Box<Inner>>,
    }
    let rows = rows::<Row>(11, 50);
    // Nested values are keyed by their path: the two array elements differ from each other.
    assert!(rows.iter().all(|r| r.c[0] != r.c[1]));
    assert_ne!(rows[0], rows[1]);
}
