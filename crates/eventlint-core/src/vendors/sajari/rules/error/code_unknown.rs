use crate::document::value::{Map, Value};

use super::code_integer::CODE_NAMES;
use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `code` is one of the `google.rpc.Code` values 1 to 16. `0` (`OK`) in an error body, a
    /// negative code, or one above 16 is reported, with the likely meant code when the value is
    /// an HTTP status (e.g. `400` → `3`, `INVALID_ARGUMENT`).
    ///
    /// ## Why
    /// The error body is a `google.rpc.Status`, whose `code` "should be an enum value of
    /// google.rpc.Code" (SJ-GO-OAS `Error` → grpc-gateway). Reported as info only: the service
    /// may set other numbers, and eventlint deliberately does not check `code` against the HTTP
    /// status or the details — the vendor's own 400 example says 6 (`ALREADY_EXISTS`) for a
    /// missing token, where 3 was to be expected (vendor-rules.md §1.5, §8.7).
    ///
    /// ## Example
    /// ```json
    /// {"code": 400, "message": "token: required"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 3, "message": "token: required"}
    /// ```
    pub(crate) static CODE_UNKNOWN = {
        id: "sajari.error/code-unknown",
        severity: Info,
        summary: "`code` is not a google.rpc.Code error value (1 to 16)",
        fix: Unsafe("when `code` names a code (`\"NOT_FOUND\"`): its number is written; the mapping is the author's to confirm."),
    };
}

/// The `google.rpc.Code` that grpc-gateway maps to an HTTP status.
fn code_for_http(status: i64) -> Option<i64> {
    Some(match status {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 6,
        429 => 8,
        499 => 1,
        500 => 13,
        501 => 12,
        503 => 14,
        504 => 4,
        _ => return None,
    })
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(code) = body.get("code").and_then(Value::as_i64) else {
        return;
    };
    if (1..=16).contains(&code) || i32::try_from(code).is_err() {
        return;
    }
    let at = base.key("code");
    let finding = if code == 0 {
        Finding::new(&CODE_UNKNOWN, at, "`code` is 0 (`OK`) in an error body")
            .help("set the `google.rpc.Code` of the error, e.g. `3` (INVALID_ARGUMENT)")
    } else if let Some(meant) = code_for_http(code) {
        let name = usize::try_from(meant)
            .ok()
            .and_then(|i| CODE_NAMES.get(i))
            .copied()
            .unwrap_or_default();
        Finding::new(
            &CODE_UNKNOWN,
            at,
            format!("`code` is {code}, an HTTP status, not a `google.rpc.Code`"),
        )
        .help(format!(
            "HTTP {code} corresponds to `\"code\": {meant}` ({name})"
        ))
        .propose(meant.to_string())
    } else {
        Finding::new(
            &CODE_UNKNOWN,
            at,
            format!("`code` is {code}, not a `google.rpc.Code` (1 to 16)"),
        )
        .help("use a `google.rpc.Code`, e.g. `3` (INVALID_ARGUMENT), `5` (NOT_FOUND) or `13` (INTERNAL)")
    };
    ctx.report(finding);
}
