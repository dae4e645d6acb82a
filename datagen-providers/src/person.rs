//! Person providers: `person.first_name`, `person.last_name`, `person.name`.
//!
//! Names follow real frequencies where the source has them: en_US draws from the 1990 US Census
//! name files; the other locales draw from Python Faker's per-locale name lists, with Faker's
//! weights where it gives them (en_GB and zh_CN surnames, ja_JP surname counts). Names are in the
//! locale's script (kanji for ja_JP, Han characters for zh_CN); every name also has an ASCII form
//! (romaji, pinyin or the name without accents) that usernames and e-mail addresses are built from.

use datagen_core::{Ctx, Locale};

use crate::table::{locale_table, table};

mod identity;
pub use identity::{
    birth_date, birth_date_value, gender, prefix, ssn, username, write_birth_date, write_ssn,
    write_username,
};

table!(
    /// en_US first names (male and female merged), weighted by census frequency.
    FIRST_NAME_EN_US: 1, "en_US/first_name.tsv", true
);
table!(
    /// en_US surnames, the most common few thousand, weighted by census frequency.
    LAST_NAME_EN_US: 1, "en_US/last_name.tsv", true
);
locale_table!(
    /// First names of the other locales: name, ASCII form; weighted.
    fn first_names: 2, "first_name.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// Surnames of the other locales: name, ASCII form; weighted.
    fn last_names: 2, "last_name.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);

/// The locales with real person-name data: all of them.
pub(crate) const LOCALIZED: &[Locale] = &Locale::ALL;

/// A first name and its ASCII form, weighted by how common the name is.
#[inline]
pub(crate) fn first_name_pair(ctx: &mut Ctx) -> [&'static str; 2] {
    match first_names(ctx.locale()) {
        Some(table) => *table.pick(ctx),
        None => {
            let name = FIRST_NAME_EN_US.pick(ctx)[0];
            [name, name]
        }
    }
}

/// A surname and its ASCII form, weighted by how common the name is.
#[inline]
pub(crate) fn last_name_pair(ctx: &mut Ctx) -> [&'static str; 2] {
    match last_names(ctx.locale()) {
        Some(table) => *table.pick(ctx),
        None => {
            let name = LAST_NAME_EN_US.pick(ctx)[0];
            [name, name]
        }
    }
}

/// A surname when `last`, else a first name: [`last_name`] or [`first_name`], with the en_US
/// table chosen without a branch.
#[inline]
pub(crate) fn last_or_first_name(ctx: &mut Ctx, last: bool) -> &'static str {
    if ctx.locale() == Locale::EnUs {
        let table = std::hint::select_unpredictable(last, &*LAST_NAME_EN_US, &*FIRST_NAME_EN_US);
        table.pick(ctx)[0]
    } else if last {
        last_name(ctx)
    } else {
        first_name(ctx)
    }
}

/// A first name in the locale's script, weighted by how common it is (`person.first_name`).
///
/// ```
/// use datagen_core::{Ctx, Locale};
/// let mut ctx = Ctx::seeded(1);
/// let name = datagen_providers::person::first_name(&mut ctx);
/// assert!(name.chars().next().is_some_and(char::is_uppercase));
/// let mut ctx = Ctx::seeded(1).with_locale(Locale::JaJp);
/// let name = datagen_providers::person::first_name(&mut ctx);
/// assert!(!name.is_ascii());
/// ```
#[inline]
pub fn first_name(ctx: &mut Ctx) -> &'static str {
    first_name_pair(ctx)[0]
}

/// A last name (surname) in the locale's script, weighted by how common it is
/// (`person.last_name`).
#[inline]
pub fn last_name(ctx: &mut Ctx) -> &'static str {
    last_name_pair(ctx)[0]
}

/// A full name in the locale's order (`person.name`): "First Last"; surname first for ja_JP
/// ("佐藤 晃") and zh_CN, where it is written without a space ("王伟").
pub fn name(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(24);
    write_name(ctx, &mut out);
    out
}

/// Appends a full name to `out`; see [`name`].
#[inline]
pub fn write_name(ctx: &mut Ctx, out: &mut String) {
    let first = first_name(ctx);
    let last = last_name(ctx);
    match ctx.locale() {
        Locale::JaJp => {
            out.push_str(last);
            out.push(' ');
            out.push_str(first);
        }
        Locale::ZhCn => {
            out.push_str(last);
            out.push_str(first);
        }
        _ => {
            out.push_str(first);
            out.push(' ');
            out.push_str(last);
        }
    }
}
