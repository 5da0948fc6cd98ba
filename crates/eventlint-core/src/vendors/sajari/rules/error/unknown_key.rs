use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::suggest::{one_of, unknown_key};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::sajari::model::STATUS_KEYS;

declare_rule! {
    /// ## What it checks
    /// The error body has no keys other than `code`, `message` and `details`, with a "did you
    /// mean" for a misspelt one. A string `error` member is `sajari.error/legacy-error-key`'s
    /// business (an info: grpc-gateway v1 wrote the message twice, as `error` and `message`).
    ///
    /// ## Why
    /// The `Error` schema is a `google.rpc.Status` with exactly these three fields (SJ-GO-OAS).
    /// Clients decoding it with protojson reject or drop other members; a `status` or `error`
    /// object usually means the body comes from another layer (a load balancer, a proxy) [I].
    ///
    /// ## Example
    /// ```json
    /// {"code": 7, "message": "Permission denied", "reason": "key revoked"}
    /// ```
    ///
    /// ## Fix
    /// Put further information in `details`:
    /// ```json
    /// {"code": 7, "message": "Permission denied", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "KEY_REVOKED"}]}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "sajari.error/unknown-key",
        severity: Warning,
        summary: "The error body has a key google.rpc.Status does not have",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(base: &Pointer, key: &str, value: Option<&Value>) -> Finding {
    if key == "error" && value.is_some_and(Value::is_string) {
        return super::legacy_error_key::finding(base);
    }
    let otherwise = format!(
        "remove `{key}`, or carry it in `details`; the error body takes {}",
        one_of(STATUS_KEYS, 3)
    );
    unknown_key(
        &UNKNOWN_KEY,
        base,
        key,
        STATUS_KEYS,
        "the error body",
        Some(otherwise),
    )
}
