//! Avro schemas that must be refused: each error names the file, the JSON path and the problem.

use std::path::Path;

use datagen_schema::avro::{self, Options};

/// The error of importing `text`, asserting its JSON path and that it says `says`.
fn refused(text: &str, pointer: &str, says: &str) {
    let err = avro::import_text(text, Path::new("no-such-folder/bad.avsc"), &Options::new())
        .expect_err("the schema is refused");
    assert_eq!(err.pointer, pointer, "{err}");
    let shown = err.to_string();
    assert!(shown.contains("bad.avsc"), "the file is named: {shown}");
    assert!(shown.contains(says), "`{says}` is said: {shown}");
    let d = err.to_diagnostic();
    assert!(
        d.to_string()
            .contains(if pointer.is_empty() { "" } else { pointer }),
        "{d}"
    );
}

#[test]
fn invalid_json_names_line_and_column() {
    let err = avro::import_text(
        "{\"type\": \n  \"record\",, }",
        Path::new("bad.avsc"),
        &Options::new(),
    )
    .expect_err("not JSON");
    assert_eq!((err.span.line, err.span.column), (2, 12), "{err}");
}

#[test]
fn comments_are_accepted() {
    let text = "// a user\n{\"type\": \"record\", \"name\": \"U\", /* one field */ \"fields\": [{\"name\": \"a\", \"type\": \"int\"}]}";
    avro::import_text(text, Path::new("u.avsc"), &Options::new()).expect("comments are allowed");
}

#[test]
fn structural_errors_name_their_path() {
    refused(r#"{"type": "record", "name": "R"}"#, "", "needs `fields`");
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a"}]}"#,
        "/fields/0",
        "has no `type`",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Nope"}]}"#,
        "/fields/0/type",
        "unknown type `Nope`",
    );
    refused(
        r#"{"type": "record", "name": "1R", "fields": []}"#,
        "/name",
        "not a valid Avro name",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}"#,
        "/fields/1/name",
        "two fields called `a`",
    );
    refused(
        r#"{"type": "enum", "name": "E", "symbols": ["A", "A"]}"#,
        "/symbols/1",
        "listed twice",
    );
    refused(
        r#"{"type": "enum", "name": "E", "symbols": ["A"], "default": "B"}"#,
        "/default",
        "not one of the enum's symbols",
    );
    refused(r#"{"type": "fixed", "name": "F"}"#, "", "needs a `size`");
    refused(r#"{"type": "array"}"#, "", "needs `items`");
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "u", "type": ["int", "int"]}]}"#,
        "/fields/0/type/1",
        "lists `int` twice",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "u", "type": ["int", ["null", "string"]]}]}"#,
        "/fields/0/type/1",
        "cannot directly contain another union",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "u", "type": []}]}"#,
        "/fields/0/type",
        "no branches",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "record", "name": "R", "fields": []}}]}"#,
        "/fields/0/type",
        "defined twice",
    );
    refused(
        r#"{"type": "record", "name": "int", "fields": []}"#,
        "/name",
        "primitive type's name",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "order": "up"}]}"#,
        "/fields/0/order",
        "not one of",
    );
    refused(r#"42"#, "", "is not a schema");
}

#[test]
fn defaults_must_match_their_types() {
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": "x"}]}"#,
        "/fields/0/default",
        "does not match",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": 3000000000}]}"#,
        "/fields/0/default",
        "int",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "string"], "default": 1}]}"#,
        "/fields/0/default",
        "no branch",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "fixed", "name": "F", "size": 2}, "default": "abc"}]}"#,
        "/fields/0/default",
        "2 code points",
    );
    refused(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "record", "name": "S", "fields": [{"name": "x", "type": "int"}]}, "default": {}}]}"#,
        "/fields/0/default",
        "missing",
    );
    // Avro 1.12: a union's default may match any branch.
    avro::import_text(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "string"], "default": "x"}]}"#,
        Path::new("ok.avsc"),
        &Options::new(),
    )
    .expect("a default of the second branch");
}

