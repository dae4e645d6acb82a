//! The shared loader: missing tables created, tables loaded in dependency order (a cycle of
//! foreign keys as one run with deferred checks, verified after), chunks generated in workers
//! ahead of one connection, batches committed in row order, a failed batch narrowed to its
//! first refused row before the run stops, and sequences moved past the keys loaded.

use std::ops::Range;
use std::sync::mpsc;
use std::time::Instant;

use datagen_engine::TableSchema;

use super::create::{check_columns, create_missing};
use super::cycle::{self, CatalogFk, Cycle};
use super::ddl;
use super::encode::{Encoder, Piece};
use super::order::Relations;
use super::{DbError, Destination, Dialect, FailedRow, LoadError, LoadJob, Loaded, TableCount};
use crate::writer::{EntityReport, Progress, chunks};

/// One open connection to a database.
pub(crate) trait Connection {
    /// Whether `table` exists.
    fn exists(&mut self, table: &str) -> Result<bool, DbError>;
    /// The rows `table` holds.
    fn count(&mut self, table: &str) -> Result<u64, DbError>;
    /// The names of `table`'s columns, in order.
    fn columns(&mut self, table: &str) -> Result<Vec<String>, DbError>;
    /// Runs one statement (DDL).
    fn execute(&mut self, sql: &str) -> Result<(), DbError>;
    /// Starts a transaction.
    fn begin(&mut self) -> Result<(), DbError>;
    /// Sends rows `rows` of `piece` into `table` inside the open transaction; returns the
    /// bytes sent.
    fn send(
        &mut self,
        table: &TableSchema,
        piece: &Piece,
        rows: Range<usize>,
    ) -> Result<u64, DbError>;
    /// Commits the open transaction.
    fn commit(&mut self) -> Result<(), DbError>;
    /// Rolls the open transaction back.
    fn rollback(&mut self) -> Result<(), DbError>;
    /// The one number `sql` returns.
    fn query_count(&mut self, sql: &str) -> Result<u64, DbError>;
    /// The foreign keys of the tables the connection sees (none where the database does not
    /// enforce them).
    fn foreign_keys(&mut self) -> Result<Vec<CatalogFk>, DbError> {
        Ok(Vec::new())
    }
    /// Turns the session's foreign-key checks off (`false`) or back on.
    fn fk_checks(&mut self, on: bool) -> Result<(), DbError> {
        let _ = on;
        Ok(())
    }
    /// Moves the sequences that number `table`'s rows past its largest value, so a later
    /// `INSERT` without the key gets a new one (where the database does not by itself).
    fn advance_sequences(&mut self, table: &str) -> Result<(), DbError> {
        let _ = table;
        Ok(())
    }
}

/// Opens a connection to `to`.
fn connect(to: &Destination) -> Result<Box<dyn Connection>, DbError> {
    Ok(match to.dialect {
        Dialect::Sqlite => Box::new(super::sqlite::Sqlite::open(&to.target)?),
        Dialect::Postgres => Box::new(super::postgres::Postgres::open(&to.target)?),
        Dialect::Mysql => Box::new(super::mysql::Mysql::open(&to.target)?),
    })
}

