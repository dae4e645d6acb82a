//! Custom providers: registered at run time by name, in Rust ([`register`]) or from a word list
//! file ([`WordList`], [`register_word_list`]), and found with [`find_any`] and listed by
//! [`providers`] next to the built-in ones. They work wherever a built-in provider does: the
//! derive's `provider = "family.name"`, a config's `provider:` (which loads word lists named
//! under its `providers:` key), `datagen sample` and `datagen providers` (`--words`). A custom
//! provider's family is its own: `person.nickname` is refused, `my.nickname` is fine.
//!
//! ```
//! use datagen_core::Ctx;
//! use datagen_providers::{find_any, register};
//!
//! register("shop.aisle", "an aisle number, A1 to A9", |ctx, out| {
//!     out.push('A');
//!     out.push(char::from(b'1' + ctx.below(9) as u8));
//! })
//! .unwrap();
//! let aisle = find_any("shop.aisle").expect("registered");
//! let mut out = String::new();
//! aisle.write(&mut Ctx::seeded(1), &mut out);
//! assert!(out.starts_with('A'));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::registry::{ProviderInfo, find, registry};

/// How a custom provider draws a value.
enum Draw {
    /// A function registered in Rust.
    Function(fn(&mut Ctx, &mut String)),
    /// A word list loaded from a file.
    Words(WordList),
}

/// A provider registered at run time.
struct Custom {
    name: String,
    description: String,
    draw: Draw,
}

/// The custom providers, sorted by name.
static CUSTOM: RwLock<Vec<Arc<Custom>>> = RwLock::new(Vec::new());

/// A provider by name, built-in or custom: what [`find_any`] and [`providers`] return.
#[derive(Clone)]
pub struct ProviderRef(Inner);

#[derive(Clone)]
enum Inner {
    Builtin(&'static ProviderInfo),
    Custom(Arc<Custom>),
}

impl ProviderRef {
    /// The dotted name, such as `person.first_name`.
    pub fn name(&self) -> &str {
        match &self.0 {
            Inner::Builtin(info) => info.name,
            Inner::Custom(c) => &c.name,
        }
    }

    /// A one-line description of the values.
    pub fn description(&self) -> &str {
        match &self.0 {
            Inner::Builtin(info) => info.description,
            Inner::Custom(c) => &c.description,
        }
    }

    /// The locales with real data for this provider. A custom provider draws the same values in
    /// every locale, so it lists them all.
    pub fn localized(&self) -> &'static [Locale] {
        match &self.0 {
            Inner::Builtin(info) => info.localized,
            Inner::Custom(_) => &Locale::ALL,
        }
    }

    /// Whether this is a built-in provider.
    pub fn is_builtin(&self) -> bool {
        matches!(self.0, Inner::Builtin(_))
    }

    /// The built-in provider's registry entry, `None` for a custom one.
    pub fn builtin(&self) -> Option<&'static ProviderInfo> {
        match self.0 {
            Inner::Builtin(info) => Some(info),
            Inner::Custom(_) => None,
        }
    }

    /// Draws one value and appends it to `out`.
    pub fn write(&self, ctx: &mut Ctx, out: &mut String) {
        match &self.0 {
            Inner::Builtin(info) => (info.write)(ctx, out),
            Inner::Custom(c) => match &c.draw {
                Draw::Function(f) => f(ctx, out),
                Draw::Words(list) => out.push_str(list.pick(ctx)),
            },
        }
    }
}

impl fmt::Debug for ProviderRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderRef")
            .field("name", &self.name())
            .field("builtin", &self.is_builtin())
            .finish()
    }
}

