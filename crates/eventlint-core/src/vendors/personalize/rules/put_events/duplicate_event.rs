use std::collections::HashMap;

use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// No two events of one request are the same interaction: the same `sentAt` and identical
    /// everything else (`eventType`, `itemId`, `eventValue`, `properties` compared as parsed JSON,
    /// `recommendationId`, `impression`, `metricAttribution`). `eventId` is not compared: events
    /// that share it are reported by `personalize.put-events/duplicate-eventid` instead.
    ///
    /// ## Why
    /// "If you record two events with exactly the same timestamp and identical properties, Amazon
    /// Personalize keeps only one of the events." (AWS-REC). A repeated event is usually a retry
    /// or a double-fired handler; if it is a real second interaction, it is lost.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [
    ///   {"eventType": "click", "sentAt": 1672574400, "itemId": "i1"},
    ///   {"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}]}
    /// ```
    ///
    /// ## Fix
    /// Send the interaction once; a real second interaction has its own `sentAt`.
    pub(crate) static DUPLICATE_EVENT = {
        id: "personalize.put-events/duplicate-event",
        severity: Warning,
        summary: "Two events of the request have the same `sentAt` and identical properties",
    };
}

/// The event without `eventId`, with `properties` parsed when it is JSON, as canonical text
/// (`serde_json` maps keep their keys sorted).
fn canonical(event: &Map<'_>) -> String {
    let mut copy = event.to_json();
    copy.remove("eventId");
    if let Some(serde_json::Value::String(text)) = copy.get("properties")
        && let Ok(parsed) = serde_json::from_str::<serde_json::Value>(text)
    {
        copy.insert("properties".to_owned(), parsed);
    }
    serde_json::Value::Object(copy).to_string()
}

/// Reports events that repeat an earlier one; `skip` are indexes already reported as repeated
/// `eventId`s.
pub(crate) fn check(ctx: &mut Ctx<'_>, list: &Pointer, events: &[Value], skip: &[usize]) {
    // The valid path: events with distinct `sentAt`s need no canonical form.
    let mut times: Vec<String> = events
        .iter()
        .filter_map(|e| e.get("sentAt").map(Value::to_string))
        .collect();
    times.sort_unstable();
    if !times.windows(2).any(|w| w[0] == w[1]) {
        return;
    }
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, event) in events.iter().enumerate() {
        let Value::Object(event) = event else {
            continue;
        };
        if !event.contains_key("sentAt") {
            continue;
        }
        let key = canonical(event);
        match first.get(&key) {
            Some(&earlier) if !skip.contains(&i) => {
                let at = list.index(i);
                ctx.report(
                    Finding::new(
                        &DUPLICATE_EVENT,
                        at.clone(),
                        format!(
                            "`{}` repeats `{}`: same `sentAt` and identical properties, so Personalize keeps only one",
                            field_name(&at),
                            field_name(&list.index(earlier))
                        ),
                    )
                    .help("send the interaction once; a real second interaction has its own `sentAt`"),
                );
            }
            Some(_) => {}
            None => {
                first.insert(key, i);
            }
        }
    }
}
