//! Linear on hostile documents, in every format: one document with a finding per member, per
//! line or per repeat of a key, one long line with findings out of order, a value of many
//! megabytes. Black-box through the binary, each to a deadline generous for a debug build on a
//! shared machine and far below what the quadratic code took (each case's comment says how much).

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use eventlint_tests::cli::{NOW, code, run_with_deadline, stderr, stdout};

/// A run that outlives this is killed and fails the test.
const DEADLINE: Duration = Duration::from_secs(120);
/// What a linear run takes at most here (a few seconds in a debug build).
const LINEAR: Duration = Duration::from_secs(30);

/// `eventlint check --now … --no-config ARGS` in `dir`, to [`LINEAR`].
fn check(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check", NOW, "--no-config"];
    all.extend_from_slice(args);
    let started = Instant::now();
    let o = run_with_deadline(dir, &all, DEADLINE);
    assert!(
        started.elapsed() < LINEAR,
        "{args:?}: {:?}\n{}",
        started.elapsed(),
        stderr(&o)
    );
    o
}

/// The `[file:line:column]` headers of a human report, in order.
fn headers(human: &str) -> Vec<&str> {
    human
        .lines()
        .filter_map(|l| l.split_once("╭─[").map(|(_, h)| h.trim_end_matches(']')))
        .collect()
}

/// The first few lines of a report, for a failure's message.
fn head(report: &str) -> String {
    report.lines().take(40).collect::<Vec<_>>().join("\n")
}

