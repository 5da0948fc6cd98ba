use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The body sent to a dedicated endpoint (`/v4/events/hit-timer`, `/v4/events/logged-in`, …)
    /// has no `action`. In a batch, the same check is `synerise.batch-events/dedicated-action`.
    ///
    /// ## Why
    /// "When you use a dedicated endpoint for an event type, this parameter is not used"
    /// (SEED-001); "the `action` field is set to … by the backend" (SYN-PHP). Whatever you send
    /// is discarded, and an `action` of your own suggests the event was meant for
    /// `/v4/events/custom`.
    ///
    /// ## Example
    /// ```json
    /// {"action": "client.hitTimer", "client": {"id": 267498412}, "label": "timer"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"id": 267498412}, "label": "timer"}
    /// ```
    pub(crate) static ACTION_IGNORED = {
        id: "synerise.dedicated-event/action-ignored",
        severity: Warning,
        summary: "A dedicated event has an `action`, which the endpoint ignores",
    };
}

pub(crate) fn finding(at: Pointer, action: &Value) -> Finding {
    let message = match action {
        Value::String(a) => {
            format!("`action` `{a}` is ignored: the dedicated endpoint sets the action")
        }
        other => format!(
            "`action` ({}) is ignored: the dedicated endpoint sets the action",
            describe(other)
        ),
    };
    let help = match action {
        Value::String(a) => format!(
            "remove `action`; to send a custom `{a}` event, use `POST /v4/events/custom` instead"
        ),
        _ => "remove `action`".to_owned(),
    };
    Finding::new(&ACTION_IGNORED, at, message).help(help)
}
