//! Healthcare providers: `healthcare.npi`, `healthcare.icd10`, `healthcare.blood_type`,
//! `healthcare.drug`, `healthcare.dose`, `healthcare.mrn`, and the vital signs
//! `healthcare.heart_rate`, `healthcare.blood_pressure`, `healthcare.temperature`,
//! `healthcare.respiratory_rate`, `healthcare.oxygen_saturation`.
//!
//! NPIs carry the Luhn check digit over the 80840 prefix, as CMS computes it; ICD-10-CM codes are
//! real billable codes from the CMS code set, with their descriptions; vital signs stay within
//! the ranges an adult patient's chart shows, mostly normal, sometimes abnormal.

use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::digits::{luhn_check_digit, push_digits, push_random_digits, random_digits};
use crate::table::table;
use crate::text::push_padded;

mod icd10;
pub use icd10::{icd10, icd10_description, icd10_entry};

table!(
    /// Generic drug names (INNs) from the WHO Model List of Essential Medicines.
    DRUG: 1, "healthcare/drug.tsv", false
);

/// Every locale: values that do not depend on the country.
pub(crate) const ALL: &[Locale] = &Locale::ALL;
/// en_US only: US systems (NPI, ICD-10-CM) and US population frequencies.
pub(crate) const US: &[Locale] = &[Locale::EnUs];
/// English-speaking locales: drug names are the English INNs.
pub(crate) const ENGLISH: &[Locale] = &[Locale::EnUs, Locale::EnGb];

/// A US National Provider Identifier, 10 digits, such as `1234567893` (`healthcare.npi`).
///
/// The first digit is 1 or 2, as CMS issues them, and the last is the Luhn check digit computed
/// over the number prefixed with 80840 (the ISO 7812 health-industry prefix), so NPPES and claim
/// validators accept it. Safe mode changes nothing: no NPI range is reserved for tests, so a
/// value may be a real provider's (NPIs are public).
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(9);
/// let npi = datagen_providers::healthcare::npi(&mut ctx);
/// assert_eq!(npi.len(), 10);
/// ```
pub fn npi(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(10);
    write_npi(ctx, &mut out);
    out
}

/// Appends an NPI to `out`; see [`npi`].
pub fn write_npi(ctx: &mut Ctx, out: &mut String) {
    let mut digits = Vec::with_capacity(15);
    digits.extend([8, 0, 8, 4, 0, 1 + ctx.below(2) as u8]);
    random_digits(ctx, &mut digits, 8);
    let check = luhn_check_digit(&digits);
    push_digits(out, &digits[5..]);
    out.push(char::from(b'0' + check));
}

/// ABO and Rh blood groups with cumulative weights: the US donor population's frequencies in
/// tenths of a percent (American Red Cross).
const BLOOD_TYPES: [(&str, u64); 8] = [
    ("O+", 374),
    ("O-", 440),
    ("A+", 797),
    ("A-", 860),
    ("B+", 945),
    ("B-", 960),
    ("AB+", 994),
    ("AB-", 1000),
];

/// A blood group such as `O+` or `AB-`, weighted by the US population's frequencies: O+ 37%,
/// AB- 0.6% (`healthcare.blood_type`). Safe mode changes nothing.
#[inline]
pub fn blood_type(ctx: &mut Ctx) -> &'static str {
    let x = ctx.below(1000);
    BLOOD_TYPES
        .iter()
        .find(|&&(_, c)| x < c)
        .map_or("O+", |&(kind, _)| kind)
}

/// A generic drug name (INN) from the WHO Model List of Essential Medicines, lowercase, such as
/// `amoxicillin` (`healthcare.drug`). Safe mode changes nothing.
#[inline]
pub fn drug(ctx: &mut Ctx) -> &'static str {
    DRUG.pick(ctx)[0]
}

/// Dose strengths as products print them: (value, unit), by unit family.
const DOSES_MG: [&str; 22] = [
    "1", "2", "2.5", "5", "10", "20", "25", "40", "50", "75", "100", "125", "150", "200", "250",
    "300", "400", "500", "600", "750", "800", "1000",
];
const DOSES_MCG: [&str; 9] = ["25", "50", "75", "88", "100", "112", "125", "150", "200"];
const DOSES_ML: [&str; 5] = ["2.5", "5", "10", "15", "20"];
const DOSES_UNITS: [&str; 6] = ["5", "10", "20", "40", "100", "1000"];

/// A dose with its unit, such as `500 mg`, `50 mcg`, `5 mL` or `10 units`, from the strengths
/// medicines come in (`healthcare.dose`). Safe mode changes nothing.
pub fn dose(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(10);
    write_dose(ctx, &mut out);
    out
}

