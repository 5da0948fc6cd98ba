use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The event has `client`, and it is a JSON object.
    ///
    /// ## Why
    /// "`client` is an object with profile identifiers" and must be in every v4 event (SEED-001):
    /// without it Synerise cannot tell which profile the event belongs to.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"action": "dog.bark", "label": "bark", "client": {"customId": "c-42"}}
    /// ```
    pub(crate) static CLIENT_REQUIRED = {
        id: "synerise.event/client-required",
        severity: Error,
        summary: "`client` is missing or not an object",
        structural: true,
    };
}

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&CLIENT_REQUIRED, object, "the event has no `client`")
        .help("add `client` with at least one of `id`, `customId`, `uuid` or `email`")
}

pub(crate) fn wrong_type(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(
        &CLIENT_REQUIRED,
        at,
        format!("`client` is {what}, not an object"),
    )
    .help("make `client` an object, e.g. `\"client\": {\"customId\": \"c-42\"}`")
}
