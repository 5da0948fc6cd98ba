use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{IsoDateTime, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// String values in `params` that are ISO 8601 date-times without a zone designator.
    ///
    /// ## Why
    /// Unlike the top-level `time`, date-times in `params` without an offset are interpreted in
    /// the **workspace** time zone (SYN-PHP), so the same payload means different instants in
    /// different workspaces. Info only.
    ///
    /// ## Example
    /// ```json
    /// {"params": {"deliveryAt": "2022-11-30T10:00:00"}}
    /// ```
    ///
    /// ## Fix
    /// `{"params": {"deliveryAt": "2022-11-30T10:00:00Z"}}`
    pub(crate) static PARAMS_DATETIME_TZ = {
        id: "synerise.event/params-datetime-tz",
        severity: Info,
        summary: "A date-time in `params` has no offset and is read in the workspace time zone",
        fix: Unsafe("a `Z` is appended: taking the time as UTC is a guess."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, params: &Map<'_>) {
    for (key, value) in params {
        if let Value::String(s) = value
            && let Some(IsoDateTime::Local(_)) = parse_iso8601(s)
        {
            ctx.report(
                Finding::new(
                    &PARAMS_DATETIME_TZ,
                    at.key(key),
                    format!(
                        "`params.{key}` `{s}` has no offset and is read in the workspace time zone"
                    ),
                )
                .help(format!(
                    "add `Z` or an offset to `params.{key}`, e.g. `{s}Z`"
                ))
                .propose_string(&format!("{s}Z")),
            );
        }
    }
}
