use crate::value::Value;

use crate::check::Finding;
use crate::describe::describe;
use crate::diagnostic::Severity;
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// `metadata`, when present, is a JSON object. An array, a string, a number or a boolean is
    /// an **error**; `null` is an **info**: proto3 JSON reads it as an absent field.
    ///
    /// ## Why
    /// `metadata` is a map from names to values (SJ-GO-OAS, SJ-RB, SJ-PY `SendEventRequest`);
    /// protojson cannot decode anything but an object into a map, so the request is rejected.
    /// `null` is accepted as "unset" [I] but is better omitted.
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
        summary: "`metadata` is not an object (`null`: info)",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: &Value) -> Finding {
    if value.is_null() {
        return Finding::new(
            &METADATA_OBJECT,
            at,
            "`metadata` is `null`, which proto3 reads as absent",
        )
        .severity(Severity::Info)
        .help("omit `metadata` when there is none");
    }
    Finding::new(
        &METADATA_OBJECT,
        at,
        format!("`metadata` is {}, not an object", describe(value)),
    )
    .help("send `metadata` as an object of named values, e.g. `{\"discount\": 0.2, \"customer_id\": \"12345\"}`")
}
