//! An entity's A/B `groups`: named shares of its rows with per-group field specs, read from the
//! config and applied as a group field plus one [`Gen::Grouped`] field per overridden field.

use crate::config::field::read_field;
use crate::config::read::Reader;
use crate::config::types::type_name;
use crate::config::yaml::Node;
use crate::diag::closest;
use crate::ir::{Entity, Field, Gen, Span};

/// The keys of one group.
const GROUP_KEYS: [&str; 2] = ["share", "fields"];
/// The group field's name when `group_field` does not say.
pub(crate) const DEFAULT_GROUP_FIELD: &str = "group";

/// One group as written.
#[derive(Clone, Debug)]
pub(crate) struct PendingGroup {
    /// Its name.
    pub name: String,
    /// Its share of the rows.
    pub share: f64,
    /// Its field specs, each with where the field's name is written.
    pub fields: Vec<(Field, Span)>,
}

/// An entity's groups, read but not yet applied (the entity's field types must be known first).
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    /// Where `groups` is written.
    pub span: Span,
    /// The group field's name.
    pub field: String,
    /// Where `group_field` is written, if it is.
    pub field_span: Span,
    /// The groups, in the order written.
    pub groups: Vec<PendingGroup>,
}

/// Reads `groups` (its key at `key`) and `group_field` of entity `entity`.
pub(crate) fn read(
    r: &mut Reader,
    entity: &str,
    key: &Node,
    node: &Node,
    group_field: Option<&Node>,
) -> Option<Pending> {
    let mut pending = Pending {
        span: key.span,
        field: DEFAULT_GROUP_FIELD.to_string(),
        field_span: key.span,
        groups: Vec::new(),
    };
    if let Some(v) = group_field {
        pending.field_span = v.span;
        if let Some(name) = r.string(v, &format!("`group_field` of entity `{entity}`")) {
            pending.field = name.to_string();
        }
    }
    let entries = r.map(node, &format!("`groups` of entity `{entity}`"))?;
    if entries.len() < 2 {
        r.err_help(
            node.span,
            format!("`groups` of entity `{entity}` names fewer than two groups"),
            "write at least two groups, such as `control: {share: 0.5}` and `treatment: {share: 0.5}`",
        );
    }
    let before = r.count();
    for (k, v) in entries {
        let Some(name) = r.key_name(k) else { continue };
        let what = format!("group `{name}` of entity `{entity}`");
        let Some(options) = r.map(v, &what) else {
            continue;
        };
        let mut group = PendingGroup {
            name: name.to_string(),
            share: 0.0,
            fields: Vec::new(),
        };
        let mut share = None;
        for (ok, ov) in options {
            let Some(option) = r.key_name(ok) else {
                continue;
            };
            match option {
                "share" => share = r.probability(ov, &format!("`share` of {what}")),
                "fields" => {
                    let Some(fields) = r.map(ov, &format!("`fields` of {what}")) else {
                        continue;
                    };
                    for (fk, fv) in fields {
                        let Some(field) = r.key_name(fk) else {
                            continue;
                        };
                        let (f, _) = read_field(r, field, fk.span, fv, true);
                        group.fields.push((f, fk.span));
                    }
                }
                _ => r.unknown_key(ok, "key", &what, &GROUP_KEYS),
            }
        }
        match share {
            Some(s) => group.share = s,
            None if options.iter().all(|(ok, _)| ok.text != "share") => r.err_help(
                k.span,
                format!("{what} has no `share`"),
                "add `share: X`, the fraction of the rows in the group (the shares sum to 1)",
            ),
            None => {}
        }
        pending.groups.push(group);
    }
    let sum: f64 = pending.groups.iter().map(|g| g.share).sum();
    if r.count() == before && (sum - 1.0).abs() > 1e-9 {
        let list: Vec<String> = pending
            .groups
            .iter()
            .map(|g| format!("{} {}", g.name, g.share))
            .collect();
        r.err_help(
            key.span,
            format!(
                "the shares of the groups of entity `{entity}` sum to {sum}, not 1 ({})",
                list.join(", ")
            ),
            "make the `share`s add up to 1",
        );
    }
    (r.count() == before).then_some(pending)
}

/// Adds the group field to `entity` and makes each overridden field differ by group.
pub(crate) fn apply(r: &mut Reader, entity: &mut Entity, pending: &Pending) {
    let name = &entity.name;
    if entity.fields.iter().any(|f| f.name == pending.field) {
        r.err_help(
            pending.field_span,
            format!(
                "entity `{name}` has a field `{}` and groups that would write a group field of the same name",
                pending.field
            ),
            "name the group field with `group_field: NAME`",
        );
        return;
    }
    let names: Vec<String> = pending.groups.iter().map(|g| g.name.clone()).collect();
    let mut ok = true;
    for group in &pending.groups {
        for (f, span) in &group.fields {
            let Some(base) = entity.fields.iter().find(|b| b.name == f.name) else {
                let mut help = format!(
                    "a group overrides fields of `{name}`; declare `{}` in its `fields` first",
                    f.name
                );
                if let Some(c) = closest(&f.name, entity.fields.iter().map(|b| b.name.as_str())) {
                    help = format!("did you mean `{c}`?");
                }
                r.err_help(
                    *span,
                    format!(
                        "group `{}` overrides `{}`, which is not a field of entity `{name}`",
                        group.name, f.name
                    ),
                    help,
                );
                ok = false;
                continue;
            };
            if base.ty != f.ty {
                r.err_help(
                    *span,
                    format!(
                        "group `{}` gives field `{}` the type {}, but the field is {}",
                        group.name,
                        f.name,
                        type_name(&f.ty),
                        type_name(&base.ty)
                    ),
                    format!("write `type: {}` in the override", type_name(&base.ty)),
                );
                ok = false;
            }
            let fixed = matches!(
                base.generator,
                Gen::Key { .. }
                    | Gen::Ref { .. }
                    | Gen::Lookup { .. }
                    | Gen::Offset { .. }
                    | Gen::TreeRef { .. }
                    | Gen::KeyPart { .. }
                    | Gen::Shaped { .. }
            );
            if fixed || base.unique || f.unique {
                r.err_help(
                    *span,
                    format!(
                        "group `{}` overrides `{}`, a key, unique, ref, lookup or offset field, which cannot differ by group",
                        group.name, f.name
                    ),
                    "override fields that draw their own values (a range, a bool, a one_of, a provider)",
                );
                ok = false;
            }
        }
    }
    if !ok {
        return;
    }
    for base in &mut entity.fields {
        let overridden = pending
            .groups
            .iter()
            .any(|g| g.fields.iter().any(|(f, _)| f.name == base.name));
        if !overridden {
            continue;
        }
        let arms = pending
            .groups
            .iter()
            .map(|g| {
                g.fields
                    .iter()
                    .find(|(f, _)| f.name == base.name)
                    .map_or_else(|| base.clone(), |(f, _)| f.clone())
            })
            .collect();
        let generator = Gen::Grouped {
            by: pending.field.clone(),
            groups: names.clone(),
            arms,
        };
        *base = Field {
            span: base.span,
            hidden: base.hidden,
            ..Field::new(&base.name, base.ty.clone(), generator)
        };
    }
    let mut group = Field::new(
        &pending.field,
        crate::ir::DataType::String,
        Gen::Group {
            names,
            shares: pending.groups.iter().map(|g| g.share).collect(),
        },
    );
    group.span = pending.span;
    entity.fields.push(group);
}
