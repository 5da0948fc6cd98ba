//! `eventlint.toml`: discovery (nearest upward), precedence (flag, config, default), errors
//! (rendered, exit 2) and fixture expectations.

use std::path::Path;

use eventlint_tests::cli::{NOW, code, run_in, stderr, stdout};
use eventlint_tests::root;

/// A Synerise custom event with `time` = TIME.
fn event(time: &str) -> String {
    format!(
        "{{\"action\": \"dog.bark\", \"client\": {{\"id\": 1}}, \"label\": \"bark\", \"time\": \"{time}\", \"params\": {{}}}}\n"
    )
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("dirs");
    }
    std::fs::write(path, text).expect("write");
}

#[test]
fn the_repository_gates_its_own_fixtures() {
    let o = run_in(&root(), &["check", "fixtures"], None);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("expected by eventlint.toml, not shown"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_nearest_config_upward_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        "[rules]\n\"synerise.event/time-future\" = \"off\"\n",
    );
    write(
        &d.join("sub/eventlint.toml"),
        "[rules]\n\"synerise.event/time-future\" = \"error\"\n",
    );
    write(
        &d.join("sub/deeper/future.json"),
        &event("2999-01-01T00:00:00Z"),
    );
    // From sub/deeper, sub/eventlint.toml is the nearest: the warning becomes an error.
    let o = run_in(&d.join("sub/deeper"), &["check", NOW], None);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(stdout(&o).contains("1 error"), "{}", stdout(&o));
    // From the top too: the nearest file above the checked file wins (as ruff finds its
    // configuration), not the one in the current directory.
    let o = run_in(d, &["check", NOW], None);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(stdout(&o).contains("1 error"), "{}", stdout(&o));
    // A file beside the outer configuration gets the outer one.
    write(&d.join("top.json"), &event("2999-01-01T00:00:00Z"));
    let o = run_in(d, &["check", NOW, "top.json"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).ends_with("0 errors, 0 warnings, 0 infos\n"));
    // From a directory with no configuration above it, a path into the project finds the
    // project's, and the run says which file it used.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = d.join("sub/deeper/future.json");
    let o = run_in(
        elsewhere.path(),
        &["check", NOW, target.to_str().expect("UTF-8")],
        None,
    );
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(
        stderr(&o).contains("using the configuration `")
            && stderr(&o).contains("sub/eventlint.toml`"),
        "{}",
        stderr(&o)
    );
    // --config picks a file; --no-config ignores them all.
    let o = run_in(d, &["check", NOW, "--config", "sub/eventlint.toml"], None);
    assert_eq!(code(&o), 1);
    let o = run_in(&d.join("sub/deeper"), &["check", NOW, "--no-config"], None);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("1 warning"));
    let o = run_in(d, &["check", "--config", "missing.toml"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot read the configuration `missing.toml`"));
}

#[test]
fn globs_are_relative_to_the_config_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        "[[files]]\nglob = \"payloads/strict/**\"\nrules = { \"synerise.event/time-future\" = \"error\" }\n",
    );
    write(
        &d.join("payloads/strict/a.json"),
        &event("2999-01-01T00:00:00Z"),
    );
    write(
        &d.join("payloads/lax/a.json"),
        &event("2999-01-01T00:00:00Z"),
    );
    for cwd in [d.to_path_buf(), d.join("payloads")] {
        let o = run_in(&cwd, &["check", NOW, "--format", "json"], None);
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let severities: Vec<(&str, &str)> = r["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .map(|d| {
                (
                    d["path"].as_str().unwrap_or_default(),
                    d["severity"].as_str().unwrap_or_default(),
                )
            })
            .collect();
        let prefix = if cwd == d { "payloads/" } else { "" };
        assert_eq!(
            severities,
            [
                (format!("{prefix}lax/a.json").as_str(), "warning"),
                (format!("{prefix}strict/a.json").as_str(), "error"),
            ]
        );
    }
}

