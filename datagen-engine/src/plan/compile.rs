//! Compiling IR fields into [`Node`]s: providers, regexes, templates and refs resolved, every
//! problem reported as a [`Diagnostic`] at the field's span.

use std::collections::HashMap;

use datagen_core::regex::Regex;
use datagen_core::seed::name_hash;

use crate::diag::{Diagnostic, closest};
use crate::ir::{DataType, Dist, Entity, Field, Gen, Value};
use crate::plan::node::{Kind, Node, Pick, RefPick, Sampler};
use crate::plan::template;
use crate::plan::{group, keys, shape, union};

/// What compiling one entity can see of the others.
pub(crate) struct Scope<'a> {
    /// Every entity, in plan order.
    pub entities: &'a [Entity],
    /// Row counts after overrides, by entity index.
    pub rows: &'a [u64],
    /// Entity index by name.
    pub by_name: &'a HashMap<&'a str, usize>,
    /// The entity being compiled.
    pub current: usize,
}

/// Compiles one level of fields (an entity's, or a nested object's).
pub(crate) fn level(
    fields: &[Field],
    scope: &Scope<'_>,
    top: bool,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Node>, Vec<usize>) {
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let nodes: Vec<Node> = fields
        .iter()
        .map(|f| node(f, &names, fields, scope, top, diags))
        .collect();
    let order = order(&nodes, diags);
    (nodes, order)
}

/// Generation order: every field after the siblings it reads; a cycle is reported.
fn order(nodes: &[Node], diags: &mut Vec<Diagnostic>) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    fn visit(
        i: usize,
        nodes: &[Node],
        marks: &mut [Mark],
        stack: &mut Vec<usize>,
        out: &mut Vec<usize>,
        diags: &mut Vec<Diagnostic>,
    ) {
        match marks[i] {
            Mark::Done => return,
            Mark::Active => {
                let from = stack.iter().position(|&s| s == i).unwrap_or(0);
                let mut cycle: Vec<&str> = stack[from..]
                    .iter()
                    .map(|&s| nodes[s].name.as_str())
                    .collect();
                cycle.push(&nodes[i].name);
                diags.push(
                    Diagnostic::new(
                        nodes[i].span,
                        format!(
                            "fields depend on each other in a cycle: {}",
                            cycle.join(" -> ")
                        ),
                    )
                    .with_help("break the cycle: one of these fields must not read the others"),
                );
                return;
            }
            Mark::New => {}
        }
        marks[i] = Mark::Active;
        stack.push(i);
        for d in nodes[i].deps() {
            visit(d, nodes, marks, stack, out, diags);
        }
        stack.pop();
        marks[i] = Mark::Done;
        out.push(i);
    }
    let mut marks = vec![Mark::New; nodes.len()];
    let mut out = Vec::with_capacity(nodes.len());
    let mut stack = Vec::new();
    for i in 0..nodes.len() {
        visit(i, nodes, &mut marks, &mut stack, &mut out, diags);
    }
    out
}

fn scale_of(ty: &DataType) -> u8 {
    match ty {
        DataType::Decimal { scale, .. } => *scale,
        _ => 0,
    }
}

fn is_textual(ty: &DataType) -> bool {
    matches!(ty, DataType::String)
}

