//! `#[datagen(...)]` attributes to a typed model, for the type, its variants and its fields.
//!
//! Parsing recovers after a bad key or value (it skips to the next comma), so every bad attribute
//! of a build is reported. Rules across attributes live in `valid.rs`.

use proc_macro2::Span;
use proc_macro2::TokenTree;
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Expr, ExprArray, Ident, LitStr, Path, Token};

use crate::ctxt::{Errors, with_hint};
use crate::template::Template;

/// The keys a field attribute takes.
const FIELD_KEYS: &[&str] = &[
    "key",
    "provider",
    "template",
    "range",
    "normal",
    "lognormal",
    "exponential",
    "poisson",
    "zipf",
    "pareto",
    "beta",
    "gamma",
    "uniform",
    "regex",
    "one_of",
    "weights",
    "with",
    "ref",
    "lookup",
    "by",
    "skip",
    "null_rate",
    "len",
    "unique",
];
/// The keys a variant attribute takes.
const VARIANT_KEYS: &[&str] = &["weight"];
/// The keys a type attribute takes.
const CONTAINER_KEYS: &[&str] = &["entity"];

/// An attribute value with the key it was written under (for spans and messages).
pub(crate) struct Keyed<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

/// Where a field's value comes from; a field has at most one.
pub(crate) enum Source {
    /// `key`: row `r` has key `r + 1`.
    Key,
    /// `provider = "family.name"`.
    Provider(LitStr),
    /// `template = "{first}.{last}@example.com"`.
    Template(Template),
    /// `range = 18..=90`.
    Range(Expr),
    /// `normal(mean = .., std_dev = ..)` and the other distributions; the key names the kind.
    Dist(Vec<(Ident, Expr)>),
    /// `regex = "..."`.
    Regex(LitStr),
    /// `one_of = [..]`.
    OneOf(ExprArray),
    /// `with = path::to_fn`.
    With(Expr),
    /// `ref = Type::field`.
    Ref(Path),
    /// `lookup = Type::field` (with `by`).
    Lookup(Path),
    /// `skip`: `Default::default()`.
    Skip,
}

/// The attributes of one field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// Value sources as written; `valid.rs` checks there is at most one.
    pub(crate) sources: Vec<Keyed<Source>>,
    /// `weights = [..]`, for `one_of`: each weight with its literal.
    pub(crate) weights: Option<Keyed<Vec<(u64, Span)>>>,
    /// `by = field`, for `lookup`.
    pub(crate) by: Option<Keyed<Ident>>,
    /// `null_rate = 0.25`.
    pub(crate) null_rate: Option<Keyed<Expr>>,
    /// `len = 1..=3`.
    pub(crate) len: Option<Keyed<Expr>>,
    /// `unique`.
    pub(crate) unique: Option<Ident>,
}

impl FieldAttrs {
    /// The field's value source, once validated to be at most one.
    pub(crate) fn source(&self) -> Option<&Keyed<Source>> {
        self.sources.first()
    }
}

/// The attributes of an enum variant.
pub(crate) struct VariantAttrs {
    /// `weight = N`: relative frequency (default 1).
    pub(crate) weight: Option<(u64, Span)>,
}

/// The attributes of the type.
pub(crate) struct ContainerAttrs {
    /// `entity = "name"`.
    pub(crate) entity: Option<LitStr>,
}

/// Where an attribute sits, for messages and for the keys it takes.
#[derive(Clone, Copy)]
enum Place {
    Container,
    Variant,
    Field,
}

impl Place {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Place::Container => CONTAINER_KEYS,
            Place::Variant => VARIANT_KEYS,
            Place::Field => FIELD_KEYS,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Place::Container => "type",
            Place::Variant => "variant",
            Place::Field => "field",
        }
    }

    fn where_it_goes(self) -> &'static str {
        match self {
            Place::Container => "on the type",
            Place::Variant => "on an enum variant",
            Place::Field => "on a field",
        }
    }
}

/// Parses the type's attributes.
pub(crate) fn container(attrs: &[Attribute], errors: &mut Errors) -> ContainerAttrs {
    let mut out = ContainerAttrs { entity: None };
    each_key(attrs, Place::Container, errors, |key, meta| {
        match key.to_string().as_str() {
            "entity" => {
                let lit = lit_str(key, meta, "entity = \"customer\"")?;
                if lit.value().is_empty() {
                    return Err(syn::Error::new(lit.span(), "`entity` can't be empty"));
                }
                set(&mut out.entity, key, lit)
            }
            _ => unreachable!("each_key passes only keys of the place"),
        }
    });
    out
}

