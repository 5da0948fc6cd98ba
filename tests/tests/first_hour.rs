//! What a new user meets in the first hour: no silent green runs, arrays of documents, kinds that
//! can be seen, terminals and pipes, and the flags a ruff user reaches for. Black-box tests of the
//! binary (each fails without the behaviour it names).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use eventlint_tests::cli::{NOW, bin, code, run_in, spawn, stderr, stdout};

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, text).expect("write");
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

const PUT_EVENTS: &str = r#"{"trackingId": "t-1", "sessionId": "s-1", "userId": "u-1", "eventList": [{"eventType": "click", "itemId": "i-1", "sentAt": 1767225600}]}"#;

/// A Synerise custom event with a future `time` (a warning) and, with `bad`, no client
/// identifier (an error).
fn custom_event(bad: bool) -> String {
    let client = if bad { "{}" } else { r#"{"customId": "c-1"}"# };
    format!(
        "{{\n  \"action\": \"dog.bark\",\n  \"label\": \"bark\",\n  \"client\": {client},\n  \"time\": \"2999-01-01T00:00:00Z\"\n}}\n"
    )
}

#[test]
fn a_run_that_checks_nothing_exits_2_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("empty")).expect("folder");
    write(&d.join("notes/readme.txt"), "not a payload");
    let o = run_in(d, &["check", "empty", "notes", NOW, "--no-config"], None);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("`empty` holds no .json, .ndjson or .jsonl file"),
        "{err}"
    );
    assert!(
        err.contains("`notes` holds no .json, .ndjson or .jsonl file"),
        "{err}"
    );
    assert!(err.contains("no document was checked"), "{err}");
    let o = run_in(
        d,
        &["check", "empty", NOW, "--no-config", "--allow-empty"],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("`empty` holds no .json"));
    // An NDJSON file of blank lines yields no document either.
    write(&d.join("blank.ndjson"), "\n  \n");
    let o = run_in(d, &["check", "blank.ndjson", NOW, "--no-config"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("`blank.ndjson` holds no document"));
}

#[test]
fn a_files_glob_that_matches_nothing_it_could_have_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        "[[files]]\nglob = \"payloads/glia/**\"\nkind = \"glia.engagement-event\"\n\n[[files]]\nglob = \"payloads/typo/**\"\nkind = \"glia.engagement-event\"\n\n[[files]]\nglob = \"elsewhere/**\"\nkind = \"glia.engagement-event\"\n",
    );
    write(&d.join("payloads/glia/a.json"), r#"{"message": "hi"}"#);
    let o = run_in(d, &["check", "payloads", NOW], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("`[[files]]` glob `payloads/typo/**` (eventlint.toml:6) matches none of the 1 checked files"),
        "{err}"
    );
    // `elsewhere/` was not walked: its glob could not have matched, so nothing is said of it.
    assert!(!err.contains("elsewhere"), "{err}");
    // Files named one by one (as pre-commit passes them) make no such note.
    let o = run_in(d, &["check", "payloads/glia/a.json", NOW], None);
    assert!(!stderr(&o).contains("matches none"), "{}", stderr(&o));
}

