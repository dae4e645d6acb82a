//! A YAML (or JSON) document as a tree of nodes with positions, keys in the order written.
//!
//! Built from `saphyr-parser` events without recursion. Plain scalars are resolved with the YAML
//! 1.2 core schema (`null`, `true`, `12`, `1.5`; `2015-01-01` and `N` stay strings); quoted ones
//! are strings. Duplicate keys are reported and the later entry dropped; aliases are expanded
//! under a size budget; nesting is bounded, so no input can exhaust the stack.

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

use crate::diag::Diagnostic;
use crate::ir::Span;

/// The deepest nesting of lists and mappings read.
const MAX_DEPTH: usize = 128;
/// The most nodes a document may expand to (aliases count each time they are used).
const MAX_NODES: usize = 2_000_000;

/// One node of the tree.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// What the node holds.
    pub kind: Kind,
    /// Where it starts.
    pub span: Span,
    /// A scalar's text as written (without quotes); empty for lists and mappings.
    pub text: String,
    /// Nodes in this subtree, itself included.
    size: usize,
}

/// What a node holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    /// `null`, `~` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits an `i128`.
    Int(i128),
    /// A float (written with a point, an exponent, or `.inf`/`.nan`).
    Float(f64),
    /// An integer too large to hold.
    BigInt,
    /// A string (any quoted scalar, and plain ones that are nothing else).
    Str,
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, entries in the order written.
    Map(Vec<(Node, Node)>),
}

impl Node {
    fn scalar(kind: Kind, text: String, span: Span) -> Self {
        Self {
            kind,
            span,
            text,
            size: 1,
        }
    }

    /// The entries of a mapping.
    pub(crate) fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            Kind::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The items of a list.
    pub(crate) fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The text of a string scalar.
    pub(crate) fn as_str(&self) -> Option<&str> {
        matches!(self.kind, Kind::Str).then_some(self.text.as_str())
    }

    /// Whether this is a scalar (not a list or a mapping).
    pub(crate) fn is_scalar(&self) -> bool {
        !matches!(self.kind, Kind::Seq(_) | Kind::Map(_))
    }

    /// The value of `key` in a mapping.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.is_scalar() && k.text == key)
            .map(|(_, v)| v)
    }

    /// What this node is, for messages: "a list", "the string `abc`", "the integer 12".
    pub(crate) fn describe(&self) -> String {
        let short = |t: &str| {
            let mut s: String = t.chars().take(40).collect();
            if t.chars().count() > 40 {
                s.push('…');
            }
            s
        };
        match &self.kind {
            Kind::Null => "nothing (null)".to_string(),
            Kind::Bool(b) => format!("`{b}`"),
            Kind::Int(_) | Kind::BigInt => format!("the integer {}", short(&self.text)),
            Kind::Float(_) => format!("the number {}", short(&self.text)),
            Kind::Str => format!("the string `{}`", short(&self.text)),
            Kind::Seq(_) => "a list".to_string(),
            Kind::Map(_) => "a mapping".to_string(),
        }
    }
}

/// A YAML position as a 1-based span.
fn span_of(s: &YSpan) -> Span {
    let line = u32::try_from(s.start.line()).unwrap_or(u32::MAX);
    let column = u32::try_from(s.start.col().saturating_add(1)).unwrap_or(u32::MAX);
    Span::at(line, column)
}

/// Resolves a plain scalar with the YAML 1.2 core schema.
pub(crate) fn resolve_plain(text: &str) -> Kind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Kind::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Kind::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Kind::Float(f64::NAN),
        _ => {}
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return radix(oct, 8);
    }
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<i128>().map_or(Kind::BigInt, Kind::Int);
    }
    if is_float_syntax(body)
        && let Ok(v) = text.parse::<f64>()
    {
        return Kind::Float(v);
    }
    Kind::Str
}

fn radix(digits: &str, base: u32) -> Kind {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return Kind::Str;
    }
    i128::from_str_radix(digits, base).map_or(Kind::BigInt, Kind::Int)
}

/// `( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, sign already removed.
fn is_float_syntax(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (int.is_empty() && digits(frac)) || (digits(int) && (frac.is_empty() || digits(frac)))
        }
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

/// A list or mapping being built.
enum Frame {
    Seq {
        items: Vec<Node>,
        span: Span,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        span: Span,
        anchor: usize,
    },
}

/// The tree being built from events.
struct Builder {
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: Vec<(usize, Node)>,
    nodes: usize,
    diags: Vec<Diagnostic>,
}

