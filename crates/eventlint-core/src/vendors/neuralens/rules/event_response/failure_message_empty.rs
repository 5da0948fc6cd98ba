use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::neuralens::model::RESPONSE_KEYS;
use crate::vendors::neuralens::rules::event_response::unknown_key::RESPONSE_ALIASES;
use crate::vendors::neuralens::shared::names::meant_key;

declare_rule! {
    /// ## What it checks
    /// A response with `"status": "failure"` has a non-blank `message`.
    ///
    /// ## Why
    /// `message` is the "failure message" (SEED-002, [D]); a failure without one gives no way to
    /// tell what went wrong. It is information about the response, not a fault of the request,
    /// hence info.
    ///
    /// ## Example
    /// ```json
    /// {"status": "failure", "message": ""}
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix in the request body itself: log the response and the request that caused
    /// it, and check the headers (`X-Neuralens-API-Key`, `X-Neuralens-Application-ID`) and
    /// the event against the other `neuralens.event` rules.
    pub(crate) static FAILURE_MESSAGE_EMPTY = {
        id: "neuralens.event.response/failure-message-empty",
        severity: Info,
        summary: "A failure response has no message",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    if body.get("status").and_then(Value::as_str) != Some("failure") {
        return;
    }
    // A misspelt `message` (`mesage`) is reported by `unknown-key`, with the right name.
    if body
        .keys()
        .any(|k| k != "message" && meant_key(k, RESPONSE_KEYS, RESPONSE_ALIASES) == Some("message"))
    {
        return;
    }
    let help =
        "the response does not say why the event failed: check the request's headers and body";
    match body.get("message") {
        None => ctx.report(
            Finding::new(
                &FAILURE_MESSAGE_EMPTY,
                base.clone(),
                "the failure response has no `message`",
            )
            .help(help),
        ),
        Some(Value::String(m)) if m.trim().is_empty() => ctx.report(
            Finding::new(
                &FAILURE_MESSAGE_EMPTY,
                base.key("message"),
                "the failure response's `message` is empty",
            )
            .help(help),
        ),
        Some(_) => {}
    }
}