#[test]
fn decimals_beyond_what_values_hold_are_refused() {
    refused(
        r#"{"type": "bytes", "logicalType": "decimal", "precision": 40, "scale": 2}"#,
        "/precision",
        "more than the 38",
    );
    refused(
        r#"{"type": "fixed", "name": "D", "size": 2, "logicalType": "decimal", "precision": 6}"#,
        "/precision",
        "holds at most 4 digits",
    );
}

#[test]
fn hints_that_cannot_be_honoured_are_refused() {
    refused(
        r#"{"type": "string", "arg.properties": {"prefix": "x"}}"#,
        "/arg.properties/prefix",
        "not supported",
    );
    refused(
        r#"{"type": "int", "arg.properties": {"range": {"min": 5, "max": 5}}}"#,
        "/arg.properties/range",
        "leaves no value",
    );
    refused(
        r#"{"type": "int", "arg.properties": {"options": ["a"]}}"#,
        "/arg.properties/options/0",
        "not a whole number",
    );
    refused(
        r#"{"type": "string", "arg.properties": {"regex": "(?=x)"}}"#,
        "/arg.properties/regex",
        "not supported",
    );
    refused(
        r#"{"type": "int", "arg.properties": {"regex": "[0-9]"}}"#,
        "/arg.properties/regex",
        "does not apply",
    );
}

#[test]
fn lengths_and_iterations_outside_their_range_are_refused() {
    refused(
        r#"{"type": "array", "items": "int", "arg.properties": {"length": {"min": 5, "max": 2}}}"#,
        "/arg.properties/length",
        "leaves no count",
    );
    refused(
        r#"{"type": "string", "arg.properties": {"length": {"min": 3, "max": 3}}}"#,
        "/arg.properties/length",
        "leaves no count",
    );
    // The distance from `start` to `restart` does not fit in 64 bits: refused, not overflowed.
    refused(
        r#"{"type": "long", "arg.properties": {"iteration": {"start": -9223372036854775808, "restart": 9223372036854775807, "step": 1}}}"#,
        "/arg.properties/iteration/restart",
        "at most 100000 steps",
    );
    refused(
        r#"{"type": "int", "arg.properties": {"iteration": {"start": 2147483640, "restart": 2147483660}}}"#,
        "/arg.properties/iteration/restart",
        "inside the type's range",
    );
    refused(
        r#"{"type": "int", "arg.properties": {"iteration": {"start": 2147483648, "restart": 2147483650}}}"#,
        "/arg.properties/iteration/start",
        "outside the type's range",
    );
}

#[test]
fn a_timestamp_range_past_what_microseconds_hold_is_refused_not_overflowed() {
    refused(
        r#"{"type": "long", "logicalType": "timestamp-millis", "arg.properties": {"range": {"min": 9223372036854775000, "max": 9223372036854775807}}}"#,
        "/arg.properties/range",
        "beyond the timestamps",
    );
}

#[test]
fn a_map_key_hint_is_reported_at_its_own_path() {
    refused(
        r#"{"type": "map", "values": "int", "arg.properties": {"keys": {"options": [1]}}}"#,
        "/arg.properties/keys/options/0",
        "not a string",
    );
}

#[test]
fn a_misspelt_type_gets_a_did_you_mean() {
    let near = |text: &str, says: &str| {
        let err = avro::import_text(text, Path::new("no-such-folder/bad.avsc"), &Options::new())
            .expect_err("the schema is refused");
        let d = err.to_diagnostic().to_string();
        assert!(d.contains(says), "`{says}` is said: {d}");
    };
    near(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "strng"}]}"#,
        "did you mean `string`",
    );
    near(
        r#"{"type": "record", "name": "R", "namespace": "shop", "fields": [
            {"name": "a", "type": {"type": "enum", "name": "Colour", "symbols": ["RED"]}},
            {"name": "b", "type": "shop.Color"}]}"#,
        "did you mean `shop.Colour`",
    );
}
