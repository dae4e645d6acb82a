//! `Cases` for derived types: edge cases (each field at its boundaries) and invalid cases (each
//! breaking one rule), built through the factory so fields computed from others follow.
//!
//! Every case is row 0 of the entity with one field overridden by a context function; the
//! function recomputes its value (a literal, a range end, the first string of a pattern) rather
//! than cloning one, so no field type needs `Clone`. Types with generic parameters get no
//! `Cases` (an override function must be `'static`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Expr, ExprArray};

use crate::ast::{Container, Field, Group};
use crate::attr::Source;
use crate::expand::{Gen, hash, private};
use crate::source::{self, Place, len_bounds, static_name, wrap};
use crate::valid::tokens;

/// Whether the type can have `Cases`.
fn supported(cont: &Container<'_>) -> bool {
    cont.original.generics.params.is_empty()
}

/// `Cases` for a struct with named fields, and the inherent methods calling it.
pub(crate) fn expand_struct(
    gen_: &mut Gen,
    cont: &Container<'_>,
    group: &Group<'_>,
) -> TokenStream {
    if !supported(cont) {
        return TokenStream::new();
    }
    let place = Place {
        label: "",
        statics: "",
    };
    let mut edges = Vec::new();
    let mut invalid = Vec::new();
    for field in &group.fields {
        field_cases(gen_, group, field, &place, &mut edges, &mut invalid);
    }
    let p = private();
    let body = quote! {
        fn edge_cases(ctx: &#p::Ctx) -> #p::std::vec::Vec<Self> {
            let mut out = #p::std::vec::Vec::new();
            #(#edges)*
            out
        }

        fn invalid_cases(ctx: &#p::Ctx) -> #p::std::vec::Vec<#p::Invalid<Self>> {
            let mut out = #p::std::vec::Vec::new();
            #(#invalid)*
            out
        }
    };
    impls(cont, body)
}

/// `Cases` for an enum: one value per variant that can appear.
pub(crate) fn expand_enum(cont: &Container<'_>, variants: usize) -> TokenStream {
    if !supported(cont) {
        return TokenStream::new();
    }
    let p = private();
    let entity = hash(&cont.entity());
    let body = quote! {
        fn edge_cases(ctx: &#p::Ctx) -> #p::std::vec::Vec<Self> {
            (0..#variants)
                .map(|variant| {
                    let mut ctx = ctx.__fork_row(#entity, 0);
                    Self::__datagen_variant(&mut ctx, variant)
                })
                .collect()
        }
    };
    impls(cont, body)
}

fn impls(cont: &Container<'_>, body: TokenStream) -> TokenStream {
    let p = private();
    let ident = &cont.original.ident;
    let vis = &cont.original.vis;
    quote! {
        #[automatically_derived]
        impl #p::Cases for #ident {
            #body
        }

        #[automatically_derived]
        impl #ident {
            /// Values with each field at its boundaries, every one valid: see `datagen::Cases`.
            #vis fn edge_cases(ctx: &#p::Ctx) -> #p::std::vec::Vec<Self> {
                <Self as #p::Cases>::edge_cases(ctx)
            }

            /// Values that each break the one rule they name: see `datagen::Cases`.
            #vis fn invalid_cases(ctx: &#p::Ctx) -> #p::std::vec::Vec<#p::Invalid<Self>> {
                <Self as #p::Cases>::invalid_cases(ctx)
            }
        }
    }
}

/// Pushes row 0 with `field` computed by `value` (code reading `ctx`, the field's context).
fn edge(field: &Field<'_>, value: &TokenStream) -> TokenStream {
    let p = private();
    let member = &field.original.ident;
    quote! {{
        let mut factory = Self::factory();
        factory.#member = #p::Override::from_fn(move |ctx: &mut #p::Ctx| { let _ = &ctx; #value });
        out.push(factory.build_at(ctx, 0));
    }}
}

/// Pushes row 0 with `field` computed by `value`, as an `Invalid` breaking `rule`.
fn invalid(field: &Field<'_>, rule: &str, value: &TokenStream) -> TokenStream {
    let p = private();
    let member = &field.original.ident;
    let name = &field.name;
    quote! {{
        let mut factory = Self::factory();
        factory.#member = #p::Override::from_fn(move |ctx: &mut #p::Ctx| { let _ = &ctx; #value });
        out.push(#p::Invalid {
            field: #name,
            rule: #p::std::string::String::from(#rule),
            value: factory.build_at(ctx, 0),
        });
    }}
}

