//! Shared by the SQL DDL tests: reading a test schema, generating its rows as SQL INSERT text
//! with the `sql` format, and fresh databases on the real servers.

#![allow(dead_code, unreachable_pub)]

use std::path::Path;

use datagen_engine::ir::Schema;
use datagen_engine::{Plan, Settings};
use datagen_schema::sql::{self, Dialect};
use datagen_sinks::{FormatOptions, SqlDialect};

/// A DDL file of `tests/data/ddl`.
pub fn ddl(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ddl")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema of `text`, which must read without a problem.
pub fn schema(name: &str, text: &str, dialect: Option<Dialect>) -> Schema {
    let (schema, diags) = sql::parse(text, Some(Path::new(name)), dialect);
    assert!(
        diags.is_empty(),
        "{name}: {}",
        diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    schema
}

/// Every table of `schema` as a SQL file's text (CREATE TABLE IF NOT EXISTS, then batched
/// INSERTs), in the schema's (foreign-key) order, with the row counts used.
pub fn sql_files(
    schema: &Schema,
    dialect: SqlDialect,
    rows: Option<u64>,
) -> Vec<(String, u64, String)> {
    let settings = Settings {
        rows,
        seed: Some(7),
        ..Settings::default()
    };
    let plan = Plan::new(schema, &settings).unwrap_or_else(|d| panic!("plan: {d}"));
    let options = FormatOptions {
        sql_dialect: dialect,
        sql_batch: 250,
        ..FormatOptions::default()
    };
    let format = datagen_sinks::text::text_format("sql", &options).expect("the sql format exists");
    (0..plan.len())
        .map(|e| {
            let table = plan.table(e);
            let n = plan.rows(e);
            let chunk = plan.chunk(e, 0..n);
            let mut out = Vec::new();
            format.header(table, &mut out);
            for row in 0..chunk.len {
                format.before_row(table, row as u64, &mut out);
                format.encode_row(table, &chunk, row, &mut out);
            }
            format.footer(table, n, &mut out);
            (
                table.name.clone(),
                n,
                String::from_utf8(out).expect("SQL text is UTF-8"),
            )
        })
        .collect()
}

/// A database name no other run uses.
pub fn unique_name(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("dg_{prefix}_{}_{nanos}", std::process::id())
}

/// The DDL without the statements that create, drop or switch databases (the test makes its
/// own) and psql meta-commands.
pub fn without_database_statements(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let u = l.trim_start().to_ascii_uppercase();
            !(u.starts_with("DROP DATABASE")
                || u.starts_with("CREATE DATABASE")
                || u.starts_with("DROP SCHEMA")
                || u.starts_with("CREATE SCHEMA")
                || u.starts_with("USE ")
                || u.starts_with('\\'))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The server URL from `var`, or `None` with a note that the test is skipped.
pub fn server(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped: set {var} to run this test against a real server");
            None
        }
    }
}

/// The URL of database `db` on the server of `url`.
pub fn database_url(url: &str, db: &str) -> String {
    let base = url.rsplit_once('/').map_or(url, |(b, _)| b);
    format!("{base}/{db}")
}

/// A fresh PostgreSQL database on the server at `url`: (admin client, client of the new
/// database, its name). Drop it with [`pg_drop`].
pub fn pg_fresh(url: &str, prefix: &str) -> (postgres::Client, postgres::Client, String) {
    let mut admin = postgres::Client::connect(url, postgres::NoTls).expect("connect to PostgreSQL");
    let name = unique_name(prefix);
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create database");
    let client = postgres::Client::connect(&database_url(url, &name), postgres::NoTls)
        .expect("connect to the new database");
    (admin, client, name)
}

/// Drops a database made by [`pg_fresh`].
pub fn pg_drop(mut admin: postgres::Client, client: postgres::Client, name: &str) {
    drop(client);
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .expect("drop database");
}

/// Loads `files` (from [`sql_files`]) through `client` after the DDL of `name` ran, checking
/// every table's row count; returns the counts.
pub fn pg_load(
    client: &mut postgres::Client,
    name: &str,
    files: &[(String, u64, String)],
) -> Vec<(String, u64)> {
    // pg_dump files empty the search path for their session.
    client
        .batch_execute("SET search_path TO public")
        .expect("reset the search path");
    let mut counts = Vec::new();
    for (table, rows, sql) in files {
        client
            .batch_execute(sql)
            .unwrap_or_else(|e| panic!("{name}: loading `{table}`: {e:?}"));
        let n: i64 = client
            .query_one(&format!("SELECT count(*) FROM \"{table}\""), &[])
            .expect("count")
            .get(0);
        assert_eq!(n as u64, *rows, "{name}: rows of `{table}`");
        counts.push((table.clone(), *rows));
    }
    counts
}

/// A fresh MySQL/MariaDB database: (connection using it, its name).
pub fn my_fresh(url: &str, prefix: &str) -> (mysql::Conn, String) {
    use mysql::prelude::Queryable;
    let mut conn = mysql::Conn::new(mysql::Opts::from_url(url).expect("a MySQL URL"))
        .expect("connect to MySQL");
    let name = unique_name(prefix);
    conn.query_drop(format!("CREATE DATABASE {name}"))
        .expect("create database");
    conn.query_drop(format!("USE {name}"))
        .expect("use database");
    (conn, name)
}

/// Drops a database made by [`my_fresh`].
pub fn my_drop(mut conn: mysql::Conn, name: &str) {
    use mysql::prelude::Queryable;
    conn.query_drop(format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop database");
}

/// Runs DDL `text` of `name` in MySQL database `db`.
pub fn mysql_run_ddl(conn: &mut mysql::Conn, db: &str, name: &str, text: &str) {
    use mysql::prelude::Queryable;
    // Sakila's views name their database: point them at the test's own.
    let text = text.replace("sakila.", &format!("{db}."));
    for statement in mysql_statements(&text) {
        conn.query_drop(&statement)
            .unwrap_or_else(|e| panic!("{name} DDL: {e}\n{statement}"));
    }
}

/// Loads `files` (from [`sql_files`]) into MySQL database `db` in strict mode after the DDL of
/// `name` ran, checking every table's row count; with `checks_off`, foreign key checks are off
/// in the load session (for a cycle of NOT NULL foreign keys) and every foreign key is checked
/// by a query afterwards. Returns the counts.
pub fn mysql_load(
    conn: &mut mysql::Conn,
    db: &str,
    name: &str,
    files: &[(String, u64, String)],
    checks_off: bool,
) -> Vec<(String, u64)> {
    use mysql::prelude::Queryable;
    conn.query_drop("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE'")
        .expect("strict mode");
    conn.query_drop(format!(
        "SET FOREIGN_KEY_CHECKS = {}",
        u8::from(!checks_off)
    ))
    .expect("foreign key checks");
    let mut counts = Vec::new();
    for (table, rows, sql) in files {
        conn.query_drop(sql)
            .unwrap_or_else(|e| panic!("{name}: loading `{table}`: {e}"));
        let n: Option<u64> = conn
            .query_first(format!("SELECT count(*) FROM `{table}`"))
            .expect("count");
        assert_eq!(n, Some(*rows), "{name}: rows of `{table}`");
        counts.push((table.clone(), *rows));
    }
    conn.query_drop("SET FOREIGN_KEY_CHECKS = 1")
        .expect("foreign key checks back on");
    let orphans: Vec<_> = mysql_orphans(conn, db)
        .into_iter()
        .filter(|o| o.2 > 0)
        .collect();
    assert!(
        orphans.is_empty(),
        "{name}: rows referring to nothing: {orphans:?}"
    );
    counts
}

/// The DDL's statements for a MySQL session: database statements dropped, `DELIMITER`
/// blocks (stored programs) left out, split at the `;` ending a line.
pub fn mysql_statements(text: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut in_block = false;
    for line in without_database_statements(text).lines() {
        let t = line.trim_start();
        if t.to_ascii_uppercase().starts_with("DELIMITER") {
            in_block = t[9..].trim() != ";";
            continue;
        }
        if !in_block {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept.split(";\n")
        .map(str::trim)
        .filter(|s| {
            s.lines().any(|l| {
                let l = l.trim_start();
                !(l.is_empty() || l.starts_with("--") || l.starts_with("/*") || l.starts_with('*'))
            })
        })
        .map(str::to_string)
        .collect()
}

/// Every single-column foreign key of MySQL database `db` with rows that refer to nothing:
/// `(table, column)` pairs, to check integrity after a load with the checks off.
pub fn mysql_orphans(conn: &mut mysql::Conn, db: &str) -> Vec<(String, String, u64)> {
    use mysql::prelude::Queryable;
    let fks: Vec<(String, String, String, String)> = conn
        .query(format!(
            "SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME \
             FROM information_schema.KEY_COLUMN_USAGE \
             WHERE TABLE_SCHEMA = '{db}' AND REFERENCED_TABLE_NAME IS NOT NULL"
        ))
        .expect("list foreign keys");
    assert!(!fks.is_empty(), "the schema has foreign keys");
    fks.into_iter()
        .map(|(t, c, rt, rc)| {
            let n: Option<u64> = conn
                .query_first(format!(
                    "SELECT count(*) FROM `{t}` c LEFT JOIN `{rt}` p ON c.`{c}` = p.`{rc}` \
                     WHERE c.`{c}` IS NOT NULL AND p.`{rc}` IS NULL"
                ))
                .expect("count orphans");
            (t, c, n.unwrap_or(0))
        })
        .collect()
}
