use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The body of `POST /v4/events:sendEvent` is a JSON object.
    ///
    /// ## Why
    /// The request body is a `SendEventRequest` message (SJ-GO-OAS `requestBodies.SendEventRequest`,
    /// `required: true`); grpc-gateway cannot decode an array, a string or a number into it and
    /// answers 400.
    ///
    /// ## Example
    /// ```json
    /// [{"name": "click", "token": "eyJhbGciOi…"}]
    /// ```
    ///
    /// ## Fix
    /// Send one event object per request:
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "weight": 1}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "sajari.send-event/body-object",
        severity: Error,
        summary: "The send event body is not a JSON object",
        structural: true,
    };
}

/// The help for an array, and for anything else.
const ARRAY_HELP: &str =
    "send one event object per request, e.g. `{\"name\": \"click\", \"token\": \"…\"}`";
const HELP: &str =
    "send a JSON object with `name` and `token`, e.g. `{\"name\": \"click\", \"token\": \"…\"}`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding_or_array(&BODY_OBJECT, doc, ARRAY_HELP, HELP)
}
