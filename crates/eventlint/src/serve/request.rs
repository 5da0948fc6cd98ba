//! A request to a vendor path: read, checked, recorded (journal and log) and answered as the
//! vendor documents.

use std::io::Write as _;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use eventlint_core::{Severity, registry};
use serde_json::{Value, json};

use super::answer::Answer;
use super::args::{humane, shown_size};
use super::journal::{Record, Verdict};
use super::{Server, answer, journal};

/// The headers of ours that are no part of the request to check.
pub(super) fn is_ours(name: &str) -> bool {
    name.len() >= 12 && name[..12].eq_ignore_ascii_case("x-eventlint-")
}

/// The largest body checked on the connection's own task; a larger one goes to the blocking
/// pool.
const INLINE_CHECK: usize = 64 << 10;

/// `check_request` on a request as `serve` holds it.
fn check(
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: Option<&str>,
    options: &eventlint_core::CheckOptions,
) -> eventlint_core::PayloadReport {
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    eventlint_core::check_request(method, target, &pairs, body, options)
}

/// Any request outside `/_eventlint/`: checked, recorded, answered.
pub(super) async fn vendor_request(
    State(server): State<Arc<Server>>,
    request: Request,
) -> Response {
    let at = Utc::now();
    let (parts, body) = request.into_parts();
    if server.bare {
        let read = axum::body::to_bytes(body, server.body_limit).await;
        let mut response = Response::new(Body::empty());
        *response.status_mut() = if read.is_ok() {
            StatusCode::ACCEPTED
        } else {
            StatusCode::PAYLOAD_TOO_LARGE
        };
        return response;
    }
    let session = parts
        .headers
        .get("x-eventlint-session")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let method = parts.method.as_str().to_owned();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_owned(), |pq| pq.as_str().to_owned());
    let path = parts.uri.path().to_owned();
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .filter(|(name, _)| !is_ours(name.as_str()))
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let endpoint = Endpoint::of(&method, &path);
    let read = tokio::time::timeout(
        server.read_timeout,
        axum::body::to_bytes(body, server.body_limit),
    )
    .await;
    let refused = match read {
        Ok(Ok(bytes)) => Err(bytes),
        // `to_bytes` fails on a body over the limit, or on a connection that broke mid-body
        // (whose answer nobody reads).
        Ok(Err(_)) => Ok((
            413,
            format!(
                "eventlint serve reads request bodies of at most {} bytes (--body-limit {})",
                server.body_limit,
                shown_size(server.body_limit)
            ),
        )),
        Err(_) => Ok((
            408,
            format!(
                "the request body did not arrive within {} (--read-timeout)",
                humane(server.read_timeout)
            ),
        )),
    };
    let bytes = match refused {
        Err(bytes) => bytes,
        Ok((status, message)) => {
            // Recorded too: the application sent it.
            let id = server
                .journal
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .next_id();
            let vendor = match &endpoint {
                Endpoint::Known { vendor, .. } | Endpoint::WrongMethod { vendor, .. } => {
                    Some(*vendor)
                }
                Endpoint::Unknown => None,
            };
            let record = Record {
                id,
                session,
                method: method.clone(),
                path: masked_target(&target),
                vendor,
                verdict: Verdict::Fail,
                status,
                shown: journal::Shown::unread(&method, &target, &headers),
                ..Record::new(at)
            };
            server.record(record, &method, &target, &headers, None);
            server.answered(Verdict::Fail);
            let answer = answer::refusal(vendor, status, &message, &path, at, id);
            return respond(answer, id, Verdict::Fail, &message);
        }
    };
    let body = (!bytes.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned());

    let mut options = server.options.clone();
    options.now = server.now.unwrap_or(at);
    let checked = if body.as_ref().map_or(0, String::len) <= INLINE_CHECK {
        // A usual body is checked right here: a few microseconds, less than the hand-off to
        // the blocking pool costs (which halved the requests per second under load).
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check(&method, &target, &headers, body.as_deref(), &options)
        }))
        .map_err(|_| "the check panicked".to_owned())
    } else {
        // A large one on the blocking pool, not to hold up the other connections.
        let (method, target, headers, body) = (
            method.clone(),
            target.clone(),
            headers.clone(),
            body.clone(),
        );
        tokio::task::spawn_blocking(move || {
            check(&method, &target, &headers, body.as_deref(), &options)
        })
        .await
        .map_err(|err| err.to_string())
    };
    let report = match checked {
        Ok(report) => report,
        Err(err) => {
            return plain_json(
                StatusCode::INTERNAL_SERVER_ERROR,
                &json!({"error": "internal error", "message": format!("eventlint could not check the request: {err}")}),
            );
        }
    };

    // A body that is not JSON: the vendor's error says where, in the body's own lines (the
    // diagnostics are copied only then).
    let syntax = report.diagnostics.iter().any(|d| d.rule == "json/syntax");
    let placed: std::borrow::Cow<'_, [eventlint_core::Diagnostic]> = if syntax {
        let placed = report.diagnostics.iter().map(|d| {
            let mut d = d.clone();
            if d.rule == "json/syntax"
                && let Some(Err(err)) = body
                    .as_deref()
                    .map(serde_json::from_str::<serde::de::IgnoredAny>)
            {
                d.message = format!(
                    "{} (line {}, column {} of the body)",
                    d.message,
                    err.line(),
                    err.column()
                );
            }
            d
        });
        std::borrow::Cow::Owned(placed.collect())
    } else {
        std::borrow::Cow::Borrowed(&report.diagnostics)
    };
    let errors = answer::errors(&placed);
    let warned = report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Warning);
    let known = matches!(endpoint, Endpoint::Known { .. });
    let verdict = if errors.is_empty() && known && !(server.deny_warnings && warned) {
        Verdict::Pass
    } else {
        Verdict::Fail
    };

    // The id first: the answer may carry it.
    let id = server
        .journal
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .next_id();
    let (answer, vendor) = match &endpoint {
        Endpoint::Known { vendor, params } => {
            let answer = if errors.is_empty() || server.accept_all {
                answer::success(vendor, params, body.as_deref(), at, id)
            } else {
                answer::rejection(vendor, &errors, &path, at, id)
            };
            (answer, Some(*vendor))
        }
        Endpoint::WrongMethod { vendor, allowed } if !server.accept_all => (
            Answer {
                status: 405,
                headers: vec![("allow", (*allowed).to_owned())],
                body: Some(json!({
                    "error": "method not allowed",
                    "message": format!("eventlint serve: {path} takes {allowed}, not {method}"),
                    "diagnostics": report.diagnostics,
                })),
            },
            Some(*vendor),
        ),
        Endpoint::WrongMethod { vendor, .. } => {
            (answer::success(vendor, &[], None, at, id), Some(*vendor))
        }
        Endpoint::Unknown if server.accept_all => (
            Answer {
                status: 200,
                headers: Vec::new(),
                body: Some(json!({})),
            },
            None,
        ),
        Endpoint::Unknown => (unknown_endpoint(&method, &path, &report.diagnostics), None),
    };
    let findings = journal::findings_header(&report.diagnostics);
    let record = Record {
        id,
        session,
        method: method.clone(),
        path: masked_target(&target),
        vendor,
        kind: report.kind.map(|k| k.id),
        verdict,
        status: answer.status,
        shown: journal::Shown::of(&report.source, body.as_deref(), &report.diagnostics),
        diagnostics: report.diagnostics,
        ..Record::new(at)
    };
    server.record(record, &method, &target, &headers, body.as_deref());
    server.answered(verdict);
    respond(answer, id, verdict, &findings)
}

