//! Cases of entities whose rows are whole JSON documents (a JSON Schema's instances): the
//! generator lists them, each a whole instance labelled with the location and keyword it
//! tests, and says which keywords it could not break alone.

/// One edge or invalid instance of a document entity.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DocCase {
    /// The JSON pointer of the location in the instance the case sets (`""`: the root).
    pub pointer: String,
    /// The schema keyword at that location the case puts at a boundary or breaks.
    pub keyword: &'static str,
    /// The schema location and the value, in words.
    pub detail: String,
    /// The instance, as compact JSON text.
    pub instance: String,
}

impl DocCase {
    /// A case at `pointer` for `keyword`, described by `detail`, of the JSON text `instance`.
    pub fn new(
        pointer: String,
        keyword: &'static str,
        detail: String,
        instance: String,
    ) -> DocCase {
        DocCase {
            pointer,
            keyword,
            detail,
            instance,
        }
    }
}

/// A keyword at a location that got no case, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocSkip {
    /// The JSON pointer of the instance location.
    pub pointer: String,
    /// The schema keyword.
    pub keyword: &'static str,
    /// Why it has no case.
    pub why: String,
}

impl DocSkip {
    /// `keyword` at `pointer` skipped because of `why`.
    pub fn new(pointer: String, keyword: &'static str, why: String) -> DocSkip {
        DocSkip {
            pointer,
            keyword,
            why,
        }
    }
}

/// The cases of a document generator, and the keywords it skipped.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct DocCases {
    /// The instances, in a fixed order.
    pub cases: Vec<DocCase>,
    /// The keywords no instance could test alone.
    pub skipped: Vec<DocSkip>,
}

impl DocCases {
    /// The cases `cases`, with `skipped` listed.
    pub fn new(cases: Vec<DocCase>, skipped: Vec<DocSkip>) -> DocCases {
        DocCases { cases, skipped }
    }
}