#[test]
fn flags_win_over_the_config_which_wins_over_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // The clock: default (system clock) < config `now` < --now.
    write(&d.join("future.json"), &event("2999-01-01T00:00:00Z"));
    let warned = |args: &[&str]| stdout(&run_in(d, args, None)).contains("1 warning");
    assert!(
        warned(&["check", "future.json"]),
        "default: the system clock"
    );
    write(
        &d.join("eventlint.toml"),
        "now = \"3000-01-01T00:00:00Z\"\n",
    );
    assert!(!warned(&["check", "future.json"]), "config now");
    assert!(warned(&["check", "future.json", NOW]), "--now wins");
    // A TOML date-time works too.
    write(&d.join("eventlint.toml"), "now = 3000-01-01T00:00:00Z\n");
    assert!(!warned(&["check", "future.json"]));

    // future-tolerance: a time 2 minutes after `now` is in the future, unless tolerated.
    write(&d.join("future.json"), &event("2026-01-01T00:02:00Z"));
    write(
        &d.join("eventlint.toml"),
        "now = \"2026-01-01T00:00:00Z\"\n",
    );
    assert!(warned(&["check", "future.json"]));
    write(
        &d.join("eventlint.toml"),
        "now = \"2026-01-01T00:00:00Z\"\nfuture-tolerance = \"5m\"\n",
    );
    assert!(!warned(&["check", "future.json"]));
    write(
        &d.join("eventlint.toml"),
        "now = \"2026-01-01T00:00:00Z\"\nfuture-tolerance = 60\n",
    );
    assert!(warned(&["check", "future.json"]));

    // The kind: default (detection) < config `kind` < --kind.
    write(&d.join("odd.json"), "{\"hello\": \"world\"}");
    let rules = |args: &[&str]| -> Vec<String> {
        let o = run_in(d, args, None);
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        r["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|d| d["rule"].as_str().map(str::to_owned))
            .collect()
    };
    std::fs::remove_file(d.join("eventlint.toml")).expect("rm");
    let detected = rules(&["check", "odd.json", "--format", "json"]);
    assert_eq!(detected, ["kind/undetermined"]);
    write(
        &d.join("eventlint.toml"),
        "[[files]]\nglob = \"*.json\"\nkind = \"synerise.custom-event\"\n",
    );
    let configured = rules(&["check", "odd.json", "--format", "json"]);
    assert!(configured.contains(&"synerise.custom-event/action-required".to_owned()));
    write(
        &d.join("eventlint.toml"),
        "[[files]]\nglob = \"*.json\"\nkind = \"detect\"\n",
    );
    let flagged = rules(&[
        "check",
        "odd.json",
        "--format",
        "json",
        "--kind",
        "synerise.custom-event",
    ]);
    assert!(flagged.contains(&"synerise.custom-event/action-required".to_owned()));

    // deny-warnings: the config turns it on; the flag cannot turn it off, only on.
    write(&d.join("future.json"), &event("2999-01-01T00:00:00Z"));
    write(&d.join("eventlint.toml"), "deny-warnings = true\n");
    assert_eq!(code(&run_in(d, &["check", "future.json", NOW], None)), 1);
    std::fs::remove_file(d.join("eventlint.toml")).expect("rm");
    assert_eq!(code(&run_in(d, &["check", "future.json", NOW], None)), 0);
}

#[test]
fn later_entries_win_and_overrides_merge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        r#"
[rules]
"synerise.event/time-future" = "error"
"synerise.custom-event/action-format" = "warning"

[[files]]
glob = "**"
rules = { "synerise.event/time-future" = "info" }

[[files]]
glob = "quiet/**"
rules = { "synerise.event/time-future" = "off" }
"#,
    );
    write(&d.join("loud/a.json"), &event("2999-01-01T00:00:00Z"));
    write(&d.join("quiet/a.json"), &event("2999-01-01T00:00:00Z"));
    let o = run_in(d, &["check", NOW], None);
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).ends_with("checked 2 files, 2 documents: 0 errors, 0 warnings, 1 info\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn excluded_files_are_not_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        "exclude = [\"vendored/**\", \"*.jsonl\"]\n",
    );
    write(&d.join("vendored/bad.json"), "{");
    write(&d.join("also.jsonl"), "{\n");
    write(&d.join("good.json"), &event("2022-11-28T12:18:27Z"));
    let o = run_in(d, &["check", NOW], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).starts_with("checked 1 file,"));
    // Named on the command line, an excluded file is still excluded, and the run says so; a
    // run left with nothing to check exits 2 unless --allow-empty.
    let o = run_in(d, &["check", "vendored/bad.json", NOW], None);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).starts_with("checked 0 files,"));
    assert!(
        stderr(&o).contains(
            "warning: `vendored/bad.json` is not checked: `exclude` glob `vendored/**` in `eventlint.toml` matches it"
        ),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("no document was checked"),
        "{}",
        stderr(&o)
    );
    let o = run_in(
        d,
        &["check", "vendored/bad.json", NOW, "--allow-empty"],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // With a file that is checked beside it, the run passes and still names the excluded one.
    let o = run_in(d, &["check", "vendored/bad.json", "good.json", NOW], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("`vendored/bad.json` is not checked"));
}