impl Server {
    /// A request came or went.
    pub(super) fn touch(&self) {
        *self
            .last_activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Instant::now();
    }

    /// Sets `stop` once no request came or went for `idle` and none is in flight.
    pub(super) async fn stop_when_idle(&self, idle: Duration) {
        loop {
            let last = *self
                .last_activity
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let quiet = last.elapsed();
            if quiet >= idle && self.in_flight.load(Ordering::SeqCst) == 0 {
                eprintln!(
                    "eventlint: serve: no request for {}, stopping (--idle-timeout)",
                    humane(idle)
                );
                self.stop.send_replace(true);
                return;
            }
            let wait = idle.saturating_sub(quiet).max(Duration::from_millis(50));
            tokio::time::sleep(wait).await;
        }
    }

    /// Counts an answered vendor request, and stops the server at `--exit-after`.
    pub(super) fn answered(&self, verdict: Verdict) {
        if verdict == Verdict::Fail {
            self.failed.fetch_add(1, Ordering::SeqCst);
        }
        let answered = self.answered.fetch_add(1, Ordering::SeqCst) + 1;
        if self.exit_after == Some(answered) {
            eprintln!(
                "eventlint: serve: {answered} request{} answered, stopping (--exit-after)",
                if answered == 1 { "" } else { "s" }
            );
            self.stop.send_replace(true);
        }
    }

    /// Keeps a request in the journal (and the log), and wakes those who wait for it.
    pub(super) fn record(
        &self,
        record: Record,
        method: &str,
        target: &str,
        headers: &[(String, String)],
        body: Option<&str>,
    ) {
        let id = record.id;
        // The whole line is made first, then written by one `write_all` on a file opened to
        // append: a line is never interleaved with another, nor written in part by us.
        let line = self
            .log
            .as_ref()
            .map(|_| log_line(&record, method, target, headers, body));
        {
            let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
            journal.push(Arc::new(record));
            if let (Some(log), Some(line)) = (&self.log, line) {
                let mut file = log.lock().unwrap_or_else(PoisonError::into_inner);
                if let Err(err) = file.write_all(line.as_bytes()) {
                    eprintln!("eventlint: serve: cannot append to the log: {err}");
                }
            }
        }
        self.recorded.send_modify(|last| *last = (*last).max(id));
    }

