//! `eventlint serve` through its binary, over loopback HTTP: each vendor's valid request gets
//! the vendor's success and `pass`, an invalid one the vendor's error naming the field and the
//! rule; sessions isolate; `wait` answers as soon as its count is reached; the journal file is a
//! request log that `eventlint check` checks again to the same findings, its credentials masked;
//! a gate (`--exit-after`, `--idle-timeout`, `-- COMMAND`) stops by itself, writes `check`'s
//! reports and exits 1 when a request failed; large, slow and malformed requests are refused.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use eventlint_tests::cli::{self, NOW};
use serde_json::Value;

/// A running `eventlint serve`, killed when dropped (a failed assertion included).
struct Server {
    child: Child,
    url: String,
    /// The rest of stdout, after the first line.
    rest: Option<JoinHandle<String>>,
}

impl Server {
    /// The port, for raw connections.
    fn address(&self) -> &str {
        self.url.strip_prefix("http://").unwrap()
    }

    /// Sends SIGTERM.
    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits (at most `deadline`: a hang fails the test) for the server to stop by itself:
    /// its exit status and the rest of its stdout.
    fn finish(mut self, deadline: Duration) -> (ExitStatus, String) {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                started.elapsed() < deadline,
                "eventlint serve did not stop within {deadline:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest = self.rest.take().unwrap().join().unwrap();
        (status, rest)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `eventlint serve --bind 127.0.0.1:0 --no-config --now NOW ARGS` in `dir`: loopback only,
/// a free port read from its first line.
fn start_in(dir: &Path, args: &[&str]) -> Server {
    let mut child = Command::new(cli::bin())
        .args(["serve", "--bind", "127.0.0.1:0", NOW])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("eventlint serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut server = Server {
        child,
        url: String::new(),
        rest: None,
    };
    let (tx, rx) = mpsc::channel();
    server.rest = Some(std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        let _ = tx.send(line);
        let mut rest = String::new();
        let _ = reader.read_to_string(&mut rest);
        rest
    }));
    let line = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("serve says where it listens");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("the first line is `listening on URL`, not {line:?}"))
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    server.url = url;
    server
}

fn start(args: &[&str]) -> Server {
    let mut args = args.to_vec();
    args.push("--no-config");
    start_in(&eventlint_tests::root(), &args)
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build(),
    )
}

/// A response: status, headers (lower-case names), body text.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("a JSON body ({e}): {:?}", self.body))
    }

    fn verdict(&self) -> &str {
        self.header("x-eventlint-verdict").expect("a verdict")
    }
}

fn send(
    server: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Reply {
    let uri = format!("{}{path}", server.url);
    let mut builder = ureq::http::Request::builder().method(method).uri(&uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let agent = agent();
    let mut response = match body {
        Some(body) => agent.run(builder.body(body.to_owned()).unwrap()),
        None => agent.run(builder.body(()).unwrap()),
    }
    .unwrap_or_else(|e| panic!("{method} {uri}: {e}"));
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    Reply {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().read_to_string().unwrap(),
    }
}

fn get(server: &Server, path: &str, session: Option<&str>) -> Reply {
    let headers: Vec<(&str, &str)> = session
        .map(|s| vec![("X-Eventlint-Session", s)])
        .unwrap_or_default();
    send(server, "GET", path, &headers, None)
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const SYNERISE_JWT: &str = "Bearer eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiI2N2FhYmQ5YjA1ZTQxNmI3NjEzYmQ2OGQiLCJhdWQiOiJBUEkiLCJyb2xlIjoiV09SS1NQQUNFIn0.bWVtYmVyc2hpcHNpZ25hdHVyZWZvcmV2ZW50bGludGZpeHR1cmVz";
const DOG_BARK: &str = r#"{"action": "dog.bark", "client": {"id": 5092159999}, "time": "2022-11-28T12:18:27Z", "params": {"loudness": 3}, "label": "bark"}"#;
const PUT_EVENTS: &str = r#"{"trackingId": "tid-1", "userId": "u1", "sessionId": "s1", "eventList": [{"eventType": "click", "itemId": "i1", "sentAt": 1767225600}]}"#;
const NEURALENS_KEY: (&str, &str) = (
    "X-Neuralens-API-Key",
    "Bearer 7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c",
);
const GLIA_PATH: &str = "/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events";
const GLIA_ACCEPT: (&str, &str) = ("Accept", "application/vnd.salemove.v1+json");

/// Every response carries the request id, the verdict and a short findings summary.
fn assert_ours(reply: &Reply) {
    let id = reply
        .header("x-eventlint-request-id")
        .expect("a request id");
    assert!(id.parse::<u64>().is_ok(), "{id}");
    let findings = reply.header("x-eventlint-findings").expect("findings");
    assert!(findings.len() <= 200, "{findings}");
}

#[test]
fn synerise_answers_202_or_its_http400_model() {
    let server = start(&[]);
    let ok = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[
            JSON,
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        Some(DOG_BARK),
    );
    assert_eq!(
        (ok.status, ok.body.as_str(), ok.verdict()),
        (202, "", "pass")
    );
    assert_ours(&ok);

    let bad = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[JSON, ("Authorization", SYNERISE_JWT)],
        Some(DOG_BARK),
    );
    assert_eq!((bad.status, bad.verdict()), (400, "fail"));
    assert_ours(&bad);
    assert!(
        bad.header("x-eventlint-findings")
            .unwrap()
            .starts_with("1 error: synerise.event/api-version")
    );
    let body = bad.json();
    assert_eq!(body["status"], 400);
    assert_eq!(body["error"], "Bad Request");
    assert_eq!(body["path"], "/v4/events/custom");
    assert!(body["timestamp"].is_string());
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains("Api-Version") && message.contains("synerise.event/api-version"),
        "{message}"
    );
    assert_eq!(body["errors"][0]["field"], "Api-Version");

    let unauthorized = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[JSON, ("Api-Version", "4.4")],
        Some(DOG_BARK),
    );
    assert_eq!(unauthorized.status, 401);
    assert_eq!(unauthorized.json()["error"], "Unauthorized");
}

