//! The command line of `eventlint serve`: its flags, the options and configuration they make,
//! and the sizes and durations they take.

use std::collections::HashMap;
use std::ffi::OsString;
use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::Args;
use eventlint_core::CheckOptions;
use eventlint_core::config::FileSettings;

use crate::Format;
use crate::project::{LoadError, Projects};

/// The port `serve` listens on unless `--bind` says otherwise.
pub(crate) const DEFAULT_PORT: u16 = 7313;

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is one command-line switch
#[command(after_long_help = "\
Point the application's vendor base URL at the address printed first (`listening on
http://127.0.0.1:7313`): every request to a vendor's endpoint path is checked as `eventlint check`
checks a request file, and answered as the vendor documents (its success, or its error with a
message naming the field and the rule). Every response carries X-Eventlint-Request-Id,
X-Eventlint-Verdict (pass or fail) and X-Eventlint-Findings.

The server's root (http://127.0.0.1:7313/) is a live page of the requests received, their
headers (credentials masked) and bodies with each finding marked, and the rules' documentation.

Inspection (JSON) under /_eventlint/: GET requests, GET requests/ID, GET wait?count=N&timeout_ms=MS,
GET summary, POST reset, GET health, GET events (server-sent events), GET rules/RULE; filters
verdict, vendor, kind, rule, session and since (a request id or an RFC 3339 time). The
X-Eventlint-Session header isolates parallel tests' requests.

As a CI gate: with --format/--output, --exit-after, --idle-timeout or a command after --, serve
stops by itself, writes the reports `eventlint check` writes for the request log (--log FILE, or a
temporary one), and exits 1 if any request failed (with a command: the worse of its status and
that). For example:

  eventlint serve --format sarif --output serve.sarif -- sh -c 'API_URL=$EVENTLINT_URL npm test'

Without them it runs until Ctrl-C or SIGTERM, and exits 0.")]
pub(crate) struct ServeArgs {
    /// The address to listen on; port 0 picks a free port (the first line printed says which).
    #[arg(long, value_name = "ADDR:PORT", default_value_t = SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT)))]
    pub(super) bind: SocketAddr,
    /// The clock time rules compare against (RFC 3339). Default: `now` in eventlint.toml, else
    /// the system clock when each request arrives.
    #[arg(long, value_name = "RFC3339")]
    pub(super) now: Option<String>,
    /// The configuration file. Default: the nearest eventlint.toml from the current directory
    /// upward (its `now`, `future-tolerance`, `deny-warnings` and top-level [rules]).
    #[arg(long, value_name = "FILE")]
    pub(super) config: Option<PathBuf>,
    /// Ignore any eventlint.toml.
    #[arg(long, conflicts_with = "config")]
    pub(super) no_config: bool,
    /// Check only these rules (as `check --select`).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub(super) select: Vec<String>,
    /// Do not check these rules (as `check --ignore`).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub(super) ignore: Vec<String>,
    /// Report a rule at LEVEL (as `check --severity`).
    #[arg(long, value_name = "RULE=LEVEL")]
    pub(super) severity: Vec<String>,
    /// Warnings also make a request's verdict `fail` (the vendor's answer is still a success).
    #[arg(long)]
    pub(super) deny_warnings: bool,
    /// Answer every request with the vendor's success; still check and record it.
    #[arg(long)]
    pub(super) accept_all: bool,
    /// For `cargo xtask bench --serve` only: answer every request 202 with no body once its body
    /// is read, checking and recording nothing: the same HTTP stack without eventlint, the
    /// benchmark's limit on this machine.
    #[arg(long, hide = true)]
    pub(super) bare: bool,
    /// Append every request received to FILE as eventlint's request log (one JSON line each,
    /// credentials masked, with its id, time, session, verdict and status), which `eventlint
    /// check FILE` checks again. Name it *.requests.ndjson.
    #[arg(long, value_name = "FILE", alias = "journal")]
    pub(super) log: Option<PathBuf>,
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
    pub(super) exit_after: Option<std::num::NonZeroU64>,
    /// Stop when no request came for DURATION (`30s`, `500ms`, `2m`), write the reports, and
    /// exit 1 if any failed.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub(super) idle_timeout: Option<Duration>,
    /// The largest request body read; a larger one is answered 413 in the vendor's error shape.
    /// BYTES, or with KiB or MiB.
    #[arg(long, value_name = "BYTES", default_value = "16MiB", value_parser = parse_bytes)]
    pub(super) body_limit: usize,
    /// How long a client has to send a request's head, and again its body; a slower one is cut
    /// off (its body: answered 408).
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub(super) read_timeout: Duration,
    /// The most connections served at once; more wait to be accepted. Memory stays bounded:
    /// at most N bodies of --body-limit bytes are read at a time.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONNECTIONS)]
    pub(super) max_connections: NonZeroUsize,
    #[allow(clippy::doc_markdown)] // the doc comment is the --help text: no backticks
    /// Run COMMAND with EVENTLINT_URL=http://ADDR:PORT in its environment, stop when it exits,
    /// write the reports, and exit with the worse of its status and the requests' verdict.
    #[arg(last = true, value_name = "COMMAND")]
    pub(super) command: Vec<OsString>,
}

/// `--max-connections` unless given: with the default `--body-limit`, at most 1 GiB of bodies.
pub(super) const DEFAULT_CONNECTIONS: NonZeroUsize = NonZeroUsize::MIN.saturating_add(63);

/// How long answers in flight get to finish once the server stops.
pub(super) const GRACE: Duration = Duration::from_secs(5);

impl ServeArgs {
    /// Whether the run is a gate: it writes reports when it stops and exits 1 when a request
    /// failed (a report flag, a way to stop by itself, or a command).
    pub(super) fn is_gate(&self) -> bool {
        !self.format.is_empty()
            || !self.output.is_empty()
            || self.exit_after.is_some()
            || self.idle_timeout.is_some()
            || !self.command.is_empty()
    }
}

/// `30s`, `500ms`, `2m`, `1h`, or a number of seconds.
pub(super) fn parse_duration(text: &str) -> Result<Duration, String> {
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
pub(super) fn parse_bytes(text: &str) -> Result<usize, String> {
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

/// The options from the flags and the configuration (as `check` makes them for stdin), and the
/// configuration file read, if any.
pub(super) type Options = (CheckOptions, Option<DateTime<Utc>>, bool, Option<String>);

pub(super) fn options(args: &ServeArgs) -> Result<Options, String> {
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

/// A size as `--body-limit` takes it (`16MiB`, `512KiB`, `1000`).
pub(super) fn shown_size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{}MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{}KiB", bytes >> 10)
    } else {
        bytes.to_string()
    }
}

/// A duration as a person writes it (`30s`, `1.5s`, `250ms`).
pub(super) fn humane(duration: Duration) -> String {
    if duration.subsec_nanos() == 0 {
        format!("{}s", duration.as_secs())
    } else if duration < Duration::from_secs(1) {
        format!("{}ms", duration.as_millis())
    } else {
        format!("{:.1}s", duration.as_secs_f64())
    }
}
