use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// A Synerise error body is a JSON object.
    ///
    /// ## Why
    /// The v4 API answers 400, 401, 403 and 415 with the `HTTP400` object (SYN-PHP `HTTP400`,
    /// SYN-M2). Not in vendor-rules.md's tables, which list no rules for this kind; added so
    /// that every structural problem of the kind has a named rule.
    ///
    /// ## Example
    /// ```json
    /// ["Bad Request"]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"error": "Bad Request", "status": 400}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "synerise.error/body-object",
        severity: Error,
        summary: "The error body is not a JSON object",
        structural: true,
    };
}

/// The help of every finding.
const HELP: &str = "an error body is an object such as `{\"error\": \"Bad Request\", \"status\": 400, \"message\": …}`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding(&BODY_OBJECT, doc, HELP)
}
