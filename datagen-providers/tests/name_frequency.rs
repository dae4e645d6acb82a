//! Names follow their country's frequencies: the names drawn most are those the national
//! statistics name as the commonest (lists written out here on their own), far above a typical
//! name.

use std::collections::HashMap;

use datagen_core::{Ctx, Locale};
use datagen_providers::person;

/// Counts of `n` draws of `provider` in `locale`.
fn counts(
    locale: Locale,
    n: usize,
    provider: fn(&mut Ctx) -> &'static str,
) -> Vec<(&'static str, usize)> {
    let mut ctx = Ctx::seeded(17).with_locale(locale);
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for _ in 0..n {
        *counts.entry(provider(&mut ctx)).or_default() += 1;
    }
    let mut sorted: Vec<_> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    sorted
}

/// Among the commonest first names of each country (national statistics offices' lists of the
/// population's given names: ONS, Destatis/GfdS, INSEE, INE, ISTAT, IBGE, Meertens Institute;
/// China's Ministry of Public Security for 2019).
const COMMON_FIRST: [(Locale, &[&str]); 8] = [
    (
        Locale::EnGb,
        &[
            "John",
            "David",
            "Michael",
            "James",
            "Robert",
            "William",
            "Margaret",
            "Susan",
            "Mary",
            "Elizabeth",
            "Paul",
            "Peter",
            "Sarah",
            "Patricia",
        ],
    ),
    (
        Locale::DeDe,
        &[
            "Thomas", "Michael", "Andreas", "Peter", "Wolfgang", "Klaus", "Jürgen", "Hans",
            "Stefan", "Ursula", "Maria", "Monika", "Petra", "Sabine", "Werner", "Manfred",
            "Günter", "Helmut", "Frank", "Uwe", "Dieter", "Horst",
        ],
    ),
    (
        Locale::FrFr,
        &[
            "Marie",
            "Jean",
            "Pierre",
            "Michel",
            "Philippe",
            "Alain",
            "Nicolas",
            "Jacques",
            "Nathalie",
            "Isabelle",
            "Françoise",
            "Monique",
            "Claude",
            "Sylvie",
            "Catherine",
            "Bernard",
            "André",
            "Daniel",
            "Christian",
        ],
    ),
    (
        Locale::EsEs,
        &[
            "María",
            "José",
            "Antonio",
            "Manuel",
            "Francisco",
            "Juan",
            "Carmen",
            "David",
            "Javier",
            "Luis",
            "Ana",
            "Josefa",
            "Isabel",
            "Dolores",
            "Pilar",
            "Jesús",
            "Carlos",
            "Miguel",
        ],
    ),
    (
        Locale::ItIt,
        &[
            "Maria",
            "Giuseppe",
            "Antonio",
            "Giovanni",
            "Mario",
            "Luigi",
            "Francesco",
            "Anna",
            "Rosa",
            "Giuseppina",
            "Angela",
            "Marco",
            "Andrea",
            "Salvatore",
            "Franco",
            "Roberto",
            "Paolo",
        ],
    ),
    (
        Locale::PtBr,
        &[
            "Maria",
            "José",
            "Ana",
            "João",
            "Antônio",
            "Francisco",
            "Carlos",
            "Paulo",
            "Pedro",
            "Lucas",
            "Luiz",
            "Marcos",
            "Luis",
            "Gabriel",
            "Rafael",
        ],
    ),
    (
        Locale::NlNl,
        &[
            "Jan", "Johannes", "Peter", "Maria", "Anna", "Cornelis", "Hendrik", "Willem", "Pieter",
            "Gerrit", "Mark", "Johanna", "Dirk", "Jacobus",
        ],
    ),
    (
        Locale::ZhCn,
        &[
            "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "燕", "利", "莉", "岩",
        ],
    ),
];

/// The commonest surname of each country (the same offices; Japan: Meiji Yasuda's survey).
const COMMONEST_LAST: [(Locale, &str); 9] = [
    (Locale::EnGb, "Smith"),
    (Locale::DeDe, "Müller"),
    (Locale::FrFr, "Martin"),
    (Locale::EsEs, "García"),
    (Locale::ItIt, "Rossi"),
    (Locale::PtBr, "Silva"),
    (Locale::JaJp, "佐藤"),
    (Locale::ZhCn, "王"),
    (Locale::NlNl, "de Jong"),
];

#[test]
fn the_commonest_first_names_are_drawn_most() {
    for (locale, common) in COMMON_FIRST {
        let drawn = counts(locale, 50_000, person::first_name);
        let top: Vec<&str> = drawn.iter().take(5).map(|(n, _)| *n).collect();
        let known = top.iter().filter(|n| common.contains(n)).count();
        assert!(
            known >= 3,
            "{locale}: the five names drawn most are {top:?}"
        );
        let median = drawn[drawn.len() / 2].1.max(1);
        assert!(
            drawn[0].1 >= 8 * median,
            "{locale}: {:?} vs median {median}",
            drawn[0]
        );
    }
    // ja_JP: Faker's few first names, weighted by their romaji's frequency class in Japan.
    let drawn = counts(Locale::JaJp, 50_000, person::first_name);
    assert!(drawn[0].1 >= 4 * drawn[drawn.len() / 2].1, "{drawn:?}");
}

#[test]
fn the_commonest_surname_is_drawn_most() {
    for (locale, commonest) in COMMONEST_LAST {
        let drawn = counts(locale, 50_000, person::last_name);
        assert_eq!(drawn[0].0, commonest, "{locale}: {:?}", &drawn[..5]);
        let median = drawn[drawn.len() / 2].1.max(1);
        // Faker's ja_JP list holds only the hundred commonest surnames: its median is common.
        let factor = if locale == Locale::JaJp { 4 } else { 8 };
        assert!(
            drawn[0].1 >= factor * median,
            "{locale}: {:?} vs median {median}",
            drawn[0]
        );
    }
}
