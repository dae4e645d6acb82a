//! The coherent address outside the US: each place's postcode lies in the place's region, checked
//! against each country's postcode plan as the postal operators publish it (written out here on
//! their own, not read from the crate's data).

mod common;

use std::collections::HashMap;

use common::DRAWS;
use datagen_core::{Ctx, Locale};
use datagen_providers::address;

/// Draws places of `locale` over several seeds and calls `check(region, postcode, city)`.
fn each_place(locale: Locale, mut check: impl FnMut(&str, &str, &str)) {
    for seed in [0, 1, 42, 7] {
        let mut ctx = Ctx::seeded(seed).with_locale(locale);
        for _ in 0..DRAWS {
            let p = address::place(&mut ctx);
            let region = p.state.expect("every place has a region");
            check(region, &p.postcode, p.city);
        }
    }
}

/// The leading `n` digits of a postcode as a number.
fn lead(postcode: &str, n: usize) -> u32 {
    let digits: String = postcode
        .chars()
        .filter(char::is_ascii_digit)
        .take(n)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no digits in {postcode}"))
}

/// Brazil: the CEP ranges of each state (Correios, faixas de CEP por UF).
const BR_CEP: [(&str, &[(u32, u32)]); 27] = [
    ("São Paulo", &[(1000, 19999)]),
    ("Rio de Janeiro", &[(20000, 28999)]),
    ("Espírito Santo", &[(29000, 29999)]),
    ("Minas Gerais", &[(30000, 39999)]),
    ("Bahia", &[(40000, 48999)]),
    ("Sergipe", &[(49000, 49999)]),
    ("Pernambuco", &[(50000, 56999)]),
    ("Alagoas", &[(57000, 57999)]),
    ("Paraíba", &[(58000, 58999)]),
    ("Rio Grande do Norte", &[(59000, 59999)]),
    ("Ceará", &[(60000, 63999)]),
    ("Piauí", &[(64000, 64999)]),
    ("Maranhão", &[(65000, 65999)]),
    ("Pará", &[(66000, 68899)]),
    ("Amapá", &[(68900, 68999)]),
    ("Amazonas", &[(69000, 69299), (69400, 69899)]),
    ("Roraima", &[(69300, 69399)]),
    ("Acre", &[(69900, 69999)]),
    ("Distrito Federal", &[(70000, 72799), (73000, 73699)]),
    ("Goiás", &[(72800, 72999), (73700, 76799)]),
    ("Rondônia", &[(76800, 76999)]),
    ("Tocantins", &[(77000, 77999)]),
    ("Mato Grosso", &[(78000, 78899)]),
    ("Mato Grosso do Sul", &[(79000, 79999)]),
    ("Paraná", &[(80000, 87999)]),
    ("Santa Catarina", &[(88000, 89999)]),
    ("Rio Grande do Sul", &[(90000, 99999)]),
];

#[test]
fn brazilian_ceps_lie_in_the_state() {
    let ranges: HashMap<&str, &[(u32, u32)]> = BR_CEP.into_iter().collect();
    let mut states = std::collections::HashSet::new();
    each_place(Locale::PtBr, |state, cep, city| {
        let b = cep.as_bytes();
        assert!(b.len() == 9 && b[5] == b'-', "{cep}");
        let five = lead(cep, 5);
        assert!(
            ranges[state]
                .iter()
                .any(|&(lo, hi)| (lo..=hi).contains(&five)),
            "{city}, {state}: CEP {cep} of another state"
        );
        states.insert(state.to_owned());
    });
    assert!(states.len() >= 25, "{states:?}");
}

