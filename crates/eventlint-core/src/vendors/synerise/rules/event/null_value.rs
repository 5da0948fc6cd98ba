use crate::document::value::Value;

use crate::locate::pointer::{Pointer, path_name};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// No field holds `null`: optional top-level fields (`time`, `params`, `eventSalt`), `client`
    /// identifiers, and `params` values at any depth, in arrays and objects too (the generated
    /// schemas say so: `params` values are `$defs/ParamValue`, `not: {type: null}` all the way
    /// down). A `null` required field (`action`, `client`, `label`) is reported by that field's
    /// own rule, as an error; a dedicated event's `action`, whatever its value, by
    /// `synerise.dedicated-event/action-ignored`.
    ///
    /// ## Why
    /// "If you don't have a value for a field, omit that field. Do not send null values" (SYN-PHP,
    /// every v4 events endpoint). A `null` parameter may be stored as the string `"null"` or
    /// overwrite a value you meant to keep.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark", "time": null, "params": {"mood": null}}
    /// ```
    ///
    /// ## Fix
    /// Remove the members instead: `{"action": "dog.bark", "client": {"id": 1}, "label": "bark"}`.
    pub(crate) static NULL_VALUE = {
        id: "synerise.event/null-value",
        severity: Warning,
        summary: "A field holds `null`; Synerise says to omit it instead",
        structural: true,
        fix: Safe("when the `null` is a member's value: the member is removed, as Synerise says to omit it."),
    };
}

/// A `null` the schema rejects: a typed optional field, or a `params` value at any depth.
pub(crate) fn finding(at: Pointer, rel: &[&str], event: &Value) -> Finding {
    // `params.cart[0].coupon`: an index is a segment whose container is an array (a `params`
    // key may be digits).
    let name = path_name(rel.iter().copied(), |i, _| {
        matches!(event.at(&rel[..i]), Some(Value::Array(_)))
    });
    let finding = Finding::new(&NULL_VALUE, at, format!("`{name}` is `null`"))
        .help(format!("omit `{name}` instead of sending `null`"));
    // A member is omitted; an array's element is no field to omit (the indices would move).
    match rel.split_last() {
        Some((_, parent)) if matches!(event.at(parent), Some(Value::Object(_))) => {
            finding.propose_removal()
        }
        _ => finding,
    }
}
