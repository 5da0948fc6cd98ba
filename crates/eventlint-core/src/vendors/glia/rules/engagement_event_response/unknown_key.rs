use crate::locate::pointer::Pointer;
use crate::message::suggest::{one_of, unknown_key};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::glia::model::{EVENT_MESSAGE_KEYS, SENDER_KEYS};

declare_rule! {
    /// ## What it checks
    /// The event message and its `sender` have no keys other than the documented ones
    /// (`timestamp`, `id`, `engagement_id`, `sub_engagement_id`, `content`, `status`, `sender`,
    /// `target`; `sender.type`). A key close to a known one gets a "did you mean" suggestion.
    ///
    /// ## Why
    /// The documented response has exactly these fields (SEED-004). An API's responses may gain
    /// fields, so an unknown one is only an info; a misspelt one (`engagementId`) in a mock hides
    /// the real field from the code under test.
    ///
    /// ## Example
    /// ```json
    /// {"engagementId": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d"}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "glia.engagement-event.response/unknown-key",
        severity: Info,
        summary: "The event message has an undocumented key",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

/// An unknown key of the event message (`in_sender` false) or of `sender`.
pub(crate) fn finding(parent: &Pointer, key: &str, in_sender: bool) -> Finding {
    let (known, container) = if in_sender {
        (SENDER_KEYS, "`sender`")
    } else {
        (EVENT_MESSAGE_KEYS, "the event message")
    };
    let otherwise = format!(
        "`{key}` is not documented; {container} has {}",
        one_of(known, 8)
    );
    unknown_key(&UNKNOWN_KEY, parent, key, known, container, Some(otherwise))
}
