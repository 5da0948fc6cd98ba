use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The body of a dedicated endpoint (`POST /v4/events/{endpoint}`) is a JSON object.
    ///
    /// ## Why
    /// Each dedicated endpoint takes one event object (SYN-PHP request bodies of the dedicated
    /// endpoints); an array of events belongs to `POST /v4/events/batch`. Not in
    /// vendor-rules.md's table, which lists this rule for custom events only; added so that
    /// every structural problem of the kind has a named rule.
    ///
    /// ## Example
    /// ```json
    /// [{"client": {"id": 1}, "label": "timer"}]
    /// ```
    ///
    /// ## Fix
    /// Send the object itself, or send the array to the batch endpoint with
    /// `"type": "<endpoint>"` on each element.
    pub(crate) static BODY_OBJECT = {
        id: "synerise.dedicated-event/body-object",
        severity: Error,
        summary: "The dedicated event body is not a JSON object",
        structural: true,
    };
}

/// The help for an array, and for anything else.
const ARRAY_HELP: &str = "send one event object here; an array of events goes to `POST /v4/events/batch` with the endpoint's name as `type` on each";
const HELP: &str = "send a JSON object with `client` and `label`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding_or_array(&BODY_OBJECT, doc, ARRAY_HELP, HELP)
}