#[test]
fn personalize_answers_an_empty_200_or_invalid_input_exception() {
    let server = start(&[]);
    let ok = send(&server, "POST", "/events", &[JSON], Some(PUT_EVENTS));
    assert_eq!(
        (ok.status, ok.body.as_str(), ok.verdict()),
        (200, "", "pass")
    );
    assert_ours(&ok);
    assert!(ok.header("x-amzn-RequestId").is_some());

    let bad = send(
        &server,
        "POST",
        "/events",
        &[JSON],
        Some(r#"{"trackingId": "tid-1", "sessionId": "s1", "eventList": []}"#),
    );
    assert_eq!((bad.status, bad.verdict()), (400, "fail"));
    assert_eq!(
        bad.header("x-amzn-ErrorType"),
        Some("InvalidInputException")
    );
    let message = bad.json()["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("eventList") && message.contains("personalize.put-events/eventlist-size"),
        "{message}"
    );
}

#[test]
fn sajari_answers_an_empty_object_or_a_google_rpc_status() {
    let server = start(&[]);
    let headers = [
        JSON,
        ("Accept", "application/json"),
        ("Account-Id", "1618535966441231024"),
        (
            "Authorization",
            "Basic Y29tLnNlYXJjaGlvLmtleS0xMjM0OmNvbS5zZWFyY2hpby5zZWNyZXQtNTY3OA==",
        ),
    ];
    let ok = send(
        &server,
        "POST",
        "/v4/events:send",
        &headers,
        Some(
            r#"{"name": "click", "token": "eyJxIjoiYzJmN2FkMWItZmVhNS00YWJmIiwiciI6InByb2QtMTAyMyIsInAiOjN9", "weight": 1}"#,
        ),
    );
    assert_eq!((ok.status, ok.verdict()), (200, "pass"), "{}", ok.body);
    assert_eq!(ok.json(), serde_json::json!({}));

    let bad = send(
        &server,
        "POST",
        "/v4/events:send",
        &headers,
        Some(r#"{"name": "click", "weight": 1}"#),
    );
    assert_eq!((bad.status, bad.verdict()), (400, "fail"));
    let body = bad.json();
    assert_eq!(body["code"], 3);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("sajari.send-event/token-required")
    );
    let details = &body["details"][0];
    assert_eq!(
        details["@type"],
        "type.googleapis.com/google.rpc.BadRequest"
    );
    assert!(
        details["field_violations"][0]["description"]
            .as_str()
            .unwrap()
            .contains("token")
    );
}

#[test]
fn neuralens_answers_success_or_failure() {
    let server = start(&[]);
    let headers = [
        JSON,
        NEURALENS_KEY,
        ("X-Neuralens-Application-ID", "shop-au-1"),
    ];
    let ok = send(
        &server,
        "POST",
        "/analytics/event",
        &headers,
        Some(
            r#"{"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}"#,
        ),
    );
    assert_eq!((ok.status, ok.verdict()), (200, "pass"), "{}", ok.body);
    assert_eq!(ok.json()["status"], "success");

    let bad = send(
        &server,
        "POST",
        "/analytics/event",
        &headers,
        Some(
            r#"{"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CARD"}"#,
        ),
    );
    assert_eq!((bad.status, bad.verdict()), (400, "fail"), "{}", bad.body);
    let body = bad.json();
    assert_eq!(body["status"], "failure");
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains("/event") && message.contains("neuralens.event/"),
        "{message}"
    );
}

