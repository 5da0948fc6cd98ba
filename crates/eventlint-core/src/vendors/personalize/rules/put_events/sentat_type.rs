use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rule::time::{IsoDateTime, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// `sentAt` is a JSON number: Unix epoch seconds, a fraction allowed.
    ///
    /// ## Why
    /// `sentAt` is a `timestamp` shape without `timestampFormat`, so the rest-json protocol sends
    /// it as epoch seconds in a JSON number (AWS-BC-SER: botocore serializes
    /// `datetime(2023, 1, 1, 12)` as `1672574400`); the API reference shows `"sentAt": number`
    /// (AWS-API). An ISO 8601 string or a quoted number is not that format (rejection
    /// inferred). The boto3 reference's `datetime(2015, 1, 1)` (SEED-003) is Python, which
    /// botocore turns into a number on the wire.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": "2023-01-01T12:00:00Z"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400}
    /// ```
    pub(crate) static SENTAT_TYPE = {
        id: "personalize.put-events/sentat-type",
        severity: Error,
        summary: "`sentAt` is not a JSON number of epoch seconds",
        structural: true,
        fix: Safe("when `sentAt` is epoch seconds in a string or an ISO 8601 time: the same instant is written as a number of seconds."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &SENTAT_TYPE,
        at,
        format!("`{name}` is {what}, not a number of epoch seconds"),
    );
    let example = format!("send `{name}` as a JSON number of epoch seconds, e.g. `1672574400`");
    match value {
        Some(Value::String(s)) => match (parse_iso8601(s), s.trim()) {
            (Some(time), _) => {
                let zone = if matches!(time, IsoDateTime::Local(_)) {
                    " (the string has no offset; read as UTC)"
                } else {
                    ""
                };
                let seconds = time.to_utc().timestamp().to_string();
                let finding = if zone.is_empty() {
                    finding
                } else {
                    finding.guessed()
                };
                finding
                    .help(format!(
                        "send `{name}` as a JSON number of epoch seconds: `{seconds}`{zone}"
                    ))
                    .propose(seconds)
            }
            // A number as JSON writes it, which `serde_json` reads back.
            (None, number) if serde_json::from_str::<serde_json::Number>(number).is_ok() => finding
                .help(format!("remove the quotes: `{number}`"))
                .propose(number),
            _ => finding.help(example),
        },
        Some(Value::Null) => finding.help(format!(
            "`{name}` is required: send when the event occurred, in epoch seconds"
        )),
        _ => finding.help(example),
    }
}
