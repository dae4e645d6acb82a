//! XML: one document per file.
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <dataset entity="users" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
//! <users><id>1</id><name>Ann</name><note xsi:nil="true"/><tags><item>a</item></tags></users>
//! </dataset>
//! ```
//!
//! Rules:
//! - The root is `<dataset>`, its `entity` attribute the entity's name; one child element per
//!   row, one line each, named after the entity when the name is a valid XML name, `row`
//!   otherwise.
//! - One grandchild element per field, in column order, named after the field with every
//!   character that is not valid in an XML name replaced by `_`, and `_` put in front of a name
//!   that does not start with a letter or `_` (`2nd field` becomes `_2nd_field`).
//! - A null field (or list item) is an empty element with `xsi:nil="true"`, so it stays apart
//!   from an empty string (`<name></name>`).
//! - A struct is nested elements, one per field; a list is one `<item>` element per element.
//! - Text escapes `&`, `<` and `>`, and `\r` as `&#13;`; characters XML 1.0 cannot hold (controls
//!   other than tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD.
//! - Values print as in CSV: `xs:dateTime`-style timestamps, `true`/`false`, lowercase hex bytes
//!   (`xs:hexBinary`); non-finite floats are `NaN`, `INF` and `-INF` as in `xs:double`.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, TableSchema, Values};

use super::{item_type, push_scalar, struct_field};
use crate::format::TextFormat;

/// How XML spells non-finite floats (`xs:double`).
const NON_FINITE: super::NonFinite = [b"NaN", b"INF", b"-INF"];

/// XML (`xml`); see the module documentation for the layout.
#[derive(Clone, Copy, Debug, Default)]
pub struct Xml;

/// Whether `c` may start an XML name (XML 1.0 fifth edition, without `:`).
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// Whether `c` may appear in an XML name after its first character.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Whether `name` is a valid XML name (without colons).
fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Appends `name` as a valid XML element name (see the module documentation).
fn push_name(out: &mut Vec<u8>, name: &str) {
    if is_valid_name(name) {
        out.extend_from_slice(name.as_bytes());
        return;
    }
    if !name.chars().next().is_some_and(is_name_start) {
        out.push(b'_');
    }
    for c in name.chars() {
        if is_name_char(c) {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        } else {
            out.push(b'_');
        }
    }
}

/// Appends `s` as XML character data; with `attribute`, `"` is escaped too.
fn push_text(out: &mut Vec<u8>, s: &str, attribute: bool) {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let replacement: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' if attribute => b"&quot;",
            b'\r' => b"&#13;",
            b'\n' if attribute => b"&#10;",
            b'\t' if attribute => b"&#9;",
            b'\t' | b'\n' => {
                i += 1;
                continue;
            }
            0..0x20 => "\u{FFFD}".as_bytes(),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                out.extend_from_slice(&bytes[run..i]);
                out.extend_from_slice("\u{FFFD}".as_bytes());
                i += 3;
                run = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        out.extend_from_slice(replacement);
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// Appends the element `<name>value</name>` for value `row` of `col`.
fn push_element(out: &mut Vec<u8>, name: &str, col: &Column, ty: &DataType, row: usize) {
    out.push(b'<');
    let name_start = out.len();
    push_name(out, name);
    let name_end = out.len();
    if col.is_null(row) {
        out.extend_from_slice(b" xsi:nil=\"true\"/>");
        return;
    }
    out.push(b'>');
    match &col.values {
        Values::Str(s) => push_text(out, s.get(row), false),
        Values::List { offsets, items } => {
            let item_ty = item_type(ty);
            for i in super::range(offsets, row) {
                push_element(out, "item", items, item_ty, i);
            }
        }
        Values::Struct(fields) => {
            for (i, field) in fields.iter().enumerate() {
                let (field_name, field_ty) = struct_field(ty, i);
                push_element(out, field_name, field, field_ty, row);
            }
        }
        _ => {
            push_scalar(out, col, ty, row, &NON_FINITE);
        }
    }
    out.extend_from_slice(b"</");
    out.extend_from_within(name_start..name_end);
    out.push(b'>');
}

/// The name of a row element of `table`.
fn row_name(table: &TableSchema) -> &str {
    if is_valid_name(&table.name) {
        &table.name
    } else {
        "row"
    }
}

impl TextFormat for Xml {
    fn extension(&self) -> &'static str {
        "xml"
    }

    fn header(&self, table: &TableSchema, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset entity=\"");
        push_text(out, &table.name, true);
        out.extend_from_slice(b"\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
    }

    fn encode_row(&self, table: &TableSchema, chunk: &Chunk, row: usize, out: &mut Vec<u8>) {
        let name = row_name(table);
        out.push(b'<');
        out.extend_from_slice(name.as_bytes());
        out.push(b'>');
        for (schema, col) in table.columns.iter().zip(&chunk.columns) {
            push_element(out, &schema.name, col, &schema.ty, row);
        }
        out.extend_from_slice(b"</");
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b">\n");
    }

    fn footer(&self, _table: &TableSchema, _rows_in_file: u64, out: &mut Vec<u8>) {
        out.extend_from_slice(b"</dataset>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let name = |s: &str| {
            let mut out = Vec::new();
            push_name(&mut out, s);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(name("user_id"), "user_id");
        assert_eq!(name("2nd field"), "_2nd_field");
        assert_eq!(name(""), "_");
        assert_eq!(name("a:b"), "a_b");
        assert_eq!(name("名前"), "名前");
        assert_eq!(name("-x"), "_-x");
    }

    #[test]
    fn text() {
        let mut out = Vec::new();
        push_text(&mut out, "a<&>\"\r\n\t\u{1}\u{FFFF}é", false);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a&lt;&amp;&gt;\"&#13;\n\t\u{FFFD}\u{FFFD}é"
        );
    }
}