#[test]
fn glia_answers_an_event_message_or_its_401() {
    let server = start(&[]);
    let ok = send(
        &server,
        "POST",
        GLIA_PATH,
        &[JSON, GLIA_ACCEPT, ("Authorization", "Bearer a1b2c3d4e5")],
        Some(r#"{"message": "Visitor added a product to the cart"}"#),
    );
    assert_eq!((ok.status, ok.verdict()), (200, "pass"), "{}", ok.body);
    let body = ok.json();
    assert_eq!(
        body["engagement_id"],
        "af8c2e16-545d-4f83-9e79-7c5ebc544b1d"
    );
    assert_eq!(body["content"], "Visitor added a product to the cart");
    assert_eq!(body["status"], "sent");
    assert_eq!(body["sender"]["type"], "visitor");
    assert_eq!(body["id"].as_str().unwrap().len(), 36);
    assert!(body["timestamp"].as_str().unwrap().ends_with('Z'));

    let bad = send(
        &server,
        "POST",
        GLIA_PATH,
        &[JSON, GLIA_ACCEPT],
        Some(r#"{"message": "Visitor added a product to the cart"}"#),
    );
    assert_eq!((bad.status, bad.verdict()), (401, "fail"));
    let body = bad.json();
    let message = body["message"].as_str().unwrap();
    assert!(
        message.starts_with("Authorization information missing")
            && message.contains("glia.engagement-event/auth-missing"),
        "{message}"
    );
    assert!(body["debug_message"].is_string());

    let no_message = send(
        &server,
        "POST",
        GLIA_PATH,
        &[JSON, GLIA_ACCEPT, ("Authorization", "Bearer a1b2c3d4e5")],
        Some(r#"{"text": "hello"}"#),
    );
    assert_eq!(no_message.status, 400);
    assert!(
        no_message.json()["message"]
            .as_str()
            .unwrap()
            .contains("glia.engagement-event/message-required")
    );
}

#[test]
fn unknown_paths_and_methods_are_explained() {
    let server = start(&[]);
    let nowhere = send(&server, "POST", "/v4/event/custom", &[JSON], Some("{}"));
    assert_eq!((nowhere.status, nowhere.verdict()), (404, "fail"));
    assert_ours(&nowhere);
    let message = nowhere.json()["message"].as_str().unwrap().to_owned();
    assert!(message.contains("/v4/events/custom"), "{message}");
    assert_eq!(nowhere.json()["nearest"], "/v4/events/custom");

    let method = send(&server, "GET", "/events", &[], None);
    assert_eq!((method.status, method.header("allow")), (405, Some("POST")));
    assert_eq!(method.json()["diagnostics"][0]["rule"], "request/method");

    let ours = get(&server, "/_eventlint/nothing", None);
    assert_eq!(ours.status, 404);
    let filter = get(&server, "/_eventlint/requests?verdit=fail", None);
    assert_eq!(filter.status, 400);
    assert!(
        filter.json()["message"]
            .as_str()
            .unwrap()
            .contains("verdit")
    );
}

#[test]
fn accept_all_answers_success_and_still_records_the_verdict() {
    let server = start(&["--accept-all"]);
    let bad = send(
        &server,
        "POST",
        "/events",
        &[JSON],
        Some(r#"{"trackingId": "tid-1", "sessionId": "s1", "eventList": []}"#),
    );
    assert_eq!((bad.status, bad.verdict()), (200, "fail"));
    let journal = get(&server, "/_eventlint/requests?verdict=fail", None).json();
    assert_eq!(journal["count"], 1);
    assert_eq!(journal["requests"][0]["kind"], "personalize.put-events");
    assert!(
        rules(&journal["requests"][0]["diagnostics"])
            .contains(&"personalize.put-events/eventlist-size".to_owned())
    );
}

#[test]
fn sessions_isolate_requests_summaries_and_resets() {
    let server = start(&[]);
    let synerise = |session: &str, api_version: &str| {
        send(
            &server,
            "POST",
            "/v4/events/custom",
            &[
                JSON,
                ("Api-Version", api_version),
                ("Authorization", SYNERISE_JWT),
                ("X-Eventlint-Session", session),
            ],
            Some(DOG_BARK),
        )
    };
    assert_eq!(synerise("a", "4.4").verdict(), "pass");
    assert_eq!(synerise("a", "4.0").verdict(), "fail");
    assert_eq!(synerise("b", "4.4").verdict(), "pass");

    let a = get(&server, "/_eventlint/requests", Some("a")).json();
    assert_eq!(a["count"], 2);
    assert!(
        a["requests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["session"] == "a")
    );
    let a_fail = get(
        &server,
        "/_eventlint/requests?session=a&verdict=fail&vendor=synerise&kind=synerise.custom-event&rule=synerise.event/api-version",
        None,
    )
    .json();
    assert_eq!(a_fail["count"], 1);
    assert_eq!(a_fail["requests"][0]["verdict"], "fail");
    let since = a["requests"][0]["id"].as_u64().unwrap();
    let after = get(
        &server,
        &format!("/_eventlint/requests?since={since}"),
        None,
    )
    .json();
    assert_eq!(after["count"], 2);

    let summary_b = get(&server, "/_eventlint/summary", Some("b")).json();
    assert_eq!(
        (summary_b["requests"].as_u64(), summary_b["pass"].as_u64()),
        (Some(1), Some(1))
    );
    let summary = get(&server, "/_eventlint/summary", None).json();
    assert_eq!(summary["requests"], 3);
    assert_eq!(summary["by_rule"]["synerise.event/api-version"], 1);

    let reset = send(
        &server,
        "POST",
        "/_eventlint/reset",
        &[("X-Eventlint-Session", "b")],
        None,
    );
    assert_eq!(reset.json()["removed"], 1);
    assert_eq!(
        get(&server, "/_eventlint/requests", Some("a")).json()["count"],
        2
    );
    assert_eq!(
        get(&server, "/_eventlint/requests", Some("b")).json()["count"],
        0
    );
    let health = get(&server, "/_eventlint/health", None).json();
    assert_eq!(health["status"], "ok");
}

#[test]
fn wait_answers_as_soon_as_the_count_is_reached() {
    let server = start(&[]);
    let url = server.url.clone();
    let sender = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        for _ in 0..2 {
            let request = ureq::http::Request::builder()
                .method("POST")
                .uri(format!("{url}/events"))
                .header("Content-Type", "application/json")
                .header("X-Eventlint-Session", "w")
                .body(PUT_EVENTS.to_owned())
                .unwrap();
            agent().run(request).unwrap();
        }
    });
    let started = Instant::now();
    let waited = get(
        &server,
        "/_eventlint/wait?count=2&timeout_ms=60000&session=w",
        None,
    );
    let took = started.elapsed();
    sender.join().unwrap();
    assert_eq!(waited.status, 200, "{}", waited.body);
    assert_eq!(waited.json()["count"], 2);
    assert!(took < Duration::from_secs(30), "{took:?}");

    // Fewer than asked for: 408 with what arrived, after the timeout.
    let started = Instant::now();
    let short = get(
        &server,
        "/_eventlint/wait?count=3&timeout_ms=300",
        Some("w"),
    );
    assert_eq!(short.status, 408);
    assert_eq!(short.json()["count"], 2);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn the_journal_file_is_checked_again_to_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_in(
        dir.path(),
        &["--no-config", "--journal", "app.requests.ndjson"],
    );
    send(
        &server,
        "POST",
        "/v4/events/custom",
        &[
            JSON,
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        Some(DOG_BARK),
    );
    send(
        &server,
        "POST",
        "/events",
        &[JSON],
        Some(r#"{"trackingId": "tid-1", "sessionId": "s1", "eventList": []}"#),
    );
    send(
        &server,
        "POST",
        GLIA_PATH,
        &[JSON, GLIA_ACCEPT],
        Some(r#"{"message": "hi"}"#),
    );
    let journal = get(&server, "/_eventlint/requests", None).json();
    let journalled: Vec<Vec<String>> = journal["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| rules(&r["diagnostics"]))
        .collect();
    drop(server);

    let output = cli::run_in(
        dir.path(),
        &["check", NOW, "--format", "json", "app.requests.ndjson"],
        None,
    );
    assert_eq!(cli::code(&output), 1, "{}", cli::stderr(&output));
    let report: Value = serde_json::from_str(&cli::stdout(&output)).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let mut checked = vec![Vec::new(); journalled.len()];
    for d in diagnostics {
        let document = d["document"].as_u64().unwrap() as usize;
        checked[document - 1].push(d["rule"].as_str().unwrap().to_owned());
    }
    for rules in &mut checked {
        // The log masks credentials: the note that their values were not checked again.
        rules.retain(|rule| rule != "request/credentials-stripped");
        rules.sort();
    }
    assert_eq!(checked, journalled);
    assert_eq!(report["summary"]["documents"], 3);
}

fn rules(diagnostics: &Value) -> Vec<String> {
    let mut rules: Vec<String> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    rules.sort();
    rules
}

#[test]
fn eventlint_toml_is_read_as_check_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("eventlint.toml"),
        "deny-warnings = true\n\n[rules]\n\"synerise.event/api-version\" = \"off\"\n",
    )
    .unwrap();
    let server = start_in(dir.path(), &[]);
    // The rule is off: no Api-Version is no error, and the vendor's success comes back.
    let reply = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[JSON, ("Authorization", SYNERISE_JWT)],
        Some(DOG_BARK),
    );
    assert_eq!(
        (reply.status, reply.verdict()),
        (202, "pass"),
        "{:?}",
        reply.headers
    );
    // A warning fails the verdict under deny-warnings, and the vendor still accepts it.
    let warned = send(
        &server,
        "POST",
        "/events",
        &[JSON],
        Some(
            r#"{"trackingId": "tid-1", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1767225600}]}"#,
        ),
    );
    assert_eq!((warned.status, warned.verdict()), (200, "fail"));
    assert!(
        warned
            .header("x-eventlint-findings")
            .unwrap()
            .contains("warning")
    );
}

const SERVE_DEADLINE: Duration = Duration::from_secs(60);
const BAD_PUT_EVENTS: &str = r#"{"trackingId": "tid-1", "sessionId": "s1", "eventList": []}"#;
const TRACKER_KEY: &str = "98A5FC55-0000-4000-8000-00000000cafe";

/// The log's lines, each parsed.
fn log_lines(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.ends_with('\n'), "whole lines only: {text:?}");
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// Per document of `check --format json`'s report, whether it has an error (1-based documents,
/// `count` of them).
fn failed_documents(report: &Value, count: usize) -> Vec<bool> {
    let mut failed = vec![false; count];
    for d in report["diagnostics"].as_array().unwrap() {
        if d["severity"] == "error" {
            failed[d["document"].as_u64().unwrap() as usize - 1] = true;
        }
    }
    failed
}

#[test]
fn the_log_has_a_whole_line_per_request_and_checks_back_to_the_same_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_in(dir.path(), &["--no-config", "--log", "app.requests.ndjson"]);
    let good = [
        JSON,
        ("Api-Version", "4.4"),
        ("Authorization", SYNERISE_JWT),
        ("X-Eventlint-Session", "s"),
    ];
    assert_eq!(
        send(&server, "POST", "/v4/events/custom", &good, Some(DOG_BARK)).verdict(),
        "pass"
    );
    // Requests from several clients at once: each still one whole line.
    let url = server.url.clone();
    let senders: Vec<_> = (0..4)
        .map(|i| {
            let url = url.clone();
            std::thread::spawn(move || {
                let body = if i % 2 == 0 {
                    PUT_EVENTS
                } else {
                    BAD_PUT_EVENTS
                };
                let request = ureq::http::Request::builder()
                    .method("POST")
                    .uri(format!("{url}/events"))
                    .header("Content-Type", "application/json")
                    .body(body.to_owned())
                    .unwrap();
                agent().run(request).unwrap().status().as_u16()
            })
        })
        .collect();
    for sender in senders {
        assert!([200, 400].contains(&sender.join().unwrap()));
    }
    assert_eq!(
        send(&server, "POST", "/v4/event/custom", &[JSON], Some("{}")).status,
        404
    );
    assert_eq!(
        send(
            &server,
            "POST",
            "/events",
            &[JSON],
            Some("{\n  \"trackingId\": tid}")
        )
        .status,
        400
    );
    server.terminate();
    let (status, _) = server.finish(SERVE_DEADLINE);
    assert_eq!(status.code(), Some(0), "SIGTERM is a clean stop");

    let log = dir.path().join("app.requests.ndjson");
    let lines = log_lines(&log);
    assert_eq!(lines.len(), 7);
    let mut ids: Vec<u64> = lines.iter().map(|l| l["id"].as_u64().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(ids, (1..=7).collect::<Vec<_>>());
    assert_eq!(lines[0]["session"], "s");
    assert_eq!(lines[0]["status"], 202);
    assert!(lines[0]["time"].as_str().unwrap().ends_with('Z'));
    let verdicts: Vec<bool> = lines.iter().map(|l| l["verdict"] == "fail").collect();
    assert_eq!(verdicts.iter().filter(|f| **f).count(), 4, "{lines:?}");

    let output = cli::run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--no-config",
            "--format",
            "json",
            "app.requests.ndjson",
        ],
        None,
    );
    assert_eq!(cli::code(&output), 1, "{}", cli::stderr(&output));
    let report: Value = serde_json::from_str(&cli::stdout(&output)).unwrap();
    assert_eq!(report["summary"]["documents"], 7);
    assert_eq!(failed_documents(&report, 7), verdicts);
}

#[test]
fn the_log_holds_no_credential_in_clear_and_a_masked_one_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_in(dir.path(), &["--no-config", "--log", "app.requests.ndjson"]);
    let synerise = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[
            JSON,
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        Some(DOG_BARK),
    );
    assert_eq!(synerise.verdict(), "pass");
    let neuralens = send(
        &server,
        "POST",
        "/analytics/event",
        &[
            JSON,
            NEURALENS_KEY,
            ("X-Neuralens-Application-ID", "shop-au-1"),
        ],
        Some(
            r#"{"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}"#,
        ),
    );
    assert_eq!(neuralens.verdict(), "pass", "{}", neuralens.body);
    let ai = send(
        &server,
        "POST",
        &format!("/events/v1/single/recommendation.view?token={TRACKER_KEY}"),
        &[JSON],
        Some(
            r#"{"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}"#,
        ),
    );
    let ai_verdict = ai.verdict().to_owned();
    server.terminate();
    let (status, _) = server.finish(SERVE_DEADLINE);
    assert_eq!(status.code(), Some(0));

    let text = std::fs::read_to_string(dir.path().join("app.requests.ndjson")).unwrap();
    let jwt = SYNERISE_JWT.strip_prefix("Bearer ").unwrap();
    for secret in [
        &jwt[..20],
        &jwt[jwt.len() - 20..],
        "0c9e2b4a4e6f9a3c",
        &TRACKER_KEY[8..],
    ] {
        assert!(
            !text.contains(secret),
            "`{secret}` in clear in the log: {text}"
        );
    }
    let lines = log_lines(&dir.path().join("app.requests.ndjson"));
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_eq!(line["credentials"], "masked", "{line}");
    }
    assert!(text.contains("Bearer eyJh*"), "{text}");

    let output = cli::run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--no-config",
            "--format",
            "json",
            "app.requests.ndjson",
        ],
        None,
    );
    let report: Value = serde_json::from_str(&cli::stdout(&output)).unwrap();
    // The masked credentials are no error; the verdicts are those serve gave.
    assert_eq!(
        failed_documents(&report, 3),
        [false, false, ai_verdict == "fail"],
        "{report:#}"
    );
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| !d["rule"].as_str().unwrap().contains("auth")),
        "{report:#}"
    );
}

