//! Synerise v4 event bodies as Rust types. Their JSON Schemas are generated from these types;
//! doc comments become schema descriptions.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The longest `action`, in characters: the schema's `maxLength` of a custom event's `action`
/// and of a batch's custom element's (the messages read it from the schema's keyword).
pub(crate) const ACTION_MAX_LENGTH: u64 = 32;

/// The characters of `action`: the schema's `pattern` of a custom event's `action` and of a
/// batch's custom element's (the messages read it from the schema's keyword).
pub(crate) const ACTION_PATTERN: &str = r"^[a-zA-Z0-9\.\-_]+$";

/// Body of `POST /v4/events/custom`: a custom event such as `dog.bark`.
///
/// Send with `Authorization: Bearer <JWT>`, `Api-Version: 4.4` and
/// `Content-Type: application/json`. Omit fields you have no value for; never send `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(
    title = "Synerise custom event (POST /v4/events/custom)",
    example = dog_bark_example()
)]
pub struct CustomEvent {
    /// The event's action, e.g. `dog.bark` or `page.visit`: at most 32 characters from
    /// `[a-zA-Z0-9._-]`, by convention `<domain>.<occurrence>`. An action without a definition
    /// creates one.
    #[schemars(length(min = 1, max = ACTION_MAX_LENGTH), regex(pattern = ACTION_PATTERN))]
    pub action: String,
    /// The profile the event belongs to: at least one of `id`, `customId`, `uuid`, `email`.
    pub client: Client,
    /// A non-empty string. A legacy property, not used by Synerise nor stored.
    #[schemars(length(min = 1))]
    pub label: String,
    /// When the event occurred, ISO 8601 with a zone designator, e.g. `2022-05-23T13:00:00Z` or
    /// `2022-05-23T09:00:00-04:00`; milliseconds allowed. A future time is rejected and the
    /// receive time stored instead; without `time` the receive time is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub time: Option<String>,
    /// Additional event parameters (free-form). The names `modifiedBy`, `apiKey`, `eventUUID`,
    /// `ip`, `time` and `businessProfileId` are reserved and overwritten by the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<BTreeMap<String, ParamValue>>")]
    pub params: Option<Map<String, Value>>,
    /// Makes the event overwritable: an event with the same salt, profile, action and time
    /// replaces the earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub event_salt: Option<String>,
}

/// The profile an event belongs to; at least one identifier, present and non-empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(extend("anyOf" = [
    {"required": ["id"], "properties": {"id": {"not": {"const": null}}}},
    {"required": ["customId"], "properties": {"customId": {"not": {"enum": [null, ""]}}}},
    {"required": ["uuid"], "properties": {"uuid": {"not": {"enum": [null, ""]}}}},
    {"required": ["email"], "properties": {"email": {"not": {"enum": [null, ""]}}}}
]))]
pub struct Client {
    /// The system-generated profile id, a 64-bit integer (the vendor's own example,
    /// `5092159999`, exceeds 32 bits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    // The maximum is explicit: `18446744073709551616` (2^64) parses as a whole float, which a
    // bare `"type": "integer"` accepts.
    #[schemars(range(min = 1, max = 9_223_372_036_854_775_807_i64), extend("format" = "int64"))]
    pub id: Option<i64>,
    /// Your own identifier of the profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    /// The profile's UUID, lowercase, e.g. `e0097757-d1e2-44ac-ba3c-d97979a354c1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// The profile's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(
        pattern = r#"^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$"#
    ))]
    pub email: Option<String>,
}

/// The schema of a `params` value (the field stays a `serde_json::Value`): any JSON value but
/// `null`, at any depth. "Do not send null values" (SYN-PHP); `synerise.event/null-value`
/// reports each `null` from this schema.
#[derive(Debug)]
pub(crate) enum ParamValue {}

impl JsonSchema for ParamValue {
    fn schema_name() -> Cow<'static, str> {
        "ParamValue".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let itself = generator.subschema_for::<Self>();
        json_schema!({
            "description": "An event parameter value: any JSON value but `null`, also inside arrays and objects.",
            "not": {"type": "null"},
            "items": itself,
            "additionalProperties": itself
        })
    }
}

