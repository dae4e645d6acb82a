//! Regression safety for fixtures: [`assert_stable`] keeps a snapshot of generated values in the
//! calling crate's `tests/snapshots/`, so a change in what a seed gives is noticed.
//!
//! A missing snapshot is written and the assertion passes (unless `CI` is set, where it fails:
//! snapshots are reviewed and committed). A different one fails with the first differing line;
//! rerun with `DATAGEN_UPDATE_SNAPSHOTS=1` to accept the new values, then review the diff.

use std::fmt::Debug;
use std::path::PathBuf;

/// The environment variable that makes [`assert_stable`] rewrite snapshots.
pub const UPDATE_VAR: &str = "DATAGEN_UPDATE_SNAPSHOTS";

/// Asserts that `values` print (with `{:#?}`) as the snapshot `name` recorded them, in
/// `tests/snapshots/<name>.snap` under the crate being tested (`CARGO_MANIFEST_DIR`).
///
/// ```no_run
/// use datagen::prelude::*;
/// # #[derive(Generate, Debug)] struct Customer { #[datagen(range = 18..=90)] age: u8 }
/// let ctx = Ctx::seeded(42);
/// let customers: Vec<Customer> = (0..5).map(|i| Customer::generate_at(&ctx, i)).collect();
/// datagen::testing::assert_stable("customers_seed_42", &customers);
/// ```
///
/// # Panics
/// When the values differ from the snapshot, when the snapshot is missing under `CI`, when
/// `name` is not a plain file name, or when the snapshot can't be read or written.
#[track_caller]
pub fn assert_stable<T: Debug + ?Sized>(name: &str, values: &T) {
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)),
        "snapshot name `{name}` must be a plain file name (letters, digits, `_`, `-`, `.`)"
    );
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| ".".into()))
        .join("tests")
        .join("snapshots");
    let path = dir.join(format!("{name}.snap"));
    let actual = format!("{values:#?}\n");
    let update = std::env::var_os(UPDATE_VAR).is_some_and(|v| v != "0");
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(_) | Err(_) if update => write(&dir, &path, &actual),
        Ok(expected) => {
            let (line, (want, got)) = expected
                .lines()
                .chain(std::iter::repeat(""))
                .zip(actual.lines().chain(std::iter::repeat("")))
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((0, ("", "")));
            panic!(
                "generated values changed from snapshot `{}` at line {}:\n  was: {want}\n  now: {got}\n\
                 rerun with {UPDATE_VAR}=1 to accept them, then review the diff",
                path.display(),
                line + 1
            );
        }
        Err(_) if std::env::var_os("CI").is_some() => panic!(
            "snapshot `{}` is missing; run the tests locally to write it, review it and commit it",
            path.display()
        ),
        Err(_) => write(&dir, &path, &actual),
    }
}

fn write(dir: &std::path::Path, path: &std::path::Path, contents: &str) {
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(path, contents))
        .unwrap_or_else(|e| panic!("can't write snapshot `{}`: {e}", path.display()));
}
