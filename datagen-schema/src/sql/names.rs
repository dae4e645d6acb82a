//! Column names as hints of what the values are: `email` gets emails, `city` cities,
//! `price` prices, `birth_date` birth dates, so data looks real without any config.

/// The words of a column name, lower case: `BillingPostalCode` and `billing_postal_code` both
/// give `["billing", "postal", "code"]`.
pub(crate) fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = c.is_uppercase()
            && i > 0
            && (chars[i - 1].is_lowercase()
                || chars.get(i + 1).is_some_and(|n| n.is_lowercase())
                    && chars[i - 1].is_uppercase());
        if c == '_' || c == ' ' || c == '-' || boundary {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c == '_' || c == ' ' || c == '-' {
                continue;
            }
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The provider for a text column called `name` in table `table`, if the name tells.
pub(crate) fn text_provider(table: &str, name: &str) -> Option<&'static str> {
    let w = words(name);
    let has = |x: &str| w.iter().any(|y| y == x);
    let last = w.last().map(String::as_str).unwrap_or_default();
    let joined = w.join("_");
    let table_words = words(table);
    let table_is = |x: &str| table_words.iter().any(|y| y.starts_with(x));
    Some(match joined.as_str() {
        _ if has("email") || has("mail") => "internet.email",
        _ if has("first") && (has("name") || has("names"))
            || joined == "firstname"
            || joined == "given_name" =>
        {
            "person.first_name"
        }
        _ if has("last") && has("name")
            || joined == "lastname"
            || joined == "surname"
            || joined == "family_name" =>
        {
            "person.last_name"
        }
        _ if has("username") || has("login") || (has("user") && has("name")) => "internet.username",
        _ if has("phone") || has("fax") || has("mobile") || has("tel") => "phone.number",
        _ if has("city") || has("town") => "address.city",
        _ if has("postal") || has("postcode") || has("zip") || has("zipcode") => "address.postcode",
        _ if has("country") && has("code") => "address.country_code",
        _ if has("country") => "address.country",
        _ if has("state") || has("region") || has("province") || has("district") => "address.state",
        _ if has("address") || has("street") => "address.street",
        _ if has("url") || has("homepage") || has("website") => "internet.url",
        _ if has("ip") => "internet.ipv4",
        _ if has("iban") => "finance.iban",
        _ if has("currency") => "finance.currency_code",
        _ if has("sku") => "retail.sku",
        _ if has("ean") || has("barcode") => "retail.ean13",
        _ if has("isbn") => "retail.isbn13",
        _ if has("npi") => "healthcare.npi",
        _ if has("icd10") || has("diagnosis") => "healthcare.icd10",
        _ if has("company")
            || has("supplier")
            || has("customer") && has("name")
            || has("ship") && has("name") =>
        {
            "company.name"
        }
        _ if has("contact") && has("name")
            || joined == "full_name"
            || has("composer")
            || has("author") =>
        {
            "person.name"
        }
        _ if has("courtesy") || has("prefix") || has("salutation") => "person.prefix",
        _ if has("job")
            || (has("title") && (table_is("employee") || table_is("staff") || has("contact"))) =>
        {
            "company.job_title"
        }
        _ if has("product") && has("name") => "retail.product_name",
        _ if has("category") && (has("name") || last == "category") => "retail.category",
        _ if has("status") => "retail.order_status",
        _ if has("password") || has("hash") || has("token") => "tech.hash",
        _ if has("timezone") => "time.timezone",
        _ if has("description")
            || has("notes")
            || has("note")
            || has("comment")
            || has("comments")
            || has("bio")
            || has("summary") =>
        {
            "lorem.sentence"
        }
        _ if has("title") || has("name") => {
            if table_is("artist")
                || table_is("actor")
                || table_is("person")
                || table_is("employee")
                || table_is("staff")
            {
                "person.name"
            } else if table_is("compan")
                || table_is("supplier")
                || table_is("shipper")
                || table_is("publisher")
            {
                "company.name"
            } else if table_is("product") {
                "retail.product_name"
            } else if table_is("categor") || table_is("genre") {
                "retail.category"
            } else if table_is("countr") {
                "address.country"
            } else if table_is("cit") {
                "address.city"
            } else if table_is("language") {
                return Some("lorem.word");
            } else {
                "lorem.sentence"
            }
        }
        _ => return None,
    })
}

/// A realistic range for a number column called `name`, if the name tells.
pub(crate) fn number_range(name: &str) -> Option<(f64, f64)> {
    let w = words(name);
    let has = |x: &str| w.iter().any(|y| y == x);
    Some(match () {
        () if has("price") || has("cost") || has("rate") || has("fee") => (0.99, 99.99),
        () if has("amount")
            || has("total")
            || has("balance")
            || has("salary")
            || has("freight") =>
        {
            (1.0, 999.99)
        }
        () if has("quantity") || has("qty") || has("units") || has("stock") || has("level") => {
            (0.0, 100.0)
        }
        () if has("discount") => (0.0, 0.25),
        () if has("age") => (18.0, 90.0),
        () if has("year") => (1970.0, 2025.0),
        () if has("duration") || has("days") => (1.0, 14.0),
        () if has("length") || has("minutes") => (45.0, 185.0),
        () if has("milliseconds") || has("ms") => (60_000.0, 600_000.0),
        () if has("bytes") || has("size") => (1_000_000.0, 20_000_000.0),
        () if has("rating") || has("score") || has("stars") => (1.0, 5.0),
        () if has("percent") || has("pct") => (0.0, 100.0),
        () if has("latitude") || has("lat") => (-90.0, 90.0),
        () if has("longitude") || has("lng") || has("lon") => (-180.0, 180.0),
        () if has("active") || has("discontinued") || has("flag") => (0.0, 1.0),
        _ => return None,
    })
}

/// Whether a date or timestamp column called `name` is a birth date.
pub(crate) fn is_birth(name: &str) -> bool {
    let w = words(name);
    w.iter()
        .any(|x| x == "birth" || x == "birthday" || x == "dob")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_camel_and_snake_case() {
        assert_eq!(words("BillingPostalCode"), ["billing", "postal", "code"]);
        assert_eq!(words("billing_postal_code"), ["billing", "postal", "code"]);
        assert_eq!(words("HTMLTitle"), ["html", "title"]);
    }

    #[test]
    fn names_pick_providers() {
        assert_eq!(text_provider("customer", "Email"), Some("internet.email"));
        assert_eq!(
            text_provider("customer", "first_name"),
            Some("person.first_name")
        );
        assert_eq!(
            text_provider("Employee", "LastName"),
            Some("person.last_name")
        );
        assert_eq!(
            text_provider("invoice", "billing_postal_code"),
            Some("address.postcode")
        );
        assert_eq!(
            text_provider("employee", "title"),
            Some("company.job_title")
        );
        assert_eq!(text_provider("city", "city"), Some("address.city"));
        assert_eq!(text_provider("t", "xyzzy"), None);
        assert_eq!(number_range("unit_price"), Some((0.99, 99.99)));
    }
}
