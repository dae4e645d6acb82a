//! Parsing `.avsc` JSON into the model: primitives, named types with namespaces and aliases,
//! arrays, maps, unions and logical types, with names resolved in this file first, then in
//! the other `.avsc` files of the search folders. Every error names the file and JSON path.

use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use serde_json::{Map, Value};

use super::Error;
use super::files::{self, Def};
use super::logical::{self, Base};
use super::model::{FieldDef, Loc, Named, NamedKind, Node, Prim, Ty};
use super::names;

/// One parsed `.avsc` document.
pub(crate) struct Doc {
    /// Its file.
    pub path: PathBuf,
    /// Its JSON.
    pub json: Rc<Value>,
}

/// Parses documents into nodes and named types.
pub(crate) struct Parser {
    /// The documents: the input first, then files searched for names.
    pub docs: Vec<Doc>,
    /// The named types parsed so far.
    pub named: Vec<Named>,
    /// The defaults written on fields, with their types, to check once every type is parsed.
    pub defaults: Vec<(Node, Value, Loc)>,
    by_name: HashMap<String, usize>,
    by_alias: HashMap<String, usize>,
    by_loc: HashMap<Loc, usize>,
    index: HashMap<String, Def>,
    dirs: Vec<PathBuf>,
    searched: bool,
    /// Searched files that could not be read, for the help of an unresolved name.
    unreadable: Vec<String>,
}

/// The attribute `key` of `o` as a string, if present.
fn opt_str<'v>(
    p: &Parser,
    o: &'v Map<String, Value>,
    key: &str,
    loc: &Loc,
) -> Result<Option<&'v str>, Error> {
    match o.get(key) {
        None | Some(Value::Null) if key == "namespace" => Ok(None),
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(p.err(&loc.join(key), format!("`{key}` must be a string"))),
    }
}

