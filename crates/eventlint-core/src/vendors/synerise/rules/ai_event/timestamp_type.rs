use crate::value::Value;

use crate::check::Finding;
use crate::describe::describe;
use crate::diagnostic::Severity;
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// `eventTimestamp`, when present, is an integer (Unix milliseconds) or a string (the
    /// generated schema says `anyOf: [integer, string]`):
    /// - another JSON type (boolean, object, array, `null`) is an error;
    /// - a fractional number is a warning (milliseconds are whole).
    ///
    /// Which strings are accepted is `synerise.ai-event/timestamp-contradiction`'s business; the
    /// unit of a number, `common/epoch-unit`'s.
    ///
    /// ## Why
    /// SEED-001 documents `eventTimestamp` as "the Unix time of the occurrence, in milliseconds",
    /// and its examples send ISO 8601 strings (vendor-rules.md §8.1). A value of another type is
    /// neither; milliseconds are whole, so a fraction is almost certainly a unit or rounding bug.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000.5}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}
    /// ```
    pub(crate) static TIMESTAMP_TYPE = {
        id: "synerise.ai-event/timestamp-type",
        severity: Error,
        summary: "`eventTimestamp` is neither an integer nor a string",
        structural: true,
    };
}

/// A schema violation of `eventTimestamp`: a fraction (warning) or another JSON type (error).
pub(crate) fn wrong_type(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::Number(n)) => Finding::new(
            &TIMESTAMP_TYPE,
            at,
            format!("`eventTimestamp` `{n}` is not a whole number of milliseconds"),
        )
        .severity(Severity::Warning)
        .help("send whole Unix milliseconds, e.g. `Math.round(…)` or `Date.now()`"),
        other => Finding::new(
            &TIMESTAMP_TYPE,
            at,
            format!(
                "`eventTimestamp` is {}, not Unix milliseconds nor an ISO 8601 string",
                other.map_or_else(|| "missing".to_owned(), describe)
            ),
        )
        .help("send Unix milliseconds as a number, e.g. `1670505802000`, or omit `eventTimestamp`"),
    }
}
