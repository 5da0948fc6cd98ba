use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `eventTimestamp`, when present, is a number (Unix milliseconds) or a string (the
    /// generated schema says `anyOf: [integer, string]`): another JSON type (boolean, object,
    /// array, `null`) is an error.
    ///
    /// A fractional number is `synerise.ai-event/timestamp-fraction`'s business (a warning);
    /// which strings are accepted, `synerise.ai-event/timestamp-format`'s; the unit of a number,
    /// `common/epoch-unit`'s.
    ///
    /// ## Why
    /// SEED-001 documents `eventTimestamp` as "the Unix time of the occurrence, in milliseconds",
    /// and its examples send ISO 8601 strings (vendor-rules.md §8.1). A value of another type is
    /// neither.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": true}
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

/// A schema violation of `eventTimestamp`: a fraction (`synerise.ai-event/timestamp-fraction`)
/// or another JSON type.
pub(crate) fn wrong_type(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::Number(n)) => super::timestamp_fraction::finding(at, &n.to_string()),
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
