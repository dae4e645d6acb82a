//! `CREATE TABLE` for a missing table, in each database's types, with its keys, and quoted
//! identifiers.

use datagen_engine::TableSchema;
use datagen_engine::ir::DataType;

use super::Dialect;

/// `name` quoted as an identifier (`"name"`, MySQL `` `name` ``), inner quotes doubled.
pub(crate) fn ident(dialect: Dialect, name: &str) -> String {
    let q = if dialect == Dialect::Mysql { '`' } else { '"' };
    let mut out = String::with_capacity(name.len() + 2);
    out.push(q);
    for c in name.chars() {
        if c == q {
            out.push(q);
        }
        out.push(c);
    }
    out.push(q);
    out
}

/// The quoted column names of `table`, comma-separated.
pub(crate) fn column_list(dialect: Dialect, table: &TableSchema) -> String {
    table
        .columns
        .iter()
        .map(|c| ident(dialect, &c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The column type of `ty` in `dialect`.
pub(crate) fn type_name(dialect: Dialect, ty: &DataType) -> String {
    use Dialect::{Mysql, Postgres, Sqlite};
    let name = match (ty, dialect) {
        (DataType::Int, Sqlite) => "INTEGER",
        (DataType::Int, _) => "BIGINT",
        (DataType::Float, Postgres) => "DOUBLE PRECISION",
        (DataType::Float, Mysql) => "DOUBLE",
        (DataType::Float, Sqlite) => "REAL",
        (DataType::Decimal { .. }, Sqlite) => "NUMERIC",
        (DataType::Decimal { precision, scale }, Postgres) => {
            return format!("NUMERIC({precision}, {scale})");
        }
        (DataType::Decimal { precision, scale }, Mysql) => {
            return format!("DECIMAL({precision}, {scale})");
        }
        (DataType::String, _) => "TEXT",
        (DataType::Bool, Sqlite) => "INTEGER",
        (DataType::Bool, _) => "BOOLEAN",
        (DataType::Date, _) => "DATE",
        (DataType::Time, Mysql) => "TIME(6)",
        (DataType::Time, _) => "TIME",
        (DataType::Timestamp, Postgres) => "TIMESTAMP",
        (DataType::TimestampTz, Postgres) => "TIMESTAMPTZ",
        (DataType::Timestamp | DataType::TimestampTz, Mysql) => "DATETIME(6)",
        (DataType::Timestamp | DataType::TimestampTz, Sqlite) => "TEXT",
        (DataType::Uuid, Postgres) => "UUID",
        (DataType::Uuid, Mysql) => "CHAR(36)",
        (DataType::Uuid, Sqlite) => "TEXT",
        (DataType::Bytes, Postgres) => "BYTEA",
        (DataType::Bytes, Mysql) => "LONGBLOB",
        (DataType::Bytes, Sqlite) => "BLOB",
        (DataType::Struct(_), Postgres | Mysql) if ty.is_point() => "POINT",
        (DataType::Struct(_), Sqlite) if ty.is_point() => "TEXT",
        (DataType::List(_) | DataType::Struct(_) | DataType::Json, Postgres) => "JSONB",
        (DataType::List(_) | DataType::Struct(_) | DataType::Json, Mysql) => "JSON",
        (DataType::List(_) | DataType::Struct(_) | DataType::Json, Sqlite) => "TEXT",
    };
    name.to_string()
}

/// A foreign key as the DDL writes it: the child column, the parent table and its column.
pub(crate) struct Reference<'a> {
    /// The child column.
    pub column: &'a str,
    /// The parent table's name.
    pub table: &'a str,
    /// The parent column's name.
    pub parent_column: &'a str,
}

/// The constraints of a table created from the IR.
#[derive(Default)]
pub(crate) struct Constraints<'a> {
    /// The primary key column.
    pub key: Option<&'a str>,
    /// `UNIQUE` column lists.
    pub uniques: Vec<Vec<&'a str>>,
    /// Foreign keys written inside the `CREATE TABLE` (to tables created before it).
    pub references: Vec<Reference<'a>>,
    /// Columns a key of another table refers to (MySQL indexes no `TEXT` column, so a text
    /// column in any key is a `VARCHAR(255)`).
    pub referenced: Vec<&'a str>,
}

impl Constraints<'_> {
    /// Whether `column` is in a key of the table or refers to one.
    fn keyed(&self, column: &str) -> bool {
        self.key == Some(column)
            || self.uniques.iter().any(|u| u.contains(&column))
            || self.references.iter().any(|r| r.column == column)
            || self.referenced.contains(&column)
    }
}

