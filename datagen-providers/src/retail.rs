//! Retail providers: `retail.ean13`, `retail.upc_a`, `retail.isbn13`, `retail.sku`,
//! `retail.product_name`, `retail.category`, `retail.price`, `retail.order_status`,
//! `retail.invoice_number`.
//!
//! Barcodes carry the GS1 check digit and a real GS1 prefix of the locale's country; ISBNs the
//! 978/979 prefix with the locale's registration group. In safe mode barcodes use the prefixes
//! GS1 reserves for in-store use (EAN 200–299, UPC number system 2), which name no real product.

use chrono::Datelike;
use datagen_core::weighted::pick_cumulative;
use datagen_core::{Ctx, Locale};

use crate::digits::{gs1_check_digit, push_digits, push_random_digits, random_digits};
use crate::table::table;
use crate::text::push_padded;

table!(
    /// Retail departments.
    CATEGORY: 1, "retail/category.tsv", false
);
table!(
    /// Product name parts: part (adjective, material, noun), word.
    PRODUCT_WORD: 2, "retail/product_word.tsv", false
);

/// Every locale: values that do not depend on the country.
pub(crate) const ALL: &[Locale] = &Locale::ALL;
/// English locales: English words.
pub(crate) const ENGLISH: &[Locale] = &[Locale::EnUs, Locale::EnGb];
/// en_US only: UPC-A is the US and Canadian barcode.
pub(crate) const US: &[Locale] = &[Locale::EnUs];

/// GS1 prefixes (first three digits, inclusive ranges) of the locale's country's member
/// organisation, from GS1's prefix list.
fn gs1_prefixes(locale: Locale) -> &'static [(u32, u32)] {
    match locale {
        Locale::EnUs => &[(1, 19), (30, 39), (60, 139)],
        Locale::EnGb => &[(500, 509)],
        Locale::DeDe => &[(400, 440)],
        Locale::FrFr => &[(300, 379)],
        Locale::EsEs => &[(840, 849)],
        Locale::ItIt => &[(800, 839)],
        Locale::PtBr => &[(789, 790)],
        Locale::JaJp => &[(450, 459), (490, 499)],
        Locale::ZhCn => &[(690, 699)],
        Locale::NlNl => &[(870, 879)],
        _ => &[(1, 19), (30, 39), (60, 139)],
    }
}

/// An EAN-13 (GTIN-13) barcode number, 13 digits, with a GS1 prefix of the locale's country and
/// the GS1 check digit (`retail.ean13`). Safe mode: prefix 200–299, restricted to in-store use,
/// so the number is no real product's.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(4).with_locale(datagen_core::Locale::DeDe);
/// let ean = datagen_providers::retail::ean13(&mut ctx);
/// assert!(ean.starts_with('4') && ean.len() == 13);
/// ```
pub fn ean13(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(13);
    write_ean13(ctx, &mut out);
    out
}

/// Appends an EAN-13 to `out`; see [`ean13`].
pub fn write_ean13(ctx: &mut Ctx, out: &mut String) {
    let prefix = if ctx.is_safe() {
        ctx.range(200..=299)
    } else {
        let &(low, high) = ctx.pick(gs1_prefixes(ctx.locale()));
        ctx.range(low..=high)
    };
    let mut digits = Vec::with_capacity(13);
    digits.extend([
        (prefix / 100) as u8,
        (prefix / 10 % 10) as u8,
        (prefix % 10) as u8,
    ]);
    random_digits(ctx, &mut digits, 9);
    digits.push(gs1_check_digit(&digits));
    push_digits(out, &digits);
}

/// A UPC-A barcode number, 12 digits: number system 0, 1, 6, 7 or 8 (regular products), ten
/// digits, the GS1 check digit (`retail.upc_a`). Safe mode: number system 2 (random-weight and
/// in-store items), no real product's.
pub fn upc_a(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(12);
    write_upc_a(ctx, &mut out);
    out
}

/// Appends a UPC-A to `out`; see [`upc_a`].
pub fn write_upc_a(ctx: &mut Ctx, out: &mut String) {
    let system = if ctx.is_safe() {
        2
    } else {
        *ctx.pick(&[0u8, 1, 6, 7, 8])
    };
    let mut digits = Vec::with_capacity(12);
    digits.push(system);
    random_digits(ctx, &mut digits, 10);
    digits.push(gs1_check_digit(&digits));
    push_digits(out, &digits);
}

/// The ISBN prefixes and registration groups of the locale's language area.
fn isbn_groups(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::EnUs => &["9780", "9781", "9798"],
        Locale::EnGb => &["9780", "9781"],
        Locale::DeDe => &["9783"],
        Locale::FrFr => &["9782", "97910"],
        Locale::EsEs => &["97884"],
        Locale::ItIt => &["97888", "97912"],
        Locale::PtBr => &["97885", "97865"],
        Locale::JaJp => &["9784"],
        Locale::ZhCn => &["9787"],
        Locale::NlNl => &["97890", "97894"],
        _ => &["9780", "9781"],
    }
}

