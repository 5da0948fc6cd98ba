//! The inspection API under `/_eventlint/`: what tests and CI read. Each endpoint takes the
//! journal's filters (`verdict`, `vendor`, `kind`, `rule`, `session`, `since`) as query
//! parameters; the `X-Eventlint-Session` header is the session when the query names none.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use eventlint_core::registry;
use serde_json::json;

use super::Server;
use super::journal::{Filter, Summary};

/// The longest `wait` (`timeout_ms`), and its default.
const WAIT_MAX_MS: u64 = 600_000;
const WAIT_DEFAULT_MS: u64 = 10_000;

pub(super) fn router() -> Router<Arc<Server>> {
    Router::new()
        .route("/requests", get(requests))
        .route("/requests/{id}", get(request))
        .route("/rules/{*rule}", get(rule))
        .route("/wait", get(wait))
        .route("/summary", get(summary))
        .route("/reset", post(reset))
        .route("/health", get(health))
        .merge(super::page::router())
        .fallback(unknown)
}

fn session(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("x-eventlint-session")
        .and_then(|v| v.to_str().ok())
}

fn bad_request(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": "bad request", "message": message})),
    )
        .into_response()
}

async fn requests(
    State(server): State<Arc<Server>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let filter = match Filter::from_query(&query, session(&headers), &[]) {
        Ok(filter) => filter,
        Err(message) => return bad_request(&message),
    };
    let journal = server
        .journal
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let records = journal.matching(&filter);
    Json(json!({
        "count": records.len(),
        "dropped": journal.dropped,
        "requests": records,
    }))
    .into_response()
}

/// One request, in full (its masked headers and kept body too), while the journal holds it.
async fn request(State(server): State<Arc<Server>>, Path(id): Path<String>) -> Response {
    let record = id.parse::<u64>().ok().and_then(|id| {
        server
            .journal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
    });
    match record {
        Some(record) => Json(&*record).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({
                "error": "unknown request",
                "message": format!("the journal holds no request `{id}` (it keeps the newest 10,000, and a reset forgets)"),
            })),
        )
            .into_response(),
    }
}

/// A rule's documentation, as `eventlint explain RULE` prints it (plain text).
async fn rule(Path(rule): Path<String>) -> Response {
    match registry::rule(&rule) {
        Some(r) => {
            let mut response = crate::listing::explain(r).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            response
        }
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({
                "error": "unknown rule",
                "message": format!("no rule `{rule}` (`eventlint rules` lists them)"),
            })),
        )
            .into_response(),
    }
}

/// Answers once `count` matching requests are in the journal (200), or when `timeout_ms`
/// passed (408), with the matching requests either way.
async fn wait(
    State(server): State<Arc<Server>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let filter = match Filter::from_query(&query, session(&headers), &["count", "timeout_ms"]) {
        Ok(filter) => filter,
        Err(message) => return bad_request(&message),
    };
    let number = |name: &str, default: u64| -> Result<u64, String> {
        query.get(name).map_or(Ok(default), |text| {
            text.parse::<u64>()
                .map_err(|_| format!("`{name}={text}` is not a whole number"))
        })
    };
    let (count, timeout) = match (number("count", 1), number("timeout_ms", WAIT_DEFAULT_MS)) {
        (Ok(count), Ok(timeout)) => (count, timeout.min(WAIT_MAX_MS)),
        (Err(message), _) | (_, Err(message)) => return bad_request(&message),
    };
    let deadline = tokio::time::Instant::now() + Duration::from_millis(timeout);
    // Subscribed before the journal is read: a request recorded in between wakes us.
    let mut recorded = server.recorded.subscribe();
    loop {
        let records = server
            .journal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .matching(&filter);
        let reached = records.len() as u64 >= count;
        if reached
            || tokio::time::timeout_at(deadline, recorded.changed())
                .await
                .is_err()
        {
            let status = if reached {
                StatusCode::OK
            } else {
                StatusCode::REQUEST_TIMEOUT
            };
            return (
                status,
                Json(json!({
                    "count": records.len(),
                    "wanted": count,
                    "timed_out": !reached,
                    "requests": records,
                })),
            )
                .into_response();
        }
    }
}

async fn summary(
    State(server): State<Arc<Server>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let filter = match Filter::from_query(&query, session(&headers), &[]) {
        Ok(filter) => filter,
        Err(message) => return bad_request(&message),
    };
    let journal = server
        .journal
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let records = journal.matching(&filter);
    Json(Summary::of(&records, journal.dropped)).into_response()
}

/// Forgets the matching requests: a session's own when the header (or `session=`) names one,
/// else every request.
async fn reset(
    State(server): State<Arc<Server>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let filter = match Filter::from_query(&query, session(&headers), &[]) {
        Ok(filter) => filter,
        Err(message) => return bad_request(&message),
    };
    let removed = server
        .journal
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&filter);
    if removed > 0 {
        // The page's event streams tell their pages to forget them.
        server.recorded.send_modify(|_| {});
    }
    Json(json!({"removed": removed, "session_only": filter.has_session()})).into_response()
}

async fn health(State(server): State<Arc<Server>>) -> Response {
    let journal = server
        .journal
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "requests": journal.last_id,
        "dropped": journal.dropped,
        "body_bytes": journal.body_bytes(),
        "accept_all": server.accept_all,
    }))
    .into_response()
}

async fn unknown() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({
            "error": "unknown endpoint",
            "message": "eventlint serve's own endpoints are GET /_eventlint/requests, GET /_eventlint/requests/ID, GET /_eventlint/wait, GET /_eventlint/summary, POST /_eventlint/reset, GET /_eventlint/health, GET /_eventlint/rules/RULE and GET /_eventlint/events (the page at / reads them)",
        })),
    )
        .into_response()
}
