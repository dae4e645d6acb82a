//! Snapshots of the expansion of representative types: review a changed snapshot as a diff of
//! the generated code (`INSTA_UPDATE=always cargo test -p datagen-derive`, then read the files).

use quote::quote;

/// The expansion of `input`, pretty-printed.
fn expand(input: proc_macro2::TokenStream) -> String {
    let input: syn::DeriveInput = syn::parse2(input).expect("the test input is a valid item");
    let output = crate::expand::derive(&input);
    let file: syn::File = syn::parse2(output).expect("the expansion parses as items");
    prettyplease::unparse(&file)
}

#[test]
fn struct_with_every_kind_of_field() {
    insta::assert_snapshot!(expand(quote! {
        #[datagen(entity = "customer")]
        pub struct Customer {
            #[datagen(key)]
            id: u64,
            #[datagen(provider = "person.first_name")]
            first_name: String,
            #[datagen(provider = "person.last_name")]
            last_name: String,
            #[datagen(template = "{first_name|lower}.{last_name|lower}@example.com")]
            email: String,
            #[datagen(range = 18..=90)]
            age: u8,
            #[datagen(normal(mean = 100, std_dev = 15.0))]
            score: f64,
            #[datagen(regex = "[A-Z]{2}-[0-9]{6}", unique)]
            code: String,
            #[datagen(one_of = ["gold", "silver", "bronze"], weights = [1, 3, 6])]
            tier: String,
            #[datagen(null_rate = 0.25)]
            nickname: Option<String>,
            #[datagen(len = 1..=3)]
            tags: Vec<String>,
            address: Address,
        }
    }));
}

#[test]
fn enum_with_weights_and_fields() {
    insta::assert_snapshot!(expand(quote! {
        enum Plan {
            Free,
            #[datagen(weight = 3)]
            Pro {
                #[datagen(range = 1..=50)]
                seats: u16,
                #[datagen(lognormal(mu = 3.0, sigma = 0.5))]
                price: f64,
            },
            Team(#[datagen(one_of = [5, 10, 20])] u32, String),
            #[datagen(weight = 0)]
            Legacy,
        }
    }));
}

#[test]
fn generic_struct_with_refs_and_unique() {
    insta::assert_snapshot!(expand(quote! {
        struct Order<T> where T: Clone {
            #[datagen(key)]
            id: u64,
            #[datagen(ref = Customer::id)]
            customer_id: u64,
            #[datagen(lookup = Customer::email, by = customer_id)]
            customer_email: String,
            #[datagen(unique, range = 1000..=9999)]
            number: u32,
            #[datagen(with = my_status)]
            status: String,
            #[datagen(skip)]
            note: T,
        }
    }));
}

#[test]
fn errors_come_with_stub_impls() {
    insta::assert_snapshot!(expand(quote! {
        struct Bad {
            #[datagen(rnage = 1..2, provider = "person.first_name", range = 1..3)]
            a: String,
        }
    }));
}
