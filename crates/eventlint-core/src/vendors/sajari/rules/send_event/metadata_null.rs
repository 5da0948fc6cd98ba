use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `metadata` is not `null`.
    ///
    /// A `metadata` of another type than an object is `sajari.send-event/metadata-object`'s
    /// business (an error).
    ///
    /// ## Why
    /// `metadata` is an object (SJ-GO-OAS `SendEventRequest`); under proto3 JSON (protojson),
    /// `null` means absent, so the event is accepted as if `metadata` were omitted (vendor-rules.md
    /// §1.3): an info.
    ///
    /// ## Example
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "metadata": null}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…"}
    /// ```
    pub(crate) static METADATA_NULL = {
        id: "sajari.send-event/metadata-null",
        severity: Info,
        summary: "`metadata` is `null`, which proto3 reads as absent",
        structural: true,
        fix: Safe("`metadata` is removed: proto3 reads `null` as absent, so the meaning stays."),
    };
}

pub(crate) fn finding(at: Pointer) -> Finding {
    Finding::new(
        &METADATA_NULL,
        at,
        "`metadata` is `null`, which proto3 reads as absent",
    )
    .help("omit `metadata` when there is none")
    .propose_removal()
}
