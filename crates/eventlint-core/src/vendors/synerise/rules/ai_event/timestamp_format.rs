use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rule::time::parse_iso8601;

declare_rule! {
    /// ## What it checks
    /// A string `eventTimestamp` is an ISO 8601 date-time: any other string, such as
    /// `"1670505802000"` (milliseconds in quotes) or `"2022-12-08 13:23:22"` (a space for the
    /// `T`), is an error.
    ///
    /// An ISO 8601 string is accepted, with `synerise.ai-event/timestamp-contradiction`'s info;
    /// a value that is neither a string nor an integer is `synerise.ai-event/timestamp-type`'s
    /// business.
    ///
    /// ## Why
    /// SEED-001 documents `eventTimestamp` as "the Unix time of the occurrence, in milliseconds"
    /// and its examples send ISO 8601 strings (vendor-rules.md §8.1). A string that is neither an
    /// ISO 8601 date-time nor a number is not a time the API can read (rejection inferred).
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": "1670505802000"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}
    /// ```
    pub(crate) static TIMESTAMP_FORMAT = {
        id: "synerise.ai-event/timestamp-format",
        severity: Error,
        summary: "`eventTimestamp` is a string but not an ISO 8601 date-time",
        fix: Safe("when the value is epoch milliseconds in a string, or a date and time separated by a space: the documented form is written."),
    };
}

/// The string `eventTimestamp` (at `at`) is `value`, which is no ISO 8601 date-time.
pub(crate) fn finding(at: Pointer, value: &str) -> Finding {
    let finding = Finding::new(
        &TIMESTAMP_FORMAT,
        at,
        format!(
            "`eventTimestamp` `{value}` is neither Unix milliseconds nor an ISO 8601 date-time"
        ),
    );
    let with_t = value.replacen(' ', "T", 1);
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        finding
            .help(format!(
                "send the Unix milliseconds as a number, without quotes: `{value}`"
            ))
            .propose(value)
    } else if value.as_bytes().get(10) == Some(&b' ') && parse_iso8601(&with_t).is_some() {
        finding
            .help(format!(
                "separate date and time with `T`: `{with_t}`, or send Unix milliseconds"
            ))
            .propose_string(&with_t)
    } else {
        finding.help("send Unix milliseconds as a number, e.g. `1670505802000`, or an ISO 8601 date-time such as `2022-12-08T13:23:22Z`")
    }
}
