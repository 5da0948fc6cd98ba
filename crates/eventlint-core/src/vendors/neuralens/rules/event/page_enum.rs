use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::neuralens::model::PAGES;
use crate::vendors::neuralens::shared::names::not_allowed;

declare_rule! {
    /// ## What it checks
    /// `page`, when present, is one of `SEARCH_RESULT_PAGE`, `AUTOCOMPLETE`, `CATEGORY_PAGE` or
    /// `PRODUCT_PAGE` (case-sensitive; a wrong-case value gets a "did you mean").
    ///
    /// ## Why
    /// "The Page parameter defines the page where the event took place" and the documentation
    /// lists exactly these four values (SEED-002, [D]); rejection of other values is inferred.
    /// Whether `page` is required is not documented, so its absence is not reported.
    ///
    /// ## Example
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "SEARCH_PAGE", "event": "CLICK_PRODUCT", "index": 0}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "index": 0}
    /// ```
    pub(crate) static PAGE_ENUM = {
        id: "neuralens.event/page-enum",
        severity: Error,
        summary: "`page` is not one of the documented pages",
        structural: true,
        fix: Safe("when the value is a documented one misspelt or in the wrong case: the documented value is written."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    not_allowed(&PAGE_ENUM, at, "page", value, PAGES)
}
