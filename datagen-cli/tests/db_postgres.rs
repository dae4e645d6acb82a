//! `datagen generate --to postgresql://...` against a real server (`DATAGEN_TEST_POSTGRES_URL`):
//! each test makes its own database, loads the shop, and checks row counts, refs, values
//! against the CSV of the same seed, a refused row's report and `--resume`; tables created
//! with a SQL input's own DDL, identity and serial columns, points, and cycles of foreign keys
//! loaded with their checks deferred (as a superuser and as a plain role).

mod db_common;

use db_common::{
    Db, check_loaded, csv_of, ddl_count, ddl_file, fixture, load, load_shop, refuse_fix_resume,
    shop, stderr_of, unique_name,
};
use postgres::{Client, NoTls};

/// A database of its own on the test server, dropped at the end.
struct TestDb {
    admin: Client,
    name: String,
    url: String,
    /// A role made for the test (owning the database), dropped at the end.
    role: Option<String>,
}

impl TestDb {
    fn new() -> Option<TestDb> {
        Self::owned_by(None)
    }

    /// A database owned by a new role without superuser rights, connected to as that role.
    fn plain_role() -> Option<TestDb> {
        Self::owned_by(Some(unique_name("dg_role")))
    }

    fn owned_by(role: Option<String>) -> Option<TestDb> {
        let Ok(base) = std::env::var("DATAGEN_TEST_POSTGRES_URL") else {
            eprintln!(
                "skipped: DATAGEN_TEST_POSTGRES_URL is not set (a PostgreSQL server to load into)"
            );
            return None;
        };
        let mut admin = Client::connect(&base, NoTls).unwrap();
        let name = unique_name("dg_pg");
        let (server, _) = base.rsplit_once('/').unwrap();
        let url = match &role {
            Some(r) => {
                admin
                    .batch_execute(&format!("CREATE ROLE {r} LOGIN"))
                    .unwrap();
                admin
                    .batch_execute(&format!("CREATE DATABASE {name} OWNER {r}"))
                    .unwrap();
                // The same server as the base URL, as the new role.
                let (scheme, rest) = server.split_once("://").unwrap();
                let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
                format!("{scheme}://{r}@{host}/{name}")
            }
            None => {
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .unwrap();
                format!("{server}/{name}")
            }
        };
        Some(TestDb {
            admin,
            url,
            name,
            role,
        })
    }

    fn client(&self) -> Client {
        let mut c = Client::connect(&self.url, NoTls).unwrap();
        c.batch_execute("SET TimeZone = 'UTC'").unwrap();
        c
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ = self.admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
        if let Some(role) = &self.role {
            let _ = self
                .admin
                .batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
        }
    }
}

impl Db for Client {
    const QUOTE: char = '"';

    fn hex(q: &str) -> String {
        format!("encode({q}, 'hex')")
    }

    fn text(q: &str) -> String {
        format!("{q}::text")
    }

    fn rows(&mut self, sql: &str) -> Vec<Vec<Option<String>>> {
        self.query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| r.get::<_, Option<String>>(i))
                    .collect()
            })
            .collect()
    }

    fn count(&mut self, sql: &str) -> u64 {
        let n: i64 = self.query_one(sql, &[]).unwrap().get(0);
        u64::try_from(n).unwrap()
    }

    fn run(&mut self, sql: &str) {
        self.batch_execute(sql).unwrap();
    }
}

#[test]
fn postgres_tables_of_another_shape_are_refused_or_dropped_whole() {
    let Some(db) = TestDb::new() else { return };
    db_common::other_shapes(&mut db.client(), &db.url, "postgres");
}

#[test]
fn postgres_load_equals_the_csv_and_keeps_every_ref() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    load_shop(&input, &db.url);
    let mut c = db.client();
    // The server enforces the foreign keys datagen created.
    let fks = c.count(
        "SELECT count(*) FROM information_schema.table_constraints \
         WHERE constraint_type = 'FOREIGN KEY' AND table_name IN ('orders', 'order_line')",
    );
    assert_eq!(fks, 3);
    check_loaded(&mut c, &csv_of(&input));
}

