//! Code generation from the validated model: the `Entity` and `Generate` impls, the build
//! function and the per-field accessors that `ref` and `lookup` call.
//!
//! Every field is computed in the scope of its name (`field(ctx, name_hash("email"), ..)`), so its
//! values depend only on (seed, entity, row, field path): adding or reordering fields changes no
//! other field. Fields a template or lookup reads are computed first, into locals.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Generics, Ident, Path};

use crate::ast::{Container, Data, Field, Group, Style, Variant};
use crate::attr::Source;
use crate::ctxt::Errors;
use crate::source::Place;
use crate::{arbitrary, cases, factory, fallback, source, valid};

/// The derive: parse, validate, then expand, or emit the errors beside a stub impl.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let mut cont = Container::from_syn(input, &mut errors);
    if let Some(cont) = cont.as_mut() {
        valid::check(cont, &mut errors);
    }
    match (errors.finish(), cont) {
        (Ok(()), Some(cont)) => expand(&cont),
        (Err(error), _) => fallback::expand(input, &error),
        (Ok(()), None) => fallback::expand(
            input,
            &syn::Error::new(Span::call_site(), "unsupported input"),
        ),
    }
}

/// What the code of one type shares while it is generated.
pub(crate) struct Gen {
    /// The entity name.
    pub(crate) entity: String,
    /// Items beside the impls: `LazyLock` statics of distributions and patterns.
    pub(crate) statics: Vec<TokenStream>,
    /// Domain checks of `unique` fields, for `Entity::check`.
    pub(crate) checks: Vec<TokenStream>,
}

impl Gen {
    /// Adds a static once: a field's value code may be emitted more than once (by its build, a
    /// factory's build and its cases), its statics only once.
    pub(crate) fn push_static(&mut self, item: TokenStream) {
        push_once(&mut self.statics, item);
    }

    /// Adds a domain check once.
    pub(crate) fn push_check(&mut self, item: TokenStream) {
        push_once(&mut self.checks, item);
    }
}

fn push_once(items: &mut Vec<TokenStream>, item: TokenStream) {
    let text = item.to_string();
    if !items.iter().any(|other| other.to_string() == text) {
        items.push(item);
    }
}

/// The path every generated reference goes through.
pub(crate) fn private() -> TokenStream {
    quote!(::datagen::__private)
}

