use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{IsoDateTime, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// `time` has a zone designator, `Z` or `±hh:mm`.
    ///
    /// ## Why
    /// The older API reference says "By default, the time is in UTC", but the official PHP SDK
    /// requires a designator (vendor-rules.md §2.3). A local time without one is read as UTC and
    /// shifts events by your UTC offset.
    ///
    /// ## Example
    /// ```json
    /// {"time": "2022-05-23T09:00:00"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"time": "2022-05-23T09:00:00-04:00"}
    /// ```
    pub(crate) static TIME_NO_OFFSET = {
        id: "synerise.event/time-no-offset",
        severity: Warning,
        summary: "`time` has no `Z` or UTC offset",
        fix: Unsafe("a `Z` is appended: taking the time as UTC is a guess."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    let Some(Value::String(time)) = event.get("time") else {
        return;
    };
    if let Some(IsoDateTime::Local(_)) = parse_iso8601(time) {
        ctx.report(
            Finding::new(
                &TIME_NO_OFFSET,
                base.key("time"),
                format!("`time` `{time}` has no zone designator"),
            )
            .help(format!(
                "add `Z` if `time` is UTC (`{time}Z`), or your offset, e.g. `{time}+02:00`"
            ))
            .propose_string(&format!("{time}Z")),
        );
    }
}