#[test]
fn config_errors_are_rendered_with_their_span_and_exit_2() {
    let cases: &[(&str, &str)] = &[
        ("unknown_top_level_key", "nw = \"2026-01-01T00:00:00Z\"\n"),
        (
            "unknown_files_key",
            "[[files]]\nglob = \"payloads/**\"\nkidn = \"synerise.custom-event\"\n",
        ),
        ("wrong_type", "deny-warnings = \"yes\"\n"),
        ("wrong_type_list", "exclude = \"target/**\"\n"),
        (
            "unknown_rule",
            "[rules]\n\"synerise.event/client-identifer\" = \"off\"\n",
        ),
        (
            "unknown_severity",
            "[rules]\n\"json/syntax\" = \"warnign\"\n",
        ),
        (
            "unknown_kind",
            "[[files]]\nglob = \"payloads/**\"\nkind = \"synerise.custom-evnt\"\n",
        ),
        (
            "unknown_expected_rule",
            "[[files]]\nglob = \"bad/**\"\nexpect = \"invalid\"\nexpect-rules = [\"json/sintax\"]\n",
        ),
        ("bad_now", "now = \"yesterday\"\n"),
        ("bad_tolerance", "future-tolerance = \"5 minutes\"\n"),
        ("bad_glob", "exclude = [\"a/{b\"]\n"),
        (
            "uncaptured_template",
            "[[files]]\nglob = \"fixtures/*/*/**\"\nkind = \"<vendor>.<kind>\"\n",
        ),
        (
            "expect_rules_without_invalid",
            "[[files]]\nglob = \"ok/**\"\nexpect = \"valid\"\nexpect-rules = [\"json/syntax\"]\n",
        ),
        ("toml_syntax", "[rules\n\"json/syntax\" = \"off\"\n"),
    ];
    for (name, text) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        write(&dir.path().join("eventlint.toml"), text);
        let o = run_in(dir.path(), &["check", NOW], None);
        assert_eq!(code(&o), 2, "{name}: {}", stderr(&o));
        // The human report, as for a payload's findings (it was on stderr before the rule
        // `config/invalid`); stderr says why nothing was checked.
        assert_eq!(
            stderr(&o),
            "eventlint: `eventlint.toml` is not a valid configuration (rule `config/invalid`); no payload was checked\n",
            "{name}"
        );
        insta::assert_snapshot!(format!("config_error_{name}"), stdout(&o));
    }
}

/// Bad configurations, each with the place (line, column) of its problem.
const BAD_CONFIGS: &[(&str, &str, usize, usize)] = &[
    (
        "unknown key",
        "[[files]]\nglob = \"payloads/**\"\nkidn = \"synerise.custom-event\"\n",
        3,
        1,
    ),
    (
        "bad severity",
        "now = \"2026-01-01T00:00:00Z\"\n\n[rules]\n\"json/syntax\" = \"warnign\"\n",
        4,
        17,
    ),
    (
        "bad glob",
        "deny-warnings = false\nexclude = [\"a/{b\"]\n",
        2,
        12,
    ),
];

/// A directory with the configuration `text` and a payload (never checked).
fn bad_project(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(&dir.path().join("eventlint.toml"), text);
    write(
        &dir.path().join("payloads/a.json"),
        &event("2026-01-01T00:00:00Z"),
    );
    dir
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    jsonschema::draft4::new(&schema).expect("the SARIF schema compiles")
}