#[test]
fn postgres_refused_row_is_reported_and_resume_finishes_the_load() {
    let Some(db) = TestDb::new() else { return };
    let input = shop();
    let csv = csv_of(&input);
    let mut c = db.client();
    c.batch_execute(
        "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, \
         product_id BIGINT NOT NULL, unit_price NUMERIC(10, 2), quantity BIGINT NOT NULL, \
         CONSTRAINT qty_small CHECK (quantity < 12))",
    )
    .unwrap();
    let stderr = refuse_fix_resume(&mut c, &input, &db.url, &csv, |c| {
        c.batch_execute("ALTER TABLE order_line DROP CONSTRAINT qty_small")
            .unwrap();
    });
    assert!(stderr.contains("violates check constraint"), "{stderr}");
}

/// Rows of `table` whose `column` has no `parent` row with that `key`.
fn orphans(c: &mut Client, table: &str, column: &str, parent: &str, key: &str) -> u64 {
    c.count(&format!(
        "SELECT count(*) FROM {table} t WHERE t.{column} IS NOT NULL AND NOT EXISTS \
         (SELECT 1 FROM {parent} p WHERE p.{key} = t.{column})"
    ))
}

#[test]
fn postgres_ddl_input_creates_its_tables_with_its_own_constraints() {
    let Some(db) = TestDb::new() else { return };
    let chinook = ddl_file("Chinook_PostgreSql.ddl.sql");
    let stderr = stderr_of(load(&chinook, &db.url, &["--rows", "200"]).success());
    assert!(stderr.contains("with the input's own DDL"), "{stderr}");
    let mut c = db.client();
    let constraints = |c: &mut Client, kind: &str| {
        c.count(&format!(
            "SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace \
             WHERE n.nspname = 'public' AND k.contype = '{kind}' AND k.convalidated"
        ))
    };
    // Every key the file declares exists on the server, so the server checked every row.
    let file = "Chinook_PostgreSql.ddl.sql";
    assert_eq!(constraints(&mut c, "p"), ddl_count(file, "PRIMARY KEY"));
    assert_eq!(constraints(&mut c, "f"), ddl_count(file, "FOREIGN KEY"));
    assert_eq!(c.count("SELECT count(*) FROM invoice_line"), 200);
    assert_eq!(orphans(&mut c, "track", "album_id", "album", "album_id"), 0);
    assert_eq!(
        orphans(&mut c, "invoice_line", "track_id", "track", "track_id"),
        0
    );
    // The file's own index, not one datagen would make.
    assert_eq!(
        c.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'album_artist_id_idx'"),
        1
    );
}

