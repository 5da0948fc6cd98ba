//! `cargo xtask bench --serve`: `eventlint serve` under an HTTP load generator on loopback.
//!
//! The load generator is `wrk` (Debian's package; `apt-get install wrk`), a real one written by
//! other people: it keeps N connections busy for a fixed time and reports the requests done and
//! the latency distribution (its Lua `done` hook prints them for us). Each workload (a request
//! of a vendor, valid or not) runs at 1, 16 and 64 connections against `eventlint serve` (the
//! checks, the journal, the request log) and against the same binary with `--bare` (the same
//! HTTP stack answering 202 once the body is read, checking nothing): the limit on this
//! machine. A last run sends about a million requests and samples the server's resident memory
//! as they go, and then checks the request log: one whole line per request answered.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// A valid Synerise JWT (as the fixtures carry: HS512, a workspace token).
const SYNERISE_JWT: &str = "Bearer eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiI2N2FhYmQ5YjA1ZTQxNmI3NjEzYmQ2OGQiLCJhdWQiOiJBUEkiLCJyb2xlIjoiV09SS1NQQUNFIn0.bWVtYmVyc2hpcHNpZ25hdHVyZWZvcmV2ZW50bGludGZpeHR1cmVz";
const SIGV4: &str = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251231/us-east-1/personalize/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

/// One kind of request sent over and over.
struct Workload {
    name: &'static str,
    path: &'static str,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    /// The status `eventlint serve` answers it with.
    status: u16,
}

const WORKLOADS: &[Workload] = &[
    Workload {
        name: "Synerise custom event, valid",
        path: "/v4/events/custom",
        headers: &[
            ("Content-Type", "application/json"),
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        body: r#"{"action": "dog.bark", "client": {"id": 5092159999}, "time": "2022-11-28T12:18:27Z", "params": {"loudness": 3}, "label": "bark"}"#,
        status: 202,
    },
    Workload {
        name: "Synerise custom event, invalid",
        path: "/v4/events/custom",
        headers: &[
            ("Content-Type", "application/json"),
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        body: r#"{"action": "dog bark", "client": {"id": 5092159999}, "time": "2022-11-28T12:18:27Z", "params": {"loudness": 3}, "label": ""}"#,
        status: 400,
    },
    Workload {
        name: "Personalize PutEvents, valid",
        path: "/events",
        headers: &[
            ("Content-Type", "application/json"),
            ("X-Amz-Date", "20251231T230000Z"),
            ("Authorization", SIGV4),
        ],
        body: r#"{"trackingId":"89d06d7a-365f-596f-97b4-f0eba7e8e063","sessionId":"session-1","eventList":[{"eventType":"view","sentAt":1767225600,"itemId":"entry-1042"}]}"#,
        status: 200,
    },
    Workload {
        name: "Personalize PutEvents, invalid",
        path: "/events",
        headers: &[
            ("Content-Type", "application/json"),
            ("X-Amz-Date", "20251231T230000Z"),
            ("Authorization", SIGV4),
        ],
        body: r#"{"trackingId":"89d06d7a-365f-596f-97b4-f0eba7e8e063","sessionId":"session-1","eventList":[]}"#,
        status: 400,
    },
];

const CONNECTIONS: [u32; 3] = [1, 16, 64];

/// What one `wrk` run measured.
#[derive(Debug, Clone, Copy)]
struct Load {
    requests: u64,
    seconds: f64,
    p50_ms: f64,
    p99_ms: f64,
    /// Answers whose status was not 2xx or 3xx.
    status_errors: u64,
    /// Connect, read, write errors and timeouts.
    socket_errors: u64,
}

impl Load {
    fn rps(&self) -> f64 {
        self.requests as f64 / self.seconds.max(1e-9)
    }
}

/// A running `eventlint serve`, stopped (SIGTERM, then killed) when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(eventlint: &Path, extra: &[&str]) -> Result<Server> {
        let mut child = Command::new(eventlint)
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--no-config",
                "--now",
                "2026-01-01T00:00:00Z",
                "--max-connections",
                "256",
            ])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {}", eventlint.display()))?;
        let stdout = child.stdout.take().context("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("unexpected first line from serve: {line:?}"))?
            .to_owned();
        Ok(Server { child, url })
    }

    /// The server's resident memory now, in KiB (`VmRSS`).
    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// SIGTERM, and the exit status within 10 s.
    fn stop(mut self) -> Result<std::process::ExitStatus> {
        terminate(&self.child);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                bail!("eventlint serve did not stop within 10 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn terminate(child: &Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
}

/// The Lua script that makes `wrk` send `workload` and print what it measured on one line.
fn script(workload: &Workload, dir: &Path, index: usize) -> Result<PathBuf> {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut lua = String::from("wrk.method = \"POST\"\n");
    let _ = writeln!(lua, "wrk.body = {}", quote(workload.body));
    for (name, value) in workload.headers {
        let _ = writeln!(lua, "wrk.headers[{}] = {}", quote(name), quote(value));
    }
    // No `response` hook: with one, wrk reads every body in Lua and slows itself down. A status
    // that is not 2xx or 3xx is counted in `errors.status`.
    lua.push_str(
        "done = function(summary, latency, requests)\n  \
         local e = summary.errors\n  \
         io.write(string.format(\"EVENTLINT-BENCH %d %d %.1f %.1f %d %d\\n\", summary.requests, \
         summary.duration, latency:percentile(50), latency:percentile(99), e.status, \
         e.connect + e.read + e.write + e.timeout))\n\
         end\n",
    );
    let path = dir.join(format!("bench-serve-{index}.lua"));
    std::fs::write(&path, lua)?;
    Ok(path)
}

/// `wrk` with `connections` connections for `seconds` against `url` with `script`.
fn wrk(url: &str, path: &str, script: &Path, connections: u32, seconds: u32) -> Result<Load> {
    let threads = connections.min(2);
    let output = Command::new("wrk")
        .args([
            "-t",
            &threads.to_string(),
            "-c",
            &connections.to_string(),
            "-d",
            &format!("{seconds}s"),
            "--timeout",
            "5s",
            "-s",
        ])
        .arg(script)
        .arg(format!("{url}{path}"))
        .output()
        .context("cannot run `wrk` (apt-get install wrk)")?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("EVENTLINT-BENCH "))
        .with_context(|| format!("wrk printed no result: {text}"))?;
    let fields: Vec<&str> = line.split_whitespace().collect();
    let [requests, micros, p50, p99, status_errors, socket_errors] = fields[..] else {
        bail!("wrk's result line `{line}`");
    };
    let int = |v: &str| -> Result<u64> { v.parse().with_context(|| format!("`{line}`")) };
    let float = |v: &str| -> Result<f64> { v.parse().with_context(|| format!("`{line}`")) };
    let (requests, micros, p50, p99) = (int(requests)?, int(micros)?, float(p50)?, float(p99)?);
    let (status_errors, socket_errors) = (int(status_errors)?, int(socket_errors)?);
    Ok(Load {
        requests,
        seconds: micros as f64 / 1e6,
        p50_ms: p50 / 1000.0,
        p99_ms: p99 / 1000.0,
        status_errors,
        socket_errors,
    })
}

