//! `datagen providers` and `datagen sample`: the provider registry from the command line.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use datagen_core::seed::name_hash;
use datagen_core::{Ctx, Locale};

use crate::error::CliError;

/// Arguments of `datagen providers`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Say, for this locale, which providers have no data of its own.
    #[arg(long, value_parser = parse_locale)]
    locale: Option<Locale>,
    /// Load a word list and register it as provider NAME (`family.name`) first: a `.txt` file
    /// (one value a line) or a `.csv` file (`value,weight`). Repeatable.
    #[arg(long = "words", value_name = "NAME=PATH", value_parser = parse_words)]
    words: Vec<WordsArg>,
}

/// Arguments of `datagen sample`.
#[derive(Debug, Args)]
pub(crate) struct SampleArgs {
    /// The provider's dotted name, such as `person.first_name`.
    provider: String,
    /// How many values to print.
    #[arg(long, short = 'n', default_value_t = 10)]
    count: u64,
    /// The locale to draw from, such as `de_DE`.
    #[arg(long, value_parser = parse_locale, default_value = "en_US")]
    locale: Locale,
    /// The seed: the same seed prints the same values.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Only values that cannot reach a real person (reserved domains, fictional numbers).
    #[arg(long)]
    safe: bool,
    /// Load a word list and register it as provider NAME (`family.name`) first: a `.txt` file
    /// (one value a line) or a `.csv` file (`value,weight`). Repeatable.
    #[arg(long = "words", value_name = "NAME=PATH", value_parser = parse_words)]
    words: Vec<WordsArg>,
}

/// A `--words NAME=PATH` argument.
#[derive(Clone, Debug)]
pub(crate) struct WordsArg {
    name: String,
    path: PathBuf,
}

fn parse_words(s: &str) -> Result<WordsArg, String> {
    match s.split_once('=') {
        Some((name, path)) if !name.is_empty() && !path.is_empty() => Ok(WordsArg {
            name: name.to_owned(),
            path: PathBuf::from(path),
        }),
        _ => Err(format!(
            "expected NAME=PATH, such as my.words=words.csv; found `{s}`"
        )),
    }
}

/// Loads and registers the `--words` lists.
fn register_words(words: &[WordsArg]) -> Result<(), CliError> {
    for w in words {
        let list = datagen_providers::WordList::from_path(&w.path)
            .map_err(|e| CliError::Words(e.to_string()))?;
        datagen_providers::register_word_list(&w.name, list)
            .map_err(|e| CliError::Words(format!("--words {}: {e}", w.name)))?;
    }
    Ok(())
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    s.parse()
        .map_err(|e: datagen_core::UnknownLocale| e.to_string())
}

/// Prints every provider: `name<TAB>description`, and with `--locale`, a note on those without
/// data of their own for it.
pub(crate) fn list(args: &ListArgs, out: &mut impl Write) -> Result<(), CliError> {
    register_words(&args.words)?;
    for info in datagen_providers::providers() {
        write!(out, "{}\t{}", info.name(), info.description())?;
        if let Some(locale) = args.locale
            && !info.localized().contains(&locale)
        {
            write!(
                out,
                " [no {locale} data: values are not localized for {locale}]"
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Prints `count` values of one provider. Value `i` is row `i` of an entity named after the
/// provider, so a longer run extends a shorter one and any value can be recomputed alone.
pub(crate) fn sample(args: &SampleArgs, out: &mut impl Write) -> Result<(), CliError> {
    register_words(&args.words)?;
    let info =
        datagen_providers::find_any(&args.provider).ok_or_else(|| CliError::UnknownProvider {
            name: args.provider.clone(),
            suggestion: datagen_providers::suggest(&args.provider),
        })?;
    let mut ctx = Ctx::seeded(args.seed)
        .with_locale(args.locale)
        .with_safe(args.safe);
    let entity = name_hash(info.name());
    let mut line = String::with_capacity(64);
    for row in 0..args.count {
        let saved = ctx.__begin_row(entity, row);
        line.clear();
        info.write(&mut ctx, &mut line);
        ctx.__leave(saved);
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