/// Loads every selected entity of the job, parents before children.
///
/// # Errors
/// The first failure, with the refused row and constraint when a row was refused, and the
/// rows each table holds.
pub fn load(job: &LoadJob<'_>, progress: &dyn Progress) -> Result<Loaded, Box<LoadError>> {
    let plan = job.plan;
    // A table needs a column: an entity whose fields are all hidden is not loaded.
    let (entities, empty): (Vec<usize>, Vec<usize>) = job
        .entities
        .iter()
        .partition(|&&e| !plan.table(e).columns.is_empty());
    let names_match = plan.len() == job.schema.entities.len()
        && (0..plan.len()).all(|e| plan.table(e).name == job.schema.entities[e].name);
    let relations = if names_match {
        Relations::new(job.schema, &entities)
    } else {
        Relations {
            order: entities,
            keys: vec![None; plan.len()],
            uniques: vec![Vec::new(); plan.len()],
            foreign: vec![Vec::new(); plan.len()],
        }
    };
    let fail = |error: DbError, tables: Vec<TableCount>, resumable: bool| {
        Box::new(LoadError {
            destination: job.to.display(),
            error,
            failed: None,
            tables,
            resumable,
        })
    };
    let mut conn = connect(job.to).map_err(|e| {
        let mut e = e;
        e.message = format!("cannot connect: {}", e.message);
        fail(e, Vec::new(), false)
    })?;
    let conn = conn.as_mut();
    let mut loaded = Loaded::default();
    loaded.notes.extend(empty.iter().map(|&e| {
        format!(
            "entity `{}` was not loaded: all its fields are hidden, so its table would have no columns",
            plan.table(e).name
        )
    }));
    // Create what is missing, then see what every table holds.
    let mut missing = Vec::new();
    for &e in &relations.order {
        let exists = conn
            .exists(&plan.table(e).name)
            .map_err(|err| fail(err, Vec::new(), false))?;
        if !exists {
            missing.push(e);
        }
    }
    let existing: Vec<usize> = relations
        .order
        .iter()
        .copied()
        .filter(|e| !missing.contains(e))
        .collect();
    check_columns(conn, job, &existing).map_err(|err| fail(err, Vec::new(), false))?;
    let created = create_missing(conn, job, &relations, &missing)
        .map_err(|err| fail(err, Vec::new(), false))?;
    loaded.notes.extend(created);
    let mut counts: Vec<TableCount> = Vec::new();
    for &e in &relations.order {
        let table = plan.table(e);
        let held = conn
            .count(&table.name)
            .map_err(|err| fail(err, Vec::new(), false))?;
        counts.push(TableCount {
            table: table.name.clone(),
            committed: held,
            planned: plan.rows(e),
        });
    }
    for t in &counts {
        let problem = if t.committed > t.planned {
            Some(format!(
                "table `{}` holds {} rows, more than the {} this run loads into it; it was not filled by this input with these row counts, so empty it (or load into another database)",
                t.table, t.committed, t.planned
            ))
        } else if t.committed > 0 && !job.resume {
            Some(format!(
                "table `{}` already holds {} rows; give `--resume` to continue a stopped load of the same input and seed, or empty the table",
                t.table, t.committed
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            return Err(fail(DbError::new(message), counts.clone(), false));
        }
    }
    let order_names: Vec<String> = counts.iter().map(|t| t.table.clone()).collect();
    let fks = conn
        .foreign_keys()
        .map_err(|err| fail(err, counts.clone(), false))?;
    let cycles = cycle::find(&order_names, &fks);
    let mut i = 0;
    while i < relations.order.len() {
        let run = cycles.iter().find(|c| c.first == i);
        let last = run.map_or(i, |c| c.last);
        let deferred = run.is_some_and(|c| {
            job.to.dialect == Dialect::Postgres && c.forward.iter().all(|f| f.deferrable)
        });
        if let Some(c) = run {
            let started = if deferred {
                conn.begin()
                    .and_then(|()| conn.execute("SET CONSTRAINTS ALL DEFERRED"))
            } else {
                conn.fk_checks(false)
                    .map_err(|e| needs_privilege(job.to.dialect, c, e))
            };
            started.map_err(|err| fail(err, counts.clone(), true))?;
        }
        for at in i..=last {
            let e = relations.order[at];
            let outcome = load_table(
                job,
                conn,
                e,
                &mut counts[at],
                run.is_some() && deferred,
                progress,
            );
            match outcome {
                Ok(report) => loaded.reports.push(report),
                Err((error, failed)) => {
                    if run.is_some() {
                        let _ = if deferred {
                            conn.rollback()
                        } else {
                            conn.fk_checks(true)
                        };
                    }
                    // What the database holds is the truth; fall back on what was tracked.
                    for t in &mut counts {
                        if let Ok(n) = conn.count(&t.table) {
                            t.committed = n;
                        }
                    }
                    let mut stopped = fail(error, counts, true);
                    stopped.failed = failed;
                    return Err(stopped);
                }
            }
        }
        if let Some(c) = run {
            let ended = if deferred {
                conn.commit().map_err(|mut e| {
                    e.message = format!(
                        "the deferred foreign keys of the cycle {} failed at commit: {}",
                        c.text, e.message
                    );
                    e
                })
            } else {
                conn.fk_checks(true)
            };
            if let Err(err) = ended {
                let _ = conn.rollback();
                for t in &mut counts {
                    if let Ok(n) = conn.count(&t.table) {
                        t.committed = n;
                    }
                }
                return Err(fail(err, counts, true));
            }
            let how = if deferred {
                "in one transaction with `SET CONSTRAINTS ALL DEFERRED`"
            } else if job.to.dialect == Dialect::Postgres {
                "with `session_replication_role = replica`"
            } else {
                "with `FOREIGN_KEY_CHECKS = 0`"
            };
            let checked =
                verify(job.to.dialect, conn, c).map_err(|err| fail(err, counts.clone(), false))?;
            loaded.notes.push(format!(
                "the foreign-key cycle {} was loaded {how}; checked afterwards: {checked}",
                c.text
            ));
        }
        for at in i..=last {
            conn.advance_sequences(&counts[at].table)
                .map_err(|mut err| {
                    err.message = format!(
                        "moving the sequences of `{}` past the rows loaded failed: {}",
                        counts[at].table, err.message
                    );
                    fail(err, counts.clone(), false)
                })?;
        }
        i = last + 1;
    }
    Ok(loaded)
}

/// Loads entity `e` into its table, whose rows `count` tracks; `grouped` loads it inside a
/// transaction the caller opened and commits.
fn load_table(
    job: &LoadJob<'_>,
    conn: &mut dyn Connection,
    e: usize,
    count: &mut TableCount,
    grouped: bool,
    progress: &dyn Progress,
) -> Result<EntityReport, Stop> {
    let started = Instant::now();
    let table = job.plan.table(e);
    let from = count.committed;
    let rows = from..job.plan.rows(e);
    progress.begin(&table.name, rows.end - rows.start);
    let mut table_load = TableLoad {
        conn,
        table,
        commit_rows: job.commit_rows.max(1),
        committed: from,
        bytes: 0,
        grouped,
    };
    let outcome = pump(job, e, &rows, &mut table_load, progress);
    let (committed, bytes) = (table_load.committed, table_load.bytes);
    count.committed = committed;
    outcome?;
    let report = EntityReport {
        entity: table.name.clone(),
        rows: committed - from,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
        files: Vec::new(),
    };
    progress.end(&report);
    Ok(report)
}

/// Turning the checks off was refused: the error names the cycle and what would allow it.
fn needs_privilege(dialect: Dialect, c: &Cycle, e: DbError) -> DbError {
    let allow = match dialect {
        Dialect::Postgres => {
            let alter: Vec<String> = c
                .forward
                .iter()
                .map(|f| {
                    format!(
                        "`ALTER TABLE {} ALTER CONSTRAINT {} DEFERRABLE`",
                        ddl::ident(dialect, &f.table),
                        ddl::ident(dialect, &f.name)
                    )
                })
                .collect();
            format!(
                "make {} `DEFERRABLE` ({}), or load as a role that may set `session_replication_role` (a superuser, or one granted `SET ON PARAMETER session_replication_role`)",
                c.forward_names(),
                alter.join(", ")
            )
        }
        _ => "load as a user that may set `FOREIGN_KEY_CHECKS`".to_string(),
    };
    DbError {
        message: format!(
            "the foreign keys of the cycle {} need their checks deferred to load, and the server refused ({}); {allow}",
            c.text,
            e.message.trim_end()
        ),
        constraint: c.forward.first().map(|f| f.name.clone()),
        code: e.code,
    }
}

/// Counts the rows without a parent for every key of the cycle's tables; an error when any
/// has some, else the counts as text.
fn verify(dialect: Dialect, conn: &mut dyn Connection, c: &Cycle) -> Result<String, DbError> {
    let mut parts = Vec::new();
    let mut broken = Vec::new();
    for fk in &c.checked {
        let n = conn.query_count(&cycle::orphans_sql(dialect, fk))?;
        parts.push(format!("`{}` {n} rows without a parent", fk.name));
        if n > 0 {
            broken.push(format!("`{}` ({n} rows of `{}`)", fk.name, fk.table));
        }
    }
    if broken.is_empty() {
        Ok(parts.join(", "))
    } else {
        Err(DbError::new(format!(
            "after loading the cycle {} with its checks deferred, rows without a parent remain: {}; the rows are committed, so empty the tables before loading again",
            c.text,
            broken.join(", ")
        )))
    }
}

/// A load stopped: the error and, when a row was refused, which.
type Stop = (DbError, Option<FailedRow>);

/// Generates rows `rows` of entity `e` in workers and feeds them to `load` in order.
fn pump(
    job: &LoadJob<'_>,
    e: usize,
    rows: &Range<u64>,
    load: &mut TableLoad<'_>,
    progress: &dyn Progress,
) -> Result<(), Stop> {
    let plan = job.plan;
    let table = plan.table(e);
    let encoder = Encoder::new(job.to.dialect);
    let ranges = chunks(rows, job.chunk_rows);
    let make = |r: &Range<u64>| encoder.encode(table, plan.chunk(e, r.clone()));
    let mut batch = Batch::default();
    load.begin()?;
    if job.threads <= 1 || ranges.len() <= 1 {
        for r in &ranges {
            load.take(make(r), &mut batch, progress)?;
        }
    } else {
        let threads = job.threads.min(ranges.len());
        std::thread::scope(|scope| {
            let mut receivers = Vec::with_capacity(threads);
            for w in 0..threads {
                let (tx, rx) = mpsc::sync_channel::<Piece>(2);
                receivers.push(rx);
                let (ranges, make) = (&ranges, &make);
                scope.spawn(move || {
                    for r in ranges.iter().skip(w).step_by(threads) {
                        if tx.send(make(r)).is_err() {
                            return;
                        }
                    }
                });
            }
            for i in 0..ranges.len() {
                let piece = receivers[i % threads]
                    .recv()
                    .map_err(|_| (DbError::new("a generator thread stopped"), None))?;
                load.take(piece, &mut batch, progress)?;
            }
            // Dropping the receivers (on error too) stops the workers.
            Ok::<(), Stop>(())
        })?;
    }
    load.finish(&mut batch)
}

/// The pieces sent in the open transaction, kept until it commits.
#[derive(Default)]
struct Batch {
    pieces: Vec<Piece>,
    rows: u64,
}

/// The load of one table.
struct TableLoad<'a> {
    conn: &'a mut dyn Connection,
    table: &'a TableSchema,
    commit_rows: u64,
    /// Rows the table holds, committed.
    committed: u64,
    bytes: u64,
    /// Inside a transaction the caller opened and commits (a cycle loaded with deferred
    /// checks): no commits here, and a failure rolls the whole transaction back.
    grouped: bool,
}

impl TableLoad<'_> {
    fn begin(&mut self) -> Result<(), Stop> {
        if self.grouped {
            return Ok(());
        }
        self.conn.begin().map_err(|e| (e, None))
    }

    /// Sends one piece; commits when the batch is full.
    fn take(
        &mut self,
        piece: Piece,
        batch: &mut Batch,
        progress: &dyn Progress,
    ) -> Result<(), Stop> {
        let len = piece.len;
        let sent = self.conn.send(self.table, &piece, 0..len);
        batch.rows += len as u64;
        batch.pieces.push(piece);
        match sent {
            Ok(bytes) => self.bytes += bytes,
            Err(error) => return Err(self.locate(batch, error)),
        }
        progress.advance(len as u64, self.bytes);
        if batch.rows >= self.commit_rows && !self.grouped {
            self.commit(batch)?;
            self.begin()?;
        }
        Ok(())
    }

    fn commit(&mut self, batch: &mut Batch) -> Result<(), Stop> {
        if self.grouped {
            // Counted now; the caller's commit makes it so (or rolls everything back).
            self.committed += batch.rows;
            batch.pieces.clear();
            batch.rows = 0;
            return Ok(());
        }
        if let Err(error) = self.conn.commit() {
            return Err(self.locate(batch, error));
        }
        self.committed += batch.rows;
        batch.pieces.clear();
        batch.rows = 0;
        Ok(())
    }

    /// Commits the last batch.
    fn finish(&mut self, batch: &mut Batch) -> Result<(), Stop> {
        self.commit(batch)
    }

    /// Sends the first `n` rows of the batch in a new transaction.
    fn send_prefix(&mut self, batch: &Batch, n: u64) -> Result<(), DbError> {
        self.conn.begin()?;
        let mut left = n;
        for piece in &batch.pieces {
            if left == 0 {
                break;
            }
            let take = usize::try_from(left).unwrap_or(usize::MAX).min(piece.len);
            self.conn.send(self.table, piece, 0..take)?;
            left -= take as u64;
        }
        Ok(())
    }

    /// After the batch failed with `error`: finds its first refused row (the shortest failing
    /// prefix, by bisection, each try rolled back), commits the rows before it and says which.
    fn locate(&mut self, batch: &Batch, error: DbError) -> Stop {
        let _ = self.conn.rollback();
        if self.grouped {
            // The whole run of tables is rolled back: there is no prefix to keep.
            return (error, None);
        }
        let first = batch.pieces.first().map_or(self.committed, |p| p.start);
        // A connection that cannot even run an empty transaction is gone: report as is.
        let alive = self.conn.begin().and_then(|()| self.conn.rollback());
        if alive.is_err() || batch.rows == 0 {
            return (error, None);
        }
        let (mut good, mut bad, mut bad_error) = (0u64, batch.rows, error);
        while bad - good > 1 {
            let mid = good + (bad - good) / 2;
            let tried = self.send_prefix(batch, mid);
            let _ = self.conn.rollback();
            match tried {
                Ok(()) => good = mid,
                Err(e) => {
                    bad = mid;
                    bad_error = e;
                }
            }
        }
        // Keep the rows before the refused one.
        let kept = self
            .send_prefix(batch, good)
            .and_then(|()| self.conn.commit());
        if kept.is_ok() {
            self.committed = first + good;
        } else {
            let _ = self.conn.rollback();
        }
        let failed = FailedRow {
            table: self.table.name.clone(),
            row: first + good,
        };
        (bad_error, Some(failed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cut_at_multiples_of_the_size() {
        assert_eq!(chunks(&(5..25), 10), vec![5..10, 10..20, 20..25]);
        assert!(chunks(&(7..7), 10).is_empty());
    }
}
