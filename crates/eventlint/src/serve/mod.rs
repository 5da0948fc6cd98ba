//! `eventlint serve`: a local endpoint at the vendors' paths that checks every request an
//! application really sends (`check_request`, the checks of `eventlint check`), answers as the
//! vendor documents (`answer`), and keeps a journal of what it received (`journal`) that the
//! inspection API under `/_eventlint/` shows (`api`).

mod answer;
mod api;
mod command;
mod journal;
mod page;

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs::File;
use std::io::Write as _;
use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

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

use crate::Format;
use crate::project::{LoadError, Projects};
use answer::Answer;
use journal::{Journal, Record, Verdict};

/// The port `serve` listens on unless `--bind` says otherwise.
pub(crate) const DEFAULT_PORT: u16 = 7313;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Point the application's vendor base URL at the address printed first (`listening on
http://127.0.0.1:7313`): every request to a vendor's endpoint path is checked as `eventlint check`
checks a request file, and answered as the vendor documents (its success, or its error with a
message naming the field and the rule). Every response carries X-Eventlint-Request-Id,
X-Eventlint-Verdict (pass or fail) and X-Eventlint-Findings.

Inspection (JSON) under /_eventlint/: GET requests, GET wait?count=N&timeout_ms=MS, GET summary,
POST reset, GET health; filters verdict, vendor, kind, rule, session and since (a request id or
an RFC 3339 time). The X-Eventlint-Session header isolates parallel tests' requests.

As a CI gate: with --format/--output, --exit-after, --idle-timeout or a command after --, serve
stops by itself, writes the reports `eventlint check` writes for the request log (--log FILE, or a
temporary one), and exits 1 if any request failed (with a command: the worse of its status and
that). For example:

  eventlint serve --format sarif --output serve.sarif -- sh -c 'API_URL=$EVENTLINT_URL npm test'

Without them it runs until Ctrl-C or SIGTERM, and exits 0.")]
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
    /// Append every request received to FILE as eventlint's request log (one JSON line each,
    /// credentials masked, with its id, time, session, verdict and status), which `eventlint
    /// check FILE` checks again. Name it *.requests.ndjson.
    #[arg(long, value_name = "FILE", alias = "journal")]
    log: Option<PathBuf>,
    /// Report format of the reports written when the server stops (as `check --format`):
    /// every request received, checked again from the log; repeat it for several reports.
    /// Given, `serve` exits 1 when a request failed.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) format: Vec<Format>,
    /// Write the report of the --format just before it to FILE (as `check --output`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Vec<PathBuf>,
    /// Stop after N requests to vendor paths are answered, write the reports, and exit 1 if
    /// any failed.
    #[arg(long, value_name = "N")]
    exit_after: Option<std::num::NonZeroU64>,
    /// Stop when no request came for DURATION (`30s`, `500ms`, `2m`), write the reports, and
    /// exit 1 if any failed.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    idle_timeout: Option<Duration>,
    /// The largest request body read; a larger one is answered 413 in the vendor's error shape.
    /// BYTES, or with KiB or MiB.
    #[arg(long, value_name = "BYTES", default_value = "16MiB", value_parser = parse_bytes)]
    body_limit: usize,
    /// How long a client has to send a request's head, and again its body; a slower one is cut
    /// off (its body: answered 408).
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    read_timeout: Duration,
    /// The most connections served at once; more wait to be accepted. Memory stays bounded:
    /// at most N bodies of --body-limit bytes are read at a time.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONNECTIONS)]
    max_connections: NonZeroUsize,
    #[allow(clippy::doc_markdown)] // the doc comment is the --help text: no backticks
    /// Run COMMAND with EVENTLINT_URL=http://ADDR:PORT in its environment, stop when it exits,
    /// write the reports, and exit with the worse of its status and the requests' verdict.
    #[arg(last = true, value_name = "COMMAND")]
    command: Vec<OsString>,
}

/// `--max-connections` unless given: with the default `--body-limit`, at most 1 GiB of bodies.
const DEFAULT_CONNECTIONS: NonZeroUsize = NonZeroUsize::MIN.saturating_add(63);

/// How long answers in flight get to finish once the server stops.
const GRACE: Duration = Duration::from_secs(5);

