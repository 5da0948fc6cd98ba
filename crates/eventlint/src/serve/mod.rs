//! `eventlint serve`: a local endpoint at the vendors' paths that checks every request an
//! application really sends (`check_request`, the checks of `eventlint check`), answers as the
//! vendor documents (`answer`), and keeps a journal of what it received (`journal`) that the
//! inspection API under `/_eventlint/` shows (`api`).

mod answer;
mod api;
mod journal;
mod page;

use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::{DateTime, Utc};
use clap::Args;
use eventlint_core::config::FileSettings;
use eventlint_core::{CheckOptions, Severity, registry};
use serde_json::{Value, json};

use crate::project::{LoadError, Projects};
use answer::Answer;
use journal::{Journal, Record, Verdict};

/// The port `serve` listens on unless `--bind` says otherwise.
pub(crate) const DEFAULT_PORT: u16 = 7313;

/// The largest request body read (a Synerise batch of 1,000 events is far below it).
const BODY_LIMIT: usize = 16 << 20;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Point the application's vendor base URL at the address printed first (`listening on
http://127.0.0.1:7313`): every request to a vendor's endpoint path is checked as `eventlint check`
checks a request file, and answered as the vendor documents (its success, or its error with a
message naming the field and the rule). Every response carries X-Eventlint-Request-Id,
X-Eventlint-Verdict (pass or fail) and X-Eventlint-Findings.

Inspection (JSON) under /_eventlint/: GET requests, GET wait?count=N&timeout_ms=MS, GET summary,
POST reset, GET health; filters verdict, vendor, kind, rule, session and since (a request id or
an RFC 3339 time). The X-Eventlint-Session header isolates parallel tests' requests.")]
pub(crate) struct ServeArgs {
    /// The address to listen on; port 0 picks a free port (the first line printed says which).
    #[arg(long, value_name = "ADDR:PORT", default_value_t = SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT)))]
    bind: SocketAddr,
    /// The clock time rules compare against (RFC 3339). Default: `now` in eventlint.toml, else
    /// the system clock when each request arrives.
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// The configuration file. Default: the nearest eventlint.toml from the current directory
    /// upward (its `now`, `future-tolerance`, `deny-warnings` and top-level [rules]).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any eventlint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Check only these rules (as `check --select`).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not check these rules (as `check --ignore`).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Report a rule at LEVEL (as `check --severity`).
    #[arg(long, value_name = "RULE=LEVEL")]
    severity: Vec<String>,
    /// Warnings also make a request's verdict `fail` (the vendor's answer is still a success).
    #[arg(long)]
    deny_warnings: bool,
    /// Answer every request with the vendor's success; still check and record it.
    #[arg(long)]
    accept_all: bool,
    /// Append every request received to FILE as eventlint's request log (one JSON line each),
    /// which `eventlint check FILE` checks again. Name it *.requests.ndjson.
    #[arg(long, value_name = "FILE")]
    journal: Option<PathBuf>,
}

/// Everything a request handler needs.
#[derive(Debug)]
struct Server {
    /// The options of every check, but for the clock when `now` is `None`.
    options: CheckOptions,
    /// `--now` or the configuration's `now`: `None` reads the clock per request.
    now: Option<DateTime<Utc>>,
    deny_warnings: bool,
    accept_all: bool,
    journal: Mutex<Journal>,
    /// The log file (`--journal`).
    log: Option<Mutex<File>>,
    /// The id of the last request recorded, for `wait`.
    recorded: tokio::sync::watch::Sender<u64>,
}

/// The options from the flags and the configuration (as `check` makes them for stdin).
fn options(args: &ServeArgs) -> Result<(CheckOptions, Option<DateTime<Utc>>, bool), String> {
    let mut options = CheckOptions::default();
    let mut now = None;
    if let Some(text) = &args.now {
        let time = DateTime::parse_from_rfc3339(text).map_err(|err| {
            format!(
                "--now `{text}` is not an RFC 3339 date-time ({err}); e.g. --now 2026-01-01T00:00:00Z"
            )
        })?;
        now = Some(time.with_timezone(&Utc));
    }
    options.severity_overrides =
        crate::select::overrides(&args.select, &args.ignore, &args.severity)?;
    let mut deny_warnings = args.deny_warnings;
    if !args.no_config {
        let cwd = std::env::current_dir()
            .map_err(|err| format!("cannot read the current directory: {err}"))?;
        let mut projects =
            Projects::new(args.config.as_deref(), &cwd).map_err(|err| match err {
                LoadError::Io(message) => message,
                LoadError::Config(err) => format!("{}: {}", err.name, err.message),
            })?;
        let index = projects.for_path(None).map_err(|err| match err {
            LoadError::Io(message) => message,
            LoadError::Config(err) => format!("{}: {}", err.name, err.message),
        })?;
        if let Some(project) = index.and_then(|i| projects.loaded.get(i)) {
            let config = &project.config;
            if now.is_none() {
                now = config.now;
            }
            if let Some(tolerance) = config.future_tolerance {
                options.future_tolerance = tolerance;
            }
            deny_warnings |= config.deny_warnings == Some(true);
            // The top-level [rules]; [[files]] entries are about files, not requests.
            let settings = FileSettings {
                severity_overrides: config
                    .settings("")
                    .map_or_else(|_| HashMap::new(), |s| s.severity_overrides),
                ..FileSettings::default()
            };
            options = config.options(&settings, &options, false);
            eprintln!("eventlint: serve: configuration {}", project.shown);
        }
    }
    Ok((options, now, deny_warnings))
}

