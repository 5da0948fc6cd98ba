use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::proposal::json_string;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `items` is an array of objects `{"id": "<product id>"}`: `items` that is not an array, an
    /// element that is not an object (a bare string such as `"AV768"`, a number), an element
    /// without `id`, or an `id` that is neither a string nor a number (a boolean, `null`, an
    /// object) is an error.
    ///
    /// A numeric `id` is `neuralens.event/items-id-number`'s business, an empty one
    /// `neuralens.event/items-id-empty`'s (both warnings).
    ///
    /// ## Why
    /// `items` is the "id of the product for which the event is triggered"; the documented
    /// example is `"items": [{"id": "AV768"}]` (SEED-002, [D]). That other shapes are rejected
    /// is inferred ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": ["AV768"], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    pub(crate) static ITEMS_SHAPE = {
        id: "neuralens.event/items-shape",
        severity: Error,
        summary: "`items` is not an array of `{\"id\": string}` objects",
        structural: true,
        fix: Safe("when `items` holds bare ids or one id: each is written as `{\"id\": …}`."),
    };
}

/// How a scalar would be written as a product id string (`None` for `""`, which names no
/// product).
fn as_id(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `{"id": "<id>"}`.
fn item(id: &str) -> String {
    format!("{{\"id\": {}}}", json_string(id))
}

/// `items` is not an array.
pub(crate) fn not_array(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(&ITEMS_SHAPE, at, format!("`items` is {what}, not an array"));
    // The item the value stands for: an object with only a string `id`, or a bare id.
    let id = match value {
        Some(Value::Object(o)) if o.len() == 1 => {
            o.get("id").filter(|id| id.is_string()).and_then(as_id)
        }
        Some(v @ (Value::String(_) | Value::Number(_))) => as_id(v),
        _ => None,
    };
    match (value, id) {
        (Some(Value::Object(_)), Some(id)) => {
            let items = format!("[{}]", item(&id));
            finding
                .help(format!("wrap the item in an array: `\"items\": {items}`"))
                .propose(items)
        }
        (Some(Value::Object(_)), None) => {
            finding.help("wrap the item in an array: `\"items\": [{\"id\": …}]`")
        }
        (_, Some(id)) => {
            let items = format!("[{}]", item(&id));
            finding
                .help(format!("write `\"items\": {items}`"))
                .propose(items)
        }
        (_, None) => finding
            .help("make `items` an array of objects, e.g. `\"items\": [{\"id\": \"AV768\"}]`"),
    }
}

/// An element of `items` is not an object.
pub(crate) fn element(at: Pointer, name: &str, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let finding = Finding::new(
        &ITEMS_SHAPE,
        at,
        format!("`{name}` is {what}, not an object `{{\"id\": …}}`"),
    );
    match value.and_then(as_id) {
        Some(id) => {
            let object = item(&id);
            finding
                .help(format!("write the item as an object: `{object}`"))
                .propose(object)
        }
        None => finding
            .help("write each item as an object with a string `id`, e.g. `{\"id\": \"AV768\"}`"),
    }
}

/// An item has no `id`.
pub(crate) fn id_missing(item: Pointer, name: &str) -> Finding {
    Finding::new(&ITEMS_SHAPE, item, format!("`{name}` has no `id`")).help(format!(
        "add the product id to `{name}`, e.g. `\"id\": \"AV768\"`"
    ))
}

/// An item's `id` is not a non-empty string: a number or `""` have rules of their own.
pub(crate) fn id(at: Pointer, name: &str, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::Number(n)) => super::items_id_number::finding(at, name, &n.to_string()),
        Some(Value::String(_)) => super::items_id_empty::finding(at, name),
        other => Finding::new(
            &ITEMS_SHAPE,
            at,
            format!(
                "`{name}` is {}, not a string",
                other.map_or_else(|| "missing".to_owned(), describe)
            ),
        )
        .help(format!(
            "set `{name}` to the product's id as a string, e.g. `\"AV768\"`"
        )),
    }
}
