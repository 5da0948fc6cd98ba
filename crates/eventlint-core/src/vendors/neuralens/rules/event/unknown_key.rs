use crate::locate::pointer::Pointer;
use crate::message::suggest::one_of;
use crate::message::suggest::unknown_key_meant;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::neuralens::model::{EVENT_KEYS, ITEM_KEYS};
use crate::vendors::neuralens::shared::names::meant_key;

declare_rule! {
    /// ## What it checks
    /// The event has no keys other than `uid`, `items`, `query`, `page`, `event`, `index`, `geo`
    /// and `timestamp`, and each item no key other than `id`. A misspelt key, or a common synonym
    /// (`userId` for `uid`, `position` for `index`, `time` for `timestamp`…), gets a "did you
    /// mean". The keys of `geo` are checked by `neuralens.event/geo-shape`.
    ///
    /// ## Why
    /// Only these keys are documented (SEED-002); others are inferred to be ignored ([I]), so a
    /// misspelt key silently loses its data.
    ///
    /// ## Example
    /// ```json
    /// {"userId": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE"}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "neuralens.event/unknown-key",
        severity: Warning,
        summary: "The event, or one of its items, has a key Neuralens does not document",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

/// Common synonyms of the event's keys.
pub(crate) const EVENT_ALIASES: &[(&str, &str)] = &[
    ("user_id", "uid"),
    ("user", "uid"),
    ("visitor_id", "uid"),
    ("anonymous_id", "uid"),
    ("products", "items"),
    ("product", "items"),
    ("item_ids", "items"),
    ("q", "query"),
    ("search", "query"),
    ("search_query", "query"),
    ("search_term", "query"),
    ("keyword", "query"),
    ("page_type", "page"),
    ("event_type", "event"),
    ("event_name", "event"),
    ("type", "event"),
    ("action", "event"),
    ("position", "index"),
    ("rank", "index"),
    ("location", "geo"),
    ("geolocation", "geo"),
    ("time", "timestamp"),
    ("ts", "timestamp"),
    ("event_time", "timestamp"),
    ("sent_at", "timestamp"),
];

/// Common synonyms of an item's `id`.
const ITEM_ALIASES: &[(&str, &str)] = &[("product_id", "id"), ("item_id", "id"), ("sku", "id")];

/// An unknown key at the top level of the event (at `base`).
pub(crate) fn top_level(base: &Pointer, key: &str) -> Finding {
    unknown_key_meant(
        &UNKNOWN_KEY,
        base,
        key,
        "the event",
        meant_key(key, EVENT_KEYS, EVENT_ALIASES),
        || {
            format!(
                "remove `{key}`; the event takes {}",
                one_of(EVENT_KEYS, EVENT_KEYS.len())
            )
        },
    )
}

/// An unknown key in an item (at `item`, named `name`, e.g. `items[0]`).
pub(crate) fn item(item: &Pointer, name: &str, key: &str) -> Finding {
    unknown_key_meant(
        &UNKNOWN_KEY,
        item,
        key,
        &format!("`{name}`"),
        meant_key(key, ITEM_KEYS, ITEM_ALIASES),
        || format!("remove `{key}`; an item takes only the product `id`"),
    )
}