pub(crate) fn run(args: &ServeArgs) -> std::process::ExitCode {
    let (options, now, deny_warnings) = match options(args) {
        Ok(options) => options,
        Err(message) => return crate::fail(&message),
    };
    let log = match &args.journal {
        None => None,
        Some(path) => match std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            Ok(file) => Some(Mutex::new(file)),
            Err(err) => {
                return crate::fail(&format!(
                    "cannot open the journal `{}`: {err}",
                    path.display()
                ));
            }
        },
    };
    let server = Arc::new(Server {
        options,
        now,
        deny_warnings,
        accept_all: args.accept_all,
        journal: Mutex::new(Journal::default()),
        log,
        recorded: tokio::sync::watch::Sender::new(0),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return crate::fail(&format!("cannot start the server's runtime: {err}")),
    };
    match runtime.block_on(serve(args.bind, server)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => crate::fail(&message),
    }
}

async fn serve(bind: SocketAddr, server: Arc<Server>) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|err| format!("cannot listen on {bind}: {err}"))?;
    let address = listener
        .local_addr()
        .map_err(|err| format!("cannot read the address listened on: {err}"))?;
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{address}");
        let _ = out.flush();
    }
    if !address.ip().is_loopback() {
        eprintln!(
            "eventlint: serve: listening on {address}, which is not a loopback address: anyone who can reach it can send requests and read the journal"
        );
    }
    eprintln!(
        "eventlint: serve: point the vendors' base URL at http://{address} (inspection: http://{address}/_eventlint/requests)"
    );
    let app = Router::new()
        .route(
            "/",
            axum::routing::get(page::index).fallback(vendor_request),
        )
        .nest("/_eventlint", api::router())
        .fallback(vendor_request)
        .with_state(server);
    axum::serve(listener, app)
        .with_graceful_shutdown(page::ending_streams(stopped()))
        .await
        .map_err(|err| format!("the server failed: {err}"))
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// The headers of ours that are no part of the request to check.
fn is_ours(name: &str) -> bool {
    name.len() >= 12 && name[..12].eq_ignore_ascii_case("x-eventlint-")
}

/// Any request outside `/_eventlint/`: checked, recorded, answered.
async fn vendor_request(State(server): State<Arc<Server>>, request: Request) -> Response {
    let at = Utc::now();
    let (parts, body) = request.into_parts();
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
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        // Recorded too: the application sent it.
        let message = format!(
            "eventlint serve reads request bodies of at most {} MiB",
            BODY_LIMIT >> 20
        );
        let id = server
            .journal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .next_id();
        let record = Record {
            id,
            session,
            method: method.clone(),
            path: target.clone(),
            verdict: Verdict::Fail,
            status: 413,
            shown: journal::Shown::unread(&method, &target, &headers),
            ..Record::new(at)
        };
        server.record(record, &method, &target, &headers, None);
        let answer = Answer {
            status: 413,
            headers: Vec::new(),
            body: Some(json!({"error": "payload too large", "message": message})),
        };
        return respond(answer, id, Verdict::Fail, "payload too large");
    };
    let body = (!bytes.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned());

    let mut options = server.options.clone();
    options.now = server.now.unwrap_or(at);
    let endpoint = Endpoint::of(&method, &path);
    let checked = {
        let (method, target, headers, body) = (
            method.clone(),
            target.clone(),
            headers.clone(),
            body.clone(),
        );
        tokio::task::spawn_blocking(move || {
            let pairs: Vec<(&str, &str)> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            eventlint_core::check_request(&method, &target, &pairs, body.as_deref(), &options)
        })
        .await
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

    let errors = answer::errors(&report.diagnostics);
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
        path: target.clone(),
        vendor,
        kind: report.kind.map(|k| k.id),
        verdict,
        status: answer.status,
        shown: journal::Shown::of(&report.source, body.as_deref(), &report.diagnostics),
        diagnostics: report.diagnostics,
        ..Record::new(at)
    };
    server.record(record, &method, &target, &headers, body.as_deref());
    respond(answer, id, verdict, &findings)
}

impl Server {
    /// Keeps a request in the journal (and the log), and wakes those who wait for it.
    fn record(
        &self,
        record: Record,
        method: &str,
        target: &str,
        headers: &[(String, String)],
        body: Option<&str>,
    ) {
        let id = record.id;
        {
            let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
            journal.push(Arc::new(record));
            if let Some(log) = &self.log {
                // One whole line per write: a line is never interleaved with another.
                let line =
                    eventlint_core::request::read::requests::write(method, target, headers, body);
                let mut file = log.lock().unwrap_or_else(PoisonError::into_inner);
                if let Err(err) = file.write_all(line.as_bytes()) {
                    eprintln!("eventlint: serve: cannot append to the journal: {err}");
                }
            }
        }
        self.recorded.send_modify(|last| *last = (*last).max(id));
    }
}

/// Where a request goes among the vendors' endpoints.
#[derive(Debug)]
enum Endpoint {
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
fn unknown_endpoint(
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
fn respond(answer: Answer, id: u64, verdict: Verdict, findings: &str) -> Response {
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
fn ours(headers: &mut axum::http::HeaderMap, id: u64, verdict: Verdict, findings: &str) {
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
fn plain_json(status: StatusCode, body: &Value) -> Response {
    let mut response = Response::new(Body::from(Bytes::from(body.to_string())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
