use crate::locate::pointer::Pointer;
use crate::message::suggest::unknown_key;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// A Synerise error body has no keys besides `error`, `status`, `timestamp`, `path`,
    /// `message` and `errors`, and each of its `errors` none besides `code`, `field`, `message`
    /// and `rejectedValue`. A key close to a known one gets a "did you mean".
    ///
    /// ## Why
    /// These are the documented fields (SYN-PHP `HTTP400`, `Error`). Info only: the body is
    /// Spring Boot's default error body (inferred), which some server configurations extend
    /// (e.g. `trace`, `exception`); in a hand-written mock, though, an unknown key is usually a
    /// misspelling.
    ///
    /// ## Example
    /// ```json
    /// {"error": "Bad Request", "status": 400, "mesage": "Validation failed"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"error": "Bad Request", "status": 400, "message": "Validation failed"}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "synerise.error/unknown-key",
        severity: Info,
        summary: "The error body has a key the documented model does not have",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(parent: &Pointer, key: &str, known: &[&str], container: &str) -> Finding {
    let otherwise = format!(
        "`{key}` is not documented; the documented keys of {container} are `{}`",
        known.join("`, `")
    );
    unknown_key(&UNKNOWN_KEY, parent, key, known, container, Some(otherwise))
}
