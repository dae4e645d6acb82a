//! Edge and invalid instances of a compiled schema (`--cases`): for each location of the
//! instance and each keyword there, one instance that puts the location at the keyword's
//! boundary (still valid) or breaks that keyword alone.
//!
//! The locations are found by walking the schema from the root through properties, items and
//! `oneOf`/`anyOf`/`if` branches (each node once). Each case starts from a generated
//! instance (the entity's row with the case's index), makes its location exist, changes it,
//! and is kept only if [`explain`] finds exactly the fault it names (edge: none); a keyword
//! no try achieves is listed as skipped, with the fault that got in the way.

mod build;
mod explain;
mod target;
mod value;

use datagen_core::Ctx;
use datagen_engine::cases::{DocCase, DocCases, DocSkip, Mode};
use serde_json::Value;

use super::JsonSchema;
use super::shape::Id;
use build::{Builder, Change, Step};
use explain::{Explain, Fault};
use target::Target;

/// The most locations walked; keywords past them are listed as skipped.
const MAX_LOCATIONS: usize = 4000;
/// How deep (in properties and items) locations are looked for.
const MAX_DEPTH: usize = 8;
/// Instances tried per case, each from another draw.
const TRIES: u64 = 6;

/// A location of the instance: the steps that reach it from the root and the node there.
#[derive(Clone, Debug)]
pub(super) struct Location {
    steps: Vec<Step>,
    pointer: String,
    id: Id,
}

impl JsonSchema {
    /// The `mode` cases of this schema: case `k` is drawn from the context `row(k)` gives.
    /// Edge instances validate; each invalid instance fails exactly the keyword it names, at
    /// the location it names. Keywords no instance could test alone are listed as skipped.
    pub fn cases(&self, mode: Mode, row: &dyn Fn(u64) -> Ctx) -> DocCases {
        let locations = self.locations();
        let mut targets: Vec<Target> = Vec::new();
        let mut skipped = Vec::new();
        for (i, loc) in locations.iter().enumerate() {
            let node = self.nodes[loc.id]
                .as_ref()
                .expect("every reachable node is planned");
            let explain = Explain {
                nodes: &self.nodes,
                draft: self.draft,
                miss: None,
            };
            target::list(node, i, loc, mode, &explain, &mut targets, &mut skipped);
        }
        let mut seen = std::collections::BTreeSet::new();
        targets.retain(|t| seen.insert((t.pointer.clone(), t.keyword, t.describe.clone())));
        let mut cases = Vec::new();
        for (k, t) in targets.iter().enumerate() {
            match self.build(t, &locations[t.location], mode, row(k as u64)) {
                Ok(case) => cases.push(case),
                Err(why) => skipped.push(DocSkip::new(t.pointer.clone(), t.keyword, why)),
            }
        }
        DocCases::new(cases, skipped)
    }

    /// Every location worth a case, from the root, each node once.
    fn locations(&self) -> Vec<Location> {
        let mut out = vec![Location {
            steps: Vec::new(),
            pointer: String::new(),
            id: self.root,
        }];
        let mut seen = vec![false; self.nodes.len()];
        seen[self.root] = true;
        let mut next = 0;
        while next < out.len() && out.len() < MAX_LOCATIONS {
            let loc = out[next].clone();
            next += 1;
            let node = self.nodes[loc.id]
                .as_ref()
                .expect("every reachable node is planned");
            let depth = loc
                .steps
                .iter()
                .filter(|s| !matches!(s, Step::Variant(_)))
                .count();
            let mut children: Vec<(Step, String, Id)> = Vec::new();
            for &v in &node.variants {
                children.push((Step::Variant(v), loc.pointer.clone(), v));
            }
            if depth < MAX_DEPTH && node.variants.is_empty() {
                for f in &node.object.fields {
                    let step = Step::Prop {
                        name: f.name.clone(),
                        id: f.id,
                    };
                    let pointer = format!("{}/{}", loc.pointer, explain::escape(&f.name));
                    children.push((step, pointer, f.id));
                }
                let plan = &node.array;
                let items = plan
                    .prefix
                    .iter()
                    .copied()
                    .enumerate()
                    .chain(plan.rest.map(|r| (plan.prefix.len(), r)));
                for (index, id) in items {
                    let pointer = format!("{}/{index}", loc.pointer);
                    children.push((Step::Item { index, id }, pointer, id));
                }
            }
            for (step, pointer, id) in children {
                if seen[id] || self.nodes[id].is_none() {
                    continue;
                }
                seen[id] = true;
                let mut steps = loc.steps.clone();
                steps.push(step);
                out.push(Location { steps, pointer, id });
            }
        }
        out
    }