#[test]
fn exit_after_writes_check_s_reports_and_exits_1_when_a_request_failed() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_in(
        dir.path(),
        &[
            "--no-config",
            "--exit-after",
            "2",
            "--format",
            "sarif",
            "--output",
            "serve.sarif",
            "--format",
            "json",
            "--output",
            "serve.json",
        ],
    );
    assert_eq!(
        send(&server, "POST", "/events", &[JSON], Some(PUT_EVENTS)).verdict(),
        "pass"
    );
    assert_eq!(
        send(&server, "POST", "/events", &[JSON], Some(BAD_PUT_EVENTS)).verdict(),
        "fail"
    );
    let (status, _) = server.finish(SERVE_DEADLINE);
    assert_eq!(status.code(), Some(1));
    let sarif = std::fs::read_to_string(dir.path().join("serve.sarif")).unwrap();
    assert!(
        sarif.contains("personalize.put-events/eventlist-size"),
        "{sarif}"
    );
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("serve.json")).unwrap())
            .unwrap();
    assert_eq!(json["summary"]["documents"], 2);
    assert_eq!(failed_documents(&json, 2), [false, true]);
    // The temporary log is gone.
    let leftovers: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("eventlint-serve-") && json.to_string().contains(&name)
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn exit_after_with_only_valid_requests_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_in(
        dir.path(),
        &[
            "--no-config",
            "--exit-after",
            "1",
            "--format",
            "json",
            "--output",
            "r.json",
        ],
    );
    send(&server, "POST", "/events", &[JSON], Some(PUT_EVENTS));
    let (status, _) = server.finish(SERVE_DEADLINE);
    assert_eq!(status.code(), Some(0));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["errors"], 0);
}

