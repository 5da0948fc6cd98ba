//! Black-box tests of the `eventlint` binary: exit codes, formats, stdin, NDJSON, directories.

use std::process::Output;

use eventlint_tests::cli::{code, run_in, stdout};
use eventlint_tests::root;

/// Runs in the repository root. `check` runs get `--no-config`: the repository's own
/// eventlint.toml declares what each fixture shows (and hides findings that behave as
/// declared), while these tests pin each fixture's findings themselves.
fn run(args: &[&str]) -> Output {
    let mut args = args.to_vec();
    if args.first() == Some(&"check") {
        args.push("--no-config");
    }
    run_in(&root(), &args, None)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

const NOW: &str = "--now=2026-01-01T00:00:00Z";
const DOG: &str = "fixtures/synerise/custom-event/valid/vendor-dog-bark.json";

#[test]
fn valid_file_exits_0() {
    let o = run(&["check", DOG, NOW]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "checked 1 file, 1 document: 0 errors, 0 warnings, 0 infos\n"
    );
}

#[test]
fn errors_exit_1_and_json_report_is_v1() {
    let o = run(&[
        "check",
        "fixtures/synerise/custom-event/invalid/synerise.event/client-identifier.json",
        NOW,
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 1);
    let report = json(&o);
    assert_eq!(report["version"], 1);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "documents": 1, "errors": 1, "warnings": 0, "infos": 0})
    );
    let d = &report["diagnostics"][0];
    for field in [
        "path",
        "document",
        "kind",
        "rule",
        "severity",
        "message",
        "pointer",
        "line",
        "column",
        "end_line",
        "end_column",
        "help",
    ] {
        assert!(d.get(field).is_some(), "missing {field}");
    }
    assert_eq!(d["rule"], "synerise.event/client-identifier");
    assert_eq!(d["kind"], "synerise.custom-event");
    assert_eq!(d["pointer"], "/client");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(13))
    );
    assert_eq!(
        d["path"],
        "fixtures/synerise/custom-event/invalid/synerise.event/client-identifier.json"
    );
}

#[test]
fn warnings_pass_unless_denied() {
    let f = "fixtures/synerise/custom-event/invalid/synerise.event/time-future.json";
    assert_eq!(code(&run(&["check", f, NOW])), 0);
    assert_eq!(code(&run(&["check", f, NOW, "--deny-warnings"])), 1);
}

