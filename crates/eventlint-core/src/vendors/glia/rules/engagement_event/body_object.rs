use crate::value::Value;

use crate::describe::describe;
use crate::finding::Finding;
use crate::pointer::Pointer;
use crate::proposal::json_string;
use crate::rule::declare_rule;

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
    };
}

pub(crate) fn finding(doc: &Value) -> Finding {
    let finding = Finding::new(
        &BODY_OBJECT,
        Pointer::root(),
        format!(
            "the engagement event body is {}, not an object",
            describe(doc)
        ),
    );
    match doc {
        Value::String(s) => {
            let object = format!("{{\"message\": {}}}", json_string(s));
            let finding = finding.help(format!("wrap the text in an object: `{object}`"));
            // A blank text would be `message-empty`'s warning: no value to propose.
            if s.trim().is_empty() {
                finding
            } else {
                finding.propose(object)
            }
        }
        Value::Array(_) => finding.help("send one event per request: `{\"message\": \"…\"}`"),
        _ => finding.help("send an object with the event's text: `{\"message\": \"…\"}`"),
    }
}
