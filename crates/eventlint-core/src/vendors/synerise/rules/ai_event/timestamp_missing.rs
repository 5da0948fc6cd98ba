use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// Notes an AI event without `eventTimestamp`.
    ///
    /// ## Why
    /// "If no time is provided, the time when the event was received by Synerise is saved as the
    /// occurrence time" (SEED-001). Fine for events sent as they happen; wrong for events
    /// replayed later. Info only.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    ///
    /// ## Fix
    /// Add when the event occurred, in Unix milliseconds: `"eventTimestamp": 1670505802000`.
    pub(crate) static TIMESTAMP_MISSING = {
        id: "synerise.ai-event/timestamp-missing",
        severity: Info,
        summary: "The AI event has no `eventTimestamp`, so the receive time is stored",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    if !event.contains_key("eventTimestamp") {
        ctx.report(
            Finding::new(&TIMESTAMP_MISSING, base.clone(), "the AI event has no `eventTimestamp`, so the receive time is stored")
                .help("add `eventTimestamp`, when the event occurred, in Unix milliseconds, e.g. `\"eventTimestamp\": 1670505802000`"),
        );
    }
}
