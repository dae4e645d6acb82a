//! Database URLs in messages: the password hidden, whatever reads or writes the database.

/// `scheme://user:secret@host/db` as `scheme://user:***@host/db`: the password of the URL's
/// authority (the part before the first `/` after the scheme) replaced by `***`; a URL without
/// a password is returned as it is.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{scheme}://{name}:***@{host}{path}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_hidden_and_the_rest_kept() {
        assert_eq!(
            redact("mysql://root:secret@h:3306/db"),
            "mysql://root:***@h:3306/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("schema.sql"), "schema.sql");
        // An `@` after the authority is not a password's end.
        assert_eq!(
            redact("postgresql://u:p@ss@h/db?x=a@b"),
            "postgresql://u:***@h/db?x=a@b"
        );
    }
}
