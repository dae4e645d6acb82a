//! Shaped refs from a config: self-references as trees of bounded depth and given fan-out,
//! and how many children each parent gets (uniform, even, Zipf), checked on generated rows.

use datagen_engine::{Plan, Settings, Values, config};

fn plan(text: &str) -> Plan {
    let (schema, diags) = config::parse(text, None);
    assert!(diags.is_empty(), "{diags:?}");
    Plan::new(&schema, &Settings::default()).expect("plans")
}

fn errors(text: &str) -> String {
    let (schema, diags) = config::parse(text, None);
    if !diags.is_empty() {
        return diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
    }
    match Plan::new(&schema, &Settings::default()) {
        Ok(_) => String::new(),
        Err(d) => d.to_string(),
    }
}

/// Column `c` of all rows of entity `e`, as optional integers.
fn ints(plan: &Plan, e: usize, c: usize) -> Vec<Option<i64>> {
    let chunk = plan.chunk(e, 0..plan.rows(e));
    let col = &chunk.columns[c];
    let Values::Int(v) = &col.values else {
        panic!("not ints")
    };
    v.iter()
        .enumerate()
        .map(|(i, x)| col.validity.as_ref().is_none_or(|m| m[i]).then_some(*x))
        .collect()
}

fn tree(rows: u64, opts: &str, null: bool) -> String {
    let null = if null { ", null_rate: 0.5" } else { "" };
    format!(
        "entities:\n  node:\n    rows: {rows}\n    fields:\n      id: {{key: true}}\n      parent: {{ref: node.id, {opts}{null}}}\n"
    )
}

/// Each row's depth (roots 1), checking that walking up always ends (no cycle).
fn depths(ids: &[Option<i64>], parents: &[Option<i64>]) -> Vec<usize> {
    let index = |id: i64| usize::try_from(id - ids[0].unwrap()).unwrap();
    (0..ids.len())
        .map(|mut r| {
            let mut d = 1;
            while let Some(p) = parents[r] {
                let p = index(p);
                if p == r {
                    break; // a root that refers to itself
                }
                assert!(p < r, "a parent comes before its child");
                r = p;
                d += 1;
                assert!(d <= ids.len(), "a cycle");
            }
            d
        })
        .collect()
}

fn children_counts(ids: &[Option<i64>], parents: &[Option<i64>]) -> Vec<u64> {
    let first = ids[0].unwrap();
    let mut counts = vec![0u64; ids.len()];
    for (r, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            let p = usize::try_from(p - first).unwrap();
            if p != r {
                counts[p] += 1;
            }
        }
    }
    counts
}

#[test]
fn a_tree_never_passes_its_depth_and_has_no_cycles() {
    for (rows, opts) in [
        (1111, "tree: {max_depth: 4, fan_out: 10}"),
        (5000, "tree: {max_depth: 3, fan_out: 4}"),
        (1000, "tree: {max_depth: 4}"),
        (777, "tree: {fan_out: 3}"),
        (500, "tree: {max_depth: 6, fan_out: 2}, children: zipf"),
    ] {
        for null in [false, true] {
            let p = plan(&tree(rows, opts, null));
            let (ids, parents) = (ints(&p, 0, 0), ints(&p, 0, 1));
            let d = depths(&ids, &parents);
            let max = d.iter().copied().max().unwrap();
            let limit: usize = opts
                .split("max_depth: ")
                .nth(1)
                .map_or(usize::MAX, |s| s[..1].parse().unwrap());
            assert!(max <= limit, "{opts}: depth {max}");
            let roots = parents
                .iter()
                .enumerate()
                .filter(|(r, p)| p.is_none() || **p == ids[*r])
                .count();
            assert!(roots >= 1, "{opts}: a forest has roots");
            if null {
                assert!(
                    parents
                        .iter()
                        .zip(&ids)
                        .all(|(p, id)| p != &Some(id.unwrap())),
                    "nullable: roots are null, never themselves"
                );
            }
        }
    }
    // One tree when only the depth is given: a single root, 4 levels.
    let p = plan(&tree(1000, "tree: {max_depth: 4}", true));
    let parents = ints(&p, 0, 1);
    assert_eq!(parents.iter().filter(|p| p.is_none()).count(), 1);
    let d = depths(&ints(&p, 0, 0), &parents);
    assert_eq!(d.iter().copied().max(), Some(4));
}

