//! The documents of a schema: base URIs, `$id`s, anchors and `$ref` resolution (RFC 3986).

use std::collections::HashMap;

use serde_json::Value;
use url::Url;

/// A JSON Schema draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Draft {
    /// Draft 4.
    Draft4,
    /// Draft 6.
    Draft6,
    /// Draft 7.
    Draft7,
    /// Draft 2019-09.
    Draft201909,
    /// Draft 2020-12, the default.
    Draft202012,
}

impl Draft {
    /// The draft a `$schema` URI names, if it names one.
    pub fn from_uri(uri: &str) -> Option<Draft> {
        let uri = uri.trim_end_matches('#');
        if uri.contains("draft-04") {
            Some(Draft::Draft4)
        } else if uri.contains("draft-06") {
            Some(Draft::Draft6)
        } else if uri.contains("draft-07") {
            Some(Draft::Draft7)
        } else if uri.contains("2019-09") {
            Some(Draft::Draft201909)
        } else if uri.contains("2020-12") {
            Some(Draft::Draft202012)
        } else {
            None
        }
    }
}

/// Where a schema is: a document and a JSON pointer into it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Loc {
    pub(super) doc: usize,
    pub(super) ptr: String,
}

/// What the walk learnt about one schema location.
#[derive(Clone, Debug)]
pub(super) struct Scope {
    pub(super) base: Url,
    pub(super) draft: Draft,
}

/// Loads the document at a URL that is not in the index (a remote or local-file `$ref`).
pub(super) type Loader<'a> = dyn Fn(&Url) -> Option<Result<Value, String>> + 'a;

/// Every document read, and every resource and anchor in them by absolute URI.
pub(super) struct Index<'a> {
    docs: Vec<Value>,
    resources: HashMap<String, Loc>,
    dynamic: HashMap<String, Loc>,
    scopes: HashMap<Loc, Scope>,
    loader: &'a Loader<'a>,
    /// The key order of the main document's objects, when it was read from text.
    order: super::order::KeyOrder,
}

/// The keywords whose value is one subschema.
const SINGLE: &[&str] = &[
    "additionalItems",
    "additionalProperties",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "items",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
];
/// The keywords whose value is an array of subschemas.
const LIST: &[&str] = &["allOf", "anyOf", "oneOf", "items", "prefixItems"];
/// The keywords whose value maps names to subschemas.
const MAP: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
    "dependencies",
];

impl<'a> Index<'a> {
    /// An index of `root`, retrieved from `url`, in `draft` unless its `$schema` says otherwise.
    pub(super) fn new(root: Value, url: Url, draft: Draft, loader: &'a Loader<'a>) -> Self {
        let mut index = Index {
            docs: Vec::new(),
            resources: HashMap::new(),
            dynamic: HashMap::new(),
            scopes: HashMap::new(),
            loader,
            order: super::order::KeyOrder::new(),
        };
        index.add(root, url, draft);
        index
    }

    /// Adds a document and indexes it; returns its number.
    fn add(&mut self, doc: Value, url: Url, draft: Draft) -> usize {
        let n = self.docs.len();
        self.resources.insert(
            url.as_str().to_owned(),
            Loc {
                doc: n,
                ptr: String::new(),
            },
        );
        let mut found = Vec::new();
        walk(&doc, String::new(), &url, draft, &mut found);
        for (ptr, scope, ids, dynamic) in found {
            let loc = Loc { doc: n, ptr };
            for id in ids {
                self.resources.entry(id).or_insert_with(|| loc.clone());
            }
            for name in dynamic {
                self.dynamic.entry(name).or_insert_with(|| loc.clone());
            }
            self.scopes.insert(loc, scope);
        }
        self.docs.push(doc);
        n
    }

    /// Keeps the key order of the main document's objects (see [`super::order`]).
    pub(super) fn set_order(&mut self, order: super::order::KeyOrder) {
        self.order = order;
    }

    /// The keys of the object at `ptr` in document `doc` in the order written, if known.
    pub(super) fn key_order(&self, doc: usize, ptr: &str) -> Option<&[String]> {
        if doc == 0 {
            self.order.get(ptr).map(Vec::as_slice)
        } else {
            None
        }
    }

    /// The schema value at `loc`.
    pub(super) fn value(&self, loc: &Loc) -> Option<&Value> {
        self.docs.get(loc.doc)?.pointer(&loc.ptr)
    }

    /// The base URI and draft in force at `loc`.
    pub(super) fn scope(&self, loc: &Loc) -> Scope {
        let mut ptr = loc.ptr.as_str();
        loop {
            if let Some(scope) = self.scopes.get(&Loc {
                doc: loc.doc,
                ptr: ptr.to_owned(),
            }) {
                return scope.clone();
            }
            match ptr.rfind('/') {
                Some(cut) => ptr = &ptr[..cut],
                None => {
                    return self
                        .scopes
                        .get(&Loc {
                            doc: loc.doc,
                            ptr: String::new(),
                        })
                        .cloned()
                        .expect("every document's root is walked when the document is added");
                }
            }
        }
    }

    /// The JSON pointer of `loc` as a message shows it: the document's pointer, prefixed with
    /// its URL when it is not the main document.
    pub(super) fn describe(&self, loc: &Loc) -> String {
        let ptr = if loc.ptr.is_empty() { "/" } else { &loc.ptr };
        if loc.doc == 0 {
            ptr.to_owned()
        } else {
            let url = self
                .resources
                .iter()
                .find(|(_, l)| l.doc == loc.doc && l.ptr.is_empty())
                .map_or("", |(u, _)| u.as_str());
            format!("{url}#{ptr}")
        }
    }

