use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `code` is a JSON integer within the int32 range: a fraction, a name such as
    /// `"PERMISSION_DENIED"`, a boolean or a number out of range is an error. A string holding an
    /// integer (`"7"`) is `sajari.error/code-string`'s business (a warning: proto3 JSON decodes
    /// it, other JSON clients do not).
    ///
    /// ## Why
    /// `code` is `type: integer, format: int32` (SJ-GO-OAS `Error`; `google.rpc.Status.code`).
    /// grpc-gateway writes the number; a mock or a proxy that writes something else breaks
    /// clients that read `code`.
    ///
    /// ## Example
    /// ```json
    /// {"code": "PERMISSION_DENIED", "message": "Permission denied"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 7, "message": "Permission denied"}
    /// ```
    pub(crate) static CODE_INTEGER = {
        id: "sajari.error/code-integer",
        severity: Error,
        summary: "`code` is not an int32 integer",
        structural: true,
        fix: Safe("when `code` is a number in a string: the number is written."),
    };
}

/// `google.rpc.Code` names, by number.
pub(crate) const CODE_NAMES: &[&str] = &[
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

pub(crate) fn finding(at: Pointer, value: &Value) -> Finding {
    if let Value::String(s) = value {
        if let Ok(n) = s.parse::<i32>() {
            return super::code_string::finding(at, s, n);
        }
        if let Some(n) = CODE_NAMES.iter().position(|name| name == s) {
            return Finding::new(
                &CODE_INTEGER,
                at,
                format!("`code` is the name `\"{s}\"`, not its number"),
            )
            .help(if n == 0 {
                "`OK` (0) is no error: write the `google.rpc.Code` number of the error, e.g. `\"code\": 3` (INVALID_ARGUMENT)".to_owned()
            } else {
                format!("write the `google.rpc.Code` number: `\"code\": {n}`")
            })
            .propose_if(n != 0, n.to_string());
        }
    }
    let what = match value {
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() != 0.0) => {
            format!("`code` is the fractional number `{n}`")
        }
        Value::Number(n) => format!("`code` is `{n}`, outside the int32 range"),
        other => format!("`code` is {}, not an integer", describe(other)),
    };
    Finding::new(&CODE_INTEGER, at, what)
        .help("`code` is a `google.rpc.Code` number, e.g. `3` (INVALID_ARGUMENT) or `7` (PERMISSION_DENIED)")
}