    /// The log's data on disk (at the end of a run).
    pub(super) fn sync_log(&self) {
        if let Some(log) = &self.log {
            let file = log.lock().unwrap_or_else(PoisonError::into_inner);
            if let Err(err) = file.sync_data() {
                eprintln!("eventlint: serve: cannot flush the log: {err}");
            }
        }
    }
}

/// A request's line in the log: the request, its credentials masked, then what `serve` made of
/// it (`id`, `time`, `session`, `verdict`, `status`), which `check` ignores.
pub(super) fn log_line(
    record: &Record,
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: Option<&str>,
) -> String {
    let (target, headers, masked) = eventlint_core::request::mask_credentials(target, headers);
    let mut extra = vec![
        ("id", json!(record.id)),
        ("time", json!(record.time)),
        ("verdict", json!(record.verdict.as_str())),
        ("status", json!(record.status)),
    ];
    if let Some(session) = &record.session {
        extra.push(("session", json!(session)));
    }
    eventlint_core::request::read::requests::write_entry(
        &eventlint_core::request::read::requests::Entry {
            method,
            url: &target,
            headers: &headers,
            body,
            credentials_masked: masked,
            extra: &extra,
        },
    )
}

/// Where a request goes among the vendors' endpoints.
#[derive(Debug)]
pub(super) enum Endpoint {
    /// A documented endpoint of `vendor`, with the path parameters.
    Known {
        vendor: &'static str,
        params: Vec<(&'static str, String)>,
    },
    /// A documented path that does not take the method.
    WrongMethod {
        vendor: &'static str,
        allowed: &'static str,
    },
    Unknown,
}

impl Endpoint {
    fn of(method: &str, path: &str) -> Endpoint {
        if let Some((kind, _, params)) = registry::route(method, path) {
            return Endpoint::Known {
                vendor: answer::vendor_of(kind.id),
                params,
            };
        }
        registry::kinds()
            .iter()
            .filter(|k| k.role == eventlint_core::Role::Request)
            .flat_map(|k| k.routes.iter().map(move |r| (*k, r)))
            .find(|(_, r)| r.path != "*" && r.matches(r.method, path).is_some())
            .map_or(Endpoint::Unknown, |(kind, route)| Endpoint::WrongMethod {
                vendor: answer::vendor_of(kind.id),
                allowed: route.method,
            })
    }
}

/// The 404 of a path that is no vendor's endpoint, with the nearest one.
pub(super) fn unknown_endpoint(
    method: &str,
    path: &str,
    diagnostics: &[eventlint_core::Diagnostic],
) -> Answer {
    let paths: Vec<&'static str> = registry::kinds()
        .iter()
        .filter(|k| k.role == eventlint_core::Role::Request)
        .flat_map(|k| k.routes.iter().map(|r| r.path))
        .filter(|p| *p != "*")
        .collect();
    let nearest = eventlint_core::suggest::did_you_mean(path, &paths);
    let near = nearest
        .map(|p| format!("; did you mean `{p}`?"))
        .unwrap_or_default();
    Answer {
        status: 404,
        headers: Vec::new(),
        body: Some(json!({
            "error": "unknown endpoint",
            "message": format!("eventlint serve: `{method} {path}` is no vendor endpoint eventlint knows{near} (`eventlint kinds` lists them)"),
            "nearest": nearest,
            "diagnostics": diagnostics,
        })),
    }
}

/// The response: the answer, with our headers.
pub(super) fn respond(answer: Answer, id: u64, verdict: Verdict, findings: &str) -> Response {
    let (body, json) = match &answer.body {
        Some(value) => (Body::from(value.to_string()), true),
        None => (Body::empty(), false),
    };
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    if json {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.insert(name, value);
        }
    }
    ours(headers, id, verdict, findings);
    response
}

/// `X-Eventlint-Request-Id`, `X-Eventlint-Verdict` and `X-Eventlint-Findings`.
pub(super) fn ours(headers: &mut axum::http::HeaderMap, id: u64, verdict: Verdict, findings: &str) {
    headers.insert("x-eventlint-request-id", HeaderValue::from(id));
    headers.insert(
        "x-eventlint-verdict",
        HeaderValue::from_static(verdict.as_str()),
    );
    if let Ok(value) = HeaderValue::from_str(findings) {
        headers.insert("x-eventlint-findings", value);
    }
}

/// A JSON response of eventlint's own (no vendor shape), without a journal id.
pub(super) fn plain_json(status: StatusCode, body: &Value) -> Response {
    let mut response = Response::new(Body::from(Bytes::from(body.to_string())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The request's target as the journal, the page and the inspection API show it: its
/// credential query parameters (`?token=…`) masked as reports mask them.
pub(super) fn masked_target(target: &str) -> String {
    eventlint_core::request::mask_credentials(target, &[]).0
}
