use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `eventValue` is a JSON number: a string, a boolean, an object or an array is an error. The
    /// strings `"NaN"`, `"Infinity"` and `"-Infinity"` are
    /// `personalize.put-events/eventvalue-non-finite`'s business (a warning).
    ///
    /// ## Why
    /// `eventValue` is a `float` shape (AWS-BC `FloatType`): a JSON number on the wire. A string,
    /// e.g. a quoted `"4.5"`, cannot be read as a float (rejection inferred): an error.
    /// Whether `eventValue` is used at all depends on your Item interactions schema having an
    /// `EVENT_VALUE` field, which eventlint cannot see.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "itemId": "i1", "eventValue": "4.5"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "itemId": "i1", "eventValue": 4.5}
    /// ```
    pub(crate) static EVENTVALUE_TYPE = {
        id: "personalize.put-events/eventvalue-type",
        severity: Error,
        summary: "`eventValue` is not a JSON number",
        structural: true,
        fix: Safe("when `eventValue` is a number in a string: the number is written."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    match value {
        Some(Value::String(s)) if matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") => {
            super::eventvalue_non_finite::finding(at, s)
        }
        // A number as JSON writes it (`serde_json` reads it back; `"1."` is no JSON number).
        Some(Value::String(s)) if serde_json::from_str::<serde_json::Number>(s.trim()).is_ok() => {
            Finding::new(
                &EVENTVALUE_TYPE,
                at,
                format!("`{name}` is {what}, not a number"),
            )
            .help(format!("remove the quotes: `{}`", s.trim()))
            .propose(s.trim())
        }
        Some(Value::String(s)) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            Finding::new(
                &EVENTVALUE_TYPE,
                at,
                format!("`{name}` is {what}, not a number"),
            )
            .help(format!(
                "send `{name}` as a JSON number, without quotes, e.g. `{}`",
                s.trim().parse::<f64>().unwrap_or_default()
            ))
        }
        Some(Value::Null) => Finding::new(&EVENTVALUE_TYPE, at, format!("`{name}` is `null`"))
            .help(format!("omit `{name}` instead of sending `null`")),
        _ => Finding::new(
            &EVENTVALUE_TYPE,
            at,
            format!("`{name}` is {what}, not a number"),
        )
        .help(format!(
            "send `{name}` as a JSON number, e.g. `4.5`, or omit it"
        )),
    }
}
