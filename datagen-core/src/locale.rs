//! Locales: which country's and language's data providers draw from.

use core::fmt;
use core::str::FromStr;

/// A locale providers localise their data for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Locale {
    /// English, United States (`en_US`).
    EnUs,
    /// English, United Kingdom (`en_GB`).
    EnGb,
    /// German, Germany (`de_DE`).
    DeDe,
    /// French, France (`fr_FR`).
    FrFr,
    /// Spanish, Spain (`es_ES`).
    EsEs,
    /// Italian, Italy (`it_IT`).
    ItIt,
    /// Portuguese, Brazil (`pt_BR`).
    PtBr,
    /// Japanese, Japan (`ja_JP`).
    JaJp,
    /// Chinese, mainland China (`zh_CN`).
    ZhCn,
    /// Dutch, the Netherlands (`nl_NL`).
    NlNl,
}

impl Locale {
    /// Every locale, in a fixed order.
    pub const ALL: [Locale; 10] = [
        Locale::EnUs,
        Locale::EnGb,
        Locale::DeDe,
        Locale::FrFr,
        Locale::EsEs,
        Locale::ItIt,
        Locale::PtBr,
        Locale::JaJp,
        Locale::ZhCn,
        Locale::NlNl,
    ];

    /// The locale tag, such as `en_US`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::EnUs => "en_US",
            Locale::EnGb => "en_GB",
            Locale::DeDe => "de_DE",
            Locale::FrFr => "fr_FR",
            Locale::EsEs => "es_ES",
            Locale::ItIt => "it_IT",
            Locale::PtBr => "pt_BR",
            Locale::JaJp => "ja_JP",
            Locale::ZhCn => "zh_CN",
            Locale::NlNl => "nl_NL",
        }
    }

    /// The ISO 3166-1 alpha-2 code of the locale's country, such as `US`.
    pub const fn country_code(self) -> &'static str {
        match self {
            Locale::EnUs => "US",
            Locale::EnGb => "GB",
            Locale::DeDe => "DE",
            Locale::FrFr => "FR",
            Locale::EsEs => "ES",
            Locale::ItIt => "IT",
            Locale::PtBr => "BR",
            Locale::JaJp => "JP",
            Locale::ZhCn => "CN",
            Locale::NlNl => "NL",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown locale tag.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown locale `{0}`; expected one of en_US, en_GB, de_DE, fr_FR, es_ES, it_IT, pt_BR, ja_JP, zh_CN, nl_NL"
)]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// Parses `en_US`, `en-US` or `en-us`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.replace('-', "_");
        Locale::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| UnknownLocale(s.to_string()))
    }
}
