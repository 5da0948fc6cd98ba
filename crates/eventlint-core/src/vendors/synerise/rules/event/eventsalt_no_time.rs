use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// An event with `eventSalt` also has `time`.
    ///
    /// ## Why
    /// Overwriting an event requires the same salt, profile, action **and date/time** as the
    /// original (SYN-PHP `eventSalt`). Without `time` the receive time is stored, which differs on
    /// every send, so the event can never be overwritten deterministically.
    ///
    /// ## Example
    /// ```json
    /// {"action": "order.status", "client": {"id": 1}, "label": "x", "eventSalt": "order-17"}
    /// ```
    ///
    /// ## Fix
    /// Add the original event's time: `"time": "2022-11-28T12:18:27Z"`.
    pub(crate) static EVENTSALT_NO_TIME = {
        id: "synerise.event/eventsalt-no-time",
        severity: Warning,
        summary: "`eventSalt` without `time`: the event cannot be overwritten",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    if matches!(event.get("eventSalt"), Some(Value::String(s)) if !s.is_empty())
        && !event.contains_key("time")
    {
        ctx.report(
            Finding::new(&EVENTSALT_NO_TIME, base.key("eventSalt"), "`eventSalt` is set but `time` is missing, so the event can never be overwritten")
                .help("add `time` with the event's original occurrence time; overwriting needs the same salt, profile, action and time"),
        );
    }
}
