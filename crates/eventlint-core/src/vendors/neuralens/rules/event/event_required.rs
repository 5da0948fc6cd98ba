use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::suggest::one_of;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::neuralens::model::EVENTS;
use crate::vendors::neuralens::shared::names::not_allowed;

declare_rule! {
    /// ## What it checks
    /// The body is a JSON object with `event`, one of `VIEW_PRODUCT`, `CLICK_PRODUCT`,
    /// `VIEW_SUGGESTION`, `CLICK_SUGGESTION`, `LAND_PRODUCT_PAGE`, `FAVORITE`, `SHARE`,
    /// `ADD_TO_CART` or `PURCHASE`. The values are case-sensitive: `click_product` is reported,
    /// with a "did you mean `CLICK_PRODUCT`?".
    ///
    /// ## Why
    /// "The Event parameter defines the type of event" and the documentation lists exactly these
    /// values in upper snake case (SEED-002, [D]). That an event without `event`, or with another
    /// value, is rejected is inferred ([I]): Neuralens cannot learn from an event of no known
    /// type. The body being an object at all is reported here too, since without one there is no
    /// `event`.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "SEARCH_RESULT_PAGE", "event": "click_product", "index": 3}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "index": 3}
    /// ```
    pub(crate) static EVENT_REQUIRED = {
        id: "neuralens.event/event-required",
        severity: Error,
        summary: "`event` is missing or not one of the documented event types",
        structural: true,
        fix: Safe("when the value is a documented one misspelt or in the wrong case: the documented value is written."),
    };
}

/// The body is not an object.
pub(crate) fn body(doc: &Value) -> Finding {
    Finding::new(
        &EVENT_REQUIRED,
        Pointer::root(),
        format!(
            "the event body is {}, not a JSON object",
            describe(doc)
        ),
    )
    .help("send one JSON object per request, with `event`, `page`, `items`, `uid` and the other fields")
}

/// `event` is absent from the object at `object`.
pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&EVENT_REQUIRED, object, "the event has no `event`").help(format!(
        "add `event`, one of {}",
        one_of(EVENTS, EVENTS.len())
    ))
}

/// `event` is not one of the documented values.
pub(crate) fn wrong(at: Pointer, value: Option<&Value>) -> Finding {
    not_allowed(&EVENT_REQUIRED, at, "event", value, EVENTS)
}
