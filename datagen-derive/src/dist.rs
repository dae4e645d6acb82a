//! The distributions of the attribute form (`normal(mean = 100.0, std_dev = 15.0)`): their
//! parameters, the `rand_distr` type each builds, and the checks of literal parameters.

use syn::Expr;

use crate::ctxt::{Errors, with_hint};
use crate::lit::number;
use crate::valid::tokens;

/// One distribution: its attribute name, its parameters in the order `datagen::dist::<name>`
/// takes them, and the `rand_distr` type it builds.
pub(crate) struct Distribution {
    /// The attribute and constructor name.
    pub(crate) name: &'static str,
    /// The parameter names, in constructor order.
    pub(crate) params: &'static [&'static str],
    /// The `rand_distr` type.
    pub(crate) ty: &'static str,
}

const DISTRIBUTIONS: &[Distribution] = &[
    Distribution {
        name: "normal",
        params: &["mean", "std_dev"],
        ty: "Normal",
    },
    Distribution {
        name: "lognormal",
        params: &["mu", "sigma"],
        ty: "LogNormal",
    },
    Distribution {
        name: "exponential",
        params: &["lambda"],
        ty: "Exp",
    },
    Distribution {
        name: "poisson",
        params: &["lambda"],
        ty: "Poisson",
    },
    Distribution {
        name: "zipf",
        params: &["n", "s"],
        ty: "Zipf",
    },
    Distribution {
        name: "pareto",
        params: &["scale", "shape"],
        ty: "Pareto",
    },
    Distribution {
        name: "beta",
        params: &["alpha", "beta"],
        ty: "Beta",
    },
    Distribution {
        name: "gamma",
        params: &["shape", "scale"],
        ty: "Gamma",
    },
    Distribution {
        name: "uniform",
        params: &["low", "high"],
        ty: "Uniform",
    },
];

/// The distribution named `name`.
pub(crate) fn find(name: &str) -> Option<&'static Distribution> {
    DISTRIBUTIONS.iter().find(|dist| dist.name == name)
}

/// An example of a distribution attribute, for messages: `normal(mean = 1.0, std_dev = 1.0)`.
pub(crate) fn example(name: &str) -> String {
    let params = find(name).map_or(&[][..], |dist| dist.params);
    let list: Vec<String> = params.iter().map(|p| format!("{p} = 1.0")).collect();
    format!("{name}({})", list.join(", "))
}

/// Every parameter of the distribution, once, and literal values its constructor accepts.
pub(crate) fn check_params(key: &syn::Ident, params: &[(syn::Ident, Expr)], errors: &mut Errors) {
    let kind = key.to_string();
    let Some(dist) = find(&kind) else { return };
    let names = dist.params;
    let mut unknown = false;
    for (i, (name, value)) in params.iter().enumerate() {
        let written = name.to_string();
        if !names.contains(&written.as_str()) {
            unknown = true;
            let message = with_hint(
                format!("unknown parameter `{written}` of `{kind}`"),
                &written,
                names.iter().copied(),
            );
            errors.at(name.span(), message);
        } else if params[..i].iter().any(|(other, _)| *other == written) {
            errors.at(
                name.span(),
                format!("duplicate parameter `{written}` of `{kind}`"),
            );
        } else if let Expr::Lit(syn::ExprLit { lit, .. }) = value
            && !matches!(lit, syn::Lit::Int(_) | syn::Lit::Float(_))
        {
            errors.spanned(value, format!("`{written}` of `{kind}` must be a number"));
        } else if let Some(n) = number(value)
            && let Some(rule) = param_rule(&kind, &written)
            && !rule.holds(n.as_f64())
        {
            errors.spanned(
                value,
                format!(
                    "`{written}` of `{kind}` must be {}; found `{}`",
                    rule.describe(),
                    tokens(value)
                ),
            );
        }
    }
    // A misspelt parameter is reported once, not again as a missing one.
    for name in names
        .iter()
        .filter(|name| !unknown && !params.iter().any(|(p, _)| p == *name))
    {
        errors.at(
            key.span(),
            format!("`{kind}` needs `{name}`: `{}`", example(&kind)),
        );
    }
    if kind == "uniform" {
        let get = |want: &str| {
            params
                .iter()
                .find(|(p, _)| p == want)
                .and_then(|(_, v)| number(v))
        };
        if let (Some(low), Some(high)) = (get("low"), get("high"))
            && low.as_f64() >= high.as_f64()
        {
            errors.at(key.span(), "`uniform` needs `low` below `high`");
        }
    }
}

/// What a distribution parameter must satisfy (mirrors the constructors in `datagen_core::dist`).
#[derive(Clone, Copy)]
enum Rule {
    Finite,
    AtLeastZero,
    AboveZero,
    AtLeastOne,
}

impl Rule {
    fn holds(self, x: f64) -> bool {
        x.is_finite()
            && match self {
                Rule::Finite => true,
                Rule::AtLeastZero => x >= 0.0,
                Rule::AboveZero => x > 0.0,
                Rule::AtLeastOne => x >= 1.0,
            }
    }

    fn describe(self) -> &'static str {
        match self {
            Rule::Finite => "finite",
            Rule::AtLeastZero => "at least 0",
            Rule::AboveZero => "above 0",
            Rule::AtLeastOne => "at least 1",
        }
    }
}

fn param_rule(kind: &str, param: &str) -> Option<Rule> {
    Some(match (kind, param) {
        ("normal", "std_dev")
        | ("lognormal", "sigma")
        | ("exponential", "lambda")
        | ("zipf", "s") => Rule::AtLeastZero,
        ("zipf", "n") => Rule::AtLeastOne,
        ("poisson", _) | ("pareto", _) | ("beta", _) | ("gamma", _) => Rule::AboveZero,
        ("normal", _) | ("lognormal", _) | ("uniform", _) => Rule::Finite,
        _ => return None,
    })
}
