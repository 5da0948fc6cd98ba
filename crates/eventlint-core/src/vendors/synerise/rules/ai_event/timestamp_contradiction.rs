use chrono::{DateTime, Utc};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::parse_iso8601;

declare_rule! {
    /// ## What it checks
    /// `eventTimestamp` is an ISO 8601 date-time string, where the prose documents Unix
    /// milliseconds. Such a string is accepted; this info says it is the undocumented form.
    ///
    /// Any other string (e.g. `"1670505802000"` or `"2022-12-08 13:23:22"`) is
    /// `synerise.ai-event/timestamp-format`'s business (an error). Another JSON type, or a
    /// fractional number, fails the schema and is reported by `synerise.ai-event/timestamp-type`
    /// or `synerise.ai-event/timestamp-fraction`; the unit of a number (seconds sent where
    /// milliseconds are documented) is `common/epoch-unit`'s business.
    ///
    /// ## Why
    /// SEED-001 contradicts itself: "`eventTimestamp` is the Unix time of the occurrence, in
    /// milliseconds", while both of its examples send `"eventTimestamp": "2022-12-08T13:23:22Z"`
    /// (vendor-rules.md §8.1; the newer ai-compat API takes ISO strings). Both forms are accepted;
    /// the info says that the string form is the undocumented one.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": "2022-12-08T13:23:22Z"}
    /// ```
    ///
    /// ## Fix
    /// Send the documented form, `"eventTimestamp": 1670505802000`, or keep the ISO string and
    /// ignore the info.
    pub(crate) static TIMESTAMP_CONTRADICTION = {
        id: "synerise.ai-event/timestamp-contradiction",
        severity: Info,
        summary: "`eventTimestamp` is an ISO string where milliseconds are documented",
        fix: Safe("the ISO 8601 time is written as the same instant in epoch milliseconds."),
    };
}

/// A string `eventTimestamp`: this info when it is ISO 8601 (returning the instant),
/// `synerise.ai-event/timestamp-format` otherwise.
pub(crate) fn check_string(ctx: &mut Ctx<'_>, at: &Pointer, value: &str) -> Option<DateTime<Utc>> {
    if let Some(time) = parse_iso8601(value) {
        let time = time.to_utc();
        ctx.report(
            Finding::new(
                &TIMESTAMP_CONTRADICTION,
                at.clone(),
                format!("`eventTimestamp` `{value}` is an ISO 8601 string; the AI events API documents Unix milliseconds"),
            )
            .help(format!("send `\"eventTimestamp\": {}` to follow the documentation, or keep the string, as the vendor's own examples do", time.timestamp_millis()))
            .propose(time.timestamp_millis().to_string())
            .note("the documentation says milliseconds while its examples send ISO 8601 strings"),
        );
        return Some(time);
    }
    ctx.report(super::timestamp_format::finding(at.clone(), value));
    None
}
