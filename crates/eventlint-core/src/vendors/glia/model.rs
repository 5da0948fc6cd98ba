//! Glia (salemove) engagement event bodies as Rust types (vendor-rules.md §5). Their JSON
//! Schemas are generated from these types; doc comments become schema descriptions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Body of `POST /engagements/{engagement_id}/events`: an event message telling the operator
/// about an action the visitor performed.
///
/// Send with `Authorization: Bearer <visitor access token>`,
/// `Accept: application/vnd.salemove.v1+json` and `Content-Type: application/json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Glia engagement event (POST /engagements/{engagement_id}/events)",
    example = request_example()
)]
pub struct EngagementEvent {
    /// Utterance depicting the engaged visitor's event, e.g.
    /// `Visitor navigated to insurance page`.
    pub message: String,
}

fn request_example() -> Value {
    serde_json::json!({"message": "Visitor navigated to insurance page"})
}

/// The keys of an engagement event body.
pub(crate) const EVENT_KEYS: &[&str] = &["message"];

/// The UUID pattern of Glia ids, e.g. `0df4c3f7-f55b-4186-962d-0c5198fd2adb`.
pub(crate) const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// Response of `POST /engagements/{engagement_id}/events` (HTTP 200): the newly created event
/// message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Glia event message (POST /engagements/{engagement_id}/events, 200)",
    example = response_example()
)]
pub struct EventMessage {
    /// When the event message was created: ISO 8601 in UTC, e.g. `2019-08-28T13:55:24Z`.
    #[schemars(extend("format" = "date-time"))]
    pub timestamp: String,
    /// The event message's id, a UUID.
    #[schemars(regex(pattern = UUID_PATTERN), extend("format" = "uuid"))]
    pub id: String,
    /// The engagement the event belongs to, a UUID (the `engagement_id` of the request path).
    #[schemars(regex(pattern = UUID_PATTERN), extend("format" = "uuid"))]
    pub engagement_id: String,
    /// The sub-engagement, a string of digits such as `"339"` (a string, not a number).
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub sub_engagement_id: String,
    /// The event's text: the request's `message`.
    pub content: String,
    /// The delivery status, e.g. `sent`.
    pub status: String,
    /// Who sent the event message: always the visitor on this endpoint.
    pub sender: Sender,
    /// Who the event message is for, e.g. `operator`.
    pub target: String,
}

/// The sender of an event message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// The sender's type, e.g. `visitor`.
    #[serde(rename = "type")]
    pub kind: String,
}

fn response_example() -> Value {
    serde_json::json!({
        "timestamp": "2019-08-28T13:55:24Z",
        "id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb",
        "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d",
        "sub_engagement_id": "339",
        "content": "Visitor navigated to insurance page",
        "status": "sent",
        "sender": {"type": "visitor"},
        "target": "operator"
    })
}

/// The top-level keys of an event message.
pub(crate) const EVENT_MESSAGE_KEYS: &[&str] = &[
    "timestamp",
    "id",
    "engagement_id",
    "sub_engagement_id",
    "content",
    "status",
    "sender",
    "target",
];
/// The keys of `sender`.
pub(crate) const SENDER_KEYS: &[&str] = &["type"];

/// Error body of the Glia REST API (401 missing or invalid authorization, 403 sender is not a
/// visitor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Glia error (401, 403)", example = error_example())]
pub struct Error {
    /// What went wrong, e.g. `Invalid token`.
    pub message: String,
    /// Details for the developer, e.g. `Authorization header must contain a valid token`; may be
    /// empty.
    pub debug_message: String,
}

fn error_example() -> Value {
    serde_json::json!({
        "message": "Invalid token",
        "debug_message": "Authorization header must contain a valid token"
    })
}

/// The keys of an error body.
pub(crate) const ERROR_KEYS: &[&str] = &["message", "debug_message"];
