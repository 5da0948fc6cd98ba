use crate::document::value::{Map, Value};
use chrono::{DateTime, TimeDelta};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{EpochBand, epoch_band};
use crate::rules::common::epoch_unit;

declare_rule! {
    /// ## What it checks
    /// A numeric `timestamp` (Unix epoch **seconds**) is not more than 5 minutes after now
    /// (`--now`, or the system clock).
    ///
    /// A value in the milliseconds (or micro-, nanoseconds) band is reported by
    /// `common/epoch-unit`, the one rule for unit mix-ups, not here; a value that is not an
    /// integer by `neuralens.event/timestamp`.
    ///
    /// A warning: the server's handling of future times is not documented.
    ///
    /// ## Why
    /// The only documentation is the example, `"timestamp": 1715644800`, which is
    /// 2024-05-14T00:00:00Z in seconds (SEED-002; unit inferred, vendor-rules.md §3.2 [I]). A
    /// future time is almost always a unit or clock bug ([I]). The 5 minutes allow for clock skew
    /// between the sender and the server.
    ///
    /// ## Example
    /// With `--now 2026-01-01T00:00:00Z`:
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1767226000}
    /// ```
    ///
    /// ## Fix
    /// Send the time the event happened:
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1715644800}
    /// ```
    pub(crate) static TIMESTAMP_FUTURE = {
        id: "neuralens.event/timestamp-future",
        severity: Warning,
        summary: "`timestamp` is in the future",
    };
}

/// How far past now a timestamp may be before it counts as in the future.
const SKEW: TimeDelta = TimeDelta::minutes(5);

/// The unit (through `common/epoch-unit`) and future checks of a numeric `timestamp`.
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::Number(n)) = body.get("timestamp") else {
        return;
    };
    let Some(value) = n.as_f64() else { return };
    let at = base.key("timestamp");
    if epoch_unit::check(ctx, &at, "timestamp", value, EpochBand::Seconds)
        || epoch_band(value) != EpochBand::Seconds
    {
        return;
    }
    #[allow(clippy::cast_possible_truncation)]
    let Some(time) = DateTime::from_timestamp(value.floor() as i64, 0) else {
        return;
    };
    let now = ctx.clock.now;
    // The larger of the skew and the tolerance, not their sum.
    let limit = if SKEW > ctx.clock.future_tolerance {
        now + SKEW
    } else {
        ctx.clock.future_limit(TimeDelta::zero())
    };
    if time <= limit {
        return;
    }
    let secs = chrono::SecondsFormat::Secs;
    ctx.report(
        Finding::new(
            &TIMESTAMP_FUTURE,
            at,
            format!(
                "`timestamp` `{n}` ({}) is in the future (now is {})",
                time.to_rfc3339_opts(secs, true),
                now.to_rfc3339_opts(secs, true)
            ),
        )
        .help(
            "send the time the event happened, in Unix seconds; check the clock that produced it",
        ),
    );
}