/// `const { name_hash("name") }`: the hash of a scope name, computed at compile time.
pub(crate) fn hash(name: &str) -> TokenStream {
    let p = private();
    quote!(const { #p::name_hash(#name) })
}

/// The local holding a field's value while the value is built.
pub(crate) fn local(field: &Field<'_>) -> Ident {
    format_ident!("__f_{}", field.name)
}

/// The local holding the row a `ref` field picked, for the lookups that read it.
pub(crate) fn row_local(field: &Field<'_>) -> Ident {
    format_ident!("__row_{}", field.name)
}

/// The accessor of field `name` that `ref` and `lookup` call.
pub(crate) fn accessor(name: &Ident) -> Ident {
    Ident::new(&format!("__datagen_field_{}", name.unraw()), name.span())
}

/// The function giving the row of a value of field `name` (`Some` for keys), for a factory
/// whose `ref` is set.
pub(crate) fn row_of(name: &str) -> Ident {
    Ident::new(&format!("__datagen_row_of_{name}"), Span::call_site())
}

/// The function reading field `name` of a value, for a factory's association setters.
pub(crate) fn getter(name: &str) -> Ident {
    Ident::new(&format!("__datagen_get_{name}"), Span::call_site())
}

/// `Customer` and `__datagen_field_id` of `ref = Customer::id`.
pub(crate) fn split_ref(path: &Path) -> (TokenStream, Ident) {
    let mut ty = TokenStream::new();
    path.leading_colon.to_tokens(&mut ty);
    let n = path.segments.len() - 1;
    for (i, pair) in path.segments.pairs().enumerate() {
        if i < n {
            pair.value().to_tokens(&mut ty);
            if i + 1 < n {
                pair.punct().to_tokens(&mut ty);
            }
        }
    }
    (ty, accessor(&path.segments[n].ident))
}

fn expand(cont: &Container<'_>) -> TokenStream {
    let input = cont.original;
    let ident = &input.ident;
    let p = private();
    let mut gen_ = Gen {
        entity: cont.entity(),
        statics: Vec::new(),
        checks: Vec::new(),
    };
    let entity = &gen_.entity.clone();
    let entity_hash = hash(entity);

    let top = Place {
        label: "",
        statics: "",
    };
    // Named structs get a factory (and so cases); enums a build per variant.
    let mut extra = TokenStream::new();
    let mut items = TokenStream::new();
    let build = match &cont.data {
        Data::Struct(group) => {
            let build = build_group(&mut gen_, group, &quote!(Self), &top, false);
            extra.extend(accessors(&mut gen_, cont, group));
            if group.style == Style::Named {
                let with = build_group(&mut gen_, group, &quote!(Self), &top, true);
                let factory = factory::name(cont);
                let (_, ty_generics, _) = input.generics.split_for_impl();
                extra.extend(quote! {
                    #[doc(hidden)]
                    #[inline]
                    fn __datagen_build_with(ctx: &mut #p::Ctx, __o: &#factory #ty_generics) -> Self {
                        #with
                    }
                });
                items.extend(factory::expand(cont, group));
                items.extend(cases::expand_struct(&mut gen_, cont, group));
                items.extend(arbitrary::expand_struct(&mut gen_, cont, group));
            }
            build
        }
        Data::Enum(variants) => {
            let bodies = variant_bodies(&mut gen_, variants);
            extra.extend(variant_fn(&bodies));
            items.extend(cases::expand_enum(cont, bodies.len()));
            items.extend(arbitrary::expand_enum(cont, bodies.len()));
            build_enum(variants, &bodies)
        }
    };
    let factory_struct = match &cont.data {
        Data::Struct(group) if group.style == Style::Named => factory::declare(cont, group),
        _ => TokenStream::new(),
    };

    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let bounded = bounded_where(&input.generics);
    let statics = &gen_.statics;
    let check = if gen_.checks.is_empty() {
        TokenStream::new()
    } else {
        let checks = &gen_.checks;
        quote! {
            fn check(ctx: &#p::Ctx) -> #p::core::result::Result<(), #p::Error> {
                #(#checks)*
                #p::core::result::Result::Ok(())
            }
        }
    };
    quote! {
        #factory_struct

        #[allow(non_upper_case_globals, clippy::all, clippy::pedantic, clippy::nursery)]
        const _: () = {
            #(#statics)*

            #[automatically_derived]
            impl #impl_generics #p::Entity for #ident #ty_generics #where_clause {
                const ENTITY: &'static str = #entity;
                #check
            }

            #[automatically_derived]
            impl #impl_generics #p::Generate for #ident #ty_generics #bounded {
                #[inline]
                fn generate(ctx: &mut #p::Ctx) -> Self {
                    if ctx.__in_row() {
                        // A field of another entity's row: a nested value keyed by the field path.
                        return Self::__datagen_build(ctx);
                    }
                    let saved = ctx.__begin_next_row(#entity_hash);
                    let value = Self::__datagen_build(ctx);
                    ctx.__leave(saved);
                    value
                }

                fn generate_at(ctx: &#p::Ctx, index: u64) -> Self {
                    let mut ctx = ctx.__fork_row(#entity_hash, index);
                    Self::__datagen_build(&mut ctx)
                }
            }

            #[automatically_derived]
            #[allow(dead_code, non_snake_case, unreachable_pub, private_interfaces)]
            impl #impl_generics #ident #ty_generics #bounded {
                #[doc(hidden)]
                #[inline]
                fn __datagen_build(ctx: &mut #p::Ctx) -> Self {
                    #build
                }

                #extra
            }

            #items
        };
    }
}

/// The where clause with a `Generate` bound on every type parameter.
pub(crate) fn bounded_where(generics: &Generics) -> TokenStream {
    let p = private();
    let existing = generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter())
        .map(ToTokens::to_token_stream);
    let bounds = generics.type_params().map(|param| {
        let ident = &param.ident;
        quote!(#ident: #p::Generate)
    });
    let predicates: Vec<TokenStream> = existing.chain(bounds).collect();
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates),*)
    }
}