/// What each report says of a bad configuration: one `config/invalid` error of the file
/// `path`, at `line`:`column`.
fn assert_reported(format: &str, text: &str, path: &str, line: usize, column: usize, case: &str) {
    match format {
        "json" => {
            let report: serde_json::Value = serde_json::from_str(text).expect("JSON report");
            assert_eq!(report["version"], 1, "{case}");
            let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
            assert_eq!(diagnostics.len(), 1, "{case}: {text}");
            let d = &diagnostics[0];
            assert_eq!(d["rule"], "config/invalid", "{case}");
            assert_eq!(d["severity"], "error", "{case}");
            assert_eq!(d["path"], path, "{case}");
            assert_eq!(d["line"], line, "{case}");
            assert_eq!(d["column"], column, "{case}");
            assert!(d["help"].is_string() || case == "bad glob", "{case}: {d}");
            let summary = &report["summary"];
            assert_eq!(summary["errors"], 1, "{case}: {summary}");
            assert_eq!(summary["warnings"], 0, "{case}");
            assert_eq!(summary["infos"], 0, "{case}");
            assert_eq!(summary["documents"], 0, "{case}: no payload was checked");
        }
        "sarif" => {
            let log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
            let errors: Vec<String> = sarif_validator()
                .iter_errors(&log)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{case}: invalid SARIF:\n{}",
                errors.join("\n")
            );
            let run = &log["runs"][0];
            let results = run["results"].as_array().expect("results");
            assert_eq!(results.len(), 1, "{case}");
            let result = &results[0];
            assert_eq!(result["ruleId"], "config/invalid", "{case}");
            assert_eq!(result["level"], "error", "{case}");
            let index = result["ruleIndex"].as_u64().expect("ruleIndex");
            let index = usize::try_from(index).expect("small");
            assert_eq!(
                run["tool"]["driver"]["rules"][index]["id"], "config/invalid",
                "{case}"
            );
            let location = &result["locations"][0]["physicalLocation"];
            assert_eq!(location["artifactLocation"]["uri"], path, "{case}");
            assert_eq!(location["region"]["startLine"], line, "{case}");
            assert_eq!(location["region"]["startColumn"], column, "{case}");
        }
        "github" => {
            let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
            assert_eq!(lines.len(), 1, "{case}: {text}");
            assert!(
                lines[0].starts_with(&format!("::error file={path},line={line},col={column},"))
                    && lines[0].contains(",title=config/invalid::"),
                "{case}: {text}"
            );
        }
        "junit" => {
            let xml = roxmltree::Document::parse(text).expect("JUnit is XML");
            let root = xml.root_element();
            assert_eq!(root.attribute("tests"), Some("1"), "{case}: {text}");
            assert_eq!(root.attribute("failures"), Some("1"), "{case}: {text}");
            let cases: Vec<_> = xml
                .descendants()
                .filter(|n| n.has_tag_name("testcase"))
                .collect();
            assert_eq!(cases.len(), 1, "{case}: {text}");
            assert_eq!(cases[0].attribute("file"), Some(path), "{case}");
            let failure = cases[0]
                .children()
                .find(|n| n.has_tag_name("failure"))
                .expect("a failure");
            assert_eq!(failure.attribute("type"), Some("config/invalid"), "{case}");
            assert!(
                failure.text().is_some_and(
                    |t| t.contains(&format!("{path}:{line}:{column}: error[config/invalid]"))
                ),
                "{case}: {text}"
            );
        }
        _ => {
            assert!(text.contains("config/invalid"), "{case}: {text}");
            assert!(
                text.contains(&format!("[{path}:{line}:{column}]")),
                "{case}: {text}"
            );
            assert!(
                text.contains("checked 0 files, 0 documents: 1 error, 0 warnings, 0 infos"),
                "{case}: {text}"
            );
        }
    }
}

/// A bad `eventlint.toml` is a `config/invalid` diagnostic of the file, in every format, on
/// stdout: the run still stops before checking anything and exits 2.
#[test]
fn a_bad_config_is_a_diagnostic_in_every_format() {
    for (case, text, line, column) in BAD_CONFIGS {
        let dir = bad_project(text);
        for format in ["json", "sarif", "github", "junit", "human"] {
            let o = run_in(dir.path(), &["check", NOW, "--format", format], None);
            assert_eq!(code(&o), 2, "{case}, {format}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("`eventlint.toml` is not a valid configuration"),
                "{case}, {format}: {}",
                stderr(&o)
            );
            assert!(
                !stderr(&o).contains("no document was checked"),
                "{case}, {format}: {}",
                stderr(&o)
            );
            let report = stdout(&o);
            assert_reported(format, &report, "eventlint.toml", *line, *column, case);
        }
    }
}

