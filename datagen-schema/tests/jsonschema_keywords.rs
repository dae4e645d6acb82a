//! The JSON Schema importer keyword by keyword: instances checked by the `jsonschema` crate,
//! determinism, realistic strings by property name, and errors that name pointer and keyword.

use datagen_core::Ctx;
use datagen_schema::jsonschema::{Draft, Error, JsonSchema, Options};
use serde_json::{Value, json};

/// Compiles `schema`, generates `n` instances and validates each with the `jsonschema` crate.
fn valid_instances(schema: &Value, n: u64) -> Vec<Value> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the validator compiles the schema");
    let compiled = JsonSchema::compile(schema).expect("the schema compiles");
    (0..n)
        .map(|seed| {
            let instance = compiled.generate(&mut Ctx::seeded(seed));
            assert!(
                validator.is_valid(&instance),
                "{instance} is not valid against {schema}"
            );
            instance
        })
        .collect()
}

#[test]
fn same_context_same_instance() {
    let schema = json!({"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"},
        "n": {"type": "array", "items": {"type": "integer"}}
    }});
    let compiled = JsonSchema::compile(&schema).expect("compiles");
    let draw = |seed| {
        let mut out = String::new();
        compiled.write(&mut Ctx::seeded(seed), &mut out);
        out
    };
    assert_eq!(draw(3), draw(3));
    assert_ne!(draw(3), draw(4));
}

#[test]
fn property_names_map_to_providers() {
    let schema = json!({"type": "object", "required": ["email", "first_name", "city"], "properties": {
        "email": {"type": "string"},
        "first_name": {"type": "string", "maxLength": 40},
        "city": {"type": "string"}
    }});
    let email = regex::Regex::new(r"^[^@\s]+@[a-z0-9.-]+\.[a-z]+$").expect("a valid regex");
    for instance in valid_instances(&schema, 50) {
        let address = instance["email"].as_str().expect("a string");
        assert!(email.is_match(address), "{address}");
        let name = instance["first_name"].as_str().expect("a string");
        assert!(
            name.chars().next().is_some_and(char::is_uppercase),
            "{name}"
        );
    }
}

#[test]
fn combinators_hold() {
    let schemas = [
        json!({"oneOf": [{"type": "integer", "multipleOf": 3}, {"type": "integer", "multipleOf": 5}]}),
        json!({"type": "string", "not": {"enum": ["a", "b"]}, "maxLength": 1}),
        json!({"if": {"properties": {"kind": {"const": "card"}}, "required": ["kind"]},
               "then": {"required": ["number"]},
               "else": {"not": {"required": ["number"]}},
               "type": "object",
               "properties": {"kind": {"enum": ["card", "cash"]}, "number": {"type": "string", "pattern": "^[0-9]{16}$"}}}),
        json!({"type": "array", "contains": {"const": 7}, "minContains": 2, "maxContains": 3,
               "items": {"type": "integer", "minimum": 0, "maximum": 9}, "minItems": 4}),
        json!({"type": "object", "dependentRequired": {"card": ["expiry"]},
               "properties": {"card": {"type": "string"}, "expiry": {"type": "string", "format": "date"}}}),
        json!({"type": "object", "allOf": [{"properties": {"a": {"type": "integer"}}, "required": ["a"]}],
               "unevaluatedProperties": false, "properties": {"b": {"type": "boolean"}}}),
        json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}], "items": false}),
        json!({"type": "array", "uniqueItems": true, "minItems": 3, "items": {"enum": [1, 2, 3, 4]}}),
        json!({"type": "number", "exclusiveMinimum": 0, "maximum": 1, "multipleOf": 0.125}),
    ];
    for schema in &schemas {
        valid_instances(schema, 100);
    }
}

#[test]
fn recursion_is_depth_limited() {
    let schema = json!({"$defs": {"node": {"type": "object", "required": ["value"], "properties": {
        "value": {"type": "integer"},
        "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}
    }}}, "$ref": "#/$defs/node"});
    fn depth(v: &Value) -> usize {
        v["children"]
            .as_array()
            .map_or(0, |c| 1 + c.iter().map(depth).max().unwrap_or(0))
    }
    for instance in valid_instances(&schema, 50) {
        assert!(depth(&instance) <= 8, "{instance}");
    }
}

#[test]
fn draft4_exclusive_bounds_are_flags() {
    let schema = json!({"$schema": "http://json-schema.org/draft-04/schema#", "type": "number",
        "minimum": 0, "exclusiveMinimum": true, "maximum": 1, "exclusiveMaximum": true});
    let validator = jsonschema::draft4::new(&schema).expect("compiles");
    let compiled = JsonSchema::compile(&schema).expect("compiles");
    for seed in 0..100 {
        let v = compiled.generate(&mut Ctx::seeded(seed));
        assert!(validator.is_valid(&v), "{v}");
        let f = v.as_f64().expect("a number");
        assert!(f > 0.0 && f < 1.0, "{f}");
    }
}

