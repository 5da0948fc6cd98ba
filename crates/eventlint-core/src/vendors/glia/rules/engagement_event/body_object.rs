use crate::document::value::Value;

use crate::message::proposal::json_string;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The body of `POST /engagements/{engagement_id}/events` is a JSON object.
    ///
    /// ## Why
    /// The only body parameter is `message` (SEED-004), sent as a JSON object with
    /// `Content-Type: application/json`; a string, an array or a number is rejected.
    ///
    /// ## Example
    /// ```json
    /// "Visitor navigated to insurance page"
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "glia.engagement-event/body-object",
        severity: Error,
        summary: "The engagement event body is not a JSON object",
        structural: true,
        fix: Safe("when the body is a string: it is wrapped as `{\"message\": …}`."),
    };
}

pub(crate) fn finding(doc: &Value) -> Finding {
    match doc {
        Value::String(s) => {
            let object = format!("{{\"message\": {}}}", json_string(s));
            let finding = body_object::finding(
                &BODY_OBJECT,
                doc,
                format!("wrap the text in an object: `{object}`"),
            );
            // A blank text would be `message-empty`'s warning: no value to propose.
            if s.trim().is_empty() {
                finding
            } else {
                finding.propose(object)
            }
        }
        _ => body_object::finding_or_array(
            &BODY_OBJECT,
            doc,
            "send one event per request: `{\"message\": \"…\"}`",
            "send an object with the event's text: `{\"message\": \"…\"}`",
        ),
    }
}
