use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `eventValue` is not one of the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
    ///
    /// Any other value that is not a JSON number is `personalize.put-events/eventvalue-type`'s
    /// business (an error).
    ///
    /// ## Why
    /// `eventValue` is a `float` shape (AWS-BC `FloatType`): a JSON number on the wire. Smithy and
    /// botocore encode non-finite floats as those three strings, so the service deserializes
    /// them, but they are no usable `EVENT_VALUE` (e.g. for an `eventValueThreshold`): a warning.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "itemId": "i1", "eventValue": "NaN"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "itemId": "i1", "eventValue": 4.5}
    /// ```
    /// or omit `eventValue`.
    pub(crate) static EVENTVALUE_NON_FINITE = {
        id: "personalize.put-events/eventvalue-non-finite",
        severity: Warning,
        summary: "`eventValue` is the wire form of a non-finite float (`\"NaN\"`, `\"Infinity\"`)",
        structural: true,
    };
}

/// `eventValue` at `at` is the string `text` (`NaN`, `Infinity` or `-Infinity`).
pub(crate) fn finding(at: Pointer, text: &str) -> Finding {
    let name = field_name(&at);
    Finding::new(
        &EVENTVALUE_NON_FINITE,
        at,
        format!("`{name}` is `\"{text}\"`, the wire form of a non-finite float: not a usable event value"),
    )
    .help(format!("send a finite number, or omit `{name}`"))
    .note("Smithy encodes non-finite floats as strings, so the service accepts it; training and `eventValueThreshold` need a real number")
}
