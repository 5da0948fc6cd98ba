use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `action` is present, a string, and not empty.
    ///
    /// ## Why
    /// "The request body must contain … `action` is the type of event, for example `page.visit`,
    /// `dog.bark`" (SEED-001). Without it the event cannot be stored.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"id": 5092159999}, "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 5092159999}, "label": "bark"}
    /// ```
    pub(crate) static ACTION_REQUIRED = {
        id: "synerise.custom-event/action-required",
        severity: Error,
        summary: "`action` is missing, not a string, or empty",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&ACTION_REQUIRED, object, "the custom event has no `action`")
        .help("add `action`, the event type, e.g. `\"action\": \"dog.bark\"`")
}

pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    let message = match value {
        Some(Value::String(_)) => "`action` is empty".to_owned(),
        Some(v) => format!(
            "`action` is {}, not a string",
            crate::message::describe::describe(v)
        ),
        None => "`action` is missing".to_owned(),
    };
    Finding::new(&ACTION_REQUIRED, at, message)
        .help("set `action` to the event type as a string, e.g. `\"dog.bark\"`")
}
