//! The runtime registry: every built-in provider by dotted name, for configs and the CLI.

use datagen_core::{Ctx, Locale};

use crate::{address, finance, healthcare, internet, person, phone};

/// A provider as configs and the CLI see it.
///
/// ```
/// let info = datagen_providers::find("address.state").expect("a built-in provider");
/// let mut ctx = datagen_core::Ctx::seeded(1);
/// let mut out = String::new();
/// (info.write)(&mut ctx, &mut out);
/// assert!(!out.is_empty());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ProviderInfo {
    /// The dotted name, such as `person.first_name`.
    pub name: &'static str,
    /// A one-line description of the values.
    pub description: &'static str,
    /// The locales with real data; the others get the en_US data for now.
    pub localized: &'static [Locale],
    /// Draws one value and appends it to the buffer.
    pub write: fn(&mut Ctx, &mut String),
}

/// A registry entry for a word-list provider (`fn(&mut Ctx) -> &'static str`).
macro_rules! word {
    ($name:literal, $f:path, $localized:expr, $description:literal) => {
        ProviderInfo {
            name: $name,
            description: $description,
            localized: $localized,
            write: |ctx, out| out.push_str($f(ctx)),
        }
    };
}

/// A registry entry for a composed provider with a `write_*` form.
macro_rules! composed {
    ($name:literal, $f:path, $localized:expr, $description:literal) => {
        ProviderInfo {
            name: $name,
            description: $description,
            localized: $localized,
            write: $f,
        }
    };
}

/// Sorted by name (a test checks).
static REGISTRY: &[ProviderInfo] = &[
    word!(
        "address.city",
        address::city,
        address::LOCALIZED,
        "a city name, weighted by population"
    ),
    word!(
        "address.country",
        address::country,
        address::COUNTRY_LOCALIZED,
        "a country name (English)"
    ),
    word!(
        "address.country_code",
        address::country_code,
        address::COUNTRY_LOCALIZED,
        "an ISO 3166-1 alpha-2 country code"
    ),
    composed!(
        "address.postcode",
        address::write_postcode,
        address::LOCALIZED,
        "a postcode in use (US: 5-digit ZIP)"
    ),
    word!(
        "address.state",
        address::state,
        address::LOCALIZED,
        "a state name (US: the 50 states and DC)"
    ),
    composed!(
        "address.street",
        address::write_street,
        address::LOCALIZED,
        "a street address line: building number, street name, suffix"
    ),
    composed!(
        "finance.account_number",
        finance::write_account_number,
        finance::ALL,
        "a national bank account number (DE 10 digits, GB 8, US 8-12, ...); safe mode: unchanged"
    ),
    composed!(
        "finance.amount",
        finance::write_amount,
        finance::ALL,
        "a money amount, 1.00 to 10000.00, log-uniform; safe mode: unchanged"
    ),
    word!(
        "finance.bic",
        finance::bic,
        finance::ALL,
        "a real bank's BIC (ISO 9362) of the locale's country; safe mode: unchanged"
    ),
    composed!(
        "finance.credit_card",
        finance::write_credit_card,
        finance::ALL,
        "a Luhn-valid Visa/Mastercard/Amex/Discover/JCB number; safe mode: published test cards"
    ),
    word!(
        "finance.currency_code",
        finance::currency_code,
        finance::ALL,
        "a current ISO 4217 currency code; safe mode: unchanged"
    ),
    composed!(
        "finance.iban",
        finance::write_iban,
        finance::IBAN_LOCALIZED,
        "an IBAN with valid check digits; en_US, ja_JP, zh_CN (no IBAN): German; safe mode: unchanged"
    ),
    word!(
        "finance.merchant_category",
        finance::merchant_category,
        finance::ALL,
        "an ISO 18245 merchant category code (MCC); safe mode: unchanged"
    ),
    composed!(
        "finance.routing_number",
        finance::write_routing_number,
        finance::US,
        "a US ABA routing number with its checksum (all locales); safe mode: unchanged"
    ),
    word!(
        "finance.stock_ticker",
        finance::stock_ticker,
        finance::US,
        "an S&P 500 stock ticker (all locales); safe mode: unchanged"
    ),
    word!(
        "finance.transaction",
        finance::transaction,
        finance::ALL,
        "a transaction kind: purchase, refund, transfer, ...; safe mode: unchanged"
    ),
    composed!(
        "healthcare.blood_pressure",
        healthcare::write_blood_pressure,
        healthcare::ALL,
        "a blood pressure in mmHg, systolic/diastolic (120/80); safe mode: unchanged"
    ),
    word!(
        "healthcare.blood_type",
        healthcare::blood_type,
        healthcare::US,
        "an ABO/Rh blood group at US population frequencies; safe mode: unchanged"
    ),
    composed!(
        "healthcare.dose",
        healthcare::write_dose,
        healthcare::ALL,
        "a medicine dose with its unit (500 mg, 5 mL); safe mode: unchanged"
    ),
    word!(
        "healthcare.drug",
        healthcare::drug,
        healthcare::ENGLISH,
        "a generic drug name (INN) from the WHO essential medicines; safe mode: unchanged"
    ),
    composed!(
        "healthcare.heart_rate",
        healthcare::write_heart_rate,
        healthcare::ALL,
        "a heart rate in beats per minute, 40-150; safe mode: unchanged"
    ),
    word!(
        "healthcare.icd10",
        healthcare::icd10,
        healthcare::US,
        "a billable ICD-10-CM diagnosis code (E11.9); safe mode: unchanged"
    ),
    composed!(
        "healthcare.mrn",
        healthcare::write_mrn,
        healthcare::ALL,
        "a medical record number, 8 digits; safe mode: unchanged"
    ),
    composed!(
        "healthcare.npi",
        healthcare::write_npi,
        healthcare::US,
        "a US National Provider Identifier with its Luhn digit; safe mode: unchanged"
    ),
    composed!(
        "healthcare.oxygen_saturation",
        healthcare::write_oxygen_saturation,
        healthcare::ALL,
        "an oxygen saturation (SpO2) in percent, 85-100; safe mode: unchanged"
    ),
    composed!(
        "healthcare.respiratory_rate",
        healthcare::write_respiratory_rate,
        healthcare::ALL,
        "a respiratory rate in breaths per minute, 8-35; safe mode: unchanged"
    ),
    composed!(
        "healthcare.temperature",
        healthcare::write_temperature,
        healthcare::ALL,
        "a body temperature, °F for en_US (98.6), °C elsewhere (37.0); safe mode: unchanged"
    ),
    composed!(
        "internet.domain",
        internet::write_domain,
        internet::LOCALIZED,
        "a domain name; safe mode: under example.com"
    ),
    composed!(
        "internet.email",
        internet::write_email,
        internet::LOCALIZED,
        "an e-mail address; safe mode: @example.com"
    ),
    composed!(
        "internet.username",
        internet::write_username,
        internet::LOCALIZED,
        "a username derived from a name"
    ),
    word!(
        "person.first_name",
        person::first_name,
        person::LOCALIZED,
        "a first name, weighted by frequency"
    ),
    word!(
        "person.last_name",
        person::last_name,
        person::LOCALIZED,
        "a last name, weighted by frequency"
    ),
    composed!(
        "person.name",
        person::write_name,
        person::LOCALIZED,
        "a full name, first and last"
    ),
    composed!(
        "phone.number",
        phone::write_number,
        phone::LOCALIZED,
        "a valid phone number, national format; safe mode: 555-01xx"
    ),
];

