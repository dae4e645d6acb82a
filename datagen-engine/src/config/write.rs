//! A schema written out as a native config: YAML that [`crate::config::parse`] reads back into
//! the same entities, so generating from it gives the same data as from the schema it came
//! from. Each entity and field can carry a comment saying where it came from.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate};

use super::field::unique_applies;
use super::types::type_name;
use crate::ir::{Children, DataType, Dist, Entity, Field, Gen, Schema, Value};
use crate::text::push_json_string;

/// What cannot be written as a config: the entity and field, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteError {
    /// The entity.
    pub entity: String,
    /// The field.
    pub field: String,
    /// What the config grammar cannot say.
    pub reason: String,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "field `{}` of `{}` cannot be written as a config: {}",
            self.field, self.entity, self.reason
        )
    }
}

impl std::error::Error for WriteError {}

/// Where an entity or field came from, as a comment written above it (one line, no `#`).
pub type Note<'a> = &'a dyn Fn(&Entity, Option<&Field>) -> Option<String>;

/// `schema` as a native config, with `note`'s comments above its entities and fields.
///
/// # Errors
/// The first field whose generator the config grammar cannot say (a JSON Schema document, an
/// A/B group split).
pub fn write(schema: &Schema, note: Note<'_>) -> Result<String, WriteError> {
    let mut out = String::new();
    if let Some(seed) = schema.seed {
        let _ = writeln!(out, "seed: {seed}");
    }
    if let Some(locale) = &schema.locale {
        let _ = writeln!(out, "locale: {}", quote(locale));
    }
    out.push_str("entities:\n");
    for (i, e) in schema.entities.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        comment(&mut out, 2, note(e, None));
        let _ = writeln!(out, "  {}:", key(&e.name));
        let _ = writeln!(out, "    rows: {}", e.rows);
        out.push_str("    fields:\n");
        for f in &e.fields {
            comment(&mut out, 6, note(e, Some(f)));
            let max = schema
                .limits
                .iter()
                .find(|l| l.entity == e.name && l.field == f.name)
                .map(|l| l.max);
            let spec = field(e, &e.fields, f, max).map_err(|reason| WriteError {
                entity: e.name.clone(),
                field: f.name.clone(),
                reason,
            })?;
            let _ = writeln!(out, "      {}: {{{}}}", key(&f.name), spec.join(", "));
        }
    }
    Ok(out)
}

fn comment(out: &mut String, indent: usize, text: Option<String>) {
    for line in text.iter().flat_map(|t| t.lines()) {
        let _ = writeln!(out, "{:indent$}# {}", "", line.trim_end());
    }
}

/// A mapping key: plain when YAML reads it back as the same string, else quoted.
fn key(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(
            name.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "y" | "n" | "yes" | "no" | "on" | "off"
        );
    if plain { name.to_string() } else { quote(name) }
}

/// A double-quoted YAML string (written as JSON writes it, which YAML reads the same).
fn quote(s: &str) -> String {
    let mut out = String::new();
    push_json_string(&mut out, s);
    out
}

/// The entity and field a `ref` or `lookup` names: `"entity.field"`, or a mapping when a name
/// holds a period (which the dotted form cannot tell apart).
fn target(entity: &str, field: &str) -> String {
    if entity.contains('.') || field.contains('.') {
        format!("{{entity: {}, field: {}}}", quote(entity), quote(field))
    } else {
        quote(&format!("{entity}.{field}"))
    }
}

/// A type as the config writes it (`decimal(p,s)` quoted, for its comma).
fn type_text(ty: &DataType) -> Result<String, String> {
    match ty {
        DataType::List(_) | DataType::Struct(_) | DataType::Json => {
            Err(format!("its type {ty:?} has no config name"))
        }
        DataType::Decimal { .. } => Ok(quote(&type_name(ty))),
        _ => Ok(type_name(ty)),
    }
}

/// A float that YAML reads back as the same float.
fn float(x: f64) -> String {
    if x.is_finite() {
        format!("{x:?}")
    } else if x.is_nan() {
        ".nan".into()
    } else if x > 0.0 {
        ".inf".into()
    } else {
        "-.inf".into()
    }
}

/// `units / 10^scale` as a decimal number.
fn decimal(units: i128, scale: u8) -> String {
    if scale == 0 {
        return units.to_string();
    }
    let sign = if units < 0 { "-" } else { "" };
    let p = 10u128.pow(u32::from(scale));
    let a = units.unsigned_abs();
    format!("{sign}{}.{:0width$}", a / p, a % p, width = scale as usize)
}

fn date(days: i64) -> String {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)))
        .map_or_else(
            || days.to_string(),
            |d| quote(&d.format("%Y-%m-%d").to_string()),
        )
}

fn timestamp(micros: i64) -> String {
    DateTime::from_timestamp_micros(micros).map_or_else(
        || micros.to_string(),
        |t| {
            let f = if micros % 1_000_000 == 0 {
                "%Y-%m-%dT%H:%M:%SZ"
            } else {
                "%Y-%m-%dT%H:%M:%S%.6fZ"
            };
            quote(&t.format(f).to_string())
        },
    )
}

