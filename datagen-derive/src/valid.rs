//! Rules across attributes, one small function per rule, each recording errors and moving on.
//!
//! After these pass, `expand.rs` may rely on: at most one value source per field; companions
//! (`weights`, `by`) only beside their source; modifiers only on types that fit; the value type
//! peeled out of `Option`/`Vec`; literal parameters in range; templates naming real fields; and
//! a computation order without cycles.

use quote::ToTokens;
use syn::{Expr, RangeLimits, Type};

use crate::ast::{Container, Data, Field, Group, Variant};
use crate::attr::Source;
use crate::ctxt::{Errors, did_you_mean, with_hint};
use crate::lit::{Num, number};
use crate::{dist, order};

/// Checks the whole container and fills in what expansion needs (value types, field order).
pub(crate) fn check(cont: &mut Container<'_>, errors: &mut Errors) {
    match &mut cont.data {
        Data::Struct(group) => check_group(group, false, errors),
        Data::Enum(variants) => {
            enum_has_variants(cont.original, variants, errors);
            some_variant_weighs(cont.original, variants, errors);
            for variant in variants {
                check_group(&mut variant.group, true, errors);
            }
        }
    }
}

fn check_group(group: &mut Group<'_>, in_variant: bool, errors: &mut Errors) {
    for field in &mut group.fields {
        one_source(field, errors);
        companions_have_their_source(field, errors);
        if in_variant {
            struct_only_sources(field, errors);
        }
        modifiers_fit_source(field, errors);
        field.value_ty = value_type(field, errors);
        null_rate_is_a_rate(field, errors);
        len_is_a_length(field, errors);
        unique_has_a_bounded_domain(field, errors);
        source_values(field, errors);
    }
    template_fields_exist(group, errors);
    lookup_reads_a_ref(group, errors);
    group.order = order::dependency_order(group, errors);
}

/// An enum needs a variant to pick.
fn enum_has_variants(input: &syn::DeriveInput, variants: &[Variant<'_>], errors: &mut Errors) {
    if variants.is_empty() {
        errors.spanned(
            &input.ident,
            "`Generate` can't be derived for an enum without variants",
        );
    }
}

/// Some variant must be able to appear, and the weights must add up within `u64`.
fn some_variant_weighs(input: &syn::DeriveInput, variants: &[Variant<'_>], errors: &mut Errors) {
    let weights = variants
        .iter()
        .map(|variant| variant.attrs.weight.map_or(1, |(weight, _)| weight));
    let total = weights
        .into_iter()
        .try_fold(0u64, |sum, weight| sum.checked_add(weight));
    match total {
        Some(0) if !variants.is_empty() => {
            errors.spanned(
                &input.ident,
                "every variant has `weight = 0`; give at least one a weight above zero",
            );
        }
        None => errors.spanned(
            &input.ident,
            "the variant weights add up to more than `u64::MAX`",
        ),
        _ => {}
    }
}

/// Value sources are alternatives, not layers: one per field.
fn one_source(field: &Field<'_>, errors: &mut Errors) {
    if let [first, rest @ ..] = field.attrs.sources.as_slice() {
        for other in rest {
            let message = format!(
                "`{}` can't be combined with `{}`; use one value source per field",
                first.key, other.key
            );
            errors.at(other.key.span(), message);
        }
    }
}

/// `weights` belongs to `one_of`, and `lookup` and `by` come together.
fn companions_have_their_source(field: &Field<'_>, errors: &mut Errors) {
    let source = field.attrs.source().map(|s| &s.value);
    if let Some(weights) = &field.attrs.weights
        && !matches!(source, Some(Source::OneOf(_)))
    {
        errors.at(
            weights.key.span(),
            "`weights` needs `one_of`: `one_of = [\"a\", \"b\"], weights = [1, 3]`",
        );
    }
    match (source, &field.attrs.by) {
        (Some(Source::Lookup(_)), None) => {
            let key = &field.attrs.sources[0].key;
            let message = "`lookup` needs `by`, the field whose `ref` picks the row: \
                           `lookup = Customer::email, by = customer_id`";
            errors.at(key.span(), message);
        }
        (Some(Source::Lookup(_)), Some(_)) | (_, None) => {}
        (_, Some(by)) => {
            errors.at(
                by.key.span(),
                "`by` needs `lookup`: `lookup = Customer::email, by = customer_id`",
            );
        }
    }
}

/// Keys number rows and references point at rows: both belong to an entity's own fields.
fn struct_only_sources(field: &Field<'_>, errors: &mut Errors) {
    if let Some(source) = field.attrs.source()
        && matches!(
            source.value,
            Source::Key | Source::Ref(_) | Source::Lookup(_)
        )
    {
        errors.at(
            source.key.span(),
            format!(
                "`{}` is supported on struct fields, not in enum variants",
                source.key
            ),
        );
    }
}

/// `key`, `skip` and `lookup` yield one fixed value: there is nothing to make optional or repeat.
fn modifiers_fit_source(field: &Field<'_>, errors: &mut Errors) {
    let Some(source) = field.attrs.source() else {
        return;
    };
    if !matches!(source.value, Source::Key | Source::Skip | Source::Lookup(_)) {
        return;
    }
    for modifier in [&field.attrs.null_rate, &field.attrs.len]
        .into_iter()
        .flatten()
    {
        errors.at(
            modifier.key.span(),
            format!("`{}` can't be combined with `{}`", modifier.key, source.key),
        );
    }
}

/// The type the value source yields: inside `Option` with `null_rate`, then inside `Vec` with `len`.
fn value_type<'a>(field: &Field<'a>, errors: &mut Errors) -> &'a Type {
    let mut ty = &field.original.ty;
    if let Some(null_rate) = &field.attrs.null_rate {
        match generic_inner(ty, "Option") {
            Some(inner) => ty = inner,
            None => errors.at(
                null_rate.key.span(),
                format!(
                    "`null_rate` needs an `Option<_>` field; found `{}`",
                    type_string(ty)
                ),
            ),
        }
    }
    if let Some(len) = &field.attrs.len {
        match generic_inner(ty, "Vec") {
            Some(inner) => ty = inner,
            None => errors.at(
                len.key.span(),
                format!("`len` needs a `Vec<_>` field; found `{}`", type_string(ty)),
            ),
        }
    }
    ty
}

