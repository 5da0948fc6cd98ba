use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::neuralens::model::STATUSES;
use crate::vendors::neuralens::shared::names::not_allowed;

declare_rule! {
    /// ## What it checks
    /// The response is a JSON object whose `status` is `success` or `failure` (lowercase).
    ///
    /// ## Why
    /// The documented response is `{"status": "success", "message": ""}`, with the comment "or
    /// failure" (SEED-002, [D]; the example itself is invalid JSON because of its `//` comments).
    /// Code that tests `status == "success"` misreads any other value.
    ///
    /// ## Example
    /// ```json
    /// {"status": "ok", "message": ""}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"status": "success", "message": ""}
    /// ```
    pub(crate) static STATUS_ENUM = {
        id: "neuralens.event.response/status-enum",
        severity: Error,
        summary: "The response's `status` is missing or not `success` or `failure`",
        structural: true,
        fix: Safe("when the value is a documented one misspelt or in the wrong case: the documented value is written."),
    };
}

/// The response is not an object.
pub(crate) fn body(doc: &Value) -> Finding {
    Finding::new(
        &STATUS_ENUM,
        Pointer::root(),
        format!("the response is {}, not a JSON object", describe(doc)),
    )
    .help("a Neuralens event response is an object: `{\"status\": \"success\", \"message\": \"\"}`")
}

/// The response at `object` has no `status`.
pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&STATUS_ENUM, object, "the response has no `status`").help(
        "a Neuralens event response has `\"status\": \"success\"` or `\"status\": \"failure\"`",
    )
}

/// `status` is not one of the documented values.
pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    not_allowed(&STATUS_ENUM, at, "status", value, STATUSES)
}
