use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::synerise::shared::ai::AiType;

declare_rule! {
    /// ## What it checks
    /// `items` is not empty in a click (`recommendation.click`, `item.search.click`, known from a
    /// batch's `eventType`).
    ///
    /// An empty `items` in a view, or in a single event (whose type is the path parameter, which
    /// the body does not say), is `synerise.ai-event/items-empty-view`'s business (an info).
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
        summary: "`items` of a click is empty",
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
        AiType::View => super::items_empty_view::view(at),
        AiType::Unknown => super::items_empty_view::untyped(at),
    };
    ctx.report(finding);
}
