use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The 200 response of `POST /v4/events:sendEvent` is a JSON object.
    ///
    /// ## Why
    /// The response is a `SendEventResponse`, the empty object `{}` (SJ-GO-OAS: `type: object`,
    /// no properties; the Ruby SDK returns it as `Object`, SEED-000). A client decoding anything
    /// else into the message fails, so this is an error.
    ///
    /// ## Example
    /// ```json
    /// []
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "sajari.send-event.response/body-object",
        severity: Error,
        summary: "The send event response is not a JSON object",
        structural: true,
    };
}

pub(crate) fn finding(doc: &Value) -> Finding {
    let help = "a successful send event answers with the empty object `{}`";
    body_object::finding_not(&BODY_OBJECT, doc, "the empty object", help)
}