#[test]
fn an_array_of_other_documents_is_one_finding_and_split_arrays_checks_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let bad = PUT_EVENTS.replace("\"i-1\"", "\"\"");
    write(
        &d.join("dump.json"),
        &format!("[\n  {PUT_EVENTS},\n  {bad}\n]\n"),
    );
    let o = run_in(
        d,
        &["check", "dump.json", NOW, "--no-config", "--format", "json"],
        None,
    );
    assert_eq!(code(&o), 1);
    let report = json(&o);
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["kind/array-of-documents"], "no Synerise findings");
    // Each element as a document, at its place in the array's file.
    let o = run_in(
        d,
        &[
            "check",
            "dump.json",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--split-arrays",
        ],
        None,
    );
    let report = json(&o);
    assert_eq!(report["summary"]["documents"], 2, "{}", stdout(&o));
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert!(!diagnostics.is_empty());
    for diagnostic in diagnostics {
        assert_eq!(diagnostic["document"], 2, "{diagnostic}");
        assert_eq!(diagnostic["kind"], "personalize.put-events");
        assert_eq!(diagnostic["line"], 3, "{diagnostic}");
    }
    let item = diagnostics
        .iter()
        .find(|d| d["pointer"] == "/eventList/0/itemId")
        .expect("the empty itemId is reported");
    let column = format!("  {bad}").find("\"\"").expect("the empty string") + 1;
    assert_eq!(item["column"], column, "{item}");
    // The human report names the same place (the element is not padded to its column: its
    // place in the file is applied to its diagnostics once).
    let o = run_in(
        d,
        &["check", "dump.json", NOW, "--no-config", "--split-arrays"],
        None,
    );
    let header = format!("╭─[dump.json (document 2):3:{column}]");
    assert!(stdout(&o).contains(&header), "{header}\n{}", stdout(&o));
    // The same from eventlint.toml, per glob.
    write(
        &d.join("eventlint.toml"),
        "[[files]]\nglob = \"dump.json\"\nsplit-arrays = true\n",
    );
    let o = run_in(d, &["check", "dump.json", NOW, "--format", "json"], None);
    assert_eq!(json(&o)["summary"]["documents"], 2, "{}", stdout(&o));
}

#[test]
fn show_kinds_says_what_each_document_was_checked_as() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("events.ndjson"),
        &format!("{PUT_EVENTS}\n{PUT_EVENTS}\n{{\"message\": \"hi\"}}\n{{\"hello\": 1}}\n"),
    );
    let o = run_in(
        d,
        &["check", "events.ndjson", NOW, "--no-config", "--show-kinds"],
        None,
    );
    assert!(
        stdout(&o).contains(
            "events.ndjson: checked as documents 1-2 personalize.put-events, 3 glia.engagement-event, 4 undetermined"
        ),
        "{}",
        stdout(&o)
    );
    let o = run_in(
        d,
        &[
            "check",
            "events.ndjson",
            NOW,
            "--no-config",
            "--show-kinds",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    assert_eq!(report["version"], 1);
    assert_eq!(
        report["files"],
        serde_json::json!([{"path": "events.ndjson", "documents": 4, "kinds": [
            {"kind": "personalize.put-events", "first": 1, "last": 2},
            {"kind": "glia.engagement-event", "first": 3, "last": 3},
            {"kind": null, "first": 4, "last": 4}
        ]}])
    );
    // Without the flag the report is exactly version 1 as before: no `files` member.
    let o = run_in(
        d,
        &[
            "check",
            "events.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
        ],
        None,
    );
    assert!(json(&o).get("files").is_none());
}

#[test]
fn a_closed_stdout_ends_quietly_with_the_status_the_run_would_have_had() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut lines = String::new();
    for _ in 0..20_000 {
        lines.push_str(r#"{"action": "dog.bark", "label": "bark", "client": {}}"#);
        lines.push('\n');
    }
    write(&d.join("many.ndjson"), &lines);
    let mut child = spawn(d, &["check", "many.ndjson", NOW, "--no-config"], &[]);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("a line");
    drop(out); // like `| head -1`
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("exit");
    assert_eq!(status.code(), Some(1), "{err}");
    assert_eq!(err, "", "a closed pipe is not a failure worth a word");
}

#[test]
fn an_output_into_a_missing_folder_names_it_and_the_other_reports_are_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("bad.json"), &custom_event(true));
    let o = run_in(
        d,
        &[
            "check",
            "bad.json",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "missing/r.json",
            "--format",
            "sarif",
            "--output",
            "r.sarif",
        ],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot write `missing/r.json`: the folder `missing` does not exist"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains(".eventlint-"), "no temporary name");
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("r.sarif")).expect("the SARIF report"))
            .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn colour_follows_the_flag_then_no_color_then_force_color() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("bad.json"), &custom_event(true));
    let run = |flags: &[&str], env: &[(&str, &str)]| {
        let mut args = vec!["check", "bad.json", NOW, "--no-config"];
        args.extend_from_slice(flags);
        let out = eventlint_tests::cli::finish(spawn(d, &args, env), Duration::from_secs(60));
        stdout(&out).contains("\u{1b}[")
    };
    assert!(!run(&[], &[]), "a pipe gets no colour");
    assert!(run(&["--color", "always"], &[]));
    assert!(run(&[], &[("FORCE_COLOR", "1")]));
    assert!(run(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!run(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    assert!(
        run(&["--color", "always"], &[("NO_COLOR", "1")]),
        "the flag wins"
    );
    assert!(!run(&["--color", "never"], &[("FORCE_COLOR", "1")]));
}

#[test]
fn the_report_fits_the_width_and_never_breaks_a_code_span() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("t.json"),
        "{\"action\": \"dog.bark\", \"label\": \"bark\", \"client\": {\"customId\": \"c\"}, \"time\": \"2022-11-28T12:18:27\"}\n",
    );
    let out = eventlint_tests::cli::finish(
        spawn(
            d,
            &["check", "t.json", NOW, "--no-config"],
            &[("COLUMNS", "60")],
        ),
        Duration::from_secs(60),
    );
    let text = stdout(&out);
    for line in text.lines() {
        // Message and help lines wrap at 60 columns (snippet lines show the payload as it is).
        if line.trim_start().starts_with("help:") || line.contains('⚠') {
            assert!(line.chars().count() <= 60, "too wide: {line}");
        }
        // Every code span opens and closes on one line.
        if line.contains("help:") || line.trim_start().starts_with('`') {
            assert_eq!(
                line.matches('`').count() % 2,
                0,
                "a broken code span: {line}"
            );
        }
    }
    assert!(text.contains("`2022-11-28T12:18:27+02:00`"), "{text}");
}