/// Parses a variant's attributes.
pub(crate) fn variant(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let mut out = VariantAttrs { weight: None };
    each_key(attrs, Place::Variant, errors, |key, meta| {
        match key.to_string().as_str() {
            "weight" => {
                let expr: Expr = value(key, meta, "weight = 3")?.parse()?;
                let message = "`weight` must be a non-negative integer, such as `weight = 3`";
                set(&mut out.weight, key, integer(&expr, message)?)
            }
            _ => unreachable!("each_key passes only keys of the place"),
        }
    });
    out
}

/// Parses a field's attributes.
pub(crate) fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    each_key(attrs, Place::Field, errors, |key, meta| {
        field_key(key, meta, &mut out)
    });
    out
}

fn field_key(key: &Ident, meta: &ParseNestedMeta<'_>, out: &mut FieldAttrs) -> syn::Result<()> {
    let name = key.to_string();
    let source = match name.as_str() {
        "key" => flag(key, meta).map(|()| Source::Key)?,
        "skip" => flag(key, meta).map(|()| Source::Skip)?,
        "provider" => Source::Provider(lit_str(key, meta, "provider = \"person.first_name\"")?),
        "template" => {
            let lit = lit_str(
                key,
                meta,
                "template = \"{first_name}.{last_name}@example.com\"",
            )?;
            Source::Template(Template::parse(lit)?)
        }
        "range" => Source::Range(value(key, meta, "range = 18..=90")?.parse()?),
        "regex" => Source::Regex(lit_str(key, meta, "regex = \"[A-Z]{2}-[0-9]{6}\"")?),
        "one_of" => Source::OneOf(array(key, meta, "one_of = [\"a\", \"b\"]")?),
        "with" => Source::With(value(key, meta, "with = path::to_fn")?.parse()?),
        "ref" => Source::Ref(path(key, meta, "ref = Customer::id")?),
        "lookup" => Source::Lookup(path(
            key,
            meta,
            "lookup = Customer::email, by = customer_id",
        )?),
        "weights" => {
            let array = array(key, meta, "weights = [1, 3, 6]")?;
            let message = "a weight must be a non-negative integer, such as `3`";
            let weights = array
                .elems
                .iter()
                .map(|w| integer(w, message))
                .collect::<syn::Result<_>>()?;
            return set(&mut out.weights, key, keyed(key, weights));
        }
        "by" => {
            let field = value(key, meta, "by = customer_id")?.call(Ident::parse_any)?;
            return set(&mut out.by, key, keyed(key, field));
        }
        "null_rate" => {
            let rate = value(key, meta, "null_rate = 0.25")?.parse()?;
            return set(&mut out.null_rate, key, keyed(key, rate));
        }
        "len" => {
            return set(
                &mut out.len,
                key,
                keyed(key, value(key, meta, "len = 1..=3")?.parse()?),
            );
        }
        "unique" => {
            flag(key, meta)?;
            return set(&mut out.unique, key, key.clone());
        }
        dist => {
            let params = dist_params(key, meta, dist)?;
            Source::Dist(params)
        }
    };
    if out.sources.iter().any(|s| s.key == *key) {
        return Err(duplicate(key));
    }
    out.sources.push(keyed(key, source));
    Ok(())
}

/// A non-negative integer literal that fits `u64`, with its span.
fn integer(expr: &Expr, message: &str) -> syn::Result<(u64, Span)> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(lit),
            ..
        }) => match lit.base10_parse() {
            Ok(n) => Ok((n, lit.span())),
            Err(_) => Err(syn::Error::new(lit.span(), message)),
        },
        _ => Err(syn::Error::new_spanned(expr, message)),
    }
}

/// A string literal value, with an example in the error when something else is written.
fn lit_str(key: &Ident, meta: &ParseNestedMeta<'_>, example: &str) -> syn::Result<LitStr> {
    let input = value(key, meta, example)?;
    if !input.peek(LitStr) {
        return Err(syn::Error::new(
            input.span(),
            format!("`{key}` needs a string literal: `{example}`"),
        ));
    }
    input.parse()
}

