//! The page of `eventlint serve` at `/`: the requests received, newest first, live. One HTML
//! page whose script and style are served from the binary (`page/`), nothing from elsewhere; it
//! reads the journal's requests as server-sent events (`/_eventlint/events`), one request in full
//! (`/_eventlint/requests/ID`) when it is opened, and a rule's documentation, the text of
//! `eventlint explain`, from `/_eventlint/rules/RULE`.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, LazyLock, PoisonError};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use eventlint_core::Severity;
use futures_util::Stream;
use serde::Serialize;

use super::Server;
use super::journal::{BODIES_MAX, BODY_KEPT, LIMIT, Record};

const HTML: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/page.js");
const STYLE: &str = include_str!("page/page.css");
const ICON: &str = include_str!("page/favicon.svg");

/// The page, with the journal's limits written in.
static PAGE: LazyLock<String> = LazyLock::new(|| {
    HTML.replace("{{BODY_KEPT}}", &format!("{} KiB", BODY_KEPT >> 10))
        .replace("{{BODIES_MAX}}", &format!("{} MiB", BODIES_MAX >> 20))
        .replace("{{LIMIT}}", &thousands(LIMIT))
});

/// `10000` as `10,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Nothing but this server's own script, style and requests: a request body that got into the
/// page as markup could still run nothing.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The page's own files and the event stream, under `/_eventlint/`.
pub(super) fn router() -> Router<Arc<Server>> {
    Router::new()
        .route(
            "/page.js",
            get(|| async { text(SCRIPT, "text/javascript") }),
        )
        .route("/page.css", get(|| async { text(STYLE, "text/css") }))
        // Named by the page, so that a browser does not ask for `/favicon.ico`, which would be
        // checked and recorded as a request to a vendor.
        .route(
            "/favicon.svg",
            get(|| async { text(ICON, "image/svg+xml") }),
        )
        .route("/events", get(events))
}

/// `GET /`.
pub(super) async fn index() -> Response {
    text(&PAGE, "text/html; charset=utf-8")
}

fn text(body: &str, content_type: &'static str) -> Response {
    let mut response = body.to_owned().into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A request as the page's list shows it (the rest comes from `/_eventlint/requests/ID`).
#[derive(Debug, Serialize)]
struct Entry<'a> {
    id: u64,
    time: &'a str,
    session: Option<&'a str>,
    method: &'a str,
    /// The path and query as reports show them, a credential in the query masked.
    path: &'a str,
    vendor: Option<&'static str>,
    kind: Option<&'static str>,
    verdict: &'static str,
    status: u16,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Each rule once, in the diagnostics' order.
    rules: Vec<&'static str>,
}

impl<'a> Entry<'a> {
    fn of(record: &'a Record) -> Entry<'a> {
        let count = |s: Severity| {
            record
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let line = record.shown.line.as_str();
        let path = line
            .strip_prefix(record.method.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .map_or(line, |rest| rest.strip_suffix(" HTTP/1.1").unwrap_or(rest));
        let mut rules = Vec::new();
        for d in &record.diagnostics {
            if !rules.contains(&d.rule) {
                rules.push(d.rule);
            }
        }
        Entry {
            id: record.id,
            time: &record.time,
            session: record.session.as_deref(),
            method: &record.method,
            path,
            vendor: record.vendor,
            kind: record.kind,
            verdict: record.verdict.as_str(),
            status: record.status,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            rules,
        }
    }
}

/// Where a stream is: the records to send, and the place in the journal after them.
struct Feed {
    server: Arc<Server>,
    recorded: tokio::sync::watch::Receiver<u64>,
    ending: tokio::sync::watch::Receiver<bool>,
    /// The `seq` of the last record taken from the journal.
    seq: u64,
    pending: VecDeque<(u64, Arc<Record>)>,
    /// The journal's resets already told.
    resets: u64,
}

/// `GET /_eventlint/events`: every request in the journal, then each as it is recorded, as an
/// event `request` whose data is an [`Entry`] and whose id is the journal's place of it (a
/// reconnecting `EventSource` sends it back as `Last-Event-ID` and gets only what followed);
/// after a reset that forgot requests, an event `reset` whose data is `{"ids": [...]}`, the ids
/// of the requests still held.
async fn events(
    State(server): State<Arc<Server>>,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let seq = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let resets = server
        .journal
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .resets;
    let feed = Feed {
        recorded: server.recorded.subscribe(),
        // The server's stop ends the stream (an open page would otherwise hold the graceful
        // shutdown until its grace ran out).
        ending: server.stop.subscribe(),
        server,
        seq,
        pending: VecDeque::new(),
        resets,
    };
    let stream = futures_util::stream::unfold(feed, |mut feed| async move {
        loop {
            if let Some((seq, record)) = feed.pending.pop_front() {
                let event = Event::default()
                    .event("request")
                    .id(seq.to_string())
                    .json_data(Entry::of(&record))
                    .unwrap_or_else(|_| Event::default().comment("unserializable"));
                return Some((Ok(event), feed));
            }
            // Marked seen before the journal is read: a request recorded in between wakes us.
            feed.recorded.borrow_and_update();
            let (fresh, reset) = {
                let journal = feed
                    .server
                    .journal
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                let reset = (journal.resets != feed.resets).then(|| journal.ids());
                feed.resets = journal.resets;
                (journal.pushed_after(feed.seq), reset)
            };
            if let Some(ids) = reset {
                // The new requests follow (they are held, so they are in `ids` too).
                feed.seq = fresh.last().map_or(feed.seq, |(seq, _)| *seq);
                feed.pending.extend(fresh);
                let event = Event::default()
                    .event("reset")
                    .json_data(serde_json::json!({ "ids": ids }))
                    .unwrap_or_else(|_| Event::default().comment("unserializable"));
                return Some((Ok(event), feed));
            }
            if let Some((last, _)) = fresh.last() {
                feed.seq = *last;
                feed.pending.extend(fresh);
                continue;
            }
            if *feed.ending.borrow() {
                return None;
            }
            tokio::select! {
                changed = feed.recorded.changed() => if changed.is_err() { return None; },
                _ = feed.ending.wait_for(|end| *end) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
