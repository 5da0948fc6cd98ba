use crate::locate::pointer::Pointer;
use crate::message::suggest::{one_of, unknown_key};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::sajari::model::SEND_EVENT_KEYS;

declare_rule! {
    /// ## What it checks
    /// The body has no keys other than `name`, `token`, `weight` and `metadata`. A key close to
    /// a known one gets a "did you mean" suggestion.
    ///
    /// ## Why
    /// `SendEventRequest` has exactly these four fields (SJ-GO-OAS). grpc-gateway discards unknown
    /// fields by default, so a misspelt `wieght` or an extra `user_id` is silently lost; a
    /// stricter gateway would reject the request instead [I].
    ///
    /// ## Example
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "wieght": 1, "user_id": "12345"}
    /// ```
    ///
    /// ## Fix
    /// Fix the spelling; put extra data in `metadata`:
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "weight": 1, "metadata": {"user_id": "12345"}}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "sajari.send-event/unknown-key",
        severity: Warning,
        summary: "The body has a key SendEventRequest does not have",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(base: &Pointer, key: &str) -> Finding {
    let otherwise = format!(
        "move `{key}` into `metadata`, or remove it; the event takes {}",
        one_of(SEND_EVENT_KEYS, 4)
    );
    unknown_key(
        &UNKNOWN_KEY,
        base,
        key,
        SEND_EVENT_KEYS,
        "the event",
        Some(otherwise),
    )
    .note("grpc-gateway discards unknown fields, so this data is lost")
}
