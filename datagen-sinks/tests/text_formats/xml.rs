//! XML read back with quick-xml.

use datagen_sinks::FormatOptions;
use datagen_sinks::text::text_format;
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::fixture::{BASE, NAMES, chunks, encode, plain, schema};

/// An element: its name, whether it has `xsi:nil="true"`, its text and children.
#[derive(Debug, Default, PartialEq)]
struct Node {
    name: String,
    nil: bool,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn leaf(name: &str, text: Option<&str>) -> Self {
        Node {
            name: name.to_string(),
            nil: text.is_none(),
            text: text.unwrap_or_default().to_string(),
            children: Vec::new(),
        }
    }
}

/// Parses a document into its root element (and the root's `entity` attribute).
fn parse(text: &str) -> (Node, String) {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut entity = String::new();
    let open = |e: &quick_xml::events::BytesStart<'_>, entity: &mut String| {
        let mut node = Node {
            name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            ..Node::default()
        };
        for attr in e.attributes() {
            let attr = attr.unwrap();
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap();
            match attr.key.as_ref() {
                b"xsi:nil" => node.nil = value == "true",
                b"entity" => *entity = value.into_owned(),
                _ => {}
            }
        }
        node
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => stack.push(open(&e, &mut entity)),
            Event::Empty(e) => {
                let node = open(&e, &mut entity);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => {
                let text = t.xml10_content().unwrap();
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                let reference = format!("&{name};");
                let text = quick_xml::escape::unescape(&reference).unwrap();
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().unwrap();
    assert!(stack.is_empty());
    assert_eq!(document.children.len(), 1);
    (document.children.remove(0), entity)
}

/// Row `i` as the element it must read back as.
fn expected_row(i: usize, row_name: &str, field_names: &[&str]) -> Node {
    let p = plain(i);
    let b = &BASE[i % 6];
    let mut children: Vec<Node> = p[..11]
        .iter()
        .zip(field_names)
        .map(|(v, name)| {
            let v = v.as_deref().map(|t| match t {
                "inf" => "INF".to_string(),
                "-inf" => "-INF".to_string(),
                t => t.replace(['\u{1}', '\u{1f}'], "\u{FFFD}"),
            });
            Node::leaf(name, v.as_deref())
        })
        .collect();
    let mut tags = Node::leaf(field_names[11], b.tags.map(|_| ""));
    for item in b.tags.unwrap_or_default() {
        tags.children.push(Node::leaf("item", *item));
    }
    children.push(tags);
    let mut point = Node::leaf(field_names[12], b.point.map(|_| ""));
    if let Some((x, label)) = b.point {
        point
            .children
            .push(Node::leaf("x", x.map(|x| x.to_string()).as_deref()));
        point.children.push(Node::leaf("label", label));
    }
    children.push(point);
    Node {
        name: row_name.to_string(),
        nil: false,
        text: String::new(),
        children,
    }
}

#[test]
fn xml_reads_back() {
    let table = schema("items");
    let format = text_format("xml", &FormatOptions::default()).unwrap();
    assert_eq!(format.extension(), "xml");
    let text = encode(&*format, &table, &chunks(14));
    assert!(text.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset entity=\"items\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<items><id>0</id>"
    ));
    assert!(text.ends_with("</items>\n</dataset>\n"));
    assert!(text.contains("<price xsi:nil=\"true\"/>"));
    assert!(text.contains("<name></name>"));
    assert!(text.contains("new line&#13;\nend</name>"));
    let (root, entity) = parse(&text);
    assert_eq!(root.name, "dataset");
    assert_eq!(entity, "items");
    assert_eq!(root.children.len(), 14);
    for (i, row) in root.children.iter().enumerate() {
        assert_eq!(*row, expected_row(i, "items", &NAMES), "row {i}");
    }
}

#[test]
fn xml_names_are_sanitized() {
    let mut table = schema("2 bad & <name>");
    let renamed = [
        "1st", "f", "price", "a b", "flag", "day:x", "at", "ts", "tstz", "uid", "é", "tags",
        "point",
    ];
    for (column, name) in table.columns.iter_mut().zip(renamed) {
        column.name = name.to_string();
    }
    let format = text_format("xml", &FormatOptions::default()).unwrap();
    let text = encode(&*format, &table, &chunks(3));
    assert!(text.contains("<dataset entity=\"2 bad &amp; &lt;name&gt;\""));
    let (root, entity) = parse(&text);
    assert_eq!(entity, "2 bad & <name>");
    let names = [
        "_1st", "f", "price", "a_b", "flag", "day_x", "at", "ts", "tstz", "uid", "é", "tags",
        "point",
    ];
    for (i, row) in root.children.iter().enumerate() {
        assert_eq!(*row, expected_row(i, "row", &names), "row {i}");
    }
}

#[test]
fn xml_empty_file() {
    let table = schema("items");
    let format = text_format("xml", &FormatOptions::default()).unwrap();
    let (root, _) = parse(&encode(&*format, &table, &[]));
    assert!(root.children.is_empty());
}
