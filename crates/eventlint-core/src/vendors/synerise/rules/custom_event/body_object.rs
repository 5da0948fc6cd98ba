use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The body of `POST /v4/events/custom` is a JSON object.
    ///
    /// ## Why
    /// The endpoint takes one event object; an array belongs to `POST /v4/events/batch`, and
    /// anything else is rejected (vendor-rules.md §2.3; SYN-PHP `CustomPostRequestBody`).
    ///
    /// ## Example
    /// ```json
    /// [{"action": "dog.bark", "client": {"id": 1}, "label": "bark"}]
    /// ```
    ///
    /// ## Fix
    /// Send the object itself, or send the array to the batch endpoint with `"type": "custom"`
    /// on each element.
    pub(crate) static BODY_OBJECT = {
        id: "synerise.custom-event/body-object",
        severity: Error,
        summary: "The custom event body is not a JSON object",
        structural: true,
    };
}

/// The help for an array, and for anything else.
const ARRAY_HELP: &str = "send one event object here; an array of events goes to `POST /v4/events/batch` with `\"type\": \"custom\"` on each";
const HELP: &str = "send a JSON object with `action`, `client` and `label`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding_or_array(&BODY_OBJECT, doc, ARRAY_HELP, HELP)
}
