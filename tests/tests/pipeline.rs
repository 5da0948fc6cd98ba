//! The check pipeline of the CLI: streaming order, thread-count independence, panic isolation.

use std::process::{Command, Stdio};

use eventlint_tests::cli::{NOW, bin, code, run_in, stderr, stdout};
use eventlint_tests::root;

/// A mixed NDJSON stream: every fixture document of `synerise/custom-event` (valid and invalid,
/// blank lines in between), repeated to 4.5 MiB so that it spans several read blocks.
fn mixed_stream() -> String {
    let mut lines = Vec::new();
    for path in eventlint_tests::fixture_files() {
        let rel = path.to_string_lossy().replace('\\', "/");
        if !rel.contains("fixtures/synerise/custom-event/") || rel.contains("/json/") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable fixture");
        for (_, doc) in eventlint_tests::split_documents(&rel, &bytes) {
            let text = String::from_utf8_lossy(doc);
            let trimmed = text.trim_start_matches('\u{feff}');
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed) {
                lines.push(value.to_string());
            }
        }
    }
    let mut out = String::new();
    let mut i = 0;
    while out.len() < (9 << 20) / 2 {
        out.push_str(&lines[i % lines.len()]);
        out.push('\n');
        if i % 7 == 0 {
            out.push_str("\n   \n");
        }
        i += 1;
    }
    out
}

/// The same reports, byte for byte, with one thread and with several: on every fixture (all
/// kinds, detection, expectations off) and on a large mixed stream.
#[test]
fn reports_do_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("stream.ndjson"), mixed_stream()).expect("write");
    let fixtures = root().join("fixtures");
    let fixtures = fixtures.to_string_lossy();
    let stream = dir.path().join("stream.ndjson");
    let stream = stream.to_string_lossy();
    let runs = ["json", "human", "github", "sarif", "junit"]
        .into_iter()
        .map(|f| (f, fixtures.as_ref()))
        .chain([("json", stream.as_ref())]);
    for (format, input) in runs {
        let run = |jobs: &str| {
            let args = [
                "check",
                input,
                NOW,
                "--no-config",
                "--format",
                format,
                "-j",
                jobs,
            ];
            run_in(&root(), &args, None)
        };
        let (one, many) = (run("1"), run("4"));
        assert_eq!(code(&one), code(&many));
        assert!(
            one.stdout == many.stdout,
            "{format} report of {input} differs between 1 and 4 threads"
        );
        assert!(!one.stdout.is_empty());
    }
}

/// NDJSON document numbers and line numbers stay exact across read blocks.
#[test]
fn streamed_positions_are_exact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = r#"{"action":"dog.bark","client":{"id":1},"label":"bark","time":"2022-11-28T12:18:27Z","params":{}}"#;
    let bad = r#"{"action":"dog.bark","client":{},"label":"bark","time":"2022-11-28T12:18:27Z","params":{}}"#;
    let mut text = String::new();
    // ~6 MiB of good lines, so the bad one lands in a later read block; a blank line too.
    let count = (6 << 20) / (good.len() + 1);
    for _ in 0..count {
        text.push_str(good);
        text.push('\n');
    }
    text.push('\n');
    text.push_str(bad);
    text.push_str("\r\n");
    std::fs::write(dir.path().join("big.ndjson"), &text).expect("write");
    let o = run_in(
        dir.path(),
        &[
            "check",
            "big.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&o), 1);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(r["summary"]["documents"], count + 1);
    let d = &r["diagnostics"][0];
    assert_eq!(d["document"], count + 1);
    assert_eq!(d["line"], count + 2);
    assert_eq!(d["column"], 31);
}

/// A panic while checking one document becomes that document's `internal/error` diagnostic; the
/// other files are still checked and reported, and the run exits 2. (Debug builds panic on a
/// document containing the `EVENTLINT_TEST_PANIC` marker.)
#[test]
fn a_panic_is_an_internal_error_for_that_document_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = r#"{"action":"dog.bark","client":{},"label":"bark","time":"2022-11-28T12:18:27Z","params":{}}"#;
    std::fs::write(dir.path().join("a.json"), bad).expect("write");
    std::fs::write(
        dir.path().join("b.ndjson"),
        format!("{bad}\n{}\n{bad}\n", bad.replace("bark\"", "PANIC-HERE\"")),
    )
    .expect("write");
    let o = Command::new(bin())
        .args(["check", ".", NOW, "--no-config", "--format", "json"])
        .current_dir(dir.path())
        .env("EVENTLINT_TEST_PANIC", "PANIC-HERE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let found: Vec<(String, u64, String)> = r["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["document"].as_u64().unwrap_or_default(),
                d["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "a.json".to_owned(),
                1,
                "synerise.event/client-identifier".to_owned()
            ),
            (
                "b.ndjson".to_owned(),
                1,
                "synerise.event/client-identifier".to_owned()
            ),
            ("b.ndjson".to_owned(), 2, "internal/error".to_owned()),
            (
                "b.ndjson".to_owned(),
                3,
                "synerise.event/client-identifier".to_owned()
            ),
        ]
    );
    assert!(stdout(&o).contains("injected test panic"));
    assert!(stderr(&o).contains("1 document(s) could not be checked"));
}