fn dog_bark_example() -> Value {
    serde_json::json!({
        "action": "dog.bark",
        "client": {"id": 5_092_159_999_i64},
        "time": "2022-11-28T12:18:27Z",
        "params": {"loudness": 3, "mood": "happy", "mailmanScared": true},
        "label": "bark"
    })
}

/// Body of `POST /v4/events/{endpoint}`: an event sent to a dedicated endpoint such as
/// `/v4/events/hit-timer`, `/v4/events/logged-in` or `/v4/events/added-to-cart`.
///
/// The endpoint, a path parameter, decides the event's action; the body carries the same fields
/// as a custom event without `action`. Send with `Authorization: Bearer <JWT>`,
/// `Api-Version: 4.4` and `Content-Type: application/json`. Omit fields you have no value for;
/// never send `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(
    title = "Synerise dedicated event (POST /v4/events/{endpoint})",
    example = hit_timer_example()
)]
pub struct DedicatedEvent {
    /// Ignored, whatever its value: the dedicated endpoint sets the action itself (e.g.
    /// `client.hitTimer` for `/v4/events/hit-timer`). Leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Value>,
    /// The profile the event belongs to: at least one of `id`, `customId`, `uuid`, `email`.
    pub client: Client,
    /// A non-empty string. A legacy property, not used by Synerise nor stored.
    #[schemars(length(min = 1))]
    pub label: String,
    /// When the event occurred, ISO 8601 with a zone designator, e.g. `2022-05-23T13:00:00Z` or
    /// `2022-05-23T09:00:00-04:00`; milliseconds allowed. A future time is rejected and the
    /// receive time stored instead; without `time` the receive time is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub time: Option<String>,
    /// Additional event parameters (free-form; some endpoints document their own, e.g. `sku`,
    /// `source`, `finalUnitPrice` and `quantity` for `added-to-cart`). The names `modifiedBy`,
    /// `apiKey`, `eventUUID`, `ip`, `time` and `businessProfileId` are reserved and overwritten
    /// by the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<BTreeMap<String, ParamValue>>")]
    pub params: Option<Map<String, Value>>,
    /// Makes the event overwritable: an event with the same salt, profile, action and time
    /// replaces the earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub event_salt: Option<String>,
}

fn hit_timer_example() -> Value {
    serde_json::json!({
        "time": "2022-11-26T13:13:48Z",
        "client": {"id": 267_498_412},
        "label": "string"
    })
}

/// Body of `POST /v4/events/batch`: up to 1000 events, at most 1 MB, of any types and profiles.
///
/// Each element is a custom event with `"type": "custom"`, or the body of a dedicated endpoint
/// with `type` set to the endpoint's name (`/v4/events/hit-timer` → `"type": "hit-timer"`) and
/// no `action`. Send with `Authorization: Bearer <JWT>`, `Api-Version: 4.4` and
/// `Content-Type: application/json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(
    title = "Synerise batch of events (POST /v4/events/batch)",
    example = batch_example()
)]
pub struct BatchEvents(
    /// The events, 1 to 1000.
    #[schemars(length(min = 1, max = 1000))]
    pub Vec<BatchEvent>,
);

