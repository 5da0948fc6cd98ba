use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `details`, when present, is an array of objects. `details: null` is
    /// `sajari.error/details-null`'s business (an info: proto3 JSON reads it as an empty list).
    ///
    /// ## Why
    /// `details` is `type: array` of `protobufAny` (SJ-GO-OAS `Error.details`), a repeated
    /// `google.protobuf.Any`; each element is an object in the JSON form of `Any`. A client
    /// decoding a single object or a string into it fails.
    ///
    /// ## Example
    /// ```json
    /// {"code": 3, "message": "token: required", "details": {"@type": "type.googleapis.com/google.rpc.BadRequest"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest"}]}
    /// ```
    pub(crate) static DETAILS_ARRAY = {
        id: "sajari.error/details-array",
        severity: Error,
        summary: "`details` is not an array of objects",
        structural: true,
    };
}

/// `details` itself is not an array (`null`: `sajari.error/details-null`).
pub(crate) fn not_array(at: Pointer, value: &Value) -> Finding {
    if value.is_null() {
        return super::details_null::finding(at);
    }
    let help = if value.is_object() {
        "wrap the detail in an array: `\"details\": [{…}]`"
    } else {
        "send `details` as an array of objects, each with an `@type`"
    };
    Finding::new(
        &DETAILS_ARRAY,
        at,
        format!("`details` is {}, not an array", describe(value)),
    )
    .help(help)
}

/// An element of `details` is not an object.
pub(crate) fn element(at: Pointer, index: &str, value: Option<&Value>) -> Finding {
    Finding::new(
        &DETAILS_ARRAY,
        at,
        format!(
            "`details[{index}]` is {}, not an object",
            value.map_or_else(|| "missing".to_owned(), describe)
        ),
    )
    .help(format!(
        "make `details[{index}]` an object with an `@type`, e.g. `{{\"@type\": \"type.googleapis.com/google.rpc.BadRequest\", …}}`"
    ))
}
