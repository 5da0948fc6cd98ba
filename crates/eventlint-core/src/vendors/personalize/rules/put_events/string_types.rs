use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The string members are JSON strings: `trackingId`, `userId`, `sessionId`, and in each
    /// event `eventId`, `eventType`, `itemId`, `recommendationId`, each `impression` item ID and
    /// `metricAttribution.eventAttributionSource`.
    ///
    /// ## Why
    /// They are `string` shapes in the service model (AWS-BC); botocore rejects other types
    /// client-side ("valid types: str") and the service cannot deserialize them (rejection
    /// inferred). Numeric IDs are the usual mistake: they must be quoted. A `null` is no value:
    /// omit an optional member instead.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "userId": 123, "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400, "itemId": 42}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"trackingId": "tid", "userId": "123", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400, "itemId": "42"}]}
    /// ```
    pub(crate) static STRING_TYPES = {
        id: "personalize.put-events/string-types",
        severity: Error,
        summary: "A string member holds another JSON type",
        structural: true,
        fix: Safe("when the member is a number or a boolean: it is quoted."),
    };
}

const REQUIRED: &[&str] = &[
    "trackingId",
    "sessionId",
    "eventType",
    "eventAttributionSource",
];

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let member = at.segments().pop().unwrap_or_default();
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &STRING_TYPES,
        at,
        format!("`{name}` is {what}, not a string"),
    );
    let quoted = match value {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    };
    match (value, quoted) {
        (_, Some(text)) => finding
            .help(format!("quote it: `\"{text}\"`"))
            .propose_string(&text),
        (Some(Value::Null), None) if !REQUIRED.contains(&member.as_str()) => {
            finding.help(format!("omit `{name}` instead of sending `null`"))
        }
        _ => finding.help(format!("send `{name}` as a non-empty string")),
    }
}
