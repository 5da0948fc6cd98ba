use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `name` is a JSON string (a `null` name is reported by `sajari.send-event/name-required`).
    ///
    /// ## Why
    /// `name` is `type: string` (SJ-GO-OAS); protojson does not turn a number, a boolean or an
    /// object into a string, so the request is rejected with 400.
    ///
    /// ## Example
    /// ```json
    /// {"name": 1, "token": "eyJhbGciOi…"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…"}
    /// ```
    pub(crate) static NAME_TYPE = {
        id: "sajari.send-event/name-type",
        severity: Error,
        summary: "`name` is not a string",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: &Value) -> Finding {
    Finding::new(
        &NAME_TYPE,
        at,
        format!("`name` is {}, not a string", describe(value)),
    )
    .help("write `name` as a string, e.g. `\"click\"`")
}