/// The human report of one document with a finding per member (one line) or per line: each
/// snippet reads its own lines. miette read every span from the start of the text, and the
/// window of a long line looked for its line's ends from the span: 60,000 members took over
/// four minutes in a debug build (200,000 did not finish in 120 s in a release build), 8,000
/// events one per line over four minutes (25 s released).
#[test]
fn the_human_report_of_a_finding_per_member_and_per_line() {
    const MEMBERS: usize = 60_000;
    const EVENTS: usize = 8_000;
    let dir = tempfile::tempdir().unwrap();
    let members: Vec<String> = (0..MEMBERS).map(|i| format!("\"k{i}\": \"v\"")).collect();
    let event = format!(
        "{{\"action\": \"a.b\", \"label\": \"x\", \"client\": {{\"id\": 1, {}}}}}",
        members.join(", ")
    );
    std::fs::write(dir.path().join("event.json"), &event).unwrap();
    let batch = vec![r#"{"type":"custom","action":"a.b","label":"x","client":{}}"#; EVENTS];
    std::fs::write(
        dir.path().join("batch.json"),
        format!("[\n{}\n]", batch.join(",\n")),
    )
    .unwrap();

    let o = check(dir.path(), &["event.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let human = stdout(&o);
    let found = headers(&human);
    assert_eq!(
        human.matches("synerise.event/unknown-client-key").count(),
        MEMBERS,
        "{}",
        head(&human)
    );
    let last = format!("\"k{}\"", MEMBERS - 1);
    assert_eq!(
        found.last().unwrap(),
        &format!("event.json:1:{}", event.rfind(&last).unwrap() + 1)
    );

    let o = check(
        dir.path(),
        &["--kind", "synerise.batch-events", "batch.json"],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let human = stdout(&o);
    let found = headers(&human);
    // The batch's size, then each event's client without an identifier (and infos).
    assert_eq!(found.first().unwrap(), &"batch.json:1:1");
    assert_eq!(
        found.last().unwrap(),
        &format!("batch.json:{}:54", EVENTS + 1)
    );
    assert!(
        human.ends_with(&format!(
            "{} │ ]\n      ╰────\n  help: add one of `id`, `customId`, `uuid` or `email` to `client`\n\nchecked 1 file, 1 document: {} errors, 0 warnings, {} infos\n",
            EVENTS + 2,
            EVENTS + 1,
            2 * EVENTS
        )),
        "{}",
        head(&human)
    );
}

/// Repeated keys are found in one pass over each object, each with its key's bytes: one key
/// repeated 200,000 times, and 50,000 keys each given twice. The repeats were counted against a
/// list of every distinct key, and each was then looked for again from its object's start (the
/// `n`-th occurrence): 80,000 repeats took 10.6 s in a release build, a million over 120 s.
#[test]
fn repeated_keys_in_one_pass() {
    const REPEATS: usize = 200_000;
    const TWICE: usize = 50_000;
    let dir = tempfile::tempdir().unwrap();
    let twice: Vec<String> = (0..2 * TWICE)
        .map(|i| format!("\"m{}\": {i}", i % TWICE))
        .collect();
    let text = format!(
        "{{\"action\": \"a.b\", \"label\": \"x\", \"client\": {{\"id\": 1}},\n\"params\": {{{}}},\n\"more\": {{{}}}}}",
        vec!["\"k\": 1"; REPEATS].join(", "),
        twice.join(", ")
    );
    std::fs::write(dir.path().join("repeats.json"), &text).unwrap();
    let o = check(dir.path(), &["--format", "json", "repeats.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let repeats: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "json/duplicate-key")
        .collect();
    assert_eq!(repeats.len(), REPEATS - 1 + TWICE, "{}", head(&out));
    // The second `"k"` on line 2, and the second `"m49999"`, last on line 3.
    assert_eq!(
        (&repeats[0]["line"], &repeats[0]["column"]),
        (&2.into(), &20.into())
    );
    let column = text.rfind("\"m49999\"").unwrap() - text.rfind('\n').unwrap();
    let last = repeats.last().unwrap();
    assert_eq!(last["pointer"], "/more/m49999");
    assert_eq!(
        (&last["line"], &last["column"]),
        (&3.into(), &column.into())
    );
}

/// One long line (a single-line batch, not ASCII) whose findings come in rule order, not
/// in position order: each column was counted from the line's start whenever a position went
/// backwards (12,500 events: 4.5 s in a release build, 25,000: 17 s, 50,000: 75 s; 200,000 did
/// not finish in ten minutes). Columns now come from checkpoints of character counts; the work
/// bound itself is held exactly by `source::spans::lines`' unit test, so this end-to-end case
/// stays small enough for a loaded machine (5,000 events, 4.5 MB).
#[test]
fn one_long_line_with_findings_out_of_order() {
    const EVENTS: usize = 5_000;
    let dir = tempfile::tempdir().unwrap();
    let event = format!(
        r#"{{"type":"custom","action":"","label":"é","time":"nope","client":{{"uuid":"ü"}},"params":{{"x":"ü{}"}}}}"#,
        "a".repeat(800)
    );
    let text = format!("[{}]", vec![event.as_str(); EVENTS].join(","));
    std::fs::write(dir.path().join("batch.json"), &text).unwrap();
    let o = check(dir.path(), &["--format", "json", "batch.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 3 * EVENTS + 2, "{}", head(&out));
    // The last event's `client.uuid`, in characters from the line's start.
    let last = diagnostics
        .iter()
        .rfind(|d| d["pointer"] == format!("/{}/client/uuid", EVENTS - 1))
        .unwrap();
    let at = text.rfind(r#""ü"}"#).unwrap();
    assert_eq!(
        (&last["line"], &last["column"]),
        (&1.into(), &(text[..at].chars().count() + 1).into()),
        "{last}"
    );
}

/// A finding never quotes a value whole, in any report: a 100 MB `uuid` went into a 100 MB
/// message in every format. A quote past 160 characters keeps its first 64 and gives its size;
/// `--redact` still hides what is kept.
#[test]
fn a_long_value_is_never_quoted_whole() {
    const CHARS: usize = 4_000_000;
    let dir = tempfile::tempdir().unwrap();
    let uuid = "ü".repeat(CHARS);
    std::fs::write(
        dir.path().join("event.json"),
        format!(r#"{{"action": "a.b", "label": "x", "client": {{"uuid": "{uuid}"}}}}"#),
    )
    .unwrap();
    let formats = ["json", "sarif", "github", "junit"];
    let mut args = vec!["--format", "human"];
    for format in formats {
        args.extend(["--format", format, "--output", format]);
    }
    args.push("event.json");
    let elided = format!("`{}…` ({CHARS} characters)", "ü".repeat(64));
    for redact in [false, true] {
        let mut args = args.clone();
        if redact {
            args.push("--redact");
        }
        let o = check(dir.path(), &args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let mut reports = vec![("human".to_owned(), stdout(&o))];
        for format in formats {
            let report = std::fs::read_to_string(dir.path().join(format)).unwrap();
            reports.push((format.to_owned(), report));
        }
        for (format, report) in reports {
            // The human report's snippet is a window of the line: a few hundred characters.
            let text = report;
            assert!(text.len() < 20_000, "{format}: {} bytes", text.len());
            assert!(text.contains("is not a UUID"), "{format}: {}", head(&text));
            // The human report wraps its message, and its size, with a margin.
            let shown = if format == "human" {
                text.contains(&elided[..elided.find(" (").unwrap()])
                    && text.contains(&format!("({CHARS}"))
            } else {
                text.contains(&elided)
            };
            assert_eq!(
                shown,
                !redact,
                "{format} (redact: {redact}): {}",
                head(&text)
            );
            assert_eq!(text.contains("üüüü"), !redact, "{format}: {}", head(&text));
        }
    }
}