/// The statuses of one request of `workload`, sent with curl: to check the answer expected.
fn status_of(url: &str, workload: &Workload) -> Result<u16> {
    let mut cmd = Command::new("curl");
    cmd.args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST"]);
    for (name, value) in workload.headers {
        cmd.args(["-H", &format!("{name}: {value}")]);
    }
    cmd.args(["--data-binary", workload.body])
        .arg(format!("{url}{}", workload.path));
    let out = cmd.output().context("cannot run curl")?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().parse()?)
}

/// `cargo xtask bench --serve`.
pub fn run(root: &Path, seconds: u32, million: u64) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .args(["build", "--release", "-p", "eventlint"])
        .current_dir(root)
        .status()?;
    if !status.success() {
        bail!("release build failed");
    }
    let target = root.join("target");
    let eventlint = target.join("release/eventlint");
    let scripts: Vec<PathBuf> = WORKLOADS
        .iter()
        .enumerate()
        .map(|(i, w)| script(w, &target, i))
        .collect::<Result<_>>()?;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "`eventlint serve` under `wrk` on loopback, {seconds} s a run; `bare`: the same binary with \
         `--bare` (the same HTTP stack, 202 once the body is read, nothing checked).\n"
    );
    let _ = writeln!(
        out,
        "| workload | connections | serve req/s | bare req/s | ratio | serve p50 | serve p99 | bare p99 | serve RSS |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut worst_ratio = f64::INFINITY;
    let mut p99_16 = 0.0_f64;
    for (workload, script) in WORKLOADS.iter().zip(&scripts) {
        for connections in CONNECTIONS {
            let serve = Server::start(&eventlint, &[])?;
            let answered = status_of(&serve.url, workload)?;
            if answered != workload.status {
                bail!(
                    "{}: eventlint serve answered {answered}, expected {}",
                    workload.name,
                    workload.status
                );
            }
            let checked = wrk(&serve.url, workload.path, script, connections, seconds)?;
            let rss = serve.rss_kib().unwrap_or(0);
            stopped(serve)?;
            let bare = Server::start(&eventlint, &["--bare"])?;
            let limit = wrk(&bare.url, workload.path, script, connections, seconds)?;
            stopped(bare)?;
            // Every answer has the status expected (wrk counts 4xx as `errors.status`), and no
            // connection failed.
            let expected = if workload.status >= 400 {
                checked.requests
            } else {
                0
            };
            if checked.status_errors != expected || checked.socket_errors > 0 {
                bail!(
                    "{} at {connections} connections: {} answers of an unexpected status, {} \
                     socket errors, of {}",
                    workload.name,
                    checked.status_errors.abs_diff(expected),
                    checked.socket_errors,
                    checked.requests
                );
            }
            let ratio = checked.rps() / limit.rps().max(1e-9);
            worst_ratio = worst_ratio.min(ratio);
            if connections == 16 {
                p99_16 = p99_16.max(checked.p99_ms);
            }
            let _ = writeln!(
                out,
                "| {} | {connections} | {:.0} | {:.0} | {ratio:.2} | {:.2} ms | {:.2} ms | {:.2} ms | {:.1} MiB |",
                workload.name,
                checked.rps(),
                limit.rps(),
                checked.p50_ms,
                checked.p99_ms,
                limit.p99_ms,
                rss as f64 / 1024.0
            );
            println!("done: {} at {connections} connections", workload.name);
        }
    }
    let _ = writeln!(
        out,
        "\nLowest throughput ratio to the bare server: {worst_ratio:.2}; highest p99 at 16 \
         connections: {p99_16:.2} ms."
    );
    out.push_str(&memory_run(&eventlint, &target, &scripts, million)?);
    println!("\n{out}");
    let report = target.join("bench-serve.md");
    std::fs::write(&report, &out)?;
    println!("(written to {})", report.display());
    Ok(())
}

