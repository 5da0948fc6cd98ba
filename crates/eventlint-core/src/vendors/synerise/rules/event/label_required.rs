use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The event has `label`, a non-empty string.
    ///
    /// ## Why
    /// "`label` must be a non-empty string. It is a legacy property, currently not used by Synerise
    /// and not saved" (SEED-001) — but the API still requires it on every v4 event endpoint,
    /// dedicated and batch included (SYN-M2).
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": ""}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    pub(crate) static LABEL_REQUIRED = {
        id: "synerise.event/label-required",
        severity: Error,
        summary: "`label` is missing, not a string, or empty",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&LABEL_REQUIRED, object, "the event has no `label`").help(
        "add a non-empty `label`, e.g. `\"label\": \"bark\"`; it is not stored but it is required",
    )
}

pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    let message = match value {
        Some(Value::String(_)) => "`label` is empty".to_owned(),
        Some(v) => format!("`label` is {}, not a string", describe(v)),
        None => "`label` is missing".to_owned(),
    };
    Finding::new(&LABEL_REQUIRED, at, message)
        .help("set `label` to a non-empty string, e.g. `\"label\": \"bark\"`")
}
