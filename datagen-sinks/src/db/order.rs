//! The load order and the constraints of the tables created from the IR: an entity whose
//! fields ref or look up another loads after it; a `key` field becomes a primary key, a unique
//! field or composite key a `UNIQUE` constraint, and a ref to a parent's key or unique field a
//! foreign key.

use std::collections::HashMap;

use datagen_engine::ir::{Entity, Gen, Schema};

/// A foreign key of a created table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ForeignKey {
    /// The child field.
    pub column: String,
    /// The parent entity (plan index).
    pub parent: usize,
    /// The parent's key (or unique) field.
    pub parent_column: String,
    /// The parent loads after the child (the two are in a cycle of refs): the key is added
    /// after every table is created, and its checks wait for the parent's rows.
    pub forward: bool,
}

/// Keys and load order of the selected entities.
#[derive(Debug)]
pub(crate) struct Relations {
    /// The selected entities, parents before children (declaration order where free; the
    /// members of a cycle in declaration order).
    pub order: Vec<usize>,
    /// Per entity (plan index): its `key` field, if any.
    pub keys: Vec<Option<String>>,
    /// Per entity (plan index): its unique fields and composite keys, each a list of fields.
    pub uniques: Vec<Vec<Vec<String>>>,
    /// Per entity (plan index): refs to the key or a unique field of a selected entity.
    pub foreign: Vec<Vec<ForeignKey>>,
}

/// The entity and field a ref draws from, through the wrappers that keep its values.
pub(crate) fn ref_target(g: &Gen) -> Option<(&str, &str)> {
    match g {
        Gen::Ref { entity, field } => Some((entity, field)),
        Gen::KeyPart { of, .. } | Gen::Fit { of, .. } | Gen::Shaped { of, .. } => ref_target(of),
        _ => None,
    }
}

/// An entity's unique fields (not its key) and composite keys, in the order written.
fn uniques_of(e: &Entity, key: Option<&String>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut composite: Vec<(String, Vec<String>)> = Vec::new();
    for f in e.fields.iter().filter(|f| !f.hidden) {
        if let Gen::KeyPart { key: name, .. } = &f.generator {
            match composite.iter_mut().find(|(n, _)| n == name) {
                Some((_, fields)) => fields.push(f.name.clone()),
                None => composite.push((name.clone(), vec![f.name.clone()])),
            }
        } else if f.unique && key != Some(&f.name) {
            out.push(vec![f.name.clone()]);
        }
    }
    out.extend(composite.into_iter().map(|(_, fields)| fields));
    out
}

/// Whether `from` reads `to`, directly or through other unplaced entities.
fn reaches(parents: &[Vec<usize>], placed: &[bool], from: usize, to: usize) -> bool {
    let mut seen = vec![false; parents.len()];
    let mut stack = vec![from];
    while let Some(e) = stack.pop() {
        if e == to {
            return true;
        }
        if std::mem::replace(&mut seen[e], true) {
            continue;
        }
        stack.extend(parents[e].iter().copied().filter(|&p| !placed[p]));
    }
    false
}