/// `serve … -- sh -c SCRIPT`, the script sending with curl to `$EVENTLINT_URL`.
fn gate_command(dir: &Path, body: &str, exit: u8) -> std::process::Output {
    let script = format!(
        "curl -s -o /dev/null -X POST \"$EVENTLINT_URL/events\" -H 'Content-Type: application/json' --data-binary '{body}' && exit {exit}"
    );
    let args = [
        "serve",
        "--bind",
        "127.0.0.1:0",
        NOW,
        "--no-config",
        "--format",
        "json",
        "--output",
        "r.json",
        "--",
        "sh",
        "-c",
        &script,
    ];
    cli::run_with_deadline(dir, &args, SERVE_DEADLINE)
}

#[test]
fn a_command_runs_against_the_server_and_the_worse_status_wins() {
    let dir = tempfile::tempdir().unwrap();
    let pass = gate_command(dir.path(), PUT_EVENTS, 0);
    assert_eq!(cli::code(&pass), 0, "{}", cli::stderr(&pass));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(
        json["summary"]["documents"], 1,
        "the command's request was checked"
    );

    let fail = gate_command(dir.path(), BAD_PUT_EVENTS, 0);
    assert_eq!(cli::code(&fail), 1, "{}", cli::stderr(&fail));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(failed_documents(&json, 1), [true]);

    let command_failed = gate_command(dir.path(), BAD_PUT_EVENTS, 3);
    assert_eq!(cli::code(&command_failed), 3);
}

