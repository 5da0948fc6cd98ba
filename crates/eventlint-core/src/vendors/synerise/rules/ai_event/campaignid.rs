use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `campaignId`, when present, is a non-empty string.
    ///
    /// ## Why
    /// "`campaignId` is the ID of recommendation campaign", an optional string (SEED-001); the
    /// hub adds "only in campaign result requests" (SYN-HUB-REC), which the body cannot show.
    /// Info only: a number is probably coerced to a string by the server (inferred), and an empty
    /// string is most likely a template with no campaign, better left out.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": [], "campaignId": ""}
    /// ```
    ///
    /// ## Fix
    /// Send the campaign's id as a string (`"campaignId": "DkhvrZoTKthD"`) for recommendations
    /// from a campaign, and omit it otherwise.
    pub(crate) static CAMPAIGNID = {
        id: "synerise.ai-event/campaignid",
        severity: Info,
        summary: "`campaignId` is not a non-empty string",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::String(_)) => Finding::new(&CAMPAIGNID, at, "`campaignId` is empty")
            .help("omit `campaignId` when the recommendation does not come from a campaign"),
        Some(Value::Number(n)) => Finding::new(
            &CAMPAIGNID,
            at,
            format!("`campaignId` is the number `{n}`, not a string"),
        )
        .help(format!("send `campaignId` as a string: `\"{n}\"`")),
        other => Finding::new(
            &CAMPAIGNID,
            at,
            format!(
                "`campaignId` is {}, not a string",
                other.map_or_else(|| "missing".to_owned(), describe)
            ),
        )
        .help("send the campaign's id as a string, or omit `campaignId`"),
    }
}
