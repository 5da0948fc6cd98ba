//! Whole requests through the CLI: a HAR streamed entry by entry reports exactly what the file
//! read whole reports; requests from stdin, `.http` environments, and requests that cannot be
//! read.

use std::fmt::Write as _;

use eventlint_core::CheckOptions;
use eventlint_core::render::json;
use eventlint_core::report::Summary;
use eventlint_tests::cli::{code, run_in, stdout};

const NOW: &str = "2026-01-01T00:00:00Z";

/// A browser's HAR of `n` entries: every third is a page (no vendor's), the others Neuralens
/// events, one in seven of them misspelling `event`, one in five sent as `text/plain`.
fn capture(n: usize) -> String {
    let mut entries = Vec::new();
    for i in 0..n {
        let entry = if i % 3 == 0 {
            serde_json::json!({"request": {"method": "GET", "url": format!("https://shop.example.com/p/{i}"), "headers": []}})
        } else {
            let event = if i % 7 == 0 {
                "ADD_TO_CARD"
            } else {
                "ADD_TO_CART"
            };
            let body = format!(
                r#"{{"uid": "u-{i}", "items": [{{"id": "é{i}"}}], "page": "PRODUCT_PAGE", "event": "{event}"}}"#
            );
            let media = if i % 5 == 0 {
                "text/plain"
            } else {
                "application/json"
            };
            serde_json::json!({"request": {
                "method": "POST",
                "url": "https://api.neuralens.ai/analytics/event",
                "headers": [
                    {"name": "X-Neuralens-API-Key", "value": "Bearer 7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c"},
                    {"name": "X-Neuralens-Application-ID", "value": "shop-au-1"},
                    {"name": "Content-Type", "value": media}
                ],
                "postData": {"mimeType": media, "text": body}
            }})
        };
        entries.push(entry);
    }
    let har = serde_json::json!({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": entries}});
    serde_json::to_string_pretty(&har).expect("JSON")
}

#[test]
fn a_streamed_har_reports_what_the_whole_file_reports() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // More entries than one streamed batch holds.
    let text = capture(2_500);
    std::fs::write(dir.path().join("capture.har"), &text).expect("written");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--now",
            NOW,
            "--format",
            "json",
            "capture.har",
        ],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    // The same file read whole, through the core's file-level entry point.
    let options = CheckOptions::at_rfc3339(NOW).expect("a clock");
    let checked = eventlint_core::request::check_file(
        "capture.har",
        &text,
        eventlint_core::request::read::Format::Har,
        &eventlint_core::request::read::ReadContext::default(),
        &options,
    );
    let mut summary = Summary {
        files: 1,
        documents: checked.documents.len(),
        skipped: checked.skipped,
        ..Summary::default()
    };
    let outcomes: Vec<_> = checked
        .documents
        .into_iter()
        .filter_map(|(_, o)| o)
        .collect();
    for o in &outcomes {
        summary.add(o);
    }
    assert_eq!(summary.skipped, 834);
    assert!(
        summary.errors > 200 && summary.warnings > 300,
        "{summary:?}"
    );
    assert_eq!(stdout(&out), json::render(&outcomes, &summary));
}

#[test]
fn a_curl_command_from_stdin_is_read_as_its_name_says() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let command = "curl https://api.neuralens.ai/analytics/event -H 'X-Neuralens-API-Key: Bearer 7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c' -H 'X-Neuralens-Application-ID: shop-au-1' -d '{\"uid\": \"u\", \"items\": [{\"id\": \"i\"}], \"page\": \"PRODUCT_PAGE\", \"event\": \"ADD_TO_CART\"}'\n";
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--now",
            NOW,
            "--format",
            "json",
            "--stdin-filename",
            "pasted.curl",
            "-",
        ],
        Some(command.as_bytes()),
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("a JSON report");
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    // `-d` without `-H 'Content-Type: …'` sends a form.
    assert_eq!(rules, ["common/content-type"]);
    assert_eq!(report["diagnostics"][0]["path"], "pasted.curl");
    assert_eq!(report["diagnostics"][0]["part"], "header");
    assert_eq!(code(&out), 0);
}

#[test]
fn http_variables_come_from_the_environment_named() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let request = "POST {{host}}/analytics/event\nX-Neuralens-API-Key: Bearer {{key}}\nX-Neuralens-Application-ID: shop-au-1\nContent-Type: application/json\n\n{\"uid\": \"u\", \"items\": [{\"id\": \"i\"}], \"page\": \"PRODUCT_PAGE\", \"event\": \"ADD_TO_CART\"}\n";
    std::fs::write(dir.path().join("event.http"), request).expect("written");
    std::fs::write(
        dir.path().join("http-client.env.json"),
        r#"{"dev": {"host": "https://api.neuralens.ai"}}"#,
    )
    .expect("written");
    std::fs::write(
        dir.path().join("http-client.private.env.json"),
        r#"{"dev": {"key": "7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c"}}"#,
    )
    .expect("written");
    let args = |env: Option<&'static str>| {
        let mut args = vec!["check", "--no-config", "--now", NOW];
        if let Some(env) = env {
            args.extend(["--env", env]);
        }
        args.push("event.http");
        args
    };
    let clean = run_in(dir.path(), &args(Some("dev")), None);
    assert_eq!(code(&clean), 0, "{}", stdout(&clean));
    assert!(
        stdout(&clean).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&clean)
    );
    // Without the environment, each variable is reported where it is, never guessed.
    let unresolved = run_in(dir.path(), &args(None), None);
    let text = stdout(&unresolved);
    assert_eq!(text.matches("request/reader").count(), 2, "{text}");
    // A missing environment is a problem of the run.
    let missing = run_in(dir.path(), &args(Some("prod")), None);
    assert_eq!(code(&missing), 2);
}

#[test]
fn a_request_that_cannot_be_read_is_reported_at_its_place_and_the_others_are_checked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut http = String::new();
    let _ = writeln!(http, "Content-Type: application/json\n\n{{}}\n\n###");
    let _ = writeln!(
        http,
        "POST https://api.neuralens.ai/analytics/event\nX-Neuralens-API-Key: Bearer 7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c\nX-Neuralens-Application-ID: shop-au-1\nContent-Type: application/json\n\n{{\"uid\": \"u\", \"items\": [], \"event\": \"ADD_TO_CART\"}}"
    );
    std::fs::write(dir.path().join("two.http"), http).expect("written");
    std::fs::write(dir.path().join("broken.har"), "{\"log\": {\"entries\": [").expect("written");
    std::fs::write(
        dir.path().join("quote.curl"),
        "curl 'https://api.neuralens.ai/analytics/event\n",
    )
    .expect("written");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--now",
            NOW,
            "--format",
            "json",
            "two.http",
            "broken.har",
            "quote.curl",
        ],
        None,
    );
    assert_eq!(code(&out), 1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("a JSON report");
    let found: Vec<(String, i64, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_i64().unwrap_or_default(),
                d["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let syntax = |path: &str| {
        found
            .iter()
            .any(|(p, _, r)| p == path && r == "request/syntax")
    };
    assert!(
        syntax("two.http") && syntax("broken.har") && syntax("quote.curl"),
        "{found:?}"
    );
    // The second request of two.http was still checked (an empty `items`).
    assert!(
        found.iter().any(|(p, line, r)| p == "two.http"
            && *line == 11
            && r.starts_with("neuralens.event/")),
        "{found:?}"
    );
}