fn time(micros: i64) -> String {
    let s = micros.div_euclid(1_000_000);
    let us = micros.rem_euclid(1_000_000);
    let hms = format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    if us == 0 {
        quote(&hms)
    } else {
        quote(&format!("{hms}.{us:06}"))
    }
}

/// An integer-unit value of type `ty` (an `IntRange` bound) as a literal.
fn unit_literal(v: i64, ty: &DataType) -> String {
    match ty {
        DataType::Decimal { scale, .. } => decimal(i128::from(v), *scale),
        DataType::Date => date(v),
        DataType::Time => time(v),
        DataType::Timestamp | DataType::TimestampTz => timestamp(v),
        _ => v.to_string(),
    }
}

/// A constant as a literal of its field's type.
fn value(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => float(*x),
        Value::Decimal(u, s) => decimal(*u, *s),
        Value::Str(s) => quote(s),
        Value::Date(d) => date(i64::from(*d)),
        Value::Time(t) => time(*t),
        Value::Timestamp(t) => timestamp(*t),
        Value::Uuid(u) => quote(&uuid::Uuid::from_u128(*u).hyphenated().to_string()),
    }
}

fn list(values: &[Value]) -> String {
    let items: Vec<String> = values.iter().map(value).collect();
    format!("[{}]", items.join(", "))
}

/// A field's options, in the order written.
fn field(e: &Entity, level: &[Field], f: &Field, max: Option<i64>) -> Result<Vec<String>, String> {
    let mut out = generator(e, level, f, &f.generator)?;
    if f.null_rate > 0.0 {
        out.push(format!("null_rate: {}", float(f.null_rate)));
    }
    if f.unique && unique_applies(&f.generator) {
        out.push("unique: true".into());
    }
    if f.hidden {
        out.push("hidden: true".into());
    }
    if let Some(max) = max {
        out.push(format!("max_value: {max}"));
    }
    Ok(out)
}

#[allow(clippy::too_many_lines)]
fn generator(e: &Entity, level: &[Field], f: &Field, g: &Gen) -> Result<Vec<String>, String> {
    let ty = || type_text(&f.ty).map(|t| format!("type: {t}"));
    Ok(match g {
        Gen::Key { start: 1 } => vec!["key: true".into()],
        Gen::Key { start } => vec![format!("key: {{start: {start}}}")],
        Gen::Sequence { start, step } => {
            vec![format!("sequence: {{start: {start}, step: {step}}}")]
        }
        Gen::Const(v) => vec![format!("const: {}", value(v)), ty()?],
        Gen::Provider(p) => vec![format!("provider: {}", quote(p))],
        Gen::Template(t) => vec![format!("template: {}", quote(t))],
        Gen::Regex(r) => vec![format!("regex: {}", quote(r))],
        Gen::IntRange { lo, hi } => vec![
            format!(
                "range: [{}, {}]",
                unit_literal(*lo, &f.ty),
                unit_literal(*hi, &f.ty)
            ),
            ty()?,
        ],
        Gen::FloatRange { lo, hi } => {
            vec![format!("range: [{}, {}]", float(*lo), float(*hi)), ty()?]
        }
        Gen::Dist { dist, clamp } => {
            let mut out = vec![distribution(dist), ty()?];
            if let Some((lo, hi)) = clamp {
                out.push(format!("clamp: [{}, {}]", float(*lo), float(*hi)));
            }
            out
        }
        Gen::OneOf { values, weights } => {
            let mut out = vec![format!("one_of: {}", list(values)), ty()?];
            if let Some(w) = weights {
                let w: Vec<String> = w.iter().map(|x| float(*x)).collect();
                out.push(format!("weights: [{}]", w.join(", ")));
            }
            out
        }
        Gen::Cycle(values) => vec![format!("cycle: {}", list(values)), ty()?],
        Gen::Bool { p } => vec!["type: bool".into(), format!("p: {}", float(*p))],
        Gen::Uuid => vec!["type: uuid".into()],
        Gen::Bytes { min, max } => vec!["type: bytes".into(), format!("len: [{min}, {max}]")],
        Gen::Ref { entity, field } => vec![format!("ref: {}", target(entity, field))],
        Gen::Lookup { entity, field, by } => vec![
            format!("lookup: {}", target(entity, field)),
            format!("by: {}", quote(by)),
        ],
        Gen::Offset { from, lo, hi } => {
            let from_ty = level
                .iter()
                .find(|x| x.name == *from)
                .map(|x| &x.ty)
                .ok_or_else(|| format!("its offset reads `{from}`, which is not a field"))?;
            let amounts = match from_ty {
                DataType::Date => format!("days: [{lo}, {hi}]"),
                DataType::Time | DataType::Timestamp | DataType::TimestampTz => format!(
                    "seconds: [{}, {}]",
                    decimal(i128::from(*lo), 6),
                    decimal(i128::from(*hi), 6)
                ),
                DataType::Decimal { scale, .. } => format!(
                    "range: [{}, {}]",
                    decimal(i128::from(*lo), *scale),
                    decimal(i128::from(*hi), *scale)
                ),
                _ => format!("range: [{lo}, {hi}]"),
            };
            vec![format!("offset: {{from: {}, {amounts}}}", quote(from))]
        }
        Gen::Object(fields) => {
            let mut inner = Vec::with_capacity(fields.len());
            for c in fields {
                let spec = field(e, fields, c, None)?;
                inner.push(format!("{}: {{{}}}", key(&c.name), spec.join(", ")));
            }
            vec![format!("fields: {{{}}}", inner.join(", "))]
        }
        Gen::Array { min, max, item } => {
            let spec = field(e, &[], item, None)?;
            vec![format!(
                "array: {{len: [{min}, {max}], item: {{{}}}}}",
                spec.join(", ")
            )]
        }
        Gen::KeyPart { key, of } => {
            let mut out = generator(e, level, f, of)?;
            out.push(format!("unique_key: {}", quote(key)));
            out
        }
        Gen::TreeRef { field } => vec![
            format!("ref: {}", target(&e.name, field)),
            "tree: true".into(),
        ],
        Gen::Shaped {
            of,
            children,
            max_depth,
            fan_out,
        } => {
            let mut out = match of.as_ref() {
                Gen::TreeRef { field } => {
                    let mut opts = Vec::new();
                    if let Some(d) = max_depth {
                        opts.push(format!("max_depth: {d}"));
                    }
                    if let Some(k) = fan_out {
                        opts.push(format!("fan_out: {}", float(*k)));
                    }
                    vec![
                        format!("ref: {}", target(&e.name, field)),
                        format!("tree: {{{}}}", opts.join(", ")),
                    ]
                }
                other => generator(e, level, f, other)?,
            };
            out.push(format!(
                "children: {}",
                match children {
                    Children::Uniform => "uniform".to_string(),
                    Children::Even => "even".to_string(),
                    Children::Zipf { s } => format!("{{zipf: {}}}", float(*s)),
                }
            ));
            out
        }
        Gen::Fit { of, max_chars } => {
            let mut out = generator(e, level, f, of)?;
            out.push(format!("max_chars: {max_chars}"));
            out
        }
        Gen::Json(_) => {
            return Err(
                "a JSON document drawn from a JSON Schema has no config syntax; generate from the JSON Schema itself".into(),
            );
        }
        _ => return Err("A/B groups and unions are not written as configs yet".into()),
    })
}

