use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The error body is a JSON object.
    ///
    /// ## Why
    /// AWS rest-json errors are objects, `{"message": "…"}` for `InvalidInputException` (AWS-BC);
    /// botocore reads `message`, `__type` and `code` from the parsed object (`parsers.py`), and a
    /// body of another JSON type breaks that parsing. A body that is not JSON at all becomes the
    /// message itself, which is no longer a `personalize.error` document.
    ///
    /// ## Example
    /// ```json
    /// ["InvalidInputException", "Provide a valid value for the field or parameter."]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"__type": "InvalidInputException", "message": "Provide a valid value for the field or parameter."}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "personalize.error/body-object",
        severity: Error,
        summary: "The error body is not a JSON object",
        structural: true,
    };
}

/// The help of every finding.
const HELP: &str =
    "send an object such as `{\"__type\": \"InvalidInputException\", \"message\": \"…\"}`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding(&BODY_OBJECT, doc, HELP)
}
