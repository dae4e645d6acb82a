//! The factory of a struct with named fields: `CustomerFactory`, with a setter per field, a
//! sequence and a context function per field, presets, association setters for `ref` fields,
//! and `build`/`build_many`/`build_at`, which run the type's build with the overrides in place.
//!
//! Setters that store a value need it `Clone + Send + Sync + 'static`; that bound is written
//! `for<'__a> Ty: ...` so a field type without it only loses its setter instead of failing the
//! derive (a plain bound on a concrete type is an error where it does not hold).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt as _;

use crate::ast::{Container, Group};
use crate::attr::Source;
use crate::expand::{bounded_where, getter, hash, private, split_ref};
use crate::valid::type_part;

/// Method names of the factory that a field setter must not take.
const RESERVED: &[&str] = &["build", "build_many", "build_at", "preset"];

/// `CustomerFactory` for `Customer`.
pub(crate) fn name(cont: &Container<'_>) -> Ident {
    let ident = &cont.original.ident;
    Ident::new(&format!("{}Factory", ident.unraw()), ident.span())
}

/// The setter of a field: its name, or `set_<name>` when that is a factory method.
fn setter(field: &crate::ast::Field<'_>) -> Ident {
    let ident = field
        .original
        .ident
        .clone()
        .unwrap_or_else(|| Ident::new("_", Span::call_site()));
    if RESERVED.contains(&field.name.as_str()) {
        format_ident!("set_{}", field.name)
    } else {
        ident
    }
}

/// The factory struct, declared beside the type so users can name it.
pub(crate) fn declare(cont: &Container<'_>, group: &Group<'_>) -> TokenStream {
    let p = private();
    let input = cont.original;
    let ident = &input.ident;
    let vis = &input.vis;
    let factory = name(cont);
    let generics = &input.generics;
    let where_clause = &generics.where_clause;
    let fields = group.fields.iter().map(|field| {
        let member = &field.original.ident;
        let ty = &field.original.ty;
        quote!(#member: #p::Override<#ty>)
    });
    let doc = format!(
        "Builds [`{ident}`] values with some fields set: see `{ident}::factory()`.\n\n\
         Each field has a setter taking its value, `<field>_seq(|row| ..)` for a sequence over \
         the row index and `<field>_with(|ctx| ..)` for any function of the context; fields \
         computed from others (templates, lookups) follow the values set."
    );
    quote! {
        #[doc = #doc]
        #[allow(dead_code, clippy::all)]
        #vis struct #factory #generics #where_clause {
            #(#fields,)*
        }
    }
}

/// The factory's impls and `Type::factory()`.
pub(crate) fn expand(cont: &Container<'_>, group: &Group<'_>) -> TokenStream {
    let p = private();
    let input = cont.original;
    let ident = &input.ident;
    let vis = &input.vis;
    let factory = name(cont);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let bounded = bounded_where(&input.generics);
    let members: Vec<&Option<Ident>> = group.fields.iter().map(|f| &f.original.ident).collect();
    let names: Vec<&str> = group.fields.iter().map(|f| f.name.as_str()).collect();
    let entity = hash(&cont.entity());

    let setters = group.fields.iter().map(|field| {
        let member = &field.original.ident;
        let ty = &field.original.ty;
        let set = setter(field);
        let seq = format_ident!("{}_seq", field.name);
        let with = format_ident!("{}_with", field.name);
        let name = &field.name;
        let doc_set = format!("Sets `{name}` for every value built.");
        let doc_seq = format!("Sets `{name}` to `f(row)`, `row` being the row index (0, 1, 2, ...).");
        let doc_with = format!("Sets `{name}` to `f(ctx)`, drawing from the field's own stream.");
        quote! {
            #[doc = #doc_set]
            #[must_use]
            #vis fn #set(mut self, value: #ty) -> Self
            where
                for<'__a> #ty: #p::core::clone::Clone + #p::core::marker::Send + #p::core::marker::Sync + 'static,
            {
                self.#member = #p::Override::value(value);
                self
            }

            #[doc = #doc_seq]
            #[must_use]
            #vis fn #seq(mut self, f: impl #p::core::ops::Fn(u64) -> #ty + #p::core::marker::Send + #p::core::marker::Sync + 'static) -> Self {
                self.#member = #p::Override::sequence(f);
                self
            }

            #[doc = #doc_with]
            #[must_use]
            #vis fn #with(mut self, f: impl #p::core::ops::Fn(&mut #p::Ctx) -> #ty + #p::core::marker::Send + #p::core::marker::Sync + 'static) -> Self {
                self.#member = #p::Override::from_fn(f);
                self
            }
        }
    });
    let associations = associations(cont, group);
    let doc_factory = format!(
        "A factory of `{ident}` values: set some fields, then `build` (see [`{factory}`])."
    );
    let doc_build = format!(
        "Builds the entity's next row, as `{ident}::generate` does, with the fields set here; \
         without any, equal to `generate`."
    );
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::core::clone::Clone for #factory #ty_generics #where_clause {
            fn clone(&self) -> Self {
                Self { #(#members: #p::core::clone::Clone::clone(&self.#members),)* }
            }
        }

        #[automatically_derived]
        impl #impl_generics #p::core::default::Default for #factory #ty_generics #where_clause {
            fn default() -> Self {
                Self { #(#members: #p::Override::unset(),)* }
            }
        }

        #[automatically_derived]
        impl #impl_generics #p::core::fmt::Debug for #factory #ty_generics #where_clause {
            fn fmt(&self, f: &mut #p::core::fmt::Formatter<'_>) -> #p::core::fmt::Result {
                f.debug_struct(stringify!(#factory))
                    #(.field(#names, &self.#members))*
                    .finish()
            }
        }

        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = #doc_factory]
            #vis fn factory() -> #factory #ty_generics {
                #p::core::default::Default::default()
            }
        }

        #[automatically_derived]
        #[allow(clippy::all, clippy::pedantic)]
        impl #impl_generics #factory #ty_generics #where_clause {
            #(#setters)*

            #associations

            /// Applies a preset: a function adding settings, defined once and combined freely
            /// (`.preset(gold).preset(adult)`), like FactoryBot's traits.
            #[must_use]
            #vis fn preset(self, f: impl #p::core::ops::FnOnce(Self) -> Self) -> Self {
                f(self)
            }
        }

        #[automatically_derived]
        impl #impl_generics #factory #ty_generics #bounded {
            #[doc = #doc_build]
            #vis fn build(&self, ctx: &mut #p::Ctx) -> #ident #ty_generics {
                if ctx.__in_row() {
                    return #ident::__datagen_build_with(ctx, self);
                }
                let saved = ctx.__begin_next_row(#entity);
                let value = #ident::__datagen_build_with(ctx, self);
                ctx.__leave(saved);
                value
            }

            /// Builds the next `n` rows.
            #vis fn build_many(&self, ctx: &mut #p::Ctx, n: usize) -> #p::std::vec::Vec<#ident #ty_generics> {
                (0..n).map(|_| self.build(ctx)).collect()
            }

            /// Builds row `row` directly, as `generate_at` does.
            #vis fn build_at(&self, ctx: &#p::Ctx, row: u64) -> #ident #ty_generics {
                let mut ctx = ctx.__fork_row(#entity, row);
                #ident::__datagen_build_with(&mut ctx, self)
            }
        }
    }
}