fn field_cases(
    gen_: &mut Gen,
    group: &Group<'_>,
    field: &Field<'_>,
    place: &Place<'_>,
    edges: &mut Vec<TokenStream>,
    invalid_out: &mut Vec<TokenStream>,
) {
    let p = private();
    let vty = field.value_ty;
    let source = field.attrs.source().map(|s| &s.value);
    // Sources whose value the build draws per element; `None` for those computed otherwise.
    let element = match source {
        Some(Source::Key | Source::Skip | Source::Lookup(_)) => None,
        _ => Some(source::value(gen_, group, field, place)),
    };
    // A value of the field with its element fixed: `Some`, and each element of a `len`.
    let fixed = |value: TokenStream| wrap(field, value, None, true);
    match source {
        Some(Source::Range(expr)) => {
            let low_high = fixed(quote!(#p::core::clone::Clone::clone(&v)));
            let edge = edge(field, &low_high);
            let rule = format!("range = {}", tokens(expr));
            // Out-of-range elements, in a `Vec` of at least one.
            let outside = match &field.attrs.len {
                Some(len) => {
                    let (lo, hi) = len_bounds(&len.value);
                    let at_least_one = (
                        quote!(#p::core::cmp::max(#lo, 1)),
                        quote!(#p::core::cmp::max(#hi, 1)),
                    );
                    wrap(
                        field,
                        quote!(#p::core::clone::Clone::clone(&v)),
                        Some(at_least_one),
                        true,
                    )
                }
                None => low_high.clone(),
            };
            let bad = invalid(field, &rule, &outside);
            let get = quote! {
                #[allow(unused_imports)]
                use #p::{NoEdges as _, ViaEdges as _};
                let range = #expr;
                let cases = (&#p::RangeOf::<#vty, _>::new(&range)).range_cases();
            };
            edges.push(quote! {{
                #get
                if let #p::core::option::Option::Some(cases) = cases {
                    for v in [cases.low, cases.high] { #edge }
                }
            }});
            invalid_out.push(quote! {{
                #get
                if let #p::core::option::Option::Some(cases) = cases {
                    for v in [cases.below, cases.above].into_iter().flatten() { #bad }
                }
            }});
        }
        Some(Source::Regex(lit)) => {
            let name = static_name(field, place);
            let value = fixed(
                quote!(#p::core::convert::Into::<#vty>::into(#p::core::clone::Clone::clone(&s))),
            );
            let edge = edge(field, &value);
            let rule = format!("regex = {:?}", lit.value());
            let bad = invalid(field, &rule, &value);
            edges.push(quote! {
                if let #p::core::option::Option::Some(s) = #p::regex_first(&*#name) { #edge }
            });
            invalid_out.push(quote! {
                if let #p::core::option::Option::Some(s) = #p::regex_miss(&*#name) { #bad }
            });
        }
        Some(Source::OneOf(array)) => one_of_cases(field, array, &fixed, edges, invalid_out),
        None if field.attrs.unique.is_none() => {
            // A nested type's own edge cases (enum variants, a struct's boundaries, `None`).
            let value = fixed(quote! {{
                let mut values = (&#p::CasesOf::<#vty>::new()).edge_values(&outer);
                values.swap_remove(i)
            }});
            let edge = edge(field, &value);
            edges.push(quote! {{
                #[allow(unused_imports)]
                use #p::{NoCases as _, ViaCases as _};
                let n = (&#p::CasesOf::<#vty>::new()).edge_values(ctx).len();
                for i in 0..n {
                    let outer = #p::core::clone::Clone::clone(ctx);
                    #edge
                }
            }});
        }
        _ => {}
    }
    if field.attrs.null_rate.is_some() {
        edges.push(edge(field, &quote!(#p::core::option::Option::None)));
    }
    if let (Some(len), Some(element)) = (&field.attrs.len, &element) {
        let (lo, hi) = len_bounds(&len.value);
        let sized = wrap(field, element.clone(), Some((quote!(n), quote!(n))), true);
        let edge = edge(field, &sized);
        let rule = format!("len = {}", tokens(&len.value));
        let bad = invalid(field, &rule, &sized);
        edges.push(quote! {{
            let (lo, hi): (usize, usize) = (#lo, #hi);
            for n in if lo == hi { [lo].to_vec() } else { [lo, hi].to_vec() } { #edge }
        }});
        invalid_out.push(quote! {{
            let (lo, hi): (usize, usize) = (#lo, #hi);
            for n in lo.checked_sub(1).into_iter().chain(hi.checked_add(1)) { #bad }
        }});
    }
}

/// Every `one_of` choice; for a `String` field of string literals, one string outside them.
fn one_of_cases(
    field: &Field<'_>,
    array: &ExprArray,
    fixed: &dyn Fn(TokenStream) -> TokenStream,
    edges: &mut Vec<TokenStream>,
    invalid_out: &mut Vec<TokenStream>,
) {
    let p = private();
    let vty = field.value_ty;
    let mut strings = Vec::new();
    for item in &array.elems {
        let value = match item {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) => {
                strings.push(lit);
                quote!(#p::core::convert::Into::<#vty>::into(#lit))
            }
            other => quote!(#other),
        };
        edges.push(edge(field, &fixed(value)));
    }
    if strings.len() == array.elems.len() && tokens(vty).ends_with("String") {
        let rule = format!("one_of = {}", tokens(array));
        let value =
            fixed(quote!(#p::core::convert::Into::<#vty>::into(#p::outside(&[#(#strings),*]))));
        invalid_out.push(invalid(field, &rule, &value));
    }
}
