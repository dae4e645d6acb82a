//! The order fields are computed in: each after the fields its template or lookup reads.

use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;

use crate::ast::{Field, Group};
use crate::attr::Source;
use crate::ctxt::Errors;

/// The order to compute fields in: each after the fields its template or lookup reads, otherwise
/// in declaration order. Cycles are errors.
pub(crate) fn dependency_order(group: &Group<'_>, errors: &mut Errors) -> Vec<usize> {
    let deps: Vec<Vec<usize>> = group
        .fields
        .iter()
        .map(|field| dependencies(group, field))
        .collect();
    let mut state = vec![0u8; deps.len()]; // 0 new, 1 on the stack, 2 done
    let mut order = Vec::with_capacity(deps.len());
    let mut stack = Vec::new();
    for start in 0..deps.len() {
        visit(
            start, &deps, &mut state, &mut stack, &mut order, group, errors,
        );
    }
    order
}

fn visit(
    i: usize,
    deps: &[Vec<usize>],
    state: &mut [u8],
    stack: &mut Vec<usize>,
    order: &mut Vec<usize>,
    group: &Group<'_>,
    errors: &mut Errors,
) {
    match state[i] {
        2 => return,
        1 => {
            let from = stack.iter().position(|&j| j == i).unwrap_or(0);
            let cycle: Vec<String> = stack[from..]
                .iter()
                .chain([&i])
                .map(|&j| format!("`{}`", group.fields[j].name))
                .collect();
            let field = &group.fields[i];
            let span = field
                .attrs
                .source()
                .map_or_else(|| field.original.ty.span(), |s| s.key.span());
            return errors.at(
                span,
                format!("cyclic field references: {}", cycle.join(" -> ")),
            );
        }
        _ => {}
    }
    state[i] = 1;
    stack.push(i);
    for &dep in &deps[i] {
        visit(dep, deps, state, stack, order, group, errors);
    }
    stack.pop();
    state[i] = 2;
    order.push(i);
}

/// The fields `field` reads: its template's fields, or its lookup's `by` field.
pub(crate) fn dependencies(group: &Group<'_>, field: &Field<'_>) -> Vec<usize> {
    let index = |name: &str| group.fields.iter().position(|f| f.name == name);
    match (field.attrs.source().map(|s| &s.value), &field.attrs.by) {
        (Some(Source::Template(template)), _) => template
            .fields()
            .filter(|name| *name != field.name)
            .filter_map(index)
            .collect(),
        (Some(Source::Lookup(_)), Some(by)) => {
            index(&by.value.unraw().to_string()).into_iter().collect()
        }
        _ => Vec::new(),
    }
}