fn distribution(d: &Dist) -> String {
    match d {
        Dist::Normal { mean, std_dev } => format!(
            "normal: {{mean: {}, std_dev: {}}}",
            float(*mean),
            float(*std_dev)
        ),
        Dist::LogNormal { mu, sigma } => {
            format!(
                "lognormal: {{mu: {}, sigma: {}}}",
                float(*mu),
                float(*sigma)
            )
        }
        Dist::Exponential { lambda } => format!("exponential: {{lambda: {}}}", float(*lambda)),
        Dist::Poisson { lambda } => format!("poisson: {{lambda: {}}}", float(*lambda)),
        Dist::Zipf { n, s } => format!("zipf: {{n: {n}, s: {}}}", float(*s)),
        Dist::Pareto { scale, shape } => format!(
            "pareto: {{scale: {}, shape: {}}}",
            float(*scale),
            float(*shape)
        ),
        Dist::Beta { alpha, beta } => {
            format!("beta: {{alpha: {}, beta: {}}}", float(*alpha), float(*beta))
        }
        Dist::Gamma { shape, scale } => format!(
            "gamma: {{shape: {}, scale: {}}}",
            float(*shape),
            float(*scale)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;

    /// `text` parsed, written and parsed again: the two schemas' entities are the same.
    fn round_trip(text: &str) -> String {
        let (schema, diags) = parse(text, None);
        assert!(diags.is_empty(), "{diags:?}");
        let written = write(&schema, &|_, _| None).unwrap();
        let (back, diags) = parse(&written, None);
        assert!(diags.is_empty(), "{diags:?}\n{written}");
        for (a, b) in schema.entities.iter().zip(&back.entities) {
            assert_eq!(a.name, b.name);
            let gens = |e: &Entity| {
                e.fields
                    .iter()
                    .map(|f| f.generator.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(gens(a), gens(b), "{written}");
        }
        written
    }

    #[test]
    fn names_with_periods_and_control_characters_read_back() {
        let written = round_trip(
            "entities:\n  \"sales.region\":\n    rows: 3\n    fields:\n      id: {key: true}\n      \"x.y\": {const: \"a\\tb\\u0001\\u007f\"}\n  shop:\n    rows: 3\n    fields:\n      id: {key: true}\n      region: {ref: {entity: \"sales.region\", field: id}}\n      code: {lookup: {entity: \"sales.region\", field: \"x.y\"}, by: region}\n      boss: {ref: shop.id, tree: true}\n",
        );
        assert!(
            written.contains("region: {ref: {entity: \"sales.region\", field: \"id\"}}"),
            "{written}"
        );
        assert!(
            written.contains("boss: {ref: \"shop.id\", tree: true}"),
            "{written}"
        );
        assert!(written.contains(r#""a\tb\u0001\u007f""#), "{written}");
    }
}
