//! The `format` values generated: dates and times, e-mail addresses, host names, IPs, URIs,
//! UUIDs, regexes, JSON pointers and URI templates, drawn from the providers where they fit.

use datagen_core::Ctx;
use datagen_providers::{internet, tech, time};

/// A `format` this importer generates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    DateTime,
    Date,
    Time,
    Duration,
    Email,
    Hostname,
    Ipv4,
    Ipv6,
    Uri,
    UriReference,
    Uuid,
    Regex,
    JsonPointer,
    RelativeJsonPointer,
    UriTemplate,
}

impl Format {
    /// The format called `name`; `None` for one the specification leaves to annotation only
    /// (an unknown format asserts nothing, so no value is wrong for it).
    pub(super) fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "date-time" => Format::DateTime,
            "date" => Format::Date,
            "time" => Format::Time,
            "duration" => Format::Duration,
            "email" | "idn-email" => Format::Email,
            "hostname" | "idn-hostname" => Format::Hostname,
            "ipv4" => Format::Ipv4,
            "ipv6" => Format::Ipv6,
            "uri" | "iri" => Format::Uri,
            "uri-reference" | "iri-reference" => Format::UriReference,
            "uuid" => Format::Uuid,
            "regex" => Format::Regex,
            "json-pointer" => Format::JsonPointer,
            "relative-json-pointer" => Format::RelativeJsonPointer,
            "uri-template" => Format::UriTemplate,
            _ => return None,
        })
    }

    /// Appends one value of the format to `out` (no quotes: the caller escapes it).
    pub(super) fn write(self, ctx: &mut Ctx, out: &mut String) {
        match self {
            Format::DateTime => time::write_datetime(ctx, out),
            Format::Date => time::write_date(ctx, out),
            Format::Time => {
                time::write_time(ctx, out);
                out.push('Z');
            }
            Format::Duration => write_duration(ctx, out),
            Format::Email => internet::write_email(ctx, out),
            Format::Hostname => internet::write_domain(ctx, out),
            Format::Ipv4 => internet::write_ipv4(ctx, out),
            Format::Ipv6 => internet::write_ipv6(ctx, out),
            Format::Uri => internet::write_url(ctx, out),
            Format::UriReference => {
                if ctx.chance(0.5) {
                    internet::write_url(ctx, out);
                } else {
                    write_path(ctx, out, 3);
                }
            }
            Format::Uuid => tech::write_uuid(ctx, out),
            Format::Regex => out.push_str(ctx.pick::<&str>(REGEXES)),
            Format::JsonPointer => write_path(ctx, out, 4),
            Format::RelativeJsonPointer => {
                out.push_str(itoa::Buffer::new().format(ctx.below(4)));
                if ctx.chance(0.2) {
                    out.push('#');
                } else {
                    write_path(ctx, out, 2);
                }
            }
            Format::UriTemplate => {
                internet::write_url(ctx, out);
                out.push_str(ctx.pick::<&str>(TEMPLATES));
            }
        }
    }
}

/// Regexes a `format: regex` value is drawn from: valid ECMA-262 and common in schemas.
const REGEXES: &[&str] = &[
    "^[a-z]+$",
    "^[A-Z]{2}-[0-9]{4}$",
    "[0-9]+",
    "^\\d{3}-\\d{4}$",
    "^(yes|no)$",
    "^[a-zA-Z0-9_.-]+@[a-zA-Z0-9.-]+$",
    "v[0-9]+\\.[0-9]+",
];

/// The variable parts of a `format: uri-template` value, after a URL.
const TEMPLATES: &[&str] = &[
    "/{id}",
    "/items{?page,size}",
    "/{user}/orders/{order}",
    "{/path}",
];

/// Path segments for JSON pointers and relative URI references.
const SEGMENTS: &[&str] = &[
    "items", "users", "orders", "0", "1", "2", "name", "address", "data", "meta",
];

/// Appends `/segment` one to `max` times.
fn write_path(ctx: &mut Ctx, out: &mut String, max: u64) {
    let n = 1 + ctx.below(max);
    for _ in 0..n {
        out.push('/');
        out.push_str(ctx.pick::<&str>(SEGMENTS));
    }
}

/// An RFC 3339 duration (`P3D`, `PT45S`, `P1DT2H30M`): days, then a contiguous run of hours,
/// minutes and seconds (RFC 3339 allows no gap, so never `PT1H5S`).
fn write_duration(ctx: &mut Ctx, out: &mut String) {
    out.push('P');
    let days = ctx.below(4) * ctx.below(31);
    if days > 0 {
        out.push_str(itoa::Buffer::new().format(days));
        out.push('D');
    }
    if days > 0 && ctx.chance(0.4) {
        return;
    }
    out.push('T');
    let first = ctx.below(3);
    let last = first + ctx.below(3 - first);
    for unit in first..=last {
        let (max, letter) = [(24, 'H'), (60, 'M'), (60, 'S')][unit as usize];
        out.push_str(itoa::Buffer::new().format(1 + ctx.below(max - 1)));
        out.push(letter);
    }
}
