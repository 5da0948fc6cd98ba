use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// An item's `id` is not the empty string.
    ///
    /// An item without `id`, or with an `id` of another type, is
    /// `neuralens.event/items-shape`'s business; a numeric `id`,
    /// `neuralens.event/items-id-number`'s.
    ///
    /// ## Why
    /// `items` holds the "id of the product for which the event is triggered" (SEED-002, [D]).
    /// An empty id names no product: the event may be accepted, but it is attached to nothing
    /// ([I]), so it is a warning.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": ""}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    pub(crate) static ITEMS_ID_EMPTY = {
        id: "neuralens.event/items-id-empty",
        severity: Warning,
        summary: "An item's `id` is empty",
        structural: true,
    };
}

/// The item id `name` (e.g. `items[0].id`) at `at` is `""`.
pub(crate) fn finding(at: Pointer, name: &str) -> Finding {
    Finding::new(&ITEMS_ID_EMPTY, at, format!("`{name}` is empty"))
        .help(format!("set `{name}` to the product's id"))
}