impl ServeArgs {
    /// Whether the run is a gate: it writes reports when it stops and exits 1 when a request
    /// failed (a report flag, a way to stop by itself, or a command).
    fn is_gate(&self) -> bool {
        !self.format.is_empty()
            || !self.output.is_empty()
            || self.exit_after.is_some()
            || self.idle_timeout.is_some()
            || !self.command.is_empty()
    }
}

/// `30s`, `500ms`, `2m`, `1h`, or a number of seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration (e.g. 30s, 500ms, 2m)"))?;
    let seconds = match unit.trim() {
        "" | "s" => number,
        "ms" => number / 1000.0,
        "m" | "min" => number * 60.0,
        "h" => number * 3600.0,
        other => {
            return Err(format!(
                "`{other}` is not a unit of time: ms, s, m or h (e.g. 30s)"
            ));
        }
    };
    Duration::try_from_secs_f64(seconds).map_err(|err| format!("`{text}`: {err}"))
}

/// `1048576`, `512KiB`, `16MiB`.
fn parse_bytes(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: usize = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size (e.g. 1048576, 512KiB, 16MiB)"))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kib" | "k" => 1 << 10,
        "mib" | "m" => 1 << 20,
        "gib" | "g" => 1 << 30,
        other => return Err(format!("`{other}` is not a unit of size: KiB, MiB or GiB")),
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("`{text}` is too large"))
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
    /// The log file (`--log`), opened to append: each line is one `write_all`.
    log: Option<Mutex<File>>,
    /// The id of the last request recorded, for `wait`.
    recorded: tokio::sync::watch::Sender<u64>,
    /// Set once the server is to stop (a signal, `--exit-after`, `--idle-timeout`, the
    /// command's end): it accepts no more connections and finishes the answers in flight.
    stop: tokio::sync::watch::Sender<bool>,
    /// Vendor requests answered, and those that failed (the journal may drop or forget some).
    answered: AtomicU64,
    failed: AtomicU64,
    exit_after: Option<u64>,
    body_limit: usize,
    read_timeout: Duration,
    /// Requests being answered, and when the last one came or went (`--idle-timeout`).
    in_flight: AtomicUsize,
    last_activity: Mutex<Instant>,
}

/// The options from the flags and the configuration (as `check` makes them for stdin), and the
/// configuration file read, if any.
type Options = (CheckOptions, Option<DateTime<Utc>>, bool, Option<String>);

fn options(args: &ServeArgs) -> Result<Options, String> {
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
    let mut config_file = None;
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
            config_file = Some(project.shown.clone());
        }
    }
    Ok((options, now, deny_warnings, config_file))
}