/// Appends a dose to `out`; see [`dose`].
pub fn write_dose(ctx: &mut Ctx, out: &mut String) {
    let (values, unit): (&[&str], &str) = match pick_cumulative(ctx, &[75, 87, 95, 100]) {
        0 => (&DOSES_MG, " mg"),
        1 => (&DOSES_MCG, " mcg"),
        2 => (&DOSES_ML, " mL"),
        _ => (&DOSES_UNITS, " units"),
    };
    out.push_str(ctx.pick::<&str>(values));
    out.push_str(unit);
}

/// A medical record number: 8 digits, zero-padded, such as `00482913` (`healthcare.mrn`).
///
/// Hospitals number records their own way; eight digits is a common width. Safe mode changes
/// nothing: an MRN means something only inside one hospital's records.
pub fn mrn(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(8);
    write_mrn(ctx, &mut out);
    out
}

/// Appends a medical record number to `out`; see [`mrn`].
pub fn write_mrn(ctx: &mut Ctx, out: &mut String) {
    push_random_digits(ctx, out, 8);
}

/// A value in `normal` nine times in ten, else in `abnormal` (a wider range around it): the
/// mix a ward's charts show.
fn vital(ctx: &mut Ctx, normal: (u32, u32), abnormal: (u32, u32)) -> u32 {
    let (low, high) = if ctx.chance(0.9) { normal } else { abnormal };
    // The mean of two draws: values bunch toward the middle of the range, as measurements do.
    (ctx.range(low..=high) + ctx.range(low..=high)) / 2
}

/// A resting heart rate in beats per minute, such as `72`: 60–100 mostly, 40–150 at most
/// (`healthcare.heart_rate`). Safe mode changes nothing.
pub fn heart_rate(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(3);
    write_heart_rate(ctx, &mut out);
    out
}

/// Appends a heart rate to `out`; see [`heart_rate`].
pub fn write_heart_rate(ctx: &mut Ctx, out: &mut String) {
    push_padded(out, vital(ctx, (60, 100), (40, 150)), 1);
}

/// A blood pressure in mmHg, systolic over diastolic, such as `120/80`: systolic 90–200,
/// diastolic 50–120, the pulse pressure 25–80 (`healthcare.blood_pressure`). Safe mode changes
/// nothing.
pub fn blood_pressure(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(7);
    write_blood_pressure(ctx, &mut out);
    out
}

/// Appends a blood pressure to `out`; see [`blood_pressure`].
pub fn write_blood_pressure(ctx: &mut Ctx, out: &mut String) {
    let systolic = vital(ctx, (100, 139), (90, 200));
    // Pulse pressure (systolic minus diastolic) is 40 or so; keep diastolic in 50..=120.
    let pulse = vital(ctx, (30, 55), (25, 80));
    let diastolic = systolic.saturating_sub(pulse).clamp(50, 120);
    let diastolic = diastolic.min(systolic - 25);
    push_padded(out, systolic, 1);
    out.push('/');
    push_padded(out, diastolic, 1);
}

/// A body temperature with one decimal: in °F for en_US (such as `98.6`: 97.0–99.5 mostly,
/// 95.0–104.0 at most), in °C elsewhere (such as `36.8`: 36.1–37.5 mostly, 35.0–40.0 at most)
/// (`healthcare.temperature`). Safe mode changes nothing.
pub fn temperature(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(5);
    write_temperature(ctx, &mut out);
    out
}

/// Appends a temperature to `out`; see [`temperature`].
pub fn write_temperature(ctx: &mut Ctx, out: &mut String) {
    let tenths = if ctx.locale() == Locale::EnUs {
        vital(ctx, (970, 995), (950, 1040))
    } else {
        vital(ctx, (361, 375), (350, 400))
    };
    push_padded(out, tenths / 10, 1);
    out.push('.');
    push_padded(out, tenths % 10, 1);
}

/// A respiratory rate in breaths per minute, such as `16`: 12–20 mostly, 8–35 at most
/// (`healthcare.respiratory_rate`). Safe mode changes nothing.
pub fn respiratory_rate(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(2);
    write_respiratory_rate(ctx, &mut out);
    out
}

/// Appends a respiratory rate to `out`; see [`respiratory_rate`].
pub fn write_respiratory_rate(ctx: &mut Ctx, out: &mut String) {
    push_padded(out, vital(ctx, (12, 20), (8, 35)), 1);
}

/// An oxygen saturation (SpO₂) in percent, such as `98`: 95–100 mostly, 85–100 at most
/// (`healthcare.oxygen_saturation`). Safe mode changes nothing.
pub fn oxygen_saturation(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(3);
    write_oxygen_saturation(ctx, &mut out);
    out
}

/// Appends an oxygen saturation to `out`; see [`oxygen_saturation`].
pub fn write_oxygen_saturation(ctx: &mut Ctx, out: &mut String) {
    push_padded(out, vital(ctx, (95, 100), (85, 100)), 1);
}
