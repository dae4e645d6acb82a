//! Avro's Parsing Canonical Form of a schema and its CRC-64-AVRO (Rabin) fingerprint, as the
//! specification defines them: what single-object encoding puts before each datum.
//!
//! The canonical form keeps only what decoding needs (`name`, `type`, `fields`, `symbols`,
//! `items`, `values`, `size`, in that order), with full names, primitives as bare names, no
//! whitespace, and each named type defined at its first use and named by its full name after.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::parse::{Id, Schema, Type};

/// The empty fingerprint of CRC-64-AVRO, which is also its polynomial.
const EMPTY: u64 = 0xc15d_213a_a4d7_a795;

/// The byte table of CRC-64-AVRO.
const TABLE: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        let mut fp = i as u64;
        let mut bit = 0;
        while bit < 8 {
            fp = (fp >> 1) ^ (EMPTY & (fp & 1).wrapping_neg());
            bit += 1;
        }
        table[i] = fp;
        i += 1;
    }
    table
};

/// The CRC-64-AVRO (Rabin) fingerprint of `data`, as the Avro specification defines it.
pub fn rabin_fingerprint(data: &[u8]) -> u64 {
    data.iter().fold(EMPTY, |fp, &b| {
        (fp >> 8) ^ TABLE[((fp ^ u64::from(b)) & 0xff) as usize]
    })
}

/// The Parsing Canonical Form of the Avro schema `text`.
///
/// # Errors
/// When `text` is not a valid Avro schema (the message names the JSON path).
pub fn parsing_canonical_form(text: &str) -> Result<String, String> {
    Ok(canonical_form(&Schema::parse(text)?))
}

/// The Parsing Canonical Form of a parsed schema.
pub(crate) fn canonical_form(schema: &Schema) -> String {
    let mut out = String::with_capacity(256);
    write(schema, schema.root, &mut HashSet::new(), &mut out);
    out
}

/// Appends the canonical form of type `id`; `defined` holds the named types already written.
fn write(schema: &Schema, id: Id, defined: &mut HashSet<Id>, out: &mut String) {
    let ty = &schema.node(id).ty;
    match ty {
        Type::Record { name, .. } | Type::Enum { name, .. } | Type::Fixed { name, .. }
            if !defined.insert(id) =>
        {
            string(name, out);
        }
        Type::Record { name, fields } => {
            out.push_str(r#"{"name":"#);
            string(name, out);
            out.push_str(r#","type":"record","fields":["#);
            for (i, (field, ty)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(r#"{"name":"#);
                string(field, out);
                out.push_str(r#","type":"#);
                write(schema, *ty, defined, out);
                out.push('}');
            }
            out.push_str("]}");
        }
        Type::Enum { name, symbols } => {
            out.push_str(r#"{"name":"#);
            string(name, out);
            out.push_str(r#","type":"enum","symbols":["#);
            for (i, symbol) in symbols.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(symbol, out);
            }
            out.push_str("]}");
        }
        Type::Fixed { name, size } => {
            out.push_str(r#"{"name":"#);
            string(name, out);
            let _ = write!(out, r#","type":"fixed","size":{size}}}"#);
        }
        Type::Array(items) => {
            out.push_str(r#"{"type":"array","items":"#);
            write(schema, *items, defined, out);
            out.push('}');
        }
        Type::Map(values) => {
            out.push_str(r#"{"type":"map","values":"#);
            write(schema, *values, defined, out);
            out.push('}');
        }
        Type::Union(branches) => {
            out.push('[');
            for (i, b) in branches.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(schema, *b, defined, out);
            }
            out.push(']');
        }
        _ => string(schema.branch_name(id), out),
    }
}

/// Appends a JSON string: UTF-8 as is, only `"`, `\` and control characters escaped.
fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