/// The fields of a struct or variant, each into its local in dependency order, then the value.
///
/// A build without overrides enters its fields' scopes by path keys computed once per parent
/// path (`Ctx::__field_keys`), not by hashing each name under the path on every row.
fn build_group(
    gen_: &mut Gen,
    group: &Group<'_>,
    ctor: &TokenStream,
    place: &Place<'_>,
    overrides: bool,
) -> TokenStream {
    let scoped: Vec<usize> = if overrides {
        Vec::new()
    } else {
        group
            .order
            .iter()
            .copied()
            .filter(|&i| source::takes_scope(group, &group.fields[i]))
            .collect()
    };
    let lets: Vec<TokenStream> = group
        .order
        .iter()
        .map(|&i| {
            let key = scoped.iter().position(|&s| s == i).map(|k| {
                let k = proc_macro2::Literal::usize_unsuffixed(k);
                quote!(__keys[#k])
            });
            source::field_let(
                gen_,
                group,
                &group.fields[i],
                place,
                overrides,
                key.as_ref(),
            )
        })
        .collect();
    let keys = if scoped.is_empty() {
        TokenStream::new()
    } else {
        let hashes = scoped.iter().map(|&i| hash(&group.fields[i].name));
        let count = scoped.len();
        quote! {
            static __DATAGEN_FIELD_HASHES: [u64; #count] = [#(#hashes),*];
            let __keys: [u64; #count] = ctx.__field_keys(&__DATAGEN_FIELD_HASHES);
            let __scope = ctx.__save();
        }
    };
    // Fields move the context from key to key; the scope comes back once, at the end.
    let restore = if scoped.is_empty() {
        TokenStream::new()
    } else {
        quote!(ctx.__leave(__scope);)
    };
    let values = group.fields.iter().map(|field| {
        let member = member(field);
        let local = local(field);
        quote!(#member: #local)
    });
    let value = match group.style {
        Style::Unit => ctor.clone(),
        Style::Named | Style::Tuple => quote!(#ctor { #(#values),* }),
    };
    quote! {
        #keys
        #(#lets)*
        #restore
        #value
    }
}

/// The variants that can appear (weight above zero), each with the code building it in its
/// scope.
fn variant_bodies(gen_: &mut Gen, variants: &[Variant<'_>]) -> Vec<(usize, TokenStream)> {
    let p = private();
    (0..variants.len())
        .filter(|&i| variants[i].attrs.weight.map_or(1, |(w, _)| w) > 0)
        .map(|i| {
            let variant = &variants[i];
            let name = variant.ident.unraw().to_string();
            let ident = variant.ident;
            let place = Place {
                label: &format!("{name}."),
                statics: &format!("{name}_"),
            };
            let body = build_group(gen_, &variant.group, &quote!(Self::#ident), &place, false);
            let body = if variant.group.fields.is_empty() {
                body
            } else {
                let scope = hash(&name);
                quote!(#p::field(ctx, #scope, |ctx| { #body }))
            };
            (i, body)
        })
        .collect()
}

/// `__datagen_variant(ctx, k)`: the `k`-th variant that can appear, its fields generated; for
/// edge cases and proptest strategies.
fn variant_fn(bodies: &[(usize, TokenStream)]) -> TokenStream {
    let p = private();
    let last = bodies.len() - 1;
    let arms = bodies.iter().enumerate().map(|(k, (_, body))| {
        if k == last {
            quote!(_ => #body)
        } else {
            let k = proc_macro2::Literal::usize_unsuffixed(k);
            quote!(#k => #body)
        }
    });
    quote! {
        #[doc(hidden)]
        fn __datagen_variant(ctx: &mut #p::Ctx, variant: usize) -> Self {
            match variant {
                #(#arms,)*
            }
        }
    }
}

/// A variant picked by a compile-time cumulative weight table, then its fields in its scope.
fn build_enum(variants: &[Variant<'_>], bodies: &[(usize, TokenStream)]) -> TokenStream {
    let p = private();
    let weights: Vec<u64> = variants
        .iter()
        .map(|v| v.attrs.weight.map_or(1, |(w, _)| w))
        .collect();
    if let [(_, only)] = bodies {
        // One variant can appear: nothing to draw.
        return only.clone();
    }
    let cumulative: Vec<proc_macro2::Literal> = weights
        .iter()
        .scan(0u64, |sum, w| {
            *sum += w;
            Some(proc_macro2::Literal::u64_unsuffixed(*sum))
        })
        .collect();
    let scope = hash("#variant");
    let last = bodies.len() - 1;
    let arms = bodies.iter().enumerate().map(|(k, (i, body))| {
        let i = proc_macro2::Literal::usize_unsuffixed(*i);
        if k == last {
            quote!(_ => #body)
        } else {
            quote!(#i => #body)
        }
    });
    quote! {
        match #p::field(ctx, #scope, |ctx| #p::pick_cumulative(ctx, &[#(#cumulative),*])) {
            #(#arms,)*
        }
    }
}

/// `__datagen_field_<name>(ctx, row)` for every field: that field of row `row`, computed with
/// only the fields it reads (so a lookup of the entity's own rows, or of an entity that looks
/// this one up, does not rebuild rows without end).
fn accessors(gen_: &mut Gen, cont: &Container<'_>, group: &Group<'_>) -> TokenStream {
    let p = private();
    let vis = &cont.original.vis;
    let entity_hash = hash(&gen_.entity);
    let top = Place {
        label: "",
        statics: "",
    };
    let fns: Vec<TokenStream> = group
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let name = Ident::new(
                &format!("__datagen_field_{}", field.name),
                Span::call_site(),
            );
            let ty = &field.original.ty;
            let body = match field.attrs.source().map(|s| &s.value) {
                // A key is the row number: nothing to generate. The closure, never called, reads
                // the field as the other accessors do, so a key counts as read like other fields.
                Some(Source::Key) => {
                    let member = member(field);
                    quote! {
                        let _ = (ctx, |value: &Self| { let _ = &value.#member; });
                        <#ty as #p::FromKey>::from_key(row)
                    }
                }
                _ => {
                    let needed = needed_fields(group, index);
                    let lets = group.order.iter().filter(|&&i| needed[i]).map(|&i| {
                        source::field_let(gen_, group, &group.fields[i], &top, false, None)
                    });
                    let local = local(field);
                    quote! {
                        let mut __ctx = ctx.__fork_row(#entity_hash, row);
                        let ctx = &mut __ctx;
                        #(#lets)*
                        #local
                    }
                }
            };
            let row_of = row_of(&field.name);
            let row_of_body = match field.attrs.source().map(|s| &s.value) {
                Some(Source::Key) => quote!({
                    #[allow(unused_imports)]
                    use #p::{NoKeyRow as _, ViaKeyRow as _};
                    (&#p::KeyOf(value)).key_row()
                }),
                _ => quote!({ let _ = value; #p::core::option::Option::None }),
            };
            let getter = getter(&field.name);
            let member = member(field);
            quote! {
                #[doc(hidden)]
                #[inline]
                #[allow(unused_variables)]
                #vis fn #name(ctx: &#p::Ctx, row: u64) -> #ty {
                    #body
                }

                #[doc(hidden)]
                #vis fn #row_of(value: &#ty) -> #p::core::option::Option<u64> {
                    #row_of_body
                }

                #[doc(hidden)]
                #vis fn #getter(&self) -> &#ty {
                    &self.#member
                }
            }
        })
        .collect();
    quote!(#(#fns)*)
}

/// The fields computing field `index` needs: itself and what it reads, transitively.
fn needed_fields(group: &Group<'_>, index: usize) -> Vec<bool> {
    let mut needed = vec![false; group.fields.len()];
    let mut stack = vec![index];
    while let Some(i) = stack.pop() {
        if !needed[i] {
            needed[i] = true;
            stack.extend(crate::order::dependencies(group, &group.fields[i]));
        }
    }
    needed
}

/// The field as a struct-expression member: `name` or `0`.
pub(crate) fn member(field: &Field<'_>) -> TokenStream {
    match &field.original.ident {
        Some(ident) => ident.to_token_stream(),
        None => syn::Index {
            index: field.index as u32,
            span: field.original.ty.span(),
        }
        .to_token_stream(),
    }
}
