use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `correlationId` is present, a string, and not empty.
    ///
    /// ## Why
    /// "The request body must contain … `correlationId` is the ID of the recommendation frame
    /// where the event occurred. It is included in the `extras` object of a recommendation
    /// request" (SEED-001). Without it the event cannot be tied to the recommendation.
    ///
    /// ## Example
    /// ```json
    /// {"clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    pub(crate) static CORRELATION_REQUIRED = {
        id: "synerise.ai-event/correlation-required",
        severity: Error,
        summary: "`correlationId` is missing, not a string, or empty",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(
        &CORRELATION_REQUIRED,
        object,
        "the AI event has no `correlationId`",
    )
    .help("add `correlationId`, taken from the `extras` of the recommendation response")
}

pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    let message = match value {
        Some(Value::String(_)) => "`correlationId` is empty".to_owned(),
        Some(v) => format!("`correlationId` is {}, not a string", describe(v)),
        None => "`correlationId` is missing".to_owned(),
    };
    Finding::new(&CORRELATION_REQUIRED, at, message)
        .help("set `correlationId` to the string from the `extras` of the recommendation response")
}
