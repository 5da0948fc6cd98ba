use crate::document::value::{Map, Value};

use super::time_future::is_future;
use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// An event with `eventSalt` does not have a future `time`.
    ///
    /// ## Why
    /// A future time is replaced by the receive time, so "it is impossible to use event salt with
    /// future times" (SYN-PHP `eventSalt`): the overwrite never matches.
    ///
    /// ## Example
    /// With `--now 2026-01-01T00:00:00Z`:
    /// ```json
    /// {"eventSalt": "order-17", "time": "2030-01-01T00:00:00Z"}
    /// ```
    ///
    /// ## Fix
    /// Send the original, past occurrence time.
    pub(crate) static EVENTSALT_FUTURE_TIME = {
        id: "synerise.event/eventsalt-future-time",
        severity: Warning,
        summary: "`eventSalt` with a future `time`: the event cannot be overwritten",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    let salted = matches!(event.get("eventSalt"), Some(Value::String(s)) if !s.is_empty());
    if let (true, Some(Value::String(time))) = (salted, event.get("time"))
        && is_future(ctx, time)
    {
        ctx.report(
                Finding::new(&EVENTSALT_FUTURE_TIME, base.key("eventSalt"), format!("`eventSalt` is set but `time` `{time}` is in the future, so the event can never be overwritten"))
                    .help("send the event's past occurrence `time`; a future time is replaced by the receive time"),
            );
    }
}