#[allow(clippy::too_many_lines)]
pub(crate) fn node(
    f: &Field,
    names: &[&str],
    siblings: &[Field],
    scope: &Scope<'_>,
    top: bool,
    diags: &mut Vec<Diagnostic>,
) -> Node {
    let entity = &scope.entities[scope.current].name;
    let rows = scope.rows[scope.current];
    let at = |msg: String| Diagnostic::new(f.span, msg);
    let mut err = |d: Diagnostic| diags.push(d);
    let needs_text = |what: &str, err: &mut dyn FnMut(Diagnostic)| {
        if !is_textual(&f.ty) {
            err(at(format!(
                "field `{}` of `{entity}`: `{what}` makes strings, but the field's type is {:?}",
                f.name, f.ty
            ))
            .with_help("drop `type` or set `type: string`"));
        }
    };
    let kind = match &f.generator {
        Gen::Key { start } => Kind::Key { start: *start },
        Gen::Sequence { start, step } => Kind::Sequence {
            start: *start,
            step: *step,
        },
        Gen::Const(v) => Kind::Const(v.clone()),
        Gen::Provider(name) => match datagen_providers::find(name) {
            Some(info) => {
                needs_text("provider", &mut err);
                Kind::Provider(info.write)
            }
            None if let Some(custom) = datagen_providers::find_any(name) => {
                needs_text("provider", &mut err);
                Kind::Custom(custom)
            }
            None => {
                let mut d = at(format!("unknown provider `{name}`"));
                d = match datagen_providers::suggest(name) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help("`datagen providers` lists every provider"),
                };
                err(d);
                Kind::Const(Value::Null)
            }
        },
        Gen::Template(text) => {
            needs_text("template", &mut err);
            match template::parse(text, |n| names.iter().position(|x| *x == n)) {
                Ok(pieces) => Kind::Template(pieces),
                Err(msg) => {
                    err(at(format!("template of field `{}`: {msg}", f.name)));
                    Kind::Const(Value::Null)
                }
            }
        }
        Gen::Regex(pattern) => match Regex::new(pattern) {
            Ok(re) => {
                needs_text("regex", &mut err);
                if f.unique {
                    let count = re.count().unwrap_or(u128::MAX);
                    if u128::from(rows) > count {
                        err(at(format!(
                            "unique field `{}` of `{entity}`: the regex has {count} strings, fewer than the {rows} rows",
                            f.name
                        ))
                        .with_help("widen the pattern or generate fewer rows"));
                    }
                    Kind::RegexUnique(Box::new(re), count)
                } else {
                    Kind::Regex(Box::new(re))
                }
            }
            Err(e) => {
                err(at(format!("invalid regex of field `{}`: {e}", f.name)));
                Kind::Const(Value::Null)
            }
        },
        Gen::IntRange { lo, hi } => {
            if hi < lo {
                err(
                    at(format!("empty range [{lo}, {hi}] of field `{}`", f.name))
                        .with_help("write the smaller bound first"),
                );
            }
            if f.unique {
                let size = u128::try_from(i128::from(*hi) - i128::from(*lo) + 1).unwrap_or(0);
                if u128::from(rows) > size {
                    err(at(format!(
                        "unique field `{}` of `{entity}`: its range holds {size} values, fewer than the {rows} rows",
                        f.name
                    ))
                    .with_help("widen the range or generate fewer rows"));
                }
                Kind::IntUnique { lo: *lo, size }
            } else {
                Kind::IntRange {
                    lo: *lo,
                    hi: *hi,
                    step: keys::step(&f.ty, *lo, *hi),
                }
            }
        }
        Gen::FloatRange { lo, hi } => {
            if lo.partial_cmp(hi) != Some(std::cmp::Ordering::Less)
                || !lo.is_finite()
                || !hi.is_finite()
            {
                err(at(format!(
                    "empty or infinite range [{lo}, {hi}) of field `{}`",
                    f.name
                )));
            }
            Kind::FloatRange { lo: *lo, hi: *hi }
        }
        Gen::Dist { dist, clamp } => match sampler(dist) {
            Ok(s) => Kind::Dist(s, *clamp),
            Err(e) => {
                err(at(format!(
                    "invalid distribution of field `{}`: {e}",
                    f.name
                )));
                Kind::Const(Value::Null)
            }
        },
        Gen::OneOf { values, weights } => {
            if values.is_empty() {
                err(at(format!(
                    "`one_of` of field `{}` lists no values",
                    f.name
                )));
                Kind::Const(Value::Null)
            } else {
                let pick = match weights {
                    _ if f.unique => {
                        if u128::from(rows) > values.len() as u128 {
                            err(at(format!(
                                "unique field `{}` of `{entity}`: {} values for {rows} rows",
                                f.name,
                                values.len()
                            )));
                        }
                        Pick::Unique
                    }
                    None => Pick::Uniform,
                    Some(w) if w.len() != values.len() => {
                        err(at(format!(
                            "field `{}`: {} weights for {} values",
                            f.name,
                            w.len(),
                            values.len()
                        )));
                        Pick::Uniform
                    }
                    Some(w)
                        if w.iter().any(|x| *x < 0.0 || !x.is_finite())
                            || w.iter().sum::<f64>() <= 0.0 =>
                    {
                        err(at(format!(
                            "field `{}`: weights must be non-negative and not all zero",
                            f.name
                        )));
                        Pick::Uniform
                    }
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    Some(w) if w.iter().all(|x| x.fract() == 0.0 && *x < 1e15) => Pick::Cumulative(
                        w.iter()
                            .scan(0u64, |s, x| {
                                *s += *x as u64;
                                Some(*s)
                            })
                            .collect(),
                    ),
                    Some(w) => Pick::Float(
                        w.iter()
                            .scan(0.0, |s, x| {
                                *s += x;
                                Some(*s)
                            })
                            .collect(),
                    ),
                };
                Kind::OneOf(values.clone(), pick)
            }
        }
        Gen::Cycle(values) if values.is_empty() => {
            err(at(format!("`cycle` of field `{}` lists no values", f.name)));
            Kind::Const(Value::Null)
        }
        Gen::Cycle(values) => {
            if f.unique && u128::from(rows) > values.len() as u128 {
                err(at(format!(
                    "unique field `{}` of `{entity}`: `cycle` repeats its {} values over {rows} rows",
                    f.name,
                    values.len()
                )));
            }
            Kind::Cycle(values.clone())
        }
        Gen::Bool { p } => Kind::Bool(*p),
        Gen::Uuid => Kind::Uuid,
        Gen::Json(g) => Kind::Json(std::sync::Arc::clone(&g.0)),
        Gen::Bytes { min, max } => Kind::Bytes {
            min: *min,
            max: (*max).max(*min),
        },
        Gen::Ref {
            entity: target,
            field,
        } if top => match resolve(target, field, f, scope, &mut err) {
            Some((e, fi)) => {
                let count = scope.rows[e];
                if count == 0 && rows > 0 {
                    err(at(format!(
                        "field `{}` refers to `{target}`, which has no rows",
                        f.name
                    ))
                    .with_help(format!("give `{target}` rows, or `{entity}` none")));
                }
                ref_to(e, fi, scope, RefPick::Uniform)
            }
            None => Kind::Const(Value::Null),
        },
        Gen::TreeRef { field } if top => keys::tree_ref(f, field, scope, diags),
        Gen::KeyPart { key, of } if top => keys::key_part(f, key, of, siblings, scope, diags),
        Gen::Shaped {
            of,
            children,
            max_depth,
            fan_out,
        } if top => shape::shaped(f, of, *children, (*max_depth, *fan_out), scope, diags),
        Gen::Fit { of, max_chars } => {
            let inner = Field {
                generator: (**of).clone(),
                null_rate: 0.0,
                unique: false,
                ..f.clone()
            };
            let inner = node(&inner, names, siblings, scope, top, diags);
            keys::fit(f, inner, *max_chars, rows, diags)
        }
        Gen::Lookup {
            entity: target,
            field,
            by,
        } if top => {
            let by_index = names.iter().position(|n| n == by);
            let resolved = resolve(target, field, f, scope, &mut err);
            match (by_index, resolved) {
                (Some(b), Some((e, fi))) => match &siblings[b].generator {
                    Gen::Ref { entity: re, .. } if scope.by_name.get(re.as_str()) == Some(&e) => {
                        Kind::Lookup {
                            entity: e,
                            field: fi,
                            by: b,
                        }
                    }
                    _ => {
                        err(at(format!(
                            "lookup field `{}`: `by: {by}` must be a `ref` field of `{entity}` into `{target}`",
                            f.name
                        )));
                        Kind::Const(Value::Null)
                    }
                },
                (None, _) => {
                    let mut d = at(format!(
                        "lookup field `{}`: `by` names `{by}`, which is not a field of `{entity}`",
                        f.name
                    ));
                    if let Some(s) = closest(by, names.iter().copied()) {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    err(d);
                    Kind::Const(Value::Null)
                }
                (_, None) => Kind::Const(Value::Null),
            }
        }
        Gen::Ref { .. }
        | Gen::Lookup { .. }
        | Gen::TreeRef { .. }
        | Gen::KeyPart { .. }
        | Gen::Shaped { .. } => {
            err(at(format!(
                "field `{}`: `ref` and `lookup` are supported on an entity's own fields, not inside nested objects or arrays",
                f.name
            )));
            Kind::Const(Value::Null)
        }
        Gen::Offset { from, lo, hi } => match names.iter().position(|n| n == from) {
            Some(i) => {
                if hi < lo {
                    err(at(format!(
                        "empty offset range [{lo}, {hi}] of field `{}`",
                        f.name
                    )));
                }
                Kind::Offset {
                    from: i,
                    lo: *lo,
                    hi: *hi,
                }
            }
            None => {
                err(at(format!(
                    "offset field `{}`: `from` names `{from}`, which is not a field here",
                    f.name
                )));
                Kind::Const(Value::Null)
            }
        },
        Gen::Group { names, shares } => group::compile_group(f, names, shares, rows, diags),
        Gen::Grouped { by, groups, arms } => {
            group::compile_grouped(f, by, groups, arms, names, siblings, scope, diags)
        }
        Gen::Union { .. }
        | Gen::Map { .. }
        | Gen::Choice { .. }
        | Gen::Tuple(_)
        | Gen::Float32(_) => union::compile(f, scope, diags),
        Gen::Object(fields) => {
            let (nodes, order) = level(fields, scope, false, diags);
            Kind::Object(nodes, order)
        }
        Gen::Array { min, max, item } => {
            let names = [item.name.as_str()];
            let item = node(
                item,
                &names,
                std::slice::from_ref(item),
                scope,
                false,
                diags,
            );
            Kind::Array {
                min: *min,
                max: (*max).max(*min),
                item: Box::new(item),
            }
        }
    };
    if !(0.0..=1.0).contains(&f.null_rate) {
        diags.push(
            at(format!(
                "null_rate {} of field `{}` is not a probability",
                f.null_rate, f.name
            ))
            .with_help("use a value from 0 to 1"),
        );
    }
    Node {
        name: f.name.clone(),
        hash: name_hash(&f.name),
        scale: scale_of(&f.ty),
        ty: f.ty.clone(),
        null_rate: f.null_rate,
        kind,
        span: f.span,
    }
}

