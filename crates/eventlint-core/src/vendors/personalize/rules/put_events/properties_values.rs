use crate::document::value::Value;

use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::personalize::shared::properties::Properties;

declare_rule! {
    /// ## What it checks
    /// The values of the `properties` object are strings. The diagnostic points at the value
    /// inside the string.
    ///
    /// ## Why
    /// `properties` is documented as "a string map", with the example
    /// `{"numberOfRatings": "12"}` (SEED-003). Some integrations send numbers and the service
    /// has been seen to take them (vendor-rules.md §8.9), so this is a warning, not an error:
    /// a number, boolean, `null`, object or array may be stored differently from the schema
    /// field's type, or dropped. Categorical multi-values are one string joined with `|`
    /// (`"Horror|Action"`).
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{\"numberOfRatings\": 12}"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{\"numberOfRatings\": \"12\"}"}
    /// ```
    pub(crate) static PROPERTIES_VALUES = {
        id: "personalize.put-events/properties-values",
        severity: Warning,
        summary: "A `properties` value is not a string",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, props: &Properties<'_>, key: &str, value: &Value) {
    let help = match value {
        Value::String(_) => return,
        Value::Number(n) => format!("quote it: `\"{key}\": \"{n}\"`"),
        Value::Bool(b) => format!("quote it: `\"{key}\": \"{b}\"`"),
        Value::Null => format!("omit `{key}` instead of sending `null`"),
        Value::Array(items) if items.iter().all(|i| i.is_string() || i.is_number()) => {
            let joined: Vec<String> = items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect();
            format!(
                "join the values with `|`: `\"{key}\": {}`",
                serde_json::Value::String(joined.join("|"))
            )
        }
        Value::Array(_) | Value::Object(_) => format!(
            "flatten `{key}` into string values of their own keys; `properties` is a flat string map"
        ),
    };
    ctx.report(
        Finding::new(
            &PROPERTIES_VALUES,
            props.at.clone(),
            format!(
                "`{}` value of `{key}` is {}, not a string",
                props.name,
                describe(value)
            ),
        )
        .target(props.value(key))
        .help(help),
    );
}
