use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// No element of `details` is an empty object `{}`.
    ///
    /// A detail with members but no `@type` is `sajari.error/details-type`'s business (an error).
    ///
    /// ## Why
    /// Each detail is a `google.protobuf.Any` in its JSON form: `@type` plus the fields of the
    /// message (SJ-GO-OAS). proto3 JSON reads `{}` as an empty `Any`, which decodes but carries
    /// nothing, so this is a warning: the detail the body meant to give is missing.
    ///
    /// ## Example
    /// ```json
    /// {"code": 3, "message": "token: required", "details": [{}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "field_violations": [{"field": "token", "description": "required"}]}]}
    /// ```
    pub(crate) static DETAILS_EMPTY = {
        id: "sajari.error/details-empty",
        severity: Warning,
        summary: "A `details` element is an empty object",
        structural: true,
    };
}

/// `details[index]` (at `at`) is `{}`.
pub(crate) fn finding(at: Pointer, index: &str) -> Finding {
    Finding::new(
        &DETAILS_EMPTY,
        at,
        format!("`details[{index}]` is an empty detail"),
    )
    .help(format!(
        "remove `details[{index}]`, or give it an `@type` and the fields of that message"
    ))
}