/// Every report of one run, written to files with `--output`, carries it; the configuration is
/// named as shown (`--config conf/lint.toml`, or a parent's `../eventlint.toml`).
#[test]
fn a_bad_config_is_in_every_output_file() {
    let (case, text, line, column) = BAD_CONFIGS[1];
    let dir = bad_project("");
    write(&dir.path().join("conf/lint.toml"), text);
    let o = run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--config",
            "conf/lint.toml",
            "--format",
            "json",
            "-o",
            "r.json",
            "--format",
            "sarif",
            "-o",
            "r.sarif",
            "--format",
            "junit",
            "-o",
            "r.xml",
            "--format",
            "github",
            "-o",
            "r.github",
            "--format",
            "human",
            "-o",
            "r.txt",
        ],
        None,
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    for (format, file) in [
        ("json", "r.json"),
        ("sarif", "r.sarif"),
        ("junit", "r.xml"),
        ("github", "r.github"),
        ("human", "r.txt"),
    ] {
        let report = std::fs::read_to_string(dir.path().join(file)).expect("the report");
        assert_reported(format, &report, "conf/lint.toml", line, column, case);
    }
    // Found upward from a subfolder: shown relative to the current directory.
    let (case, text, line, column) = BAD_CONFIGS[0];
    let dir = bad_project(text);
    let o = run_in(
        &dir.path().join("payloads"),
        &["check", NOW, "--format", "json", "."],
        None,
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_reported("json", &stdout(&o), "../eventlint.toml", line, column, case);
}

/// Rule selection does not turn the problem off or down: the run still exits 2.
#[test]
fn a_bad_config_cannot_be_ignored() {
    let (case, text, line, column) = BAD_CONFIGS[2];
    let dir = bad_project(text);
    for extra in [
        ["--ignore", "config/invalid"],
        ["--severity", "config/invalid=info"],
        ["--min-severity", "error"],
    ] {
        let mut args = vec!["check", NOW, "--format", "json"];
        args.extend(extra);
        let o = run_in(dir.path(), &args, None);
        assert_eq!(code(&o), 2, "{extra:?}: {}", stderr(&o));
        assert_reported("json", &stdout(&o), "eventlint.toml", line, column, case);
    }
}

#[test]
fn a_template_naming_an_unknown_kind_fails_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(
        &d.join("eventlint.toml"),
        "[[files]]\nglob = \"fixtures/<vendor>/<kind>/**\"\nkind = \"<vendor>.<kind>\"\n",
    );
    write(
        &d.join("fixtures/synerise/custom-evnt/a.json"),
        &event("2022-11-28T12:18:27Z"),
    );
    write(
        &d.join("fixtures/synerise/custom-event/a.json"),
        &event("2022-11-28T12:18:27Z"),
    );
    let o = run_in(d, &["check", NOW], None);
    assert_eq!(code(&o), 2);
    assert!(
        stdout(&o).starts_with("checked 1 file,"),
        "the other file is still checked"
    );
    assert!(
        stderr(&o).contains("gives it the kind `synerise.custom-evnt` (from `fixtures/<vendor>/<kind>/**`), which is not a kind; did you mean `synerise.custom-event`?"),
        "{}",
        stderr(&o)
    );
}

const FIXTURE_CONFIG: &str = r#"
now = "2026-01-01T00:00:00Z"

[[files]]
glob = "fixtures/<vendor>/<kind>/**"
kind = "<vendor>.<kind>"

[[files]]
glob = "fixtures/*/*/valid/**"
expect = "valid"

[[files]]
glob = "fixtures/**/invalid/<group>/<rule>{--*.*,.*}"
expect = "invalid"
expect-rules = ["<group>/<rule>"]
"#;

/// A fixture tree: one valid file, and invalid ones that show what their names say.
fn fixture_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("eventlint.toml"), FIXTURE_CONFIG);
    let base = d.join("fixtures/synerise/custom-event");
    write(&base.join("valid/ok.json"), &event("2022-11-28T12:18:27Z"));
    write(
        &base.join("invalid/json/syntax.json"),
        "{\"action\": \"dog.bark\",}",
    );
    write(
        &base.join("invalid/synerise.event/time-future--far.ndjson"),
        &format!(
            "{}{}",
            event("2022-11-28T12:18:27Z"),
            event("2999-01-01T00:00:00Z")
        ),
    );
    dir
}

