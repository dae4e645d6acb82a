//! The schema of a root type as self-contained JSON text: every named type fully defined at its
//! first use in depth-first field order (types from other files inlined the same way), later
//! uses by full name (a type of the null namespace used inside another namespace by `.Name`,
//! and defined there with `"namespace": ""`); `doc`, `aliases`, defaults, `order` and valid
//! logical types kept, other attributes (such as `arg.properties`) left out.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::model::{Logical, NamedKind, Node, Ty};
use super::parse::Parser;

/// The JSON text of `root`'s schema.
pub(crate) fn schema_text(p: &Parser, root: &Node) -> String {
    let mut e = Emitter {
        p,
        defined: HashSet::new(),
        out: String::new(),
    };
    e.node(root, None);
    e.out
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

struct Emitter<'a> {
    p: &'a Parser,
    defined: HashSet<usize>,
    out: String,
}

impl Emitter<'_> {
    fn node(&mut self, n: &Node, ns: Option<&str>) {
        match &n.ty {
            Ty::Prim(prim) => match n.logical {
                Some(l) => {
                    let _ = write!(self.out, r#"{{"type":"{}""#, prim.name());
                    self.logical(l);
                    self.out.push('}');
                }
                None => {
                    let _ = write!(self.out, r#""{}""#, prim.name());
                }
            },
            Ty::Array(items) => {
                self.out.push_str(r#"{"type":"array","items":"#);
                self.node(items, ns);
                self.out.push('}');
            }
            Ty::Map(values) => {
                self.out.push_str(r#"{"type":"map","values":"#);
                self.node(values, ns);
                self.out.push('}');
            }
            Ty::Union(branches) => {
                self.out.push('[');
                for (i, b) in branches.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.node(b, ns);
                }
                self.out.push(']');
            }
            Ty::Named(i) => {
                if self.defined.contains(i) {
                    let named = &self.p.named[*i];
                    if named.namespace.is_none() && ns.is_some() {
                        // Inside a namespace, `Point` alone would mean `ns.Point`: a leading
                        // dot names the null namespace (specification 1.12).
                        self.out.push_str(&quote(&format!(".{}", named.name)));
                    } else {
                        self.out.push_str(&quote(&named.full));
                    }
                } else {
                    self.define(*i, ns);
                }
            }
        }
    }

    fn logical(&mut self, l: Logical) {
        let _ = write!(self.out, r#","logicalType":"{}""#, l.name());
        if let Logical::Decimal { precision, scale } = l {
            let _ = write!(self.out, r#","precision":{precision},"scale":{scale}"#);
        }
    }

    fn attrs(&mut self, doc: Option<&str>, aliases: &[String]) {
        if let Some(doc) = doc {
            let _ = write!(self.out, r#","doc":{}"#, quote(doc));
        }
        if !aliases.is_empty() {
            let list: Vec<String> = aliases.iter().map(|a| quote(a)).collect();
            let _ = write!(self.out, r#","aliases":[{}]"#, list.join(","));
        }
    }

    fn define(&mut self, i: usize, ns: Option<&str>) {
        self.defined.insert(i);
        let named = &self.p.named[i];
        let kind = match named.kind {
            NamedKind::Record(_) => "record",
            NamedKind::Enum { .. } => "enum",
            NamedKind::Fixed { .. } => "fixed",
        };
        let _ = write!(
            self.out,
            r#"{{"type":"{kind}","name":{}"#,
            quote(&named.name)
        );
        match (&named.namespace, ns) {
            (Some(own), _) => {
                let _ = write!(self.out, r#","namespace":{}"#, quote(own));
            }
            (None, Some(_)) => self.out.push_str(r#","namespace":"""#),
            (None, None) => {}
        }
        self.attrs(named.doc.as_deref(), &named.aliases);
        match &named.kind {
            NamedKind::Record(fields) => {
                self.out.push_str(r#","fields":["#);
                for (k, f) in fields.iter().enumerate() {
                    if k > 0 {
                        self.out.push(',');
                    }
                    let _ = write!(self.out, r#"{{"name":{},"type":"#, quote(&f.name));
                    self.node(&f.ty, named.namespace.as_deref());
                    self.attrs(f.doc.as_deref(), &f.aliases);
                    if let Some(d) = &f.default {
                        let _ = write!(self.out, r#","default":{d}"#);
                    }
                    if let Some(o) = &f.order {
                        let _ = write!(self.out, r#","order":{}"#, quote(o));
                    }
                    self.out.push('}');
                }
                self.out.push(']');
            }
            NamedKind::Enum { symbols, default } => {
                let list: Vec<String> = symbols.iter().map(|s| quote(s)).collect();
                let _ = write!(self.out, r#","symbols":[{}]"#, list.join(","));
                if let Some(d) = default {
                    let _ = write!(self.out, r#","default":{}"#, quote(d));
                }
            }
            NamedKind::Fixed { size } => {
                let _ = write!(self.out, r#","size":{size}"#);
                if let Some(l) = named.logical {
                    self.logical(l);
                }
            }
        }
        self.out.push('}');
    }
}
