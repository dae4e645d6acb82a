//! Tech providers: `tech.uuid`, `tech.uuid_v7`, `tech.ulid`, `tech.semver`, `tech.http_method`,
//! `tech.http_status`, `tech.mime_type`, `tech.hash`.
//!
//! Identifiers follow their specifications bit for bit (RFC 9562 for UUIDs, the ULID spec's
//! Crockford base32); time-ordered ones take their timestamps from before the context's `now`,
//! never from the wall clock, so they are deterministic.

use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::table::table;
use crate::text::push_padded;

table!(
    /// Media types (type/subtype).
    MIME_TYPE: 1, "tech/mime_type.tsv", false
);
table!(
    /// HTTP status codes: code, reason phrase.
    HTTP_STATUS: 2, "tech/http_status.tsv", false
);

/// Every locale: technical values are the same everywhere.
pub(crate) const ALL: &[Locale] = &Locale::ALL;

/// Lowercase hexadecimal digits.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends 16 bytes as a hyphenated UUID, `8-4-4-4-12` lowercase hex digits.
fn push_uuid(out: &mut String, bytes: &[u8; 16]) {
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
}

/// A random (version 4) UUID, such as `3f2b8c1e-9d4a-4e6b-8f0c-2a7d5e1b9c34` (`tech.uuid`):
/// 122 random bits, the version nibble 4 and the RFC 9562 variant bits `10`. Safe mode changes
/// nothing.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(6);
/// let id = datagen_providers::tech::uuid(&mut ctx);
/// assert_eq!(id.len(), 36);
/// assert_eq!(&id[14..15], "4");
/// ```
pub fn uuid(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(36);
    write_uuid(ctx, &mut out);
    out
}

/// Appends a version 4 UUID to `out`; see [`uuid`].
pub fn write_uuid(ctx: &mut Ctx, out: &mut String) {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&ctx.next_u64().to_be_bytes());
    bytes[8..].copy_from_slice(&ctx.next_u64().to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    push_uuid(out, &bytes);
}

/// How far before `now` time-ordered identifiers are stamped: up to a year, in milliseconds.
const YEAR_MS: u64 = 365 * 24 * 3600 * 1000;

/// A Unix timestamp in milliseconds within the year before the context's `now` (never after it).
fn recent_millis(ctx: &mut Ctx) -> u64 {
    let now = ctx.now().timestamp_millis().max(0) as u64;
    now.saturating_sub(ctx.below(YEAR_MS))
}

/// A time-ordered (version 7) UUID (`tech.uuid_v7`): a 48-bit Unix millisecond timestamp from the
/// year before the context's `now`, the version nibble 7, 74 random bits and the RFC 9562 variant
/// bits. Values sort by time; safe mode changes nothing.
pub fn uuid_v7(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(36);
    write_uuid_v7(ctx, &mut out);
    out
}

/// Appends a version 7 UUID to `out`; see [`uuid_v7`].
pub fn write_uuid_v7(ctx: &mut Ctx, out: &mut String) {
    let millis = recent_millis(ctx);
    let mut bytes = [0u8; 16];
    bytes[..6].copy_from_slice(&millis.to_be_bytes()[2..]);
    bytes[6..14].copy_from_slice(&ctx.next_u64().to_be_bytes());
    bytes[14..].copy_from_slice(&ctx.next_u64().to_be_bytes()[..2]);
    bytes[6] = (bytes[6] & 0x0f) | 0x70;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    push_uuid(out, &bytes);
}

/// Crockford's base32 alphabet: no I, L, O or U.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A ULID, 26 characters of Crockford base32, such as `01HQ3V5K8Z4X2N7M9P0R6T1W3Y`
/// (`tech.ulid`): a 48-bit millisecond timestamp from the year before the context's `now`, then
/// 80 random bits. Safe mode changes nothing.
pub fn ulid(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(26);
    write_ulid(ctx, &mut out);
    out
}

/// Appends a ULID to `out`; see [`ulid`].
pub fn write_ulid(ctx: &mut Ctx, out: &mut String) {
    let millis = u128::from(recent_millis(ctx));
    let random = (u128::from(ctx.next_u64()) << 16) | u128::from(ctx.next_u64() >> 48);
    let value = (millis << 80) | random;
    // 26 characters of 5 bits hold 130 bits; the top two are zero.
    for i in (0..26).rev() {
        out.push(char::from(CROCKFORD[((value >> (5 * i)) & 31) as usize]));
    }
}

