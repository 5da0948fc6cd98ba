use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The 200 response of `POST /v4/events:sendEvent` has no members: it is `{}`.
    ///
    /// ## Why
    /// `SendEventResponse` has no fields (SJ-GO-OAS `type: object` without properties). A member
    /// means the body is something else: an error body (`code`, `message` → check it as
    /// `sajari.error`), the request echoed back, or a response of a later API version. Reported
    /// as a warning, not an error: a client decoding into the empty message ignores the members,
    /// but whatever the test or mock meant to say is lost.
    ///
    /// ## Example
    /// ```json
    /// {"status": "ok"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "sajari.send-event.response/unknown-key",
        severity: Warning,
        summary: "The send event response is not the empty object",
        structural: true,
    };
}

pub(crate) fn finding(key: &str, doc: &Value) -> Finding {
    let looks_like_error = doc.get("code").is_some() || doc.get("message").is_some();
    let looks_like_request = doc.get("token").is_some() || doc.get("name").is_some();
    let help = if looks_like_error {
        "this looks like an error body: check it as `sajari.error` (`--kind sajari.error`); a successful response is `{}`"
    } else if looks_like_request {
        "this looks like the request; the successful response is the empty object `{}`"
    } else {
        "a successful send event answers with the empty object `{}`; remove the member"
    };
    Finding::new(
        &UNKNOWN_KEY,
        Pointer::root().key(key),
        format!("the send event response has a member `{key}`; `SendEventResponse` is empty"),
    )
    .on_key()
    .help(help)
}