/// Why a custom provider could not be registered.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegisterError {
    /// The name is not `family.name` in lowercase ASCII letters, digits and `_`.
    InvalidName(String),
    /// A built-in provider has this name.
    Builtin(String),
    /// A custom provider with this name is already registered.
    Duplicate(String),
    /// The name's family is a built-in one (`person`, `address`, ...): custom providers have a
    /// family of their own, so the derive can tell them apart at compile time.
    BuiltinFamily(String),
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterError::InvalidName(name) => write!(
                f,
                "invalid provider name `{name}`: expected `family.name`, lowercase ASCII letters, \
                 digits and `_`, each part starting with a letter"
            ),
            RegisterError::Builtin(name) => {
                write!(f, "`{name}` is a built-in provider; choose another name")
            }
            RegisterError::Duplicate(name) => {
                write!(f, "a custom provider named `{name}` is already registered")
            }
            RegisterError::BuiltinFamily(name) => {
                let family = name.split_once('.').map_or(name.as_str(), |(f, _)| f);
                write!(
                    f,
                    "`{name}` is in the built-in family `{family}`; give custom providers a family \
                     of their own, such as `my.{}`",
                    name.split_once('.').map_or("", |(_, leaf)| leaf)
                )
            }
        }
    }
}

impl std::error::Error for RegisterError {}

