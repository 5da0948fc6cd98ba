use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::synerise::shared::actions::DEDICATED;

declare_rule! {
    /// ## What it checks
    /// `action` (of a custom event, or of a batch element with `"type": "custom"`) is not the
    /// action of a dedicated endpoint, such as `client.hitTimer` (`/v4/events/hit-timer`) or
    /// `product.addToCart` (`/v4/events/added-to-cart`).
    ///
    /// ## Why
    /// The dedicated endpoints set the action themselves and document their own parameters
    /// (vendor-rules.md §2.6); a hand-made custom event with the same action may lack them.
    /// Inferred, so only info.
    ///
    /// ## Example
    /// ```json
    /// {"action": "client.hitTimer", "client": {"id": 1}, "label": "timer"}
    /// ```
    ///
    /// ## Fix
    /// Send the body, without `action`, to `POST /v4/events/hit-timer`; in a batch, replace
    /// `"type": "custom"` and `action` with `"type": "hit-timer"`.
    pub(crate) static DEDICATED_ACTION = {
        id: "synerise.custom-event/dedicated-action",
        severity: Info,
        summary: "`action` belongs to a dedicated event endpoint",
    };
}

/// The finding for an `action` that a dedicated endpoint sets, with that endpoint's name.
pub(crate) fn finding(at: &Pointer, action: &str) -> Option<(&'static str, Finding)> {
    let (endpoint, _) = DEDICATED
        .iter()
        .find(|(_, a)| *a == action && *a != "item.search.click")?;
    Some((
        endpoint,
        Finding::new(
            &DEDICATED_ACTION,
            at.clone(),
            format!("`action` `{action}` is set by the dedicated endpoint `/v4/events/{endpoint}`"),
        )
        .help(format!(
            "send this event to `POST /v4/events/{endpoint}` without `action`"
        )),
    ))
}
