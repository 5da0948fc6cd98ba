use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// Every value in `metadata` is a boolean, a number or a string: not an object, an array or
    /// `null`.
    ///
    /// ## Why
    /// "Every value in the object must be one of the following primitive types: boolean, number,
    /// string" (SJ-GO-OAS / SJ-RB `SendEventRequest` docs). The spec's
    /// `additionalProperties: {type: object}` is a generator artifact of protobuf `Value`; the
    /// prose wins (vendor-rules.md §1.2). Rejection is inferred.
    ///
    /// ## Example
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "metadata": {"customer": {"id": "12345"}, "tags": ["a", "b"]}}
    /// ```
    ///
    /// ## Fix
    /// Flatten nested values into primitive ones:
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "metadata": {"customer_id": "12345", "tags": "a,b"}}
    /// ```
    pub(crate) static METADATA_PRIMITIVE = {
        id: "sajari.send-event/metadata-primitive",
        severity: Error,
        summary: "A `metadata` value is an object, an array or `null`",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, key: &str, value: Option<&Value>) -> Finding {
    let help = match value {
        Some(Value::Object(_)) => format!(
            "flatten `metadata.{key}` into primitive values, e.g. `\"{key}_id\": \"…\"`, or send it as a JSON string"
        ),
        Some(Value::Array(_)) => format!(
            "send `metadata.{key}` as one string (e.g. comma-separated), or as separate keys"
        ),
        Some(Value::Null) => format!("omit `metadata.{key}`, or give it a value"),
        _ => format!("make `metadata.{key}` a boolean, a number or a string"),
    };
    Finding::new(
        &METADATA_PRIMITIVE,
        at,
        format!(
            "`metadata.{key}` is {}; metadata values must be a boolean, a number or a string",
            value.map_or_else(|| "missing".to_owned(), describe)
        ),
    )
    .help(help)
}