/// ` FOREIGN KEY ("c") REFERENCES "t" ("p")`.
fn push_reference(sql: &mut String, dialect: Dialect, r: &Reference<'_>) {
    sql.push_str(" FOREIGN KEY (");
    sql.push_str(&ident(dialect, r.column));
    sql.push_str(") REFERENCES ");
    sql.push_str(&ident(dialect, r.table));
    sql.push_str(" (");
    sql.push_str(&ident(dialect, r.parent_column));
    sql.push(')');
}

/// `CREATE TABLE` for `table` with its primary key, unique keys and foreign keys.
pub(crate) fn create_table(dialect: Dialect, table: &TableSchema, c: &Constraints<'_>) -> String {
    let mut sql = format!("CREATE TABLE {} (", ident(dialect, &table.name));
    for (i, column) in table.columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&ident(dialect, &column.name));
        sql.push(' ');
        if dialect == Dialect::Mysql && column.ty == DataType::String && c.keyed(&column.name) {
            sql.push_str("VARCHAR(255)");
        } else {
            sql.push_str(&type_name(dialect, &column.ty));
        }
        if !column.nullable {
            sql.push_str(" NOT NULL");
        }
    }
    let list = |columns: &[&str]| {
        columns
            .iter()
            .map(|c| ident(dialect, c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(k) = c.key {
        sql.push_str(", PRIMARY KEY (");
        sql.push_str(&ident(dialect, k));
        sql.push(')');
    }
    for u in &c.uniques {
        sql.push_str(", UNIQUE (");
        sql.push_str(&list(u));
        sql.push(')');
    }
    for r in &c.references {
        sql.push(',');
        push_reference(&mut sql, dialect, r);
    }
    sql.push(')');
    sql
}

/// `ALTER TABLE ... ADD FOREIGN KEY` for a key whose parent is created after `table`;
/// PostgreSQL's is `DEFERRABLE`, so a load can check it at commit.
pub(crate) fn add_foreign_key(dialect: Dialect, table: &str, r: &Reference<'_>) -> String {
    let mut sql = format!("ALTER TABLE {} ADD", ident(dialect, table));
    push_reference(&mut sql, dialect, r);
    if dialect == Dialect::Postgres {
        sql.push_str(" DEFERRABLE");
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;
    use datagen_engine::ColumnSchema;

    #[test]
    fn tables_get_each_databases_types_and_keys() {
        let table = TableSchema {
            name: "order".into(),
            document: false,
            avro_schema: None,
            columns: vec![
                ColumnSchema {
                    name: "id".into(),
                    ty: DataType::Int,
                    nullable: false,
                },
                ColumnSchema {
                    name: "price".into(),
                    ty: DataType::Decimal {
                        precision: 10,
                        scale: 2,
                    },
                    nullable: true,
                },
                ColumnSchema {
                    name: "at".into(),
                    ty: DataType::TimestampTz,
                    nullable: false,
                },
            ],
        };
        let refs = vec![Reference {
            column: "id",
            table: "cust\"omer",
            parent_column: "id",
        }];
        let keyed = Constraints {
            key: Some("id"),
            uniques: vec![vec!["price", "at"]],
            references: refs,
            referenced: Vec::new(),
        };
        assert_eq!(
            create_table(Dialect::Postgres, &table, &keyed),
            "CREATE TABLE \"order\" (\"id\" BIGINT NOT NULL, \"price\" NUMERIC(10, 2), \"at\" TIMESTAMPTZ NOT NULL, PRIMARY KEY (\"id\"), UNIQUE (\"price\", \"at\"), FOREIGN KEY (\"id\") REFERENCES \"cust\"\"omer\" (\"id\"))"
        );
        assert_eq!(
            create_table(Dialect::Mysql, &table, &Constraints::default()),
            "CREATE TABLE `order` (`id` BIGINT NOT NULL, `price` DECIMAL(10, 2), `at` DATETIME(6) NOT NULL)"
        );
        let r = Reference {
            column: "id",
            table: "t",
            parent_column: "k",
        };
        assert_eq!(
            add_foreign_key(Dialect::Postgres, "order", &r),
            "ALTER TABLE \"order\" ADD FOREIGN KEY (\"id\") REFERENCES \"t\" (\"k\") DEFERRABLE"
        );
        let only_key = Constraints {
            key: Some("id"),
            ..Constraints::default()
        };
        assert_eq!(
            create_table(Dialect::Sqlite, &table, &only_key),
            "CREATE TABLE \"order\" (\"id\" INTEGER NOT NULL, \"price\" NUMERIC, \"at\" TEXT NOT NULL, PRIMARY KEY (\"id\"))"
        );
    }
}
