use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `event` and `page` agree:
    ///
    /// - `VIEW_SUGGESTION` and `CLICK_SUGGESTION` happen on `AUTOCOMPLETE`;
    /// - `LAND_PRODUCT_PAGE` happens on `PRODUCT_PAGE`.
    ///
    /// Only checked when both are documented values; the finding marks `page`.
    ///
    /// ## Why
    /// The suggestion events are documented as "(Autocomplete suggestion)" and `AUTOCOMPLETE` is
    /// "Search Autocomplete"; landing on a product page can only be on `PRODUCT_PAGE`, "Product
    /// Details Page" (SEED-002). The pairing is inferred from those descriptions ([I]): a
    /// mismatch is most likely a copied or stale field.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": "chai", "page": "SEARCH_RESULT_PAGE", "event": "CLICK_SUGGESTION", "index": 0}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": "chai", "page": "AUTOCOMPLETE", "event": "CLICK_SUGGESTION", "index": 0}
    /// ```
    pub(crate) static PAGE_EVENT_CONSISTENCY = {
        id: "neuralens.event/page-event-consistency",
        severity: Warning,
        summary: "`event` does not happen on `page` (suggestions on `AUTOCOMPLETE`, landing on `PRODUCT_PAGE`)",
        fix: Unsafe("the page where the event happens is written: the author may have meant another event."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let (Some(Value::String(event)), Some(Value::String(page))) =
        (body.get("event"), body.get("page"))
    else {
        return;
    };
    let expected = match event.as_str() {
        "VIEW_SUGGESTION" | "CLICK_SUGGESTION" => "AUTOCOMPLETE",
        "LAND_PRODUCT_PAGE" => "PRODUCT_PAGE",
        _ => return,
    };
    let known = [
        "SEARCH_RESULT_PAGE",
        "AUTOCOMPLETE",
        "CATEGORY_PAGE",
        "PRODUCT_PAGE",
    ];
    if page == expected || !known.contains(&page.as_str()) {
        return;
    }
    let alternative = match event.as_str() {
        "VIEW_SUGGESTION" => "; a product shown in a list is `VIEW_PRODUCT`",
        "CLICK_SUGGESTION" => "; a product clicked in a list is `CLICK_PRODUCT`",
        _ => "",
    };
    let finding = Finding::new(
        &PAGE_EVENT_CONSISTENCY,
        base.key("page"),
        format!("`{event}` happens on `{expected}`, but `page` is `{page}`"),
    );
    // On `AUTOCOMPLETE`, `query-expected` wants the typed text too.
    let has_query = body
        .get("query")
        .and_then(Value::as_str)
        .is_some_and(|q| !q.trim().is_empty());
    ctx.report(if expected == "AUTOCOMPLETE" && !has_query {
        finding.help(format!(
            "set `page` to `{expected}` with the text the user typed in `query`, or check `event`{alternative}"
        ))
    } else {
        finding
            .help(format!(
                "set `page` to `{expected}`, or check `event`{alternative}"
            ))
            .propose_string(expected)
    });
}
