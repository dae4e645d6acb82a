//! Reading a schema's JSON text with the order of every object's keys kept, so properties are
//! generated in the order the schema lists them (a `serde_json::Map` sorts its keys).

use std::collections::HashMap;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::index::escape;

/// The key order of each object in a document, by JSON pointer.
pub(super) type KeyOrder = HashMap<String, Vec<String>>;

/// A value and the key order of the objects in it, by pointer relative to the value.
struct Tracked {
    value: Value,
    orders: Vec<(String, Vec<String>)>,
}

/// Parses `text` into a value and the key order of each of its objects.
pub(super) fn parse(text: &str) -> Result<(Value, KeyOrder), serde_json::Error> {
    let tracked: Tracked = serde_json::from_str(text)?;
    Ok((tracked.value, tracked.orders.into_iter().collect()))
}

impl<'de> Deserialize<'de> for Tracked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TrackedVisitor)
    }
}

/// Builds a [`Tracked`] from any JSON value.
struct TrackedVisitor;

impl<'de> Visitor<'de> for TrackedVisitor {
    type Value = Tracked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Tracked, E> {
        Ok(leaf(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Tracked, E> {
        Ok(leaf(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Tracked, E> {
        Ok(leaf(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Tracked, E> {
        Ok(leaf(Value::from(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Tracked, E> {
        Ok(leaf(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Tracked, E> {
        Ok(leaf(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Tracked, E> {
        Ok(leaf(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Tracked, E> {
        Ok(leaf(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tracked, A::Error> {
        let mut items = Vec::new();
        let mut orders = Vec::new();
        while let Some(item) = seq.next_element::<Tracked>()? {
            let at = items.len();
            orders.extend(
                item.orders
                    .into_iter()
                    .map(|(p, k)| (format!("/{at}{p}"), k)),
            );
            items.push(item.value);
        }
        Ok(Tracked {
            value: Value::Array(items),
            orders,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Tracked, A::Error> {
        let mut map = Map::new();
        let mut keys = Vec::new();
        let mut orders = Vec::new();
        while let Some((key, item)) = access.next_entry::<String, Tracked>()? {
            let at = escape(&key);
            orders.extend(
                item.orders
                    .into_iter()
                    .map(|(p, k)| (format!("/{at}{p}"), k)),
            );
            if !keys.contains(&key) {
                keys.push(key.clone());
            }
            map.insert(key, item.value);
        }
        orders.push((String::new(), keys));
        Ok(Tracked {
            value: Value::Object(map),
            orders,
        })
    }
}

/// A value with no objects in it.
fn leaf(value: Value) -> Tracked {
    Tracked {
        value,
        orders: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_order_is_kept_per_pointer() {
        let (value, order) = parse(
            r#"{"z": 1, "a": {"y": [{"q": 0, "b": 1}], "c": null}, "m/n": {"k": 2, "j": 3}}"#,
        )
        .expect("valid JSON");
        assert_eq!(value["a"]["c"], Value::Null);
        assert_eq!(order[""], ["z", "a", "m/n"]);
        assert_eq!(order["/a"], ["y", "c"]);
        assert_eq!(order["/a/y/0"], ["q", "b"]);
        assert_eq!(order["/m~1n"], ["k", "j"]);
    }
}
