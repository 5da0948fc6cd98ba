use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `message` is empty or only whitespace.
    ///
    /// ## Why
    /// `message` is the "utterance depicting the engaged Visitor event" (SEED-004): the operator
    /// sees it. An empty event tells the operator nothing and is likely rejected [I].
    ///
    /// ## Example
    /// ```json
    /// {"message": "  "}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    pub(crate) static MESSAGE_EMPTY = {
        id: "glia.engagement-event/message-empty",
        severity: Warning,
        summary: "`message` is empty or whitespace only",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::String(message)) = body.get("message") else {
        return;
    };
    if !message.trim().is_empty() {
        return;
    }
    let what = if message.is_empty() {
        "`message` is empty"
    } else {
        "`message` is only whitespace"
    };
    ctx.report(
        Finding::new(&MESSAGE_EMPTY, base.key("message"), what)
            .help("describe what the visitor did, e.g. `\"Visitor navigated to insurance page\"`"),
    );
}
