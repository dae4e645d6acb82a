//! SQL DDL as the input of `datagen generate` and `datagen validate`: detected by extension or
//! content, dialect detected or forced with `--sql-dialect`, rows per table by default.

use assert_cmd::Command;

fn datagen() -> Command {
    Command::cargo_bin("datagen").expect("the datagen binary is built")
}

const SHOP: &str = "CREATE TABLE customer (\n  id INT AUTO_INCREMENT PRIMARY KEY,\n  email VARCHAR(60) NOT NULL UNIQUE\n) ENGINE=InnoDB;\nCREATE TABLE `order` (\n  id INT AUTO_INCREMENT PRIMARY KEY,\n  customer_id INT NOT NULL,\n  total DECIMAL(8,2) NOT NULL CHECK (total > 0),\n  FOREIGN KEY (customer_id) REFERENCES customer (id)\n) ENGINE=InnoDB;\n";

#[test]
fn a_sql_file_generates_one_file_per_table_with_default_rows() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("shop.sql");
    std::fs::write(&input, SHOP).unwrap();
    let out = dir.path().join("out");
    let run = datagen()
        .args([
            "generate",
            input.to_str().unwrap(),
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let customers = std::fs::read_to_string(out.join("customer.csv")).unwrap();
    let orders = std::fs::read_to_string(out.join("order.csv")).unwrap();
    assert_eq!(
        customers.lines().count(),
        1001,
        "header and 1000 rows by default"
    );
    assert_eq!(orders.lines().count(), 1001);
    assert!(
        customers.lines().nth(1).unwrap().contains('@'),
        "emails by the column's name"
    );
    let emails: std::collections::HashSet<&str> = customers
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(emails.len(), 1000, "a UNIQUE column is unique");
}

#[test]
fn rows_override_and_content_detection() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("schema.ddl.txt");
    std::fs::write(&input, SHOP).unwrap();
    let run = datagen()
        .args([
            "generate",
            input.to_str().unwrap(),
            "--rows",
            "customer=3",
            "--entity",
            "customer",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(String::from_utf8(run.stdout).unwrap().lines().count(), 3);
}

#[test]
fn a_forced_dialect_reads_the_ddl_as_that_dialect() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("shop.sql");
    std::fs::write(&input, SHOP).unwrap();
    // Backticks are not quotes in PostgreSQL: forcing it makes the MySQL file unreadable.
    let run = datagen()
        .args(["validate", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run = datagen()
        .args([
            "generate",
            input.to_str().unwrap(),
            "--sql-dialect",
            "postgres",
            "--out",
            dir.path().join("o").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("shop.sql:"), "{err}");
    assert!(err.contains("postgres"), "{err}");
}

#[test]
fn a_bad_schema_reports_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.sql");
    std::fs::write(
        &input,
        "CREATE TABLE t (\n  id int PRIMARY KEY,\n  shape polygon\n);\n",
    )
    .unwrap();
    let run = datagen()
        .args(["validate", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        text.contains("bad.sql:3:3: column `t.shape` has type `polygon`"),
        "{text}"
    );
}

#[test]
fn sql_output_follows_the_input_dialect_unless_given() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, ddl: &str, entity: &str, extra: &[&str]| {
        let input = dir.path().join(name);
        std::fs::write(&input, ddl).unwrap();
        let out = datagen()
            .args([
                "generate",
                input.to_str().unwrap(),
                "--entity",
                entity,
                "--rows",
                "20",
            ])
            .args(["--format", "sql", "--progress", "none"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(
        run("shop.sql", SHOP, "order", &[]).contains("INSERT INTO `order`"),
        "MySQL quoting for a MySQL schema"
    );
    let flags = "CREATE TABLE flag (id INTEGER PRIMARY KEY, ok BOOLEAN NOT NULL);";
    let pg = run("flags.sql", flags, "flag", &[]);
    assert!(pg.contains("TRUE") || pg.contains("FALSE"), "{pg}");
    let lite = run("flags.sql", flags, "flag", &["--sql-dialect", "sqlite"]);
    assert!(
        !lite.contains("TRUE") && !lite.contains("FALSE"),
        "SQLite booleans are 1 and 0: {lite}"
    );
}
