use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The event has `uid`, a non-empty string or `null`:
    ///
    /// - a missing `uid` is reported: send `null` explicitly for an anonymous user;
    /// - a number (`3845`) is reported: the documented example sends the string `"3845"`;
    /// - an empty string, a boolean, an array or an object is reported too.
    ///
    /// All are warnings: the documentation does not say that such an event is rejected, but the
    /// event is attributed to no user, or to a user id that matches no other event.
    ///
    /// ## Why
    /// "`uid` user id. For anonymous users, send anonymous uuids if available, or null" (SEED-002,
    /// [D]); the example sends `"uid": "3845"`. That a numeric id is converted or mismatched, and
    /// that `null` should be explicit, is inferred ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": 3845, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE"}
    /// ```
    pub(crate) static UID = {
        id: "neuralens.event/uid",
        severity: Warning,
        summary: "`uid` is missing, or neither a string nor `null`",
        structural: true,
        fix: Safe("when `uid` is a number: it is quoted."),
    };
}

/// The object at `object` has no `uid`.
pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&UID, object, "the event has no `uid`")
        .help("add the user's id as a string, e.g. `\"uid\": \"3845\"`, or `\"uid\": null` for an anonymous user without an anonymous uuid")
}

/// `uid` is neither a non-empty string nor `null`.
pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::Number(n)) => {
            Finding::new(&UID, at, format!("`uid` is the number `{n}`, not a string"))
                .help(format!("send the user id as a string: `\"{n}\"`"))
                .propose_string(&n.to_string())
        }
        Some(Value::String(_)) => Finding::new(&UID, at, "`uid` is an empty string")
            .help("send the user's id, an anonymous uuid, or `null` for an anonymous user"),
        other => Finding::new(
            &UID,
            at,
            format!(
                "`uid` is {}, not a string or `null`",
                other.map_or_else(|| "missing".to_owned(), describe)
            ),
        )
        .help("send the user's id as a string, or `null` for an anonymous user"),
    }
}
