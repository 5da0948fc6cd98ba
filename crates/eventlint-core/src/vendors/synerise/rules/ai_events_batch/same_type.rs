use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::synerise::model::AI_EVENT_TYPES;

declare_rule! {
    /// ## What it checks
    /// No event of an AI batch carries its own type (`eventType` or `type`) that differs from the
    /// batch's `eventType`. (A per-event type equal to the batch's is only an unknown key.) An
    /// event has no such key in the generated schema (`additionalProperties: false`); this rule
    /// names that violation when the key holds another type.
    ///
    /// ## Why
    /// "All events in a batch must be of the same type" (SEED-001): the single top-level
    /// `eventType` applies to every event, so a per-event type is ignored and the event is
    /// recorded as the wrong type.
    ///
    /// ## Example
    /// ```json
    /// {"eventType": "recommendation.view", "items": [{"eventType": "recommendation.click", "correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}]}
    /// ```
    ///
    /// ## Fix
    /// Send events of each type in their own batch.
    pub(crate) static SAME_TYPE = {
        id: "synerise.ai-events-batch/same-type",
        severity: Error,
        summary: "An event of an AI batch has a different type than the batch",
        structural: true,
    };
}

/// Whether the per-event type `value` differs from the batch's `batch_type`. Without a valid
/// batch type (`shape` reports it) nothing is compared.
pub(crate) fn differs(value: &Value, batch_type: Option<&str>) -> bool {
    batch_type.is_some_and(|t| AI_EVENT_TYPES.contains(&t) && value.as_str() != Some(t))
}

pub(crate) fn finding(at: Pointer, key: &str, value: &Value, batch_type: Option<&str>) -> Finding {
    let shown = match value {
        Value::String(s) => format!("`{s}`"),
        other => describe(other),
    };
    let batch = batch_type.unwrap_or_default();
    Finding::new(
        &SAME_TYPE,
        at,
        format!("`{key}` {shown} differs from the batch's `eventType` (`{batch}`)"),
    )
    .help("all events of a batch have the batch's type: send this event in a batch of its own type, and remove its `{key}`".replace("{key}", key))
}