/// A semantic version (SemVer 2.0.0), such as `2.14.3` or `1.0.0-rc.1` (`tech.semver`): small
/// major numbers, one in ten a pre-release. Safe mode changes nothing.
pub fn semver(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(12);
    write_semver(ctx, &mut out);
    out
}

/// Appends a semantic version to `out`; see [`semver`].
pub fn write_semver(ctx: &mut Ctx, out: &mut String) {
    let major = pick_cumulative(ctx, &[15, 55, 75, 85, 91, 95, 100]) as u32;
    push_padded(out, major, 1);
    out.push('.');
    push_padded(out, ctx.range(0..=20u32), 1);
    out.push('.');
    push_padded(out, ctx.range(0..=15u32), 1);
    if ctx.chance(0.1) {
        out.push('-');
        out.push_str(ctx.pick::<&str>(&["alpha", "beta", "rc"]));
        out.push('.');
        push_padded(out, ctx.range(1..=5u32), 1);
    }
}

/// HTTP methods (RFC 9110, PATCH from RFC 5789) with cumulative weights, as in API traffic.
const HTTP_METHOD: [(&str, u64); 7] = [
    ("GET", 60),
    ("POST", 80),
    ("PUT", 86),
    ("PATCH", 91),
    ("DELETE", 96),
    ("HEAD", 98),
    ("OPTIONS", 100),
];

/// An HTTP method, mostly `GET` then `POST` (`tech.http_method`). Safe mode changes nothing.
#[inline]
pub fn http_method(ctx: &mut Ctx) -> &'static str {
    let x = ctx.below(100);
    HTTP_METHOD
        .iter()
        .find(|&&(_, c)| x < c)
        .map_or("GET", |&(m, _)| m)
}

/// The status codes most responses carry, as in a server's logs, with cumulative weights.
const COMMON_STATUS: [(&str, u64); 10] = [
    ("200", 70),
    ("201", 74),
    ("204", 77),
    ("301", 79),
    ("302", 81),
    ("304", 86),
    ("400", 89),
    ("401", 91),
    ("404", 96),
    ("500", 100),
];

/// An HTTP status code from the IANA registry, such as `200` or `404` (`tech.http_status`):
/// nine in ten from the common ones weighted as in server logs, the rest uniform over every
/// registered code; [`http_status_reason`] gives its reason phrase. Safe mode changes nothing.
#[inline]
pub fn http_status(ctx: &mut Ctx) -> &'static str {
    if ctx.chance(0.9) {
        let x = ctx.below(100);
        COMMON_STATUS
            .iter()
            .find(|&&(_, c)| x < c)
            .map_or("200", |&(s, _)| s)
    } else {
        HTTP_STATUS.pick(ctx)[0]
    }
}

/// The reason phrase of a registered HTTP status code, such as "Not Found" for `404`.
pub fn http_status_reason(code: &str) -> Option<&'static str> {
    HTTP_STATUS
        .rows()
        .iter()
        .find(|r| r[0] == code)
        .map(|r| r[1])
}

/// A media (MIME) type, such as `application/json` or `image/png` (`tech.mime_type`).
/// Safe mode changes nothing.
#[inline]
pub fn mime_type(ctx: &mut Ctx) -> &'static str {
    MIME_TYPE.pick(ctx)[0]
}

/// A hex digest of the length of an MD5 (32 digits), SHA-1 (40) or SHA-256 (64), each equally
/// likely, lowercase (`tech.hash`). The digits are random, the digest of no input.
/// Safe mode changes nothing.
pub fn hash(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(64);
    write_hash(ctx, &mut out);
    out
}

/// Appends a hex digest to `out`; see [`hash`].
pub fn write_hash(ctx: &mut Ctx, out: &mut String) {
    let digits = *ctx.pick(&[32usize, 40, 64]);
    let mut bits = 0u64;
    for i in 0..digits {
        if i % 16 == 0 {
            bits = ctx.next_u64();
        }
        out.push(char::from(HEX[(bits & 0xf) as usize]));
        bits >>= 4;
    }
}
