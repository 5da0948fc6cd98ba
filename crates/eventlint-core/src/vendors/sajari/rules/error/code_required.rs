use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The error body has a `code` that is not `null`.
    ///
    /// ## Why
    /// `code` is the `google.rpc.Code` of the error (SJ-GO-OAS `Error.code`, int32), the one
    /// machine-readable part of the body; grpc-gateway always writes it. Clients branch on it
    /// (e.g. 7 `PERMISSION_DENIED`, 16 `UNAUTHENTICATED`).
    ///
    /// ## Example
    /// ```json
    /// {"message": "token: required", "code": null}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required"}
    /// ```
    pub(crate) static CODE_REQUIRED = {
        id: "sajari.error/code-required",
        severity: Error,
        summary: "The error body has no `code`, or `code` is `null`",
        structural: true,
    };
}

const HELP: &str = "add the `google.rpc.Code` of the error, e.g. `\"code\": 3` (INVALID_ARGUMENT)";

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&CODE_REQUIRED, object, "the error body has no `code`").help(HELP)
}

pub(crate) fn null(at: Pointer) -> Finding {
    Finding::new(&CODE_REQUIRED, at, "`code` is `null`").help(HELP)
}
