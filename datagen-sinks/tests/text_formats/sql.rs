//! SQL: SQLite executes the statements and reads the rows back; PostgreSQL and MySQL text is
//! compared exactly.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, Strings, TableSchema, Values};
use datagen_sinks::text::text_format;
use datagen_sinks::{FormatOptions, SqlDialect};
use rusqlite::types::Value as Sql;

use crate::fixture::{BASE, NAMES, chunks, encode, plain, schema};

fn options(dialect: SqlDialect, batch: u64) -> FormatOptions {
    FormatOptions {
        sql_dialect: dialect,
        sql_batch: batch,
        ..FormatOptions::default()
    }
}

#[test]
fn sqlite_reads_back() {
    let table = schema("items");
    let format = text_format("sql", &options(SqlDialect::Sqlite, 4)).unwrap();
    assert_eq!(format.extension(), "sql");
    assert!(format.has_separators());
    let text = encode(&*format, &table, &chunks(14));
    assert_eq!(text.matches("INSERT INTO").count(), 4);
    assert!(text.ends_with(");\n"));
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(&text).unwrap();
    let mut statement = db.prepare("SELECT * FROM items ORDER BY id").unwrap();
    let columns: Vec<String> = statement.column_names().map(str::to_string).collect();
    assert_eq!(columns, NAMES);
    let rows: Vec<Vec<Sql>> = statement
        .query_map([], |row| (0..13).map(|k| row.get::<_, Sql>(k)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 14);
    for (i, row) in rows.iter().enumerate() {
        let b = &BASE[i % 6];
        let p = plain(i);
        let text = |k: usize| p[k].clone().map_or(Sql::Null, Sql::Text);
        let json = |k: usize| match &row[k] {
            Sql::Text(t) => Some(serde_json::from_str::<serde_json::Value>(t).unwrap()),
            Sql::Null => None,
            other => panic!("row {i} column {k}: {other:?}"),
        };
        let want_json = |k: usize| p[k].as_deref().map(|t| serde_json::from_str(t).unwrap());
        assert_eq!(row[0], Sql::Integer(i as i64));
        let f = match b.f {
            Some(f) if !f.is_nan() => Sql::Real(f),
            _ => Sql::Null,
        };
        assert_eq!(row[1], f, "row {i}");
        let price = match &row[2] {
            Sql::Integer(n) => Some(*n as f64),
            Sql::Real(r) => Some(*r),
            Sql::Null => None,
            other => panic!("{other:?}"),
        };
        assert_eq!(price, b.price.map(|p| p as f64 / 100.0), "row {i}");
        assert_eq!(row[3], text(3), "row {i}");
        assert_eq!(
            row[4],
            b.flag.map_or(Sql::Null, |f| Sql::Integer(i64::from(f)))
        );
        for (k, value) in row.iter().enumerate().take(10).skip(5) {
            assert_eq!(*value, text(k), "row {i} column {k}");
        }
        assert_eq!(row[10], b.blob.map_or(Sql::Null, |b| Sql::Blob(b.to_vec())));
        assert_eq!(json(11), want_json(11), "row {i}");
        assert_eq!(json(12), want_json(12), "row {i}");
    }
}

#[test]
fn sqlite_empty_file_creates_the_table() {
    let table = schema("items");
    let format = text_format("sql", &options(SqlDialect::Sqlite, 4)).unwrap();
    let text = encode(&*format, &table, &[]);
    assert!(!text.contains("INSERT"));
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(&text).unwrap();
    let n: i64 = db
        .query_row("SELECT count(*) FROM items", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

/// A small table for exact text: three rows.
fn small() -> (TableSchema, Chunk) {
    let col = |name: &str, ty: DataType, nullable: bool| ColumnSchema {
        name: name.to_string(),
        ty,
        nullable,
    };
    let table = TableSchema {
        name: "t".to_string(),
        document: false,
        avro_schema: None,
        columns: vec![
            col("id", DataType::Int, false),
            col("na\"me`x", DataType::String, true),
            col(
                "price",
                DataType::Decimal {
                    precision: 10,
                    scale: 2,
                },
                true,
            ),
            col("flag", DataType::Bool, true),
            col("at", DataType::TimestampTz, true),
            col("blob", DataType::Bytes, true),
            col("tags", DataType::List(Box::new(DataType::String)), true),
            col("f", DataType::Float, true),
        ],
    };
    let mut names = Strings::default();
    names.offsets.push(0);
    for s in ["it's \\ ok", "", ""] {
        names.push(s);
    }
    let mut tags = Strings::default();
    tags.offsets.push(0);
    for s in ["a'b", "c\\d"] {
        tags.push(s);
    }
    let nulls = |v: Values, validity: [bool; 3]| Column {
        values: v,
        validity: Some(validity.to_vec()),
    };
    let chunk = Chunk {
        start: 0,
        len: 3,
        columns: vec![
            Column::new(Values::Int(vec![1, 2, 3])),
            nulls(Values::Str(names), [true, false, true]),
            nulls(Values::Decimal(vec![-5, 100, 0]), [true, true, false]),
            nulls(Values::Bool(vec![true, false, false]), [true, true, false]),
            nulls(
                Values::Timestamp(vec![1_709_210_096_123_456, 0, 0]),
                [true, true, false],
            ),
            nulls(
                Values::Bytes {
                    data: vec![0xde, 0xad, 0xbe, 0xef],
                    offsets: vec![0, 4, 4, 4],
                },
                [true, true, false],
            ),
            nulls(
                Values::List {
                    offsets: vec![0, 2, 2, 2],
                    items: Box::new(Column::new(Values::Str(tags))),
                },
                [true, true, false],
            ),
            Column::new(Values::Float(vec![f64::NAN, 1e300, f64::INFINITY])),
        ],
    };
    (table, chunk)
}

#[test]
fn postgres_text() {
    let (table, chunk) = small();
    let format = text_format("sql", &options(SqlDialect::Postgres, 2)).unwrap();
    let want = r#"CREATE TABLE IF NOT EXISTS "t" ("id" BIGINT NOT NULL, "na""me`x" TEXT, "price" NUMERIC(10, 2), "flag" BOOLEAN, "at" TIMESTAMPTZ, "blob" BYTEA, "tags" JSONB, "f" DOUBLE PRECISION);
INSERT INTO "t" ("id", "na""me`x", "price", "flag", "at", "blob", "tags", "f") VALUES
(1, 'it''s \ ok', -0.05, TRUE, '2024-02-29T12:34:56.123456Z', '\xdeadbeef', '["a''b","c\\d"]', 'NaN'),
(2, NULL, 1.00, FALSE, '1970-01-01T00:00:00Z', '\x', '[]', 1e+300);
INSERT INTO "t" ("id", "na""me`x", "price", "flag", "at", "blob", "tags", "f") VALUES
(3, '', NULL, NULL, NULL, NULL, NULL, 'Infinity');
"#;
    assert_eq!(encode(&*format, &table, &[chunk]), want);
}

#[test]
fn mysql_text() {
    let (table, chunk) = small();
    let format = text_format("sql", &options(SqlDialect::Mysql, 2)).unwrap();
    let want = r#"CREATE TABLE IF NOT EXISTS `t` (`id` BIGINT NOT NULL, `na"me``x` TEXT, `price` DECIMAL(10, 2), `flag` BOOLEAN, `at` DATETIME(6), `blob` BLOB, `tags` JSON, `f` DOUBLE);
INSERT INTO `t` (`id`, `na"me``x`, `price`, `flag`, `at`, `blob`, `tags`, `f`) VALUES
(1, 'it''s \\ ok', -0.05, TRUE, '2024-02-29 12:34:56.123456', X'deadbeef', '["a''b","c\\\\d"]', NULL),
(2, NULL, 1.00, FALSE, '1970-01-01 00:00:00', X'', '[]', 1e+300);
INSERT INTO `t` (`id`, `na"me``x`, `price`, `flag`, `at`, `blob`, `tags`, `f`) VALUES
(3, '', NULL, NULL, NULL, NULL, NULL, NULL);
"#;
    assert_eq!(encode(&*format, &table, &[chunk]), want);
}

#[test]
fn sqlite_text_and_batch_of_zero() {
    let (table, chunk) = small();
    let format = text_format("sql", &options(SqlDialect::Sqlite, 0)).unwrap();
    let text = encode(&*format, &table, &[chunk]);
    assert!(text.starts_with(
        "CREATE TABLE IF NOT EXISTS \"t\" (\"id\" INTEGER NOT NULL, \"na\"\"me`x\" TEXT, \"price\" NUMERIC, \
         \"flag\" INTEGER, \"at\" TEXT, \"blob\" BLOB, \"tags\" TEXT, \"f\" REAL);\n"
    ));
    assert_eq!(text.matches("INSERT INTO").count(), 3);
    assert!(text.contains("(1, 'it''s \\ ok', -0.05, 1, '2024-02-29T12:34:56.123456Z', X'deadbeef', '[\"a''b\",\"c\\\\d\"]', NULL);\n"));
    assert!(text.ends_with("(3, '', NULL, NULL, NULL, NULL, NULL, 9e999);\n"));
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(&text).unwrap();
    let name: String = db
        .query_row("SELECT \"na\"\"me`x\" FROM t WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(name, "it's \\ ok");
    let f: f64 = db
        .query_row("SELECT f FROM t WHERE id = 3", [], |r| r.get(0))
        .unwrap();
    assert_eq!(f, f64::INFINITY);
}
