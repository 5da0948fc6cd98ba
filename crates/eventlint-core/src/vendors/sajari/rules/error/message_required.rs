use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The error body has a `message`, and it is a string.
    ///
    /// ## Why
    /// `message` is the developer-facing description of the error (SJ-GO-OAS `Error.message`,
    /// `type: string`), e.g. `token: required`; grpc-gateway always writes it, and clients show
    /// it.
    ///
    /// ## Example
    /// ```json
    /// {"code": 7, "message": {"text": "Permission denied"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 7, "message": "Permission denied"}
    /// ```
    pub(crate) static MESSAGE_REQUIRED = {
        id: "sajari.error/message-required",
        severity: Error,
        summary: "The error body has no `message`, or it is not a string",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&MESSAGE_REQUIRED, object, "the error body has no `message`")
        .help("add a `message` string describing the error, e.g. `\"token: required\"`")
}

pub(crate) fn wrong(at: Pointer, value: &Value) -> Finding {
    Finding::new(
        &MESSAGE_REQUIRED,
        at,
        format!("`message` is {}, not a string", describe(value)),
    )
    .help("write `message` as a string, e.g. `\"token: required\"`")
}
