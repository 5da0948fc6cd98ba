use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `eventSalt`, when present, is a non-empty string.
    ///
    /// ## Why
    /// `eventSalt` is `type: string` (SYN-PHP `EventBase.eventSalt`); an empty salt cannot
    /// identify an event to overwrite. Rejection is inferred.
    ///
    /// ## Example
    /// ```json
    /// {"eventSalt": 17}
    /// ```
    ///
    /// ## Fix
    /// `{"eventSalt": "order-17"}`
    pub(crate) static EVENTSALT_TYPE = {
        id: "synerise.event/eventsalt-type",
        severity: Error,
        summary: "`eventSalt` is not a non-empty string",
        structural: true,
        fix: Safe("when `eventSalt` is a number or a boolean: it is quoted."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let message = match value {
        Some(Value::String(_)) => "`eventSalt` is empty".to_owned(),
        Some(v) => format!("`eventSalt` is {}, not a string", describe(v)),
        None => "`eventSalt` is missing".to_owned(),
    };
    let finding = Finding::new(&EVENTSALT_TYPE, at, message);
    match value {
        Some(Value::Number(n)) => {
            let quoted = n.to_string();
            finding
                .help(format!("send `eventSalt` as a string: `\"{quoted}\"`"))
                .propose_string(&quoted)
        }
        _ => finding
            .help("set `eventSalt` to a non-empty string that identifies the event, or omit it"),
    }
}
