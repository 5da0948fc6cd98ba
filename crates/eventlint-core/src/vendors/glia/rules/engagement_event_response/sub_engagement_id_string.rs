use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `sub_engagement_id` is a string, such as `"339"`: a number (`339`) or another JSON type is
    /// an error. A string with other characters than digits is
    /// `glia.engagement-event.response/sub-engagement-id-digits`'s business (a warning).
    ///
    /// ## Why
    /// The documented response writes `"sub_engagement_id": "339"`: a string, although it holds
    /// a number (SEED-004; vendor-rules.md §5.3). Hand-written mocks often drop the quotes, and a
    /// client typed after the real response then fails.
    ///
    /// ## Example
    /// ```json
    /// {"sub_engagement_id": 339}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"sub_engagement_id": "339"}
    /// ```
    pub(crate) static SUB_ENGAGEMENT_ID_STRING = {
        id: "glia.engagement-event.response/sub-engagement-id-string",
        severity: Error,
        summary: "`sub_engagement_id` is not a string",
        structural: true,
        fix: Safe("when `sub_engagement_id` is a number: it is quoted."),
    };
}

/// Not a string.
pub(crate) fn wrong_type(at: Pointer, value: &Value) -> Finding {
    let finding = Finding::new(
        &SUB_ENGAGEMENT_ID_STRING,
        at,
        format!("`sub_engagement_id` is {}, not a string", describe(value)),
    )
    .note("the API writes this numeric id as a string");
    // Quoting gives the string of digits only for a whole number ≥ 0.
    match value {
        Value::Number(n) if n.as_u64().is_some() => {
            let digits = n.to_string();
            finding
                .help(format!("quote it: `\"sub_engagement_id\": \"{digits}\"`"))
                .propose_string(&digits)
        }
        _ => finding.help("write `sub_engagement_id` as a string of digits, e.g. `\"339\"`"),
    }
}
