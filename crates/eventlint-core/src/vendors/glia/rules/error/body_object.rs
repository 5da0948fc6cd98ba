use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// A Glia error body is a JSON object.
    ///
    /// ## Why
    /// The documented 401 and 403 bodies are objects `{"message": …, "debug_message": …}`
    /// (SEED-004). The 2017 salemove developer docs showed the error wrapped in an array
    /// (`[{"error": "BadRequest", "message": …, "debug_message": …}]`); clients written against
    /// the current documentation read `message` from the object and fail on an array.
    ///
    /// ## Example
    /// ```json
    /// [{"message": "Invalid token", "debug_message": "Authorization header must contain a valid token"}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Invalid token", "debug_message": "Authorization header must contain a valid token"}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "glia.error/body-object",
        severity: Error,
        summary: "The error body is not a JSON object",
        structural: true,
    };
}

pub(crate) fn finding(doc: &Value) -> Finding {
    let help = match doc {
        Value::Array(items) if items.len() == 1 && items[0].is_object() => {
            "unwrap the error object from the array: the current API returns `{\"message\": …, \"debug_message\": …}` (the array form is from the 2017 salemove docs)"
        }
        _ => "a Glia error is an object `{\"message\": \"…\", \"debug_message\": \"…\"}`",
    };
    body_object::finding(&BODY_OBJECT, doc, help)
}