#[test]
fn now_moves_the_clock() {
    let f = "fixtures/synerise/custom-event/invalid/synerise.event/time-future.json";
    let o = run(&["check", f, "--now=2031-01-01T00:00:00Z", "--deny-warnings"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn bad_flags_exit_2() {
    let o = run(&["check", DOG, "--kind", "synerise.custom-evnt"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `synerise.custom-event`?"));
    let o = run(&["check", DOG, "--now", "yesterday"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("RFC 3339"));
    assert_eq!(code(&run(&["check", DOG, "--format", "xml"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
}

#[test]
fn unreadable_path_exits_2_but_others_are_still_reported() {
    let o = run(&["check", "no/such/file.json", DOG, NOW, "--format", "json"]);
    assert_eq!(code(&o), 2);
    assert_eq!(json(&o)["summary"]["files"], 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read `no/such/file.json`"));
}

#[test]
fn stdin_json_and_ndjson() {
    let event = br#"{"action":"dog.bark","client":{},"label":"bark","time":"2022-11-28T12:18:27Z","params":{}}"#;
    let o = run_in(
        &root(),
        &["check", "-", NOW, "--format", "json"],
        Some(event),
    );
    assert_eq!(code(&o), 1);
    let r = json(&o);
    assert_eq!(r["diagnostics"][0]["path"], "<stdin>");
    assert_eq!(
        r["diagnostics"][0]["rule"],
        "synerise.event/client-identifier"
    );

    let good = String::from_utf8_lossy(event).replacen("\"client\":{}", "\"client\":{\"id\":1}", 1);
    let stream = format!("\n{good}\n\n{}\n", String::from_utf8_lossy(event));
    let stream = stream.as_bytes();
    let o = run_in(
        &root(),
        &[
            "check",
            "-",
            NOW,
            "--format",
            "json",
            "--stdin-filename",
            "events.ndjson",
        ],
        Some(stream),
    );
    let r = json(&o);
    assert_eq!(r["summary"]["documents"], 2);
    let d = &r["diagnostics"][0];
    assert_eq!(
        (
            d["path"].as_str(),
            d["document"].as_u64(),
            d["line"].as_u64(),
            d["column"].as_u64()
        ),
        (Some("events.ndjson"), Some(2), Some(4), Some(31))
    );
}

#[test]
fn ndjson_line_numbers_stay_true() {
    let o = run(&[
        "check",
        "fixtures/synerise/custom-event/invalid/synerise.event/client-identifier--stream.ndjson",
        NOW,
        "--format",
        "json",
    ]);
    let r = json(&o);
    let places: Vec<(u64, u64)> = r["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["document"].as_u64().unwrap_or(0),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(places, vec![(2, 2), (3, 4)]);
}

#[test]
fn directory_walk_honours_gitignore_and_extensions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("sub/deeper")).expect("dirs");
    let bad = r#"{"action":"dog.bark","client":{},"label":"bark","time":"2022-11-28T12:18:27Z","params":{}}"#;
    std::fs::write(d.join("a.json"), bad).expect("write");
    std::fs::write(d.join("sub/b.ndjson"), format!("{bad}\n{bad}\n")).expect("write");
    std::fs::write(d.join("sub/deeper/c.jsonl"), format!("{bad}\n")).expect("write");
    std::fs::write(d.join("ignored.json"), bad).expect("write");
    std::fs::write(d.join("notes.txt"), "not json").expect("write");
    std::fs::write(d.join(".gitignore"), "ignored.json\n").expect("write");
    let o = run_in(d, &["check", NOW, "--format", "json"], None);
    assert_eq!(code(&o), 1);
    let r = json(&o);
    assert_eq!(r["summary"]["files"], 3);
    assert_eq!(r["summary"]["documents"], 4);
    let paths: Vec<&str> = r["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        vec![
            "a.json",
            "sub/b.ndjson",
            "sub/b.ndjson",
            "sub/deeper/c.jsonl"
        ]
    );
    let o = run_in(d, &["check", "sub", NOW, "--format", "json"], None);
    assert_eq!(json(&o)["diagnostics"][0]["path"], "sub/b.ndjson");
}

#[test]
fn human_output_is_plain_when_piped() {
    let o = run(&[
        "check",
        "fixtures/synerise/custom-event/invalid/synerise.event/unknown-client-key.json",
        NOW,
    ]);
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "ANSI escapes in piped output");
    insta::assert_snapshot!("human_unknown_client_key", out);
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let o = run(&["schema", "synerise.custom-event"]);
    assert_eq!(code(&o), 0);
    let committed =
        std::fs::read_to_string(root().join("schemas/synerise.custom-event.schema.json"))
            .expect("committed");
    assert_eq!(stdout(&o), committed);
    assert_eq!(code(&run(&["schema", "nope"])), 2);
}

/// `schema --all --out-dir DIR` writes exactly the files under `schemas/` (for editors without
/// the language server: VS Code's `json.schemas`, a schema catalog), each with its `$id`.
#[test]
fn schema_all_writes_every_committed_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("nested/schemas");
    let o = run(&["schema", "--all", "--out-dir", out.to_str().expect("utf-8")]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let mut committed: Vec<String> = std::fs::read_dir(root().join("schemas"))
        .expect("schemas/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .expect("written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, committed);
    for name in &committed {
        let text = std::fs::read_to_string(out.join(name)).expect("written file");
        assert_eq!(
            text,
            std::fs::read_to_string(root().join("schemas").join(name)).expect("committed"),
            "{name}"
        );
        if let Some(kind) = name.strip_suffix(".schema.json")
            && kind != "eventlint.toml"
        {
            let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(
                schema["$id"],
                format!("urn:eventlint:schema:{kind}"),
                "{name}"
            );
            assert!(schema["title"].is_string() && schema["description"].is_string());
        }
    }
    // Without a folder, or with a kind as well: a usage error.
    assert_eq!(code(&run(&["schema", "--all"])), 2);
    assert_eq!(
        code(&run(&[
            "schema",
            "synerise.custom-event",
            "--all",
            "--out-dir",
            "x"
        ])),
        2
    );
    // A folder that cannot be made: a clear error, exit 2.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").expect("file");
    let o = run(&[
        "schema",
        "--all",
        "--out-dir",
        file.join("sub").to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot create"));
}

#[test]
fn explain_rules_and_kinds() {
    let o = run(&["explain", "synerise.event/client-identifier"]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    assert!(text.starts_with("# synerise.event/client-identifier\n"));
    assert!(text.contains("## Why") && text.contains("## Fix"));
    // Each cited source links to its entry in the repository's sources page.
    assert!(
        text.ends_with("\nSources: SEED-001 (docs/sources.md#seed-001).\n"),
        "{text}"
    );
    let o = run(&["explain", "neuralens.event/timestamp"]);
    assert_eq!(
        stdout(&o).lines().last(),
        Some(
            "Sources: SEED-002 (docs/sources.md#seed-002), vendor-rules.md §3.2 \
             (docs/sources.md#vendor-rules-3-2), [I] (docs/sources.md#tag-i)."
        )
    );
    let o = run(&["explain", "synerise.event/client-identifer"]);
    assert_eq!(code(&o), 2);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("did you mean `synerise.event/client-identifier`?")
    );
    let rules = stdout(&run(&["rules"]));
    assert_eq!(
        rules.lines().count(),
        eventlint_core::registry::rules().len()
    );
    let kinds = stdout(&run(&["kinds"]));
    assert!(
        kinds
            .lines()
            .any(|l| l.starts_with("synerise.custom-event "))
    );
}