/// A run mixing whole files and NDJSON streams (one of many read blocks, with a line longer than
/// a block and no final newline; an empty one; one of a single line), in nested directories.
fn mixed_tree(dir: &std::path::Path) {
    let good = r#"{"action":"dog.bark","client":{"id":1},"label":"bark","time":"2022-11-28T12:18:27Z","params":{}}"#;
    let bad = r#"{"action":"dog.bark","client":{},"label":"bark","time":"2022-11-28T12:18:27Z","params":{"x":null}}"#;
    let syntax = r#"{"action":"dog.bark",}"#;
    let long = format!(
        r#"{{"action":"dog.bark","client":{{}},"label":"{}","time":"2022-11-28T12:18:27Z","params":{{}}}}"#,
        "x".repeat(3 << 20)
    );
    std::fs::create_dir_all(dir.join("a/b")).expect("mkdir");
    std::fs::write(dir.join("a/1.json"), bad).expect("write");
    std::fs::write(dir.join("a/2.json"), good).expect("write");
    std::fs::write(dir.join("a/b/3.json"), syntax).expect("write");
    let mut stream = String::new();
    for i in 0..40_000 {
        stream.push_str(match i % 5 {
            0 => bad,
            3 => syntax,
            _ => good,
        });
        stream.push_str(if i % 11 == 0 { "\r\n\n  \n" } else { "\n" });
        if i == 20_000 {
            stream.push_str(&long);
            stream.push('\n');
        }
    }
    stream.push_str(bad);
    std::fs::write(dir.join("a/b/4.ndjson"), &stream).expect("write");
    std::fs::write(dir.join("a/b/5.ndjson"), "").expect("write");
    std::fs::write(dir.join("a/c.json"), syntax).expect("write");
    std::fs::write(dir.join("a/d.jsonl"), format!("{bad}\n")).expect("write");
    std::fs::write(dir.join("a/e.json"), bad).expect("write");
}

/// Every report, alone and several from one run, the same with 1 and 4 threads on a mixed run;
/// with `--redact` too.
#[test]
fn mixed_runs_do_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    mixed_tree(dir.path());
    let run = |jobs: &str, extra: &[&str]| {
        let mut args = vec!["check", "a", NOW, "--no-config", "-j", jobs];
        args.extend_from_slice(extra);
        run_in(dir.path(), &args, None)
    };
    for format in ["json", "human", "github", "sarif", "junit"] {
        for redact in [&[][..], &["--redact"][..]] {
            let mut extra = vec!["--format", format];
            extra.extend_from_slice(redact);
            let one = run("1", &extra);
            let many = run("4", &extra);
            assert_eq!(code(&one), 1, "{}", stderr(&one));
            assert_eq!(code(&many), 1);
            assert!(
                one.stdout == many.stdout,
                "{format} {redact:?} differs between 1 and 4 threads"
            );
            assert_eq!(one.stderr, many.stderr);
        }
    }
    // Several reports from one run.
    let reports = |jobs: &str| {
        let out = dir.path().join(format!("out-{jobs}"));
        std::fs::create_dir_all(&out).expect("mkdir");
        let o = run(
            jobs,
            &[
                "--format",
                "human",
                "--format",
                "json",
                "--output",
                &format!("out-{jobs}/r.json"),
                "--format",
                "sarif",
                "--output",
                &format!("out-{jobs}/r.sarif"),
                "--format",
                "junit",
                "--output",
                &format!("out-{jobs}/r.xml"),
            ],
        );
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        let read = |name: &str| std::fs::read(out.join(name)).expect("report written");
        (o.stdout, read("r.json"), read("r.sarif"), read("r.xml"))
    };
    assert!(
        reports("1") == reports("4"),
        "reports differ between 1 and 4 threads"
    );
}

