use chrono::TimeDelta;

use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::parse_iso8601;

declare_rule! {
    /// ## What it checks
    /// `time` is not later than now (`--now`, or the system clock), after applying its offset.
    ///
    /// ## Why
    /// "If the provided time is in the future, it is rejected and the time when the event was
    /// received by Synerise is saved as the occurrence time" (SEED-001); the original is kept only
    /// as `snr-original-time`. A future time is almost always a wrong offset or unit.
    ///
    /// ## Example
    /// With `--now 2026-01-01T00:00:00Z`:
    /// ```json
    /// {"time": "2030-01-01T00:00:00Z"}
    /// ```
    ///
    /// ## Fix
    /// Send the time the event happened, with the right offset.
    pub(crate) static TIME_FUTURE = {
        id: "synerise.event/time-future",
        severity: Warning,
        summary: "`time` is in the future and will be replaced by the receive time",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    if let Some(Value::String(time)) = event.get("time")
        && is_future(ctx, time)
    {
        let now = ctx
            .clock
            .now
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        ctx.report(
                Finding::new(&TIME_FUTURE, base.key("time"), format!("`time` `{time}` is in the future (now is {now})"))
                    .help("send the time the event occurred; check the offset and the clock that produced `time`")
                    .note("Synerise rejects a future time and stores the receive time instead"),
            );
    }
}

/// Whether an ISO 8601 `time` lies beyond now plus the tolerance.
pub(crate) fn is_future(ctx: &Ctx<'_>, time: &str) -> bool {
    parse_iso8601(time).is_some_and(|t| t.to_utc() > ctx.clock.future_limit(TimeDelta::zero()))
}
