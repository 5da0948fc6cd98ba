use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// Every element of `details` has an `@type` string naming its message type, e.g.
    /// `type.googleapis.com/google.rpc.BadRequest`. An empty detail `{}` is
    /// `sajari.error/details-empty`'s business (a warning: proto3 JSON reads it as an empty
    /// `Any`, which carries nothing).
    ///
    /// ## Why
    /// Each detail is a `google.protobuf.Any` in its JSON form: `@type` plus the fields of the
    /// message (the documented 400 example, SJ-GO-OAS). protojson cannot decode an `Any` without
    /// `@type` ("missing @type"). The spec's `protobufAny` schema declares `type_url` and `value`
    /// instead — the binary form, which never appears in JSON (vendor-rules.md §1.5 (a)).
    ///
    /// ## Example
    /// ```json
    /// {"code": 3, "message": "token: required", "details": [{"field_violations": [{"field": "token", "description": "required"}]}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "field_violations": [{"field": "token", "description": "required"}]}]}
    /// ```
    pub(crate) static DETAILS_TYPE = {
        id: "sajari.error/details-type",
        severity: Error,
        summary: "A `details` element has no `@type` string",
        structural: true,
    };
}

/// An element without `@type` (`{}`: `sajari.error/details-empty`).
pub(crate) fn missing(at: Pointer, index: &str, element: Option<&Value>) -> Finding {
    let members = element.and_then(Value::as_object);
    if members.is_some_and(crate::document::value::Map::is_empty) {
        return super::details_empty::finding(at, index);
    }
    let help = if members.is_some_and(|m| m.contains_key("type_url")) {
        format!(
            "`type_url`/`value` is the binary form of `Any`; in JSON, `details[{index}]` names its type in `@type` (e.g. `\"@type\": \"type.googleapis.com/google.rpc.BadRequest\"`) beside the message's own fields"
        )
    } else {
        format!(
            "add the message type to `details[{index}]`, e.g. `\"@type\": \"type.googleapis.com/google.rpc.BadRequest\"`"
        )
    };
    Finding::new(
        &DETAILS_TYPE,
        at,
        format!("`details[{index}]` has no `@type`"),
    )
    .help(help)
}

/// `@type` is not a string.
pub(crate) fn wrong(at: Pointer, index: &str, value: &Value) -> Finding {
    Finding::new(
        &DETAILS_TYPE,
        at,
        format!(
            "`details[{index}].@type` is {}, not a string",
            describe(value)
        ),
    )
    .help("`@type` is a type URL string, e.g. `\"type.googleapis.com/google.rpc.BadRequest\"`")
}
