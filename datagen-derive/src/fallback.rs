//! What a derive with errors emits: the errors, and stub impls so that one bad attribute does not
//! cascade into "trait not implemented" and "no function named" errors wherever the type is used.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Ident};

use crate::expand::private;

/// The errors as `compile_error!`s beside stub `Entity` and `Generate` impls and accessors.
pub(crate) fn expand(input: &DeriveInput, error: &syn::Error) -> TokenStream {
    let p = private();
    let ident = &input.ident;
    let entity = ident.unraw().to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let errors = error.to_compile_error();
    let accessors = match &input.data {
        Data::Struct(data) => {
            let vis = &input.vis;
            let fns = data.fields.iter().enumerate().map(|(i, field)| {
                let name = field
                    .ident
                    .as_ref()
                    .map_or_else(|| i.to_string(), |ident| ident.unraw().to_string());
                let name = Ident::new(&format!("__datagen_field_{name}"), Span::call_site());
                let ty = &field.ty;
                quote! {
                    #[doc(hidden)]
                    #vis fn #name(_: &#p::Ctx, _: u64) -> #ty {
                        ::core::unreachable!()
                    }
                }
            });
            quote! {
                #[automatically_derived]
                #[allow(dead_code, non_snake_case, unreachable_pub, private_interfaces)]
                impl #impl_generics #ident #ty_generics #where_clause {
                    #(#fns)*
                }
            }
        }
        Data::Enum(_) | Data::Union(_) => TokenStream::new(),
    };
    quote! {
        #errors
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #p::Entity for #ident #ty_generics #where_clause {
                const ENTITY: &'static str = #entity;
            }

            #[automatically_derived]
            impl #impl_generics #p::Generate for #ident #ty_generics #where_clause {
                fn generate(_: &mut #p::Ctx) -> Self {
                    ::core::unreachable!()
                }
            }

            #accessors
        };
    }
}
