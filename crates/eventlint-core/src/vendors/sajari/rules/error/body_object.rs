use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// A Sajari error body is a JSON object.
    ///
    /// ## Why
    /// Every error response (400, 401, 403, 404, 500, default) has the `Error` schema, a
    /// `google.rpc.Status` object `{code, message, details}` (SJ-GO-OAS). A client decoding
    /// anything else into it fails.
    ///
    /// ## Example
    /// ```json
    /// "token: required"
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required", "details": []}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "sajari.error/body-object",
        severity: Error,
        summary: "The error body is not a JSON object",
        structural: true,
    };
}

/// The help of every finding.
const HELP: &str =
    "a Sajari error is an object `{\"code\": …, \"message\": \"…\", \"details\": […]}`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding(&BODY_OBJECT, doc, HELP)
}