/// Every built-in provider, sorted by name.
pub fn registry() -> &'static [ProviderInfo] {
    REGISTRY
}

/// The provider called `name` (such as `person.first_name`), if there is one.
pub fn find(name: &str) -> Option<&'static ProviderInfo> {
    REGISTRY
        .binary_search_by(|p| p.name.cmp(name))
        .ok()
        .map(|i| &REGISTRY[i])
}

/// The provider name closest to an unknown `name`, for a "did you mean" hint.
///
/// Matches a misspelling (`person.frist_name`), a name without its family (`first_name`), or a
/// different case; `None` when nothing is close.
///
/// ```
/// assert_eq!(datagen_providers::suggest("person.frist_name"), Some("person.first_name"));
/// assert_eq!(datagen_providers::suggest("zipcode"), None);
/// assert_eq!(datagen_providers::suggest("postcode"), Some("address.postcode"));
/// ```
pub fn suggest(name: &str) -> Option<&'static str> {
    let wanted = name.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for info in REGISTRY {
        let leaf = info
            .name
            .rsplit_once('.')
            .map_or(info.name, |(_, leaf)| leaf);
        // Without a family, compare with the part after the dot.
        let against = if wanted.contains('.') {
            info.name
        } else {
            leaf
        };
        let distance = edit_distance(&wanted, against);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, info.name));
        }
    }
    // Up to a third of the name may be wrong, at least one edit, at most three.
    let allowed = (wanted.chars().count() / 3).clamp(1, 3);
    best.filter(|&(d, _)| d <= allowed).map(|(_, name)| name)
}

/// The edit distance between two strings, counting an insertion, a deletion, a substitution or
/// a swap of two neighbours as one edit (optimal string alignment), as typos go.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * width];
    for (i, cell) in d.iter_mut().step_by(width).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_unique() {
        for pair in REGISTRY.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} then {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn distances_count_typos() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("emial", "email"), 1);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("person.firstname"), Some("person.first_name"));
        assert_eq!(suggest("Person.First_Name"), Some("person.first_name"));
        assert_eq!(suggest("emial"), Some("internet.email"));
        assert_eq!(suggest("address.sate"), Some("address.state"));
        assert_eq!(suggest("completely.unrelated"), None);
    }
}
