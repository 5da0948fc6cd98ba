//! What `serve` answers a vendor request with: the vendor's documented success, or, for a
//! request the vendor would reject (any error), the vendor's documented error status, headers
//! and body, so that the vendor's own client raises the error it raises in production. Each
//! error message names the field and the rule. (vendor-rules.md §1.5, §2.9, §3.4, §4.4, §5.3.)

use std::fmt::Write as _;
use std::hash::{BuildHasher, Hasher};

use chrono::{DateTime, SecondsFormat, Utc};
use eventlint_core::{Diagnostic, Part, Severity};
use serde_json::{Value, json};

/// A response before it is sent: status, headers (besides `Content-Type`) and body.
#[derive(Debug)]
pub(super) struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    /// `None`: no body at all.
    pub body: Option<Value>,
}

impl Answer {
    fn json(status: u16, body: Value) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body: Some(body),
        }
    }
}

/// The vendor of a kind id: its first segment (`synerise`, `personalize`, …).
pub(super) fn vendor_of(kind: &str) -> &str {
    kind.split('.').next().unwrap_or(kind)
}

/// What the vendor answers a request it accepts.
pub(super) fn success(
    vendor: &str,
    params: &[(&'static str, String)],
    body: Option<&str>,
    now: DateTime<Utc>,
    request_id: u64,
) -> Answer {
    match vendor {
        // "If the action is successful, the service sends back an HTTP 200 response with an
        // empty HTTP body." (§4.4)
        "personalize" => Answer {
            status: 200,
            headers: vec![("x-amzn-RequestId", aws_request_id(request_id))],
            body: None,
        },
        // No response body; 202 Accepted (§2.1).
        "synerise" => Answer {
            status: 202,
            headers: Vec::new(),
            body: None,
        },
        // `{"status": "success", "message": ""}` (§3.4: the message is empty on success).
        "neuralens" => Answer::json(200, json!({"status": "success", "message": ""})),
        // The newly-created event message object (§5.3).
        "glia" => {
            let engagement = params
                .iter()
                .find(|(name, _)| *name == "engagement_id")
                .map_or("", |(_, value)| value.as_str());
            let content = body
                .and_then(|b| serde_json::from_str::<Value>(b).ok())
                .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned))
                .unwrap_or_default();
            Answer::json(
                200,
                json!({
                    "timestamp": now.to_rfc3339_opts(SecondsFormat::Secs, true),
                    "id": uuid_v4(),
                    "engagement_id": engagement,
                    "sub_engagement_id": "1",
                    "content": content,
                    "status": "sent",
                    "sender": {"type": "visitor"},
                    "target": "operator",
                }),
            )
        }
        // Sajari's SendEventResponse is the empty object (§1.5).
        _ => Answer::json(200, json!({})),
    }
}

/// Where a diagnostic is, as the vendor's error names a field: the body pointer, the header or
/// query parameter's name, or `path`.
fn field(d: &Diagnostic) -> String {
    match &d.request {
        Some(place) if place.part != Part::Body => match &place.name {
            Some(name) => name.clone(),
            None => "path".to_owned(),
        },
        _ if d.pointer.is_empty() => "body".to_owned(),
        _ => d.pointer.clone(),
    }
}

/// One finding as an error message: `<field>: <message> [<rule>]`.
fn line(d: &Diagnostic) -> String {
    format!("{}: {} [{}]", field(d), d.message, d.rule)
}

/// Whether a rule is about credentials (the vendors answer those with 401).
fn is_auth(rule: &str) -> bool {
    let name = rule.rsplit('/').next().unwrap_or(rule);
    name.starts_with("auth") || name.starts_with("api-key")
}

/// Whether a rule is about the body's media type (Synerise answers 415).
fn is_media_type(rule: &str) -> bool {
    rule.ends_with("/content-type")
}

