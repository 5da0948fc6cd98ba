//! `--redact`: payloads full of emails, ids and tokens; no value of the documents may appear in
//! any report format, while rules, pointers and positions stay.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use eventlint_tests::cli::{NOW, code, run_with_deadline, stderr, stdout};

const DEADLINE: Duration = Duration::from_secs(120);

/// Every value is personal or distinctive: none is a word or number a report prints anyway.
const EVENT: &str = r#"{
  "action": "ola.nowak@firma.test",
  "label": "Login of ola.nowak@firma.test",
  "client": {"customID": "cust-8831-qwz", "email": "ola.nowak@@firma", "uuid": "nie-uuid-4f1c"},
  "time": "2036-13-45T99:61:00Z",
  "params": {"token": "sk_live_51Habc0123456789", "apiKey": "AKIAIOSFODNN7QWERTY", "phone": "+48 600 700 800", "pesel": 90010112345, "ip": "203.0.113.77"}
}
"#;

/// Two Personalize events on NDJSON lines, the second with an oversized id.
fn stream() -> String {
    let long_id = "usr-".repeat(70);
    format!(
        "{{\"sessionId\": \"sess-7Gq2Lx\", \"userId\": \"anna.kot@poczta.test\", \"eventList\": [{{\"eventType\": \"click\", \"sentAt\": 1767221234, \"itemId\": \"sku-991-zz\"}}]}}\n\
         {{\"sessionId\": \"sess-9Hh3Mm\", \"userId\": \"{long_id}\", \"eventList\": [{{\"eventType\": \"view\", \"sentAt\": 1767221235, \"itemId\": \"sku-992-yy\", \"properties\": \"{{\\\"token\\\": \\\"tok_ABCdef987\\\"}}\"}}]}}\n"
    )
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pii.json"), EVENT).unwrap();
    std::fs::write(dir.path().join("pii.ndjson"), stream()).unwrap();
    dir
}

fn check(dir: &Path, format: &str, redact: bool) -> Output {
    let mut args = vec!["check", NOW, "--no-config", "--format", format];
    if redact {
        args.push("--redact");
    }
    args.extend(["pii.json", "pii.ndjson"]);
    run_with_deadline(dir, &args, DEADLINE)
}

/// Every string and number value of the documents (nested JSON in strings included).
fn values() -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => {
                if let Ok(inner) = serde_json::from_str::<serde_json::Value>(s)
                    && inner.is_object()
                {
                    walk(&inner, out);
                } else {
                    out.push(s.clone());
                }
            }
            serde_json::Value::Number(n) => out.push(n.to_string()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            serde_json::Value::Object(members) => members.values().for_each(|m| walk(m, out)),
            serde_json::Value::Bool(_) | serde_json::Value::Null => {}
        }
    }
    let mut out = Vec::new();
    for doc in std::iter::once(EVENT.to_owned()).chain(stream().lines().map(str::to_owned)) {
        walk(&serde_json::from_str(&doc).unwrap(), &mut out);
    }
    // Event types are vocabulary, not data: `click` and `view` are words any report may use.
    out.retain(|v| v != "click" && v != "view");
    out
}

#[test]
fn no_value_appears_in_any_redacted_report() {
    let dir = setup();
    let values = values();
    assert!(values.len() >= 17, "{values:?}");
    for format in ["human", "json", "sarif", "github", "junit"] {
        let plain = check(dir.path(), format, false);
        let redacted = check(dir.path(), format, true);
        assert_eq!(code(&plain), 1, "{}", stderr(&plain));
        assert_eq!(code(&redacted), 1, "{}", stderr(&redacted));
        let text = stdout(&redacted);
        for value in &values {
            assert!(
                !text.contains(value.as_str()),
                "{format}: `{value}` in\n{text}"
            );
        }
        // The redacted report still says where: the same diagnostics, one for one.
        assert!(text.contains("‹redacted›") || format == "sarif" || format == "junit");
        // (A fix that would write a value is left out of a redacted report: count results.)
        let results = |report: &str| match format {
            "json" => report.matches("\"rule\":").count(),
            "sarif" => report.matches("\"ruleId\":").count(),
            _ => report.lines().count(),
        };
        if format != "human" {
            assert_eq!(results(&stdout(&plain)), results(&text), "{format}");
        }
        if format == "json" {
            assert!(
                stdout(&plain).contains("\"fix\": {"),
                "the plain report has fixes"
            );
        }
    }
    // Without --redact the values are there: the check above can fail.
    let plain = stdout(&check(dir.path(), "human", false));
    for value in [
        "ola.nowak@firma.test",
        "cust-8831-qwz",
        "sk_live_51Habc0123456789",
    ] {
        assert!(plain.contains(value), "{value}");
    }
}

#[test]
fn redacted_reports_keep_rules_pointers_and_positions() {
    let dir = setup();
    let parse = |o: &Output| -> serde_json::Value { serde_json::from_slice(&o.stdout).unwrap() };
    let plain = parse(&check(dir.path(), "json", false));
    let redacted = parse(&check(dir.path(), "json", true));
    assert_eq!(plain["summary"], redacted["summary"]);
    let plain = plain["diagnostics"].as_array().unwrap();
    let redacted = redacted["diagnostics"].as_array().unwrap();
    assert_eq!(plain.len(), redacted.len());
    for (p, r) in plain.iter().zip(redacted) {
        for field in [
            "path",
            "document",
            "kind",
            "rule",
            "severity",
            "pointer",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert_eq!(p[field], r[field], "{field}");
        }
    }
}

#[test]
fn redacted_human_and_json_snapshots() {
    let dir = setup();
    let human = stdout(&check(dir.path(), "human", true));
    let json = stdout(&check(dir.path(), "json", true));
    insta::assert_snapshot!("redacted_human", human);
    insta::assert_snapshot!("redacted_json", json);
}
