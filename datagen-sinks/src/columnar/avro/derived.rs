//! The Avro schema of a table, as the JSON text a container file's header holds.
//!
//! The table is a record named after the entity; every name is made a valid Avro name (letters,
//! digits and `_`, not starting with a digit: other characters become `_`, a leading digit gets a
//! `_` prefix), field names are made unique within their record (`name_2`, `name_3`, ...) and
//! record names within the schema. A struct field becomes a nested record named
//! `<parent record>_<field>`. Nullable fields, list items and struct children are unions
//! `["null", T]` with a `null` default.

use std::collections::HashSet;
use std::fmt::Write as _;

use datagen_engine::TableSchema;
use datagen_engine::ir::DataType;

/// Names Avro reserves for its primitive types: a record cannot take them.
const PRIMITIVES: [&str; 8] = [
    "null", "boolean", "int", "long", "float", "double", "bytes", "string",
];

/// The Avro schema (compact JSON) of `table`'s rows.
pub fn avro_schema(table: &TableSchema) -> String {
    let mut records = HashSet::new();
    let mut json = String::with_capacity(64 * (table.columns.len() + 1));
    let fields: Vec<(&str, &DataType, bool)> = table
        .columns
        .iter()
        .map(|c| (c.name.as_str(), &c.ty, c.nullable))
        .collect();
    record(&table.name, &fields, &mut records, &mut json);
    json
}

/// Writes a record schema named after `name` (made valid and unique) with `fields`.
fn record(
    name: &str,
    fields: &[(&str, &DataType, bool)],
    records: &mut HashSet<String>,
    json: &mut String,
) {
    let mut record_name = avro_name(name);
    if PRIMITIVES.contains(&record_name.as_str()) {
        record_name.push('_');
    }
    let record_name = unique(record_name, records);
    let _ = write!(
        json,
        r#"{{"type":"record","name":"{record_name}","fields":["#
    );
    let mut field_names = HashSet::new();
    for (i, (field, ty, nullable)) in fields.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let field_name = unique(avro_name(field), &mut field_names);
        let _ = write!(json, r#"{{"name":"{field_name}","type":"#);
        let nested = format!("{record_name}_{field_name}");
        if *nullable {
            json.push_str(r#"["null","#);
            value_type(ty, &nested, records, json);
            json.push_str(r#"],"default":null}"#);
        } else {
            value_type(ty, &nested, records, json);
            json.push('}');
        }
    }
    json.push_str("]}");
}

/// Writes the schema of a (non-null) value of type `ty`; `nested` names a record it needs.
fn value_type(ty: &DataType, nested: &str, records: &mut HashSet<String>, json: &mut String) {
    match ty {
        DataType::Int => json.push_str(r#""long""#),
        DataType::Float => json.push_str(r#""double""#),
        DataType::Decimal { precision, scale } => {
            let _ = write!(
                json,
                r#"{{"type":"bytes","logicalType":"decimal","precision":{precision},"scale":{scale}}}"#
            );
        }
        DataType::String | DataType::Json => json.push_str(r#""string""#),
        DataType::Bool => json.push_str(r#""boolean""#),
        DataType::Date => json.push_str(r#"{"type":"int","logicalType":"date"}"#),
        DataType::Time => json.push_str(r#"{"type":"long","logicalType":"time-micros"}"#),
        DataType::Timestamp => {
            json.push_str(r#"{"type":"long","logicalType":"local-timestamp-micros"}"#);
        }
        DataType::TimestampTz => {
            json.push_str(r#"{"type":"long","logicalType":"timestamp-micros"}"#);
        }
        DataType::Uuid => json.push_str(r#"{"type":"string","logicalType":"uuid"}"#),
        DataType::Bytes => json.push_str(r#""bytes""#),
        DataType::List(item) => {
            json.push_str(r#"{"type":"array","items":["null","#);
            value_type(item, nested, records, json);
            json.push_str("]}");
        }
        DataType::Struct(fields) => {
            let fields: Vec<(&str, &DataType, bool)> =
                fields.iter().map(|(n, t)| (n.as_str(), t, true)).collect();
            record(nested, &fields, records, json);
        }
    }
}

/// `name` as a valid Avro name: `[A-Za-z_][A-Za-z0-9_]*`.
fn avro_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// `name`, or `name_2`, `name_3`, ... : the first not yet in `used` (then added to it).
fn unique(name: String, used: &mut HashSet<String>) -> String {
    if used.insert(name.clone()) {
        return name;
    }
    (2u64..)
        .map(|n| format!("{name}_{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .expect("some suffix is free")
}
