use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// A numeric `eventTimestamp` is a whole number of milliseconds, not a fraction such as
    /// `1670505802000.5`.
    ///
    /// A value that is neither a number nor a string is `synerise.ai-event/timestamp-type`'s
    /// business (an error); the unit of a number, `common/epoch-unit`'s.
    ///
    /// ## Why
    /// SEED-001 documents `eventTimestamp` as "the Unix time of the occurrence, in milliseconds",
    /// and the generated schema says `integer`. Milliseconds are whole, so a fraction is almost
    /// certainly a unit or rounding bug; the API probably truncates it ([I]): a warning.
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
    pub(crate) static TIMESTAMP_FRACTION = {
        id: "synerise.ai-event/timestamp-fraction",
        severity: Warning,
        summary: "`eventTimestamp` is a fractional number of milliseconds",
        structural: true,
    };
}

/// `eventTimestamp` (at `at`) is the fractional number `number`.
pub(crate) fn finding(at: Pointer, number: &str) -> Finding {
    Finding::new(
        &TIMESTAMP_FRACTION,
        at,
        format!("`eventTimestamp` `{number}` is not a whole number of milliseconds"),
    )
    .help("send whole Unix milliseconds, e.g. `Math.round(…)` or `Date.now()`")
}
