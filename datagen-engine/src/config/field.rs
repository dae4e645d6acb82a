//! One field's spec: its options sorted into one generator and modifiers, the declared `type`,
//! the modifiers checked against the generator, and a placeholder when it cannot be read.

use crate::config::read::Reader;
use crate::config::types::{parse_type, type_name};
use crate::config::yaml::Node;
use crate::config::{defaults, generator, shape};
use crate::ir::{DataType, Field, Gen, Span, Value};

/// The generator keys a field may have (one of them).
pub(crate) const GENERATORS: [&str; 22] = [
    "key",
    "sequence",
    "const",
    "provider",
    "template",
    "regex",
    "range",
    "normal",
    "lognormal",
    "exponential",
    "pareto",
    "beta",
    "gamma",
    "poisson",
    "zipf",
    "one_of",
    "cycle",
    "ref",
    "lookup",
    "offset",
    "fields",
    "array",
];

/// The modifier keys a field may have.
pub(crate) const MODIFIERS: [&str; 15] = [
    "type",
    "null_rate",
    "unique",
    "clamp",
    "round",
    "p",
    "weights",
    "by",
    "len",
    "hidden",
    "max_chars",
    "unique_key",
    "tree",
    "children",
    "max_value",
];

/// How an offset's amounts are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// `days: [lo, hi]`.
    Days,
    /// `seconds: [lo, hi]`.
    Seconds,
    /// `range: [lo, hi]`, in the `from` field's own unit.
    Range,
}

/// An offset's amounts, converted once the `from` field's type is known.
#[derive(Clone, Debug)]
pub(crate) struct PendingOffset {
    /// How the amounts are written.
    pub unit: Unit,
    /// The smallest amount, as written.
    pub lo: Node,
    /// The largest amount, as written.
    pub hi: Node,
    /// Where the amounts are written.
    pub span: Span,
}

/// What the cross-field checks need to know of a field besides its IR.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    /// The generator could not be read: the field is a placeholder, and checks skip it.
    pub broken: bool,
    /// Where the generator's value is written (a ref's target, a template, an offset).
    pub gen_span: Span,
    /// Where a lookup's `by` or an offset's `from` is written.
    pub dep_span: Span,
    /// An offset's amounts, waiting for the type of its `from` field.
    pub offset: Option<PendingOffset>,
    /// The metas of a nested object's fields, or of an array's item.
    pub children: Vec<Meta>,
    /// The relational modifiers (`unique_key`, `tree`, `children`, `max_value`), applied once
    /// every type is known.
    pub shape: shape::Pending,
}

/// A field's options, sorted.
pub(crate) struct Spec<'n> {
    /// The field's name.
    pub name: &'n str,
    /// The declared `type`.
    pub ty: Option<DataType>,
    /// Whether this is an entity's own field (not nested): refs and lookups are allowed.
    pub top: bool,
    /// The modifiers written: (name, key, value).
    pub mods: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Spec<'n> {
    /// The value of modifier `name`, if written.
    pub(crate) fn get(&self, name: &str) -> Option<(&'n Node, &'n Node)> {
        self.mods
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, k, v)| (*k, *v))
    }
}

/// A placeholder for a field that could not be read.
pub(crate) fn placeholder(name: &str, span: Span) -> Field {
    Field {
        span,
        ..Field::new(name, DataType::String, Gen::Const(Value::Null))
    }
}

/// Reads a level of fields (an entity's `fields`, or a nested object's).
pub(crate) fn read_fields(
    r: &mut Reader,
    node: &Node,
    what: &str,
    top: bool,
) -> (Vec<Field>, Vec<Meta>) {
    let mut fields = Vec::new();
    let mut metas = Vec::new();
    let Some(entries) = r.map(node, &format!("`fields` of {what}")) else {
        return (fields, metas);
    };
    if entries.is_empty() {
        r.err_help(
            node.span,
            format!("{what} has no fields"),
            "add fields such as `id: {key: true}`",
        );
    }
    for (k, v) in entries {
        let Some(name) = r.key_name(k) else {
            continue;
        };
        let (f, m) = read_field(r, name, k.span, v, top);
        fields.push(f);
        metas.push(m);
    }
    (fields, metas)
}

