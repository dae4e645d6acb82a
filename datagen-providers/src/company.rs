//! Company providers: `company.name`, `company.industry`, `company.job_title`.
//!
//! Company names join the locale's surnames (from `person.last_name`) with the legal forms of the
//! locale's country: Inc. and LLC in the US, GmbH in Germany, S.A.R.L. in France, 株式会社 in Japan.

use datagen_core::{Ctx, Locale};

use crate::person;
use crate::table::table;

table!(
    /// The 20 NAICS 2022 sectors.
    INDUSTRY: 1, "company/industry.tsv", false
);
table!(
    /// Job titles.
    JOB_TITLE: 1, "company/job_title.tsv", false
);

/// English locales: the industry and job lists are English.
pub(crate) const ENGLISH: &[Locale] = &[Locale::EnUs, Locale::EnGb];

/// The locales with their own surnames, and so their own company names.
pub(crate) const NAME_LOCALIZED: &[Locale] = person::LOCALIZED;

/// The legal forms of companies in the locale's country, commonest first.
fn legal_forms(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::EnGb => &["Ltd", "Ltd", "Ltd", "PLC", "LLP"],
        Locale::DeDe => &["GmbH", "GmbH", "GmbH", "AG", "GmbH & Co. KG", "KG"],
        Locale::FrFr => &["SAS", "SARL", "SARL", "SA", "SNC"],
        Locale::EsEs => &["S.L.", "S.L.", "S.L.", "S.A."],
        Locale::ItIt => &["S.r.l.", "S.r.l.", "S.r.l.", "S.p.A.", "S.n.c."],
        Locale::PtBr => &["Ltda.", "Ltda.", "S.A.", "ME", "EIRELI"],
        Locale::NlNl => &["B.V.", "B.V.", "B.V.", "N.V.", "V.O.F."],
        Locale::JaJp => &["株式会社", "合同会社", "有限会社"],
        Locale::ZhCn => &["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"],
        _ => &[
            "Inc.", "LLC", "LLC", "Group", "Ltd.", "and Sons", "PLC", "Corp.",
        ],
    }
}

/// A company name from the locale's surnames and legal forms, such as "Parker LLC", "Hughes,
/// Reed and Ward", "Schmidt GmbH", "株式会社佐藤" or "王有限公司" (`company.name`). Safe mode
/// changes nothing; a name may match a real company's, as surnames are shared.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(12);
/// assert!(!datagen_providers::company::name(&mut ctx).is_empty());
/// ```
pub fn name(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(32);
    write_name(ctx, &mut out);
    out
}

/// Appends a company name to `out`; see [`name`].
pub fn write_name(ctx: &mut Ctx, out: &mut String) {
    let locale = ctx.locale();
    let form = *ctx.pick(legal_forms(locale));
    match locale {
        // Japanese names put the legal form first four times in five (株式会社佐藤), Chinese ones
        // after the name with no space.
        Locale::JaJp if ctx.chance(0.8) => {
            out.push_str(form);
            out.push_str(person::last_name(ctx));
        }
        Locale::JaJp | Locale::ZhCn => {
            out.push_str(person::last_name(ctx));
            out.push_str(form);
        }
        _ => {
            // Partnerships of two or three names ("Hughes, Reed and Ward") one time in four.
            let and = match locale {
                Locale::DeDe => " und ",
                Locale::FrFr => " et ",
                Locale::EsEs => " y ",
                Locale::ItIt => " e ",
                Locale::PtBr => " e ",
                Locale::NlNl => " en ",
                _ => " and ",
            };
            match ctx.below(8) {
                0 => {
                    out.push_str(person::last_name(ctx));
                    out.push_str(", ");
                    out.push_str(person::last_name(ctx));
                    out.push_str(and);
                    out.push_str(person::last_name(ctx));
                }
                1 => {
                    out.push_str(person::last_name(ctx));
                    out.push_str(and);
                    out.push_str(person::last_name(ctx));
                }
                _ => {
                    out.push_str(person::last_name(ctx));
                    out.push(' ');
                    out.push_str(form);
                }
            }
        }
    }
}

/// An industry, one of the 20 NAICS 2022 sectors, such as "Finance and Insurance"
/// (`company.industry`). Safe mode changes nothing.
#[inline]
pub fn industry(ctx: &mut Ctx) -> &'static str {
    INDUSTRY.pick(ctx)[0]
}

/// A job title, such as "Accountant, chartered" or "Software engineer" (`company.job_title`).
/// Safe mode changes nothing.
#[inline]
pub fn job_title(ctx: &mut Ctx) -> &'static str {
    JOB_TITLE.pick(ctx)[0]
}
