//! The input as a container of variants and fields, each with its parsed attributes and the
//! original `syn` node it came from.

use syn::ext::IdentExt as _;
use syn::{Data as SynData, DeriveInput, Fields, Ident, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, VariantAttrs};
use crate::ctxt::Errors;

/// The deriving type.
pub(crate) struct Container<'a> {
    /// The input as written.
    pub(crate) original: &'a DeriveInput,
    /// The type's attributes.
    pub(crate) attrs: ContainerAttrs,
    /// Its fields or variants.
    pub(crate) data: Data<'a>,
}

/// A struct's fields or an enum's variants.
pub(crate) enum Data<'a> {
    /// A struct (named, tuple or unit).
    Struct(Group<'a>),
    /// An enum.
    Enum(Vec<Variant<'a>>),
}

/// One enum variant.
pub(crate) struct Variant<'a> {
    /// The variant name.
    pub(crate) ident: &'a Ident,
    /// Its attributes.
    pub(crate) attrs: VariantAttrs,
    /// Its fields.
    pub(crate) group: Group<'a>,
}

/// The fields of a struct or of one variant, generated together.
pub(crate) struct Group<'a> {
    /// Named, tuple or unit.
    pub(crate) style: Style,
    /// The fields in declaration order.
    pub(crate) fields: Vec<Field<'a>>,
    /// The order to compute them in (fields a template or lookup reads come first); set by
    /// `valid.rs`.
    pub(crate) order: Vec<usize>,
}

/// How a struct or variant writes its fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `{ a: A }`.
    Named,
    /// `(A, B)`.
    Tuple,
    /// No fields.
    Unit,
}

/// One field.
pub(crate) struct Field<'a> {
    /// The field as written.
    pub(crate) original: &'a syn::Field,
    /// The name that keys the field's stream: the identifier without `r#`, or the tuple index.
    pub(crate) name: String,
    /// Its position in the struct or variant.
    pub(crate) index: usize,
    /// Its attributes.
    pub(crate) attrs: FieldAttrs,
    /// The type the value source yields: the field type, inside `Option` with `null_rate` and
    /// inside `Vec` with `len`; set by `valid.rs`.
    pub(crate) value_ty: &'a Type,
}

impl<'a> Container<'a> {
    /// Reads the input and every attribute, recording attribute errors. `None` for a union.
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let attrs = attr::container(&input.attrs, errors);
        let data = match &input.data {
            SynData::Struct(data) => Data::Struct(Group::from_syn(&data.fields, errors)),
            SynData::Enum(data) => Data::Enum(
                data.variants
                    .iter()
                    .map(|variant| Variant {
                        ident: &variant.ident,
                        attrs: attr::variant(&variant.attrs, errors),
                        group: Group::from_syn(&variant.fields, errors),
                    })
                    .collect(),
            ),
            SynData::Union(data) => {
                errors.at(
                    data.union_token.span,
                    "`Generate` can't be derived for a union; use a struct or an enum",
                );
                return None;
            }
        };
        Some(Container {
            original: input,
            attrs,
            data,
        })
    }

    /// The entity name: the `entity` attribute, or the type name as written.
    pub(crate) fn entity(&self) -> String {
        match &self.attrs.entity {
            Some(lit) => lit.value(),
            None => self.original.ident.unraw().to_string(),
        }
    }
}

impl<'a> Group<'a> {
    fn from_syn(fields: &'a Fields, errors: &mut Errors) -> Self {
        let style = match fields {
            Fields::Named(_) => Style::Named,
            Fields::Unnamed(_) => Style::Tuple,
            Fields::Unit => Style::Unit,
        };
        let fields: Vec<Field<'a>> = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field {
                original: field,
                name: field
                    .ident
                    .as_ref()
                    .map_or_else(|| index.to_string(), |ident| ident.unraw().to_string()),
                index,
                attrs: attr::field(&field.attrs, errors),
                value_ty: &field.ty,
            })
            .collect();
        let order = (0..fields.len()).collect();
        Group {
            style,
            fields,
            order,
        }
    }

    /// The field named `name`.
    pub(crate) fn find(&self, name: &str) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.name == name)
    }
}
