use crate::value::Value;

use crate::check::Finding;
use crate::describe::describe;
use crate::pointer::Pointer;
use crate::rule::declare_rule;

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
    let help = match value {
        Some(Value::String(s)) => format!("wrap the id in an array: `\"items\": [\"{s}\"]`"),
        Some(Value::Number(n)) => format!("send an array of strings: `\"items\": [\"{n}\"]`"),
        _ => "send `items` as an array of item ids as strings, e.g. `[\"89435879453\"]`".to_owned(),
    };
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    Finding::new(
        &ITEMS_REQUIRED,
        at,
        format!("`items` is {what}, not an array"),
    )
    .help(help)
}

/// `items[index]` is not a string.
pub(crate) fn element_not_string(at: Pointer, index: &str, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match value {
        Some(Value::Number(n)) => format!("send the id as a string: `\"{n}\"`"),
        _ => "send each item id as a string".to_owned(),
    };
    Finding::new(
        &ITEMS_REQUIRED,
        at,
        format!("`items[{index}]` is {what}, not a string item id"),
    )
    .help(help)
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