#[test]
fn idle_timeout_stops_the_server_and_reports_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_in(
        dir.path(),
        &["--no-config", "--idle-timeout", "1s", "--format", "json"],
    );
    let started = Instant::now();
    send(&server, "POST", "/events", &[JSON], Some(BAD_PUT_EVENTS));
    let (status, stdout) = server.finish(SERVE_DEADLINE);
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["documents"], 1);
}

#[test]
fn a_body_over_the_limit_gets_a_413_in_the_vendor_s_shape() {
    let server = start(&["--body-limit", "1KiB"]);
    let big = format!(
        r#"{{"action": "dog.bark", "client": {{"id": 1}}, "label": "{}"}}"#,
        "x".repeat(2000)
    );
    let reply = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[
            JSON,
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        Some(&big),
    );
    assert_eq!((reply.status, reply.verdict()), (413, "fail"));
    let body = reply.json();
    assert_eq!(body["status"], 413);
    assert_eq!(body["error"], "Payload Too Large");
    assert!(body["message"].as_str().unwrap().contains("1KiB"), "{body}");
    let small = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[
            JSON,
            ("Api-Version", "4.4"),
            ("Authorization", SYNERISE_JWT),
        ],
        Some(DOG_BARK),
    );
    assert_eq!(small.status, 202);
}

#[test]
fn a_body_that_is_not_json_gets_the_vendor_s_400_naming_line_and_column() {
    let server = start(&[]);
    let reply = send(
        &server,
        "POST",
        "/events",
        &[JSON],
        Some("{\n  \"trackingId\": tid-1}"),
    );
    assert_eq!((reply.status, reply.verdict()), (400, "fail"));
    assert_eq!(
        reply.header("x-amzn-ErrorType"),
        Some("InvalidInputException")
    );
    let message = reply.json()["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("json/syntax") && message.contains("(line 2, column 18 of the body)"),
        "{message}"
    );
}

