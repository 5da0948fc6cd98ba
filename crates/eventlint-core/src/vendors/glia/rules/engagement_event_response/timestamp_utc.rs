use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{IsoDateTime, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// `timestamp` has a zone designator: a time without one is ambiguous, and a client may read
    /// it in its own zone. A time with an offset other than UTC (`+02:00`) is
    /// `glia.engagement-event.response/timestamp-offset`'s business (an info: it is still an exact
    /// instant, just not the documented UTC form).
    ///
    /// ## Why
    /// The documented response writes `timestamp` in UTC, `2019-08-28T13:55:24Z` (SEED-004;
    /// vendor-rules.md §5.3).
    ///
    /// ## Example
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24Z"}
    /// ```
    pub(crate) static TIMESTAMP_UTC = {
        id: "glia.engagement-event.response/timestamp-utc",
        severity: Warning,
        summary: "`timestamp` has no zone designator",
        fix: Unsafe("a `Z` is appended: taking the time as UTC is a guess."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::String(ts)) = body.get("timestamp") else {
        return;
    };
    let at = base.key("timestamp");
    match parse_iso8601(ts) {
        Some(IsoDateTime::Local(_)) => ctx.report(
            Finding::new(
                &TIMESTAMP_UTC,
                at,
                format!("`timestamp` `{ts}` has no zone designator"),
            )
            .help(format!(
                "write the time in UTC with `Z`: `\"{ts}Z\"` if it is UTC already"
            ))
            .propose_string(&format!("{ts}Z")),
        ),
        Some(IsoDateTime::Offset(t)) if t.offset().local_minus_utc() != 0 => {
            let utc = t
                .with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
            ctx.report(super::timestamp_offset::finding(at, ts, &utc));
        }
        _ => {}
    }
}
