//! `CREATE TABLE` for a missing table, in each database's types, and quoted identifiers.

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

/// `CREATE TABLE` for `table`, with a primary key on column `key` and the foreign keys.
pub(crate) fn create_table(
    dialect: Dialect,
    table: &TableSchema,
    key: Option<&str>,
    references: &[Reference<'_>],
) -> String {
    let mut sql = format!("CREATE TABLE {} (", ident(dialect, &table.name));
    for (i, column) in table.columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&ident(dialect, &column.name));
        sql.push(' ');
        sql.push_str(&type_name(dialect, &column.ty));
        if !column.nullable {
            sql.push_str(" NOT NULL");
        }
    }
    if let Some(k) = key {
        sql.push_str(", PRIMARY KEY (");
        sql.push_str(&ident(dialect, k));
        sql.push(')');
    }
    for r in references {
        sql.push_str(", FOREIGN KEY (");
        sql.push_str(&ident(dialect, r.column));
        sql.push_str(") REFERENCES ");
        sql.push_str(&ident(dialect, r.table));
        sql.push_str(" (");
        sql.push_str(&ident(dialect, r.parent_column));
        sql.push(')');
    }
    sql.push(')');
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
        let refs = [Reference {
            column: "id",
            table: "cust\"omer",
            parent_column: "id",
        }];
        assert_eq!(
            create_table(Dialect::Postgres, &table, Some("id"), &refs),
            "CREATE TABLE \"order\" (\"id\" BIGINT NOT NULL, \"price\" NUMERIC(10, 2), \"at\" TIMESTAMPTZ NOT NULL, PRIMARY KEY (\"id\"), FOREIGN KEY (\"id\") REFERENCES \"cust\"\"omer\" (\"id\"))"
        );
        assert_eq!(
            create_table(Dialect::Mysql, &table, None, &[]),
            "CREATE TABLE `order` (`id` BIGINT NOT NULL, `price` DECIMAL(10, 2), `at` DATETIME(6) NOT NULL)"
        );
        assert_eq!(
            create_table(Dialect::Sqlite, &table, Some("id"), &[]),
            "CREATE TABLE \"order\" (\"id\" INTEGER NOT NULL, \"price\" NUMERIC, \"at\" TEXT NOT NULL, PRIMARY KEY (\"id\"))"
        );
    }
}