    /// Resolves `reference` written at `from`.
    pub(super) fn resolve(&mut self, from: &Loc, reference: &str) -> Result<Loc, String> {
        let scope = self.scope(from);
        let mut target = scope
            .base
            .join(reference)
            .map_err(|e| format!("it is not a valid URI reference ({e})"))?;
        let fragment = target.fragment().map(percent_decode);
        target.set_fragment(None);
        let resource = match self.resources.get(target.as_str()) {
            Some(loc) => loc.clone(),
            None => {
                let loaded = (self.loader)(&target).ok_or_else(|| {
                    format!(
                        "`{target}` is not in this document and is not mapped to a file; \
                         give the document a local copy (map its URL prefix to a folder)"
                    )
                })?;
                let doc = loaded.map_err(|e| format!("reading `{target}` failed: {e}"))?;
                let draft = doc
                    .get("$schema")
                    .and_then(Value::as_str)
                    .and_then(Draft::from_uri)
                    .unwrap_or(scope.draft);
                let n = self.add(doc, target.clone(), draft);
                Loc {
                    doc: n,
                    ptr: String::new(),
                }
            }
        };
        let loc = match fragment.as_deref() {
            None | Some("") => resource,
            Some(f) if f.starts_with('/') => Loc {
                doc: resource.doc,
                ptr: format!("{}{f}", resource.ptr),
            },
            Some(anchor) => {
                let key = format!("{target}#{anchor}");
                self.resources
                    .get(&key)
                    .cloned()
                    .ok_or_else(|| format!("there is no anchor `{anchor}` in `{target}`"))?
            }
        };
        if self.value(&loc).is_none() {
            return Err("nothing is at that JSON pointer".to_owned());
        }
        Ok(loc)
    }

    /// The outermost resource in `outer` (base URIs, outermost first) with a `$dynamicAnchor`
    /// called `name`.
    pub(super) fn dynamic(&self, outer: &[Url], name: &str) -> Option<Loc> {
        outer
            .iter()
            .find_map(|base| self.dynamic.get(&format!("{base}#{name}")).cloned())
    }

    /// Whether any document declares a `$dynamicAnchor`.
    pub(super) fn has_dynamic(&self) -> bool {
        !self.dynamic.is_empty()
    }

    /// Whether the schema at `loc` declares `$dynamicAnchor` `name`.
    pub(super) fn has_dynamic_anchor(&self, loc: &Loc, name: &str) -> bool {
        self.value(loc)
            .and_then(|v| v.get("$dynamicAnchor"))
            .and_then(Value::as_str)
            == Some(name)
    }
}

/// A walked location: its pointer, scope, the URIs it is known by and its dynamic anchors.
type Found = (String, Scope, Vec<String>, Vec<String>);

/// Records the scope of every subschema of `value` and the URIs (`$id`, anchors) naming them.
fn walk(value: &Value, ptr: String, base: &Url, draft: Draft, found: &mut Vec<Found>) {
    let Value::Object(map) = value else {
        found.push((
            ptr,
            Scope {
                base: base.clone(),
                draft,
            },
            Vec::new(),
            Vec::new(),
        ));
        return;
    };
    let draft = map
        .get("$schema")
        .and_then(Value::as_str)
        .and_then(Draft::from_uri)
        .unwrap_or(draft);
    let mut base = base.clone();
    let mut ids = Vec::new();
    let mut dynamic = Vec::new();
    let id_key = if draft == Draft::Draft4 { "id" } else { "$id" };
    let ref_overrides = draft <= Draft::Draft7 && map.contains_key("$ref");
    if let Some(id) = map
        .get(id_key)
        .and_then(Value::as_str)
        .filter(|_| !ref_overrides)
    {
        if let Some(anchor) = id.strip_prefix('#') {
            ids.push(format!("{}#{anchor}", without_fragment(&base)));
        } else if let Ok(mut url) = base.join(id) {
            let fragment = url.fragment().map(str::to_owned);
            url.set_fragment(None);
            ids.push(url.as_str().to_owned());
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                ids.push(format!("{url}#{f}"));
            }
            base = url;
        }
    }
    if draft >= Draft::Draft201909 {
        if let Some(a) = map.get("$anchor").and_then(Value::as_str) {
            ids.push(format!("{}#{a}", without_fragment(&base)));
        }
        if let Some(a) = map.get("$dynamicAnchor").and_then(Value::as_str) {
            let key = format!("{}#{a}", without_fragment(&base));
            ids.push(key.clone());
            dynamic.push(key);
        }
    }
    found.push((
        ptr.clone(),
        Scope {
            base: base.clone(),
            draft,
        },
        ids,
        dynamic,
    ));
    for (key, child) in map {
        let at = format!("{ptr}/{}", escape(key));
        if SINGLE.contains(&key.as_str()) && (child.is_object() || child.is_boolean()) {
            walk(child, at, &base, draft, found);
        } else if LIST.contains(&key.as_str())
            && let Value::Array(items) = child
        {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{at}/{i}"), &base, draft, found);
            }
        } else if MAP.contains(&key.as_str())
            && let Value::Object(entries) = child
        {
            for (name, item) in entries {
                if item.is_object() || item.is_boolean() {
                    walk(item, format!("{at}/{}", escape(name)), &base, draft, found);
                }
            }
        }
    }
}

/// `url` without its fragment.
fn without_fragment(url: &Url) -> String {
    let mut url = url.clone();
    url.set_fragment(None);
    url.as_str().to_owned()
}

/// A JSON pointer token for `key` (`~` as `~0`, `/` as `~1`).
pub(super) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Decodes `%XX` escapes in a URI fragment.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if bytes[i] == b'%'
            && let Some(b) = hex
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
