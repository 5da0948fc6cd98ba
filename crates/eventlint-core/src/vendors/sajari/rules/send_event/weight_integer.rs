use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `weight` is a whole number: a JSON integer, or (as proto3 JSON also accepts) a string
    /// holding one. A fractional value (`0.2`, `"1.5"`), a non-numeric string, a boolean, an
    /// array or an object is reported.
    ///
    /// ## Why
    /// `weight` is `type: integer, format: int32` (SJ-GO-OAS; `Integer` in the Ruby SDK, `int` in
    /// the Python SDK). protojson refuses to decode a fractional number into an int32, so the
    /// request is rejected (rejection inferred from the type).
    ///
    /// ## Example
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "weight": 0.2}
    /// ```
    ///
    /// ## Fix
    /// Send a whole number; scale a fractional quantity (e.g. cents instead of dollars), or put
    /// it in `metadata`:
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "weight": 1, "metadata": {"discount": 0.2}}
    /// ```
    pub(crate) static WEIGHT_INTEGER = {
        id: "sajari.send-event/weight-integer",
        severity: Error,
        summary: "`weight` is not an integer",
        structural: true,
    };
}

/// A fractional number, or a string holding one.
pub(crate) fn fractional(at: Pointer, value: &Value) -> Finding {
    Finding::new(
        &WEIGHT_INTEGER,
        at,
        format!("`weight` is {}, not a whole number", describe(value)),
    )
    .help("`weight` is a 32-bit integer: send a whole number such as `1`; put fractional data in `metadata`")
}

/// Anything else that is not an integer.
pub(crate) fn wrong(at: Pointer, value: &Value) -> Finding {
    Finding::new(
        &WEIGHT_INTEGER,
        at,
        format!("`weight` is {}, not an integer", describe(value)),
    )
    .help("send `weight` as a whole number, e.g. `\"weight\": 1`")
}
