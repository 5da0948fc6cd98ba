use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `client.id` is a JSON integer from 1 to 9223372036854775807 (a 64-bit id): a non-numeric
    /// string, `0`, a negative number or a boolean is an error.
    ///
    /// A numeric string (`"5092159999"`) or a fractional number is
    /// `synerise.event/client-id-coercible`'s business (a warning: the Java deserializer
    /// probably coerces or truncates it).
    ///
    /// ## Why
    /// `id` is the system-generated profile id, `type: integer` (SYN-M2, SYN-PHP). The older spec
    /// says `int32`, but the vendor's own example id `5092159999` exceeds it, so eventlint checks
    /// the 64-bit range (vendor-rules.md §8.2).
    ///
    /// ## Example
    /// ```json
    /// {"client": {"id": "abc-5092159999"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"id": 5092159999}}
    /// ```
    /// or, for your own identifier, `{"client": {"customId": "abc-5092159999"}}`.
    pub(crate) static CLIENT_ID_TYPE = {
        id: "synerise.event/client-id-type",
        severity: Error,
        summary: "`client.id` is not a positive 64-bit integer",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            super::client_id_coercible::numeric_string(at, s)
        }
        Some(Value::String(s)) => Finding::new(&CLIENT_ID_TYPE, at, format!("`client.id` is the string `\"{s}\"`, not a profile id"))
            .help("`client.id` is Synerise's numeric profile id; put your own identifier in `client.customId`"),
        Some(Value::Number(n)) if n.is_f64() && n.as_f64().is_some_and(|f| (1.0..9.2e18).contains(&f)) => {
            super::client_id_coercible::fraction(at, &n.to_string())
        }
        Some(Value::Number(n)) => Finding::new(&CLIENT_ID_TYPE, at, format!("`client.id` is `{n}`, outside 1..=9223372036854775807"))
            .help("send the profile's positive 64-bit id in `client.id`"),
        other => Finding::new(
            &CLIENT_ID_TYPE,
            at,
            format!("`client.id` is {}, not an integer", other.map_or_else(|| "missing".to_owned(), describe)),
        )
        .help("send the profile's numeric id in `client.id`"),
    }
}