/// The attribute `aliases` of `o`: names, each checked.
fn aliases(p: &Parser, o: &Map<String, Value>, loc: &Loc) -> Result<Vec<String>, Error> {
    let Some(v) = o.get("aliases") else {
        return Ok(Vec::new());
    };
    let at = loc.join("aliases");
    let Value::Array(items) = v else {
        return Err(p.err(&at, "`aliases` must be an array of names"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, a)| match a.as_str() {
            Some(s) if names::is_dotted(s) => Ok(s.to_owned()),
            _ => Err(p
                .err(&at.join(i), format!("alias {a} is not a valid Avro name"))
                .help("a name is letters, digits and `_`, not starting with a digit, with dots between namespace parts")),
        })
        .collect()
}

impl Parser {
    /// A parser of the document `json` read from `path`, searching `dirs` for names it does not
    /// define.
    pub(crate) fn new(path: PathBuf, json: Value, dirs: Vec<PathBuf>) -> Parser {
        let mut p = Parser {
            docs: vec![Doc {
                path,
                json: Rc::new(json),
            }],
            named: Vec::new(),
            defaults: Vec::new(),
            by_name: HashMap::new(),
            by_alias: HashMap::new(),
            by_loc: HashMap::new(),
            index: HashMap::new(),
            dirs,
            searched: false,
            unreadable: Vec::new(),
        };
        p.index_doc(0);
        p
    }

    /// Adds the definitions of document `file` to the index (the first definition of a name wins).
    fn index_doc(&mut self, file: usize) {
        let mut defs = Vec::new();
        let root = Loc {
            file,
            ptr: String::new(),
        };
        files::definitions(&self.docs[file].json, &root, None, &mut defs);
        for (full, def) in defs {
            self.index.entry(full).or_insert(def);
        }
    }

    /// An error at `loc`.
    pub(crate) fn err(&self, loc: &Loc, message: impl Into<String>) -> Error {
        Error::at(&self.docs[loc.file].path, &loc.ptr, message)
    }

    /// The JSON of document `file`.
    pub(crate) fn json(&self, file: usize) -> Rc<Value> {
        Rc::clone(&self.docs[file].json)
    }

    /// The named type called `name` (full or simple), if parsed.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied().or_else(|| {
            let simple: Vec<usize> = (0..self.named.len())
                .filter(|&i| self.named[i].name == name)
                .collect();
            (simple.len() == 1).then(|| simple[0])
        })
    }

    /// Parses the schema `v` written at `loc` inside namespace `ns`.
    pub(crate) fn parse(&mut self, v: &Value, loc: &Loc, ns: Option<&str>) -> Result<Node, Error> {
        let node = |ty: Ty| Node {
            ty,
            logical: None,
            args: None,
            loc: loc.clone(),
        };
        match v {
            Value::String(name) => match Prim::from_name(name) {
                Some(p) => Ok(node(Ty::Prim(p))),
                None => Ok(node(Ty::Named(self.resolve(name, loc, ns)?))),
            },
            Value::Array(branches) => self.union(branches, loc, ns),
            Value::Object(o) => self.object(o, loc, ns),
            other => Err(self
                .err(loc, format!("{other} is not a schema"))
                .help("a schema is a type name such as `\"string\"`, a JSON object with `type`, or an array (a union)")),
        }
    }

    /// A union: branches that are not unions and not the same type twice.
    fn union(&mut self, branches: &[Value], loc: &Loc, ns: Option<&str>) -> Result<Node, Error> {
        if branches.is_empty() {
            return Err(self
                .err(loc, "a union with no branches has no values")
                .help("list at least one type in the union"));
        }
        let mut out: Vec<Node> = Vec::with_capacity(branches.len());
        let mut seen: Vec<String> = Vec::new();
        for (i, b) in branches.iter().enumerate() {
            let at = loc.join(i);
            if b.is_array() {
                return Err(self
                    .err(&at, "a union cannot directly contain another union")
                    .help("list the inner union's types in the outer union"));
            }
            let branch = self.parse(b, &at, ns)?;
            let key = self.branch_name(&branch);
            if seen.contains(&key) {
                return Err(self
                    .err(&at, format!("the union lists `{key}` twice"))
                    .help("a union may hold each type (each named type) only once"));
            }
            seen.push(key);
            out.push(branch);
        }
        Ok(Node {
            ty: Ty::Union(out),
            logical: None,
            args: None,
            loc: loc.clone(),
        })
    }

    /// The name of a union branch in Avro's JSON encoding: the type name, or a named type's full
    /// name.
    pub(crate) fn branch_name(&self, n: &Node) -> String {
        match &n.ty {
            Ty::Prim(p) => p.name().to_owned(),
            Ty::Named(i) => self.named[*i].full.clone(),
            Ty::Array(_) => "array".to_owned(),
            Ty::Map(_) => "map".to_owned(),
            Ty::Union(_) => "union".to_owned(),
        }
    }

    /// A schema written as a JSON object.
    fn object(
        &mut self,
        o: &Map<String, Value>,
        loc: &Loc,
        ns: Option<&str>,
    ) -> Result<Node, Error> {
        let Some(ty) = o.get("type") else {
            return Err(self
                .err(loc, "the schema has no `type`")
                .help("add `\"type\"`: a primitive, `record`, `enum`, `array`, `map`, `fixed` or a named type"));
        };
        let Some(kind) = ty.as_str() else {
            return Err(self
                .err(&loc.join("type"), "`type` of a schema object must be a string")
                .help("write the nested schema as the field's `type` itself, not inside another `type`"));
        };
        let args = o.get("arg.properties").cloned();
        let mut node = Node {
            ty: Ty::Prim(Prim::Null),
            logical: None,
            args,
            loc: loc.clone(),
        };
        match kind {
            "record" | "error" | "enum" | "fixed" => {
                node.ty = Ty::Named(self.define(o, kind, loc, ns)?);
                node.args = None;
            }
            "array" | "map" => {
                let key = if kind == "array" { "items" } else { "values" };
                let Some(inner) = o.get(key) else {
                    return Err(self
                        .err(
                            loc,
                            format!(
                                "{} schema needs `{key}`",
                                if kind == "array" { "an array" } else { "a map" }
                            ),
                        )
                        .help(format!("add `\"{key}\"` with the type of its elements")));
                };
                let inner = Box::new(self.parse(inner, &loc.join(key), ns)?);
                node.ty = if kind == "array" {
                    Ty::Array(inner)
                } else {
                    Ty::Map(inner)
                };
            }
            _ => match Prim::from_name(kind) {
                Some(p) => {
                    node.ty = Ty::Prim(p);
                    node.logical = logical::read(o, Base::Prim(p))
                        .map_err(|(attr, why, fix)| self.err(&loc.join(attr), why).help(fix))?;
                }
                None => node.ty = Ty::Named(self.resolve(kind, &loc.join("type"), ns)?),
            },
        }
        Ok(node)
    }

    /// Parses the definition of a record, enum or fixed; returns its index.
    #[allow(clippy::too_many_lines)]
    fn define(
        &mut self,
        o: &Map<String, Value>,
        kind: &str,
        loc: &Loc,
        ns: Option<&str>,
    ) -> Result<usize, Error> {
        if let Some(&i) = self.by_loc.get(loc) {
            return Ok(i);
        }
        let name = match o.get("name") {
            Some(Value::String(n)) => n.as_str(),
            Some(_) => return Err(self.err(&loc.join("name"), "`name` must be a string")),
            None => {
                return Err(self
                    .err(loc, format!("a {kind} needs a `name`"))
                    .help("add `\"name\"`"));
            }
        };
        if !names::is_name(name) {
            return Err(self
                .err(&loc.join("name"), format!("`{name}` is not a valid Avro name"))
                .help("a name is letters, digits and `_`, not starting with a digit, with dots between namespace parts"));
        }
        let attr = opt_str(self, o, "namespace", loc)?;
        if let Some(a) = attr
            && !a.is_empty()
            && !names::is_dotted(a)
        {
            return Err(self.err(
                &loc.join("namespace"),
                format!("`{a}` is not a valid namespace"),
            ));
        }
        let (full, namespace, simple) = names::full_name(name, attr, ns);
        if Prim::from_name(&simple).is_some() {
            return Err(self
                .err(
                    &loc.join("name"),
                    format!("a {kind} cannot be called `{simple}`, a primitive type's name"),
                )
                .help("rename it"));
        }
        if let Some(&other) = self.by_name.get(&full) {
            let first = &self.named[other].loc;
            return Err(self
                .err(loc, format!("`{full}` is defined twice"))
                .help(format!(
                    "it is first defined at `{}` of {}; use the name to refer to it again",
                    if first.ptr.is_empty() {
                        "/"
                    } else {
                        &first.ptr
                    },
                    self.docs[first.file].path.display()
                )));
        }
        let doc = opt_str(self, o, "doc", loc)?.map(str::to_owned);
        let aliases = aliases(self, o, loc)?;
        let index = self.named.len();
        self.named.push(Named {
            full: full.clone(),
            namespace: namespace.clone(),
            name: simple,
            kind: NamedKind::Fixed { size: 0 },
            doc,
            aliases: aliases.clone(),
            logical: None,
            args: o.get("arg.properties").cloned(),
            loc: loc.clone(),
        });
        self.by_name.insert(full, index);
        self.by_loc.insert(loc.clone(), index);
        for a in &aliases {
            let (a, _, _) = names::full_name(a, None, namespace.as_deref());
            self.by_alias.entry(a).or_insert(index);
        }
        let kind = match kind {
            "record" | "error" => NamedKind::Record(self.fields(o, loc, namespace.as_deref())?),
            "enum" => self.enumeration(o, loc)?,
            _ => {
                let size = match o.get("size") {
                    Some(v) => v
                        .as_u64()
                        .and_then(|s| usize::try_from(s).ok())
                        .ok_or_else(|| {
                            self.err(&loc.join("size"), format!("size {v} is not a byte count"))
                                .help("give a whole number of bytes, 0 or more")
                        })?,
                    None => {
                        return Err(self
                            .err(loc, "a fixed needs a `size`")
                            .help("add `\"size\"`: its number of bytes"));
                    }
                };
                self.named[index].logical = logical::read(o, Base::Fixed(size))
                    .map_err(|(attr, why, fix)| self.err(&loc.join(attr), why).help(fix))?;
                NamedKind::Fixed { size }
            }
        };
        self.named[index].kind = kind;
        Ok(index)
    }

    /// The fields of a record.
    fn fields(
        &mut self,
        o: &Map<String, Value>,
        loc: &Loc,
        ns: Option<&str>,
    ) -> Result<Vec<FieldDef>, Error> {
        let Some(Value::Array(fields)) = o.get("fields") else {
            return Err(self
                .err(loc, "a record needs `fields`, an array")
                .help("add `\"fields\": [...]`, each `{\"name\": ..., \"type\": ...}`"));
        };
        let mut out: Vec<FieldDef> = Vec::with_capacity(fields.len());
        let at = loc.join("fields");
        for (i, f) in fields.iter().enumerate() {
            let floc = at.join(i);
            let Some(fo) = f.as_object() else {
                return Err(self.err(
                    &floc,
                    "a field must be a JSON object with `name` and `type`",
                ));
            };
            let name = match fo.get("name") {
                Some(Value::String(n)) if names::is_simple(n) => n.clone(),
                Some(n) => {
                    return Err(self
                        .err(
                            &floc.join("name"),
                            format!("field name {n} is not a valid Avro name"),
                        )
                        .help(
                            "a field name is letters, digits and `_`, not starting with a digit",
                        ));
                }
                None => return Err(self.err(&floc, "the field has no `name`")),
            };
            if out.iter().any(|x| x.name == name) {
                return Err(self
                    .err(
                        &floc.join("name"),
                        format!("the record has two fields called `{name}`"),
                    )
                    .help("rename one of them"));
            }
            let Some(t) = fo.get("type") else {
                return Err(self
                    .err(&floc, format!("field `{name}` has no `type`"))
                    .help("add `\"type\"`"));
            };
            let ty = self.parse(t, &floc.join("type"), ns)?;
            let order = opt_str(self, fo, "order", &floc)?.map(str::to_owned);
            if let Some(o) = &order
                && !matches!(o.as_str(), "ascending" | "descending" | "ignore")
            {
                return Err(self.err(
                    &floc.join("order"),
                    format!("order `{o}` is not one of `ascending`, `descending`, `ignore`"),
                ));
            }
            let default = fo.get("default").cloned();
            if let Some(d) = &default {
                self.defaults
                    .push((ty.clone(), d.clone(), floc.join("default")));
            }
            out.push(FieldDef {
                name,
                ty,
                default,
                doc: opt_str(self, fo, "doc", &floc)?.map(str::to_owned),
                order,
                aliases: aliases(self, fo, &floc)?,
            });
        }
        Ok(out)
    }

    /// The symbols and default of an enum.
    fn enumeration(&self, o: &Map<String, Value>, loc: &Loc) -> Result<NamedKind, Error> {
        let Some(Value::Array(items)) = o.get("symbols") else {
            return Err(self
                .err(loc, "an enum needs `symbols`, an array of names")
                .help("add `\"symbols\": [\"A\", \"B\"]`"));
        };
        let at = loc.join("symbols");
        let mut symbols: Vec<String> = Vec::with_capacity(items.len());
        for (i, s) in items.iter().enumerate() {
            match s.as_str() {
                Some(s) if names::is_simple(s) => {
                    if symbols.iter().any(|x| x == s) {
                        return Err(self.err(&at.join(i), format!("symbol `{s}` is listed twice")));
                    }
                    symbols.push(s.to_owned());
                }
                _ => {
                    return Err(self
                        .err(&at.join(i), format!("symbol {s} is not a valid Avro name"))
                        .help("a symbol is letters, digits and `_`, not starting with a digit"));
                }
            }
        }
        if symbols.is_empty() {
            return Err(self
                .err(&at, "an enum with no symbols has no values")
                .help("list at least one symbol"));
        }
        let default = match o.get("default") {
            None => None,
            Some(Value::String(d)) if symbols.contains(d) => Some(d.clone()),
            Some(d) => {
                return Err(self
                    .err(
                        &loc.join("default"),
                        format!("default {d} is not one of the enum's symbols"),
                    )
                    .help(format!("use one of {}", symbols.join(", "))));
            }
        };
        Ok(NamedKind::Enum { symbols, default })
    }

    /// The named type a reference `name` written at `loc` inside `ns` means: one parsed already,
    /// else one defined elsewhere in this file, else in a file of the search folders.
    fn resolve(&mut self, name: &str, loc: &Loc, ns: Option<&str>) -> Result<usize, Error> {
        if !names::is_name(name) {
            return Err(self
                .err(loc, format!("`{name}` is neither a type nor a valid name"))
                .help("use a primitive (`null`, `boolean`, `int`, `long`, `float`, `double`, `bytes`, `string`), `record`, `enum`, `array`, `map`, `fixed`, or the name of a named type"));
        }
        let candidates = names::candidates(name, ns);
        for round in 0..2 {
            for c in &candidates {
                if let Some(&i) = self.by_name.get(c) {
                    return Ok(i);
                }
            }
            for c in &candidates {
                if let Some(def) = self.index.get(c).cloned() {
                    let json = self.json(def.loc.file);
                    let v = json
                        .pointer(&def.loc.ptr)
                        .expect("an indexed definition is in its document");
                    let node = self.parse(v, &def.loc, def.enclosing.as_deref())?;
                    if let Ty::Named(i) = node.ty {
                        return Ok(i);
                    }
                }
            }
            for c in &candidates {
                if let Some(&i) = self.by_alias.get(c) {
                    return Ok(i);
                }
            }
            if round == 0 && !self.searched {
                self.search();
            }
        }
        let mut help = format!(
            "define `{name}` in this file, or in another `.avsc` file of the same folder{}",
            if self.dirs.len() > 1 {
                " or of an `--avro-path` folder"
            } else {
                ", or give the folder that defines it with `--avro-path`"
            }
        );
        if !self.unreadable.is_empty() {
            help.push_str(&format!(
                " (these files could not be read: {})",
                self.unreadable.join(", ")
            ));
        }
        const PRIMITIVES: [&str; 14] = [
            "null", "boolean", "int", "long", "float", "double", "bytes", "string", "record",
            "enum", "array", "map", "fixed", "error",
        ];
        let mut defined: Vec<&str> = self.index.keys().map(String::as_str).collect();
        defined.sort_unstable();
        let known = PRIMITIVES.into_iter().chain(defined);
        if let Some(near) = datagen_engine::diag::closest(name, known) {
            help = format!("did you mean `{near}`? otherwise {help}");
        }
        Err(self.err(loc, format!("unknown type `{name}`")).help(help))
    }

    /// Reads and indexes the `.avsc` files of the search folders.
    fn search(&mut self) {
        self.searched = true;
        let have: Vec<PathBuf> = self.docs.iter().map(|d| d.path.clone()).collect();
        for path in files::avsc_files(&self.dirs, &have) {
            let parsed = std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|t| super::text::parse(&t, &path).map_err(|e| e.message));
            match parsed {
                Ok(json) => {
                    self.docs.push(Doc {
                        path,
                        json: Rc::new(json),
                    });
                    self.index_doc(self.docs.len() - 1);
                }
                Err(_) => self.unreadable.push(path.display().to_string()),
            }
        }
    }
}
