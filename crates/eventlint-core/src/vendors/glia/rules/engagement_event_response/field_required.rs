use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The event message has every documented field: `timestamp`, `id`, `engagement_id`,
    /// `sub_engagement_id`, `content`, `status`, `sender` (with `sender.type`) and `target`.
    ///
    /// ## Why
    /// The 200 response is "a newly-created event message object" and the documented example has
    /// all eight fields (SEED-004). A mock or a recorded response without one of them does not
    /// match what clients are written against. The field list is all the documentation gives;
    /// that every field is always present is inferred [I].
    ///
    /// ## Example
    /// ```json
    /// {"id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "content": "Visitor navigated to insurance page", "status": "sent"}
    /// ```
    ///
    /// ## Fix
    /// Add the missing fields, as in the documented example:
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24Z", "id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d", "sub_engagement_id": "339", "content": "Visitor navigated to insurance page", "status": "sent", "sender": {"type": "visitor"}, "target": "operator"}
    /// ```
    pub(crate) static FIELD_REQUIRED = {
        id: "glia.engagement-event.response/field-required",
        severity: Error,
        summary: "The event message lacks a documented field",
        structural: true,
    };
}

/// An example value of each field, for the help.
fn example(field: &str) -> &'static str {
    match field {
        "timestamp" => "\"2019-08-28T13:55:24Z\"",
        "id" => "\"0df4c3f7-f55b-4186-962d-0c5198fd2adb\"",
        "engagement_id" => "\"af8c2e16-545d-4f83-9e79-7c5ebc544b1d\"",
        "sub_engagement_id" => "\"339\"",
        "content" => "\"Visitor navigated to insurance page\"",
        "status" => "\"sent\"",
        "sender" => "{\"type\": \"visitor\"}",
        "type" => "\"visitor\"",
        "target" => "\"operator\"",
        _ => "…",
    }
}

/// `name` is the field as users read it (`sender.type`), `key` the member to add.
pub(crate) fn missing(object: Pointer, name: &str, key: &str) -> Finding {
    let container = if name.contains('.') {
        "`sender`"
    } else {
        "the event message"
    };
    Finding::new(
        &FIELD_REQUIRED,
        object,
        format!("{container} has no `{key}`"),
    )
    .help(format!("add `\"{key}\": {}`", example(key)))
}
