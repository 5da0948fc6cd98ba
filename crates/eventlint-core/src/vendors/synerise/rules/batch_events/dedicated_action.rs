use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// A batch element whose `type` names a dedicated endpoint (anything but `custom`) has no
    /// `action`. This is the batch form of `synerise.dedicated-event/action-ignored`.
    ///
    /// ## Why
    /// "If the event has a dedicated endpoint: add the `type` parameter … remove the `action`
    /// parameter" (SEED-001). The backend sets the action from `type`; an `action` here is
    /// ignored, and a different one shows a misunderstanding (was the event meant to be
    /// `custom`?).
    ///
    /// ## Example
    /// ```json
    /// [{"type": "hit-timer", "action": "client.hitTimer", "client": {"id": 1}, "label": "timer"}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// [{"type": "hit-timer", "client": {"id": 1}, "label": "timer"}]
    /// ```
    pub(crate) static DEDICATED_ACTION = {
        id: "synerise.batch-events/dedicated-action",
        severity: Warning,
        summary: "A dedicated event in a batch has an `action`",
    };
}

/// `action` at `at` in an element of type `ty`, whose backend action is `backend`.
pub(crate) fn finding(at: Pointer, ty: &str, backend: &str, action: &Value) -> Finding {
    let message = match action {
        Value::String(a) if a == backend => {
            format!("`action` `{a}` is redundant: `\"type\": \"{ty}\"` already sets it")
        }
        Value::String(a) => {
            format!("`action` `{a}` is ignored: `\"type\": \"{ty}\"` sets the action `{backend}`")
        }
        other => format!(
            "`action` ({}) is ignored: `\"type\": \"{ty}\"` sets the action `{backend}`",
            describe(other)
        ),
    };
    let help = match action {
        Value::String(a) if a != backend => format!(
            "remove `action`; if you meant a custom `{a}` event, set `\"type\": \"custom\"` instead"
        ),
        _ => "remove `action` from this element".to_owned(),
    };
    Finding::new(&DEDICATED_ACTION, at, message).help(help)
}
