//! Realistic strings by property name: `email`, `firstName`, `city`, ... map to providers.

/// Draws one provider value into a buffer.
pub(super) type Write = fn(&mut datagen_core::Ctx, &mut String);

/// Property names (lowercase, without `_`, `-` or spaces) and the provider they map to.
const BY_NAME: &[(&str, &str)] = &[
    ("address", "address.address"),
    ("city", "address.city"),
    ("company", "company.name"),
    ("companyname", "company.name"),
    ("country", "address.country"),
    ("countrycode", "address.country_code"),
    ("currency", "finance.currency_code"),
    ("currencycode", "finance.currency_code"),
    ("domain", "internet.domain"),
    ("email", "internet.email"),
    ("emailaddress", "internet.email"),
    ("familyname", "person.last_name"),
    ("firstname", "person.first_name"),
    ("fullname", "person.name"),
    ("givenname", "person.first_name"),
    ("hostname", "internet.domain"),
    ("iban", "finance.iban"),
    ("industry", "company.industry"),
    ("ip", "internet.ipv4"),
    ("ipaddress", "internet.ipv4"),
    ("jobtitle", "company.job_title"),
    ("lastname", "person.last_name"),
    ("mimetype", "tech.mime_type"),
    ("name", "person.name"),
    ("phone", "phone.number"),
    ("phonenumber", "phone.number"),
    ("postalcode", "address.postcode"),
    ("postcode", "address.postcode"),
    ("sku", "retail.sku"),
    ("state", "address.state"),
    ("street", "address.street"),
    ("surname", "person.last_name"),
    ("timezone", "time.timezone"),
    ("url", "internet.url"),
    ("useragent", "internet.user_agent"),
    ("username", "internet.username"),
    ("website", "internet.url"),
    ("zip", "address.postcode"),
    ("zipcode", "address.postcode"),
];

/// The provider for a string property called `name`, if its name says what it holds.
pub(super) fn provider(name: &str) -> Option<Write> {
    let key: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let (_, provider) = BY_NAME.iter().find(|(n, _)| *n == key)?;
    datagen_providers::find(provider).map(|info| info.write)
}