#[test]
fn postgres_cycle_loads_with_checks_deferred_and_identity_keys_go_on() {
    let Some(db) = TestDb::new() else { return };
    let input = fixture("db_cycle.pg.sql");
    let stderr =
        stderr_of(load(&input, &db.url, &["--rows", "50", "--commit-rows", "7"]).success());
    assert!(
        stderr.contains(
            "the foreign-key cycle `store` → `staff` (`store_manager_fk`) → `store` (`staff_store_id_fkey`) was loaded with `session_replication_role = replica`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("`store_manager_fk` 0 rows without a parent"),
        "{stderr}"
    );
    let mut c = db.client();
    assert_eq!(
        orphans(&mut c, "store", "manager_staff_id", "staff", "staff_id"),
        0
    );
    assert_eq!(orphans(&mut c, "staff", "store_id", "store", "store_id"), 0);
    // `region.id` is GENERATED ALWAYS, yet holds the generated keys 1..=50.
    assert_eq!(
        c.count("SELECT count(*) FROM pg_attribute WHERE attrelid = 'region'::regclass AND attname = 'id' AND attidentity = 'a'"),
        1
    );
    assert_eq!(c.count("SELECT max(id)::bigint FROM region"), 50);
    // An application's INSERT without the key gets the next one, for identity and serial alike.
    for sql in [
        "INSERT INTO region (name, center) VALUES ('new', '(1,2)') RETURNING id::bigint",
        "INSERT INTO store (manager_staff_id, region_id, name) VALUES (1, 1, 'new') RETURNING store_id::bigint",
        "INSERT INTO staff (store_id, email) VALUES (1, 'new@example.com') RETURNING staff_id",
    ] {
        assert_eq!(c.count(sql), 51, "{sql}");
    }
    // Points went in as PostgreSQL's own `point`, longitude and latitude in range.
    assert_eq!(
        c.count("SELECT count(*) FROM region WHERE center[0] BETWEEN -180 AND 180 AND center[1] BETWEEN -90 AND 90 AND center <> point(0, 0)"),
        51
    );
}

#[test]
fn postgres_plain_role_loads_a_deferrable_cycle_and_is_told_what_the_other_needs() {
    let Some(db) = TestDb::plain_role() else {
        return;
    };
    let input = fixture("db_cycle.pg.sql");
    let stderr = stderr_of(load(&input, &db.url, &["--rows", "30"]).failure());
    assert!(
        stderr.contains("the foreign keys of the cycle `store` → `staff` (`store_manager_fk`) → `store` (`staff_store_id_fkey`) need their checks deferred"),
        "{stderr}"
    );
    assert!(stderr.contains("permission denied"), "{stderr}");
    assert!(stderr.contains("session_replication_role"), "{stderr}");
    assert!(
        stderr.contains("make `store_manager_fk` `DEFERRABLE`"),
        "{stderr}"
    );
    // The same schema with the forward key DEFERRABLE needs no privilege.
    let Some(db) = TestDb::plain_role() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let deferrable = dir.path().join("cycle.sql");
    let text = std::fs::read_to_string(&input).unwrap().replace(
        "REFERENCES staff (staff_id);",
        "REFERENCES staff (staff_id) DEFERRABLE;",
    );
    std::fs::write(&deferrable, text).unwrap();
    let stderr = stderr_of(
        load(
            &deferrable,
            &db.url,
            &["--rows", "30", "--commit-rows", "4"],
        )
        .success(),
    );
    assert!(
        stderr.contains("in one transaction with `SET CONSTRAINTS ALL DEFERRED`"),
        "{stderr}"
    );
    let mut c = db.client();
    assert_eq!(c.count("SELECT count(*) FROM store"), 30);
    assert_eq!(
        orphans(&mut c, "store", "manager_staff_id", "staff", "staff_id"),
        0
    );
}

#[test]
fn postgres_config_tables_get_keys_uniques_and_a_deferrable_cycle() {
    let Some(db) = TestDb::new() else { return };
    let stderr = stderr_of(load(&fixture("db_cycle.yaml"), &db.url, &[]).success());
    assert!(
        stderr.contains("created `store`, `staff` from the input's fields"),
        "{stderr}"
    );
    assert!(stderr.contains("SET CONSTRAINTS ALL DEFERRED"), "{stderr}");
    let mut c = db.client();
    let kinds = c.rows(
        "SELECT contype::text, count(*)::text, bool_or(condeferrable)::text FROM pg_constraint \
         WHERE conrelid IN ('store'::regclass, 'staff'::regclass) GROUP BY contype ORDER BY contype",
    );
    let kinds: Vec<Vec<String>> = kinds
        .into_iter()
        .map(|r| r.into_iter().map(Option::unwrap).collect())
        .collect();
    assert_eq!(
        kinds,
        [["f", "2", "true"], ["p", "2", "false"], ["u", "2", "false"]]
            .map(|r| r.map(String::from).to_vec())
    );
    assert_eq!(
        c.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'store' AND column_name = 'site' AND udt_name = 'point'"),
        1
    );
    assert_eq!(orphans(&mut c, "store", "manager_id", "staff", "id"), 0);
}