#[test]
fn local_file_refs_resolve() {
    let dir = std::env::temp_dir().join(format!("datagen-jsonschema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    std::fs::write(
        dir.join("types.json"),
        r#"{"$defs": {"sku": {"type": "string", "pattern": "^[A-Z]{3}[0-9]{4}$"}}}"#,
    )
    .expect("write types.json");
    let main = dir.join("main.json");
    let schema = json!({"type": "object", "required": ["sku"], "properties": {"sku": {"$ref": "types.json#/$defs/sku"}}});
    std::fs::write(&main, schema.to_string()).expect("write main.json");
    let compiled =
        JsonSchema::compile_with(&schema, &Options::new().with_file(&main)).expect("compiles");
    let sku = regex::Regex::new("^[A-Z]{3}[0-9]{4}$").expect("a valid regex");
    for seed in 0..20 {
        let v = compiled.generate(&mut Ctx::seeded(seed));
        assert!(sku.is_match(v["sku"].as_str().expect("a string")), "{v}");
    }
    std::fs::remove_dir_all(&dir).expect("remove the temporary folder");
}

#[test]
fn unsatisfiable_schemas_name_pointer_and_keyword() {
    let e = JsonSchema::compile(&json!({"type": "object", "required": ["a"], "properties": {
        "a": {"type": "string", "minLength": 5, "maxLength": 2}}}))
    .expect_err("unsatisfiable");
    assert!(matches!(e, Error::Unsatisfiable { .. }), "{e}");
    assert_eq!((e.pointer(), e.keyword()), ("/properties/a", "minLength"));
    let e = JsonSchema::compile(&json!({"enum": [1, 2], "minimum": 3})).expect_err("unsatisfiable");
    assert_eq!((e.pointer(), e.keyword()), ("/", "enum"));
    let e = JsonSchema::compile(&json!(false)).expect_err("unsatisfiable");
    assert_eq!(e.keyword(), "type");
}

#[test]
fn invalid_and_unsupported_keywords_are_named() {
    let e =
        JsonSchema::compile(&json!({"properties": {"x": {"minimum": "ten"}}, "required": ["x"]}))
            .expect_err("invalid");
    assert!(matches!(e, Error::Invalid { .. }), "{e}");
    assert_eq!((e.pointer(), e.keyword()), ("/properties/x", "minimum"));
    let e = JsonSchema::compile(&json!({"type": "string", "pattern": "(?=a)b"}))
        .expect_err("unsupported");
    assert!(matches!(e, Error::Unsupported { .. }), "{e}");
    assert_eq!(e.keyword(), "pattern");
}

#[test]
fn unresolvable_refs_are_refused_with_the_ref_named() {
    let e = JsonSchema::compile(&json!({"$ref": "#/$defs/missing"})).expect_err("dangling");
    assert!(
        matches!(&e, Error::Ref { reference, .. } if reference == "#/$defs/missing"),
        "{e}"
    );
    let e =
        JsonSchema::compile(&json!({"properties": {"p": {"$ref": "https://example.com/p.json"}}}))
            .expect_err("remote");
    assert_eq!((e.pointer(), e.keyword()), ("/properties/p", "$ref"));
    assert!(e.to_string().contains("https://example.com/p.json"), "{e}");
}

#[test]
fn draft_defaults_to_2020_12_and_can_be_set() {
    // Under draft 7, `$ref` overrides its siblings; under 2020-12 both apply.
    let schema = json!({"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n", "minimum": 5, "maximum": 6});
    let new = JsonSchema::compile(&schema).expect("compiles");
    for seed in 0..20 {
        let v = new
            .generate(&mut Ctx::seeded(seed))
            .as_i64()
            .expect("an integer");
        assert!((5..=6).contains(&v), "{v}");
    }
    let old = JsonSchema::compile_with(&schema, &Options::new().with_draft(Draft::Draft7))
        .expect("compiles");
    let outside = (0..50).any(|seed| {
        let v = old
            .generate(&mut Ctx::seeded(seed))
            .as_i64()
            .expect("an integer");
        !(5..=6).contains(&v)
    });
    assert!(outside, "draft 7 ignores the siblings of `$ref`");
}

#[test]
fn properties_come_out_in_the_order_listed() {
    let text = r#"{"type": "object", "required": ["zeta", "alpha", "mid"],
        "properties": {"zeta": {"type": "integer"}, "alpha": {"type": "boolean"}, "mid": {"type": "null"}}}"#;
    let compiled = JsonSchema::compile_text(text, &Options::new()).expect("compiles");
    let mut out = String::new();
    compiled.write(&mut Ctx::seeded(1), &mut out);
    let keys: Vec<usize> = ["\"zeta\"", "\"alpha\"", "\"mid\""]
        .iter()
        .map(|k| out.find(k).expect("every required key is written"))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{out}");
    let e = JsonSchema::compile_text("{\"type\": ", &Options::new()).expect_err("not JSON");
    assert!(e.to_string().starts_with("not valid JSON"), "{e}");
}
