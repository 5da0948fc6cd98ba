use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `timestamp` has no offset other than UTC (`+02:00`, `-04:00`).
    ///
    /// A time without any zone designator is `glia.engagement-event.response/timestamp-utc`'s
    /// business (a warning).
    ///
    /// ## Why
    /// The documented response writes `timestamp` in UTC, `2019-08-28T13:55:24Z` (SEED-004;
    /// vendor-rules.md §5.3). A time with another offset is still an exact instant, just not the
    /// documented form, so this is an info: a client that compares the text, or parses it with a
    /// fixed `Z` format, may still stumble on it.
    ///
    /// ## Example
    /// ```json
    /// {"timestamp": "2019-08-28T15:55:24+02:00"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24Z"}
    /// ```
    pub(crate) static TIMESTAMP_OFFSET = {
        id: "glia.engagement-event.response/timestamp-offset",
        severity: Info,
        summary: "`timestamp` has an offset other than UTC",
        fix: Safe("the same instant is written in UTC."),
    };
}

/// `timestamp` (at `at`) is `ts`, the instant `utc` written with another offset.
pub(crate) fn finding(at: Pointer, ts: &str, utc: &str) -> Finding {
    Finding::new(
        &TIMESTAMP_OFFSET,
        at,
        format!("`timestamp` `{ts}` is not in UTC"),
    )
    .help(format!("the documented form is UTC: `\"{utc}\"`"))
    .propose_string(utc)
}