impl Relations {
    /// The relations among `selected` entities of `schema`.
    pub(crate) fn new(schema: &Schema, selected: &[usize]) -> Self {
        let by_name: HashMap<&str, usize> = schema
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        let keys: Vec<Option<String>> = schema
            .entities
            .iter()
            .map(|e| {
                e.fields
                    .iter()
                    .find(|f| matches!(f.generator, Gen::Key { .. }) && f.null_rate == 0.0)
                    .map(|f| f.name.clone())
            })
            .collect();
        let uniques: Vec<Vec<Vec<String>>> = schema
            .entities
            .iter()
            .zip(&keys)
            .map(|(e, k)| uniques_of(e, k.as_ref()))
            .collect();
        let n = schema.entities.len();
        let mut chosen = vec![false; n];
        for &e in selected {
            if e < n {
                chosen[e] = true;
            }
        }
        // parents[e]: the selected entities e reads (refs and lookups), itself excluded.
        let parents: Vec<Vec<usize>> = (0..n)
            .map(|e| {
                let mut out: Vec<usize> = schema.entities[e]
                    .fields
                    .iter()
                    .filter_map(|f| match &f.generator {
                        Gen::Lookup { entity, .. } => by_name.get(entity.as_str()).copied(),
                        g => ref_target(g).and_then(|(entity, _)| by_name.get(entity).copied()),
                    })
                    .filter(|&p| p != e && chosen[p])
                    .collect();
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        let mut order = Vec::new();
        let mut placed = vec![false; n];
        loop {
            // The first (in declaration order) entity whose parents are all placed.
            let next =
                (0..n).find(|&e| chosen[e] && !placed[e] && parents[e].iter().all(|&p| placed[p]));
            let next = match next {
                Some(e) => e,
                // A cycle: the first entity (as declared) of a cycle nothing outside it waits
                // on, so the tables after it in the cycle are all that load before their
                // parents.
                None => match (0..n)
                    .filter(|&e| chosen[e] && !placed[e])
                    .find(|&e| {
                        parents[e]
                            .iter()
                            .all(|&p| placed[p] || reaches(&parents, &placed, p, e))
                    })
                    .or_else(|| (0..n).find(|&e| chosen[e] && !placed[e]))
                {
                    Some(e) => e,
                    None => break,
                },
            };
            placed[next] = true;
            order.push(next);
        }
        let position: HashMap<usize, usize> =
            order.iter().enumerate().map(|(i, &e)| (e, i)).collect();
        let is_unique = |parent: usize, field: &str| {
            keys[parent].as_deref() == Some(field)
                || uniques[parent]
                    .iter()
                    .any(|u| u.len() == 1 && u[0] == field)
        };
        let foreign = (0..n)
            .map(|e| {
                let Some(&at) = position.get(&e) else {
                    return Vec::new();
                };
                schema.entities[e]
                    .fields
                    .iter()
                    .filter(|f| !f.hidden)
                    .filter_map(|f| {
                        let (entity, field) = ref_target(&f.generator)?;
                        let parent = *by_name.get(entity)?;
                        let &p = position.get(&parent)?;
                        (parent != e && is_unique(parent, field)).then(|| ForeignKey {
                            column: f.name.clone(),
                            parent,
                            parent_column: field.to_string(),
                            forward: p > at,
                        })
                    })
                    .collect()
            })
            .collect();
        Relations {
            order,
            keys,
            uniques,
            foreign,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datagen_engine::ir::{DataType, Entity, Field, Span};

    fn entity(name: &str, fields: Vec<Field>) -> Entity {
        Entity {
            name: name.into(),
            rows: 10,
            fields,
            span: Span::default(),
            document: false,
            avro_schema: None,
        }
    }

    fn reference(name: &str, to: &str) -> Field {
        Field::new(
            name,
            DataType::Int,
            Gen::Ref {
                entity: to.into(),
                field: "id".into(),
            },
        )
    }

    fn key() -> Field {
        Field::new("id", DataType::Int, Gen::Key { start: 1 })
    }

    #[test]
    fn parents_load_first_and_refs_to_keys_become_foreign_keys() {
        let schema = Schema {
            entities: vec![
                entity("line", vec![key(), reference("order_id", "orders")]),
                entity("orders", vec![key(), reference("customer_id", "customer")]),
                entity("customer", vec![key(), reference("referrer", "customer")]),
            ],
            ..Schema::default()
        };
        let r = Relations::new(&schema, &[0, 1, 2]);
        assert_eq!(r.order, vec![2, 1, 0]);
        let id = Some("id".to_string());
        assert_eq!(r.keys, vec![id.clone(), id.clone(), id]);
        let fk = |column: &str, parent| ForeignKey {
            column: column.into(),
            parent,
            parent_column: "id".into(),
            forward: false,
        };
        assert_eq!(
            r.foreign,
            vec![vec![fk("order_id", 1)], vec![fk("customer_id", 2)], vec![]]
        );
        // Without its parent selected, a child loads alone and gets no foreign key.
        let r = Relations::new(&schema, &[0]);
        assert_eq!(r.order, vec![0]);
        assert!(r.foreign[0].is_empty());
    }

    #[test]
    fn a_ref_with_a_children_distribution_is_still_a_foreign_key() {
        let mut shaped = reference("order_id", "orders");
        shaped.generator = Gen::Shaped {
            of: Box::new(shaped.generator),
            children: datagen_engine::ir::Children::Even,
            max_depth: None,
            fan_out: None,
        };
        let schema = Schema {
            entities: vec![
                entity("line", vec![key(), shaped]),
                entity("orders", vec![key()]),
            ],
            ..Schema::default()
        };
        let r = Relations::new(&schema, &[0, 1]);
        assert_eq!(r.order, vec![1, 0], "the parent loads first");
        assert_eq!(r.foreign[0].len(), 1);
        assert_eq!(r.foreign[0][0].parent, 1);
    }

    #[test]
    fn a_table_waiting_on_a_cycle_loads_after_it() {
        let schema = Schema {
            entities: vec![
                entity("customer", vec![key(), reference("store_id", "store")]),
                entity("staff", vec![key(), reference("store_id", "store")]),
                entity("store", vec![key(), reference("manager", "staff")]),
            ],
            ..Schema::default()
        };
        let r = Relations::new(&schema, &[0, 1, 2]);
        assert_eq!(r.order, vec![1, 2, 0], "staff, store, then customer");
    }

    #[test]
    fn a_cycle_loads_in_declaration_order_with_its_forward_key_marked() {
        let schema = Schema {
            entities: vec![
                entity("store", vec![key(), reference("manager", "staff")]),
                entity("staff", vec![key(), reference("store_id", "store")]),
            ],
            ..Schema::default()
        };
        let r = Relations::new(&schema, &[0, 1]);
        assert_eq!(r.order, vec![0, 1]);
        assert_eq!(r.foreign[0].len(), 1);
        assert!(r.foreign[0][0].forward, "store loads before staff");
        assert_eq!(r.foreign[1].len(), 1);
        assert!(!r.foreign[1][0].forward);
    }
}
