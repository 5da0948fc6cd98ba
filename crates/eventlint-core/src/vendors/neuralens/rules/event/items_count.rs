use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `items` holds at most one item, except when `event` is `PURCHASE`, which may list several.
    ///
    /// An event without `items`, or with an empty `items`, is
    /// `neuralens.event/items-required`'s business (an error).
    ///
    /// ## Why
    /// "This can contain multiple product ids in case event=PURCHASE. In all other cases it should
    /// contain a single product id" (SEED-002, [D]). The documentation does not say what happens
    /// to the extra items, so this is a warning. The generated schema states it (`maxItems: 1`
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
        summary: "`items` holds several items for an event other than `PURCHASE`",
        structural: true,
    };
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
