use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `clientUUID` is shaped like a UUID, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hex digits, any
    /// case). A UUID written as 32 hex digits without its hyphens is named as such, with its
    /// canonical form.
    ///
    /// A missing, empty or non-string `clientUUID`, or one holding a character Synerise forbids in
    /// identifiers, is `synerise.ai-event/clientuuid-required`'s business (an error).
    ///
    /// ## Why
    /// "`clientUUID` is the UUID of the profile which made the request" (SEED-001). A value that
    /// is no UUID is most likely another identifier (an email, a customer id) that matches no
    /// profile; the API may still accept it, so this is a warning. The schema's `clientUUID`
    /// pattern is the UUID shape.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "john@example.com", "items": []}
    /// ```
    ///
    /// ## Fix
    /// Send the profile's UUID, e.g. the one the tracking code stores:
    /// `"clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1"`.
    pub(crate) static CLIENTUUID_FORMAT = {
        id: "synerise.ai-event/clientuuid-format",
        severity: Warning,
        summary: "`clientUUID` is not shaped like a UUID",
        structural: true,
        fix: Safe("when the value is a UUID written another way: its canonical form is written."),
    };
}

/// `clientUUID` (at `at`) is `uuid`, which is not shaped like a UUID.
pub(crate) fn finding(at: Pointer, uuid: &str) -> Finding {
    if let Some(canonical) = crate::rule::uuid::hyphenated(uuid) {
        return Finding::new(
            &CLIENTUUID_FORMAT,
            at,
            format!("`clientUUID` `{uuid}` is a UUID without its hyphens, not in the canonical 8-4-4-4-12 form"),
        )
        .help(format!("write it with its hyphens: `{canonical}`"))
        .propose_string(&canonical);
    }
    Finding::new(&CLIENTUUID_FORMAT, at, format!("`clientUUID` `{uuid}` is not a UUID"))
        .help("send the profile's UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) in `clientUUID`, not another identifier")
}
