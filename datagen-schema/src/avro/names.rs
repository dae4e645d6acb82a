//! Avro names (specification 1.12, "Names"): simple names, namespaces and full names, and how
//! an unqualified name takes the enclosing namespace.

/// Whether `name` is a valid simple name: `[A-Za-z_][A-Za-z0-9_]*`.
pub(crate) fn is_simple(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `name` is a valid full name or namespace: simple names joined by dots.
pub(crate) fn is_dotted(name: &str) -> bool {
    name.split('.').all(is_simple)
}

/// Whether `name` is a valid name to define or refer to: a full name, or one with a leading
/// dot (`.Point`: `Point` in the null namespace, specification 1.12).
pub(crate) fn is_name(name: &str) -> bool {
    is_dotted(name.strip_prefix('.').unwrap_or(name))
}

/// The full name, namespace and simple name of a definition called `name` with the
/// `namespace` attribute `attr`, inside `enclosing`.
pub(crate) fn full_name(
    name: &str,
    attr: Option<&str>,
    enclosing: Option<&str>,
) -> (String, Option<String>, String) {
    if let Some(simple) = name.strip_prefix('.') {
        return (simple.to_owned(), None, simple.to_owned());
    }
    if let Some((ns, simple)) = name.rsplit_once('.') {
        return (name.to_owned(), Some(ns.to_owned()), simple.to_owned());
    }
    let ns = match attr {
        Some("") => None,
        Some(ns) => Some(ns),
        None => enclosing,
    };
    match ns {
        Some(ns) => (format!("{ns}.{name}"), Some(ns.to_owned()), name.to_owned()),
        None => (name.to_owned(), None, name.to_owned()),
    }
}

/// The full names a reference `name` written inside `enclosing` may mean, in the order they
/// are tried: a dotted name is itself (a leading dot: the name in the null namespace); an
/// unqualified one is first in the enclosing namespace, then in the null namespace (as the
/// Java implementation falls back).
pub(crate) fn candidates(name: &str, enclosing: Option<&str>) -> Vec<String> {
    if let Some(simple) = name.strip_prefix('.') {
        return vec![simple.to_owned()];
    }
    if name.contains('.') {
        return vec![name.to_owned()];
    }
    match enclosing {
        Some(ns) => vec![format!("{ns}.{name}"), name.to_owned()],
        None => vec![name.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_specification() {
        assert!(is_simple("_a1"));
        assert!(!is_simple("1a"));
        assert!(!is_simple("a-b"));
        assert!(is_dotted("org.apache.avro"));
        assert!(!is_dotted("org..avro"));
        assert_eq!(
            full_name("X", None, Some("a.b")),
            ("a.b.X".into(), Some("a.b".into()), "X".into())
        );
        assert_eq!(full_name("X", Some(""), Some("a")).0, "X");
        assert_eq!(full_name("c.X", Some("a"), None).0, "c.X");
        assert_eq!(candidates("X", Some("a")), ["a.X", "X"]);
        assert!(is_name(".X") && is_name("a.X") && !is_name("..X") && !is_name("."));
        assert_eq!(
            full_name(".X", Some("a"), Some("b")),
            ("X".into(), None, "X".into())
        );
        assert_eq!(candidates(".X", Some("a")), ["X"]);
    }
}
