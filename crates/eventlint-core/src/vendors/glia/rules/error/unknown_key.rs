use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::suggest::{one_of, unknown_key};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::glia::model::ERROR_KEYS;

declare_rule! {
    /// ## What it checks
    /// The error body has no keys other than `message` and `debug_message`. A key close to one of
    /// them gets a "did you mean" suggestion.
    ///
    /// ## Why
    /// The documented 401 and 403 bodies have exactly these two keys (SEED-004). The older
    /// salemove API (2015–2017 developer docs, GLIA-OLD) also sent an `error` name such as
    /// `BadRequest`. Responses may gain fields, so this is only an info; a misspelt key
    /// (`debugMessage`) in a mock hides the real field from the code under test.
    ///
    /// ## Example
    /// ```json
    /// {"message": "Invalid token", "debugMessage": "Authorization header must contain a valid token"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"message": "Invalid token", "debug_message": "Authorization header must contain a valid token"}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "glia.error/unknown-key",
        severity: Info,
        summary: "The error body has an undocumented key",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(base: &Pointer, key: &str, value: Option<&Value>) -> Finding {
    if key == "error" && value.is_some_and(Value::is_string) {
        return Finding::new(
            &UNKNOWN_KEY,
            base.key(key),
            "`error` is not in the documented error body; the older salemove API sent an error name in it",
        )
        .on_key()
        .help("current error bodies have only `message` and `debug_message`; read those");
    }
    let otherwise = format!(
        "`{key}` is not documented; the error body has {}",
        one_of(ERROR_KEYS, 2)
    );
    unknown_key(
        &UNKNOWN_KEY,
        base,
        key,
        ERROR_KEYS,
        "the error body",
        Some(otherwise),
    )
}
