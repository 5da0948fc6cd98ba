//! Synerise v4 event bodies as Rust types. Their JSON Schemas are generated from these types;
//! doc comments become schema descriptions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

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
    #[schemars(length(min = 1, max = 32), regex(pattern = r"^[a-zA-Z0-9\.\-_]+$"))]
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
    #[schemars(range(min = 1), extend("format" = "int64"))]
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

fn dog_bark_example() -> Value {
    serde_json::json!({
        "action": "dog.bark",
        "client": {"id": 5_092_159_999_i64},
        "time": "2022-11-28T12:18:27Z",
        "params": {"loudness": 3, "mood": "happy", "mailmanScared": true},
        "label": "bark"
    })
}

/// The top-level keys of a v4 event (batch elements add `type`).
pub(crate) const EVENT_KEYS: &[&str] =
    &["action", "client", "label", "time", "params", "eventSalt"];
/// The keys of `client`.
pub(crate) const CLIENT_KEYS: &[&str] = &["id", "customId", "uuid", "email"];
