use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// Every event has an `itemId`. An event whose `properties` carry the pre-2020 `itemId` is
    /// reported by `personalize.put-events/properties-legacy-keys` instead.
    ///
    /// ## Why
    /// `itemId` is optional in the service model, but an item interaction without an item is
    /// not usable for training: the Item interactions dataset needs at minimum the user ID, the
    /// item ID and the timestamp (interactions dataset requirements; inferred [I] for events).
    /// The service accepts the event, and the data is lost for item recommendations.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}
    /// ```
    pub(crate) static ITEMID_MISSING = {
        id: "personalize.put-events/itemid-missing",
        severity: Warning,
        summary: "An event has no `itemId`, so it is no usable item interaction",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, event: &Map<'_>, legacy_item_id: bool) {
    if event.contains_key("itemId") || legacy_item_id {
        return;
    }
    ctx.report(
        Finding::new(
            &ITEMID_MISSING,
            at.clone(),
            format!(
                "`{}` has no `itemId`: it is no usable item interaction",
                field_name(at)
            ),
        )
        .help("add the item the user interacted with: `\"itemId\": \"…\"` (the ITEM_ID of your Items dataset)"),
    );
}