/// An ISBN-13, 13 digits without hyphens: the 978 or 979 prefix, a registration group of the
/// locale's language area (3 German, 2 French, 4 Japanese, …), and the GS1 check digit
/// (`retail.isbn13`). Safe mode changes nothing: an ISBN names a book, not a person.
pub fn isbn13(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(13);
    write_isbn13(ctx, &mut out);
    out
}

/// Appends an ISBN-13 to `out`; see [`isbn13`].
pub fn write_isbn13(ctx: &mut Ctx, out: &mut String) {
    let group = *ctx.pick(isbn_groups(ctx.locale()));
    let mut digits: Vec<u8> = group.bytes().map(|b| b - b'0').collect();
    let rest = 12 - digits.len();
    random_digits(ctx, &mut digits, rest);
    digits.push(gs1_check_digit(&digits));
    push_digits(out, &digits);
}

/// A stock keeping unit, three capital letters, a hyphen and five digits, such as `KTE-40391`
/// (`retail.sku`). Safe mode changes nothing.
pub fn sku(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(9);
    write_sku(ctx, &mut out);
    out
}

/// Appends a SKU to `out`; see [`sku`].
pub fn write_sku(ctx: &mut Ctx, out: &mut String) {
    for _ in 0..3 {
        out.push(char::from(b'A' + ctx.below(26) as u8));
    }
    out.push('-');
    push_random_digits(ctx, out, 5);
}

/// The rows of `PRODUCT_WORD` for one part.
fn product_word(ctx: &mut Ctx, part: &str) -> &'static str {
    let rows = PRODUCT_WORD.rows();
    let start = rows.partition_point(|r| r[0] < part);
    let end = rows.partition_point(|r| r[0] <= part);
    rows[ctx.range(start..end)][1]
}

/// A product name, adjective, material and product, such as "Ergonomic Oak Desk"
/// (`retail.product_name`). Safe mode changes nothing.
pub fn product_name(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(28);
    write_product_name(ctx, &mut out);
    out
}

/// Appends a product name to `out`; see [`product_name`].
pub fn write_product_name(ctx: &mut Ctx, out: &mut String) {
    out.push_str(product_word(ctx, "adjective"));
    out.push(' ');
    out.push_str(product_word(ctx, "material"));
    out.push(' ');
    out.push_str(product_word(ctx, "noun"));
}

/// A retail department, such as "Home & Kitchen" (`retail.category`). Safe mode changes nothing.
#[inline]
pub fn category(ctx: &mut Ctx) -> &'static str {
    CATEGORY.pick(ctx)[0]
}

/// A shelf price with two decimals and a dot, such as `19.99`, from 0.99 to 999.99, the cents
/// mostly .99, .95, .49 or .00 as shops price (`retail.price`). Safe mode changes nothing.
pub fn price(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(6);
    write_price(ctx, &mut out);
    out
}

/// Appends a price to `out`; see [`price`].
pub fn write_price(ctx: &mut Ctx, out: &mut String) {
    // Whole units log-uniform in 0..=999.
    let units = (10f64.powf(3.0 * ctx.unit_f64()) - 1.0).floor() as u32;
    let cents = match pick_cumulative(ctx, &[60, 75, 85, 95, 100]) {
        0 => 99,
        1 => 95,
        2 => 49,
        3 => 0,
        _ => ctx.range(1..=98),
    };
    let units = if units == 0 && cents == 0 { 1 } else { units };
    push_padded(out, units, 1);
    out.push('.');
    push_padded(out, cents, 2);
}

/// Order statuses with cumulative weights: most orders in a shop's history are delivered.
const ORDER_STATUS: [(&str, u64); 7] = [
    ("pending", 5),
    ("processing", 10),
    ("shipped", 20),
    ("delivered", 88),
    ("cancelled", 94),
    ("returned", 98),
    ("refunded", 100),
];

/// An order status: pending, processing, shipped, delivered, cancelled, returned or refunded,
/// mostly delivered (`retail.order_status`). Safe mode changes nothing.
#[inline]
pub fn order_status(ctx: &mut Ctx) -> &'static str {
    let x = ctx.below(100);
    ORDER_STATUS
        .iter()
        .find(|&&(_, c)| x < c)
        .map_or("delivered", |&(status, _)| status)
}

/// An invoice number, `INV-` then the year of an invoice from the last three years before the
/// context's `now`, then six digits, such as `INV-2024-004821` (`retail.invoice_number`).
/// Safe mode changes nothing.
pub fn invoice_number(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(15);
    write_invoice_number(ctx, &mut out);
    out
}

/// Appends an invoice number to `out`; see [`invoice_number`].
pub fn write_invoice_number(ctx: &mut Ctx, out: &mut String) {
    let year = ctx.now().year() - ctx.range(0..=2i32);
    out.push_str("INV-");
    push_padded(out, year.max(0) as u32, 4);
    out.push('-');
    push_padded(out, ctx.range(1..=999_999u32), 6);
}
