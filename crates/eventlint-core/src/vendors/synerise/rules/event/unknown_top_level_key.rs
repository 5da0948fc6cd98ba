use crate::check::Finding;
use crate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::suggest::{did_you_mean, one_of};
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
    };
}

pub(crate) fn finding(base: &Pointer, key: &str) -> Finding {
    let f = Finding::new(
        &UNKNOWN_TOP_LEVEL_KEY,
        base.key(key),
        format!("unknown key `{key}` in the event"),
    )
    .on_key();
    match did_you_mean(key, EVENT_KEYS) {
        Some(near) => f
            .message_suffix(&format!("; did you mean `{near}`?"))
            .help(format!("rename `{key}` to `{near}`")),
        None => f.help(format!(
            "move `{key}` into `params`, or remove it; known keys: {}",
            one_of(EVENT_KEYS, 6)
        )),
    }
}
