//! Reading `.avsc` text as JSON: `//` and `/* */` comments outside strings are allowed (as
//! Jackson's `ALLOW_COMMENTS` reads them) and blanked out, keeping lines and columns.

use std::path::Path;

use datagen_engine::ir::Span;
use serde_json::Value;

use super::Error;

/// `text` with every comment outside a string replaced by spaces (newlines kept).
pub(crate) fn strip_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if in_string {
            out.push(c);
            if c == b'\\' && i + 1 < b.len() {
                out.push(b[i + 1]);
                i += 2;
                continue;
            }
            in_string = c != b'"';
            i += 1;
        } else if c == b'"' {
            in_string = true;
            out.push(c);
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                out.push(b' ');
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            out.extend_from_slice(b"  ");
            i += 2;
            while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                out.push(if b[i] == b'\n' { b'\n' } else { b' ' });
                i += 1;
            }
            if i < b.len() {
                out.extend_from_slice(b"  ");
                i += 2;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    // Only ASCII bytes were replaced, and only outside strings: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Parses the schema `text` of the file at `path`, comments allowed.
pub(crate) fn parse(text: &str, path: &Path) -> Result<Value, Error> {
    serde_json::from_str(&strip_comments(text)).map_err(|e| Error {
        file: path.to_owned(),
        pointer: String::new(),
        span: Span::at(
            u32::try_from(e.line()).unwrap_or(u32::MAX),
            u32::try_from(e.column()).unwrap_or(u32::MAX),
        ),
        message: format!("not valid JSON: {e}"),
        help: Some("fix the JSON syntax (`//` and `/* */` comments are allowed)".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_outside_strings() {
        let text = "{\"a\": \"x//y\", // note\n /* b */ \"b\": 1}";
        let v: Value = serde_json::from_str(&strip_comments(text)).unwrap();
        assert_eq!(v["a"], "x//y");
        assert_eq!(v["b"], 1);
        assert_eq!(strip_comments("// c\n1").lines().count(), 2);
    }
}