/// Mainland China: the first two digits of a postcode by province (China Post).
const CN_PREFIX: [(&str, &[u32]); 31] = [
    ("北京市", &[10]),
    ("上海市", &[20]),
    ("天津市", &[30]),
    ("重庆市", &[40]),
    ("内蒙古自治区", &[1, 2]),
    ("山西省", &[3, 4]),
    ("河北省", &[5, 6, 7]),
    ("辽宁省", &[11, 12]),
    ("吉林省", &[13]),
    ("黑龙江省", &[15, 16]),
    ("江苏省", &[21, 22]),
    ("安徽省", &[23, 24]),
    ("山东省", &[25, 26, 27]),
    ("浙江省", &[31, 32]),
    ("江西省", &[33, 34]),
    ("福建省", &[35, 36]),
    ("湖南省", &[41, 42]),
    ("湖北省", &[43, 44]),
    ("河南省", &[45, 46, 47]),
    ("广东省", &[51, 52]),
    ("广西壮族自治区", &[53, 54]),
    ("贵州省", &[55, 56]),
    ("海南省", &[57]),
    ("四川省", &[61, 62, 63, 64]),
    ("云南省", &[65, 66, 67]),
    ("陕西省", &[71, 72]),
    ("甘肃省", &[73, 74]),
    ("宁夏回族自治区", &[75]),
    ("青海省", &[81]),
    ("新疆维吾尔自治区", &[83, 84]),
    ("西藏自治区", &[85, 86]),
];

#[test]
fn chinese_postcodes_lie_in_the_province() {
    let prefixes: HashMap<&str, &[u32]> = CN_PREFIX.into_iter().collect();
    each_place(Locale::ZhCn, |province, postcode, city| {
        assert!(
            postcode.len() == 6 && postcode.bytes().all(|b| b.is_ascii_digit()),
            "{postcode}"
        );
        assert!(
            prefixes[province].contains(&lead(postcode, 2)),
            "{city}, {province}: postcode {postcode} of another province"
        );
    });
}

/// Spain: a postcode's first two digits are the province (INE code); the provinces of each
/// autonomous community.
const ES_PROVINCES: [(&str, &[u32]); 19] = [
    ("Andalucía", &[4, 11, 14, 18, 21, 23, 29, 41]),
    ("Aragón", &[22, 44, 50]),
    ("Principado de Asturias", &[33]),
    ("Illes Balears", &[7]),
    ("Canarias", &[35, 38]),
    ("Cantabria", &[39]),
    ("Castilla y León", &[5, 9, 24, 34, 37, 40, 42, 47, 49]),
    ("Castilla-La Mancha", &[2, 13, 16, 19, 45]),
    ("Cataluña", &[8, 17, 25, 43]),
    ("Comunitat Valenciana", &[3, 12, 46]),
    ("Extremadura", &[6, 10]),
    ("Galicia", &[15, 27, 32, 36]),
    ("Comunidad de Madrid", &[28]),
    ("Región de Murcia", &[30]),
    ("Comunidad Foral de Navarra", &[31]),
    ("País Vasco", &[1, 20, 48]),
    ("La Rioja", &[26]),
    ("Ceuta", &[51]),
    ("Melilla", &[52]),
];

#[test]
fn spanish_postcodes_lie_in_the_community() {
    let provinces: HashMap<&str, &[u32]> = ES_PROVINCES.into_iter().collect();
    each_place(Locale::EsEs, |community, postcode, city| {
        assert!(
            postcode.len() == 5 && postcode.bytes().all(|b| b.is_ascii_digit()),
            "{postcode}"
        );
        assert!(
            provinces[community].contains(&lead(postcode, 2)),
            "{city}, {community}: postcode {postcode} of another community"
        );
    });
}