/// One event of a batch: a custom event (`"type": "custom"`, with `action`) or a dedicated
/// endpoint's event (`type` = the endpoint's name, without `action`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(extend(
    "if" = {"required": ["type"], "properties": {"type": {"const": "custom"}}},
    "then" = {
        "required": ["action"],
        "properties": {"action": {"type": "string", "minLength": 1, "maxLength": ACTION_MAX_LENGTH, "pattern": ACTION_PATTERN}}
    }
))]
pub struct BatchEvent {
    /// `custom` for a custom event; otherwise the name of the dedicated endpoint the event
    /// belongs to, e.g. `hit-timer` for `/v4/events/hit-timer`. Known endpoints: `added-to-cart`,
    /// `removed-from-cart`, `added-to-favorites`, `appeared-in-location`, `application-started`,
    /// `assigned-to-company`, `cancelled-transaction`, `hit-timer`, `item-search-click`,
    /// `logged-in`, `logged-out`, `product-view`, `registered`, `searched`, `shared`,
    /// `visited-screen`, `push/clicked`, `push/viewed`, `push/cancelled`, `push/received`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The action of a custom event (required with `"type": "custom"`: a string of at most 32
    /// characters from `[a-zA-Z0-9._-]`). Ignored, whatever its value, on dedicated events: their
    /// endpoint sets it. Remove it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Value>,
    /// The profile the event belongs to: at least one of `id`, `customId`, `uuid`, `email`.
    /// Events of one batch may belong to different profiles.
    pub client: Client,
    /// A non-empty string. A legacy property, not used by Synerise nor stored.
    #[schemars(length(min = 1))]
    pub label: String,
    /// When the event occurred, ISO 8601 with a zone designator, e.g. `2022-05-23T13:00:00Z`.
    /// A future time is rejected and the receive time stored instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub time: Option<String>,
    /// Additional event parameters (free-form). The names `modifiedBy`, `apiKey`, `eventUUID`,
    /// `ip`, `time` and `businessProfileId` are reserved and overwritten by the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<BTreeMap<String, ParamValue>>")]
    pub params: Option<Map<String, Value>>,
    /// Makes the event overwritable. Never reuse a salt for another profile or action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub event_salt: Option<String>,
}

fn batch_example() -> Value {
    serde_json::json!([
        {
            "action": "dog.bark",
            "type": "custom",
            "client": {"id": 5_092_159_999_i64},
            "time": "2022-11-28T12:18:27Z",
            "params": {"loudness": 3, "mood": "happy", "mailmanScared": true},
            "label": "bark"
        },
        {
            "type": "hit-timer",
            "time": "2022-11-26T13:13:48Z",
            "client": {"id": 267_498_412},
            "label": "string"
        }
    ])
}

/// Body of `POST /events/v1/single/{eventType}` (AI events API): one `recommendation.view`,
/// `recommendation.click` or `item.search.click` event; the type is the path parameter.
///
/// Authorize with a JWT or a tracker key in the `token` query parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(
    title = "Synerise AI event (POST /events/v1/single/{eventType})",
    example = ai_view_example(),
    extend("anyOf" = [{"required": ["items"]}, {"required": ["item"]}])
)]
pub struct AiEvent {
    /// The id of the recommendation frame the event happened in: the `correlationId` in the
    /// `extras` of the recommendation response.
    #[schemars(length(min = 1))]
    pub correlation_id: String,
    /// The UUID of the profile that made the request, e.g. `e0097757-d1e2-44ac-ba3c-d97979a354c1`.
    #[serde(rename = "clientUUID")]
    #[schemars(
        length(min = 1),
        regex(
            pattern = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
        )
    )]
    pub client_uuid: String,
    /// The ids, as strings, of the items in the recommendation frame; may be empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    /// One item id: the shape of the newer v4 ai-compat API for clicks. `/events/v1` documents
    /// `items` for every event type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// When the event occurred: Unix time in milliseconds, as documented (the vendor's own
    /// examples send ISO 8601 strings such as `2022-12-08T13:23:22Z`, which are also accepted).
    /// A future time is stored as is; without it the receive time is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_timestamp: Option<EventTimestamp>,
    /// The id of the recommendation campaign; only for recommendations from a campaign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub campaign_id: Option<String>,
}

/// An AI event's occurrence time: Unix milliseconds (documented) or an ISO 8601 string (the
/// vendor's examples).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum EventTimestamp {
    /// Unix time in milliseconds, e.g. `1670505802000`.
    Millis(i64),
    /// An ISO 8601 date-time, e.g. `2022-12-08T13:23:22Z`.
    Iso(String),
}

fn ai_view_example() -> Value {
    serde_json::json!({
        "correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b",
        "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1",
        "items": ["89435879453"],
        "eventTimestamp": "2022-12-08T13:23:22Z"
    })
}

