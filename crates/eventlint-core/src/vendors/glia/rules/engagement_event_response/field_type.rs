use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::proposal::json_string;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rule::time::epoch_to_rfc3339;

declare_rule! {
    /// ## What it checks
    /// Each field of the event message has its documented JSON type: `timestamp`, `id`,
    /// `engagement_id`, `content`, `status`, `target` and `sender.type` are strings, `sender` is
    /// an object. `null` is reported too. (`sub_engagement_id` has its own rule,
    /// `glia.engagement-event.response/sub-engagement-id-string`.)
    ///
    /// ## Why
    /// The documented response (SEED-004) writes every field as a string except `sender`,
    /// `{"type": "visitor"}`; clients typed after it fail on another type. A numeric `timestamp`
    /// is a Unix time where ISO 8601 is documented.
    ///
    /// ## Example
    /// ```json
    /// {"timestamp": 1567000524, "id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d", "sub_engagement_id": "339", "content": "Visitor navigated to insurance page", "status": "sent", "sender": "visitor", "target": "operator"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24Z", "id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d", "sub_engagement_id": "339", "content": "Visitor navigated to insurance page", "status": "sent", "sender": {"type": "visitor"}, "target": "operator"}
    /// ```
    pub(crate) static FIELD_TYPE = {
        id: "glia.engagement-event.response/field-type",
        severity: Error,
        summary: "A field of the event message has the wrong JSON type",
        structural: true,
        fix: Safe("when the value is a number, a boolean or an epoch time where a string is documented: the documented form is written."),
    };
}

/// `name` is the field as users read it (`sender.type`).
pub(crate) fn finding(at: Pointer, name: &str, value: &Value) -> Finding {
    let expected = if name == "sender" {
        "an object"
    } else {
        "a string"
    };
    let finding = Finding::new(
        &FIELD_TYPE,
        at,
        format!("`{name}` is {}, not {expected}", describe(value)),
    );
    match (name, value) {
        ("timestamp", Value::Number(n)) => {
            let seconds = n.as_f64().unwrap_or_default();
            let seconds = if seconds > 1e11 {
                seconds / 1000.0
            } else {
                seconds
            };
            match epoch_to_rfc3339(seconds) {
                Some(iso) => finding
                    .help(format!(
                        "write `timestamp` as an ISO 8601 UTC string: `\"{iso}\"`"
                    ))
                    .propose_string(&iso),
                None => finding.help(
                    "write `timestamp` as an ISO 8601 UTC string, e.g. `\"2019-08-28T13:55:24Z\"`",
                ),
            }
        }
        ("sender", Value::String(s)) => {
            let object = format!("{{\"type\": {}}}", json_string(s));
            finding
                .help(format!("write `sender` as an object: `{object}`"))
                .propose(object)
        }
        ("sender", _) => {
            finding.help("write `sender` as an object, e.g. `{\"type\": \"visitor\"}`")
        }
        // A number is no UUID: quoting it is advice only for the free-text fields.
        ("id" | "engagement_id" | "timestamp", _) => {
            finding.help(format!("write `{name}` as a string"))
        }
        (_, Value::Number(n)) => {
            let text = n.to_string();
            finding
                .help(format!("write `{name}` as a string: `\"{text}\"`"))
                .propose_string(&text)
        }
        _ => finding.help(format!("write `{name}` as a string")),
    }
}
