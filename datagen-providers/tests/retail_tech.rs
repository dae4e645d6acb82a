//! Retail and tech values checked against their standards: GS1 check digits, ISBN-13 prefixes,
//! RFC 9562 UUID bits (with the `uuid` crate), the ULID alphabet, SemVer, IANA registries.

mod common;

use std::collections::HashSet;

use common::{all_digits, assert_deterministic, each_value};
use datagen_core::{Ctx, Locale};
use datagen_providers::{retail, tech};

/// GS1 General Specifications §7.9: weights 3 and 1 from the right (the check digit weighs 1),
/// the weighted sum a multiple of 10.
fn gs1_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * if i % 2 == 1 { 3 } else { 1 })
        .sum();
    all_digits(digits) && sum.is_multiple_of(10)
}

#[test]
fn barcodes_carry_gs1_check_digits_and_country_prefixes() {
    assert!(gs1_valid("4006381333931") && !gs1_valid("4006381333932"));
    assert!(gs1_valid("036000291452") && gs1_valid("9780306406157"));
    each_value(retail::ean13, false, |locale, ean| {
        assert!(ean.len() == 13 && gs1_valid(ean), "{ean}");
        let prefix: u32 = ean[..3].parse().unwrap();
        let ok = match locale {
            Locale::EnUs => prefix <= 139 && !(20..=29).contains(&prefix),
            Locale::EnGb => (500..=509).contains(&prefix),
            Locale::DeDe => (400..=440).contains(&prefix),
            Locale::FrFr => (300..=379).contains(&prefix),
            Locale::EsEs => (840..=849).contains(&prefix),
            Locale::ItIt => (800..=839).contains(&prefix),
            Locale::PtBr => (789..=790).contains(&prefix),
            Locale::JaJp => (450..=459).contains(&prefix) || (490..=499).contains(&prefix),
            Locale::ZhCn => (690..=699).contains(&prefix),
            Locale::NlNl => (870..=879).contains(&prefix),
            _ => true,
        };
        assert!(ok, "{locale}: {ean}");
    });
    each_value(retail::ean13, true, |_, ean| {
        assert!(gs1_valid(ean) && ean.starts_with('2'), "{ean}");
    });
    each_value(retail::upc_a, false, |_, upc| {
        assert!(upc.len() == 12 && gs1_valid(upc), "{upc}");
        assert!("01678".contains(&upc[..1]), "{upc}");
    });
    each_value(retail::upc_a, true, |_, upc| {
        assert!(
            upc.len() == 12 && gs1_valid(upc) && upc.starts_with('2'),
            "{upc}"
        );
    });
}

#[test]
fn isbns_are_valid_isbn_13() {
    each_value(retail::isbn13, false, |locale, isbn| {
        assert!(isbn.len() == 13 && gs1_valid(isbn), "{isbn}");
        assert!(isbn.starts_with("978") || isbn.starts_with("979"), "{isbn}");
        if locale == Locale::DeDe {
            assert!(isbn.starts_with("9783"), "{isbn}");
        }
    });
}

#[test]
fn retail_words_and_formats() {
    each_value(retail::sku, false, |_, sku| {
        let (letters, digits) = sku.split_once('-').unwrap();
        assert!(letters.len() == 3 && letters.bytes().all(|b| b.is_ascii_uppercase()));
        assert!(digits.len() == 5 && all_digits(digits), "{sku}");
    });
    each_value(retail::product_name, false, |_, name| {
        assert_eq!(name.split(' ').count(), 3, "{name}");
    });
    each_value(retail::category, false, |_, c| {
        assert!(c.starts_with(char::is_uppercase))
    });
    each_value(retail::price, false, |_, price| {
        let (units, cents) = price.split_once('.').unwrap();
        assert!(
            all_digits(units) && cents.len() == 2 && all_digits(cents),
            "{price}"
        );
        let v: f64 = price.parse().unwrap();
        assert!((0.01..=999.99).contains(&v), "{price}");
    });
    let statuses = [
        "pending",
        "processing",
        "shipped",
        "delivered",
        "cancelled",
        "returned",
        "refunded",
    ];
    each_value(retail::order_status, false, |_, s| {
        assert!(statuses.contains(&s), "{s}")
    });
    each_value(retail::invoice_number, false, |_, inv| {
        let parts: Vec<&str> = inv.split('-').collect();
        assert_eq!(parts[0], "INV", "{inv}");
        assert!(["2023", "2024", "2025"].contains(&parts[1]), "{inv}");
        assert!(parts[2].len() == 6 && all_digits(parts[2]), "{inv}");
    });
}

