//! The built-in providers' registry entries, sorted by name (a test checks).

use crate::{
    address, company, finance, geo, healthcare, internet, lorem, person, phone, retail, tech, time,
};

use datagen_core::Locale;

use super::ProviderInfo;

/// Sorted by name (a test checks).
pub(super) static REGISTRY: &[ProviderInfo] = &[
    composed!(
        "address.address",
        address::write_address,
        address::LOCALIZED,
        "a postal address of one real place: its city, region and one of its postcodes; safe mode: unchanged"
    ),
    word!(
        "address.city",
        address::city,
        address::LOCALIZED,
        "a city of the locale's country in its language, weighted by population; safe mode: unchanged"
    ),
    word!(
        "address.country",
        address::country,
        address::COUNTRY_LOCALIZED,
        "a country name in the locale's language (English for en_US, en_GB); safe mode: unchanged"
    ),
    word!(
        "address.country_code",
        address::country_code,
        address::COUNTRY_LOCALIZED,
        "an ISO 3166-1 alpha-2 country code; safe mode: unchanged"
    ),
    composed!(
        "address.postcode",
        address::write_postcode,
        address::LOCALIZED,
        "a postcode in the national format (US: 5-digit ZIP in use; IT: real CAP); safe mode: unchanged"
    ),
    word!(
        "address.state",
        address::state,
        address::LOCALIZED,
        "a first-level region, weighted by population (US: the 50 states and DC); safe mode: unchanged"
    ),
    composed!(
        "address.street",
        address::write_street,
        address::LOCALIZED,
        "a street address line in the country's form and language; safe mode: unchanged"
    ),
    word!(
        "company.industry",
        company::industry,
        company::ENGLISH,
        "an industry, one of the 20 NAICS sectors; safe mode: unchanged"
    ),
    word!(
        "company.job_title",
        company::job_title,
        company::ENGLISH,
        "a job title (Accountant, chartered); safe mode: unchanged"
    ),
    composed!(
        "company.name",
        company::write_name,
        company::NAME_LOCALIZED,
        "a company name from the locale's surnames and legal forms (GmbH, Ltd); safe mode: unchanged"
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
        "geo.latitude",
        geo::write_latitude,
        geo::ALL,
        "the latitude of a point in the locale's country; safe mode: unchanged"
    ),
    composed!(
        "geo.longitude",
        geo::write_longitude,
        geo::ALL,
        "the longitude of a point in the locale's country; safe mode: unchanged"
    ),
    composed!(
        "geo.point",
        geo::write_point,
        geo::ALL,
        "\"lat,lon\" near a real place of the locale's country; safe mode: unchanged"
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
        "a billable ICD-10-CM diagnosis code, 3 to 7 characters (E11.9, S72.001A); safe mode: unchanged"
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
        "internet.ipv4",
        internet::write_ipv4,
        &Locale::ALL,
        "a public unicast IPv4 address; safe mode: RFC 5737 documentation blocks"
    ),
    composed!(
        "internet.ipv6",
        internet::write_ipv6,
        &Locale::ALL,
        "a global unicast IPv6 address in an RIR block; safe mode: 2001:db8::/32 (RFC 3849)"
    ),
    composed!(
        "internet.mac",
        internet::write_mac,
        &Locale::ALL,
        "a unicast MAC address, universally administered; safe mode: locally administered"
    ),
    composed!(
        "internet.url",
        internet::write_url,
        internet::LOCALIZED,
        "an http(s) URL on a made-up domain; safe mode: under example.com/.net/.org"
    ),
    composed!(
        "internet.user_agent",
        internet::write_user_agent,
        &Locale::ALL,
        "a browser User-Agent, Chrome/Safari/Edge/Firefox mix, current versions; safe mode: unchanged"
    ),
    composed!(
        "internet.username",
        internet::write_username,
        internet::LOCALIZED,
        "a username derived from a name; safe mode: unchanged"
    ),
    composed!(
        "lorem.paragraph",
        lorem::write_paragraph,
        lorem::ALL,
        "a paragraph of 3-6 lorem ipsum sentences; safe mode: unchanged"
    ),
    composed!(
        "lorem.sentence",
        lorem::write_sentence,
        lorem::ALL,
        "a lorem ipsum sentence of 4-12 words; safe mode: unchanged"
    ),
    word!(
        "lorem.word",
        lorem::word,
        lorem::ALL,
        "a lorem ipsum word; safe mode: unchanged"
    ),
    composed!(
        "person.birth_date",
        person::write_birth_date,
        &Locale::ALL,
        "an ISO 8601 date of birth, age 18-90 on the context's now; safe mode: unchanged"
    ),
    word!(
        "person.first_name",
        person::first_name,
        person::LOCALIZED,
        "a first name in the locale's script, weighted by the country's frequency; safe mode: unchanged"
    ),
    word!(
        "person.gender",
        person::gender,
        &Locale::ALL,
        "female or male (English codes in every locale); safe mode: unchanged"
    ),
    word!(
        "person.last_name",
        person::last_name,
        person::LOCALIZED,
        "a last name in the locale's script, weighted by the country's frequency; safe mode: unchanged"
    ),
    composed!(
        "person.name",
        person::write_name,
        person::LOCALIZED,
        "a full name, first and last; safe mode: unchanged"
    ),
    word!(
        "person.prefix",
        person::prefix,
        person::LOCALIZED,
        "an honorific (Mr., Frau, Mme; ja_JP/zh_CN: the suffix 様/先生/女士); safe mode: unchanged"
    ),
    composed!(
        "person.ssn",
        person::write_ssn,
        &[Locale::EnUs],
        "a structurally valid US Social Security number; safe mode: 987-65-4320 to 4329 (SSA ads)"
    ),
    composed!(
        "person.username",
        person::write_username,
        person::LOCALIZED,
        "a username derived from a name, as internet.username; safe mode: unchanged"
    ),
    composed!(
        "phone.number",
        phone::write_number,
        phone::LOCALIZED,
        "a valid phone number, national format; safe mode: fiction ranges in US, GB, FR only"
    ),
    word!(
        "retail.category",
        retail::category,
        retail::ENGLISH,
        "a retail department (Home & Kitchen); safe mode: unchanged"
    ),
    composed!(
        "retail.ean13",
        retail::write_ean13,
        retail::ALL,
        "an EAN-13 with the country's GS1 prefix and check digit; safe mode: in-store prefix 2xx"
    ),
    composed!(
        "retail.invoice_number",
        retail::write_invoice_number,
        retail::ALL,
        "an invoice number, INV-<year>-<6 digits>; safe mode: unchanged"
    ),
    composed!(
        "retail.isbn13",
        retail::write_isbn13,
        retail::ALL,
        "an ISBN-13 of the locale's registration group, with check digit; safe mode: unchanged"
    ),
    word!(
        "retail.order_status",
        retail::order_status,
        retail::ALL,
        "an order status: pending, shipped, delivered, ...; safe mode: unchanged"
    ),
    composed!(
        "retail.price",
        retail::write_price,
        retail::ALL,
        "a shelf price, 0.99 to 999.99, mostly .99; safe mode: unchanged"
    ),
    composed!(
        "retail.product_name",
        retail::write_product_name,
        retail::ENGLISH,
        "a product name (Ergonomic Oak Desk); safe mode: unchanged"
    ),
    composed!(
        "retail.sku",
        retail::write_sku,
        retail::ALL,
        "a stock keeping unit, AAA-00000; safe mode: unchanged"
    ),
    composed!(
        "retail.upc_a",
        retail::write_upc_a,
        retail::US,
        "a UPC-A with its check digit; safe mode: number system 2 (in-store)"
    ),
    composed!(
        "tech.hash",
        tech::write_hash,
        tech::ALL,
        "a hex digest of MD5, SHA-1 or SHA-256 length (random); safe mode: unchanged"
    ),
    word!(
        "tech.http_method",
        tech::http_method,
        tech::ALL,
        "an HTTP method, mostly GET and POST; safe mode: unchanged"
    ),
    word!(
        "tech.http_status",
        tech::http_status,
        tech::ALL,
        "a registered HTTP status code, weighted as in server logs; safe mode: unchanged"
    ),
    word!(
        "tech.mime_type",
        tech::mime_type,
        tech::ALL,
        "a media (MIME) type (application/json); safe mode: unchanged"
    ),
    composed!(
        "tech.semver",
        tech::write_semver,
        tech::ALL,
        "a semantic version (2.14.3, 1.0.0-rc.1); safe mode: unchanged"
    ),
    composed!(
        "tech.ulid",
        tech::write_ulid,
        tech::ALL,
        "a ULID stamped in the year before now; safe mode: unchanged"
    ),
    composed!(
        "tech.uuid",
        tech::write_uuid,
        tech::ALL,
        "a random (version 4) UUID; safe mode: unchanged"
    ),
    composed!(
        "tech.uuid_v7",
        tech::write_uuid_v7,
        tech::ALL,
        "a time-ordered (version 7) UUID stamped in the year before now; safe mode: unchanged"
    ),
    composed!(
        "time.date",
        time::write_date,
        time::ALL,
        "an ISO 8601 date in the ten years before now; safe mode: unchanged"
    ),
    composed!(
        "time.datetime",
        time::write_datetime,
        time::ALL,
        "an ISO 8601 UTC date and time in the ten years before now; safe mode: unchanged"
    ),
    composed!(
        "time.duration",
        time::write_duration,
        time::ALL,
        "an ISO 8601 duration, 1 second to 30 days (PT1H30M); safe mode: unchanged"
    ),
    composed!(
        "time.time",
        time::write_time,
        time::ALL,
        "an ISO 8601 time of day, hh:mm:ss; safe mode: unchanged"
    ),
    word!(
        "time.timezone",
        time::timezone,
        time::ALL,
        "an IANA time zone of the locale's country; safe mode: unchanged"
    ),
];
