use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// Within one batch, an `eventSalt` is not reused for another profile or another action.
    /// Profiles are compared by the identifiers in `client` (different values of a shared
    /// identifier, or no shared identifier, count as different profiles); the action of a
    /// dedicated element is the one its `type` sets. The same salt with the same profile and
    /// action is `synerise.batch-events/salt-dup`.
    ///
    /// Only a batch body is checked: eventlint checks each document on its own, so salts
    /// repeated across separate requests (or NDJSON lines) are not compared.
    ///
    /// ## Why
    /// The salt identifies one event for overwriting; the vendor's documentation of `eventSalt`
    /// says in capitals not to send the same salt with a different profile or action (SYN-PHP).
    /// Which event it then overwrites is undefined.
    ///
    /// ## Example
    /// ```json
    /// [
    ///   {"type": "custom", "action": "cart.status", "client": {"id": 1}, "label": "cart", "time": "2024-01-01T10:00:00Z", "eventSalt": "cart"},
    ///   {"type": "custom", "action": "cart.status", "client": {"id": 2}, "label": "cart", "time": "2024-01-01T10:00:00Z", "eventSalt": "cart"}
    /// ]
    /// ```
    ///
    /// ## Fix
    /// Derive the salt from the profile and the event, e.g. `"cart-1-2024-01-01"` and
    /// `"cart-2-2024-01-01"`.
    pub(crate) static EVENTSALT_UNIQUENESS = {
        id: "synerise.event/eventsalt-uniqueness",
        severity: Warning,
        summary: "An `eventSalt` is reused for another profile or action",
    };
}

/// Element `index` reuses the salt of element `first`; `what` says what differs
/// ("profile", "action", or both).
pub(crate) fn finding(at: Pointer, index: usize, first: usize, salt: &str, what: &str) -> Finding {
    Finding::new(
        &EVENTSALT_UNIQUENESS,
        at,
        format!("`[{index}].eventSalt` `{salt}` is also used by `[{first}]`, for a different {what}"),
    )
    .help("give every event its own salt, e.g. derived from the profile, the action and the time")
    .note("a salt identifies one event; reused for another profile or action, which event it overwrites is undefined")
}
