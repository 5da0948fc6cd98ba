use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `details` is not `null`.
    ///
    /// A `details` of another type is `sajari.error/details-array`'s business (an error).
    ///
    /// ## Why
    /// `details` is a repeated `google.protobuf.Any` (SJ-GO-OAS `Error.details`); proto3 JSON
    /// reads `null` as the empty list, so protojson clients decode the body. The documented
    /// schema says `type: array`, though, and a client typed after it may refuse `null`: an info.
    ///
    /// ## Example
    /// ```json
    /// {"code": 3, "message": "token: required", "details": null}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required", "details": []}
    /// ```
    pub(crate) static DETAILS_NULL = {
        id: "sajari.error/details-null",
        severity: Info,
        summary: "`details` is `null`, which proto3 reads as an empty list",
        structural: true,
        fix: Safe("`details` is removed: proto3 reads `null` as an empty list, so the meaning stays."),
    };
}

pub(crate) fn finding(at: Pointer) -> Finding {
    Finding::new(
        &DETAILS_NULL,
        at,
        "`details` is `null`, which proto3 reads as an empty list",
    )
    .help("omit `details`, or send `[]`")
    .propose_removal()
}