/// What a raw connection gets back before the server closes it (at most `deadline`).
fn raw_exchange(server: &Server, sent: &[u8], deadline: Duration) -> (String, Duration) {
    let mut stream = TcpStream::connect(server.address()).unwrap();
    stream.set_read_timeout(Some(deadline)).unwrap();
    stream.write_all(sent).unwrap();
    let started = Instant::now();
    let mut received = Vec::new();
    let _ = stream.read_to_end(&mut received);
    (
        String::from_utf8_lossy(&received).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn malformed_http_gets_a_400() {
    let server = start(&[]);
    let (reply, _) = raw_exchange(&server, b"GARBAGE\r\n\r\n", Duration::from_secs(30));
    assert!(reply.starts_with("HTTP/1.1 400"), "{reply:?}");
    // The server still answers.
    assert_eq!(get(&server, "/_eventlint/health", None).status, 200);
}

#[test]
fn a_slow_client_is_cut_off() {
    let server = start(&["--read-timeout", "1s"]);
    // Half a head: the connection is closed.
    let (reply, took) = raw_exchange(
        &server,
        b"POST /events HTTP/1.1\r\nHost: x\r\n",
        Duration::from_secs(30),
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(
        reply.is_empty() || reply.starts_with("HTTP/1.1 408"),
        "{reply:?}"
    );
    // Half a body: 408, in the vendor's shape, and recorded.
    let (reply, took) = raw_exchange(
        &server,
        b"POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"trackingId\"",
        Duration::from_secs(30),
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply:?}");
    assert!(reply.contains("InvalidInputException"), "{reply:?}");
    let journal = get(&server, "/_eventlint/requests", None).json();
    assert_eq!(journal["requests"][0]["status"], 408);
}

#[test]
fn connections_past_the_cap_wait_their_turn() {
    let server = start(&["--max-connections", "1", "--read-timeout", "1s"]);
    // An idle connection holds the only place until the read timeout cuts it off.
    let idle = TcpStream::connect(server.address()).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let reply = send(&server, "POST", "/events", &[JSON], Some(PUT_EVENTS));
    assert_eq!(reply.status, 200);
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    drop(idle);
}

/// `GET /` is the page: one HTML document whose script and style come from the server itself,
/// under a policy that lets nothing else in; any other method at `/` is still a request to check.
#[test]
fn the_page_is_served_from_the_binary_alone() {
    let server = start(&[]);
    let page = get(&server, "/", None);
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html"),
        "{:?}",
        page.headers
    );
    assert!(page.body.starts_with("<!doctype html>"), "{}", page.body);
    let policy = page.header("content-security-policy").expect("a CSP");
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"));
    assert!(page.body.contains("256 KiB"), "the page says what is kept");
    assert!(!page.body.contains("{{"), "every placeholder filled");
    // Every src and href is a path of this server: nothing from the internet.
    let mut linked = Vec::new();
    for attribute in ["src=\"", "href=\""] {
        for (at, _) in page.body.match_indices(attribute) {
            let value = &page.body[at + attribute.len()..];
            let value = &value[..value.find('"').unwrap()];
            assert!(
                value.starts_with('/') && !value.starts_with("//"),
                "{attribute}{value}"
            );
            linked.push(value.to_owned());
        }
    }
    assert!(!page.body.contains("http://") && !page.body.contains("https://"));
    // The icon (named, so that no `/favicon.ico` is asked for and recorded), the style, the script.
    assert_eq!(linked.len(), 3, "{linked:?}");
    for path in linked {
        let file = get(&server, &path, None);
        assert_eq!(file.status, 200, "{path}");
        // An SVG names its XML namespace, which is never fetched.
        let body = file
            .body
            .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(
            !body.contains("http://") && !body.contains("https://"),
            "{path} names no address elsewhere"
        );
    }
    assert!(
        get(&server, "/_eventlint/page.js", None)
            .body
            .contains("EventSource")
    );
    assert_eq!(
        get(&server, "/_eventlint/requests", None).json()["count"],
        0,
        "the page and its files are not requests to check"
    );
    let post = send(&server, "POST", "/", &[JSON], Some("{}"));
    assert_eq!((post.status, post.verdict()), (404, "fail"));
}

/// Reads server-sent events from `path` on another thread: each event's fields as it arrives.
fn events(server: &Server, last_event_id: Option<&str>) -> mpsc::Receiver<Vec<(String, String)>> {
    let mut builder = ureq::http::Request::builder()
        .method("GET")
        .uri(format!("{}/_eventlint/events", server.url));
    if let Some(id) = last_event_id {
        builder = builder.header("Last-Event-ID", id);
    }
    let response = agent().run(builder.body(()).unwrap()).unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let (tx, rx) = mpsc::channel();
    let reader = BufReader::new(response.into_body().into_reader());
    std::thread::spawn(move || {
        let mut event = Vec::new();
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if line.is_empty() {
                if !event.is_empty() && tx.send(std::mem::take(&mut event)).is_err() {
                    break;
                }
            } else if let Some((name, value)) = line.split_once(':')
                && !name.is_empty()
            {
                event.push((name.to_owned(), value.trim_start().to_owned()));
            }
        }
    });
    rx
}

fn next_request_event(rx: &mpsc::Receiver<Vec<(String, String)>>) -> (String, Value) {
    let event = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("an event arrives");
    let field = |name: &str| {
        event
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| panic!("`{name}` in {event:?}"), |(_, v)| v.clone())
    };
    assert_eq!(field("event"), "request");
    (field("id"), serde_json::from_str(&field("data")).unwrap())
}

/// `/_eventlint/events` sends the journal, then each request as it is recorded; a reconnection
/// with `Last-Event-ID` gets only what followed it.
#[test]
fn the_event_stream_sends_each_request_as_it_arrives() {
    let server = start(&[]);
    let synerise = |api_version: &str| {
        send(
            &server,
            "POST",
            "/v4/events/custom?token=s3cr3tvalue",
            &[
                JSON,
                ("Authorization", SYNERISE_JWT),
                ("Api-Version", api_version),
            ],
            Some(DOG_BARK),
        )
    };
    assert_eq!(synerise("4.4").verdict(), "pass");
    let rx = events(&server, None);
    let (first_id, first) = next_request_event(&rx);
    assert_eq!(first["id"], 1);
    assert_eq!(first["verdict"], "pass");
    assert_eq!(first["vendor"], "synerise");
    assert!(
        !first["path"].as_str().unwrap().contains("s3cr3tvalue"),
        "{first}"
    );
    // Nor does the inspection API show the query's credential.
    let listed = get(&server, "/_eventlint/requests", None);
    assert!(!listed.body.contains("s3cr3tvalue"), "{}", listed.body);
    assert!(listed.body.contains("token=s3c"), "{}", listed.body);
    // Nothing more until a request comes; then it does, at once.
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
    let started = Instant::now();
    assert_eq!(synerise("4.1").verdict(), "fail");
    let (second_id, second) = next_request_event(&rx);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(second["id"], 2);
    assert_eq!(second["verdict"], "fail");
    assert_eq!(second["errors"], 1);
    assert_eq!(second["rules"][0], "synerise.event/api-version");

    let again = events(&server, Some(&first_id));
    let (id, resumed) = next_request_event(&again);
    assert_eq!((id, &resumed["id"]), (second_id, &Value::from(2)));

    // A reset that forgets requests is told, with the ids still held.
    let reset = send(&server, "POST", "/_eventlint/reset?verdict=pass", &[], None);
    assert_eq!(reset.json()["removed"], 1);
    let event = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("a reset event");
    assert_eq!(
        event[0],
        ("event".to_owned(), "reset".to_owned()),
        "{event:?}"
    );
    let data: Value = serde_json::from_str(&event.last().unwrap().1).unwrap();
    assert_eq!(data["ids"], serde_json::json!([2]));
}

