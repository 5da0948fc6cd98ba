//! Neuralens event-tracking bodies as Rust types (vendor-rules.md §3, SEED-002). Their JSON
//! Schemas are generated from these types; doc comments become schema descriptions.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Body of `POST https://api.neuralens.ai/analytics/event`: one user interaction (a product or
/// suggestion viewed, clicked, favorited, shared, added to cart or purchased) that Neuralens
/// learns from to personalize results.
///
/// Send with the headers `X-Neuralens-API-Key: Bearer <API key>` and
/// `X-Neuralens-Application-ID: <application id>`. Which fields are required is not documented;
/// this schema requires `event`, `items` and `uid` (send `null` for an anonymous user).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Neuralens event (POST https://api.neuralens.ai/analytics/event)",
    example = click_product_example(),
    extend(
        "if" = {"required": ["event"], "properties": {"event": {"not": {"const": "PURCHASE"}}}},
        "then" = {"properties": {"items": {"maxItems": 1}}}
    )
)]
pub struct EventRequest {
    /// The user's id, a string. For anonymous users send an anonymous UUID if available, or
    /// `null`.
    #[schemars(required, schema_with = "uid_schema")]
    pub uid: Option<String>,
    /// The product the event is about: exactly one item, except for `PURCHASE`, which may list
    /// every purchased product.
    #[schemars(length(min = 1))]
    pub items: Vec<Item>,
    /// The search query text. Events from the search result page or autocomplete (an
    /// `ADD_TO_CART` from search results, say) should carry the query the user typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The page where the event took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<Page>,
    /// The type of event.
    pub event: EventType,
    /// The 0-based position of the product or suggestion that was viewed, clicked, favorited or
    /// added to cart, in the list the user saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u64>,
    /// Where the user was at the time of the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    /// When the event happened, in Unix epoch **seconds** (the unit is inferred from the
    /// vendor's example, `1715644800` = 2024-05-14T00:00:00Z).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
}

/// One product an event is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The product id, a string (e.g. `AV768`).
    #[schemars(length(min = 1))]
    pub id: String,
}

/// The page where the event took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(
    clippy::enum_variant_names,
    reason = "the variants spell the wire values, e.g. `SEARCH_RESULT_PAGE`"
)]
pub enum Page {
    /// Search result page.
    SearchResultPage,
    /// Search autocomplete.
    Autocomplete,
    /// All merchandising pages.
    CategoryPage,
    /// Product details page.
    ProductPage,
}

/// The type of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    /// A product was shown to the user.
    ViewProduct,
    /// A product was clicked.
    ClickProduct,
    /// An autocomplete suggestion was shown.
    ViewSuggestion,
    /// An autocomplete suggestion was clicked.
    ClickSuggestion,
    /// The user landed on a product details page.
    LandProductPage,
    /// A product was favorited.
    Favorite,
    /// A product was shared.
    Share,
    /// A product was added to the cart.
    AddToCart,
    /// Products were purchased (`items` may list several).
    Purchase,
}

/// The user's location at the time of the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("dependentRequired" = {"lat": ["long"], "long": ["lat"]}))]
pub struct Geo {
    /// Latitude in degrees, −90 to 90 (sent together with `long`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = -90, max = 90))]
    pub lat: Option<f64>,
    /// Longitude in degrees, −180 to 180 (sent together with `lat`); the key is `long`, not
    /// `lng` or `lon`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = -180, max = 180))]
    pub long: Option<f64>,
    /// The region at the level where user behaviour matters to you: a locality, city,
    /// city-country, state or an internal name (e.g. `MG Road`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// A string, or `null` for an anonymous user without an id. `Option` fields are made optional
/// rather than nullable by the schema generator, so this one is spelt out.
fn uid_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The user's id, a string. For anonymous users send an anonymous UUID if available, or `null`.",
        "oneOf": [{"type": "string", "minLength": 1}, {"type": "null"}]
    })
}

fn click_product_example() -> Value {
    // The vendor's example (SEED-002) without its trailing comma.
    serde_json::json!({
        "uid": "3845",
        "items": [{"id": "AV768"}],
        "query": "solid wood chair",
        "page": "SEARCH_RESULT_PAGE",
        "event": "CLICK_PRODUCT",
        "index": 3,
        "geo": {"lat": 31.349_566_971_908_82, "long": 78.446_152_748_784_41, "region": "MG Road"},
        "timestamp": 1_715_644_800
    })
}

/// Response of `POST /analytics/event`: `status` says whether the event was recorded; `message`
/// is the failure message (empty on success).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Neuralens event response",
    example = success_example()
)]
pub struct EventResponse {
    /// `success` or `failure`.
    pub status: Status,
    /// The failure message; empty (`""`) on success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Whether the event was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The event was recorded.
    Success,
    /// The event was not recorded; `message` says why.
    Failure,
}

fn success_example() -> Value {
    // The vendor's example (SEED-002) without its `//` comments.
    serde_json::json!({"status": "success", "message": ""})
}

/// The top-level keys of an event.
pub(crate) const EVENT_KEYS: &[&str] = &[
    "uid",
    "items",
    "query",
    "page",
    "event",
    "index",
    "geo",
    "timestamp",
];
/// The keys of an item.
pub(crate) const ITEM_KEYS: &[&str] = &["id"];
/// The keys of `geo`.
pub(crate) const GEO_KEYS: &[&str] = &["lat", "long", "region"];
/// The keys of a response.
pub(crate) const RESPONSE_KEYS: &[&str] = &["status", "message"];
/// The `page` values, in the documented order.
pub(crate) const PAGES: &[&str] = &[
    "SEARCH_RESULT_PAGE",
    "AUTOCOMPLETE",
    "CATEGORY_PAGE",
    "PRODUCT_PAGE",
];
/// The `event` values, in the documented order.
pub(crate) const EVENTS: &[&str] = &[
    "VIEW_PRODUCT",
    "CLICK_PRODUCT",
    "VIEW_SUGGESTION",
    "CLICK_SUGGESTION",
    "LAND_PRODUCT_PAGE",
    "FAVORITE",
    "SHARE",
    "ADD_TO_CART",
    "PURCHASE",
];
/// The `status` values of a response.
pub(crate) const STATUSES: &[&str] = &["success", "failure"];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::{EventRequest, EventResponse};

    /// Every document of every valid fixture of `kind_dir` deserializes into `T` and serializes
    /// back to the same JSON: the model is the wire format.
    fn round_trip<T: DeserializeOwned + Serialize>(kind_dir: &str) -> usize {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/neuralens")
            .join(kind_dir)
            .join("valid");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("valid fixtures") {
            let path = entry.expect("entry").path();
            // JSON documents only (`valid/requests/` holds whole requests).
            if !path
                .extension()
                .is_some_and(|e| e == "json" || e == "ndjson")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let docs: Vec<&str> = if path.extension().is_some_and(|e| e == "ndjson") {
                text.lines().filter(|l| !l.trim().is_empty()).collect()
            } else {
                vec![text.as_str()]
            };
            for doc in docs {
                let value: Value = serde_json::from_str(doc).expect("JSON");
                let typed: T = serde_json::from_value(value.clone())
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let back = serde_json::to_value(&typed).expect("serializes");
                assert_eq!(back, value, "{}", path.display());
                checked += 1;
            }
        }
        checked
    }

    #[test]
    fn valid_fixtures_round_trip() {
        assert!(round_trip::<EventRequest>("event") > 0);
        assert!(round_trip::<EventResponse>("event.response") > 0);
    }
}
