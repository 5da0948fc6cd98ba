use crate::value::Value;

use crate::check::Finding;
use crate::describe::describe;
use crate::pointer::Pointer;
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
    let help = match doc {
        Value::String(s) => format!(
            "wrap the text in an object: `{{\"message\": {}}}`",
            Value::String(*s)
        ),
        Value::Array(_) => "send one event per request: `{\"message\": \"…\"}`".to_owned(),
        _ => "send an object with the event's text: `{\"message\": \"…\"}`".to_owned(),
    };
    Finding::new(
        &BODY_OBJECT,
        Pointer::root(),
        format!(
            "the engagement event body is {}, not an object",
            describe(doc)
        ),
    )
    .help(help)
}