/// Body of `POST /events/v1/batch` (AI events API): events of one type, possibly of different
/// profiles.
///
/// Authorize with a JWT or a tracker key in the `token` query parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(
    title = "Synerise AI events batch (POST /events/v1/batch)",
    example = ai_batch_example(),
    extend(
        "if" = {"required": ["eventType"], "properties": {"eventType": {"const": "recommendation.view"}}},
        "then" = {"properties": {"items": {"items": {"required": ["items"]}}}}
    )
)]
pub struct AiEventsBatch {
    /// The type of every event of the batch.
    pub event_type: AiEventType,
    /// The events, each shaped like the body of `POST /events/v1/single/{eventType}`
    /// (a `recommendation.view` needs `items`).
    pub items: Vec<AiEvent>,
}

/// The AI event types: `recommendation.view`, `recommendation.click`, `item.search.click`.
#[expect(
    missing_docs,
    reason = "each variant spells its wire value; a doc comment on a variant would turn the \
              generated schema's `enum` into a `oneOf` of `const`s"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AiEventType {
    #[serde(rename = "recommendation.view")]
    RecommendationView,
    #[serde(rename = "recommendation.click")]
    RecommendationClick,
    #[serde(rename = "item.search.click")]
    ItemSearchClick,
}

fn ai_batch_example() -> Value {
    serde_json::json!({
        "eventType": "recommendation.view",
        "items": [
            {
                "correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b",
                "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1",
                "items": ["89435879453"],
                "eventTimestamp": "2022-12-08T13:49:00Z"
            },
            {
                "correlationId": "2232d7f8-611b-451b-a1f1-8134f73a04f0",
                "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1",
                "items": ["475677345"],
                "eventTimestamp": "2022-12-08T13:51:00Z"
            }
        ]
    })
}

/// The error body of the v4 API (`HTTP400`), returned with 400, 401, 403 and 415. Every field is
/// optional; the shape is Spring Boot's default error body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(
    title = "Synerise error (HTTP400: 400, 401, 403, 415)",
    example = error_example()
)]
pub struct ErrorBody {
    /// A short summary, e.g. `Bad Request`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The HTTP status code, e.g. `400`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// When the error occurred (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The request path, e.g. `/v4/events/custom`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// One entry per rejected field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
}

/// One rejected field of an error body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FieldError {
    /// An error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// The rejected field, e.g. `action`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Why the field was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The rejected value: documented as a string; the server may echo it with its own JSON
    /// type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_value: Option<Value>,
}

/// An illustration of the documented `HTTP400` shape (the vendor publishes no example body).
fn error_example() -> Value {
    serde_json::json!({
        "error": "Bad Request",
        "status": 400,
        "timestamp": "2022-11-28T12:18:28.123Z",
        "path": "/v4/events/custom",
        "message": "Validation failed",
        "errors": [
            {"code": 400, "field": "action", "message": "must match \"^[a-zA-Z0-9\\.\\-_]+$\"", "rejectedValue": "dog bark"}
        ]
    })
}

/// The top-level keys of a v4 event (batch elements add `type`).
pub(crate) const EVENT_KEYS: &[&str] =
    &["action", "client", "label", "time", "params", "eventSalt"];
/// The keys of `client`.
pub(crate) const CLIENT_KEYS: &[&str] = &["id", "customId", "uuid", "email"];
/// The top-level keys of a batch element.
pub(crate) const BATCH_EVENT_KEYS: &[&str] = &[
    "type",
    "action",
    "client",
    "label",
    "time",
    "params",
    "eventSalt",
];
/// The keys of an AI event.
pub(crate) const AI_EVENT_KEYS: &[&str] = &[
    "correlationId",
    "clientUUID",
    "items",
    "item",
    "eventTimestamp",
    "campaignId",
];
/// The keys of an AI events batch.
pub(crate) const AI_BATCH_KEYS: &[&str] = &["eventType", "items"];
/// The AI event types.
pub(crate) const AI_EVENT_TYPES: &[&str] = &[
    "recommendation.view",
    "recommendation.click",
    "item.search.click",
];
/// The keys of an error body and of one of its `errors`.
pub(crate) const ERROR_KEYS: &[&str] =
    &["error", "status", "timestamp", "path", "message", "errors"];
pub(crate) const FIELD_ERROR_KEYS: &[&str] = &["code", "field", "message", "rejectedValue"];
