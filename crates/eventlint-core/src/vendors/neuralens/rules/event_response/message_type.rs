use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The response's `message`, when present, is a JSON string (`""` on success).
    ///
    /// ## Why
    /// The documented response is `{"status": "success", "message": ""}`, `message` being the
    /// "failure message" (SEED-002, [D]). Code that reads it as a string breaks on `null`, a
    /// number or an object.
    ///
    /// ## Example
    /// ```json
    /// {"status": "failure", "message": {"code": 400}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"status": "failure", "message": "invalid event"}
    /// ```
    pub(crate) static MESSAGE_TYPE = {
        id: "neuralens.event.response/message-type",
        severity: Error,
        summary: "The response's `message` is not a string",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(
        &MESSAGE_TYPE,
        at,
        format!("`message` is {what}, not a string"),
    )
    .help("`message` is a string: the failure message, or `\"\"` on success")
}
