use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::synerise::rules::event::client_forbidden_chars::forbidden_char;

declare_rule! {
    /// ## What it checks
    /// `clientUUID` is present, a non-empty string, and free of the characters Synerise forbids
    /// in identifiers (emoji and other characters outside the Basic Multilingual Plane, CR, LF,
    /// U+2028, U+2029, U+00AD, U+FE00–U+FE0F, NUL). All of these fail the schema, whose
    /// `clientUUID` pattern is the UUID shape.
    ///
    /// A value free of those characters but not shaped like a UUID is
    /// `synerise.ai-event/clientuuid-format`'s business (a warning).
    ///
    /// ## Why
    /// "`clientUUID` is the UUID of the profile which made the request" and is required
    /// (SEED-001); the forbidden characters are those of the published identifier pattern
    /// (SYN-PHP `*EventDataCompat`).
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "items": []}
    /// ```
    ///
    /// ## Fix
    /// Send the profile's UUID, e.g. the one the tracking code stores:
    /// `"clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1"`.
    pub(crate) static CLIENTUUID_REQUIRED = {
        id: "synerise.ai-event/clientuuid-required",
        severity: Error,
        summary: "`clientUUID` is missing, not a string, empty, or holds a forbidden character",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(
        &CLIENTUUID_REQUIRED,
        object,
        "the AI event has no `clientUUID`",
    )
    .help("add `clientUUID`, the UUID of the profile that saw the recommendation")
}

pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    let message = match value {
        Some(Value::String(_)) => "`clientUUID` is empty".to_owned(),
        Some(v) => format!("`clientUUID` is {}, not a string", describe(v)),
        None => "`clientUUID` is missing".to_owned(),
    };
    Finding::new(&CLIENTUUID_REQUIRED, at, message)
        .help("set `clientUUID` to the profile's UUID as a string, e.g. `\"e0097757-d1e2-44ac-ba3c-d97979a354c1\"`")
}

/// A non-empty `clientUUID` at `at` that is not shaped like a UUID: this rule when it holds a
/// character Synerise forbids in identifiers, otherwise `synerise.ai-event/clientuuid-format`.
pub(crate) fn not_uuid(at: &Pointer, value: Option<&Value>) -> Finding {
    let uuid = value.and_then(Value::as_str).unwrap_or_default();
    forbidden_char(&CLIENTUUID_REQUIRED, at, "clientUUID", uuid)
        .unwrap_or_else(|| super::clientuuid_format::finding(at.clone(), uuid))
}
