//! String literals shared by whatever writes JSON or YAML text: a JSON string is also a YAML
//! double-quoted string that reads back as the same string.

use std::fmt::Write as _;

/// Appends `s` as a double-quoted JSON string: `"` and `\` escaped, newline, carriage return
/// and tab as `\n`, `\r`, `\t`, other control characters (and DEL, which YAML does not take
/// raw) as `\u00XX`.
pub fn push_json_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::push_json_string;

    #[test]
    fn escapes_quotes_backslashes_and_control_characters() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\nd\te\u{1}\u{7f}é");
        assert_eq!(out, r#""a\"b\\c\nd\te\u0001\u007fé""#);
    }
}
