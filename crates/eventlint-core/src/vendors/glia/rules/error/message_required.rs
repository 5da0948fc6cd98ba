use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The error body has a `message`, and it is a string.
    ///
    /// ## Why
    /// Every documented error body has a `message` string: "Authorization information missing",
    /// "Invalid token", "You don't have permissions to send a event message" (SEED-004,
    /// vendor-rules.md §5.3: "`message` (string, required)").
    ///
    /// ## Example
    /// ```json
    /// {"debug_message": "Authorization header must contain a valid token"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Invalid token", "debug_message": "Authorization header must contain a valid token"}
    /// ```
    pub(crate) static MESSAGE_REQUIRED = {
        id: "glia.error/message-required",
        severity: Error,
        summary: "The error body has no `message`, or it is not a string",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&MESSAGE_REQUIRED, object, "the error body has no `message`")
        .help("add the error's `message` string, e.g. `\"message\": \"Invalid token\"`")
}

pub(crate) fn wrong(at: Pointer, value: &Value) -> Finding {
    Finding::new(
        &MESSAGE_REQUIRED,
        at,
        format!("`message` is {}, not a string", describe(value)),
    )
    .help("write `message` as a string, e.g. `\"Invalid token\"`")
}
