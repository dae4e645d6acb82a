//! `proptest::arbitrary::Arbitrary` for derived types, inside `__if_proptest!` (which expands to
//! nothing unless the facade's `proptest` feature is on: the derive can't see features).
//!
//! A struct's strategy draws a seed (not shrunk) and, for each field with a shrinkable source,
//! a value: `range` through proptest's range strategies (shrinking toward the low end), `one_of`
//! as an index (toward the first choice), a bounded `regex` as an index into its strings
//! (toward `Regex::nth(0)`), `len` as a collection (toward the shortest), `null_rate` as a
//! weighted coin (toward `None`), and a field without a source through its own `Arbitrary` when
//! it has one. The value is then built by the factory at row 0 of `Ctx::seeded(seed)`, so
//! providers, `with` functions and distributions come from the seed, and templates and lookups
//! are computed from the drawn fields. Enums draw a variant (shrinking toward the first) and a
//! seed. Types with generic parameters get no impl.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Expr, ExprArray};

use crate::ast::{Container, Field, Group};
use crate::attr::Source;
use crate::expand::{Gen, hash, private};
use crate::source::{self, Place, len_bounds, static_name};

/// The impl wrapped in `__if_proptest!`, or nothing for a generic type.
fn wrap_impl(cont: &Container<'_>, body: TokenStream) -> TokenStream {
    if !cont.original.generics.params.is_empty() {
        return TokenStream::new();
    }
    let p = private();
    let ident = &cont.original.ident;
    quote! {
        #p::__if_proptest! {
            #[automatically_derived]
            impl #p::prop::Arbitrary for #ident
            where
                for<'__a> #ident: #p::core::fmt::Debug,
            {
                type Parameters = ();
                type Strategy = #p::prop::BoxedStrategy<Self>;

                fn arbitrary_with((): ()) -> Self::Strategy {
                    #body
                }
            }
        }
    }
}

/// The strategy of a struct with named fields.
pub(crate) fn expand_struct(
    gen_: &mut Gen,
    cont: &Container<'_>,
    group: &Group<'_>,
) -> TokenStream {
    let p = private();
    let place = Place {
        label: "",
        statics: "",
    };
    let factory = crate::factory::name(cont);
    let setters: Vec<TokenStream> = group
        .fields
        .iter()
        .map(|field| field_setter(gen_, group, field, &place, &factory))
        .collect();
    let body = quote! {
        #[allow(unused_imports)]
        use #p::prop::{NoArbitrary as _, NoRange as _, ViaArbitrary as _, ViaRange as _};
        let setters: #p::std::vec::Vec<#p::core::option::Option<#p::prop::BoxedStrategy<#p::prop::Setter<#factory>>>> =
            #p::std::vec![#(#setters),*];
        #p::prop::derived(setters.into_iter().flatten().collect(), Self::factory, |factory, ctx| factory.build_at(ctx, 0))
    };
    wrap_impl(cont, body)
}

/// The strategy of an enum: a variant index and a seed.
pub(crate) fn expand_enum(cont: &Container<'_>, variants: usize) -> TokenStream {
    let p = private();
    let entity = hash(&cont.entity());
    let body = quote! {
        #p::prop::variants(#variants, |variant, seed| {
            let mut ctx = #p::Ctx::seeded(seed).__fork_row(#entity, 0);
            Self::__datagen_variant(&mut ctx, variant)
        })
    };
    wrap_impl(cont, body)
}

/// `Option<BoxedStrategy<Setter<Factory>>>`: the field's strategy setting its override, or
/// `None` when the field is left to the build.
fn field_setter(
    gen_: &mut Gen,
    group: &Group<'_>,
    field: &Field<'_>,
    place: &Place<'_>,
    factory: &syn::Ident,
) -> TokenStream {
    let p = private();
    let vty = field.value_ty;
    let none = quote!(#p::core::option::Option::None);
    let source = field.attrs.source().map(|s| &s.value);
    // Templates read other fields' locals and keys, lookups and skips draw nothing: all are
    // left to the build.
    if matches!(
        source,
        Some(Source::Key | Source::Skip | Source::Lookup(_) | Source::Template(_))
    ) {
        return none;
    }
    let value = source::value(gen_, group, field, place);
    let elem = match source {
        Some(Source::Range(expr)) => {
            quote!((&#p::prop::RangeOf::<#vty, _>::new(#expr)).elem())
        }
        Some(Source::OneOf(array)) => one_of(field, array),
        Some(Source::Regex(_)) => {
            let name = static_name(field, place);
            quote!(#p::prop::regex(&*#name, |s| #p::core::convert::Into::<#vty>::into(s)))
        }
        None if field.attrs.unique.is_none() => {
            quote!((&#p::prop::ArbOf::<#vty>::new()).elem())
        }
        _ => none.clone(),
    };
    let modifiers = field.attrs.len.is_some() || field.attrs.null_rate.is_some();
    let member = &field.original.ident;
    let set = quote!(|factory: &mut #factory, value| factory.#member = value);
    if !modifiers {
        return quote!((#elem).map(|elem| #p::prop::setter(elem, #set)));
    }
    let mut strategy = quote! {
        (#elem).unwrap_or_else(|| #p::prop::from_ctx(|ctx: &mut #p::Ctx| #value))
    };
    if let Some(len) = &field.attrs.len {
        let (lo, hi) = len_bounds(&len.value);
        strategy = quote!(#p::prop::with_len(#lo, #hi, #strategy));
    }
    if let Some(rate) = &field.attrs.null_rate {
        let rate = crate::lit::as_f64(&rate.value);
        strategy = quote!(#p::prop::with_null(#rate, #strategy));
    }
    quote!(#p::core::option::Option::Some(#p::prop::setter(#strategy, #set)))
}

/// `one_of`: an index over the choices that can appear (weight above zero), first choice
/// simplest.
fn one_of(field: &Field<'_>, array: &ExprArray) -> TokenStream {
    let p = private();
    let vty = field.value_ty;
    let weights = field.attrs.weights.as_ref();
    let items: Vec<TokenStream> = array
        .elems
        .iter()
        .enumerate()
        .filter(|(i, _)| weights.is_none_or(|w| w.value.get(*i).is_none_or(|(w, _)| *w > 0)))
        .map(|(_, item)| match item {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) => quote!(#p::core::convert::Into::<#vty>::into(#lit)),
            other => quote!(#other),
        })
        .collect();
    let n = items.len();
    let last = n.saturating_sub(1);
    let arms = items.iter().enumerate().map(|(k, item)| {
        if k == last {
            quote!(_ => #item)
        } else {
            let k = proc_macro2::Literal::usize_unsuffixed(k);
            quote!(#k => #item)
        }
    });
    quote!(#p::core::option::Option::Some(#p::prop::index(#n, |i| match i { #(#arms,)* })))
}
