use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `metadata`, when present, is a JSON object: an array, a string, a number or a boolean is
    /// an error. `null` is `sajari.send-event/metadata-null`'s business (an info: proto3 JSON
    /// reads it as an absent field).
    ///
    /// ## Why
    /// `metadata` is a map from names to values (SJ-GO-OAS, SJ-RB, SJ-PY `SendEventRequest`);
    /// protojson cannot decode anything but an object into a map, so the request is rejected.
    ///
    /// ## Example
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "metadata": ["discount", 0.2]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "metadata": {"discount": 0.2}}
    /// ```
    pub(crate) static METADATA_OBJECT = {
        id: "sajari.send-event/metadata-object",
        severity: Error,
        summary: "`metadata` is not an object",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: &Value) -> Finding {
    if value.is_null() {
        return super::metadata_null::finding(at);
    }
    Finding::new(
        &METADATA_OBJECT,
        at,
        format!("`metadata` is {}, not an object", describe(value)),
    )
    .help("send `metadata` as an object of named values, e.g. `{\"discount\": 0.2, \"customer_id\": \"12345\"}`")
}
