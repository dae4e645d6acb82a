//! The JSON row plan against the general path, value by value.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, Strings, TableSchema, Values};

use super::super::json::{keys, push_keyed_row};
use super::super::maps::{PLAIN, Shape};
use super::RowPlan;

/// Six rows; `valid` marks the non-null ones.
fn col(values: Values, valid: Option<[bool; 6]>) -> Column {
    Column {
        values,
        validity: valid.map(|v| v.to_vec()),
    }
}

fn strings(values: &[&str]) -> Strings {
    let mut s = Strings::default();
    s.offsets.push(0);
    values.iter().for_each(|v| s.push(v));
    s
}

const SOME_NULL: Option<[bool; 6]> = Some([true, false, true, true, false, true]);
const FIRST_NULL: Option<[bool; 6]> = Some([false, true, true, true, true, false]);

/// Every column type, with nulls, escapes, non-finite floats, dates beyond four-digit
/// years, strings longer than a copy window and near the end of their buffer, an Avro map.
fn table_and_chunk() -> (TableSchema, Chunk, Vec<Shape>) {
    let long = "a string longer than the thirty-two byte copy window, é€";
    let kv = Column::new(Values::Struct(vec![
        Column::new(Values::Str(strings(&["k1", "k\"2", "k3", "k4"]))),
        Column {
            values: Values::Int(vec![1, 2, 3, 4]),
            validity: Some(vec![true, false, true, true]),
        },
    ]));
    let columns: Vec<(&str, DataType, Column, Shape)> = vec![
        (
            "id",
            DataType::Int,
            col(
                Values::Int(vec![0, -1, i64::MIN, i64::MAX, 42, 7]),
                FIRST_NULL,
            ),
            Shape::Plain,
        ),
        (
            "na\"me\n",
            DataType::String,
            col(
                Values::Str(strings(&["plain", "", long, "x", "ü", "end"])),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "esc",
            DataType::String,
            col(
                Values::Str(strings(&["q\"", "b\\", "nl\n", "\u{1}", "fine", long])),
                None,
            ),
            Shape::Plain,
        ),
        (
            "f",
            DataType::Float,
            col(
                Values::Float(vec![
                    f64::NAN,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    0.1,
                    -0.0,
                    1e300,
                ]),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "price",
            DataType::Decimal {
                precision: 10,
                scale: 2,
            },
            col(Values::Decimal(vec![-5, 12345, 0, 100, i128::MIN, 7]), None),
            Shape::Plain,
        ),
        (
            "flag",
            DataType::Bool,
            col(
                Values::Bool(vec![true, false, true, false, true, false]),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "doc",
            DataType::Json,
            col(
                Values::Str(strings(&[
                    "{\"a\":[1,\"x\"]}",
                    "null",
                    "2",
                    "\"s\"",
                    "[]",
                    "{}",
                ])),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "day",
            DataType::Date,
            col(
                Values::Date(vec![0, -1, -719_529, 2_932_897, 19_782, i32::MIN]),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "at",
            DataType::Time,
            col(
                Values::Time(vec![0, 45_296_000_001, -1, 1, 86_399_999_999, 5]),
                None,
            ),
            Shape::Plain,
        ),
        (
            "ts",
            DataType::Timestamp,
            col(
                Values::Timestamp(vec![-1, 0, 1_709_164_800_000_000, i64::MIN, i64::MAX, 3]),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "tstz",
            DataType::TimestampTz,
            col(
                Values::Timestamp(vec![
                    -1,
                    0,
                    1_709_210_096_123_456,
                    5,
                    6,
                    -400_000_000_000_000_000,
                ]),
                None,
            ),
            Shape::Plain,
        ),
        (
            "uid",
            DataType::Uuid,
            col(
                Values::Uuid(vec![
                    0,
                    u128::MAX,
                    0x0123_4567_89ab_cdef_0011_2233_4455_6677,
                    1,
                    2,
                    3,
                ]),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "blob",
            DataType::Bytes,
            col(
                Values::Bytes {
                    data: vec![0, 0xff, 0x1a, 7],
                    offsets: vec![0, 1, 1, 3, 3, 4, 4],
                },
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "tags",
            DataType::List(Box::new(DataType::String)),
            col(
                Values::List {
                    offsets: vec![0, 2, 2, 3, 3, 4, 4],
                    items: Box::new(Column::new(Values::Str(strings(&["a", "b\"", "c", "d"])))),
                },
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "point",
            DataType::point(),
            col(
                Values::Struct(vec![
                    Column::new(Values::Float(vec![1.5, 0.0, -2.0, 3.0, 4.0, f64::NAN])),
                    Column::new(Values::Float(vec![2.5, 0.0, 1.0, 3.0, 4.0, 5.0])),
                ]),
                SOME_NULL,
            ),
            Shape::Plain,
        ),
        (
            "attrs",
            DataType::List(Box::new(DataType::Struct(vec![
                ("key".into(), DataType::String),
                ("value".into(), DataType::Int),
            ]))),
            col(
                Values::List {
                    offsets: vec![0, 2, 2, 3, 4, 4, 4],
                    items: Box::new(kv),
                },
                SOME_NULL,
            ),
            Shape::Map(Box::new(Shape::Plain)),
        ),
        (
            "last",
            DataType::String,
            col(
                Values::Str(strings(&["a", "b", "c", "d", "e", "f"])),
                FIRST_NULL,
            ),
            Shape::Plain,
        ),
    ];
    let mut table = TableSchema {
        name: "t".into(),
        columns: Vec::new(),
        document: false,
        avro_schema: None,
    };
    let mut chunk = Chunk {
        start: 0,
        len: 6,
        columns: Vec::new(),
    };
    let mut shapes = Vec::new();
    for (name, ty, column, shape) in columns {
        table.columns.push(ColumnSchema {
            name: name.into(),
            ty,
            nullable: true,
        });
        chunk.columns.push(column);
        shapes.push(shape);
    }
    (table, chunk, shapes)
}

/// The plan's rows and the general path's ([`push_keyed_row`], value by value).
fn both(table: &TableSchema, chunk: &Chunk, shapes: &[Shape]) -> (String, String) {
    let names = table.columns.iter().map(|c| (c.name.as_str(), &c.ty));
    let plan = RowPlan::new(names, Some(shapes), chunk, b"\n");
    let (mut fast, mut general) = (b"before".to_vec(), b"before".to_vec());
    let (mut ends, mut general_ends) = (Vec::new(), Vec::new());
    plan.push_rows(chunk.len, &mut fast, &mut ends);
    let keys = keys(table);
    for row in 0..chunk.len {
        push_keyed_row(&mut general, &keys, Some(shapes), table, chunk, row);
        general.push(b'\n');
        general_ends.push(general.len());
    }
    assert_eq!(ends, general_ends);
    (
        String::from_utf8(fast).expect("utf-8"),
        String::from_utf8(general).expect("utf-8"),
    )
}

#[test]
fn the_plan_writes_what_the_general_path_writes() {
    let (table, chunk, shapes) = table_and_chunk();
    let (fast, general) = both(&table, &chunk, &shapes);
    assert_eq!(fast, general);
    // The cases the plan has its own code for really are in the output.
    for part in [
        r#"{"id":null,"na\"me\n":"plain","esc":"q\"","f":null,"price":-0.05,"#,
        r#""doc":{"a":[1,"x"]},"day":"1970-01-01","at":"00:00:00","ts":"1969-12-31T23:59:59.999999","#,
        r#""day":"-0001-12-31""#,
        r#""day":"+10000-01-01""#,
        r#""uid":"01234567-89ab-cdef-0011-223344556677""#,
        r#""attrs":{"k1":1,"k\"2":null},"last":null}"#,
        r#""attrs":{"k3":3},"last":"c"}"#,
        r#""esc":"a string longer than the thirty-two byte copy window, é€""#,
        r#","last":null}"#,
    ] {
        assert!(fast.contains(part), "{part} in {fast}");
    }
}

#[test]
fn the_plan_matches_in_any_column_order_and_shape() {
    let (table, chunk, shapes) = table_and_chunk();
    let n = table.columns.len();
    // Every rotation puts each column first and last, after and before each kind.
    for shift in 0..n {
        let mut t = table.clone();
        let mut c = chunk.clone();
        let mut s: Vec<Shape> = shapes.iter().map(clone_shape).collect();
        t.columns.rotate_left(shift);
        c.columns.rotate_left(shift);
        s.rotate_left(shift);
        let (fast, general) = both(&t, &c, &s);
        assert_eq!(fast, general, "rotated by {shift}");
        // And each column alone.
        let one = TableSchema {
            columns: t.columns[..1].to_vec(),
            ..t.clone()
        };
        let chunk_one = Chunk {
            columns: c.columns[..1].to_vec(),
            ..c.clone()
        };
        let (fast, general) = both(&one, &chunk_one, &s[..1]);
        assert_eq!(fast, general, "column {}", t.columns[0].name);
    }
    let empty = TableSchema {
        columns: Vec::new(),
        ..table
    };
    let no_columns = Chunk {
        columns: Vec::new(),
        ..chunk
    };
    assert_eq!(
        both(&empty, &no_columns, &[]).0,
        format!("before{}", "{}\n".repeat(6))
    );
    assert_eq!(clone_shape(&PLAIN), Shape::Plain);
}

fn clone_shape(shape: &Shape) -> Shape {
    match shape {
        Shape::Plain => Shape::Plain,
        Shape::Map(v) => Shape::Map(Box::new(clone_shape(v))),
        Shape::List(v) => Shape::List(Box::new(clone_shape(v))),
        Shape::Struct(m) => Shape::Struct(m.iter().map(clone_shape).collect()),
    }
}
