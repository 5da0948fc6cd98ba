use crate::value::{Map, Value};

use crate::check::{Ctx, Finding};
use crate::diagnostic::Severity;
use crate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::vendors::synerise::ai::AiType;

declare_rule! {
    /// ## What it checks
    /// `items` is not empty. For a click (`recommendation.click`, `item.search.click`, known from
    /// a batch's `eventType`) an empty `items` is a warning; otherwise an info. The single-event
    /// body does not say its type (it is the path parameter), so there it is always an info.
    ///
    /// ## Why
    /// `items` "can be empty" (SEED-001): a recommendation frame may have shown nothing. A click,
    /// though, is on an item, so a click without one is almost certainly a bug (inferred).
    ///
    /// ## Example
    /// ```json
    /// {"eventType": "recommendation.click", "items": [{"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": []}]}
    /// ```
    ///
    /// ## Fix
    /// Send the clicked item's id: `"items": ["89435879453"]`.
    pub(crate) static ITEMS_EMPTY = {
        id: "synerise.ai-event/items-empty",
        severity: Warning,
        summary: "`items` is empty",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>, ty: AiType) {
    let Some(Value::Array(items)) = event.get("items") else {
        return;
    };
    if !items.is_empty() {
        return;
    }
    // A click carrying its item in `item` is `click-item-shape`'s business.
    if event.get("item").is_some_and(Value::is_string) {
        return;
    }
    let at = base.key("items");
    let finding = match ty {
        AiType::Click(name) => Finding::new(
            &ITEMS_EMPTY,
            at,
            format!("`items` of the `{name}` event is empty: a click has no clicked item"),
        )
        .help("send the clicked item's id in `items`, e.g. `[\"89435879453\"]`"),
        AiType::View => Finding::new(&ITEMS_EMPTY, at, "`items` is empty")
            .severity(Severity::Info)
            .help("fine if the recommendation frame showed no items; otherwise send their ids"),
        AiType::Unknown => Finding::new(&ITEMS_EMPTY, at, "`items` is empty")
            .severity(Severity::Info)
            .help("fine for a `recommendation.view` of an empty frame; a click should name its item")
            .note("the event type is the path parameter, so eventlint cannot tell a view from a click here"),
    };
    ctx.report(finding);
}
