//! Avro files of recursive records cut by the importer (a string column, always null or never
//! drawn, where the schema has the record) and of references to the null namespace written
//! with a leading dot, read back with `apache-avro`.

use apache_avro::Reader;
use apache_avro::types::Value;
use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, ColumnSchema, TableSchema};

use super::avro_source::{list, strukt};
use super::{encode, options, strings};
use crate::columnar::Avro;

/// A tree cut after one level: `next` and `children` hold `Node`, whose columns are the cut's
/// placeholder strings.
const TREE: &str = r#"{"type":"record","name":"Node","namespace":"t","fields":[{"name":"label","type":"string"},{"name":"next","type":["null","Node"],"default":null},{"name":"children","type":{"type":"array","items":"Node"}}]}"#;

fn tree_table() -> TableSchema {
    let col = |name: &str, ty: DataType, nullable: bool| ColumnSchema {
        name: name.into(),
        ty,
        nullable,
    };
    TableSchema {
        name: "Node".into(),
        columns: vec![
            col("label", DataType::String, false),
            col("next", DataType::String, true),
            col(
                "children",
                DataType::List(Box::new(DataType::String)),
                false,
            ),
        ],
        document: false,
        avro_schema: Some(TREE.into()),
    }
}

/// Two rows; `next` holds `next` and `children` one list of `child` items per row.
fn tree_chunk(next: [Option<&str>; 2], child: &[Option<&str>]) -> Chunk {
    let lens = if child.is_empty() {
        vec![0, 0]
    } else {
        vec![0, child.len()]
    };
    Chunk {
        start: 0,
        len: 2,
        columns: vec![
            strings(&[Some("a"), Some("b")]),
            strings(&next),
            list(&lens, None, strings(child)),
        ],
    }
}

#[test]
fn a_cut_record_is_written_as_null_or_absent() {
    let bytes = encode(
        &Avro::new(&options(None)),
        &tree_table(),
        &[tree_chunk([None, None], &[])],
    )
    .unwrap();
    let rows: Vec<Value> = Reader::new(&bytes[..])
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    for (row, label) in rows.iter().zip(["a", "b"]) {
        assert_eq!(
            *row,
            Value::Record(vec![
                ("label".into(), Value::String(label.into())),
                ("next".into(), Value::Union(0, Box::new(Value::Null))),
                ("children".into(), Value::Array(vec![])),
            ])
        );
    }
}

#[test]
fn a_value_where_a_record_was_cut_is_an_error() {
    for (chunk, path, what) in [
        (
            tree_chunk([None, Some("x")], &[]),
            "next",
            "a value where the importer cut a recursive type",
        ),
        (
            tree_chunk([None, None], &[None]),
            "children[]",
            "a null where the schema has none",
        ),
        (
            tree_chunk([None, None], &[Some("x")]),
            "children[]",
            "a value where the importer cut a recursive type",
        ),
    ] {
        let err = encode(&Avro::new(&options(None)), &tree_table(), &[chunk])
            .expect_err("a value for a cut record");
        let message = err.to_string();
        assert!(
            message.contains("table `Node`")
                && message.contains("row 1")
                && message.contains(&format!("Avro path `{path}`"))
                && message.contains(what),
            "{message}"
        );
    }
}

#[test]
fn a_reference_with_a_leading_dot_is_in_the_null_namespace() {
    // `Point` is in the null namespace, defined inside `a`; `a.Shape` refers to it as
    // `.Point`, which a strict reader (apache-avro) resolves, where `Point` alone would mean
    // `a.Point`.
    let text = r#"{"type":"record","name":"Outer","namespace":"a","fields":[{"name":"origin","type":{"type":"record","name":"Point","namespace":"","fields":[{"name":"x","type":"long"}]}},{"name":"shape","type":{"type":"record","name":"Shape","fields":[{"name":"corner","type":".Point"}]}}]}"#;
    let point = DataType::Struct(vec![("x".into(), DataType::Int)]);
    let table = TableSchema {
        name: "Outer".into(),
        columns: vec![
            ColumnSchema {
                name: "origin".into(),
                ty: point.clone(),
                nullable: false,
            },
            ColumnSchema {
                name: "shape".into(),
                ty: DataType::Struct(vec![("corner".into(), point)]),
                nullable: false,
            },
        ],
        document: false,
        avro_schema: Some(text.into()),
    };
    let x = |v: i64| strukt(vec![super::avro_source::ints(&[Some(v)])], None);
    let chunk = Chunk {
        start: 0,
        len: 1,
        columns: vec![x(1), strukt(vec![x(2)], None)],
    };
    let bytes = encode(&Avro::new(&options(None)), &table, &[chunk]).unwrap();
    let reader = Reader::new(&bytes[..]).unwrap();
    let canonical = reader.writer_schema().canonical_form();
    assert!(
        canonical.contains(r#"{"name":"corner","type":"Point"}"#),
        "{canonical}"
    );
    assert_eq!(
        crate::columnar::avro::parsing_canonical_form(text).unwrap(),
        canonical
    );
    let rows: Vec<Value> = reader.map(Result::unwrap).collect();
    let point = |v: i64| Value::Record(vec![("x".into(), Value::Long(v))]);
    assert_eq!(
        rows,
        [Value::Record(vec![
            ("origin".into(), point(1)),
            (
                "shape".into(),
                Value::Record(vec![("corner".into(), point(2))])
            ),
        ])]
    );
}
