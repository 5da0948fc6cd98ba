use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `properties` is a JSON **string** (that holds a JSON object), not an object or any other
    /// type.
    ///
    /// ## Why
    /// `properties` is the `EventPropertiesJSON` shape: a `string` with `jsonvalue: true` (AWS-BC).
    /// On the wire it is the object encoded as a string, `"properties": "{\"numberOfRatings\":
    /// \"12\"}"`; botocore rejects a dict client-side ("valid types: str"), and the service cannot
    /// deserialize an object there. SDKs that take a `Record`/`Map` do the encoding themselves; a
    /// hand-built body must do it too.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": {"numberOfRatings": "12"}}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{\"numberOfRatings\": \"12\"}"}
    /// ```
    pub(crate) static PROPERTIES_STRING = {
        id: "personalize.put-events/properties-string",
        severity: Error,
        summary: "`properties` is not a JSON string",
        structural: true,
        fix: Safe("when `properties` is an object: it is written as its JSON text, encoded as a string."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match value {
        Some(object @ Value::Object(_)) => {
            let encoded = serde_json::Value::String(object.to_string()).to_string();
            if encoded.chars().count() <= 120 {
                format!("encode the object as a string: `\"properties\": {encoded}`")
            } else {
                "encode the object as a string (`JSON.stringify`, `json.dumps`)".to_owned()
            }
        }
        Some(Value::Null) => format!("omit `{name}` instead of sending `null`"),
        _ => "send a JSON object encoded as a string, e.g. `\"{\\\"numberOfRatings\\\": \\\"12\\\"}\"`"
            .to_owned(),
    };
    let encoded = match value {
        Some(object @ Value::Object(_)) => {
            Some(serde_json::Value::String(object.to_string()).to_string())
        }
        _ => None,
    };
    let finding = Finding::new(
        &PROPERTIES_STRING,
        at,
        format!("`{name}` is {what}, not a string holding a JSON object"),
    )
    .help(help);
    match encoded {
        Some(encoded) => finding.propose(encoded),
        None => finding,
    }
}
