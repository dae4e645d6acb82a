//! Person providers: `person.first_name`, `person.last_name`, `person.name`.
//!
//! Names follow real frequencies: en_US draws from the 1990 US Census name files, so common names
//! come up as often as in the population. Locales without their own data draw en_US names for now;
//! the registry's `localized` lists the locales with real data.

use datagen_core::{Ctx, Locale};

use crate::table::table;

table!(
    /// en_US first names (male and female merged), weighted by census frequency.
    FIRST_NAME_EN_US: 1, "en_US/first_name.tsv", true
);
table!(
    /// en_US surnames, the most common few thousand, weighted by census frequency.
    LAST_NAME_EN_US: 1, "en_US/last_name.tsv", true
);

/// The locales with real person-name data.
pub(crate) const LOCALIZED: &[Locale] = &[Locale::EnUs];

/// A first name, weighted by how common it is (`person.first_name`).
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(1);
/// let name = datagen_providers::person::first_name(&mut ctx);
/// assert!(name.chars().next().is_some_and(char::is_uppercase));
/// ```
#[inline]
pub fn first_name(ctx: &mut Ctx) -> &'static str {
    FIRST_NAME_EN_US.pick(ctx)[0]
}

/// A last name (surname), weighted by how common it is (`person.last_name`).
#[inline]
pub fn last_name(ctx: &mut Ctx) -> &'static str {
    LAST_NAME_EN_US.pick(ctx)[0]
}

/// A full name, "First Last" (`person.name`).
pub fn name(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(24);
    write_name(ctx, &mut out);
    out
}

/// Appends a full name, "First Last", to `out`; see [`name`].
#[inline]
pub fn write_name(ctx: &mut Ctx, out: &mut String) {
    out.push_str(first_name(ctx));
    out.push(' ');
    out.push_str(last_name(ctx));
}
