//! Custom providers: registration in Rust, word lists from files, and lookups next to built-ins.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;

use datagen_core::Ctx;
use datagen_providers::{
    RegisterError, WordList, find, find_any, providers, register, register_word_list,
};

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("datagen-custom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path
}

#[test]
fn registered_functions_are_found_and_listed() {
    register("test.fixed", "always x", |_, out| out.push('x')).unwrap();
    let p = find_any("test.fixed").expect("registered");
    assert!(!p.is_builtin());
    assert_eq!(p.description(), "always x");
    let mut out = String::new();
    p.write(&mut Ctx::seeded(1), &mut out);
    assert_eq!(out, "x");
    assert!(find("test.fixed").is_none(), "find stays built-in only");
    // Built-ins through find_any, and both in the sorted listing.
    assert!(
        find_any("person.first_name")
            .expect("built-in")
            .is_builtin()
    );
    let names: Vec<String> = providers().iter().map(|p| p.name().to_owned()).collect();
    assert!(names.contains(&"test.fixed".to_owned()));
    assert!(names.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn clashes_and_bad_names_are_rejected() {
    register("test.twice", "one", |_, out| out.push('1')).unwrap();
    assert_eq!(
        register("test.twice", "two", |_, out| out.push('2')),
        Err(RegisterError::Duplicate("test.twice".into()))
    );
    assert_eq!(
        register("person.first_name", "mine", |_, _| {}),
        Err(RegisterError::Builtin("person.first_name".into()))
    );
    // A new name in a built-in family would be taken for a built-in by the derive.
    assert_eq!(
        register("person.nickname", "mine", |_, _| {}),
        Err(RegisterError::BuiltinFamily("person.nickname".into()))
    );
    for bad in ["nodot", "Test.x", "test.", "a.b.c", "test.x y"] {
        assert_eq!(
            register(bad, "", |_, _| {}),
            Err(RegisterError::InvalidName(bad.into()))
        );
    }
    let list = WordList::from_pairs([("a", 1)]).unwrap();
    assert!(matches!(
        register_word_list("test.twice", list),
        Err(RegisterError::Duplicate(_))
    ));
}

#[test]
fn csv_weights_set_frequencies() {
    let path = temp_file(
        "colours.csv",
        "# colours\nvalue,weight\nred,5\ngreen,3\n\n\"blue, dark\",2\n",
    );
    let list = WordList::from_path(&path).unwrap();
    assert_eq!(list.values(), ["red", "green", "blue, dark"]);
    register_word_list("test.colour", list).unwrap();
    let p = find_any("test.colour").unwrap();
    assert!(p.description().contains("colours.csv"));
    let mut ctx = Ctx::seeded(7);
    let mut counts: HashMap<String, u32> = HashMap::new();
    let draws = 100_000;
    for _ in 0..draws {
        let mut out = String::new();
        p.write(&mut ctx, &mut out);
        *counts.entry(out).or_default() += 1;
    }
    for (value, weight) in [("red", 0.5), ("green", 0.3), ("blue, dark", 0.2)] {
        let share = f64::from(counts[value]) / f64::from(draws);
        assert!((share - weight).abs() < 0.01, "{value}: {share}");
    }
}

#[test]
fn text_lists_are_uniform() {
    let path = temp_file("plain.txt", "# fruit\napple\n\nbanana\ncherry\n");
    let list = WordList::from_path(&path).unwrap();
    assert_eq!(list.values(), ["apple", "banana", "cherry"]);
    let mut ctx = Ctx::seeded(3);
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for _ in 0..30_000 {
        *counts.entry(list.pick(&mut ctx)).or_default() += 1;
    }
    for v in ["apple", "banana", "cherry"] {
        assert!((9_400..10_600).contains(&counts[v]), "{counts:?}");
    }
}

#[test]
fn file_errors_name_the_file_and_line() {
    let cases = [
        (
            "bad_weight.csv",
            "value,weight\nred,5\ngreen,lots\n",
            Some(3),
            "weight `lots`",
        ),
        ("zero.csv", "red,0\n", Some(1), "weight"),
        (
            "columns.csv",
            "# c\nred,1\nblue,1,2\n",
            Some(3),
            "more columns",
        ),
        ("quote.csv", "\"open,1\n", Some(1), "unterminated"),
        ("empty.csv", "# nothing\nvalue,weight\n", None, "no values"),
        ("empty.txt", "\n# only comments\n", None, "no values"),
    ];
    for (name, text, line, what) in cases {
        let path = temp_file(name, text);
        let e = WordList::from_path(&path).expect_err(name);
        assert_eq!(e.line, line, "{name}: {e}");
        let message = e.to_string();
        assert!(message.contains(name), "{message}");
        assert!(message.contains(what), "{message}");
        if let Some(line) = line {
            assert!(message.contains(&format!("line {line}")), "{message}");
        }
    }
    let e = WordList::from_path("/nonexistent/words.txt").unwrap_err();
    assert!(e.to_string().contains("/nonexistent/words.txt"), "{e}");
    let e = WordList::from_path(temp_file("words.json", "[]")).unwrap_err();
    assert!(e.to_string().contains("unsupported"), "{e}");
}

#[test]
fn the_same_file_registers_again_and_another_does_not() {
    let first = temp_file("reread.txt", "one\n");
    register_word_list("test.reread", WordList::from_path(&first).unwrap()).unwrap();
    // The file changed and is read again (a config read twice): the new values replace the old.
    std::fs::write(&first, "two\n").unwrap();
    register_word_list("test.reread", WordList::from_path(&first).unwrap()).unwrap();
    let mut out = String::new();
    find_any("test.reread")
        .unwrap()
        .write(&mut Ctx::seeded(1), &mut out);
    assert_eq!(out, "two");
    let other = temp_file("reread_other.txt", "three\n");
    assert!(matches!(
        register_word_list("test.reread", WordList::from_path(&other).unwrap()),
        Err(RegisterError::Duplicate(_))
    ));
}

#[test]
fn the_families_are_those_the_derive_builds_in() {
    // `#[derive(Generate)]` tells built-in providers from custom ones by these families (its
    // `BUILTIN_FAMILIES`): a new family needs adding there too.
    let families: std::collections::BTreeSet<&str> = datagen_providers::registry()
        .iter()
        .filter_map(|p| p.name.split_once('.').map(|(family, _)| family))
        .collect();
    let derive: std::collections::BTreeSet<&str> = [
        "address",
        "company",
        "finance",
        "geo",
        "healthcare",
        "internet",
        "lorem",
        "person",
        "phone",
        "retail",
        "tech",
        "time",
    ]
    .into();
    assert_eq!(families, derive);
}
