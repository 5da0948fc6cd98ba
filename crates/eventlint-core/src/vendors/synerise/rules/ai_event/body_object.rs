use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The body of `POST /events/v1/single/{eventType}` is a JSON object.
    ///
    /// ## Why
    /// The endpoint takes one event object (SEED-001); several events go to
    /// `POST /events/v1/batch` inside `{"eventType": …, "items": […]}`. Not in vendor-rules.md's
    /// table; added so that every structural problem of the kind has a named rule.
    ///
    /// ## Example
    /// ```json
    /// [{"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": []}]
    /// ```
    ///
    /// ## Fix
    /// Send the object itself, or send `{"eventType": "recommendation.view", "items": [ … ]}` to
    /// `POST /events/v1/batch`.
    pub(crate) static BODY_OBJECT = {
        id: "synerise.ai-event/body-object",
        severity: Error,
        summary: "The AI event body is not a JSON object",
        structural: true,
    };
}

/// The help for an array, and for anything else.
const ARRAY_HELP: &str = "send one event object here; several events go to `POST /events/v1/batch` as `{\"eventType\": …, \"items\": [ … ]}`";
const HELP: &str = "send a JSON object with `correlationId`, `clientUUID` and `items`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding_or_array(&BODY_OBJECT, doc, ARRAY_HELP, HELP)
}