/// Reads one field: `name` written at `span`, its options in `node`.
pub(crate) fn read_field(
    r: &mut Reader,
    name: &str,
    span: Span,
    node: &Node,
    top: bool,
) -> (Field, Meta) {
    let broken = |m: Meta| (placeholder(name, span), Meta { broken: true, ..m });
    let Some(entries) = node.as_map() else {
        r.err_help(
            node.span,
            format!(
                "field `{name}` must be a mapping of options, found {}",
                node.describe()
            ),
            "write for example `{provider: person.first_name}` or `{type: int}`",
        );
        return broken(Meta::default());
    };
    let mut gens: Vec<(&str, &Node, &Node)> = Vec::new();
    let mut spec = Spec {
        name,
        ty: None,
        top,
        mods: Vec::new(),
    };
    let mut ok = true;
    let mut unknown = false;
    for (k, v) in entries {
        let Some(key) = r.key_name(k) else {
            continue;
        };
        if let Some(g) = GENERATORS.iter().find(|g| **g == key) {
            gens.push((g, k, v));
        } else if let Some(m) = MODIFIERS.iter().find(|m| **m == key) {
            spec.mods.push((m, k, v));
        } else {
            let known: Vec<&str> = GENERATORS.iter().chain(&MODIFIERS).copied().collect();
            r.unknown_key_or(
                k,
                "field option",
                "",
                &known,
                "a field has one generator (such as `provider`, `range`, `one_of`, `ref`) and \
                 modifiers (`type`, `null_rate`, `unique`, ...); docs/config.md lists them",
            );
            unknown = true;
        }
    }
    if let Some((_, t)) = spec.get("type") {
        let before = r.count();
        if let Some(text) = r.string(t, &format!("`type` of field `{name}`")) {
            match parse_type(text) {
                Ok(ty) => spec.ty = Some(ty),
                Err((message, help)) => r.err_help(t.span, message, help),
            }
        }
        ok &= r.count() == before;
    }
    if let [(first, _, _), (second, k, _), ..] = gens.as_slice() {
        r.err_help(
            k.span,
            format!("field `{name}` has two generators, `{first}` and `{second}`"),
            "keep one of them",
        );
        return broken(Meta::default());
    }
    if !ok {
        return broken(Meta::default());
    }
    let mut meta = Meta::default();
    let read = match gens.first() {
        Some((which, k, v)) => {
            meta.gen_span = v.span;
            generator::read(r, &spec, which, k, v, &mut meta)
        }
        None => match &spec.ty {
            Some(ty) => defaults::default_of(r, &spec, ty),
            None if unknown => None,
            None => {
                r.err_help(
                    span,
                    format!("field `{name}` has no generator"),
                    "add one, such as `provider: person.first_name`, `range: [1, 10]` or `type: int`",
                );
                None
            }
        },
    };
    let which = gens.first().map(|(w, _, _)| *w);
    check_modifiers(r, &spec, which);
    meta.shape = shape::read(r, &spec, which);
    let Some((mut generator, ty)) = read else {
        return broken(meta);
    };
    if let Some(max_chars) = meta.shape.max_chars {
        generator = Gen::Fit {
            of: Box::new(generator),
            max_chars,
        };
    }
    let mut field = Field {
        span,
        ..Field::new(name, ty, generator)
    };
    if let Some((_, v)) = spec.get("null_rate")
        && let Some(p) = r.probability(v, &format!("`null_rate` of field `{name}`"))
    {
        field.null_rate = p;
    }
    if let Some((k, v)) = spec.get("hidden")
        && let Some(hidden) = r.bool(v, &format!("`hidden` of field `{name}`"))
    {
        if hidden && !top {
            r.err_help(
                k.span,
                format!(
                    "field `{name}`: `hidden` applies to an entity's own fields, not to nested ones"
                ),
                "drop `hidden`; a nested field is written with its object",
            );
        } else {
            field.hidden = hidden;
        }
    }
    if let Some((k, v)) = spec.get("unique")
        && let Some(unique) = r.bool(v, &format!("`unique` of field `{name}`"))
    {
        if unique && !unique_applies(&field.generator) {
            r.err_help(
                k.span,
                format!(
                    "field `{name}`: `unique` applies to keys, sequences, integer ranges, regexes, `one_of` and strings with `max_chars`, not to {}",
                    which.map_or_else(
                        || format!("`type: {}`", type_name(&field.ty)),
                        |w| format!("`{w}`")
                    )
                ),
                "drop `unique`, or use a generator that is unique by construction",
            );
        } else {
            field.unique = unique;
        }
    }
    (field, meta)
}

/// Reports modifiers that do not apply to the field's generator.
fn check_modifiers(r: &mut Reader, spec: &Spec<'_>, which: Option<&str>) {
    let name = spec.name;
    let is_dist = which.is_some_and(|w| generator::DISTRIBUTIONS.contains(&w));
    if let Some((k, _)) = spec.get("round") {
        r.err_help(
            k.span,
            format!("field `{name}`: `round` is not supported yet"),
            "drop `round`; the writers print floats in full",
        );
    }
    let rules: [(&str, bool, &str); 5] = [
        (
            "weights",
            which == Some("one_of"),
            "`weights` goes with `one_of`",
        ),
        ("by", which == Some("lookup"), "`by` goes with `lookup`"),
        (
            "clamp",
            is_dist,
            "`clamp` goes with a distribution such as `normal`",
        ),
        (
            "p",
            which.is_none() && spec.ty == Some(DataType::Bool),
            "`p` goes with `type: bool` and no generator",
        ),
        (
            "len",
            which.is_none() && spec.ty == Some(DataType::Bytes),
            "`len` goes with `type: bytes` and no generator (an array's `len` goes inside `array`)",
        ),
    ];
    for (option, applies, help) in rules {
        if let Some((k, _)) = spec.get(option)
            && !applies
        {
            let on = which.map_or_else(
                || {
                    spec.ty.as_ref().map_or_else(
                        || "this field".to_string(),
                        |t| format!("`type: {}`", type_name(t)),
                    )
                },
                |w| format!("`{w}`"),
            );
            r.err_help(
                k.span,
                format!("field `{name}`: `{option}` does not apply to {on}"),
                help,
            );
        }
    }
}

/// Whether `unique: true` applies to a field drawn by `g` (and makes a difference to it).
pub(crate) fn unique_applies(g: &Gen) -> bool {
    matches!(
        g,
        Gen::Key { .. }
            | Gen::Sequence { .. }
            | Gen::IntRange { .. }
            | Gen::Regex(_)
            | Gen::OneOf { .. }
            | Gen::Fit { .. }
    )
}
