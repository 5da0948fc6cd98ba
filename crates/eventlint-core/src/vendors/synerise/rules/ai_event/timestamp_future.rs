use chrono::{DateTime, TimeDelta, Utc};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `eventTimestamp` (Unix milliseconds or an ISO 8601 string) is not later than now (`--now`,
    /// or the system clock). A number already reported by `common/epoch-unit` (e.g. microseconds)
    /// is not reported again.
    ///
    /// ## Why
    /// Unlike the v4 events API, which replaces a future time, the AI events API keeps it: "If a
    /// future time is provided, the event is saved with an occurrence time in the future"
    /// (SEED-001). A future time is almost always a clock, offset or unit bug, and it is stored.
    ///
    /// ## Example
    /// With `--now 2026-01-01T00:00:00Z`:
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": [], "eventTimestamp": 1893456000000}
    /// ```
    ///
    /// ## Fix
    /// Send the time the event happened, in Unix milliseconds.
    pub(crate) static TIMESTAMP_FUTURE = {
        id: "synerise.ai-event/timestamp-future",
        severity: Warning,
        summary: "`eventTimestamp` is in the future and will be stored as is",
    };
}

/// Reports `time` (read from `shown`, the value as sent) when it lies beyond now plus the
/// tolerance.
pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, shown: &str, time: DateTime<Utc>) {
    if time <= ctx.clock.future_limit(TimeDelta::zero()) {
        return;
    }
    let now = ctx
        .clock
        .now
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let when = time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    ctx.report(
        Finding::new(
            &TIMESTAMP_FUTURE,
            at.clone(),
            format!("`eventTimestamp` `{shown}` ({when}) is in the future (now is {now})"),
        )
        .help("send the time the event occurred; check the clock and the unit (milliseconds) that produced it")
        .note("the AI events API stores a future time as is"),
    );
}
