use crate::locate::pointer::Pointer;
use crate::message::suggest::unknown_key;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::synerise::model::CLIENT_KEYS;

declare_rule! {
    /// ## What it checks
    /// `client` has no keys other than `id`, `customId`, `uuid` and `email`; a misspelt one gets
    /// a suggestion (`customID` → `customId`).
    ///
    /// ## Why
    /// Other members are not identifiers and are ignored (inferred from the `Client` model,
    /// SYN-PHP): a misspelt `customID` leaves the client without the identifier you meant, or
    /// attributes the event to another profile.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"id": 5092159999, "customID": "c-42"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"id": 5092159999, "customId": "c-42"}}
    /// ```
    pub(crate) static UNKNOWN_CLIENT_KEY = {
        id: "synerise.event/unknown-client-key",
        severity: Warning,
        summary: "`client` has a key that is not an identifier",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(client: &Pointer, key: &str) -> Finding {
    let otherwise = "`client` takes only `id`, `customId`, `uuid` and `email`; move other profile data to `params`".to_owned();
    unknown_key(
        &UNKNOWN_CLIENT_KEY,
        client,
        key,
        CLIENT_KEYS,
        "`client`",
        Some(otherwise),
    )
}