impl Builder {
    /// Adds a finished node to its parent (or makes it the root).
    fn add(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.push((anchor, node.clone()));
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let first = entries
                        .iter()
                        .find(|(e, _)| e.is_scalar() && k.is_scalar() && e.text == k.text);
                    if let Some((first, _)) = first {
                        self.diags.push(
                            Diagnostic::new(k.span, format!("duplicate key `{}`", k.text))
                                .with_help(format!(
                                    "`{}` is already set at line {}; keep one of them",
                                    k.text, first.span.line
                                )),
                        );
                    } else {
                        entries.push((k, node));
                    }
                }
            },
        }
    }

    fn open(&mut self, frame: Frame, span: Span) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Diagnostic::new(
                span,
                format!("the document nests lists and mappings more than {MAX_DEPTH} deep"),
            )
            .with_help("a config needs only a few levels"));
        }
        self.count(1, span)?;
        self.stack.push(frame);
        Ok(())
    }

    fn count(&mut self, n: usize, span: Span) -> Result<(), Diagnostic> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(Diagnostic::new(
                span,
                format!("the document expands to more than {MAX_NODES} values"),
            )
            .with_help("aliases (`*name`) copy what they point at each time they are used"));
        }
        Ok(())
    }

    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (node, anchor) = match frame {
            Frame::Seq {
                items,
                span,
                anchor,
            } => {
                let size = 1 + items.iter().map(|n| n.size).sum::<usize>();
                let node = Node {
                    kind: Kind::Seq(items),
                    span,
                    text: String::new(),
                    size,
                };
                (node, anchor)
            }
            Frame::Map {
                entries,
                span,
                anchor,
                ..
            } => {
                let size = 1 + entries.iter().map(|(k, v)| k.size + v.size).sum::<usize>();
                let node = Node {
                    kind: Kind::Map(entries),
                    span,
                    text: String::new(),
                    size,
                };
                (node, anchor)
            }
        };
        self.add(node, anchor);
    }
}

/// A parsed document: its root (`None` when the document is empty) and the problems found on
/// the way (duplicate keys); or the first syntax error, which ends reading.
pub(crate) struct Doc {
    /// The root node.
    pub root: Option<Node>,
    /// Duplicate keys and extra documents, each reported once.
    pub diags: Vec<Diagnostic>,
}

/// Reads the first document of `text`.
///
/// # Errors
/// The first syntax error, at its position.
pub(crate) fn load(text: &str) -> Result<Doc, Diagnostic> {
    let mut b = Builder {
        stack: Vec::new(),
        root: None,
        anchors: Vec::new(),
        nodes: 0,
        diags: Vec::new(),
    };
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, yspan) = event.map_err(|e| {
            let line = u32::try_from(e.marker().line()).unwrap_or(u32::MAX);
            let column = u32::try_from(e.marker().col().saturating_add(1)).unwrap_or(u32::MAX);
            Diagnostic::new(
                Span::at(line, column),
                format!("malformed YAML: {}", e.info()),
            )
            .with_help("check the indentation and the brackets and quotes before this point")
        })?;
        let span = span_of(&yspan);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    b.diags.push(
                        Diagnostic::new(
                            span,
                            "a config is one YAML document; this starts a second",
                        )
                        .with_help("remove the `---` and what follows, or merge the documents"),
                    );
                    break;
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                b.count(1, span)?;
                let text = value.into_owned();
                let core_str = tag
                    .as_ref()
                    .is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
                let kind = if style == ScalarStyle::Plain && !core_str {
                    resolve_plain(&text)
                } else {
                    Kind::Str
                };
                b.add(Node::scalar(kind, text, span), anchor);
            }
            Event::SequenceStart(anchor, _) => {
                let frame = Frame::Seq {
                    items: Vec::new(),
                    span,
                    anchor,
                };
                b.open(frame, span)?;
            }
            Event::MappingStart(anchor, _) => {
                let frame = Frame::Map {
                    entries: Vec::new(),
                    key: None,
                    span,
                    anchor,
                };
                b.open(frame, span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => b.close(),
            Event::Alias(id) => {
                let found = b.anchors.iter().rev().find(|(a, _)| *a == id);
                let Some((_, node)) = found else {
                    return Err(Diagnostic::new(span, "alias to an unknown anchor"));
                };
                let mut node = node.clone();
                b.count(node.size, span)?;
                node.span = span;
                b.add(node, 0);
            }
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
        }
    }
    Ok(Doc {
        root: b.root,
        diags: b.diags,
    })
}
