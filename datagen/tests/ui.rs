//! Compile-fail tests: one file per attribute under `tests/ui/`, with the exact errors expected.
//! After a deliberate change, regenerate with `TRYBUILD=overwrite cargo test -p datagen --test ui`
//! and review the `.stderr` diffs.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