/// A literal `null_rate` is a probability.
fn null_rate_is_a_rate(field: &Field<'_>, errors: &mut Errors) {
    if let Some(rate) = &field.attrs.null_rate
        && let Some(value) = number(&rate.value)
        && !(0.0..=1.0).contains(&value.as_f64())
    {
        errors.spanned(
            &rate.value,
            format!(
                "`null_rate` must be between 0 and 1; found `{}`",
                tokens(&rate.value)
            ),
        );
    }
}

/// `len` is a count or a range of counts with both bounds, not empty when literal.
fn len_is_a_length(field: &Field<'_>, errors: &mut Errors) {
    let Some(len) = &field.attrs.len else { return };
    if let Expr::Range(range) = &len.value {
        let (Some(start), Some(end)) = (&range.start, &range.end) else {
            return errors.spanned(&len.value, "`len` needs both bounds, such as `1..=3`");
        };
        if let (Some(Num::Int(lo)), Some(Num::Int(hi))) = (number(start), number(end)) {
            let inclusive = matches!(range.limits, RangeLimits::Closed(_));
            if (inclusive && hi < lo) || (!inclusive && hi <= lo) {
                errors.spanned(
                    &len.value,
                    format!("empty `len` range `{}`", tokens(&len.value)),
                );
            }
        }
    }
}

/// `unique` is by construction (a permutation of the row index), so it needs a domain it can
/// enumerate: an integer type or range, a bounded pattern, or the items of an unweighted `one_of`.
fn unique_has_a_bounded_domain(field: &Field<'_>, errors: &mut Errors) {
    let Some(unique) = &field.attrs.unique else {
        return;
    };
    for modifier in [&field.attrs.null_rate, &field.attrs.len]
        .into_iter()
        .flatten()
    {
        errors.at(
            unique.span(),
            format!("`unique` can't be combined with `{}`", modifier.key),
        );
    }
    match field.attrs.source().map(|s| &s.value) {
        None | Some(Source::Key | Source::Range(_)) => {}
        Some(Source::Regex(lit)) => {
            if let Ok(hir) = regex_hir(&lit.value())
                && hir.properties().maximum_len().is_none()
            {
                let message = "`unique` needs a bounded pattern, and this one repeats without end; \
                               use `{m,n}` instead of `*`, `+` or `{n,}`";
                errors.at(lit.span(), message);
            }
        }
        Some(Source::OneOf(_)) if field.attrs.weights.is_some() => {
            errors.at(unique.span(), "`unique` can't be combined with `weights`; each value is used once");
        }
        Some(Source::OneOf(_)) => {}
        Some(_) => errors.at(
            unique.span(),
            "`unique` needs a bounded domain; use it with an integer type, `range`, `regex` or `one_of`",
        ),
    }
}