/// A ref to field `fi` of entity `e`, picking rows by `pick`.
pub(crate) fn ref_to(e: usize, fi: usize, scope: &Scope<'_>, pick: RefPick) -> Kind {
    Kind::Ref {
        entity: e,
        field: fi,
        key: match scope.entities[e].fields[fi].generator {
            Gen::Key { start } => Some(start),
            _ => None,
        },
        count: scope.rows[e],
        pick,
    }
}

/// Resolves `target.field` to (entity index, field index), reporting what is missing.
pub(crate) fn resolve(
    target: &str,
    field: &str,
    f: &Field,
    scope: &Scope<'_>,
    err: &mut dyn FnMut(Diagnostic),
) -> Option<(usize, usize)> {
    let Some(&e) = scope.by_name.get(target) else {
        let mut d = Diagnostic::new(
            f.span,
            format!(
                "field `{}` refers to entity `{target}`, which does not exist",
                f.name
            ),
        );
        if let Some(s) = closest(target, scope.entities.iter().map(|e| e.name.as_str())) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        err(d);
        return None;
    };
    let fields = &scope.entities[e].fields;
    match fields.iter().position(|x| x.name == field) {
        Some(i) => Some((e, i)),
        None => {
            let mut d = Diagnostic::new(
                f.span,
                format!(
                    "field `{}` refers to `{target}.{field}`, which does not exist",
                    f.name
                ),
            );
            if let Some(s) = closest(field, fields.iter().map(|x| x.name.as_str())) {
                d = d.with_help(format!("did you mean `{target}.{s}`?"));
            }
            err(d);
            None
        }
    }
}

