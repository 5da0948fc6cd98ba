use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// No field of a Synerise error body is `null`.
    ///
    /// A field of another wrong type is `synerise.error/field-type`'s business (an error).
    ///
    /// ## Why
    /// Every field of the `HTTP400` and `Error` models is optional (SYN-PHP, SYN-M2), and Spring
    /// Boot, whose default error body this is, may write `null` for an absent message; the
    /// official clients read it as absent. It is not the documented type, though: an info.
    ///
    /// ## Example
    /// ```json
    /// {"error": "Unsupported Media Type", "status": 415, "message": null}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"error": "Unsupported Media Type", "status": 415}
    /// ```
    pub(crate) static FIELD_NULL = {
        id: "synerise.error/field-null",
        severity: Info,
        summary: "A field of the error body is `null`",
        structural: true,
    };
}

/// `name` (e.g. `message`, `errors[0].field`) at `at` is `null`; `expected` is its type.
pub(crate) fn finding(at: Pointer, name: &str, expected: &str) -> Finding {
    Finding::new(
        &FIELD_NULL,
        at,
        format!("`{name}` is `null`, not {expected}"),
    )
    .help(format!("omit `{name}` instead of `null`"))
}