/// `eventlint serve`: `format_at` and `output_at` are where each `--format` and `--output`
/// stood on the command line (an `--output` belongs to the `--format` before it).
pub(crate) fn run(args: &ServeArgs, format_at: &[usize], output_at: &[usize]) -> ExitCode {
    let (options, now, deny_warnings, config_file) = match options(args) {
        Ok(options) => options,
        Err(message) => return crate::fail(&message),
    };
    let reports = Reports::new(args, format_at, output_at, config_file);
    if args.is_gate() {
        // Bad report flags are said now, not after the run.
        let formats: Vec<(usize, Format)> = format_at
            .iter()
            .copied()
            .zip(args.format.iter().copied())
            .collect();
        let outputs: Vec<(usize, &Path)> = output_at
            .iter()
            .copied()
            .zip(args.output.iter().map(PathBuf::as_path))
            .collect();
        if let Err(message) = crate::output::plan(&formats, &outputs)
            .and_then(|reports| crate::output::distinct(&reports))
        {
            return crate::fail(&message);
        }
    }
    // A gate without --log logs to a temporary file, for the reports, removed at the end.
    let temporary = match (&args.log, args.is_gate()) {
        (None, true) => match tempfile::Builder::new()
            .prefix("eventlint-serve-")
            .suffix(".requests.ndjson")
            .tempfile()
        {
            Ok(file) => Some(file),
            Err(err) => {
                return crate::fail(&format!("cannot create a temporary request log: {err}"));
            }
        },
        _ => None,
    };
    let log_path = args
        .log
        .clone()
        .or_else(|| temporary.as_ref().map(|t| t.path().to_path_buf()));
    let log = match &log_path {
        None => None,
        Some(path) => match std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            Ok(file) => Some(Mutex::new(file)),
            Err(err) => {
                return crate::fail(&format!("cannot open the log `{}`: {err}", path.display()));
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
        stop: tokio::sync::watch::Sender::new(false),
        answered: AtomicU64::new(0),
        failed: AtomicU64::new(0),
        exit_after: args.exit_after.map(std::num::NonZeroU64::get),
        body_limit: args.body_limit,
        read_timeout: args.read_timeout,
        in_flight: AtomicUsize::new(0),
        last_activity: Mutex::new(Instant::now()),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return crate::fail(&format!("cannot start the server's runtime: {err}")),
    };
    let limits = Limits {
        connections: args.max_connections.get(),
        idle: args.idle_timeout,
    };
    let outcome = runtime.block_on(serve(args.bind, Arc::clone(&server), limits, &args.command));
    // Answers still in flight past the grace period are dropped with the runtime.
    runtime.shutdown_timeout(Duration::from_millis(100));
    server.sync_log();
    let command = match outcome {
        Ok(command) => command,
        Err(message) => return crate::fail(&message),
    };
    if !args.is_gate() {
        return ExitCode::SUCCESS;
    }
    let failed = server.failed.load(Ordering::SeqCst);
    let answered = server.answered.load(Ordering::SeqCst);
    eprintln!(
        "eventlint: serve: {answered} request{} answered, {failed} failed",
        if answered == 1 { "" } else { "s" }
    );
    let checked = match &log_path {
        Some(path) => reports.write(path),
        None => 0,
    };
    drop(temporary);
    let verdict = u8::from(failed > 0);
    ExitCode::from(checked.max(verdict).max(command.unwrap_or(0)))
}

/// How `serve` bounds its connections, and when it stops by itself.
#[derive(Debug, Clone, Copy)]
struct Limits {
    connections: usize,
    idle: Option<Duration>,
}

/// The reports of a gate: `eventlint check` over the request log, with serve's flags.
#[derive(Debug)]
struct Reports {
    /// The arguments of `check` before the log's path.
    args: Vec<OsString>,
}

impl Reports {
    fn new(
        args: &ServeArgs,
        format_at: &[usize],
        output_at: &[usize],
        config_file: Option<String>,
    ) -> Reports {
        let mut flags: Vec<(usize, OsString, OsString)> = Vec::new();
        for (at, format) in format_at.iter().zip(&args.format) {
            let name = clap::ValueEnum::to_possible_value(format)
                .map_or_else(String::new, |v| v.get_name().to_owned());
            flags.push((*at, "--format".into(), name.into()));
        }
        for (at, output) in output_at.iter().zip(&args.output) {
            flags.push((*at, "--output".into(), output.clone().into_os_string()));
        }
        flags.sort_by_key(|(at, _, _)| *at);
        let mut check: Vec<OsString> = vec!["--input-format".into(), "requests".into()];
        for (_, flag, value) in flags {
            check.push(flag);
            check.push(value);
        }
        if let Some(now) = &args.now {
            check.push("--now".into());
            check.push(now.into());
        }
        // The configuration serve read (check would look for one beside a temporary log).
        match config_file {
            Some(file) => {
                check.push("--config".into());
                check.push(file.into());
            }
            None => check.push("--no-config".into()),
        }
        for (flag, values) in [
            ("--select", &args.select),
            ("--ignore", &args.ignore),
            ("--severity", &args.severity),
        ] {
            for value in values {
                check.push(flag.into());
                check.push(value.into());
            }
        }
        if args.deny_warnings {
            check.push("--deny-warnings".into());
        }
        // No request at all is a clean run, not a run that checked nothing.
        check.push("--allow-empty".into());
        Reports { args: check }
    }

    /// Runs `check` over the log at `path`: its exit status.
    fn write(&self, path: &Path) -> u8 {
        let mut args = self.args.clone();
        args.push("--".into());
        args.push(path.as_os_str().to_owned());
        crate::check_in_process(&args)
    }
}

async fn serve(
    bind: SocketAddr,
    server: Arc<Server>,
    limits: Limits,
    command: &[OsString],
) -> Result<Option<u8>, String> {
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
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&server),
            activity,
        ))
        .with_state(Arc::clone(&server));

    // What stops the server: a signal, the idle timeout, the command's end (`--exit-after`
    // is counted as requests are answered).
    let signals = {
        let server = Arc::clone(&server);
        tokio::spawn(async move {
            stopped().await;
            server.stop.send_replace(true);
        })
    };
    let idle = limits.idle.map(|idle| {
        let server = Arc::clone(&server);
        tokio::spawn(async move { server.stop_when_idle(idle).await })
    });
    let child = if command.is_empty() {
        None
    } else {
        Some(command::spawn(command, address, Arc::clone(&server))?)
    };

    accept(listener, app, &server, limits.connections).await;
    signals.abort();
    if let Some(idle) = idle {
        idle.abort();
    }
    match child {
        None => Ok(None),
        Some(child) => child
            .await
            .map_err(|err| format!("the command's watcher failed: {err}"))
            .map(Some),
    }
}

