use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// The event has `time`.
    ///
    /// ## Why
    /// "If no time is provided, the time when the event was received by Synerise is saved as the
    /// occurrence time" (SEED-001): queued or retried events get the wrong time. Info only.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// Add `"time": "2022-11-28T12:18:27Z"`, the moment the event happened.
    pub(crate) static TIME_MISSING = {
        id: "synerise.event/time-missing",
        severity: Info,
        summary: "The event has no `time`; the receive time is stored",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    if !event.contains_key("time") {
        ctx.report(
            Finding::new(&TIME_MISSING, base.clone(), "the event has no `time`, so the receive time is stored")
                .help("add `time`, when the event occurred, as ISO 8601, e.g. `\"time\": \"2022-11-28T12:18:27Z\"`"),
        );
    }
}
