use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `client.customId`, `client.uuid` and `client.email` are JSON strings.
    ///
    /// ## Why
    /// They are `type: string` in the API reference (SYN-PHP `Client`); a number is rejected or
    /// coerced, losing leading zeros.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"customId": 42}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"customId": "42"}}
    /// ```
    pub(crate) static CLIENT_STRING_TYPES = {
        id: "synerise.event/client-string-types",
        severity: Error,
        summary: "`client.customId`, `client.uuid` or `client.email` is not a string",
        structural: true,
        fix: Safe("when the identifier is a number or a boolean: it is quoted."),
    };
}

pub(crate) fn finding(at: Pointer, field: &str, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &CLIENT_STRING_TYPES,
        at,
        format!("`client.{field}` is {what}, not a string"),
    );
    match (field, value) {
        // Quoting makes a number a custom id; it makes no UUID nor email address.
        ("customId", Some(Value::Number(n))) => {
            let quoted = n.to_string();
            finding
                .help(format!("quote it: `\"{field}\": \"{quoted}\"`"))
                .propose_string(&quoted)
        }
        ("uuid", _) => finding.help(
            "send the profile's UUID as a string, e.g. `\"e0097757-d1e2-44ac-ba3c-d97979a354c1\"`",
        ),
        ("email", _) => finding
            .help("send the profile's email address as a string, e.g. `\"jane@example.com\"`"),
        _ => finding.help(format!("send `client.{field}` as a string")),
    }
}
