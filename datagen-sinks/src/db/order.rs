//! The load order and the keys of the tables created: an entity whose fields ref or look up
//! another loads after it; a `key` field becomes a primary key and a ref to a parent's key a
//! foreign key.

use std::collections::HashMap;

use datagen_engine::ir::{Gen, Schema};

/// A foreign key of a created table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ForeignKey {
    /// The child field.
    pub column: String,
    /// The parent entity (plan index).
    pub parent: usize,
    /// The parent's key field.
    pub parent_column: String,
}

/// Keys and load order of the selected entities.
#[derive(Debug)]
pub(crate) struct Relations {
    /// The selected entities, parents before children (declaration order where free; the
    /// members of a cycle in declaration order).
    pub order: Vec<usize>,
    /// Per entity (plan index): its `key` field, if any.
    pub keys: Vec<Option<String>>,
    /// Per entity (plan index): refs to the key of an entity loaded before it.
    pub foreign: Vec<Vec<ForeignKey>>,
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
                        Gen::Ref { entity, .. } | Gen::Lookup { entity, .. } => {
                            by_name.get(entity.as_str()).copied()
                        }
                        _ => None,
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
                // A cycle: take the first unplaced entity as it was declared.
                None => match (0..n).find(|&e| chosen[e] && !placed[e]) {
                    Some(e) => e,
                    None => break,
                },
            };
            placed[next] = true;
            order.push(next);
        }
        let position: HashMap<usize, usize> =
            order.iter().enumerate().map(|(i, &e)| (e, i)).collect();
        let foreign = (0..n)
            .map(|e| {
                let Some(&at) = position.get(&e) else {
                    return Vec::new();
                };
                schema.entities[e]
                    .fields
                    .iter()
                    .filter_map(|f| {
                        let Gen::Ref { entity, field } = &f.generator else {
                            return None;
                        };
                        let parent = *by_name.get(entity.as_str())?;
                        let loaded_before = position.get(&parent).is_some_and(|&p| p < at);
                        (loaded_before && keys[parent].as_ref() == Some(field)).then(|| {
                            ForeignKey {
                                column: f.name.clone(),
                                parent,
                                parent_column: field.clone(),
                            }
                        })
                    })
                    .collect()
            })
            .collect();
        Relations {
            order,
            keys,
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
    fn a_cycle_loads_in_declaration_order_with_keys_only_backwards() {
        let schema = Schema {
            entities: vec![
                entity("store", vec![key(), reference("manager", "staff")]),
                entity("staff", vec![key(), reference("store_id", "store")]),
            ],
            ..Schema::default()
        };
        let r = Relations::new(&schema, &[0, 1]);
        assert_eq!(r.order, vec![0, 1]);
        assert!(r.foreign[0].is_empty());
        assert_eq!(r.foreign[1].len(), 1);
    }
}
