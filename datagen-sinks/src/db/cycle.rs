//! Foreign-key cycles among the tables of a load: found in the database's catalog, loaded
//! with their checks deferred, and checked afterwards with one query per foreign key.
//!
//! Tables load parents first; a foreign key whose parent loads after its child (both ways
//! `NOT NULL`, as Sakila's `store` and `staff`) can only be satisfied once both tables hold
//! their rows. The rows are consistent by construction (a ref recomputes a parent row's key),
//! so the tables from the first child to the last parent of such keys load as one run with
//! the checks deferred: in one transaction with `SET CONSTRAINTS ALL DEFERRED` when every such
//! key is `DEFERRABLE` (PostgreSQL), else with the session's checks off (PostgreSQL
//! `session_replication_role = replica`, MySQL `FOREIGN_KEY_CHECKS = 0`). Every foreign key
//! of those tables is then checked by counting the rows without a parent.

use std::collections::{HashMap, VecDeque};

use super::{Dialect, ddl::ident};

/// A foreign key as the catalog has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CatalogFk {
    /// The constraint's name.
    pub name: String,
    /// The child table.
    pub table: String,
    /// The child columns.
    pub columns: Vec<String>,
    /// The parent table.
    pub parent: String,
    /// The parent columns, one per child column.
    pub parent_columns: Vec<String>,
    /// Whether its check can wait for the commit (PostgreSQL `DEFERRABLE`).
    pub deferrable: bool,
}

/// A run of tables (positions in the load order) that must load with deferred checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cycle {
    /// The first table's position.
    pub first: usize,
    /// The last table's position.
    pub last: usize,
    /// The keys whose parent loads after their child.
    pub forward: Vec<CatalogFk>,
    /// Every key of the run's tables: what is checked after the load.
    pub checked: Vec<CatalogFk>,
    /// The cycle, for messages: `` `store` → `staff` (`fk_store_staff`) → `store` (...) ``.
    pub text: String,
}

impl Cycle {
    /// The forward keys' names, for messages.
    pub(crate) fn forward_names(&self) -> String {
        self.forward
            .iter()
            .map(|f| format!("`{}`", f.name))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The position of `table` in `order` (exact name, else case-insensitive).
fn position(order: &[String], table: &str) -> Option<usize> {
    order
        .iter()
        .position(|t| t == table)
        .or_else(|| order.iter().position(|t| t.eq_ignore_ascii_case(table)))
}

/// The runs of `order` (table names in load order) that foreign keys pointing forward make.
pub(crate) fn find(order: &[String], fks: &[CatalogFk]) -> Vec<Cycle> {
    let at = |t: &str| position(order, t);
    let mut runs: Vec<(usize, usize)> = fks
        .iter()
        .filter_map(|f| {
            let (c, p) = (at(&f.table)?, at(&f.parent)?);
            (c < p).then_some((c, p))
        })
        .collect();
    runs.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in runs {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
        .into_iter()
        .map(|(first, last)| {
            let inside = |t: &str| at(t).is_some_and(|p| (first..=last).contains(&p));
            let forward: Vec<CatalogFk> = fks
                .iter()
                .filter(|f| inside(&f.table) && inside(&f.parent))
                .filter(|f| at(&f.table) < at(&f.parent))
                .cloned()
                .collect();
            let checked: Vec<CatalogFk> =
                fks.iter().filter(|f| inside(&f.table)).cloned().collect();
            let text = path(&forward[0], &checked);
            Cycle {
                first,
                last,
                forward,
                checked,
                text,
            }
        })
        .collect()
}

/// The cycle through `start`: its child, its parent, and the shortest way back along the
/// keys of `fks`, as `` `a` → `b` (`fk`) → `a` (`fk2`) ``.
fn path(start: &CatalogFk, fks: &[CatalogFk]) -> String {
    // Breadth-first from the parent back to the child, child → parent along each key.
    let mut came: HashMap<&str, &CatalogFk> = HashMap::new();
    let mut queue = VecDeque::from([start.parent.as_str()]);
    while let Some(t) = queue.pop_front() {
        if t == start.table {
            break;
        }
        for f in fks.iter().filter(|f| f.table == t) {
            if !came.contains_key(f.parent.as_str()) && f.parent != start.parent {
                came.insert(&f.parent, f);
                queue.push_back(&f.parent);
            }
        }
    }
    let mut back: Vec<&CatalogFk> = Vec::new();
    let mut t = start.table.as_str();
    while t != start.parent {
        let Some(f) = came.get(t) else {
            back.clear();
            break;
        };
        back.push(f);
        t = &f.table;
    }
    back.reverse();
    let mut text = format!("`{}` → `{}` (`{}`)", start.table, start.parent, start.name);
    for f in back {
        text.push_str(&format!(" → `{}` (`{}`)", f.parent, f.name));
    }
    text
}

/// The query counting the rows of `fk`'s table whose key has no parent row.
pub(crate) fn orphans_sql(dialect: Dialect, fk: &CatalogFk) -> String {
    let q = |name: &str| ident(dialect, name);
    let present: Vec<String> = fk
        .columns
        .iter()
        .map(|c| format!("c.{} IS NOT NULL", q(c)))
        .collect();
    let joins: Vec<String> = fk
        .columns
        .iter()
        .zip(&fk.parent_columns)
        .map(|(c, p)| format!("p.{} = c.{}", q(p), q(c)))
        .collect();
    format!(
        "SELECT COUNT(*) FROM {} c WHERE {} AND NOT EXISTS (SELECT 1 FROM {} p WHERE {})",
        q(&fk.table),
        present.join(" AND "),
        q(&fk.parent),
        joins.join(" AND ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fk(name: &str, table: &str, parent: &str) -> CatalogFk {
        CatalogFk {
            name: name.into(),
            table: table.into(),
            columns: vec![format!("{parent}_id")],
            parent: parent.into(),
            parent_columns: vec!["id".into()],
            deferrable: false,
        }
    }

    #[test]
    fn a_forward_key_makes_a_run_from_its_child_to_its_parent() {
        let order: Vec<String> = ["country", "store", "staff", "rental"]
            .map(String::from)
            .to_vec();
        let fks = [
            fk("fk_store_staff", "store", "staff"),
            fk("fk_staff_store", "staff", "store"),
            fk("fk_store_country", "store", "country"),
            fk("fk_rental_staff", "rental", "staff"),
        ];
        let cycles = find(&order, &fks);
        assert_eq!(cycles.len(), 1);
        let c = &cycles[0];
        assert_eq!((c.first, c.last), (1, 2));
        assert_eq!(c.forward, vec![fks[0].clone()]);
        assert_eq!(c.checked.len(), 3, "every key of store and staff");
        assert_eq!(
            c.text,
            "`store` → `staff` (`fk_store_staff`) → `store` (`fk_staff_store`)"
        );
        assert_eq!(c.forward_names(), "`fk_store_staff`");
        assert!(find(&order, &fks[1..]).is_empty(), "no key points forward");
    }

    #[test]
    fn orphans_are_counted_per_key() {
        let mut k = fk("f", "staff", "store");
        k.columns.push("region".into());
        k.parent_columns.push("region".into());
        assert_eq!(
            orphans_sql(Dialect::Mysql, &k),
            "SELECT COUNT(*) FROM `staff` c WHERE c.`store_id` IS NOT NULL AND c.`region` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `store` p WHERE p.`id` = c.`store_id` AND p.`region` = c.`region`)"
        );
    }
}
