use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::neuralens::model::PAGES;

declare_rule! {
    /// ## What it checks
    /// An event that happens on an item of a list has `index`: `VIEW_PRODUCT`, `CLICK_PRODUCT`,
    /// `VIEW_SUGGESTION`, `CLICK_SUGGESTION`, `FAVORITE` and `ADD_TO_CART`, unless `page` is
    /// `PRODUCT_PAGE` (a single product's page, where there is no list to take a position in).
    ///
    /// ## Why
    /// `index` is documented as "the index of the product/suggestion that is viewed, clicked,
    /// favorited or added to cart" (SEED-002, [D]); without it Neuralens cannot learn from the
    /// position of what the user chose ([I]). `LAND_PRODUCT_PAGE`, `SHARE` and `PURCHASE` are
    /// not named and are not checked; the `PRODUCT_PAGE` exception is eventlint's reading ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": "chair", "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": "chair", "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "index": 3}
    /// ```
    pub(crate) static INDEX_RELEVANCE = {
        id: "neuralens.event/index-relevance",
        severity: Warning,
        summary: "A view, click, favorite or add-to-cart event from a list has no `index`",
    };
}

/// The events whose documentation names `index`.
const WITH_INDEX: &[&str] = &[
    "VIEW_PRODUCT",
    "CLICK_PRODUCT",
    "VIEW_SUGGESTION",
    "CLICK_SUGGESTION",
    "FAVORITE",
    "ADD_TO_CART",
];

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::String(event)) = body.get("event") else {
        return;
    };
    // No list on a product page; an undocumented `page` is `page-enum`'s, not guessed at here.
    let page = body.get("page");
    if !WITH_INDEX.contains(&event.as_str())
        || body.contains_key("index")
        || page.is_some_and(|p| {
            p.as_str()
                .is_none_or(|p| p == "PRODUCT_PAGE" || !PAGES.contains(&p))
        })
    {
        return;
    }
    let on = match body.get("page").and_then(Value::as_str) {
        Some(page) => format!(" on `{page}`"),
        None => String::new(),
    };
    ctx.report(
        Finding::new(
            &INDEX_RELEVANCE,
            base.clone(),
            format!("the `{event}` event{on} has no `index`"),
        )
        .help("add `index`, the 0-based position of the item in the list the user saw (the first is `0`)"),
    );
}
