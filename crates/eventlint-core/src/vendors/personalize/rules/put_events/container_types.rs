use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The containers have their JSON types: the request body and each event are objects,
    /// `eventList` and `impression` are arrays, `metricAttribution` is an object.
    ///
    /// ## Why
    /// `PutEventsRequest`, `Event` and `MetricAttribution` are structures and `EventList` and
    /// `Impression` are lists in the service model (AWS-BC); the rest-json body is a JSON object
    /// (SEED-003 request syntax). Anything else cannot be deserialized and is rejected
    /// (rejection inferred). A single event still goes inside `[...]`.
    ///
    /// This rule is not in vendor-rules.md §4.3, whose `string-types` covers only strings; it
    /// names the container cases so that none is reported as an unnamed schema violation.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": {"eventType": "click", "sentAt": 1672574400}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400}]}
    /// ```
    pub(crate) static CONTAINER_TYPES = {
        id: "personalize.put-events/container-types",
        severity: Error,
        summary: "The body, an event, `eventList`, `impression` or `metricAttribution` has the wrong JSON type",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let segments = at.segments();
    let last = segments.last().map(String::as_str);
    let (message, help) = match (segments.len(), last) {
        (0, _) => (
            format!("the request body is {what}, not an object"),
            if value.is_some_and(Value::is_array) {
                "send one object: `{\"trackingId\": …, \"sessionId\": …, \"eventList\": [ …these events… ]}`"
                    .to_owned()
            } else {
                "send a JSON object with `trackingId`, `sessionId` and `eventList`".to_owned()
            },
        ),
        (1, _) => (
            format!("`eventList` is {what}, not an array"),
            if value.is_some_and(Value::is_object) {
                "wrap the event in an array: `\"eventList\": [{…}]`".to_owned()
            } else {
                "make `eventList` an array of 1 to 10 event objects".to_owned()
            },
        ),
        (2, _) => (
            format!("`{name}` is {what}, not an event object"),
            "make each element of `eventList` an object with at least `eventType` and `sentAt`"
                .to_owned(),
        ),
        (_, Some("impression")) => (
            format!("`{name}` is {what}, not an array of item IDs"),
            match value {
                Some(Value::String(s)) => {
                    format!("wrap the item ID in an array: `[{}]`", Value::String(*s))
                }
                _ => "make `impression` an array of 1 to 25 item ID strings".to_owned(),
            },
        ),
        _ => (
            format!("`{name}` is {what}, not an object"),
            match value {
                Some(Value::String(s)) => format!(
                    "send `{{\"eventAttributionSource\": {}}}`",
                    Value::String(*s)
                ),
                _ => {
                    "make `metricAttribution` an object with `eventAttributionSource`, or remove it"
                        .to_owned()
                }
            },
        ),
    };
    Finding::new(&CONTAINER_TYPES, at, message).help(help)
}
