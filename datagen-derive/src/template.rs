//! `template = "{first_name|lower}.{last_name}@example.com"`: parsed once, at compile time.

use syn::LitStr;

use crate::ctxt::with_hint;

/// The filters a placeholder can apply: `{name|lower}`.
const FILTERS: &[&str] = &["lower", "upper"];

/// A parsed template: literal text and placeholders naming other fields.
pub(crate) struct Template {
    /// The literal as written, for spans.
    pub(crate) lit: LitStr,
    /// Text and placeholders in order.
    pub(crate) pieces: Vec<Piece>,
}

/// One part of a template.
pub(crate) enum Piece {
    /// Literal text, with `{{` and `}}` already unescaped.
    Text(String),
    /// `{name}` or `{name|filter}`.
    Field {
        /// The field name.
        name: String,
        /// The case filter, if any.
        filter: Filter,
    },
}

/// A placeholder's case filter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Filter {
    /// The value as `Display` writes it.
    None,
    /// `|lower`.
    Lower,
    /// `|upper`.
    Upper,
}

impl Template {
    /// Parses the literal; errors are spanned at it.
    pub(crate) fn parse(lit: LitStr) -> syn::Result<Template> {
        let pieces =
            parse_pieces(&lit.value()).map_err(|message| syn::Error::new(lit.span(), message))?;
        Ok(Template { lit, pieces })
    }

    /// The field names the template refers to, in order.
    pub(crate) fn fields(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Field { name, .. } => Some(name.as_str()),
            Piece::Text(_) => None,
        })
    }

    /// The bytes of literal text, to size the output buffer.
    pub(crate) fn text_len(&self) -> usize {
        self.pieces
            .iter()
            .map(|piece| {
                if let Piece::Text(text) = piece {
                    text.len()
                } else {
                    0
                }
            })
            .sum()
    }
}

fn parse_pieces(source: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err("unmatched `}` in template; write `}}` for a literal `}`".into()),
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | None => {
                            return Err(
                                "unclosed `{` in template; write `{{` for a literal `{`".into()
                            );
                        }
                        Some(c) => inner.push(c),
                    }
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(placeholder(&inner)?);
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// `name` or `name|filter`.
fn placeholder(inner: &str) -> Result<Piece, String> {
    let mut parts = inner.split('|').map(str::trim);
    let name = parts.next().unwrap_or_default();
    if name.is_empty() {
        return Err("empty `{}` in template; name a field, such as `{first_name}`, or write `{{}}` for braces".into());
    }
    let filter = match (parts.next(), parts.next()) {
        (None, _) => Filter::None,
        (Some("lower"), None) => Filter::Lower,
        (Some("upper"), None) => Filter::Upper,
        (Some(_), Some(_)) => {
            return Err(format!(
                "`{{{inner}}}` has more than one filter; use one of `lower`, `upper`"
            ));
        }
        (Some(other), None) => {
            return Err(with_hint(
                format!("unknown template filter `{other}`"),
                other,
                FILTERS.iter().copied(),
            ));
        }
    };
    Ok(Piece::Field {
        name: name.to_string(),
        filter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &str) -> Vec<String> {
        parse_pieces(source)
            .expect("a valid template")
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => format!("text:{text}"),
                Piece::Field { name, filter } => format!("{name}:{}", filter as u8),
            })
            .collect()
    }

    #[test]
    fn templates_parse_with_escapes_and_filters() {
        assert_eq!(
            names("{a}.{b|lower}@x.org"),
            ["a:0", "text:.", "b:1", "text:@x.org"]
        );
        assert_eq!(names("{{{a|upper}}}"), ["text:{", "a:2", "text:}"]);
        assert!(parse_pieces("{a").is_err());
        assert!(parse_pieces("a}").is_err());
        assert!(parse_pieces("{}").is_err());
        assert_eq!(
            parse_pieces("{a|lowr}").err().as_deref(),
            Some("unknown template filter `lowr`; did you mean `lower`")
        );
    }
}