#[test]
fn fan_out_follows_the_children_distribution() {
    // Levels 1, 10, 100, 1000: every non-leaf row has 10 children on average.
    let rows = 1111;
    for (children, check) in [("even", 0usize), ("uniform", 1), ("zipf", 2)] {
        let p = plan(&tree(
            rows,
            &format!("tree: {{max_depth: 4, fan_out: 10}}, children: {children}"),
            true,
        ));
        let (ids, parents) = (ints(&p, 0, 0), ints(&p, 0, 1));
        let counts = children_counts(&ids, &parents);
        // The 111 rows of the first three levels are the parents of the 1110 others.
        let inner = &counts[..111];
        assert_eq!(inner.iter().sum::<u64>(), 1110, "{children}");
        assert!(
            counts[111..].iter().all(|&c| c == 0),
            "leaves have no children"
        );
        #[allow(clippy::cast_precision_loss)]
        let mean = inner.iter().sum::<u64>() as f64 / inner.len() as f64;
        #[allow(clippy::cast_precision_loss)]
        let var = inner
            .iter()
            .map(|&c| (c as f64 - mean).powi(2))
            .sum::<f64>()
            / inner.len() as f64;
        match check {
            0 => assert!(inner.iter().all(|&c| c == 10), "even: {inner:?}"),
            // Poisson-like: the variance is close to the mean (10), well within sampling error.
            1 => assert!(
                (5.0..16.0).contains(&var),
                "uniform: mean {mean}, variance {var}"
            ),
            // Skewed: the busiest parent of the last inner level has far more than 10.
            _ => {
                let top = counts[11..111].iter().copied().max().unwrap();
                assert!(var > 30.0 && top > 30, "zipf: variance {var}, top {top}");
            }
        }
    }
}

#[test]
fn children_per_parent_of_an_ordinary_ref() {
    let text = |children: &str| {
        format!(
            "entities:\n  customer:\n    rows: 200\n    fields:\n      id: {{key: true}}\n  orders:\n    rows: 2000\n    fields:\n      id: {{key: true}}\n      customer_id: {{ref: customer.id, children: {children}}}\n"
        )
    };
    let counts = |children: &str| {
        let p = plan(&text(children));
        let mut counts = vec![0u32; 200];
        for c in ints(&p, 1, 1) {
            counts[usize::try_from(c.unwrap() - 1).unwrap()] += 1;
        }
        counts
    };
    assert!(counts("even").iter().all(|&c| c == 10));
    let zipf = counts("{zipf: 1.2}");
    let mut sorted = zipf.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert!(
        sorted[0] > 200,
        "the most popular customer has a large share: {sorted:?}"
    );
    assert!(
        sorted.iter().filter(|&&c| c == 0).count() > 20,
        "many have none"
    );
    // `uniform` is the plain ref: the same picks.
    let plain = text("uniform").replace(", children: uniform", "");
    assert_eq!(
        ints(&plan(&plain), 1, 1),
        ints(&plan(&text("uniform")), 1, 1)
    );
    // Same seed, same picks, on any row range.
    let p = plan(&text("{zipf: 1.2}"));
    let all = ints(&p, 1, 1);
    let chunk = p.chunk(1, 1500..1510);
    let Values::Int(part) = &chunk.columns[1].values else {
        panic!()
    };
    assert_eq!(
        part.iter().map(|x| Some(*x)).collect::<Vec<_>>(),
        all[1500..1510].to_vec()
    );
}

#[test]
fn shape_options_in_the_wrong_place_are_errors() {
    let e = errors(
        "entities:\n  a:\n    rows: 3\n    fields:\n      id: {key: true}\n  b:\n    rows: 3\n    fields:\n      a_id: {ref: a.id, tree: {max_depth: 3}}\n",
    );
    assert!(
        e.contains("`tree` applies to a ref into its own entity"),
        "{e}"
    );
    let e = errors(&tree(10, "tree: {depth: 3}", false));
    assert!(
        e.contains("unknown option `depth`") && e.contains("max_depth"),
        "{e}"
    );
    let e = errors(&tree(10, "children: lumpy", false));
    assert!(e.contains("unknown distribution `lumpy`"), "{e}");
    let e = errors(&tree(10, "tree: {max_depth: 0}", false));
    assert!(e.contains("`max_depth` must be from 1"), "{e}");
    let e = errors(&tree(10, "tree: true, children: even", false));
    assert!(e.contains("`children` of a tree needs its levels"), "{e}");
    let e =
        errors("entities:\n  a:\n    rows: 3\n    fields:\n      n: {range: [1, 9], tree: true}\n");
    assert!(e.contains("`tree` does not apply to `range`"), "{e}");
}
