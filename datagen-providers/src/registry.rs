//! The runtime registry: every built-in provider by dotted name, for configs and the CLI.

use datagen_core::{Ctx, Locale};

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
    /// The locales with real data for this provider; a locale not listed gets no localised data
    /// (the provider's documentation says what it draws there instead).
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

mod entries;
use entries::REGISTRY;

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