#[test]
fn uuids_have_their_version_and_variant() {
    let now_ms = Ctx::seeded(0).now().timestamp_millis() as u64;
    each_value(tech::uuid, false, |_, id| {
        let parsed = uuid::Uuid::parse_str(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(parsed.get_version_num(), 4, "{id}");
        assert_eq!(parsed.get_variant(), uuid::Variant::RFC4122, "{id}");
        assert_eq!(parsed.hyphenated().to_string(), id);
    });
    each_value(tech::uuid_v7, false, |_, id| {
        let parsed = uuid::Uuid::parse_str(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(parsed.get_version_num(), 7, "{id}");
        assert_eq!(parsed.get_variant(), uuid::Variant::RFC4122, "{id}");
        let ms = u64::from_str_radix(&id.replace('-', "")[..12], 16).unwrap();
        assert!(ms <= now_ms && ms > now_ms - 366 * 86_400_000, "{id}");
    });
}

#[test]
fn ulids_are_crockford_base32_stamped_before_now() {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let now_ms = Ctx::seeded(0).now().timestamp_millis() as u128;
    each_value(tech::ulid, false, |_, id| {
        assert_eq!(id.len(), 26, "{id}");
        assert!(id.chars().all(|c| ALPHABET.contains(c)), "{id}");
        // The first character carries only 3 bits: at most 7.
        assert!(id.as_bytes()[0] <= b'7', "{id}");
        let value = id
            .chars()
            .fold(0u128, |v, c| v * 32 + ALPHABET.find(c).unwrap() as u128);
        let ms = value >> 80;
        assert!(ms <= now_ms && ms > now_ms - 366 * 86_400_000, "{id}");
    });
}

/// SemVer 2.0.0's grammar for what the provider prints: numeric identifiers without leading
/// zeros, an optional pre-release of dot-separated identifiers.
fn semver_ok(v: &str) -> bool {
    let (core, pre) = match v.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (v, None),
    };
    let numeric = |s: &str| all_digits(s) && (s == "0" || !s.starts_with('0'));
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| numeric(p))
        && pre.is_none_or(|p| {
            p.split('.')
                .all(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        })
}

#[test]
fn tech_values_follow_their_registries() {
    each_value(tech::semver, false, |_, v| assert!(semver_ok(v), "{v}"));
    let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    each_value(tech::http_method, false, |_, m| {
        assert!(methods.contains(&m), "{m}")
    });
    let mut statuses = HashSet::new();
    each_value(tech::http_status, false, |_, s| {
        let code: u32 = s.parse().unwrap();
        assert!((100..=599).contains(&code), "{s}");
        assert!(tech::http_status_reason(s).is_some(), "{s} not registered");
        statuses.insert(code);
    });
    assert!(
        statuses.len() > 40,
        "only {} distinct statuses",
        statuses.len()
    );
    assert_eq!(tech::http_status_reason("404"), Some("Not Found"));
    let top_types = [
        "application",
        "audio",
        "font",
        "image",
        "message",
        "model",
        "multipart",
        "text",
        "video",
    ];
    each_value(tech::mime_type, false, |_, m| {
        let (top, sub) = m.split_once('/').unwrap_or_else(|| panic!("{m}"));
        assert!(top_types.contains(&top) && !sub.is_empty(), "{m}");
    });
    each_value(tech::hash, false, |_, h| {
        assert!([32, 40, 64].contains(&h.len()), "{h}");
        assert!(
            h.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
            "{h}"
        );
    });
}

#[test]
fn retail_and_tech_are_deterministic() {
    assert_deterministic("retail");
    assert_deterministic("tech");
}
