use chrono::{DateTime, TimeDelta};
use serde_json::{Map, Value};

use crate::check::{Ctx, Finding};
use crate::describe::describe;
use crate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rules::common::epoch_unit;
use crate::time::{EpochBand, epoch_band, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// `timestamp`, when present, is a whole number of Unix epoch **seconds**, not in the future:
    ///
    /// - a string (`"1715644800"`, `"2024-05-14T00:00:00Z"`) or a fractional number is reported,
    ///   with the integer to send instead (the generated schema says `type: integer`);
    /// - a time more than 5 minutes after now (`--now`, or the system clock) is reported.
    ///
    /// A value in the milliseconds (or micro-, nanoseconds) band is reported by
    /// `common/epoch-unit`, the one rule for unit mix-ups, not here.
    ///
    /// All are warnings: the unit, the type and the server's handling are not documented.
    ///
    /// ## Why
    /// The only documentation is the example, `"timestamp": 1715644800`, which is
    /// 2024-05-14T00:00:00Z in seconds (SEED-002; unit inferred, vendor-rules.md §3.2 [I]). A
    /// string may not be parsed; a future time is almost always a unit or clock bug ([I]). The
    /// 5 minutes allow for clock skew between the sender and the server.
    ///
    /// ## Example
    /// With `--now 2026-01-01T00:00:00Z`:
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": "1715644800"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1715644800}
    /// ```
    pub(crate) static TIMESTAMP = {
        id: "neuralens.event/timestamp",
        severity: Warning,
        summary: "`timestamp` is not integer Unix seconds, or is in the future",
    };
}

/// How far past now a timestamp may be before it counts as in the future.
const SKEW: TimeDelta = TimeDelta::minutes(5);

/// Whole epoch seconds for a number of any epoch unit (by its magnitude).
#[allow(clippy::cast_possible_truncation)]
fn to_seconds(n: f64) -> i64 {
    let per_second = match epoch_band(n) {
        EpochBand::Milliseconds => 1e3,
        EpochBand::Microseconds => 1e6,
        EpochBand::Nanoseconds => 1e9,
        EpochBand::Seconds | EpochBand::Unknown => 1.0,
    };
    (n / per_second).floor() as i64
}

/// `timestamp` is not an integer (a schema `type` violation).
pub(crate) fn wrong_type(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let seconds = match value {
        Some(Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(to_seconds)
            .or_else(|| parse_iso8601(s.trim()).map(|t| t.to_utc().timestamp())),
        Some(Value::Number(n)) => n.as_f64().map(to_seconds),
        _ => None,
    };
    let message = match value {
        Some(Value::Number(n)) => format!("`timestamp` is `{n}`, not a whole number of seconds"),
        _ => format!("`timestamp` is {what}, not an integer number of Unix seconds"),
    };
    let help = match seconds {
        Some(s) => format!("send `timestamp` as an integer number of Unix seconds: `{s}`"),
        None => "send `timestamp` as an integer number of Unix seconds, e.g. `1715644800`, or leave it out".to_owned(),
    };
    Finding::new(&TIMESTAMP, at, message).help(help)
}

/// The unit (through `common/epoch-unit`) and future checks of a numeric `timestamp`.
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<String, Value>) {
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
    let now = ctx.options.now;
    if time <= now + SKEW.max(ctx.options.future_tolerance) {
        return;
    }
    let secs = chrono::SecondsFormat::Secs;
    ctx.report(
        Finding::new(
            &TIMESTAMP,
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
