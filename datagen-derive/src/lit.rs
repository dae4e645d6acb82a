//! Numeric literals in attribute expressions (`18`, `-3`, `2.5`), read so that literal
//! parameters are checked and emitted at compile time.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{Expr, Lit, UnOp};

/// A numeric literal's value.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Num {
    /// An integer literal, possibly negated.
    Int(i128),
    /// A float literal, possibly negated.
    Float(f64),
}

impl Num {
    /// The value as an `f64`.
    pub(crate) fn as_f64(self) -> f64 {
        match self {
            Num::Int(n) => n as f64,
            Num::Float(x) => x,
        }
    }
}

/// The value of `expr` when it is a numeric literal (optionally negated or parenthesised).
pub(crate) fn number(expr: &Expr) -> Option<Num> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_parse().ok().map(Num::Int),
            Lit::Float(float) => float.base10_parse().ok().map(Num::Float),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => match number(&unary.expr)? {
            Num::Int(n) => Some(Num::Int(-n)),
            Num::Float(x) => Some(Num::Float(-x)),
        },
        Expr::Paren(paren) => number(&paren.expr),
        Expr::Group(group) => number(&group.expr),
        _ => None,
    }
}

/// `expr` as an `f64` expression: a numeric literal becomes an `f64` literal (so `mean = 100`
/// works), anything else is emitted as written for the compiler to type-check.
pub(crate) fn as_f64(expr: &Expr) -> TokenStream {
    match number(expr) {
        Some(n) => {
            // A negative literal is two tokens, `-` and the magnitude.
            let value = n.as_f64();
            let magnitude = value.abs();
            if value.is_sign_negative() {
                quote_spanned!(expr.span()=> -#magnitude)
            } else {
                quote_spanned!(expr.span()=> #magnitude)
            }
        }
        None => expr.to_token_stream(),
    }
}
