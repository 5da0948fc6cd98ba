use crate::locate::pointer::Pointer;
use crate::message::suggest::{one_of, unknown_key};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::synerise::model::EVENT_KEYS;

declare_rule! {
    /// ## What it checks
    /// The event has no top-level keys other than `action`, `client`, `label`, `time`, `params`
    /// and `eventSalt` (and `type` in a batch element). A key close to a known one gets a
    /// "did you mean" suggestion.
    ///
    /// ## Why
    /// Unknown members are ignored (inferred): a misspelt `lable` or a `timestamp` instead of
    /// `time` silently loses data, and custom data belongs in `params`.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "lable": "bark", "mood": "happy"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark", "params": {"mood": "happy"}}
    /// ```
    pub(crate) static UNKNOWN_TOP_LEVEL_KEY = {
        id: "synerise.event/unknown-top-level-key",
        severity: Warning,
        summary: "The event has a top-level key Synerise does not know",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(base: &Pointer, key: &str) -> Finding {
    finding_in(base, key, EVENT_KEYS)
}

/// An unknown key of an event whose known keys are `known` (a batch element adds `type`).
pub(crate) fn finding_in(base: &Pointer, key: &str, known: &[&str]) -> Finding {
    let otherwise = format!(
        "move `{key}` into `params`, or remove it; known keys: {}",
        one_of(known, 7)
    );
    unknown_key(
        &UNKNOWN_TOP_LEVEL_KEY,
        base,
        key,
        known,
        "the event",
        Some(otherwise),
    )
}
