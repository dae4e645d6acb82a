//! Lorem ipsum providers: `lorem.word`, `lorem.sentence`, `lorem.paragraph`.
//!
//! Placeholder text from the classic lorem ipsum words, the same in every locale.

use datagen_core::{Ctx, Locale};

use crate::table::table;

table!(
    /// The lorem ipsum words.
    WORD: 1, "lorem/word.tsv", false
);

/// Every locale: lorem ipsum is Latin everywhere.
pub(crate) const ALL: &[Locale] = &Locale::ALL;

/// A lorem ipsum word, lowercase, such as `dolor` (`lorem.word`). Safe mode changes nothing.
#[inline]
pub fn word(ctx: &mut Ctx) -> &'static str {
    WORD.pick(ctx)[0]
}

/// A sentence of 4 to 12 lorem ipsum words, capitalised, ending with a full stop, such as
/// "Quia voluptas dolorem aut sed." (`lorem.sentence`). Safe mode changes nothing.
pub fn sentence(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(64);
    write_sentence(ctx, &mut out);
    out
}

/// Appends a sentence to `out`; see [`sentence`].
pub fn write_sentence(ctx: &mut Ctx, out: &mut String) {
    let words = ctx.range(4..=12u32);
    let first = word(ctx);
    let mut chars = first.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    for _ in 1..words {
        out.push(' ');
        out.push_str(word(ctx));
    }
    out.push('.');
}

/// A paragraph of 3 to 6 sentences separated by spaces (`lorem.paragraph`). Safe mode changes
/// nothing.
pub fn paragraph(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(400);
    write_paragraph(ctx, &mut out);
    out
}

/// Appends a paragraph to `out`; see [`paragraph`].
pub fn write_paragraph(ctx: &mut Ctx, out: &mut String) {
    let sentences = ctx.range(3..=6u32);
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        write_sentence(ctx, out);
    }
}
