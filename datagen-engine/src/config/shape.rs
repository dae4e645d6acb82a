//! The relational modifiers of a field: `max_chars` (a string cut to a column's length),
//! `unique_key` (a column of a composite unique key), `tree` (a self-reference as a forest),
//! `children` (how many children each parent row gets) and `max_value` (a column type's
//! limit). `max_chars` applies as the field is read; the others once every type is known.

use crate::config::EntityMeta;
use crate::config::field::Spec;
use crate::config::read::Reader;
use crate::config::yaml::{Kind, Node};
use crate::ir::{Children, Gen, Limit, Schema, Span};

/// A tree's options as written: `tree: true`, or `{max_depth: N, fan_out: X}`.
#[derive(Clone, Debug, Default)]
pub(crate) struct TreeSpec {
    pub max_depth: Option<u32>,
    pub fan_out: Option<f64>,
}

/// The relational modifiers of one field, as read.
#[derive(Clone, Debug, Default)]
pub(crate) struct Pending {
    /// `max_chars: N`.
    pub max_chars: Option<u32>,
    /// `unique_key: NAME`, and where.
    pub unique_key: Option<(String, Span)>,
    /// `tree`, and where.
    pub tree: Option<(TreeSpec, Span)>,
    /// `children`, and where.
    pub children: Option<(Children, Span)>,
    /// `max_value: N`.
    pub max_value: Option<i64>,
}

/// Reads the relational modifiers of `spec`, whose generator is `which`.
pub(crate) fn read(r: &mut Reader, spec: &Spec<'_>, which: Option<&str>) -> Pending {
    let name = spec.name;
    let mut out = Pending::default();
    let misplaced = |r: &mut Reader, k: &Node, option: &str, help: &str| {
        let on = which.map_or_else(|| "this field".to_string(), |w| format!("`{w}`"));
        r.err_help(
            k.span,
            format!("field `{name}`: `{option}` does not apply to {on}"),
            help,
        );
    };
    if let Some((k, v)) = spec.get("max_chars") {
        if matches!(which, Some("provider" | "template" | "regex")) {
            out.max_chars = r
                .u32(v, &format!("`max_chars` of field `{name}`"))
                .filter(|&n| {
                    if n == 0 {
                        r.err(
                            v.span,
                            format!("`max_chars` of field `{name}` must be above 0"),
                        );
                    }
                    n > 0
                });
        } else {
            misplaced(
                r,
                k,
                "max_chars",
                "`max_chars` cuts the strings of a `provider`, `template` or `regex`",
            );
        }
    }
    if let Some((k, v)) = spec.get("unique_key") {
        let bounded = matches!(which, Some("ref" | "range" | "one_of" | "regex"))
            || (which.is_none()
                && matches!(
                    spec.ty,
                    Some(crate::ir::DataType::Bool | crate::ir::DataType::Uuid)
                ));
        if bounded {
            out.unique_key = r
                .string(v, &format!("`unique_key` of field `{name}`"))
                .map(|s| (s.to_string(), k.span));
        } else {
            misplaced(
                r,
                k,
                "unique_key",
                "a composite key's columns are a `ref`, a `range`, a `one_of`, a `regex`, `type: bool` or `type: uuid`",
            );
        }
    }
    for option in ["tree", "children"] {
        if let Some((k, _)) = spec.get(option)
            && which != Some("ref")
        {
            misplaced(r, k, option, "`tree` and `children` shape a `ref`");
        }
    }
    if which == Some("ref") {
        if let Some((k, v)) = spec.get("tree") {
            out.tree = read_tree(r, name, v).map(|t| (t, k.span));
        }
        if let Some((k, v)) = spec.get("children") {
            out.children = read_children(r, name, v).map(|c| (c, k.span));
        }
    }
    if let Some((k, v)) = spec.get("max_value") {
        if matches!(which, Some("key" | "ref" | "lookup")) {
            out.max_value = r.int(v, &format!("`max_value` of field `{name}`"));
        } else {
            misplaced(
                r,
                k,
                "max_value",
                "`max_value` bounds a `key`, `ref` or `lookup` (a column type's limit)",
            );
        }
    }
    if out.unique_key.is_some()
        && let Some((_, span)) = &out.tree
    {
        r.err_help(
            *span,
            format!("field `{name}`: `tree` and `unique_key` cannot be combined"),
            "a composite key's ref picks its rows by the key; drop one of them",
        );
        out.tree = None;
    }
    out
}

