use crate::check::{Ctx, Finding};
use crate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::vendors::synerise::actions::DEDICATED;

declare_rule! {
    /// ## What it checks
    /// `action` is not the action of a dedicated endpoint, such as `client.hitTimer`
    /// (`/v4/events/hit-timer`) or `product.addToCart` (`/v4/events/added-to-cart`).
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
    /// Send the body, without `action`, to `POST /v4/events/hit-timer`.
    pub(crate) static DEDICATED_ACTION = {
        id: "synerise.custom-event/dedicated-action",
        severity: Info,
        summary: "`action` belongs to a dedicated event endpoint",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    if let Some((endpoint, _)) = DEDICATED
        .iter()
        .find(|(_, a)| *a == action && *a != "item.search.click")
    {
        ctx.report(
            Finding::new(
                &DEDICATED_ACTION,
                at.clone(),
                format!(
                    "`action` `{action}` is set by the dedicated endpoint `/v4/events/{endpoint}`"
                ),
            )
            .help(format!(
                "send this event to `POST /v4/events/{endpoint}` without `action`"
            )),
        );
    }
}
