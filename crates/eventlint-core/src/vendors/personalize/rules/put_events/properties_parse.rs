use std::ops::Range;

use crate::document::value::Value;

use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::personalize::shared::properties::Properties;

declare_rule! {
    /// ## What it checks
    /// The `properties` string parses as strict JSON, and the JSON is an object. The diagnostic
    /// points inside the string, at the character where parsing fails.
    ///
    /// ## Why
    /// `properties` is "a string map" (SEED-003) sent as JSON in a string (AWS-BC `jsonvalue`).
    /// The service answers `InvalidInputException: Error parsing properties json` (AWS-I2773) for
    /// text that is not JSON, for JSON that is not an object, and for an object encoded twice (a
    /// JSON string holding the encoded object).
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{numberOfRatings: 12}"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{\"numberOfRatings\": \"12\"}"}
    /// ```
    pub(crate) static PROPERTIES_PARSE = {
        id: "personalize.put-events/properties-parse",
        severity: Error,
        summary: "The `properties` string is not a JSON object",
    };
}

const NOTE: &str = "the service answers `InvalidInputException: Error parsing properties json`";

/// The decoded text does not parse; `span` is the offending bytes of the decoded text.
pub(crate) fn syntax(ctx: &mut Ctx<'_>, props: &Properties<'_>, span: Range<usize>, message: &str) {
    let message = message.replace("the document", "the string");
    let message = message.strip_prefix("invalid JSON: ").unwrap_or(&message);
    ctx.report(
        Finding::new(
            &PROPERTIES_PARSE,
            props.at.clone(),
            format!("`{}` is not valid JSON: {message}", props.name),
        )
        .target(props.chars(span))
        .help("make `properties` a JSON object encoded as a string, e.g. `{\"numberOfRatings\": \"12\"}` with its quotes escaped")
        .note(NOTE),
    );
}

/// The decoded text is JSON, but not an object.
pub(crate) fn not_object(ctx: &mut Ctx<'_>, props: &Properties<'_>, value: &Value) {
    let name = &props.name;
    let (message, help) = match value {
        Value::String(inner)
            if serde_json::from_str::<serde_json::Value>(inner).is_ok_and(|v| v.is_object()) =>
        (
            format!("`{name}` holds a JSON string, not an object: the object is encoded twice"),
            format!(
                "encode the object once: `\"properties\": {}`",
                Value::String(*inner)
            ),
        ),
        _ => (
            format!("`{name}` holds {}, not a JSON object", describe(value)),
            "make `properties` a JSON object of string values, e.g. `{\"numberOfRatings\": \"12\"}`"
                .to_owned(),
        ),
    };
    ctx.report(
        Finding::new(&PROPERTIES_PARSE, props.at.clone(), message)
            .target(props.whole())
            .help(help)
            .note(NOTE),
    );
}
