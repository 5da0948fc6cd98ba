use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `action` is not one of the AI events `recommendation.view`, `recommendation.click`,
    /// `item.search.click`.
    ///
    /// ## Why
    /// "Recommendation events must be sent to the AI events API" (SEED-001); sent as custom events
    /// they do not feed the recommendation engine.
    ///
    /// ## Example
    /// ```json
    /// {"action": "recommendation.view", "client": {"id": 1}, "label": "reco"}
    /// ```
    ///
    /// ## Fix
    /// Send it to `POST /events/v1/single/recommendation.view` with `correlationId`, `clientUUID`
    /// and `items`.
    pub(crate) static AI_EVENT_AS_CUSTOM = {
        id: "synerise.custom-event/ai-event-as-custom",
        severity: Warning,
        summary: "A recommendation (AI) event is sent as a custom event",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    if matches!(
        action,
        "recommendation.view" | "recommendation.click" | "item.search.click"
    ) {
        ctx.report(
            Finding::new(
                &AI_EVENT_AS_CUSTOM,
                at.clone(),
                format!("`action` `{action}` is an AI event sent as a custom event"),
            )
            .help(format!(
                "send `{action}` to the AI events API: `POST /events/v1/single/{action}`"
            )),
        );
    }
}
