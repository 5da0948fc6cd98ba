use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `sender.type` is `visitor`.
    ///
    /// ## Why
    /// This endpoint accepts events only from the visitor: any other sender gets 403 "You don't
    /// have permissions to send a event message" (SEED-004). So an event message it created has
    /// `"sender": {"type": "visitor"}`, as in the documented response; another type means the
    /// body is some other message of the engagement [I]. Reported as info.
    ///
    /// ## Example
    /// ```json
    /// {"sender": {"type": "operator"}, "target": "operator"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"sender": {"type": "visitor"}, "target": "operator"}
    /// ```
    pub(crate) static SENDER_NOT_VISITOR = {
        id: "glia.engagement-event.response/sender-not-visitor",
        severity: Info,
        summary: "`sender.type` is not `visitor`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::String(kind)) = body.get("sender").and_then(|s| s.get("type")) else {
        return;
    };
    if kind == "visitor" {
        return;
    }
    ctx.report(
        Finding::new(
            &SENDER_NOT_VISITOR,
            base.key("sender").key("type"),
            format!("`sender.type` is `{kind}`; events sent to this endpoint come from the visitor"),
        )
        .help("an event message created by `POST /engagements/{engagement_id}/events` has `\"sender\": {\"type\": \"visitor\"}`"),
    );
}
