use chrono::{DateTime, Utc};

use crate::check::{Ctx, Finding};
use crate::diagnostic::Severity;
use crate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::time::parse_iso8601;

declare_rule! {
    /// ## What it checks
    /// `eventTimestamp` is Unix time in milliseconds (an integer) or an ISO 8601 date-time
    /// string:
    /// - an ISO 8601 string is accepted, with an info: the prose documents milliseconds;
    /// - any other string (e.g. `"1670505802000"` or `"2022-12-08 13:23:22"`) is an error.
    ///
    /// Another JSON type, or a fractional number, fails the schema and is reported by
    /// `synerise.ai-event/timestamp-type`; the unit of a number (seconds sent where milliseconds
    /// are documented) is `common/epoch-unit`'s business.
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
        summary: "`eventTimestamp` is an ISO string where milliseconds are documented, or neither",
    };
}

/// A string `eventTimestamp`: info when it is ISO 8601 (returning the instant), error otherwise.
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
            .note("the documentation says milliseconds while its examples send ISO 8601 strings"),
        );
        return Some(time);
    }
    let help = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        format!("send the Unix milliseconds as a number, without quotes: `{value}`")
    } else if value.len() > 10 && value.as_bytes().get(10) == Some(&b' ') {
        format!(
            "separate date and time with `T`: `{}`, or send Unix milliseconds",
            value.replacen(' ', "T", 1)
        )
    } else {
        "send Unix milliseconds as a number, e.g. `1670505802000`, or an ISO 8601 date-time such as `2022-12-08T13:23:22Z`".to_owned()
    };
    ctx.report(
        Finding::new(
            &TIMESTAMP_CONTRADICTION,
            at.clone(),
            format!(
                "`eventTimestamp` `{value}` is neither Unix milliseconds nor an ISO 8601 date-time"
            ),
        )
        .severity(Severity::Error)
        .help(help),
    );
    None
}