/// Whether `name` is `family.name`: two parts, each a lowercase ASCII letter then letters,
/// digits or `_`.
fn valid_name(name: &str) -> bool {
    let part = |p: &str| {
        p.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    name.split_once('.')
        .is_some_and(|(family, leaf)| part(family) && part(leaf))
}

/// Whether two providers are word lists read from the same file.
fn same_file(a: &Draw, b: &Draw) -> bool {
    match (a, b) {
        (Draw::Words(a), Draw::Words(b)) => a.source.is_some() && a.source == b.source,
        _ => false,
    }
}

fn insert(custom: Custom) -> Result<(), RegisterError> {
    if !valid_name(&custom.name) {
        return Err(RegisterError::InvalidName(custom.name));
    }
    if find(&custom.name).is_some() {
        return Err(RegisterError::Builtin(custom.name));
    }
    let family = custom.name.split_once('.').map_or("", |(family, _)| family);
    if registry()
        .iter()
        .any(|p| p.name.split_once('.').is_some_and(|(f, _)| f == family))
    {
        return Err(RegisterError::BuiltinFamily(custom.name));
    }
    let mut all = CUSTOM.write().unwrap_or_else(|e| e.into_inner());
    match all.binary_search_by(|c| c.name.as_str().cmp(&custom.name)) {
        // The same file's list again (a config read twice): the newer reading replaces it.
        Ok(at) if same_file(&all[at].draw, &custom.draw) => {
            all[at] = Arc::new(custom);
            Ok(())
        }
        Ok(_) => Err(RegisterError::Duplicate(custom.name)),
        Err(at) => {
            all.insert(at, Arc::new(custom));
            Ok(())
        }
    }
}

/// Registers a provider written in Rust under `name` (`family.name`), for the whole process.
///
/// It is then found by [`find_any`] and listed by [`providers`], as configs and the CLI do.
///
/// # Errors
/// If the name is malformed, is a built-in provider's, or is already registered.
pub fn register(
    name: &str,
    description: &str,
    write: fn(&mut Ctx, &mut String),
) -> Result<(), RegisterError> {
    insert(Custom {
        name: name.to_owned(),
        description: description.to_owned(),
        draw: Draw::Function(write),
    })
}

/// Registers a word list under `name` (`family.name`): each draw is one of its values, in
/// proportion to its weight. The description names the file it came from.
///
/// A list read from the same file as the one already registered under `name` replaces it, so a
/// config that names its word lists can be read more than once in a process.
///
/// # Errors
/// If the name is malformed, is a built-in provider's, or is already registered (other than by
/// a list from the same file).
pub fn register_word_list(name: &str, list: WordList) -> Result<(), RegisterError> {
    let description = match &list.source {
        Some(path) => format!(
            "a value from the word list {} ({} values); safe mode: unchanged",
            path.display(),
            list.len()
        ),
        None => format!(
            "a value from a word list ({} values); safe mode: unchanged",
            list.len()
        ),
    };
    insert(Custom {
        name: name.to_owned(),
        description,
        draw: Draw::Words(list),
    })
}

/// The provider called `name`, built-in or custom.
pub fn find_any(name: &str) -> Option<ProviderRef> {
    if let Some(info) = find(name) {
        return Some(ProviderRef(Inner::Builtin(info)));
    }
    let all = CUSTOM.read().unwrap_or_else(|e| e.into_inner());
    all.binary_search_by(|c| c.name.as_str().cmp(name))
        .ok()
        .map(|i| ProviderRef(Inner::Custom(Arc::clone(&all[i]))))
}

/// Every provider, built-in and custom, sorted by name.
pub fn providers() -> Vec<ProviderRef> {
    let all = CUSTOM.read().unwrap_or_else(|e| e.into_inner());
    let mut out: Vec<ProviderRef> = registry()
        .iter()
        .map(|info| ProviderRef(Inner::Builtin(info)))
        .chain(
            all.iter()
                .map(|c| ProviderRef(Inner::Custom(Arc::clone(c)))),
        )
        .collect();
    out.sort_by(|a, b| a.name().cmp(b.name()));
    out
}

/// A weighted list of values, for a custom provider.
///
/// ```
/// let list = datagen_providers::WordList::from_pairs([("red", 3), ("blue", 1)]).unwrap();
/// let mut ctx = datagen_core::Ctx::seeded(1);
/// assert!(["red", "blue"].contains(&list.pick(&mut ctx)));
/// ```
#[derive(Clone, Debug)]
pub struct WordList {
    values: Vec<String>,
    /// Running sums of the weights; `None` when every weight is equal.
    cumulative: Option<Vec<u64>>,
    source: Option<PathBuf>,
}

/// Why a word list could not be loaded.
#[derive(Debug)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// The line (from 1), when the problem is on one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for LoadError {}

impl WordList {
    /// A list from values and their weights (positive).
    ///
    /// # Errors
    /// If there are no values or a weight is zero; the message says which.
    pub fn from_pairs<S: Into<String>>(
        pairs: impl IntoIterator<Item = (S, u64)>,
    ) -> Result<Self, String> {
        let mut values = Vec::new();
        let mut weights = Vec::new();
        for (value, weight) in pairs {
            let value = value.into();
            if weight == 0 {
                return Err(format!("value `{value}` has weight 0"));
            }
            values.push(value);
            weights.push(weight);
        }
        Self::build(values, &weights, None).map_err(|e| e.to_owned())
    }

    fn build(
        values: Vec<String>,
        weights: &[u64],
        source: Option<PathBuf>,
    ) -> Result<Self, &'static str> {
        if values.is_empty() {
            return Err("no values");
        }
        let uniform = weights.windows(2).all(|w| w[0] == w[1]);
        let mut total: u64 = 0;
        let mut cumulative = Vec::with_capacity(weights.len());
        for &w in weights {
            total = total
                .checked_add(w)
                .ok_or("the weights add up to more than 2^64")?;
            cumulative.push(total);
        }
        Ok(Self {
            values,
            cumulative: (!uniform).then_some(cumulative),
            source,
        })
    }

    /// Reads a word list: a `.txt` file holds one value a line; a `.csv` file holds `value` or
    /// `value,weight` a line (weight a positive integer, 1 when left out; a value with a comma or
    /// quote is written in double quotes, `""` for a quote), with an optional header line such as
    /// `value,weight`. In both, blank lines and lines starting with `#` are skipped and spaces
    /// around values are trimmed.
    ///
    /// # Errors
    /// If the file cannot be read, has another extension, holds no values, or a line is
    /// malformed; the error names the file, the line and what is wrong.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, LoadError> {
        let path = path.as_ref();
        let error = |line: Option<usize>, message: String| LoadError {
            path: path.to_owned(),
            line,
            message,
        };
        let csv = match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => true,
            Some(e) if e.eq_ignore_ascii_case("txt") => false,
            _ => {
                return Err(error(
                    None,
                    "unsupported file type: expected a .txt (one value a line) or .csv \
                     (value,weight) file"
                        .to_owned(),
                ));
            }
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| error(None, format!("cannot read the file: {e}")))?;
        let mut values = Vec::new();
        let mut weights = Vec::new();
        let mut first = true;
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let is_first = std::mem::replace(&mut first, false);
            if !csv {
                values.push(line.to_owned());
                weights.push(1);
                continue;
            }
            let (value, weight) =
                parse_csv_line(line).map_err(|message| error(Some(number), message))?;
            let weight = match weight {
                None => 1,
                Some(w) => match w.parse::<u64>() {
                    Ok(0) => {
                        return Err(error(
                            Some(number),
                            format!("the weight of `{value}` is 0; weights must be positive"),
                        ));
                    }
                    Ok(w) => w,
                    // A first line whose second column is no number is a header.
                    Err(_) if is_first => continue,
                    Err(_) => {
                        return Err(error(
                            Some(number),
                            format!("weight `{w}` is not a positive integer"),
                        ));
                    }
                },
            };
            if value.is_empty() {
                return Err(error(Some(number), "empty value".to_owned()));
            }
            values.push(value);
            weights.push(weight);
        }
        Self::build(values, &weights, Some(path.to_owned()))
            .map_err(|message| error(None, message.to_owned()))
    }

    /// How many values the list holds.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the list is empty (never, for a list that loaded).
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The values, in file order.
    pub fn values(&self) -> &[String] {
        &self.values
    }

    /// A value, drawn in proportion to its weight.
    pub fn pick(&self, ctx: &mut Ctx) -> &str {
        let index = match &self.cumulative {
            Some(cumulative) => pick_cumulative(ctx, cumulative),
            None => ctx.index(self.values.len()),
        };
        &self.values[index]
    }
}