/// Japan: the first three digits of a postcode by prefecture (Japan Post's allocation).
const JP_PREFIX: [(&str, &[(u32, u32)]); 47] = [
    ("北海道", &[(1, 9), (40, 99)]),
    ("青森県", &[(30, 39)]),
    ("岩手県", &[(20, 29)]),
    ("宮城県", &[(980, 989)]),
    ("秋田県", &[(10, 19)]),
    ("山形県", &[(990, 999)]),
    ("福島県", &[(960, 979)]),
    ("茨城県", &[(300, 319)]),
    ("栃木県", &[(320, 329)]),
    ("群馬県", &[(370, 379)]),
    ("埼玉県", &[(330, 369)]),
    ("千葉県", &[(260, 299)]),
    ("東京都", &[(100, 209)]),
    ("神奈川県", &[(210, 259)]),
    ("新潟県", &[(940, 959)]),
    ("富山県", &[(930, 939)]),
    ("石川県", &[(920, 929)]),
    ("福井県", &[(910, 919)]),
    ("山梨県", &[(400, 409)]),
    ("長野県", &[(380, 399)]),
    ("岐阜県", &[(500, 509)]),
    ("静岡県", &[(410, 439)]),
    ("愛知県", &[(440, 499)]),
    ("三重県", &[(510, 519)]),
    ("滋賀県", &[(520, 529)]),
    ("京都府", &[(600, 629)]),
    ("大阪府", &[(530, 599)]),
    ("兵庫県", &[(650, 679)]),
    ("奈良県", &[(630, 639)]),
    ("和歌山県", &[(640, 649)]),
    ("鳥取県", &[(680, 689)]),
    ("島根県", &[(690, 699)]),
    ("岡山県", &[(700, 719)]),
    ("広島県", &[(720, 739)]),
    ("山口県", &[(740, 759)]),
    ("徳島県", &[(770, 779)]),
    ("香川県", &[(760, 769)]),
    ("愛媛県", &[(790, 799)]),
    ("高知県", &[(780, 789)]),
    ("福岡県", &[(800, 839)]),
    ("佐賀県", &[(840, 849)]),
    // Tsushima (817) and Iki (811-5xxx) were numbered with Fukuoka, their ferry port.
    ("長崎県", &[(850, 859), (811, 811), (817, 817)]),
    ("熊本県", &[(860, 869)]),
    ("大分県", &[(870, 879)]),
    ("宮崎県", &[(880, 889)]),
    ("鹿児島県", &[(890, 899)]),
    ("沖縄県", &[(900, 909)]),
];

#[test]
fn japanese_postcodes_lie_in_the_prefecture() {
    let ranges: HashMap<&str, &[(u32, u32)]> = JP_PREFIX.into_iter().collect();
    let (mut outside, mut total) = (Vec::new(), 0);
    each_place(Locale::JaJp, |prefecture, postcode, city| {
        let b = postcode.as_bytes();
        assert!(b.len() == 8 && b[3] == b'-', "{postcode}");
        let three = lead(postcode, 3);
        total += 1;
        if !ranges[prefecture]
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&three))
        {
            outside.push(format!("{city}, {prefecture}: {postcode}"));
        }
    });
    // A few towns near a border are served by the next prefecture's post office and carry its
    // numbers (parts of Hita, Oita, have Fukuoka's 839); nothing else may fall outside.
    assert!(
        outside.len() * 1000 < total,
        "{} of {total} outside: {:?}",
        outside.len(),
        &outside[..outside.len().min(20)]
    );
}

/// United Kingdom: the Royal Mail postcode areas wholly in Scotland, Wales or Northern Ireland.
const GB_AREAS: [(&str, &[&str]); 3] = [
    (
        "Scotland",
        &[
            "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "ZE",
        ],
    ),
    ("Wales", &["CF", "LL", "NP", "SA"]),
    ("Northern Ireland", &["BT"]),
];

#[test]
fn uk_postcode_areas_lie_in_the_country() {
    let area_country = |area: &str| {
        GB_AREAS
            .iter()
            .find(|(_, areas)| areas.contains(&area))
            .map(|(country, _)| *country)
    };
    each_place(Locale::EnGb, |country, postcode, city| {
        let area: String = postcode
            .chars()
            .take_while(char::is_ascii_uppercase)
            .collect();
        match area_country(&area) {
            // An area wholly in one country: the place's country.
            Some(of) => assert_eq!(of, country, "{city}: {postcode}"),
            // England's areas, and those across a border (TD, LD, SY, CH).
            None => assert!(
                country == "England" || ["TD", "LD", "SY", "CH"].contains(&area.as_str()),
                "{city}, {country}: {postcode}"
            ),
        }
        if country == "Northern Ireland" {
            assert_eq!(area, "BT", "{city}");
        }
    });
}