/// A setter per `ref` field taking a value of the referenced type: it sets the field from it,
/// and every `lookup` whose `by` is that field. Named after the type in snake case
/// (`customer(&Customer)`), or `<field>_from` when the type has two refs or the name is taken.
fn associations(cont: &Container<'_>, group: &Group<'_>) -> TokenStream {
    let p = private();
    let vis = &cont.original.vis;
    let refs: Vec<(&crate::ast::Field<'_>, &syn::Path)> = group
        .fields
        .iter()
        .filter(|f| f.attrs.null_rate.is_none() && f.attrs.len.is_none())
        .filter_map(|f| match f.attrs.source().map(|s| &s.value) {
            Some(Source::Ref(path)) => Some((f, path)),
            _ => None,
        })
        .collect();
    let taken: Vec<String> = group
        .fields
        .iter()
        .flat_map(|f| {
            let setter = setter(f).unraw().to_string();
            [
                setter,
                format!("{}_seq", f.name),
                format!("{}_with", f.name),
            ]
        })
        .chain(RESERVED.iter().map(|s| s.to_string()))
        .collect();
    let fns = refs.iter().map(|(field, path)| {
        let ty_name = type_part(path);
        let twins = refs.iter().filter(|(_, other)| type_part(other) == ty_name).count();
        let last = path.segments[path.segments.len() - 2].ident.unraw().to_string();
        let snake = snake_case(&last);
        let name = if twins == 1 && !taken.contains(&snake) {
            Ident::new(&snake, Span::call_site())
        } else {
            format_ident!("{}_from", field.name)
        };
        let (owner, _) = split_ref(path);
        let mut sets = vec![(
            field.original.ident.clone(),
            &field.original.ty,
            (ref_field(path), last_span(path), owner.clone()),
        )];
        for other in &group.fields {
            if let (Some(Source::Lookup(lookup)), Some(by)) =
                (other.attrs.source().map(|s| &s.value), &other.attrs.by)
                && by.value.unraw() == field.name
            {
                sets.push((
                    other.original.ident.clone(),
                    &other.original.ty,
                    (ref_field(lookup), last_span(lookup), split_ref(lookup).0),
                ));
            }
        }
        let bounds = sets.iter().map(|(_, ty, _)| quote!(#ty: #p::core::clone::Clone + #p::core::marker::Send + #p::core::marker::Sync + 'static));
        let assigns = sets.iter().map(|(member, ty, (read, span, owner))| {
            let get = Ident::new(&getter(read).to_string(), *span);
            // Spanned and typed as the build's lookup, so a wrong type is reported once.
            let read = quote_spanned!(*span=> #owner::#get(value).clone());
            quote! {
                let read: #ty = #read;
                self.#member = #p::Override::value(read);
            }
        });
        let fields: Vec<String> = sets.iter().map(|(m, _, _)| format!("`{}`", m.as_ref().map(|m| m.unraw().to_string()).unwrap_or_default())).collect();
        let doc = format!("Sets {} from an existing `{last}`.", fields.join(", "));
        quote! {
            #[doc = #doc]
            #[must_use]
            #vis fn #name(mut self, value: &#owner) -> Self
            where
                #(for<'__a> #bounds,)*
            {
                #(#assigns)*
                self
            }
        }
    });
    quote!(#(#fns)*)
}

/// The span of `field` in `Type::field`, as the build's accessor call has.
fn last_span(path: &syn::Path) -> Span {
    path.segments[path.segments.len() - 1].ident.span()
}

/// The field name of `Type::field`.
fn ref_field(path: &syn::Path) -> String {
    path.segments[path.segments.len() - 1]
        .ident
        .unraw()
        .to_string()
}

/// `OrderLine` -> `order_line`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
