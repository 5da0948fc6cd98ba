use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// An item's `id` is not a JSON number: product ids are strings, such as `"AV768"`.
    ///
    /// Another type (a boolean, an object, `null`) is `neuralens.event/items-shape`'s business
    /// (an error); an empty string is `neuralens.event/items-id-empty`'s.
    ///
    /// ## Why
    /// The documented example is `"items": [{"id": "AV768"}]` (SEED-002, [D]). A numeric id may
    /// be accepted and converted, but it will not match the catalogue's string ids ([I]), so it is
    /// a warning rather than an error.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": 768}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}
    /// ```
    pub(crate) static ITEMS_ID_NUMBER = {
        id: "neuralens.event/items-id-number",
        severity: Warning,
        summary: "An item's `id` is a number, not a string",
        structural: true,
        fix: Safe("the number is quoted."),
    };
}

/// The item id `name` (e.g. `items[0].id`) at `at` is the number `number`.
pub(crate) fn finding(at: Pointer, name: &str, number: &str) -> Finding {
    Finding::new(
        &ITEMS_ID_NUMBER,
        at,
        format!("`{name}` is the number `{number}`, not a string"),
    )
    .help(format!("send the product id as a string: `\"{number}\"`"))
    .propose_string(number)
}
