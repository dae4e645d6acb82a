//! The keywords of one schema object read into a [`Shape`]: types, constants, numbers, strings,
//! arrays, objects and applicators, each as its draft defines it.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::compile::{Compiler, invalid};
use super::error::Error;
use super::format::Format;
use super::index::{Draft, Loc, escape};
use super::shape::{
    ANY, ARR, ArrPart, BOOL, Bound, Cond, Contains, INT, NULL, NUM, OBJ, ObjPart, Pattern, STR,
    Shape,
};

impl Compiler<'_> {
    /// The typed constraints of one schema object, without `$ref` and `allOf`.
    pub(super) fn keywords(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        draft: Draft,
        pointer: &str,
    ) -> Result<Shape, Error> {
        let mut s = Shape::any(pointer);
        if let Some(t) = map.get("type") {
            s.types = types(t).ok_or_else(|| {
                invalid(
                    pointer,
                    "type",
                    "expected a type name or a list of them",
                    "use null, boolean, integer, number, string, array or object",
                )
            })?;
            s.typed = true;
        }
        if let Some(e) = map.get("enum") {
            let Value::Array(items) = e else {
                return Err(invalid(
                    pointer,
                    "enum",
                    "expected an array",
                    "list the allowed values",
                ));
            };
            s.consts.push(items.clone());
            s.const_names.push("enum");
        }
        if draft >= Draft::Draft6
            && let Some(c) = map.get("const")
        {
            s.consts.push(vec![c.clone()]);
            s.const_names.push("const");
        }
        self.numbers(map, draft, pointer, &mut s)?;
        s.min_len = count(map, "minLength", pointer)?.unwrap_or(0);
        s.max_len = count(map, "maxLength", pointer)?;
        if let Some(p) = map.get("pattern") {
            let p = p.as_str().ok_or_else(|| {
                invalid(
                    pointer,
                    "pattern",
                    "expected a string",
                    "write a regular expression",
                )
            })?;
            s.patterns.push(pattern(p, pointer, "pattern")?);
        }
        if let Some(f) = map
            .get("format")
            .and_then(Value::as_str)
            .and_then(Format::from_name)
        {
            s.formats.push(f);
        }
        if draft <= Draft::Draft7 {
            s.json_content =
                map.get("contentMediaType").and_then(Value::as_str) == Some("application/json");
            s.base64 = map.get("contentEncoding").and_then(Value::as_str) == Some("base64");
        }
        self.arrays(loc, map, draft, pointer, &mut s)?;
        self.objects(loc, map, draft, pointer, &mut s)?;
        for key in ["anyOf", "oneOf"] {
            let ids = self.list(loc, map, key, pointer)?;
            if !ids.is_empty() {
                if key == "anyOf" {
                    s.any_of.push(ids)
                } else {
                    s.one_of.push(ids)
                }
            }
        }
        if map.contains_key("not") {
            let id = self.child(loc, "not");
            s.not.push(id);
        }
        if draft >= Draft::Draft7 && map.contains_key("if") {
            let when = self.child(loc, "if");
            let then = map.contains_key("then").then(|| self.child(loc, "then"));
            let otherwise = map.contains_key("else").then(|| self.child(loc, "else"));
            s.conds.push(Cond {
                when,
                then,
                otherwise,
            });
        }
        if draft >= Draft::Draft201909 {
            if map.contains_key("unevaluatedProperties") {
                let id = self.child(loc, "unevaluatedProperties");
                s.uneval_props.push(id);
            }
            if map.contains_key("unevaluatedItems") {
                let id = self.child(loc, "unevaluatedItems");
                s.uneval_items.push(id);
            }
        }
        Ok(s)
    }

    /// `minimum`, `maximum`, their exclusive forms (a flag before draft 6) and `multipleOf`.
    fn numbers(
        &mut self,
        map: &Map<String, Value>,
        draft: Draft,
        pointer: &str,
        s: &mut Shape,
    ) -> Result<(), Error> {
        let num = |key: &str| -> Result<Option<f64>, Error> {
            match map.get(key) {
                None => Ok(None),
                Some(Value::Bool(_)) if draft == Draft::Draft4 && key.starts_with("exclusive") => {
                    Ok(None)
                }
                Some(v) => v
                    .as_f64()
                    .map(Some)
                    .ok_or_else(|| invalid(pointer, key, "expected a number", "write a number")),
            }
        };
        let flag = |key: &str| draft == Draft::Draft4 && map.get(key) == Some(&Value::Bool(true));
        if let Some(v) = num("minimum")? {
            s.lo = Some(Bound {
                value: v,
                exclusive: flag("exclusiveMinimum"),
            });
        }
        if let Some(v) = num("maximum")? {
            s.hi = Some(Bound {
                value: v,
                exclusive: flag("exclusiveMaximum"),
            });
        }
        if draft >= Draft::Draft6 {
            let mut bounds = Shape::any(pointer);
            if let Some(v) = num("exclusiveMinimum")? {
                bounds.lo = Some(Bound {
                    value: v,
                    exclusive: true,
                });
            }
            if let Some(v) = num("exclusiveMaximum")? {
                bounds.hi = Some(Bound {
                    value: v,
                    exclusive: true,
                });
            }
            s.merge(&bounds);
        }
        if let Some(m) = num("multipleOf")? {
            if m <= 0.0 {
                return Err(invalid(
                    pointer,
                    "multipleOf",
                    "it must be greater than 0",
                    "write a positive number",
                ));
            }
            s.multiple_of.push(m);
        }
        Ok(())
    }

    /// The array keywords.
    fn arrays(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        draft: Draft,
        pointer: &str,
        s: &mut Shape,
    ) -> Result<(), Error> {
        s.min_items = count(map, "minItems", pointer)?.unwrap_or(0);
        s.max_items = count(map, "maxItems", pointer)?;
        s.unique = map.get("uniqueItems") == Some(&Value::Bool(true));
        let mut part = ArrPart::default();
        let mut any = false;
        match map.get("items") {
            Some(Value::Array(_))
                if draft < Draft::Draft202012 || !map.contains_key("prefixItems") =>
            {
                part.prefix = self.list(loc, map, "items", pointer)?;
                any = true;
                if map.contains_key("additionalItems") {
                    part.rest = Some(self.child(loc, "additionalItems"));
                }
            }
            Some(Value::Object(_) | Value::Bool(_)) => {
                part.rest = Some(self.child(loc, "items"));
                any = true;
            }
            Some(Value::Array(_)) | None => {}
            Some(_) => {
                return Err(invalid(
                    pointer,
                    "items",
                    "expected a schema",
                    "write a schema",
                ));
            }
        }
        if draft >= Draft::Draft202012 && map.contains_key("prefixItems") {
            part.prefix = self.list(loc, map, "prefixItems", pointer)?;
            any = true;
        }
        if any {
            s.arrays.push(part);
        }
        if draft >= Draft::Draft6 && map.contains_key("contains") {
            let id = self.child(loc, "contains");
            let (min, max) = if draft >= Draft::Draft201909 {
                (
                    count(map, "minContains", pointer)?.unwrap_or(1),
                    count(map, "maxContains", pointer)?,
                )
            } else {
                (1, None)
            };
            s.contains.push(Contains { id, min, max });
        }
        Ok(())
    }

    /// The object keywords.
    fn objects(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        draft: Draft,
        pointer: &str,
        s: &mut Shape,
    ) -> Result<(), Error> {
        s.min_props = count(map, "minProperties", pointer)?.unwrap_or(0);
        s.max_props = count(map, "maxProperties", pointer)?;
        if let Some(r) = map.get("required") {
            let names = r.as_array().and_then(|a| {
                a.iter()
                    .map(|n| n.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
            });
            s.required = names.ok_or_else(|| {
                invalid(
                    pointer,
                    "required",
                    "expected an array of strings",
                    "list property names",
                )
            })?;
        }
        let mut part = ObjPart::default();
        let mut any = false;
        if let Some(Value::Object(props)) = map.get("properties") {
            any = true;
            // In the order the schema lists them when it was read from text.
            let names: Vec<String> = match self
                .index
                .key_order(loc.doc, &format!("{}/properties", loc.ptr))
            {
                Some(order) => order
                    .iter()
                    .filter(|n| props.contains_key(*n))
                    .cloned()
                    .collect(),
                None => props.keys().cloned().collect(),
            };
            for name in names {
                let id = self.child(loc, &format!("properties/{}", escape(&name)));
                part.props.push((name, id));
            }
        }
        if let Some(Value::Object(props)) = map.get("patternProperties") {
            any = true;
            for name in props.keys() {
                let id = self.child(loc, &format!("patternProperties/{}", escape(name)));
                part.patterns
                    .push((pattern(name, pointer, "patternProperties")?, id));
            }
        }
        if map.contains_key("additionalProperties") {
            any = true;
            part.additional = Some(self.child(loc, "additionalProperties"));
        }
        if any {
            s.objects.push(part);
        }
        if draft >= Draft::Draft6 && map.contains_key("propertyNames") {
            let id = self.child(loc, "propertyNames");
            s.names.push(id);
        }
        let deps: &[&str] = if draft >= Draft::Draft201909 {
            &["dependentRequired", "dependentSchemas"]
        } else {
            &["dependencies"]
        };
        for &key in deps {
            let Some(Value::Object(entries)) = map.get(key) else {
                continue;
            };
            for (name, dep) in entries {
                match dep {
                    Value::Array(names) if key != "dependentSchemas" => {
                        let names = names
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect();
                        s.dep_required.push((name.clone(), names));
                    }
                    Value::Object(_) | Value::Bool(_) if key != "dependentRequired" => {
                        let id = self.child(loc, &format!("{key}/{}", escape(name)));
                        s.dep_schemas.push((name.clone(), id));
                    }
                    _ => {
                        return Err(invalid(
                            pointer,
                            key,
                            "expected a list of names or a schema",
                            "write an array of property names or a schema",
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The type bits a `type` value names.
fn types(t: &Value) -> Option<u8> {
    let one = |name: &str| -> Option<u8> {
        Some(match name {
            "null" => NULL,
            "boolean" => BOOL,
            "integer" => INT,
            "number" => INT | NUM,
            "string" => STR,
            "array" => ARR,
            "object" => OBJ,
            "any" => ANY,
            _ => return None,
        })
    };
    match t {
        Value::String(name) => one(name),
        Value::Array(names) => names
            .iter()
            .try_fold(0, |acc, n| Some(acc | one(n.as_str()?)?)),
        _ => None,
    }
}

/// A non-negative integer keyword.
fn count(map: &Map<String, Value>, key: &str, pointer: &str) -> Result<Option<u64>, Error> {
    match map.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_u64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| *f >= 0.0 && f.fract() == 0.0)
                    .map(|f| f as u64)
            })
            .map(Some)
            .ok_or_else(|| {
                invalid(
                    pointer,
                    key,
                    "expected a non-negative integer",
                    "write a whole number such as 0 or 3",
                )
            }),
    }
}

/// Compiles a regular expression for matching, and for generating when it can.
pub(super) fn pattern(p: &str, pointer: &str, keyword: &str) -> Result<Pattern, Error> {
    let ecma = p;
    let translated = translate(p);
    let p = translated.as_str();
    let matcher = regex::Regex::new(p).map_err(|e| Error::Unsupported {
        pointer: pointer.to_owned(),
        keyword: keyword.to_owned(),
        why: format!(
            "the pattern `{ecma}` uses syntax outside the supported regex subset ({})",
            e.to_string().lines().last().unwrap_or_default().trim()
        ),
    })?;
    Ok(Pattern {
        matcher: Arc::new(matcher),
        generator: datagen_core::regex::Regex::new(p).ok().map(Arc::new),
    })
}

/// An ECMA-262 pattern in the `regex` crate's syntax: control escapes `\\cX` become `\\x{..}`.
fn translate(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some('c') => {
                    chars.next();
                    match chars.peek().copied() {
                        Some(l) if l.is_ascii_alphabetic() => {
                            chars.next();
                            out.push_str(&format!("\\x{{{:02X}}}", (l as u8) % 32));
                        }
                        _ => out.push_str("\\\\c"),
                    }
                }
                Some(&next) => {
                    chars.next();
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}