#[test]
fn quiet_min_severity_and_statistics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("bad.json"), &custom_event(true));
    write(&d.join("warn.json"), &custom_event(false));
    let base = ["check", "bad.json", "warn.json", NOW, "--no-config"];
    let all = run_in(d, &base, None);
    assert!(stdout(&all).contains("time-future"), "{}", stdout(&all));
    // --quiet: the failures and the summary; the summary still counts everything.
    let mut args = base.to_vec();
    args.push("--quiet");
    let o = run_in(d, &args, None);
    assert!(stdout(&o).contains("client-identifier"));
    assert!(
        !stdout(&o).contains("synerise.event/time-future"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("1 error, 2 warnings"), "{}", stdout(&o));
    // --min-severity error: warnings are left out of the report and the counts.
    let mut args = base.to_vec();
    args.extend(["--min-severity", "error", "--format", "json"]);
    let report = json(&run_in(d, &args, None));
    assert_eq!(report["summary"]["warnings"], 0);
    assert_eq!(report["summary"]["errors"], 1);
    // --statistics: one row per rule.
    let mut args = base.to_vec();
    args.push("--statistics");
    let o = run_in(d, &args, None);
    let text = stdout(&o);
    assert!(
        text.lines()
            .any(|l| l.starts_with("2  warning  synerise.event/time-future")),
        "{text}"
    );
    assert!(!text.contains("╭─["), "no snippets: {text}");
}

