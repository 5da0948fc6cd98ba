use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// Every batch element has `type`, a string: `custom` for a custom event, otherwise the name
    /// of the event's dedicated endpoint (`/v4/events/hit-timer` → `hit-timer`).
    ///
    /// ## Why
    /// "If the event is custom, add the `"type": "custom"` parameter; if the event has a
    /// dedicated endpoint, add the `type` parameter with the value that corresponds to the name
    /// of the dedicated endpoint" (SEED-001; SYN-M2 `Event.type` is required). Without it
    /// Synerise cannot route the element.
    ///
    /// ## Example
    /// ```json
    /// [{"action": "dog.bark", "client": {"id": 1}, "label": "bark"}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// [{"type": "custom", "action": "dog.bark", "client": {"id": 1}, "label": "bark"}]
    /// ```
    pub(crate) static TYPE_REQUIRED = {
        id: "synerise.batch-events/type-required",
        severity: Error,
        summary: "A batch element has no `type`, or it is not a string",
        structural: true,
    };
}

pub(crate) fn missing(element: Pointer, index: usize, has_action: bool) -> Finding {
    let help = if has_action {
        "add `\"type\": \"custom\"` (the element has an `action`, so it looks like a custom event)"
    } else {
        "add `type`: `custom` for a custom event, or the dedicated endpoint's name, e.g. `\"type\": \"hit-timer\"`"
    };
    Finding::new(
        &TYPE_REQUIRED,
        element,
        format!("batch element [{index}] has no `type`"),
    )
    .help(help)
}

pub(crate) fn wrong(at: Pointer, index: usize, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(
        &TYPE_REQUIRED,
        at,
        format!("`[{index}].type` is {what}, not a string"),
    )
    .help("set `type` to `\"custom\"` or to the dedicated endpoint's name, e.g. `\"hit-timer\"`")
}
