use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// An event on `SEARCH_RESULT_PAGE` or `AUTOCOMPLETE` has a non-blank `query`.
    ///
    /// ## Why
    /// "If a user adds items to cart from search results page, the `ADD_TO_CART` event object should
    /// contain the respective query text" (SEED-002, [D]). Without the query, Neuralens cannot
    /// relate the event to the search that led to it.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "SEARCH_RESULT_PAGE", "event": "ADD_TO_CART", "index": 3}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": "solid wood chair", "page": "SEARCH_RESULT_PAGE", "event": "ADD_TO_CART", "index": 3}
    /// ```
    pub(crate) static QUERY_EXPECTED = {
        id: "neuralens.event/query-expected",
        severity: Warning,
        summary: "An event on the search result page or autocomplete has no query text",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(page @ ("SEARCH_RESULT_PAGE" | "AUTOCOMPLETE")) =
        body.get("page").and_then(Value::as_str)
    else {
        return;
    };
    let help = "send the text the user searched for (or typed, in autocomplete) in `query`";
    match body.get("query") {
        None => ctx.report(
            Finding::new(
                &QUERY_EXPECTED,
                base.clone(),
                format!("the event on `{page}` has no `query`"),
            )
            .help(help),
        ),
        Some(Value::String(q)) if q.trim().is_empty() => ctx.report(
            Finding::new(
                &QUERY_EXPECTED,
                base.key("query"),
                format!("`query` is blank on `{page}`"),
            )
            .help(help),
        ),
        Some(_) => {}
    }
}
