use std::collections::HashMap;

use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// No two events of one request have the same `eventId`. Each repeat is reported, pointing
    /// at its `eventId`.
    ///
    /// ## Why
    /// "Amazon Personalize uses the event ID to distinguish unique events. Any subsequent events
    /// after the first with the same event ID are not used in model training." (SEED-003). The
    /// request is accepted, and the repeated events are silently lost for training. IDs repeated
    /// across requests cannot be seen in one body.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [
    ///   {"eventId": "e1", "eventType": "click", "sentAt": 1672574400, "itemId": "i1"},
    ///   {"eventId": "e1", "eventType": "click", "sentAt": 1672574460, "itemId": "i2"}]}
    /// ```
    ///
    /// ## Fix
    /// Give every event its own ID (`"e2"`), or omit `eventId` and let Personalize generate one.
    pub(crate) static DUPLICATE_EVENTID = {
        id: "personalize.put-events/duplicate-eventid",
        severity: Warning,
        summary: "Two events of the request share an `eventId`",
    };
}

/// Reports repeated `eventId`s; returns the indexes of the events reported.
pub(crate) fn check(ctx: &mut Ctx<'_>, list: &Pointer, events: &[Value]) -> Vec<usize> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut reported = Vec::new();
    for (i, event) in events.iter().enumerate() {
        let Some(id) = event.get("eventId").and_then(Value::as_str) else {
            continue;
        };
        match first.get(id) {
            Some(&earlier) => {
                let at = list.index(i).key("eventId");
                let earlier_at = list.index(earlier).key("eventId");
                let earlier_name = field_name(&earlier_at);
                ctx.report(
                    Finding::new(
                        &DUPLICATE_EVENTID,
                        at.clone(),
                        format!(
                            "`{}` `{id}` repeats `{earlier_name}`: this event is not used in model training",
                            field_name(&at)
                        ),
                    )
                    .help("give every event its own `eventId`, or omit `eventId` and let Personalize generate one")
                    .related(earlier_at, Target::Value, format!("`{earlier_name}`, first")),
                );
                reported.push(i);
            }
            None => {
                first.insert(id, i);
            }
        }
    }
    reported
}
