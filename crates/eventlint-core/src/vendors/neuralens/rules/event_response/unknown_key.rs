use crate::locate::pointer::Pointer;
use crate::message::suggest::unknown_key_meant;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::neuralens::model::RESPONSE_KEYS;
use crate::vendors::neuralens::shared::names::meant_key;

declare_rule! {
    /// ## What it checks
    /// The response has no keys other than `status` and `message`.
    ///
    /// ## Why
    /// Only `status` and `message` are documented (SEED-002). Another key means the response is
    /// not what the documentation describes (a misspelt key in a hand-written fixture, or an
    /// undocumented field); it is no fault of the request, hence info. Without `--kind`, such a
    /// document is not recognised as a Neuralens response at all.
    ///
    /// ## Example
    /// ```json
    /// {"status": "failure", "mesage": "invalid event"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"status": "failure", "message": "invalid event"}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "neuralens.event.response/unknown-key",
        severity: Info,
        summary: "The response has a key other than `status` and `message`",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

/// Common synonyms of the response's keys.
pub(crate) const RESPONSE_ALIASES: &[(&str, &str)] = &[
    ("error", "message"),
    ("msg", "message"),
    ("result", "status"),
];

pub(crate) fn finding(base: &Pointer, key: &str) -> Finding {
    unknown_key_meant(
        &UNKNOWN_KEY,
        base,
        key,
        "the response",
        meant_key(key, RESPONSE_KEYS, RESPONSE_ALIASES),
        || format!("`{key}` is not documented; the response has `status` and `message`"),
    )
}
