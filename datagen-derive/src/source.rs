//! The code of one field: its value source, wrapped in `len` and `null_rate`, in its own scope.
//!
//! Type-checked parts are emitted with `quote_spanned!` at the attribute that asked for them, so
//! rustc's own errors (an unknown provider, a type without `Generate`) land on the user's tokens.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{Expr, ExprArray, Ident, LitStr, RangeLimits};

use crate::ast::{Field, Group};
use crate::attr::{Keyed, Source};
use crate::dist;
use crate::expand::{Gen, hash, local, private, row_local, split_ref};
use crate::lit::{Num, as_f64, number};
use crate::template::{Filter, Piece, Template};

/// Where a field sits, for messages and static names: `Pro.seats` and `PRO_SEATS` in a variant.
pub(crate) struct Place<'p> {
    /// `""` in a struct, `"Variant."` in an enum.
    pub(crate) label: &'p str,
    /// `""` in a struct, `"Variant_"` in an enum.
    pub(crate) statics: &'p str,
}

/// `let __f_<name>: Ty = ...;` for one field. With `overrides` (a factory's build), a set
/// override in `__o` replaces the field's value source. With `key` (an expression giving the
/// field's path key, from `Ctx::__field_keys`), the field's scope is entered by that key
/// rather than by hashing its name under the current path: the same scope, computed once.
pub(crate) fn field_let(
    gen_: &mut Gen,
    group: &Group<'_>,
    field: &Field<'_>,
    place: &Place<'_>,
    overrides: bool,
    key: Option<&TokenStream>,
) -> TokenStream {
    let p = private();
    let ty = &field.original.ty;
    let local = local(field);
    let scope = hash(&field.name);
    // `field(ctx, <name hash>, f)` or `field_key(ctx, <key>, f)`: runs `f` in the field's scope.
    let in_scope = |span: Span, f: TokenStream| match key {
        Some(key) => quote_spanned!(span=> ::datagen::__private::field_key(ctx, #key, #f)),
        None => quote_spanned!(span=> ::datagen::__private::field(ctx, #scope, #f)),
    };
    // The override of the field, if any: `__o.<field>`, in the field's scope.
    let slot = overrides.then(|| {
        let member = crate::expand::member(field);
        quote!(__o.#member.get_in(ctx, #scope))
    });
    let or_override = |rhs: TokenStream| match &slot {
        // The typed `let` reports a wrong type once, as the build without overrides does.
        Some(slot) => {
            quote!(match #slot { #p::core::option::Option::Some(value) => value, #p::core::option::Option::None => { let #local: #ty = #rhs; #local } })
        }
        None => rhs,
    };
    match field.attrs.source().map(|s| (&s.key, &s.value)) {
        // A key is the row number and a skipped field its default: no draws, so no scope.
        Some((key, Source::Key)) => {
            let rhs = or_override(
                quote_spanned!(key.span()=> <#ty as ::datagen::__private::FromKey>::from_key(ctx.__row())),
            );
            quote!(let #local: #ty = #rhs;)
        }
        Some((key, Source::Skip)) => {
            let rhs = or_override(
                quote_spanned!(key.span()=> <#ty as ::datagen::__private::core::default::Default>::default()),
            );
            quote!(let #local: #ty = #rhs;)
        }
        // A lookup recomputes a field of the row its `by` field picked: no draws either.
        Some((_, Source::Lookup(path))) => {
            let target = field
                .attrs
                .by
                .as_ref()
                .and_then(|by| group.find(&by.value.unraw().to_string()));
            let row = target.map_or_else(|| format_ident!("__row"), row_local);
            let (owner, accessor) = split_ref(path);
            let rhs = or_override(quote_spanned!(path.span()=> #owner::#accessor(ctx, #row)));
            quote!(let #local: #ty = #rhs;)
        }
        // A ref a lookup reads keeps its row in a local.
        Some((_, Source::Ref(path))) if is_read_by_lookup(group, field) => {
            let (owner, accessor) = split_ref(path);
            let row = row_local(field);
            let pick = in_scope(
                path.span(),
                quote_spanned! {path.span()=>
                    |ctx| ::datagen::__private::pick_row(ctx, <#owner as ::datagen::__private::Entity>::ENTITY, <#owner as ::datagen::__private::Entity>::KEY)
                },
            );
            match &slot {
                // A set key names its row, so the lookups read that row.
                Some(slot) => {
                    let row_of = crate::expand::row_of(
                        &path.segments[path.segments.len() - 1]
                            .ident
                            .unraw()
                            .to_string(),
                    );
                    quote_spanned! {path.span()=>
                        let (#row, #local): (u64, #ty) = match #slot {
                            ::datagen::__private::core::option::Option::Some(value) => match #owner::#row_of(&value) {
                                ::datagen::__private::core::option::Option::Some(row) => (row, value),
                                ::datagen::__private::core::option::Option::None => (#pick, value),
                            },
                            ::datagen::__private::core::option::Option::None => {
                                let row: u64 = #pick;
                                (row, #owner::#accessor(ctx, row))
                            }
                        };
                    }
                }
                None => quote_spanned! {path.span()=>
                    let #row: u64 = #pick;
                    let #local: #ty = #owner::#accessor(ctx, #row);
                },
            }
        }
        // A template reads other fields and draws nothing: no scope either.
        _ if !takes_scope(group, field) => {
            let value = wrapped(gen_, group, field, place);
            let rhs = or_override(value);
            quote!(let #local: #ty = #rhs;)
        }
        _ => {
            let value = wrapped(gen_, group, field, place);
            let rhs = or_override(in_scope(Span::call_site(), quote!(|ctx| #value)));
            quote!(let #local: #ty = #rhs;)
        }
    }
}

/// Whether `field_let` runs the field in its own scope: whether its value draws from the
/// field's stream (a key, a skipped field, a lookup and a template without `len` or
/// `null_rate` draw nothing; a ref a lookup reads draws its row in its scope).
pub(crate) fn takes_scope(group: &Group<'_>, field: &Field<'_>) -> bool {
    match field.attrs.source().map(|s| &s.value) {
        Some(Source::Key | Source::Skip | Source::Lookup(_)) => false,
        Some(Source::Ref(_)) if is_read_by_lookup(group, field) => true,
        Some(Source::Template(_)) => field.attrs.len.is_some() || field.attrs.null_rate.is_some(),
        _ => true,
    }
}

fn is_read_by_lookup(group: &Group<'_>, field: &Field<'_>) -> bool {
    group.fields.iter().any(|other| {
        matches!(
            other.attrs.source().map(|s| &s.value),
            Some(Source::Lookup(_))
        ) && other
            .attrs
            .by
            .as_ref()
            .is_some_and(|by| by.value.unraw() == field.name)
    })
}

/// The source's value, in `vec_len` with `len`, in `option` with `null_rate`.
fn wrapped(gen_: &mut Gen, group: &Group<'_>, field: &Field<'_>, place: &Place<'_>) -> TokenStream {
    let value = value(gen_, group, field, place);
    wrap(field, value, None, false)
}

/// `value` (one element's code) wrapped in the field's modifiers: `len` draws its length, or
/// takes `len` (`(lo, hi)` expressions) when given; `null_rate` draws, or is `Some` when `some`.
pub(crate) fn wrap(
    field: &Field<'_>,
    mut value: TokenStream,
    len: Option<(TokenStream, TokenStream)>,
    some: bool,
) -> TokenStream {
    // The closure's parameter keeps the macro's span: a source that draws nothing (a template)
    // leaves it unused, which must not warn at the user's attribute.
    let param = quote!(|ctx|);
    if let Some(attr) = &field.attrs.len {
        let (lo, hi) = len.unwrap_or_else(|| len_bounds(&attr.value));
        value = quote_spanned!(attr.key.span()=> ::datagen::__private::vec_len(ctx, #lo, #hi, #param #value));
    }
    if let Some(rate) = &field.attrs.null_rate {
        if some {
            value = quote_spanned!(rate.key.span()=> ::datagen::__private::core::option::Option::Some(#value));
        } else {
            let rate_value = as_f64(&rate.value);
            value = quote_spanned!(rate.key.span()=> ::datagen::__private::option(ctx, #rate_value, #param #value));
        }
    }
    value
}

/// `(lo, hi)`, both inclusive, of `len = 3`, `len = 1..=3` or `len = 1..4`.
pub(crate) fn len_bounds(len: &Expr) -> (TokenStream, TokenStream) {
    let Expr::Range(range) = len else {
        return (quote!(#len), quote!(#len));
    };
    let (Some(start), Some(end)) = (&range.start, &range.end) else {
        return (quote!(#len), quote!(#len));
    };
    let hi = match (&range.limits, number(end)) {
        (RangeLimits::Closed(_), _) => quote!(#end),
        (RangeLimits::HalfOpen(_), Some(Num::Int(n))) => {
            let n = syn::LitInt::new(&(n - 1).to_string(), end.span());
            quote!(#n)
        }
        (RangeLimits::HalfOpen(_), _) => quote!((#end) - 1),
    };
    (quote!(#start), hi)
}

/// The value of the field's source (of one element with `len`, inside `Some` with `null_rate`).
pub(crate) fn value(
    gen_: &mut Gen,
    group: &Group<'_>,
    field: &Field<'_>,
    place: &Place<'_>,
) -> TokenStream {
    let p = private();
    let vty = field.value_ty;
    let label = format!("{}{}", place.label, field.name);
    let entity = gen_.entity.clone();
    let unique = field.attrs.unique.as_ref();
    let Some(Keyed { key, value: source }) = field.attrs.source() else {
        return match unique {
            Some(unique) => {
                gen_.push_check(check(&entity, &label, quote!(#p::int_domain::<#vty>())));
                quote_spanned!(unique.span()=> ::datagen::__private::unique_int::<#vty>(ctx, #entity, #label))
            }
            None => {
                quote_spanned!(vty.span()=> <#vty as ::datagen::__private::Generate>::generate(ctx))
            }
        };
    };
    match source {
        Source::Provider(lit) => {
            let name = lit.value();
            if !is_builtin_family(&name) {
                gen_.push_check(quote!(#p::check_custom_provider(#entity, #label, #name)?;));
            }
            provider(lit, vty)
        }
        Source::Template(template) => self::template(template, group, vty),
        Source::Range(expr) => match unique {
            Some(_) => {
                gen_.push_check(check(
                    &entity,
                    &label,
                    quote_spanned!(expr.span()=> ::datagen::__private::range_domain::<#vty, _>(#expr)),
                ));
                quote_spanned!(expr.span()=> ::datagen::__private::unique_range::<#vty, _>(ctx, #expr, #entity, #label))
            }
            None => {
                quote_spanned!(expr.span()=> ::datagen::__private::range::<#vty, _>(ctx, #expr))
            }
        },
        Source::Dist(params) => {
            let name = static_name(field, place);
            gen_.push_static(dist_static(&name, key, params, &entity, &label));
            let name = Ident::new(&name.to_string(), key.span());
            quote_spanned!(key.span()=> ::datagen::__private::Generator::<#vty>::generate(&*#name, ctx))
        }
        Source::Regex(lit) => {
            let name = static_name(field, place);
            gen_.push_static(regex_static(&name, lit, &entity, &label));
            match unique {
                Some(_) => {
                    let domain = quote_spanned!(lit.span()=> #name.count().unwrap_or(u128::MAX));
                    gen_.push_check(check(&entity, &label, domain.clone()));
                    quote_spanned! {lit.span()=> {
                        let mut out = ::datagen::__private::std::string::String::new();
                        #name.nth(::datagen::__private::unique_index(ctx, #domain, #entity, #label), &mut out);
                        ::datagen::__private::core::convert::Into::<#vty>::into(out)
                    }}
                }
                None => quote_spanned! {lit.span()=>
                    ::datagen::__private::core::convert::Into::<#vty>::into(::datagen::__private::Generator::<::datagen::__private::std::string::String>::generate(&*#name, ctx))
                },
            }
        }
        Source::OneOf(array) => one_of(gen_, field, array, &label),
        // The binding gives a wrong return type its error at the function, not at the derive.
        Source::With(expr) => match expr {
            Expr::Path(_) => quote_spanned!(expr.span()=> { let value: #vty = #expr(ctx); value }),
            _ => quote_spanned!(expr.span()=> { let value: #vty = (#expr)(ctx); value }),
        },
        Source::Ref(path) => {
            let (owner, accessor) = split_ref(path);
            quote_spanned! {path.span()=> {
                let row = ::datagen::__private::pick_row(ctx, <#owner as ::datagen::__private::Entity>::ENTITY, <#owner as ::datagen::__private::Entity>::KEY);
                let value: #vty = #owner::#accessor(ctx, row);
                value
            }}
        }
        // Handled by `field_let`, which gives them no scope.
        Source::Key | Source::Skip | Source::Lookup(_) => quote!(::core::unreachable!()),
    }
}

/// `check_domain(ctx, entity, field, domain)?;` for `Entity::check`.
fn check(entity: &str, label: &str, domain: TokenStream) -> TokenStream {
    let p = private();
    quote!(#p::check_domain(ctx, #entity, #label, #domain)?;)
}

/// The provider families `datagen-providers` builds in; a custom provider's family is none of
/// them (its `register` refuses those), so its name is looked up at run time.
pub(crate) const BUILTIN_FAMILIES: [&str; 12] = [
    "address",
    "company",
    "finance",
    "geo",
    "healthcare",
    "internet",
    "lorem",
    "person",
    "phone",
    "retail",
    "tech",
    "time",
];

/// Whether `name` (`family.name`) belongs to a built-in family.
pub(crate) fn is_builtin_family(name: &str) -> bool {
    name.split_once('.')
        .is_some_and(|(family, _)| BUILTIN_FAMILIES.contains(&family))
}

/// A built-in provider: `providers::family::name(ctx)`, spanned at the literal so an unknown
/// provider's error is there. A custom one: looked up by name on the field's first draw.
fn provider(lit: &LitStr, vty: &syn::Type) -> TokenStream {
    let value = lit.value();
    if !is_builtin_family(&value) {
        return quote_spanned!(lit.span()=> {
            static PROVIDER: ::datagen::__private::std::sync::OnceLock<
                ::datagen::__private::providers::ProviderRef,
            > = ::datagen::__private::std::sync::OnceLock::new();
            ::datagen::__private::core::convert::Into::<#vty>::into(
                ::datagen::__private::custom_provider(&PROVIDER, #value, ctx),
            )
        });
    }
    let (family, name) = value.split_once('.').unwrap_or(("", ""));
    let (family, name) = (Ident::new(family, lit.span()), Ident::new(name, lit.span()));
    quote_spanned!(lit.span()=> ::datagen::__private::core::convert::Into::<#vty>::into(::datagen::__private::providers::#family::#name(ctx)))
}

/// The template's text and the referenced fields' locals, pushed into one buffer.
fn template(template: &Template, group: &Group<'_>, vty: &syn::Type) -> TokenStream {
    let span = template.lit.span();
    let mut fields = 0;
    let pushes: Vec<TokenStream> = template
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => quote_spanned!(span=> out.push_str(#text);),
            Piece::Field { name, filter } => {
                fields += 1;
                let local = group
                    .find(name)
                    .map_or_else(|| format_ident!("__f_{name}"), local);
                // The local's span is the template's, so a value without `Display` is reported there.
                let local = Ident::new(&local.to_string(), span);
                let case = match filter {
                    Filter::None => "Keep",
                    Filter::Lower => "Lower",
                    Filter::Upper => "Upper",
                };
                let case = Ident::new(case, span);
                // Autoref dispatch: strings are copied straight in, anything else goes through
                // `Display` (see `__private::Piece`).
                quote_spanned!(span=> {
                    // One of the two serves each value.
                    #[allow(unused_imports)]
                    use ::datagen::__private::{ViaDisplay as _, ViaStr as _};
                    (&::datagen::__private::Piece(&#local)).push_piece(&mut out, ::datagen::__private::Case::#case);
                })
            }
        })
        .collect();
    // Room for the text and a typical value per placeholder, so most rows never reallocate.
    let capacity = template.text_len() + 16 * fields;
    quote_spanned! {span=> {
        let mut out = ::datagen::__private::std::string::String::with_capacity(#capacity);
        #(#pushes)*
        ::datagen::__private::core::convert::Into::<#vty>::into(out)
    }}
}

/// The static holding a field's distribution or pattern: `__DATAGEN_SCORE`, `__DATAGEN_PRO_SCORE`.
pub(crate) fn static_name(field: &Field<'_>, place: &Place<'_>) -> Ident {
    let name = format!("__DATAGEN_{}{}", place.statics, field.name).to_uppercase();
    Ident::new(&name, Span::call_site())
}

/// A distribution built once, from parameters checked at compile time when they are literals.
fn dist_static(
    name: &Ident,
    key: &Ident,
    params: &[(Ident, Expr)],
    entity: &str,
    label: &str,
) -> TokenStream {
    let kind = key.to_string();
    let Some(dist) = dist::find(&kind) else {
        return TokenStream::new();
    };
    let order = dist.params;
    let args = order.iter().map(
        |want| match params.iter().find(|(param, _)| param == want) {
            Some((_, value)) => as_f64(value),
            None => quote!(::core::unreachable!()),
        },
    );
    let ty = Ident::new(dist.ty, key.span());
    let message = format!("invalid `{kind}` of field `{label}` of `{entity}`: {{}}");
    quote_spanned! {key.span()=>
        static #name: ::datagen::__private::LazyLock<::datagen::__private::dist::Dist<::datagen::__private::rand_distr::#ty<f64>>> = ::datagen::__private::LazyLock::new(|| {
            match ::datagen::__private::dist::#key(#(#args),*) {
                ::datagen::__private::core::result::Result::Ok(dist) => dist,
                ::datagen::__private::core::result::Result::Err(error) => ::datagen::__private::core::panic!(#message, error),
            }
        });
    }
}

/// A pattern compiled once (already validated at compile time).
fn regex_static(name: &Ident, lit: &LitStr, entity: &str, label: &str) -> TokenStream {
    let message = format!("invalid `regex` of field `{label}` of `{entity}`: {{}}");
    quote_spanned! {lit.span()=>
        static #name: ::datagen::__private::LazyLock<::datagen::__private::regex::Regex> = ::datagen::__private::LazyLock::new(|| {
            match ::datagen::__private::regex::Regex::new(#lit) {
                ::datagen::__private::core::result::Result::Ok(regex) => regex,
                ::datagen::__private::core::result::Result::Err(error) => ::datagen::__private::core::panic!(#message, error),
            }
        });
    }
}

/// `one_of`: a uniform index, a compile-time cumulative weight table, or (with `unique`) a
/// permuted row; then a `match` yielding the item.
pub(crate) fn one_of(
    gen_: &mut Gen,
    field: &Field<'_>,
    array: &ExprArray,
    label: &str,
) -> TokenStream {
    let p = private();
    let vty = field.value_ty;
    let items: Vec<TokenStream> = array
        .elems
        .iter()
        .map(|item| match item {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) => {
                quote_spanned!(lit.span()=> ::datagen::__private::core::convert::Into::<#vty>::into(#lit))
            }
            other => quote!(#other),
        })
        .collect();
    let n = items.len();
    let entity = gen_.entity.clone();
    let index = match (&field.attrs.unique, &field.attrs.weights) {
        (Some(unique), _) => {
            let domain = n as u128;
            gen_.push_check(check(&entity, label, quote!(#domain)));
            quote_spanned!(unique.span()=> ::datagen::__private::unique_index(ctx, #domain, #entity, #label))
        }
        (None, Some(weights)) => {
            let cumulative = weights.value.iter().scan(0u64, |sum, (weight, _)| {
                *sum += weight;
                Some(proc_macro2::Literal::u64_unsuffixed(*sum))
            });
            quote!(#p::pick_cumulative(ctx, &[#(#cumulative),*]))
        }
        (None, None) if n == 1 => return items.into_iter().next().unwrap_or_default(),
        (None, None) => quote!(ctx.index(#n)),
    };
    let arms = items.iter().enumerate().map(|(i, item)| {
        let last = i + 1 == n;
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        if last {
            quote!(_ => #item)
        } else {
            quote!(#i => #item)
        }
    });
    quote! {
        match #index {
            #(#arms,)*
        }
    }
}
