use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The event has `items`, and it is not an empty array.
    ///
    /// How many items an event may hold is `neuralens.event/items-count`'s business; their shape,
    /// `neuralens.event/items-shape`'s.
    ///
    /// ## Why
    /// `items` is the "id of the product for which the event is triggered" (SEED-002, [D]): every
    /// documented event is about a product. An event without one is inferred to be useless or
    /// rejected ([I]). The generated schema requires `items` with `minItems: 1`.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [], "page": "PRODUCT_PAGE", "event": "PURCHASE"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "PURCHASE"}
    /// ```
    pub(crate) static ITEMS_REQUIRED = {
        id: "neuralens.event/items-required",
        severity: Error,
        summary: "The event has no `items`, or `items` is empty",
        structural: true,
    };
}

/// The object at `object` has no `items`.
pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&ITEMS_REQUIRED, object, "the event has no `items`")
        .help("add the product the event is about: `\"items\": [{\"id\": \"AV768\"}]`")
}

/// `items` is an empty array.
pub(crate) fn empty(at: Pointer) -> Finding {
    Finding::new(&ITEMS_REQUIRED, at, "`items` is empty")
        .help("add the product the event is about, e.g. `[{\"id\": \"AV768\"}]`")
}