/// `tree: true` or `tree: {max_depth: N, fan_out: X}`.
fn read_tree(r: &mut Reader, name: &str, v: &Node) -> Option<TreeSpec> {
    let what = format!("`tree` of field `{name}`");
    match &v.kind {
        Kind::Bool(true) => Some(TreeSpec::default()),
        Kind::Map(entries) => {
            let mut t = TreeSpec::default();
            let before = r.count();
            for (k, val) in entries {
                let Some(key) = r.key_name(k) else { continue };
                match key {
                    "max_depth" => t.max_depth = r.u32(val, &format!("`max_depth` of {what}")),
                    "fan_out" => t.fan_out = r.number(val, &format!("`fan_out` of {what}")),
                    _ => r.unknown_key(k, "option", &what, &["max_depth", "fan_out"]),
                }
            }
            if r.count() != before {
                return None;
            }
            if t.max_depth.is_none() && t.fan_out.is_none() {
                r.err_help(
                    v.span,
                    format!("{what} has no options"),
                    "write `tree: true`, or give `max_depth`, `fan_out` or both",
                );
                return None;
            }
            Some(t)
        }
        _ => {
            r.err_help(
                v.span,
                format!("{what} must be `true` or a mapping, found {}", v.describe()),
                "write `tree: true` or `tree: {max_depth: 4, fan_out: 5}`",
            );
            None
        }
    }
}

/// `children: uniform | even | zipf` or `children: {zipf: S}`.
fn read_children(r: &mut Reader, name: &str, v: &Node) -> Option<Children> {
    let what = format!("`children` of field `{name}`");
    let help = "write `uniform`, `even`, `zipf` or `{zipf: 1.5}`";
    match &v.kind {
        Kind::Str => match v.text.as_str() {
            "uniform" => Some(Children::Uniform),
            "even" => Some(Children::Even),
            "zipf" => Some(Children::Zipf { s: 1.0 }),
            other => {
                r.err_help(
                    v.span,
                    format!("{what}: unknown distribution `{other}`"),
                    help,
                );
                None
            }
        },
        Kind::Map(entries) => match entries.as_slice() {
            [(k, s)] if k.text == "zipf" => {
                let s = r.number(s, &format!("the exponent of {what}"))?;
                if s.is_finite() && s > 0.0 {
                    Some(Children::Zipf { s })
                } else {
                    r.err_help(
                        v.span,
                        format!("{what}: the Zipf exponent must be above 0"),
                        help,
                    );
                    None
                }
            }
            _ => {
                r.err_help(v.span, format!("{what} must be one distribution"), help);
                None
            }
        },
        _ => {
            r.err_help(
                v.span,
                format!("{what} must name a distribution, found {}", v.describe()),
                help,
            );
            None
        }
    }
}

/// Applies the pending modifiers of every field of `schema`, now that refs are resolved.
pub(crate) fn apply(r: &mut Reader, schema: &mut Schema, metas: &[EntityMeta]) {
    for (e, em) in schema.entities.iter_mut().zip(metas) {
        for (f, m) in e.fields.iter_mut().zip(&em.fields) {
            if m.broken {
                continue;
            }
            let p = &m.shape;
            if let Some(max) = p.max_value {
                schema.limits.push(Limit {
                    entity: e.name.clone(),
                    field: f.name.clone(),
                    max,
                    type_name: None,
                });
            }
            if let Some((key, _)) = &p.unique_key {
                let of = std::mem::replace(&mut f.generator, Gen::Uuid);
                f.generator = Gen::KeyPart {
                    key: key.clone(),
                    of: Box::new(of),
                };
                continue;
            }
            let children = p.children.as_ref().map(|c| c.0);
            if let Some((tree, span)) = &p.tree {
                let Gen::Ref { entity, field } = &f.generator else {
                    continue;
                };
                if *entity != e.name {
                    r.err_help(
                        *span,
                        format!(
                            "field `{}`: `tree` applies to a ref into its own entity `{}`, not into `{entity}`",
                            f.name, e.name
                        ),
                        "drop `tree`; `children` shapes a ref into another entity",
                    );
                    continue;
                }
                let tree_ref = Gen::TreeRef {
                    field: field.clone(),
                };
                let plain = tree.max_depth.is_none() && tree.fan_out.is_none();
                if plain && let Some((_, span)) = &p.children {
                    r.err_help(
                        *span,
                        format!("field `{}`: `children` of a tree needs its levels", f.name),
                        "give `tree: {max_depth: N}`, `{fan_out: X}` or both",
                    );
                    continue;
                }
                f.generator = if plain {
                    tree_ref
                } else {
                    Gen::Shaped {
                        of: Box::new(tree_ref),
                        children: children.unwrap_or_default(),
                        max_depth: tree.max_depth,
                        fan_out: tree.fan_out,
                    }
                };
            } else if let Some(children) = children
                && matches!(f.generator, Gen::Ref { .. })
            {
                let of = std::mem::replace(&mut f.generator, Gen::Uuid);
                f.generator = Gen::Shaped {
                    of: Box::new(of),
                    children,
                    max_depth: None,
                    fan_out: None,
                };
            }
        }
    }
}