/// Each source's own value: checked now when it is a literal, so mistakes surface at compile time.
fn source_values(field: &Field<'_>, errors: &mut Errors) {
    let Some(source) = field.attrs.source() else {
        return;
    };
    match &source.value {
        Source::Provider(lit) => {
            let value = lit.value();
            let valid = value
                .split_once('.')
                .is_some_and(|(family, name)| is_ident(family) && is_ident(name));
            if !valid {
                errors.at(
                    lit.span(),
                    "`provider` must be `family.name`, such as `person.first_name`",
                );
            } else if let Some((family, _)) = value.split_once('.')
                && !crate::source::is_builtin_family(&value)
                && let Some(close) = did_you_mean(family, crate::source::BUILTIN_FAMILIES)
            {
                // Another family is a custom provider's, found at run time: one that looks like
                // a built-in family is far likelier a typo.
                errors.at(
                    lit.span(),
                    format!("unknown provider family `{family}`; did you mean `{close}`"),
                );
            }
        }
        Source::Range(expr) => range_is_not_empty(expr, errors),
        Source::Dist(params) => dist::check_params(&source.key, params, errors),
        Source::Regex(lit) => {
            if let Err(why) = regex_hir(&lit.value()) {
                errors.at(lit.span(), format!("invalid regex: {why}"));
            }
        }
        Source::OneOf(array) => one_of_weights(field, array, errors),
        Source::Ref(path) | Source::Lookup(path) => {
            if path.segments.len() < 2 || !path.segments.iter().all(|s| s.arguments.is_none()) {
                let example = if matches!(source.value, Source::Ref(_)) {
                    "Customer::id"
                } else {
                    "Customer::email"
                };
                errors.spanned(
                    path,
                    format!(
                        "`{}` needs `Type::field`, such as `{} = {example}`",
                        source.key, source.key
                    ),
                );
            }
        }
        Source::Key | Source::Template(_) | Source::With(_) | Source::Skip => {}
    }
}

/// A literal range must hold a value, and needs both bounds.
fn range_is_not_empty(expr: &Expr, errors: &mut Errors) {
    let Expr::Range(range) = expr else { return };
    let (Some(start), Some(end)) = (&range.start, &range.end) else {
        return errors.spanned(expr, "`range` needs both bounds, such as `18..=90`");
    };
    let (Some(lo), Some(hi)) = (number(start), number(end)) else {
        return;
    };
    let inclusive = matches!(range.limits, RangeLimits::Closed(_));
    let empty = match (lo, hi) {
        (Num::Int(lo), Num::Int(hi)) => (inclusive && hi < lo) || (!inclusive && hi <= lo),
        (lo, hi) => {
            (inclusive && hi.as_f64() < lo.as_f64()) || (!inclusive && hi.as_f64() <= lo.as_f64())
        }
    };
    if empty {
        let bound = if inclusive { "at least" } else { "above" };
        errors.spanned(
            expr,
            format!(
                "empty range `{}`; the end must be {bound} the start",
                tokens(expr)
            ),
        );
    }
}

/// `one_of` needs values; `weights` needs one weight per value, not all zero.
fn one_of_weights(field: &Field<'_>, array: &syn::ExprArray, errors: &mut Errors) {
    if array.elems.is_empty() {
        return errors.spanned(array, "`one_of` needs at least one value");
    }
    let Some(weights) = &field.attrs.weights else {
        return;
    };
    let (n, w) = (array.elems.len(), weights.value.len());
    if n != w {
        let entries = if w == 1 { "entry" } else { "entries" };
        let message = format!(
            "`weights` has {w} {entries} but `one_of` has {n} values; give one weight per value"
        );
        return errors.at(weights.key.span(), message);
    }
    match weights
        .value
        .iter()
        .try_fold(0u64, |sum, (weight, _)| sum.checked_add(*weight))
    {
        Some(0) => errors.at(
            weights.key.span(),
            "every weight is zero; give at least one a weight above zero",
        ),
        None => errors.at(
            weights.key.span(),
            "the weights add up to more than `u64::MAX`",
        ),
        Some(_) => {}
    }
}