#[test]
fn select_ignore_and_severity_win_over_the_configuration() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        "[rules]\n\"synerise.event/time-future\" = \"error\"\n",
    );
    write(&d.join("warn.json"), &custom_event(false));
    let o = run_in(d, &["check", "warn.json", NOW], None);
    assert_eq!(code(&o), 1, "the configuration makes it an error");
    let o = run_in(
        d,
        &[
            "check",
            "warn.json",
            NOW,
            "--ignore",
            "synerise.event/time-future",
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(
        stdout(&o).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );
    let o = run_in(
        d,
        &[
            "check",
            "warn.json",
            NOW,
            "--severity",
            "synerise.event/time-future=info",
        ],
        None,
    );
    assert_eq!(code(&o), 0);
    // time-future as an info, beside the info params-missing gives.
    assert!(
        stdout(&o).contains("0 errors, 0 warnings, 2 infos"),
        "{}",
        stdout(&o)
    );
    let o = run_in(
        d,
        &["check", "warn.json", NOW, "--select", "neuralens"],
        None,
    );
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).contains("0 errors, 0 warnings, 0 infos"),
        "{}",
        stdout(&o)
    );
    let o = run_in(
        d,
        &["check", "warn.json", NOW, "--select", "synerise.evnt"],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean `synerise.event`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rules_and_kinds_filter_align_and_speak_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run_in(
        dir.path(),
        &["rules", "--vendor", "glia", "--format", "json"],
        None,
    );
    assert_eq!(code(&o), 0);
    let rules = json(&o);
    let ids: Vec<&str> = rules
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(ids.contains(&"glia.engagement-event/unknown-key"));
    assert!(
        ids.iter()
            .all(|id| id.starts_with("glia.") || !id.contains('.')),
        "{ids:?}"
    );
    let o = run_in(dir.path(), &["rules", "--kind", "neuralens.event"], None);
    let text = stdout(&o);
    assert!(text.contains("neuralens.event/"));
    assert!(!text.contains("synerise.event/"));
    // Columns line up: the severity column starts at the same place on every line.
    let at: Vec<usize> = text
        .lines()
        .map(|l| {
            l.find("  error")
                .or_else(|| l.find("  warning"))
                .or_else(|| l.find("  info"))
                .expect("a severity")
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] == w[1]), "{text}");
    let o = run_in(dir.path(), &["kinds"], None);
    let kinds = stdout(&o);
    // The second column (the vendor) starts at the same place on every line.
    let at: Vec<usize> = kinds
        .lines()
        .map(|l| {
            let id_end = l.find(' ').expect("an id");
            id_end + l[id_end..].find(|c: char| c != ' ').expect("a vendor")
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] == w[1]), "{kinds}");
    let o = run_in(dir.path(), &["rules", "--vendor", "glai"], None);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean `glia`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn completions_offer_kind_and_rule_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run_in(dir.path(), &["completions", "bash"], None);
    let script = stdout(&o);
    assert!(script.contains("synerise.custom-event"));
    assert!(script.contains("synerise.event/client-identifier"));
}

#[test]
fn watch_checks_again_when_a_file_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("p/e.json"), &custom_event(false));
    let mut child = Command::new(bin())
        .args(["check", "p", NOW, "--no-config", "--watch"])
        .current_dir(d)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("eventlint runs");
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if line.starts_with("checked ") && tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let wait = |rx: &std::sync::mpsc::Receiver<String>| {
        rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
    };
    let first = wait(&rx);
    // Give the watcher a moment to be in place after the first run, then break the file.
    std::thread::sleep(Duration::from_millis(300));
    write(&d.join("p/e.json"), &custom_event(true));
    let second = wait(&rx);
    let _ = child.kill();
    let _ = child.wait();
    let first = first.expect("a first run");
    assert!(first.contains("0 errors"), "{first}");
    let second = second.expect("a run after the change");
    assert!(second.contains("1 error"), "{second}");
}

