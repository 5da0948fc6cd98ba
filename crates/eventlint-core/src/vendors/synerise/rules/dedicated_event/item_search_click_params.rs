use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

use super::required_params::Required;

declare_rule! {
    /// ## What it checks
    /// An `item-search-click` event has in `params`: `correlationId` (the search response's id),
    /// `item` (the clicked item's id), `position` (its 1-based position, an integer ≥ 1) and
    /// `searchType` (`full-text-search` or `autocomplete`).
    ///
    /// The endpoint is a path parameter, not part of a dedicated event's body, so on
    /// `synerise.dedicated-event` this rule cannot report; it reports on
    /// `synerise.batch-events` elements whose `type` is `item-search-click`.
    ///
    /// ## Why
    /// The official PHP SDK's `ItemSearchClickValidator` requires the four parameters, and
    /// search analytics cannot attribute the click without them. This is SDK-level evidence
    /// (the API may accept the event), reported as an error as vendor-rules.md §2.4 lists it.
    /// The `position` and `searchType` values follow the ai-compat models of the same event
    /// (SYN-PHP `ItemSearchClickEventDataCompat`, `SearchType`; a position of 0 is inferred to be
    /// an error).
    ///
    /// ## Example
    /// ```json
    /// [{"type": "item-search-click", "client": {"id": 1}, "label": "click", "params": {"item": "P-1"}}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// [{"type": "item-search-click", "client": {"id": 1}, "label": "click",
    ///   "params": {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "item": "P-1",
    ///              "position": 1, "searchType": "full-text-search"}}]
    /// ```
    pub(crate) static ITEM_SEARCH_CLICK_PARAMS = {
        id: "synerise.dedicated-event/item-search-click-params",
        severity: Error,
        summary: "An item search click lacks `correlationId`, `item`, `position` or `searchType`",
    };
}

const REQUIRED: &[&str] = &["correlationId", "item", "position", "searchType"];
const SEARCH_TYPES: &[&str] = &["full-text-search", "autocomplete"];

/// Checks the element at `base` of type `endpoint`.
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, endpoint: &str, event: &Map<'_>) {
    if endpoint != "item-search-click" {
        return;
    }
    let required = Required {
        rule: &ITEM_SEARCH_CLICK_PARAMS,
        names: REQUIRED,
        no_params_help: "add `params` with `correlationId`, `item`, `position` and `searchType`",
        missing_help: |list| {
            format!(
                "add {list} to `params`: the search response's `correlationId`, the clicked `item`, its 1-based `position` and the `searchType`"
            )
        },
    };
    let Some((at, params)) = required.params(ctx, base, endpoint, event) else {
        return;
    };
    required.strings(ctx, &at, params, &["correlationId", "item"]);
    if let Some(v) = params.get("position").filter(|v| !v.is_null())
        && v.as_u64().is_none_or(|p| p == 0)
    {
        ctx.report(
            Finding::new(&ITEM_SEARCH_CLICK_PARAMS, at.key("position"), format!("`params.position` is {}, not a position ≥ 1", describe(v)))
                .help("send the clicked item's 1-based position in the results as an integer, e.g. `1` for the first"),
        );
    }
    if let Some(v) = params.get("searchType").filter(|v| !v.is_null())
        && !v.as_str().is_some_and(|s| SEARCH_TYPES.contains(&s))
    {
        ctx.report(
            Finding::new(
                &ITEM_SEARCH_CLICK_PARAMS,
                at.key("searchType"),
                format!(
                    "`params.searchType` is {}, not `full-text-search` or `autocomplete`",
                    describe(v)
                ),
            )
            .help("set `params.searchType` to `full-text-search` or `autocomplete`"),
        );
    }
}