/// A bracketed list value: `[a, b, c]`.
fn array(key: &Ident, meta: &ParseNestedMeta<'_>, example: &str) -> syn::Result<ExprArray> {
    let input = value(key, meta, example)?;
    if !input.peek(syn::token::Bracket) {
        return Err(syn::Error::new(
            input.span(),
            format!("`{key}` needs a list in brackets: `{example}`"),
        ));
    }
    input.parse()
}

/// A path value: `Customer::id`.
fn path(key: &Ident, meta: &ParseNestedMeta<'_>, example: &str) -> syn::Result<Path> {
    let input = value(key, meta, example)?;
    input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), format!("`{key}` needs a path: `{example}`")))
}

/// `normal(mean = 100.0, std_dev = 15.0)`: the parameters as written; `valid.rs` checks them.
fn dist_params(
    key: &Ident,
    meta: &ParseNestedMeta<'_>,
    dist: &str,
) -> syn::Result<Vec<(Ident, Expr)>> {
    let example = crate::dist::example(dist);
    if meta.input.peek(Token![=]) {
        return Err(syn::Error::new(
            key.span(),
            format!("`{dist}` takes its parameters in parentheses: `{example}`"),
        ));
    }
    if !meta.input.peek(syn::token::Paren) {
        return Err(syn::Error::new(
            key.span(),
            format!("`{dist}` needs its parameters: `{example}`"),
        ));
    }
    let mut params = Vec::new();
    meta.parse_nested_meta(|param| {
        let name = param.path.require_ident()?.clone();
        let expr: Expr = param.value()?.parse()?;
        params.push((name, expr));
        Ok(())
    })?;
    Ok(params)
}

/// Runs `parse` on every key of every `#[datagen(...)]` attribute, reporting unknown keys and
/// recovering after errors.
fn each_key(
    attrs: &[Attribute],
    place: Place,
    errors: &mut Errors,
    mut parse: impl FnMut(&Ident, &ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("datagen")) {
        let result = attr.parse_nested_meta(|meta| {
            let outcome = match meta.path.get_ident() {
                Some(key) if place.keys().contains(&key.unraw().to_string().as_str()) => {
                    parse(key, &meta)
                }
                Some(key) => Err(unknown_key(key, place)),
                None => Err(syn::Error::new_spanned(
                    &meta.path,
                    "expected a datagen attribute name, such as `range`",
                )),
            };
            if let Err(error) = outcome {
                errors.push(error);
                skip_value(meta.input)?;
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
}

/// The error for a key this place does not take: where it goes instead, or the closest key.
fn unknown_key(key: &Ident, place: Place) -> syn::Error {
    let name = key.unraw().to_string();
    let elsewhere = [Place::Container, Place::Variant, Place::Field]
        .into_iter()
        .find(|other| other.keys().contains(&name.as_str()));
    let message = match elsewhere {
        Some(other) => format!(
            "`{name}` goes {}, not {}",
            other.where_it_goes(),
            place.where_it_goes()
        ),
        None => with_hint(
            format!("unknown datagen {} attribute `{name}`", place.noun()),
            &name,
            place.keys().iter().copied(),
        ),
    };
    syn::Error::new(key.span(), message)
}

/// Skips what is left of a bad attribute, up to the next top-level comma.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// The value after `key =`, with an example in the error when the `=` is missing.
fn value<'a>(
    key: &Ident,
    meta: &ParseNestedMeta<'a>,
    example: &str,
) -> syn::Result<ParseStream<'a>> {
    if !meta.input.peek(Token![=]) {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` needs a value: `{example}`"),
        ));
    }
    meta.value()
}

/// A key that takes no value.
fn flag(key: &Ident, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        Ok(())
    } else {
        Err(syn::Error::new(
            key.span(),
            format!("`{key}` takes no value; write `{key}` alone"),
        ))
    }
}

/// Stores a modifier, or reports it written twice.
fn set<T>(slot: &mut Option<T>, key: &Ident, value: T) -> syn::Result<()> {
    if slot.is_some() {
        return Err(duplicate(key));
    }
    *slot = Some(value);
    Ok(())
}

fn keyed<T>(key: &Ident, value: T) -> Keyed<T> {
    Keyed {
        key: key.clone(),
        value,
    }
}

fn duplicate(key: &Ident) -> syn::Error {
    syn::Error::new(key.span(), format!("duplicate datagen attribute `{key}`"))
}
