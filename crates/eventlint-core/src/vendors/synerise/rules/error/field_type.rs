use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The fields of a Synerise error body have their documented types: `error`, `timestamp`,
    /// `path` and `message` strings, `status` an integer, `errors` an array of objects whose
    /// `code` is an integer and `field` and `message` are strings (`rejectedValue` may be any
    /// value). A `null` is `synerise.error/field-null`'s business (an info: every field is
    /// optional, and Spring Boot, whose default error body this is, may write `null` for an
    /// absent message).
    ///
    /// ## Why
    /// The `HTTP400` and `Error` models (SYN-PHP, SYN-M2) declare these types; a mock or recorded
    /// error with another type will not deserialize in the official clients.
    ///
    /// ## Example
    /// ```json
    /// {"error": "Bad Request", "status": "400"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"error": "Bad Request", "status": 400}
    /// ```
    pub(crate) static FIELD_TYPE = {
        id: "synerise.error/field-type",
        severity: Error,
        summary: "A field of the error body has the wrong type",
        structural: true,
        fix: Safe("when the value is a number or a boolean where a string is documented: it is quoted."),
    };
}

/// `name` (e.g. `status`, `errors[0].code`) at `at` is `value`, not `expected` (`null`:
/// `synerise.error/field-null`).
pub(crate) fn finding(at: Pointer, name: &str, value: Option<&Value>, expected: &str) -> Finding {
    if let Some(Value::Null) = value {
        return super::field_null::finding(at, name, expected);
    }
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &FIELD_TYPE,
        at,
        format!("`{name}` is {what}, not {expected}"),
    );
    match value {
        Some(Value::String(s)) if expected == "an integer" && s.parse::<i64>().is_ok() => finding
            .help(format!("send `{name}` as a number: `{s}`"))
            .propose(s.as_str()),
        _ => finding.help(format!("send `{name}` as {expected}")),
    }
}
