use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The error body has no string `error` member, the copy of the message that grpc-gateway v1
    /// wrote beside `message`.
    ///
    /// Any other key outside `code`, `message` and `details` (an `error` that is not a string
    /// included) is `sajari.error/unknown-key`'s business (a warning).
    ///
    /// ## Why
    /// The `Error` schema is a `google.rpc.Status` with exactly `code`, `message` and `details`
    /// (SJ-GO-OAS). grpc-gateway v1 repeated the message as `error`; current gateways do not. A
    /// recorded body with it is real, just old: an info.
    ///
    /// ## Example
    /// ```json
    /// {"error": "token: required", "code": 3, "message": "token: required", "details": []}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required", "details": []}
    /// ```
    pub(crate) static LEGACY_ERROR_KEY = {
        id: "sajari.error/legacy-error-key",
        severity: Info,
        summary: "The error body repeats its message in `error`, as grpc-gateway v1 did",
        structural: true,
    };
}

/// The string member `error` of the error body at `base`.
pub(crate) fn finding(base: &Pointer) -> Finding {
    Finding::new(
        &LEGACY_ERROR_KEY,
        base.key("error"),
        "`error` is not part of `google.rpc.Status`; grpc-gateway v1 repeated the message in it",
    )
    .on_key()
    .help("current gateways write only `code`, `message` and `details`; read `message` instead")
}