/// Germany, Italy and the Netherlands: regions whose postcodes start with known digits
/// (Deutsche Post Leitzonen, Poste Italiane CAP by province, PostNL ranges).
const LEADING: [(Locale, &str, usize, &[u32]); 16] = [
    (Locale::DeDe, "Berlin", 2, &[10, 12, 13, 14]),
    (Locale::DeDe, "Hamburg", 2, &[20, 21, 22]),
    (Locale::DeDe, "Bremen", 2, &[27, 28]),
    (Locale::DeDe, "Saarland", 2, &[66]),
    (Locale::DeDe, "Sachsen", 1, &[0]),
    (Locale::ItIt, "Lazio", 2, &[0, 1, 2, 3, 4]),
    (
        Locale::ItIt,
        "Lombardia",
        2,
        &[20, 21, 22, 23, 24, 25, 26, 27, 46],
    ),
    (
        Locale::ItIt,
        "Sicilia",
        2,
        &[90, 91, 92, 93, 94, 95, 96, 97, 98],
    ),
    (Locale::ItIt, "Sardegna", 2, &[7, 8, 9]),
    (Locale::ItIt, "Campania", 2, &[80, 81, 82, 83, 84]),
    (
        Locale::ItIt,
        "Toscana",
        2,
        &[50, 51, 52, 53, 54, 55, 56, 57, 58, 59],
    ),
    (Locale::ItIt, "Piemonte", 2, &[10, 12, 13, 14, 15, 28]),
    (Locale::ItIt, "Puglia", 2, &[70, 71, 72, 73, 74, 76]),
    (Locale::NlNl, "Groningen", 2, &[93, 95, 96, 97, 98, 99]),
    (Locale::NlNl, "Limburg", 1, &[5, 6]),
    (Locale::NlNl, "Zeeland", 1, &[4]),
];

#[test]
fn german_italian_and_dutch_postcodes_lie_in_the_region() {
    for locale in [Locale::DeDe, Locale::ItIt, Locale::NlNl] {
        let mut checked = 0;
        each_place(locale, |region, postcode, city| {
            let digits = if locale == Locale::NlNl { 4 } else { 5 };
            assert_eq!(
                postcode.bytes().filter(u8::is_ascii_digit).count(),
                digits,
                "{postcode}"
            );
            for &(_, name, n, leads) in LEADING.iter().filter(|l| l.0 == locale) {
                if name == region {
                    assert!(
                        leads.contains(&lead(postcode, n)),
                        "{city}, {region}: postcode {postcode} of another region"
                    );
                    checked += 1;
                }
            }
        });
        assert!(checked > 1000, "{locale}: {checked}");
    }
}

/// The United States: a ZIP code's first digit is the USPS national area of its state.
const US_AREAS: [&str; 10] = [
    "CT MA ME NH NJ PR RI VT",
    "DE NY PA",
    "DC MD NC SC VA WV",
    "AL FL GA MS TN",
    "IN KY MI OH",
    "IA MN MT ND SD WI",
    "IL KS MO NE",
    "AR LA OK TX",
    "AZ CO ID NM NV UT WY",
    "AK CA HI OR WA",
];

#[test]
fn us_zip_codes_lie_in_the_states_national_area() {
    let mut zips = std::collections::HashSet::new();
    each_place(Locale::EnUs, |state, zip, city| {
        assert!(
            zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()),
            "{zip}"
        );
        let area = lead(zip, 1) as usize;
        assert!(
            US_AREAS[area].split(' ').any(|s| s == state),
            "{city}, {state}: ZIP {zip} of national area {area}"
        );
        zips.insert(zip.to_owned());
    });
    // The places' own ZIP codes: many of them, not one per state.
    assert!(zips.len() > 5_000, "{}", zips.len());
}
