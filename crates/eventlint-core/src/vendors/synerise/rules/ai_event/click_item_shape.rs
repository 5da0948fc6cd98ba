use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::synerise::shared::ai::AiType;

declare_rule! {
    /// ## What it checks
    /// Notes an AI event that carries a single `item` instead of (or besides) `items`. For a
    /// click, `item` is accepted; for a `recommendation.view` in a batch, a missing `items` is
    /// `synerise.ai-event/items-required` instead.
    ///
    /// ## Why
    /// SEED-001 describes `items` (an array) for all three event types of `/events/v1`; the newer
    /// v4 ai-compat API sends clicks with a single `item` (SYN-PHP
    /// `RecommendationClickEventDataCompat`). Either may work for a click; which one `/events/v1`
    /// reads is not documented (vendor-rules.md §8.6), so this is only an info.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "item": "89435879453"}
    /// ```
    ///
    /// ## Fix
    /// Use the documented shape of `/events/v1`: `"items": ["89435879453"]`.
    pub(crate) static CLICK_ITEM_SHAPE = {
        id: "synerise.ai-event/click-item-shape",
        severity: Info,
        summary: "The AI event uses the ai-compat `item` instead of `items`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>, ty: AiType) {
    let Some(Value::String(item)) = event.get("item") else {
        return;
    };
    let has_items = event.contains_key("items");
    if matches!(ty, AiType::View) && !has_items {
        return; // `items-required`
    }
    let at = base.key("item");
    let finding = if has_items {
        Finding::new(
            &CLICK_ITEM_SHAPE,
            at,
            "the event has both `item` and `items`",
        )
        .help("keep `items`, the field `/events/v1` documents, and remove `item`")
    } else {
        Finding::new(
            &CLICK_ITEM_SHAPE,
            at,
            "`item` is the shape of the v4 ai-compat API; `/events/v1` documents `items`",
        )
        .help(format!("send `\"items\": [\"{item}\"]` instead"))
    };
    ctx.report(finding);
}