/// Serves the connections `listener` accepts, at most `connections` at once, until the server
/// is to stop; then waits up to [`GRACE`] for the answers in flight.
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    server: &Arc<Server>,
    connections: usize,
) {
    let permits = Arc::new(tokio::sync::Semaphore::new(connections));
    let mut stop = server.stop.subscribe();
    let mut tasks = tokio::task::JoinSet::new();
    loop {
        // A free place first: the connections past the cap wait in the listen queue.
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(err) => {
                    // Out of file descriptors, say: wait a little rather than spin.
                    eprintln!("eventlint: serve: cannot accept a connection: {err}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut stop = server.stop.subscribe();
        let read_timeout = server.read_timeout;
        tasks.spawn(async move {
            let _permit = permit;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(read_timeout);
            let connection =
                builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            let mut stopping = false;
            loop {
                tokio::select! {
                    // A connection's error (a malformed request was answered 400 by hyper, a
                    // client gone) ends that connection only.
                    _ = connection.as_mut() => break,
                    _ = stop.wait_for(|stop| *stop), if !stopping => stopping = true,
                }
                // The answer in flight is finished, then the connection closed.
                connection.as_mut().graceful_shutdown();
            }
        });
        while tasks.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = tokio::time::timeout(GRACE, async { while tasks.join_next().await.is_some() {} }).await;
    tasks.abort_all();
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

/// Counts a request in flight, and when requests come and go (`--idle-timeout`).
async fn activity(
    State(server): State<Arc<Server>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    /// Counts the request out even when its answer is dropped (a client gone).
    struct InFlight(Arc<Server>);
    impl Drop for InFlight {
        fn drop(&mut self) {
            self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
            self.0.touch();
        }
    }
    server.in_flight.fetch_add(1, Ordering::SeqCst);
    server.touch();
    let _in_flight = InFlight(server);
    next.run(request).await
}

/// A size as `--body-limit` takes it (`16MiB`, `512KiB`, `1000`).
fn shown_size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{}MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{}KiB", bytes >> 10)
    } else {
        bytes.to_string()
    }
}

/// A duration as a person writes it (`30s`, `1.5s`, `250ms`).
fn humane(duration: Duration) -> String {
    if duration.subsec_nanos() == 0 {
        format!("{}s", duration.as_secs())
    } else if duration < Duration::from_secs(1) {
        format!("{}ms", duration.as_millis())
    } else {
        format!("{:.1}s", duration.as_secs_f64())
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
                path: target.clone(),
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

    // A body that is not JSON: the vendor's error says where, in the body's own lines.
    let placed: Vec<eventlint_core::Diagnostic> = report
        .diagnostics
        .iter()
        .map(|d| {
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
        })
        .collect();
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
    server.answered(verdict);
    respond(answer, id, verdict, &findings)
}

impl Server {
    /// A request came or went.
    fn touch(&self) {
        *self
            .last_activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Instant::now();
    }

    /// Sets `stop` once no request came or went for `idle` and none is in flight.
    async fn stop_when_idle(&self, idle: Duration) {
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
    fn answered(&self, verdict: Verdict) {
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
    fn record(
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
    fn sync_log(&self) {
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
fn log_line(
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