/// A template's placeholders name other fields of the same struct or variant.
fn template_fields_exist(group: &Group<'_>, errors: &mut Errors) {
    for field in &group.fields {
        let Some(Source::Template(template)) = field.attrs.source().map(|s| &s.value) else {
            continue;
        };
        for name in template.fields() {
            if name == field.name {
                errors.at(
                    template.lit.span(),
                    format!("a template can't refer to its own field `{name}`"),
                );
            } else if group.find(name).is_none() {
                let names = group.fields.iter().map(|f| f.name.as_str());
                errors.at(
                    template.lit.span(),
                    with_hint(format!("unknown field `{name}` in template"), name, names),
                );
            }
        }
    }
}

/// `by` names a field of this struct whose `ref` points at the type `lookup` reads, without
/// modifiers (the lookup needs exactly one row).
fn lookup_reads_a_ref(group: &Group<'_>, errors: &mut Errors) {
    for field in &group.fields {
        let (Some(Source::Lookup(path)), Some(by)) =
            (field.attrs.source().map(|s| &s.value), &field.attrs.by)
        else {
            continue;
        };
        let name = syn::ext::IdentExt::unraw(&by.value).to_string();
        let Some(target) = group.find(&name) else {
            let names = group.fields.iter().map(|f| f.name.as_str());
            errors.at(
                by.value.span(),
                with_hint(format!("unknown field `{name}` in `by`"), &name, names),
            );
            continue;
        };
        let Some(Source::Ref(ref_path)) = target.attrs.source().map(|s| &s.value) else {
            errors.at(
                by.value.span(),
                format!("`by` must name a field with `ref`; `{name}` has no `ref`"),
            );
            continue;
        };
        if target.attrs.null_rate.is_some() || target.attrs.len.is_some() {
            errors.at(
                by.value.span(),
                format!("`by` needs a `ref` field without `null_rate` or `len`; `{name}` has one"),
            );
        }
        let (read, referenced) = (type_part(path), type_part(ref_path));
        if path.segments.len() >= 2 && ref_path.segments.len() >= 2 && read != referenced {
            errors.spanned(
                path,
                format!("`lookup` reads `{read}` but `{name}` refers to `{referenced}`"),
            );
        }
    }
}

/// Parses a pattern as the runtime will, to report a bad one at compile time.
pub(crate) fn regex_hir(pattern: &str) -> Result<regex_syntax::hir::Hir, String> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| match e {
            regex_syntax::Error::Parse(e) => e.kind().to_string(),
            regex_syntax::Error::Translate(e) => e.kind().to_string(),
            other => other.to_string(),
        })
}

/// `T` when `ty` is `Wrapper<T>` (by its last path segment, as `Option` and `Vec` are usually written).
fn generic_inner<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match (last.ident == wrapper, args.args.len(), args.args.first()) {
        (true, 1, Some(syn::GenericArgument::Type(inner))) => Some(inner),
        _ => None,
    }
}

fn ungroup(mut ty: &Type) -> &Type {
    while let Type::Group(group) = ty {
        ty = &group.elem;
    }
    ty
}

/// The `Type` of a `Type::field` path, as written.
pub(crate) fn type_part(path: &syn::Path) -> String {
    let n = path.segments.len().saturating_sub(1);
    path.segments
        .iter()
        .take(n)
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Tokens as a user would write them, for messages: `Vec<String>`, not `Vec < String >`.
pub(crate) fn tokens(node: &impl ToTokens) -> String {
    let mut s = node.to_token_stream().to_string();
    for (from, to) in [
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" :: ", "::"),
        (":: ", "::"),
        (" ,", ","),
        ("& ", "&"),
        (" ..", ".."),
        (".. ", ".."),
        ("..= ", "..="),
        ("- ", "-"),
    ] {
        s = s.replace(from, to);
    }
    s
}

fn type_string(ty: &Type) -> String {
    tokens(ty)
}