/// `/_eventlint/requests/ID` has the request itself, credentials masked, and where each finding
/// is in it; `/_eventlint/rules/RULE` is `eventlint explain RULE`.
#[test]
fn a_request_shows_its_masked_headers_body_and_marks_and_its_rules_documentation() {
    let server = start(&[]);
    let body = DOG_BARK.replace("dog.bark", "dog bark");
    let reply = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[
            JSON,
            ("Authorization", SYNERISE_JWT),
            ("Api-Version", "4.1"),
        ],
        Some(&body),
    );
    let id = reply.header("x-eventlint-request-id").unwrap().to_owned();
    let record = get(&server, &format!("/_eventlint/requests/{id}"), None).json();
    let secret = &SYNERISE_JWT["Bearer eyJh".len()..];
    assert!(!record.to_string().contains(secret), "{record}");
    assert_eq!(record["line"], "POST /v4/events/custom HTTP/1.1");
    let headers = record["headers"].as_array().unwrap();
    let authorization = headers
        .iter()
        .find(|h| h["name"] == "authorization")
        .unwrap();
    assert!(
        authorization["value"]
            .as_str()
            .unwrap()
            .starts_with("Bearer eyJh***"),
        "{authorization}"
    );
    assert_eq!(record["body"]["text"], body.as_str());
    assert_eq!(record["body"]["size"], body.len());
    assert_eq!(record["body"]["truncated"], false);
    let diagnostics = record["diagnostics"].as_array().unwrap();
    let marks = record["marks"].as_array().unwrap();
    let marked = |rule: &str| -> String {
        let index = diagnostics.iter().position(|d| d["rule"] == rule).unwrap();
        let mark = marks
            .iter()
            .find(|m| m["diagnostic"] == index)
            .unwrap_or_else(|| panic!("a mark for {rule}: {marks:?}"));
        let text = match mark["part"].as_str().unwrap() {
            "body" => body.clone(),
            "header" => {
                let h = &headers[usize::try_from(mark["header"].as_u64().unwrap()).unwrap()];
                format!(
                    "{}: {}",
                    h["name"].as_str().unwrap(),
                    h["value"].as_str().unwrap()
                )
            }
            _ => record["line"].as_str().unwrap().to_owned(),
        };
        let range = |k: &str| usize::try_from(mark[k].as_u64().unwrap()).unwrap();
        text[range("start")..range("end")].to_owned()
    };
    assert_eq!(
        marked("synerise.custom-event/action-pattern"),
        "\"dog bark\""
    );
    assert_eq!(marked("synerise.event/api-version"), "api-version: 4.1");
    assert_eq!(get(&server, "/_eventlint/requests/999", None).status, 404);

    let doc = get(
        &server,
        "/_eventlint/rules/synerise.event/api-version",
        None,
    );
    assert_eq!(doc.status, 200);
    assert!(
        doc.header("content-type")
            .unwrap()
            .starts_with("text/plain")
    );
    let explain = Command::new(cli::bin())
        .args(["explain", "synerise.event/api-version"])
        .output()
        .unwrap();
    assert_eq!(doc.body, String::from_utf8(explain.stdout).unwrap());
    assert!(doc.body.starts_with("# synerise.event/api-version"));
    assert_eq!(
        get(&server, "/_eventlint/rules/synerise.event/nothing", None).status,
        404
    );
}

/// A body is kept up to 256 KiB, and said to be cut.
#[test]
fn a_large_body_is_kept_cut() {
    let server = start(&[]);
    let body = format!(
        r#"{{"action": "dog.bark", "client": {{"id": 5092159999}}, "label": "{}"}}"#,
        "x".repeat(300 << 10)
    );
    let reply = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[JSON, ("Api-Version", "4.4")],
        Some(&body),
    );
    let id = reply.header("x-eventlint-request-id").unwrap().to_owned();
    let record = get(&server, &format!("/_eventlint/requests/{id}"), None).json();
    assert_eq!(record["body"]["size"], body.len());
    assert_eq!(record["body"]["truncated"], true);
    assert_eq!(record["body"]["text"].as_str().unwrap().len(), 256 << 10);
}

/// `--bare` (for `cargo xtask bench --serve` only): the same HTTP stack reading the body and
/// answering 202, checking and recording nothing, so the benchmark compares like with like.
#[test]
fn bare_answers_202_and_checks_nothing() {
    let server = start(&["--bare"]);
    let invalid = send(
        &server,
        "POST",
        "/v4/events/custom",
        &[JSON],
        Some(r#"{"action": "dog bark"}"#),
    );
    assert_eq!(invalid.status, 202, "{}", invalid.body);
    assert!(invalid.body.is_empty());
    assert_eq!(invalid.header("x-eventlint-verdict"), None);
    let unknown = send(&server, "POST", "/nowhere", &[JSON], Some("{}"));
    assert_eq!(unknown.status, 202);
    assert_eq!(
        get(&server, "/_eventlint/requests", None).json()["count"],
        0,
        "nothing recorded"
    );
}
