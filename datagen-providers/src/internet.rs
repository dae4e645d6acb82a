//! Internet providers: `internet.email`, `internet.username`, `internet.domain`.
//!
//! Usernames and e-mail local parts are built from a drawn name (lowercase ASCII letters and
//! digits, joined by `.` or `_`), so they read like real ones and always pass RFC 5322's
//! dot-atom rules. Names come from the locale's tables in their ASCII form (romaji for ja_JP,
//! pinyin for zh_CN, accents stripped elsewhere); free e-mail providers and top-level domains are
//! the locale's (web.de, orange.fr, .de, .co.uk), from Python Faker plus the country's ccTLD.
//! Safe mode keeps every domain under the names RFC 2606 reserves.

use datagen_core::{Ctx, Locale};

use crate::person;
use crate::table::{Table, locale_table, table};
use crate::text::{push_ascii_lower, push_padded};

mod net;
pub use net::{
    ipv4, ipv6, mac, url, user_agent, write_ipv4, write_ipv6, write_mac, write_url,
    write_user_agent,
};

table!(
    /// Free e-mail providers' domains.
    FREE_EMAIL_DOMAIN_EN_US: 1, "en_US/free_email_domain.tsv", true
);
table!(
    /// Top-level domains for made-up domain names.
    TLD_EN_US: 1, "en_US/tld.tsv", true
);

locale_table!(
    /// Free e-mail providers' domains of the other locales.
    fn free_email_domains: 1, "free_email_domain.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);
locale_table!(
    /// Top-level domains of the other locales.
    fn tlds: 1, "tld.tsv", true,
    [EnGb, DeDe, FrFr, EsEs, ItIt, PtBr, JaJp, ZhCn, NlNl]
);

/// The locales with real data for these providers: all of them.
pub(crate) const LOCALIZED: &[Locale] = &Locale::ALL;

/// The locale's free e-mail domains.
#[inline]
fn free_email_domain_table(locale: Locale) -> &'static Table<1> {
    free_email_domains(locale).unwrap_or(&FREE_EMAIL_DOMAIN_EN_US)
}

/// The locale's top-level domains.
#[inline]
fn tld_table(locale: Locale) -> &'static Table<1> {
    tlds(locale).unwrap_or(&TLD_EN_US)
}

/// The second-level domains RFC 2606 reserves for documentation, used in safe mode.
const SAFE_DOMAINS: [&str; 3] = ["example.com", "example.net", "example.org"];

/// A username such as `john.smith`, `jsmith` or `mary_jones84` (`internet.username`).
pub fn username(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(16);
    write_username(ctx, &mut out);
    out
}

/// Appends a username to `out`; see [`username`].
pub fn write_username(ctx: &mut Ctx, out: &mut String) {
    let first = person::first_name_pair(ctx)[1];
    let last = person::last_name_pair(ctx)[1];
    let before = out.len();
    match ctx.below(8) {
        0 | 1 => {
            push_ascii_lower(out, first);
            out.push('.');
            push_ascii_lower(out, last);
        }
        2 => {
            push_ascii_lower(out, first);
            out.push('_');
            push_ascii_lower(out, last);
        }
        3 => {
            push_ascii_lower(out, first.get(..1).unwrap_or(first));
            push_ascii_lower(out, last);
        }
        4 => {
            push_ascii_lower(out, first);
            push_ascii_lower(out, last);
        }
        5 => {
            push_ascii_lower(out, first);
            out.push('.');
            push_ascii_lower(out, last);
            push_padded(out, ctx.range(1..=99), 2);
        }
        6 => {
            push_ascii_lower(out, first);
            push_padded(out, ctx.range(1..=9999), 2);
        }
        _ => {
            push_ascii_lower(out, last);
            push_ascii_lower(out, first.get(..1).unwrap_or(first));
        }
    }
    // A name with no ASCII letter at all would leave nothing, or a bare separator.
    let part = &out[before..];
    if !part.bytes().any(|b| b.is_ascii_alphanumeric()) || part.starts_with(['.', '_']) {
        out.truncate(before);
        out.push_str("user");
        push_padded(out, ctx.range(1..=9999), 1);
    } else if part.ends_with(['.', '_']) {
        out.pop();
    }
}

/// An e-mail address such as `john.smith@gmail.com` (`internet.email`).
///
/// The local part is a [`username`]; the domain is a free provider's (gmail.com, yahoo.com,
/// hotmail.com) or a made-up [`domain`]. In safe mode the domain is example.com, example.net or
/// example.org (RFC 2606), so no mail can be delivered.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(2).safe();
/// let email = datagen_providers::internet::email(&mut ctx);
/// assert!(email.ends_with("@example.com") || email.ends_with("@example.net") || email.ends_with("@example.org"));
/// ```
pub fn email(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(32);
    write_email(ctx, &mut out);
    out
}

/// Appends an e-mail address to `out`; see [`email`].
pub fn write_email(ctx: &mut Ctx, out: &mut String) {
    write_username(ctx, out);
    out.push('@');
    if ctx.is_safe() {
        out.push_str(SAFE_DOMAINS[ctx.index(SAFE_DOMAINS.len())]);
    } else if ctx.chance(0.6) {
        out.push_str(free_email_domain_table(ctx.locale()).pick(ctx)[0]);
    } else {
        write_domain(ctx, out);
    }
}

/// A domain name such as `johnson.com` or `miller-ortiz.net` (`internet.domain`).
///
/// In safe mode it is a subdomain of example.com, example.net or example.org (RFC 2606).
pub fn domain(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(20);
    write_domain(ctx, &mut out);
    out
}

/// Appends a domain name to `out`; see [`domain`].
pub fn write_domain(ctx: &mut Ctx, out: &mut String) {
    let before = out.len();
    push_ascii_lower(out, person::last_name_pair(ctx)[1]);
    if ctx.chance(0.3) {
        out.push('-');
        push_ascii_lower(out, person::last_name_pair(ctx)[1]);
    }
    // Labels may not start or end with a hyphen, nor be empty (RFC 1035).
    if out[before..].starts_with('-') || out.ends_with('-') || out.len() == before {
        out.truncate(before);
        out.push_str("site");
        push_padded(out, ctx.range(1..=9999), 1);
    }
    out.push('.');
    if ctx.is_safe() {
        out.push_str(SAFE_DOMAINS[ctx.index(SAFE_DOMAINS.len())]);
    } else {
        out.push_str(tld_table(ctx.locale()).pick(ctx)[0]);
    }
}