#[test]
fn fixtures_that_behave_as_declared_pass() {
    let dir = fixture_tree();
    let o = run_in(dir.path(), &["check", "fixtures"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    insta::assert_snapshot!("expectations_met", stdout(&o));
    // The hidden findings are counted in the JSON summary.
    let o = run_in(dir.path(), &["check", "fixtures", "--format", "json"], None);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(r["summary"]["errors"], 0);
    assert!(r["summary"]["expected"].as_u64().is_some_and(|n| n >= 2));
    assert_eq!(r["diagnostics"], serde_json::json!([]));
}

#[test]
fn an_invalid_fixture_that_stops_failing_fails_the_run() {
    let dir = fixture_tree();
    write(
        &dir.path()
            .join("fixtures/synerise/custom-event/invalid/json/syntax.json"),
        &event("2022-11-28T12:18:27Z"),
    );
    let o = run_in(dir.path(), &["check", "fixtures"], None);
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!("expectation_no_longer_fails", stdout(&o));
}

#[test]
fn an_invalid_fixture_that_fails_for_another_rule_fails_the_run() {
    let dir = fixture_tree();
    write(
        &dir.path()
            .join("fixtures/synerise/custom-event/invalid/synerise.event/time-future--far.ndjson"),
        "{\"action\": \"dog.bark\",}\n",
    );
    let o = run_in(dir.path(), &["check", "fixtures", "--format", "json"], None);
    assert_eq!(code(&o), 1);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let rules: Vec<&str> = r["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["config/expectation", "json/syntax"]);
    assert_eq!(
        r["diagnostics"][0]["message"],
        "expected to show `synerise.event/time-future`, but it shows `json/syntax`"
    );
}

#[test]
fn a_valid_fixture_with_a_warning_fails_the_run() {
    let dir = fixture_tree();
    write(
        &dir.path()
            .join("fixtures/synerise/custom-event/valid/ok.json"),
        &event("2999-01-01T00:00:00Z"),
    );
    let o = run_in(
        dir.path(),
        &["check", "fixtures", "--format", "github"],
        None,
    );
    assert_eq!(
        code(&o),
        1,
        "a warning alone would pass; the expectation fails the run"
    );
    insta::assert_snapshot!("expectation_valid_with_warning", stdout(&o));
}

#[test]
fn the_readme_example_is_a_valid_config() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let section = &readme[readme.find("## Configuration").expect("section")..];
    let start = section.find("```toml\n").expect("toml block") + "```toml\n".len();
    let text = &section[start..start + section[start..].find("```").expect("end")];
    if let Err(e) = eventlint_core::config::Config::parse(text, "README.md") {
        panic!("{e}: {:?}", &text[e.span.clone()]);
    }
}

/// The repository's eventlint.toml and the README example conform to the generated schema that
/// TOML editors use.
#[test]
fn configs_conform_to_the_generated_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/eventlint.toml.schema.json"))
            .expect("schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let text = std::fs::read_to_string(root().join("eventlint.toml")).expect("eventlint.toml");
    let value: serde_json::Value = toml::from_str(&text).expect("TOML");
    assert!(validator.is_valid(&value), "eventlint.toml");
    let bad: serde_json::Value = toml::from_str("kidn = 1").expect("TOML");
    assert!(!validator.is_valid(&bad));
}

/// `[[files]]` and `exclude` scale to thousands of entries: a path is matched against all plain
/// globs in one pass (10,000 entries over 10,000 files took 55.7 s when each glob was tried in
/// turn).
#[test]
fn thousands_of_files_entries_match_in_one_pass() {
    use std::fmt::Write as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut toml = String::from("exclude = [");
    for i in 0..2_000 {
        let _ = write!(toml, "\"skip{i}/**\", ");
    }
    toml.push_str("]\n");
    for i in 0..10_000 {
        let _ = writeln!(
            toml,
            "[[files]]\nglob = \"p/d{i}/**\"\nkind = \"glia.engagement-event\""
        );
    }
    toml.push_str("[[files]]\nglob = \"p/<x>/<y>.json\"\nexpect = \"valid\"\n");
    write(&d.join("eventlint.toml"), &toml);
    for i in 0..2_000 {
        write(&d.join(format!("p/d{i}/e.json")), r#"{"message": "hi"}"#);
    }
    let started = std::time::Instant::now();
    let o = run_in(d, &["check", "p", NOW, "--quiet"], None);
    let took = started.elapsed();
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).starts_with("checked 2000 files,"),
        "{}",
        stdout(&o)
    );
    // One glob at a time took over 20 s here in a debug build; one pass takes about a second.
    assert!(took < std::time::Duration::from_secs(15), "took {took:?}");
}