    /// One case instance for target `t` at `loc`, or why none could be made.
    fn build(
        &self,
        t: &Target,
        loc: &Location,
        mode: Mode,
        mut ctx: Ctx,
    ) -> Result<DocCase, String> {
        let builder = Builder { nodes: &self.nodes };
        let explain = Explain {
            nodes: &self.nodes,
            draft: self.draft,
            miss: (t.keyword == "format").then_some(t.pointer.as_str()),
        };
        let want = match mode {
            Mode::Invalid => vec![Fault {
                pointer: t.pointer.clone(),
                keyword: t.keyword,
            }],
            _ => Vec::new(),
        };
        let mut last = String::new();
        let tries = TRIES.max(t.changes.len() as u64);
        for attempt in 0..tries {
            let change = &t.changes[attempt as usize % t.changes.len()];
            // The first try is the row's own instance; later ones draw afresh.
            let saved = (attempt > 0).then(|| ctx.__enter(attempt | (1 << 48)));
            let mut instance = builder.draw(self.root, &mut ctx, 0);
            let made = builder.apply(&mut instance, self.root, &loc.steps, change, &mut ctx, 0);
            if let Some(saved) = saved {
                ctx.__leave(saved);
            }
            if !made {
                last = "the location cannot be given that change".to_owned();
                continue;
            }
            let faults = explain.faults(self.root, &instance);
            if faults == want {
                // Scalars are shown; an object's or array's case says what it did to it.
                let value = instance
                    .pointer(&t.pointer)
                    .filter(|v| !v.is_object() && !v.is_array())
                    .map_or_else(String::new, |v| short(&v.to_string()));
                let detail = if value.is_empty() {
                    format!("{} (schema {})", t.describe, t.schema)
                } else {
                    format!("{value}: {} (schema {})", t.describe, t.schema)
                };
                return Ok(DocCase::new(
                    t.pointer.clone(),
                    t.keyword,
                    detail,
                    instance.to_string(),
                ));
            }
            last = describe_faults(&faults, &want, &t.describe);
        }
        Err(last)
    }
}

/// Why an instance was not the case: the faults beyond (or short of) the one wanted.
fn describe_faults(faults: &[Fault], want: &[Fault], describe: &str) -> String {
    let extra: Vec<String> = faults
        .iter()
        .filter(|f| !want.contains(f))
        .map(|f| format!("`{}` at `{}`", f.keyword, pointer_or_root(&f.pointer)))
        .collect();
    if extra.is_empty() {
        format!("no instance tried was {describe}")
    } else if want.is_empty() {
        format!(
            "every instance tried at that boundary also failed {}",
            extra.join(", ")
        )
    } else {
        format!(
            "every instance tried that breaks it also broke {}",
            extra.join(", ")
        )
    }
}

/// A pointer as shown in messages: `/` for the root.
fn pointer_or_root(p: &str) -> &str {
    if p.is_empty() { "/" } else { p }
}

/// A value's JSON text, cut to 60 characters.
fn short(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(57).collect();
        s.push_str("...");
        s
    }
}

/// The changes a target tries, in order, for the value `v`.
fn set(values: impl IntoIterator<Item = Value>) -> Vec<Change> {
    values.into_iter().map(Change::Set).collect()
}