/// The streamed reports are byte for byte what the library renders for the whole run at once.
#[test]
fn streamed_reports_are_the_whole_run_rendered_at_once() {
    use eventlint_core::render::{github, human, json};
    use eventlint_core::report::Summary;

    let dir = tempfile::tempdir().expect("temp dir");
    mixed_tree(dir.path());
    let files = [
        "a/1.json",
        "a/2.json",
        "a/b/3.json",
        "a/b/4.ndjson",
        "a/b/5.ndjson",
        "a/c.json",
        "a/d.jsonl",
        "a/e.json",
    ];
    let options = eventlint_tests::options(None);
    let mut outcomes = Vec::new();
    let mut summary = Summary::default();
    for rel in files {
        let bytes = std::fs::read(dir.path().join(rel)).expect("read");
        let (found, documents) = eventlint_tests::check_file(rel, &bytes, &options);
        summary.files += 1;
        summary.documents += documents;
        for outcome in &found {
            summary.add(outcome);
        }
        outcomes.extend(found);
    }
    let run = |format: &str| {
        let o = run_in(
            dir.path(),
            &["check", "a", NOW, "--no-config", "--format", format],
            None,
        );
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        o.stdout
    };
    assert!(run("json") == json::render(&outcomes, &summary).into_bytes());
    assert!(run("github") == github::render(&outcomes).into_bytes());
    assert!(run("human") == human::render(&outcomes, &summary, human::Style::plain()).into_bytes());
}

/// The CLI and the test suites read NDJSON with the core's one reader: the same documents on the
/// same lines, on the lines where they used to disagree (a form feed alone is a document, a byte
/// order mark alone is blank), with CRLF, blank lines of spaces and tabs, a BOM before the first
/// document and a last line without newline. Every document here has a diagnostic, so the JSON
/// report shows each one's ordinal and line; `check_file` finds the same diagnostics.
#[test]
fn the_cli_and_the_tests_split_ndjson_alike() {
    let text: &[u8] = b"\xEF\xBB\xBF{\"a\": 1,}\r\n\
        \xEF\xBB\xBF\n\
        \x0C\n\
        \x20\t \t\r\n\
        [1 2]\r\n\
        \r\n\
        \x20\x0C\t\n\
        \n\
        {'b': 2}";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("lines.ndjson"), text).expect("write");
    let o = run_in(
        dir.path(),
        &[
            "check",
            "lines.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let cli: Vec<(u64, u64, String)> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["document"].as_u64().unwrap_or_default(),
                d["line"].as_u64().unwrap_or_default(),
                d["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();

    let split = eventlint_tests::split_documents("lines.ndjson", text);
    let lines: Vec<usize> = split.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [0, 2, 4, 6, 8]);
    assert_eq!(report["summary"]["documents"], split.len());
    let expected: Vec<(u64, u64, String)> = lines
        .iter()
        .enumerate()
        .map(|(n, line)| (n as u64 + 1, *line as u64 + 1, "json/syntax".to_owned()))
        .collect();
    assert_eq!(cli, expected);

    let options = eventlint_tests::options(None);
    let (outcomes, documents) = eventlint_tests::check_file("lines.ndjson", text, &options);
    assert_eq!(documents, split.len());
    let tests: Vec<(u64, u64, String)> = outcomes
        .iter()
        .flat_map(|o| {
            o.diagnostics
                .iter()
                .map(|d| (o.document as u64, d.start.line as u64, d.rule.to_owned()))
        })
        .collect();
    assert_eq!(tests, cli);
}
