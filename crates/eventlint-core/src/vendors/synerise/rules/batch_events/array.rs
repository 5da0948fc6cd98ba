use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The body of `POST /v4/events/batch` is a JSON array, and each of its elements is an event
    /// object.
    ///
    /// ## Why
    /// "The request body is an array of events" (SEED-001; SYN-M2 `Event[]`). A single event
    /// object belongs to its own endpoint (`/v4/events/custom` or a dedicated one); anything
    /// else is rejected.
    ///
    /// ## Example
    /// ```json
    /// {"type": "custom", "action": "dog.bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// [{"type": "custom", "action": "dog.bark", "client": {"id": 1}, "label": "bark"}]
    /// ```
    pub(crate) static ARRAY = {
        id: "synerise.batch-events/array",
        severity: Error,
        summary: "The batch body is not an array of event objects",
        structural: true,
    };
}

/// The body itself is not an array.
pub(crate) fn not_array(doc: &Value) -> Finding {
    let help = if doc.is_object() {
        "wrap the event in an array, `[ … ]`, or send it alone to its own endpoint (`/v4/events/custom` or the dedicated one)"
    } else {
        "send a JSON array of event objects"
    };
    Finding::new(
        &ARRAY,
        Pointer::root(),
        format!("the batch body is {}, not an array", describe(doc)),
    )
    .help(help)
}

/// Element `index` is not an object.
pub(crate) fn element_not_object(at: Pointer, index: usize, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(
        &ARRAY,
        at,
        format!("batch element [{index}] is {what}, not an event object"),
    )
    .help("make every element an event object with `type`, `client` and `label`")
}
