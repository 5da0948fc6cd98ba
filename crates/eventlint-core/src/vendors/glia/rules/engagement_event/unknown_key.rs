use crate::locate::pointer::Pointer;
use crate::message::suggest::unknown_key;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::glia::model::EVENT_KEYS;

declare_rule! {
    /// ## What it checks
    /// The body has no keys other than `message`. A key close to it gets a "did you mean"
    /// suggestion.
    ///
    /// ## Why
    /// `message` is the only documented body parameter (SEED-004); anything else is ignored or
    /// rejected [I]. Response fields such as `content` or `sender` do not belong in the request.
    ///
    /// ## Example
    /// ```json
    /// {"message": "Visitor navigated to insurance page", "page": "/insurance"}
    /// ```
    ///
    /// ## Fix
    /// Put everything the operator should see in `message`:
    /// ```json
    /// {"message": "Visitor navigated to insurance page (/insurance)"}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "glia.engagement-event/unknown-key",
        severity: Warning,
        summary: "The engagement event body has a key other than `message`",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(base: &Pointer, key: &str) -> Finding {
    let otherwise = if key == "content" {
        "`content` is the response's name for the text; send it as `message` instead".to_owned()
    } else {
        format!(
            "remove `{key}`; the body takes only `message` (put what the operator should see in it)"
        )
    };
    unknown_key(
        &UNKNOWN_KEY,
        base,
        key,
        EVENT_KEYS,
        "the engagement event",
        Some(otherwise),
    )
}