/// What the vendor answers a request it rejects: `errors` are the error diagnostics (at least
/// one), `path` the request's path.
pub(super) fn rejection(
    vendor: &str,
    errors: &[&Diagnostic],
    path: &str,
    now: DateTime<Utc>,
    request_id: u64,
) -> Answer {
    let auth: Vec<&Diagnostic> = errors.iter().copied().filter(|d| is_auth(d.rule)).collect();
    let message = errors
        .iter()
        .map(|d| line(d))
        .collect::<Vec<_>>()
        .join("; ");
    match vendor {
        // HTTP 400 InvalidInputException, the code in `x-amzn-ErrorType`, the body
        // `{"message": …}` (§4.4): botocore raises `InvalidInputException` with that message.
        "personalize" => Answer {
            status: 400,
            headers: vec![
                ("x-amzn-ErrorType", "InvalidInputException".to_owned()),
                ("x-amzn-RequestId", aws_request_id(request_id)),
            ],
            body: Some(json!({"message": message})),
        },
        // The HTTP400 model, for 400, 401, 403 and 415 (§2.9).
        "synerise" => {
            let (status, error) = if !auth.is_empty() {
                (401, "Unauthorized")
            } else if errors.iter().all(|d| is_media_type(d.rule)) {
                (415, "Unsupported Media Type")
            } else {
                (400, "Bad Request")
            };
            let details: Vec<Value> = errors
                .iter()
                .map(|d| json!({"code": status, "field": field(d), "message": format!("{} [{}]", d.message, d.rule)}))
                .collect();
            Answer::json(
                status,
                json!({
                    "error": error,
                    "status": status,
                    "timestamp": now.to_rfc3339_opts(SecondsFormat::Millis, true),
                    "path": path,
                    "message": message,
                    "errors": details,
                }),
            )
        }
        // google.rpc.Status with a BadRequest of field violations (§1.5); code 3
        // INVALID_ARGUMENT (the documented example's 6 is ALREADY_EXISTS, a slip).
        "sajari" => {
            let violations: Vec<Value> = errors
                .iter()
                .map(|d| json!({"field": field(d), "description": format!("{} [{}]", d.message, d.rule)}))
                .collect();
            Answer::json(
                400,
                json!({
                    "code": 3,
                    "message": message,
                    "details": [{
                        "@type": "type.googleapis.com/google.rpc.BadRequest",
                        "field_violations": violations,
                    }],
                }),
            )
        }
        // `{"status": "failure", "message": …}` (§3.4); the status of a failure is not
        // documented: 401 for the API key headers, else 400.
        "neuralens" => {
            let status = if auth.is_empty() { 400 } else { 401 };
            Answer::json(status, json!({"status": "failure", "message": message}))
        }
        // 401 with the documented messages for credentials (§5.3); anything else is not
        // documented: 400 with the same `{message, debug_message}` shape.
        "glia" => {
            if let Some(first) = auth.first() {
                let (text, debug) = if first.rule.ends_with("/auth-missing")
                    || first.rule.ends_with("/auth-format")
                {
                    (
                        "Authorization information missing",
                        "Authorization header must have format 'token_type token' where token_type is SessionId or AuthToken",
                    )
                } else {
                    (
                        "Invalid token",
                        "Authorization header must contain a valid token",
                    )
                };
                Answer::json(
                    401,
                    json!({"message": format!("{text} ({})", line(first)), "debug_message": format!("{debug}; eventlint: {message}")}),
                )
            } else {
                Answer::json(400, json!({"message": message, "debug_message": message}))
            }
        }
        _ => Answer::json(400, json!({"message": message})),
    }
}

/// What the vendor answers a request `serve` could not read whole (`status` 413: a body over
/// the limit; 408: a body too slow to come), in the vendor's error shape when the path is a
/// vendor's (`vendor`), with `message`.
pub(super) fn refusal(
    vendor: Option<&str>,
    status: u16,
    message: &str,
    path: &str,
    now: DateTime<Utc>,
    request_id: u64,
) -> Answer {
    let reason = match status {
        408 => "Request Timeout",
        413 => "Payload Too Large",
        _ => "Bad Request",
    };
    match vendor {
        Some("personalize") => Answer {
            status,
            headers: vec![
                ("x-amzn-ErrorType", "InvalidInputException".to_owned()),
                ("x-amzn-RequestId", aws_request_id(request_id)),
            ],
            body: Some(json!({"message": message})),
        },
        Some("synerise") => Answer::json(
            status,
            json!({
                "error": reason,
                "status": status,
                "timestamp": now.to_rfc3339_opts(SecondsFormat::Millis, true),
                "path": path,
                "message": message,
                "errors": [{"code": status, "field": "body", "message": message}],
            }),
        ),
        // google.rpc.Code: 4 DEADLINE_EXCEEDED, 3 INVALID_ARGUMENT.
        Some("sajari") => Answer::json(
            status,
            json!({"code": if status == 408 { 4 } else { 3 }, "message": message, "details": []}),
        ),
        Some("neuralens") => Answer::json(status, json!({"status": "failure", "message": message})),
        Some("glia") => Answer::json(
            status,
            json!({"message": message, "debug_message": message}),
        ),
        _ => Answer::json(
            status,
            json!({"error": reason.to_ascii_lowercase(), "message": message}),
        ),
    }
}

/// The errors of a report: the findings the vendor rejects a request for.
pub(super) fn errors(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// An `x-amzn-RequestId`-shaped id (a UUID) that carries the request id at its end.
fn aws_request_id(request_id: u64) -> String {
    format!("00000000-0000-4000-8000-{request_id:012x}")
}

/// A random (version 4) UUID, from the standard library's per-process random hasher keys.
fn uuid_v4() -> String {
    let random = || {
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    let (a, b) = (random(), random());
    let bytes: Vec<u8> = a.to_be_bytes().into_iter().chain(b.to_be_bytes()).collect();
    let mut bytes: [u8; 16] = bytes.try_into().unwrap_or([0; 16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = bytes.iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4_and_differ() {
        let (a, b) = (uuid_v4(), uuid_v4());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }
}