/// Detection picks a kind when one fits clearly better, and never takes an array for a
/// Synerise batch unless it looks like one.
#[test]
fn detection_prefers_requests_and_clear_fits() {
    let options = eventlint_tests::options(None);
    let kind = |text: &str| eventlint_core::check_str(text, &options).kind.map(|k| k.id);
    let rules = |text: &str| eventlint_core::check_str(text, &options).rules();
    // A Glia event with one extra key fits the event (a request) and the seven-field response.
    assert_eq!(
        kind(r#"{"message": "hi", "engagement_id": "e-1"}"#),
        Some("glia.engagement-event")
    );
    // The response itself is still the response.
    let response = std::fs::read_to_string(
        eventlint_tests::root()
            .join("fixtures/glia/engagement-event.response/valid/vendor-event-message.json"),
    )
    .expect("the vendor's example");
    assert_eq!(kind(&response), Some("glia.engagement-event.response"));
    // An array of Synerise events is a batch; an array of numbers is not, and gets one finding.
    assert_eq!(
        kind(r#"[{"type": "custom", "action": "a.b", "label": "l", "client": {"id": 1}}]"#),
        Some("synerise.batch-events")
    );
    assert_eq!(kind("[]"), Some("synerise.batch-events"));
    let numbers = format!("[{}]", vec!["1"; 5000].join(","));
    assert_eq!(rules(&numbers), ["kind/undetermined"]);
    // `{}` is not silently a Sajari response.
    assert_eq!(rules("{}"), ["kind/undetermined"]);
}

/// A panic outside any document's check is said with its place, and exits 2 (never a silent
/// 101). Debug builds panic on purpose at start-up with `EVENTLINT_TEST_PANIC_AT_START`.
#[test]
fn a_panic_outside_a_document_is_said_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = eventlint_tests::cli::finish(
        spawn(
            dir.path(),
            &["check", NOW, "--no-config", "--allow-empty"],
            &[("EVENTLINT_TEST_PANIC_AT_START", "1")],
        ),
        Duration::from_secs(60),
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("eventlint: internal error: injected test panic at start-up at ")
            && err.contains("main.rs:")
            && err.trim_end().ends_with("(please report it)"),
        "{err}"
    );
}

/// A future tolerance too long for the calendar is refused where it is written; the library's
/// own options saturate instead of overflowing.
#[test]
fn a_future_tolerance_past_the_calendar_is_refused() {
    for tolerance in ["9223372036854775807", "\"100000000000d\"", "3153600001"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        write(
            &d.join("eventlint.toml"),
            &format!("future-tolerance = {tolerance}\n"),
        );
        write(&d.join("e.json"), &custom_event(false));
        let o = run_in(d, &["check", "e.json", NOW], None);
        assert_eq!(code(&o), 2, "{tolerance}: {}", stderr(&o));
        // The report (`config/invalid`) is on stdout, as a payload's findings are.
        assert!(
            stdout(&o).contains("is too long"),
            "{tolerance}: {}",
            stdout(&o)
        );
        assert!(stdout(&o).contains("eventlint.toml:1:"), "{}", stdout(&o));
        assert!(stdout(&o).contains("config/invalid"), "{}", stdout(&o));
    }
    let options = eventlint_tests::options(None).with_future_tolerance(chrono::TimeDelta::MAX);
    let report = eventlint_core::check_str(&custom_event(false), &options);
    assert!(
        !report.rules().contains(&"internal/error"),
        "{:?}",
        report.rules()
    );
    assert!(!report.rules().contains(&"synerise.event/time-future"));
}

/// The same file named twice, or named beside a directory that holds it, is checked once.
#[test]
fn the_same_file_named_twice_is_checked_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("p/bad.json"), &custom_event(true));
    let o = run_in(
        d,
        &[
            "check",
            "p/bad.json",
            "./p/bad.json",
            "p",
            NOW,
            "--no-config",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    assert_eq!(report["summary"]["files"], 1, "{}", stdout(&o));
    assert_eq!(report["summary"]["errors"], 1);
}

/// A `JUnit` attribute keeps a newline of a file name (`&#10;`): a parser would read a literal one
/// as a space.
#[cfg(unix)]
#[test]
fn junit_keeps_a_newline_in_a_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("two\nlines.json"), &custom_event(true));
    let o = run_in(
        d,
        &["check", ".", NOW, "--no-config", "--format", "junit"],
        None,
    );
    let xml = stdout(&o);
    assert!(xml.contains("two&#10;lines.json"), "{xml}");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .expect("a test case");
    assert_eq!(case.attribute("name"), Some("two\nlines.json"));
}
