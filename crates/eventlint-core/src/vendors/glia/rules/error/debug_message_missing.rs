use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The error body has a `debug_message` member (it may be `""`).
    ///
    /// A `debug_message` that is not a string is `glia.error/debug-message-required`'s business
    /// (an error).
    ///
    /// ## Why
    /// Every documented error body has `debug_message`, a string that may be empty: the 403 body
    /// is `{"message": "You don't have permissions to send a event message", "debug_message": ""}`
    /// (SEED-004; vendor-rules.md §5.3). A client can do without the debug text, so its absence
    /// is only a warning.
    ///
    /// ## Example
    /// ```json
    /// {"message": "Invalid token"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Invalid token", "debug_message": "Authorization header must contain a valid token"}
    /// ```
    pub(crate) static DEBUG_MESSAGE_MISSING = {
        id: "glia.error/debug-message-missing",
        severity: Warning,
        summary: "The error body has no `debug_message`",
        structural: true,
    };
}

/// The error body at `object` has no `debug_message`.
pub(crate) fn finding(object: Pointer) -> Finding {
    Finding::new(
        &DEBUG_MESSAGE_MISSING,
        object,
        "the error body has no `debug_message`",
    )
    .help("add `debug_message`, the details for the developer; `\"debug_message\": \"\"` when there are none")
}
