use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The error body's `debug_message` is a string; it may be empty (`""`). One that is not a
    /// string (`null` included) is an error. A missing `debug_message` is
    /// `glia.error/debug-message-missing`'s business (a warning).
    ///
    /// ## Why
    /// Every documented error body has `debug_message`, a string that may be empty: the 403 body
    /// is `{"message": "You don't have permissions to send a event message", "debug_message": ""}`
    /// (SEED-004; vendor-rules.md §5.3). A client typed after the documentation fails on another
    /// type.
    ///
    /// ## Example
    /// ```json
    /// {"message": "Invalid token", "debug_message": null}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Invalid token", "debug_message": ""}
    /// ```
    pub(crate) static DEBUG_MESSAGE_REQUIRED = {
        id: "glia.error/debug-message-required",
        severity: Error,
        summary: "The error body's `debug_message` is not a string",
        structural: true,
    };
}

pub(crate) fn wrong(at: Pointer, value: &Value) -> Finding {
    Finding::new(
        &DEBUG_MESSAGE_REQUIRED,
        at,
        format!("`debug_message` is {}, not a string", describe(value)),
    )
    .help("write `debug_message` as a string; `\"\"` when there is nothing to add")
}
