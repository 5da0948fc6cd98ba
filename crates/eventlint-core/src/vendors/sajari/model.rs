//! Sajari / Search.io send event bodies as Rust types (vendor-rules.md §1). Their JSON Schemas are
//! generated from these types; doc comments become schema descriptions.
//!
//! The API is a grpc-gateway in front of protobuf messages, so the wire format follows proto3
//! JSON (protojson): `""` for a string means unset, `null` for a field means unset, and an int32
//! may also be written as a decimal string. The models describe the idiomatic form; the rules
//! report what protojson tolerates (e.g. a quoted `weight`) at their own severities.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

/// Body of `POST /v4/events:sendEvent`: feedback to the ranking system after a user interacted
/// with a search result (a click, a purchase, …).
///
/// The `token` comes from a query result; tokens are generated only when the query's
/// `tracking.type` is `CLICK` or `POS_NEG`. Send with HTTP Basic auth (key id and secret),
/// `Content-Type: application/json` and `Accept: application/json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Sajari send event request (POST /v4/events:sendEvent)",
    example = purchase_example()
)]
pub struct SendEventRequest {
    /// The name of the event, e.g. `click`, `purchase` or `add_to_cart`; `redirect` for a token
    /// returned from a redirect. Required and non-empty (proto3 reads `""` as unset).
    #[schemars(length(min = 1))]
    pub name: String,
    /// The token of the search result the event is about, as returned in the query response
    /// (`token.click.token`, or `token.pos_neg.pos` / `.neg`). Required and non-empty.
    #[schemars(length(min = 1))]
    pub token: String,
    /// The weight of the event, a 32-bit integer. "Generally a sensible weight is 1"; it may
    /// also encode e.g. the profit of a purchase. Omitted or `null` means unset, i.e. 0, under
    /// proto3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        range(min = -2_147_483_648, max = 2_147_483_647),
        extend("x-eventlint-nullable" = true)
    )]
    pub weight: Option<i32>,
    /// Additional data about the event. Every value must be a boolean, a number or a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, MetadataValue>>,
}

/// A `metadata` value: one of the primitive types boolean, number or string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MetadataValue {
    /// A boolean.
    Bool(bool),
    /// A number (stored as a double).
    Number(Number),
    /// A string.
    String(String),
}

impl JsonSchema for MetadataValue {
    fn schema_name() -> Cow<'static, str> {
        "MetadataValue".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A metadata value: a boolean, a number or a string (no object, array or null).",
            "type": ["boolean", "number", "string"]
        })
    }
}

fn purchase_example() -> Value {
    serde_json::json!({
        "name": "purchase",
        "token": "eyJ...",
        "weight": 1,
        "metadata": {
            "discount": 0.2,
            "margin": 30.0,
            "customer_id": "12345",
            "ui_test_segment": "A"
        }
    })
}

/// The keys of a send event request.
pub(crate) const SEND_EVENT_KEYS: &[&str] = &["name", "token", "weight", "metadata"];

/// Response of `POST /v4/events:sendEvent` (HTTP 200): `SendEventResponse`, the empty object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Sajari send event response (POST /v4/events:sendEvent, 200)",
    example = empty_example()
)]
pub struct SendEventResponse {}

fn empty_example() -> Value {
    serde_json::json!({})
}

/// Error body of the Sajari API (HTTP 400, 401, 403, 404, 500 and default): a
/// `google.rpc.Status` as grpc-gateway writes it.
///
/// `code` is a `google.rpc.Code` (e.g. 3 `INVALID_ARGUMENT`, 7 `PERMISSION_DENIED`); the
/// documented 400 example says 6 (`ALREADY_EXISTS`) for a missing token, so eventlint does not
/// check `code` against the HTTP status or the details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Sajari error (google.rpc.Status)",
    example = token_required_example()
)]
pub struct Status {
    /// The `google.rpc.Code` of the error, a 32-bit integer.
    #[schemars(range(min = -2_147_483_648, max = 2_147_483_647))]
    pub code: i32,
    /// A developer-facing error message, e.g. `token: required`.
    pub message: String,
    /// Error details, each a protobuf `Any` in its JSON form: `@type` names the message type,
    /// the other members are that message's fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<ProtobufAny>>,
}

/// One error detail: a protobuf `Any` in its JSON form, e.g.
/// `{"@type": "type.googleapis.com/google.rpc.BadRequest", "field_violations": […]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProtobufAny {
    /// The type URL of the detail message, e.g. `type.googleapis.com/google.rpc.BadRequest`.
    #[serde(rename = "@type")]
    pub type_url: String,
    /// The fields of the detail message (any members).
    #[serde(flatten)]
    pub fields: BTreeMap<String, Value>,
}

fn token_required_example() -> Value {
    serde_json::json!({
        "code": 6,
        "details": [{
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            "field_violations": [{"description": "required", "field": "token"}]
        }],
        "message": "token: required"
    })
}

/// The keys of an error body.
pub(crate) const STATUS_KEYS: &[&str] = &["code", "message", "details"];