/// A distribution's sampler, checked.
#[allow(clippy::cast_precision_loss)]
fn sampler(dist: &Dist) -> Result<Sampler, String> {
    use datagen_core::dist;
    let e = |e: datagen_core::Error| e.to_string();
    Ok(match *dist {
        Dist::Normal { mean, std_dev } => {
            Sampler::Normal(dist::normal(mean, std_dev).map_err(e)?.0)
        }
        Dist::LogNormal { mu, sigma } => {
            Sampler::LogNormal(dist::lognormal(mu, sigma).map_err(e)?.0)
        }
        Dist::Exponential { lambda } => Sampler::Exp(dist::exponential(lambda).map_err(e)?.0),
        Dist::Poisson { lambda } => Sampler::Poisson(dist::poisson(lambda).map_err(e)?.0),
        Dist::Zipf { n, s } => Sampler::Zipf(dist::zipf(n as f64, s).map_err(e)?.0),
        Dist::Pareto { scale, shape } => Sampler::Pareto(dist::pareto(scale, shape).map_err(e)?.0),
        Dist::Beta { alpha, beta } => Sampler::Beta(dist::beta(alpha, beta).map_err(e)?.0),
        Dist::Gamma { shape, scale } => Sampler::Gamma(dist::gamma(shape, scale).map_err(e)?.0),
    })
}
