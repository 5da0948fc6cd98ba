use crate::value::Value;

use crate::check::Finding;
use crate::diagnostic::Severity;
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// `items` holds exactly one item, except when `event` is `PURCHASE`, which may list several.
    ///
    /// - no `items`, or an empty array, is an **error**: the event is about no product;
    /// - more than one item for any other event is a **warning**.
    ///
    /// ## Why
    /// "This can contain multiple product ids in case event=PURCHASE. In all other cases it should
    /// contain a single product id" (SEED-002, [D]). The documentation does not say what happens
    /// to the extra items (so a warning); an event without a product is inferred to be useless
    /// or rejected ([I]). The generated schema states both (`minItems: 1`, and `maxItems: 1`
    /// unless `event` is `PURCHASE`).
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}, {"id": "AV769"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    ///
    /// ## Fix
    /// Send one event per product, or use `PURCHASE` for a purchase of several products:
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    pub(crate) static ITEMS_COUNT = {
        id: "neuralens.event/items-count",
        severity: Warning,
        summary: "`items` does not hold exactly one item (several are for `PURCHASE` only)",
        structural: true,
    };
}

/// The object at `object` has no `items`.
pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&ITEMS_COUNT, object, "the event has no `items`")
        .severity(Severity::Error)
        .help("add the product the event is about: `\"items\": [{\"id\": \"AV768\"}]`")
}

/// `items` is an empty array.
pub(crate) fn empty(at: Pointer) -> Finding {
    Finding::new(&ITEMS_COUNT, at, "`items` is empty")
        .severity(Severity::Error)
        .help("add the product the event is about, e.g. `[{\"id\": \"AV768\"}]`")
}

/// `items` has more than one item for an event other than `PURCHASE`.
pub(crate) fn many(at: Pointer, items: Option<&Value>, event: Option<&Value>) -> Finding {
    let count = items.and_then(Value::as_array).map_or(0, <[_]>::len);
    let event = match event {
        Some(Value::String(e)) => format!(" (`event` is `{e}`)"),
        _ => String::new(),
    };
    Finding::new(
        &ITEMS_COUNT,
        at,
        format!("`items` has {count} items, but only a `PURCHASE` may have more than one{event}"),
    )
    .help("send one event per product; only `PURCHASE` lists several products")
}
