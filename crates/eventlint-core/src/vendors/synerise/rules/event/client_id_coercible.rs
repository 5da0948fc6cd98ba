use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `client.id` is not a numeric string (`"5092159999"`) nor a fractional number
    /// (`5092159999.5`): values the deserializer probably coerces or truncates into an id.
    ///
    /// Any other value that is not an integer from 1 to 9223372036854775807 (a non-numeric
    /// string, `0`, a negative number, a boolean) is `synerise.event/client-id-type`'s business
    /// (an error).
    ///
    /// ## Why
    /// `id` is the system-generated profile id, `type: integer` (SYN-M2, SYN-PHP). A Java
    /// deserializer such as Jackson coerces a quoted integer and truncates a fraction by default,
    /// so the event is probably accepted ([I], vendor-rules.md §2.3), but a truncated id may name
    /// another profile, and a strict server refuses both: a warning.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"id": "5092159999"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"id": 5092159999}}
    /// ```
    pub(crate) static CLIENT_ID_COERCIBLE = {
        id: "synerise.event/client-id-coercible",
        severity: Warning,
        summary: "`client.id` is a numeric string or a fractional number",
        structural: true,
        fix: Safe("when `client.id` is a whole number in a string: the number is written."),
    };
}

/// `client.id` (at `at`) is the string of digits `digits`.
pub(crate) fn numeric_string(at: Pointer, digits: &str) -> Finding {
    Finding::new(
        &CLIENT_ID_COERCIBLE,
        at,
        format!("`client.id` is the string `\"{digits}\"`, not a number"),
    )
    .help(format!("send `client.id` as a number: `{digits}`"))
    .propose(digits)
}

/// `client.id` (at `at`) is the fractional number `number`.
pub(crate) fn fraction(at: Pointer, number: &str) -> Finding {
    Finding::new(
        &CLIENT_ID_COERCIBLE,
        at,
        format!("`client.id` is the fractional number `{number}`"),
    )
    .help("send `client.id` as a whole number")
}
