use crate::locate::pointer::Pointer;
use crate::message::suggest::{one_of, unknown_key};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// An AI event has no keys besides `correlationId`, `clientUUID`, `items`, `item`,
    /// `eventTimestamp` and `campaignId`, and a batch envelope none besides `eventType` and
    /// `items`. A key close to a known one gets a "did you mean" (e.g. `EventTimestamp`, the
    /// key of the generated ai-compat client, → `eventTimestamp`).
    ///
    /// ## Why
    /// Keys outside the documented contract (SEED-001) are ignored (inferred): `productIds`, seen
    /// in third-party integrations, or a misspelt `eventTimestamp` silently lose data.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "productIds": ["89435879453"]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "synerise.ai-event/unknown-key",
        severity: Warning,
        summary: "An AI event has a key the AI events API does not know",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

/// Unknown `key` in the object at `parent` (`container` names it, `known` are its keys).
pub(crate) fn finding(parent: &Pointer, key: &str, known: &[&str], container: &str) -> Finding {
    let otherwise = if key == "productIds" && known.contains(&"items") {
        "send the item ids in `items`, as strings, and remove `productIds`".to_owned()
    } else {
        format!("remove `{key}`; {container} takes {}", one_of(known, 6))
    };
    unknown_key(&UNKNOWN_KEY, parent, key, known, container, Some(otherwise))
}