/// About `million` requests (valid and invalid Synerise events, 16 connections) with the request
/// log on: the server's memory sampled as they go, then the log checked line by line against
/// the count of requests the server answered; then SIGTERM in the middle of a load.
fn memory_run(
    eventlint: &Path,
    target: &Path,
    scripts: &[PathBuf],
    million: u64,
) -> Result<String> {
    let log = target.join("bench-serve.requests.ndjson");
    let _ = std::fs::remove_file(&log);
    let log_arg = log.to_string_lossy().into_owned();
    let serve = Server::start(eventlint, &["--log", &log_arg])?;
    let mut samples = Vec::new();
    let mut sent = 0_u64;
    let started = Instant::now();
    let mut round = 0;
    while sent < million {
        let script = &scripts[round % 2];
        let load = wrk(&serve.url, WORKLOADS[round % 2].path, script, 16, 5)?;
        sent += load.requests;
        round += 1;
        samples.push((sent, serve.rss_kib().unwrap_or(0)));
    }
    let elapsed = started.elapsed().as_secs_f64();
    let summary = Command::new("curl")
        .args(["-s", &format!("{}/_eventlint/summary", serve.url)])
        .output()?;
    let summary: serde_json::Value = serde_json::from_slice(&summary.stdout)?;
    let answered =
        summary["requests"].as_u64().unwrap_or(0) + summary["dropped"].as_u64().unwrap_or(0);
    let status = serve.stop()?;
    let lines = whole_lines(&log)?;
    let mut out = String::new();
    let first = samples.first().map_or(0, |s| s.1);
    let peak = samples.iter().map(|s| s.1).max().unwrap_or(0);
    let last = samples.last().map_or(0, |s| s.1);
    let _ = writeln!(
        out,
        "\nMemory over {sent} requests ({elapsed:.0} s, 16 connections, valid and invalid Synerise \
         events in turns, `--log` on): resident {:.1} MiB after the first {} requests, {:.1} MiB at \
         the end, peak {:.1} MiB (the journal keeps the newest 10,000).",
        first as f64 / 1024.0,
        samples.first().map_or(0, |s| s.0),
        last as f64 / 1024.0,
        peak as f64 / 1024.0,
    );
    let samples_text: Vec<String> = samples
        .iter()
        .map(|(n, kib)| format!("{}k: {:.1}", n / 1000, *kib as f64 / 1024.0))
        .collect();
    let _ = writeln!(out, "Samples (requests: MiB): {}.", samples_text.join(", "));
    let _ = writeln!(
        out,
        "The log: {lines} whole lines for {answered} requests answered (the server's own count); \
         after SIGTERM, {status}."
    );
    if lines != answered {
        bail!("the log has {lines} lines for {answered} requests answered");
    }

    // SIGTERM in the middle of a load: the server exits 0 and the log holds whole lines only.
    let _ = std::fs::remove_file(&log);
    let serve = Server::start(eventlint, &["--log", &log_arg])?;
    let url = serve.url.clone();
    let script = scripts[0].clone();
    let load = std::thread::spawn(move || wrk(&url, WORKLOADS[0].path, &script, 64, 4));
    std::thread::sleep(Duration::from_secs(2));
    let status = serve.stop()?;
    let _ = load.join();
    let lines = whole_lines(&log)?;
    let _ = writeln!(
        out,
        "SIGTERM after 2 s of a 64-connection load: {status}, {lines} whole lines in the log, \
         none cut."
    );
    if !status.success() {
        bail!("serve exited with {status} on SIGTERM under load");
    }
    Ok(out)
}

/// Stops `server`, which must exit 0.
fn stopped(server: Server) -> Result<()> {
    let status = server.stop()?;
    if !status.success() {
        bail!("eventlint serve exited with {status} on SIGTERM");
    }
    Ok(())
}

/// The lines of a request log, each a whole JSON object; an error on a half line.
fn whole_lines(log: &Path) -> Result<u64> {
    let text = std::fs::read_to_string(log)?;
    if !text.is_empty() && !text.ends_with('\n') {
        bail!("the log ends in the middle of a line");
    }
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        serde_json::from_str::<serde_json::Value>(line)
            .with_context(|| format!("line {} of the log is not whole JSON", i + 1))?;
        n += 1;
    }
    Ok(n)
}
