use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::proposal::json_string;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `items` is present and an array of strings (it may be empty). Each element that is not a
    /// string is reported where it stands (`/items/2`). A click may carry a single `item`
    /// string instead (see `synerise.ai-event/click-item-shape`); a `recommendation.view` in a
    /// batch needs `items`.
    ///
    /// ## Why
    /// "`items` is an array of item IDs (as strings) that were included in the recommendation
    /// frame. It can be empty" (SEED-001). Item ids sent as numbers do not match the catalog's
    /// string ids, or lose digits beyond 2⁵³.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": [89435879453]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    pub(crate) static ITEMS_REQUIRED = {
        id: "synerise.ai-event/items-required",
        severity: Error,
        summary: "`items` is missing, not an array, or holds a non-string id",
        structural: true,
        fix: Safe("when `items` is one id or holds numbers: it is written as an array of string ids."),
    };
}

/// No `items` (nor `item`); `view` says the event is known to be a `recommendation.view`.
pub(crate) fn missing(object: Pointer, view: bool) -> Finding {
    let message = if view {
        "the `recommendation.view` event has no `items`"
    } else {
        "the AI event has no `items`"
    };
    Finding::new(&ITEMS_REQUIRED, object, message)
        .help("add `items`, the ids (as strings) of the items in the recommendation frame, e.g. `\"items\": [\"89435879453\"]`; it may be `[]`")
}

pub(crate) fn not_array(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &ITEMS_REQUIRED,
        at,
        format!("`items` is {what}, not an array"),
    );
    let id = match value {
        Some(Value::String(s)) => Some(s.to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    match (value, id) {
        (Some(Value::String(_)), Some(id)) => {
            let items = format!("[{}]", json_string(&id));
            finding
                .help(format!("wrap the id in an array: `\"items\": {items}`"))
                .propose(items)
        }
        (_, Some(id)) => {
            let items = format!("[{}]", json_string(&id));
            finding
                .help(format!("send an array of strings: `\"items\": {items}`"))
                .propose(items)
        }
        _ => finding
            .help("send `items` as an array of item ids as strings, e.g. `[\"89435879453\"]`"),
    }
}

/// `items[index]` is not a string.
pub(crate) fn element_not_string(at: Pointer, index: &str, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &ITEMS_REQUIRED,
        at,
        format!("`items[{index}]` is {what}, not a string item id"),
    );
    match value {
        Some(Value::Number(n)) => {
            let id = n.to_string();
            finding
                .help(format!("send the id as a string: `\"{id}\"`"))
                .propose_string(&id)
        }
        _ => finding.help("send each item id as a string"),
    }
}

/// `item` is not a string.
pub(crate) fn item_not_string(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match value {
        Some(Value::Number(n)) => {
            format!("send the id in `items` as a string: `\"items\": [\"{n}\"]`")
        }
        _ => "send the item id as a string, in `items`".to_owned(),
    };
    Finding::new(
        &ITEMS_REQUIRED,
        at,
        format!("`item` is {what}, not a string item id"),
    )
    .help(help)
}
