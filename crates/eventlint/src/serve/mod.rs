//! `eventlint serve`: a local endpoint at the vendors' paths that checks every request an
//! application really sends (`check_request`, the checks of `eventlint check`), answers as the
//! vendor documents (`answer`), and keeps a journal of what it received (`journal`) that the
//! inspection API under `/_eventlint/` shows (`api`).

mod answer;
mod api;
mod args;
mod command;
mod journal;
mod page;
mod request;

use std::ffi::OsString;
use std::fs::File;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use eventlint_core::CheckOptions;

use crate::Format;
pub(crate) use args::ServeArgs;
use args::{GRACE, options};
use journal::Journal;
use request::vendor_request;

/// Everything a request handler needs.
#[derive(Debug)]
struct Server {
    /// The options of every check, but for the clock when `now` is `None`.
    options: CheckOptions,
    /// `--now` or the configuration's `now`: `None` reads the clock per request.
    now: Option<DateTime<Utc>>,
    deny_warnings: bool,
    accept_all: bool,
    /// `--bare`: read the body, answer 202, nothing else.
    bare: bool,
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
        bare: args.bare,
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
