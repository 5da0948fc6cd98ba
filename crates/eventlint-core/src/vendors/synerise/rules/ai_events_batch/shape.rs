use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::suggest::did_you_mean;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::synerise::model::AI_EVENT_TYPES;

declare_rule! {
    /// ## What it checks
    /// The body of `POST /events/v1/batch` is an object `{"eventType": …, "items": [ … ]}`:
    /// `eventType` is `recommendation.view`, `recommendation.click` or `item.search.click`, and
    /// `items` is an array of event objects (each shaped like a single AI event).
    ///
    /// ## Why
    /// This is the documented batch body (SEED-001). `product.search.click` exists only in the
    /// newer ai-compat batch API (vendor-rules.md §2.8), and a bare array of events is the v4
    /// batch's shape, not this one's.
    ///
    /// ## Example
    /// ```json
    /// {"eventType": "recommendation.views", "items": [{"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": []}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"eventType": "recommendation.view", "items": [{"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": []}]}
    /// ```
    pub(crate) static SHAPE = {
        id: "synerise.ai-events-batch/shape",
        severity: Error,
        summary: "The AI events batch is not `{eventType, items: [events]}`",
        structural: true,
    };
}

pub(crate) fn not_object(doc: &Value) -> Finding {
    let help = if doc.is_array() {
        "wrap the events: `{\"eventType\": \"recommendation.view\", \"items\": [ … ]}`"
    } else {
        "send `{\"eventType\": \"recommendation.view\", \"items\": [ … ]}`"
    };
    Finding::new(
        &SHAPE,
        Pointer::root(),
        format!("the AI events batch is {}, not an object", describe(doc)),
    )
    .help(help)
}

pub(crate) fn missing(field: &str) -> Finding {
    let help = if field == "eventType" {
        "add `eventType`: `recommendation.view`, `recommendation.click` or `item.search.click`, the type of every event of the batch"
    } else {
        "add `items`, the array of events"
    };
    Finding::new(
        &SHAPE,
        Pointer::root(),
        format!("the AI events batch has no `{field}`"),
    )
    .help(help)
}

pub(crate) fn event_type(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::String(s)) => {
            let f = Finding::new(
                &SHAPE,
                at,
                format!("`eventType` `{s}` is not an AI event type"),
            );
            match did_you_mean(s, AI_EVENT_TYPES) {
                Some(near) => f
                    .message_suffix(&crate::message::suggest::did_you_mean_suffix(near))
                    .help(format!("set `\"eventType\": \"{near}\"`")),
                None if s == "product.search.click" => f
                    .help("`product.search.click` exists only in the v4 ai-compat batch API (`POST /v4/events/ai-compat/batch`)"),
                None => f.help("set `eventType` to `recommendation.view`, `recommendation.click` or `item.search.click`"),
            }
        }
        other => Finding::new(
            &SHAPE,
            at,
            format!(
                "`eventType` is {}, not a string",
                other.map_or_else(|| "missing".to_owned(), describe)
            ),
        )
        .help("set `eventType` to `recommendation.view`, `recommendation.click` or `item.search.click`"),
    }
}

pub(crate) fn items_not_array(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(&SHAPE, at, format!("`items` is {what}, not an array of events"))
        .help("send the events in an array: `\"items\": [{\"correlationId\": …, \"clientUUID\": …, \"items\": [ … ]}]`")
}

pub(crate) fn element_not_object(at: Pointer, index: usize, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(&SHAPE, at, format!("`items[{index}]` is {what}, not an event object"))
        .help("make every element of `items` an event object with `correlationId`, `clientUUID` and `items`")
}
