use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The body has a `message`, and it is a JSON string.
    ///
    /// ## Why
    /// `message` is the one body parameter, `type="string" required=true`: "Utterance depicting
    /// the engaged Visitor event" (SEED-004).
    ///
    /// ## Example
    /// ```json
    /// {"text": "Visitor navigated to insurance page"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    pub(crate) static MESSAGE_REQUIRED = {
        id: "glia.engagement-event/message-required",
        severity: Error,
        summary: "`message` is missing or not a string",
        structural: true,
        fix: Safe("when `message` is a number or a boolean: it is quoted."),
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(
        &MESSAGE_REQUIRED,
        object,
        "the engagement event has no `message`",
    )
    .help("add the event's text, e.g. `\"message\": \"Visitor navigated to insurance page\"`")
}

pub(crate) fn wrong(at: Pointer, value: &Value) -> Finding {
    let finding = Finding::new(
        &MESSAGE_REQUIRED,
        at,
        format!("`message` is {}, not a string", describe(value)),
    );
    match value {
        Value::Number(n) => {
            let text = n.to_string();
            finding
                .help(format!("write `message` as a string: `\"{text}\"`"))
                .propose_string(&text)
        }
        Value::Object(_) | Value::Array(_) => {
            finding.help("`message` is plain text: describe the event in one string")
        }
        _ => finding.help("write `message` as a string describing the visitor's action"),
    }
}
