use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `client` holds at least one identifier, `id`, `customId`, `uuid` or `email`, that is
    /// present, not `null` and not empty.
    ///
    /// ## Why
    /// "It must contain at least one of the following identifiers: id, customId, uuid, email"
    /// (SEED-001; the official PHP SDK refuses such a client too). Checked by the generated schema
    /// (`anyOf` on `client`).
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "label": "bark", "client": {"customId": ""}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"action": "dog.bark", "label": "bark", "client": {"customId": "c-42"}}
    /// ```
    pub(crate) static CLIENT_IDENTIFIER = {
        id: "synerise.event/client-identifier",
        severity: Error,
        summary: "`client` has no identifier (`id`, `customId`, `uuid` or `email`)",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, client: Option<&Value>) -> Finding {
    let empty: Vec<&str> = ["id", "customId", "uuid", "email"]
        .into_iter()
        .filter(|k| client.and_then(|c| c.get(k)).is_some())
        .collect();
    let message = if empty.is_empty() {
        "`client` has no identifier".to_owned()
    } else {
        format!(
            "`client` has no identifier: `{}` is empty or null",
            empty.join("`, `")
        )
    };
    Finding::new(&CLIENT_IDENTIFIER, at, message)
        .help("add one of `id`, `customId`, `uuid` or `email` to `client`")
}

/// Whether `client` satisfies the schema's `anyOf`: an `id` that is not `null`, or a `customId`,
/// `uuid` or `email` that is neither `null` nor `""`.
pub(crate) fn has_identifier(client: Option<&Value>) -> bool {
    let Some(client) = client else { return false };
    ["id", "customId", "uuid", "email"].into_iter().any(|key| {
        client
            .get(key)
            .is_some_and(|v| !v.is_null() && (key == "id" || v != ""))
    })
}