/// Splits a CSV line into its value and its weight column, if any.
fn parse_csv_line(line: &str) -> Result<(String, Option<&str>), String> {
    let (value, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let mut value = String::new();
        let mut chars = quoted.char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            if c == '"' {
                if quoted[i + 1..].starts_with('"') {
                    value.push('"');
                    chars.next();
                } else {
                    end = Some(i + 1);
                    break;
                }
            } else {
                value.push(c);
            }
        }
        let end = end.ok_or("unterminated quoted value")?;
        let rest = quoted[end..].trim_start();
        let rest = match rest.strip_prefix(',') {
            Some(r) => Some(r),
            None if rest.is_empty() => None,
            None => return Err(format!("unexpected `{rest}` after the quoted value")),
        };
        (value, rest)
    } else {
        match line.split_once(',') {
            Some((v, w)) => (v.trim().to_owned(), Some(w)),
            None => (line.to_owned(), None),
        }
    };
    match rest.map(str::trim) {
        Some(w) if w.contains(',') => Err(format!(
            "expected `value,weight`, found more columns (`{line}`); quote a value that holds a comma"
        )),
        Some("") => Err("empty weight after the comma".to_owned()),
        weight => Ok((value, weight)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["my.words", "shop.aisle_2", "a.b"] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in [
            "words",
            "My.words",
            "my.",
            ".words",
            "my.words.x",
            "my.2x",
            "my words.x",
            "",
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn csv_lines() {
        assert_eq!(parse_csv_line("red,3"), Ok(("red".to_owned(), Some("3"))));
        assert_eq!(parse_csv_line("red"), Ok(("red".to_owned(), None)));
        assert_eq!(
            parse_csv_line("\"a, \"\"b\"\"\",2"),
            Ok(("a, \"b\"".to_owned(), Some("2")))
        );
        assert!(parse_csv_line("\"open,2").is_err());
        assert!(parse_csv_line("a,1,2").is_err());
        assert!(parse_csv_line("a,").is_err());
    }
}
