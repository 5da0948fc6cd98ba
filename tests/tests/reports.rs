//! Report formats on one mixed input (`tests/data/mixed`: valid and invalid, `.json` and
//! `.ndjson`, errors, warnings and an info), `--output` pairing, atomic writes, completions.

use std::path::Path;
use std::process::Output;

use eventlint_tests::cli::{NOW, code, run_in, stderr, stdout};
use eventlint_tests::root;

const MIXED: &str = "tests/data/mixed";

fn mixed(format: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", MIXED, NOW, "--no-config", "--format", format];
    args.extend_from_slice(extra);
    run_in(&root(), &args, None)
}

/// The SARIF log with each rule descriptor replaced by its id: the manuals change with the
/// rules' documentation; [`sarif_lists_the_rules_that_fired`] checks the descriptors.
fn sarif_for_snapshot(text: &str) -> String {
    let mut log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    let driver = &mut log["runs"][0]["tool"]["driver"];
    if let Some(rules) = driver["rules"].as_array_mut() {
        for rule in rules {
            *rule = rule["id"].clone();
        }
    }
    serde_json::to_string_pretty(&log).expect("serializable")
}

#[test]
fn every_format_on_the_same_input() {
    for format in ["human", "json", "sarif", "github", "junit"] {
        let o = mixed(format, &[]);
        assert_eq!(code(&o), 1, "{format}: {}", stderr(&o));
        let text = stdout(&o);
        let text = if format == "sarif" {
            sarif_for_snapshot(&text)
        } else {
            text
        };
        insta::assert_snapshot!(format!("mixed_{format}"), text);
    }
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF schema compiles");
    let log: serde_json::Value = serde_json::from_slice(&mixed("sarif", &[]).stdout).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    // Also a log with no result, and one read from stdin (a name that is no URI).
    for args in [
        vec![
            "check",
            "tests/data/mixed/clean.json",
            NOW,
            "--format",
            "sarif",
        ],
        vec!["check", "-", NOW, "--format", "sarif"],
    ] {
        let o = run_in(&root(), &args, Some(b"{\"action\": \"x\"}"));
        let log: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert!(validator.is_valid(&log), "{}", stdout(&o));
    }
}

/// `tool.driver.rules` describes the rules with at least one result, no other (all 170 manuals
/// made a report of 19 results weigh 484 KB), in the registry's order; each result's
/// `ruleIndex` points at its own rule.
#[test]
fn sarif_lists_the_rules_that_fired() {
    let text = mixed("sarif", &[]).stdout;
    let log: serde_json::Value = serde_json::from_slice(&text).expect("JSON");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "eventlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // No placeholder address: the member is left out until there is a real one.
    assert!(driver.get("informationUri").is_none(), "{driver}");
    let rules = driver["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    let mut fired: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().expect("ruleId"))
        .collect();
    fired.sort_unstable();
    fired.dedup();
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, fired, "exactly the rules with a result, sorted by id");
    assert_eq!(ids.len(), 5);
    assert!(
        text.len() < 40_000,
        "{} bytes for {} results",
        text.len(),
        results.len()
    );
    for descriptor in rules {
        let id = descriptor["id"].as_str().expect("id");
        let rule = eventlint_core::registry::rule(id).expect("a registered rule");
        assert_eq!(descriptor["id"], rule.id);
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        assert!(
            descriptor["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("## Why")),
            "{}",
            rule.id
        );
        assert!(
            descriptor["help"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let level = match rule.severity {
            eventlint_core::Severity::Error => "error",
            eventlint_core::Severity::Warning => "warning",
            eventlint_core::Severity::Info => "note",
        };
        assert_eq!(descriptor["defaultConfiguration"]["level"], level);
    }
    for result in results {
        let index = usize::try_from(result["ruleIndex"].as_u64().expect("index")).expect("usize");
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        for field in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[field].as_u64().is_some(), "{field}");
        }
    }
    // No result, no rule.
    let o = run_in(
        &root(),
        &[
            "check",
            "tests/data/mixed/clean.json",
            NOW,
            "--format",
            "sarif",
        ],
        None,
    );
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"],
        serde_json::json!([])
    );
}

#[test]
fn junit_has_one_case_per_document() {
    let cases = |xml: &str| -> Vec<(String, String, bool, bool)> {
        let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .map(|n| {
                (
                    n.attribute("name").unwrap_or_default().to_owned(),
                    n.attribute("classname").unwrap_or_default().to_owned(),
                    n.children().any(|c| c.has_tag_name("failure")),
                    n.children().any(|c| c.has_tag_name("system-out")),
                )
            })
            .collect()
    };
    let xml = stdout(&mixed("junit", &[]));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("7"));
    assert_eq!(suites.attribute("failures"), Some("2"));
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .count(),
        4
    );
    let all = cases(&xml);
    let names: Vec<&str> = all.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "tests/data/mixed/clean.json",
            // By line: line 2 is blank.
            "tests/data/mixed/events.ndjson:1",
            "tests/data/mixed/events.ndjson:3",
            "tests/data/mixed/events.ndjson:4",
            "tests/data/mixed/events.ndjson:5",
            "tests/data/mixed/no-identifier.json",
            "tests/data/mixed/style.json",
        ]
    );
    // A document that does not parse has no kind (no --kind given): classname `eventlint`.
    let classes: Vec<&str> = all.iter().map(|c| c.1.as_str()).collect();
    assert_eq!(
        classes,
        [
            "synerise.custom-event",
            "synerise.custom-event",
            "synerise.custom-event",
            "synerise.custom-event",
            "eventlint",
            "synerise.custom-event",
            "synerise.custom-event",
        ]
    );
    let failing: Vec<&str> = all.iter().filter(|c| c.2).map(|c| c.0.as_str()).collect();
    assert_eq!(
        failing,
        [
            "tests/data/mixed/events.ndjson:5",
            "tests/data/mixed/no-identifier.json"
        ]
    );
    // Warnings and infos that do not fail the run are listed in <system-out>.
    let listed: Vec<&str> = all.iter().filter(|c| c.3).map(|c| c.0.as_str()).collect();
    assert_eq!(
        listed,
        [
            "tests/data/mixed/events.ndjson:3",
            "tests/data/mixed/events.ndjson:4",
            "tests/data/mixed/style.json"
        ]
    );
    // With --deny-warnings, warnings fail their test case too; infos never do.
    let xml = stdout(&mixed("junit", &["--deny-warnings"]));
    let failing: Vec<String> = cases(&xml)
        .into_iter()
        .filter(|c| c.2)
        .map(|c| c.0)
        .collect();
    assert_eq!(failing.len(), 4, "{failing:?}");
    // A document no kind fits is classed `eventlint`.
    let o = run_in(
        &root(),
        &["check", "-", "--format", "junit"],
        Some(b"{\"hello\": 1}"),
    );
    assert!(stdout(&o).contains("<testcase name=\"&lt;stdin&gt;\" classname=\"eventlint\""));
}

/// A `JUnit` test case of an NDJSON document is named by the document's line in the file (what a
/// CI view links to), not its ordinal: blank, whitespace-only and CRLF-blank lines are no
/// documents, and the file spans several 1 MiB blocks. SARIF, `JUnit` and GitHub reports are byte
/// for byte the same with 1 and 4 threads.
#[test]
fn junit_names_ndjson_documents_by_their_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = r#"{"action": "dog.bark", "client": {"id": 1}, "time": "2022-11-28T12:18:27Z", "params": {}, "label": "bark"}"#;
    let invalid = r#"{"action": "dog.bark", "client": {"id": 1}, "time": "2022-11-28T12:18:27Z", "params": {}, "label": "bark",}"#;
    let warning = r#"{"action": "dog.bark", "client": {"id": 1, "customID": "x"}, "time": "2022-11-28T12:18:27Z", "params": {}, "label": "b"}"#;
    let mut text = String::from("\n  \n");
    let mut expected = Vec::new();
    let mut line = 2;
    for i in 0..20_000_usize {
        let document = match i % 97 {
            0 => invalid,
            13 => warning,
            _ => valid,
        };
        line += 1;
        text.push_str(document);
        text.push_str(if i % 5 == 0 { "\r\n" } else { "\n" });
        expected.push((line, i % 97 == 0));
        // Irregular gaps: none, one blank line, a CRLF-blank one, two with spaces and a tab.
        let gap = match i % 7 {
            1 => "\n",
            3 => "\r\n",
            5 => " \n\t\n",
            _ => "",
        };
        line += gap.matches('\n').count();
        text.push_str(gap);
    }
    assert!(text.len() > 2 << 20, "several blocks");
    std::fs::write(dir.path().join("gaps.ndjson"), &text).expect("write");
    let report = |format: &str, jobs: &str| {
        let o = run_in(
            dir.path(),
            &[
                "check",
                "gaps.ndjson",
                NOW,
                "--no-config",
                "-j",
                jobs,
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        stdout(&o)
    };
    let xml = report("junit", "4");
    for format in ["junit", "sarif", "github"] {
        assert!(
            report(format, "1") == report(format, "4"),
            "{format}: -j 1 and -j 4 differ"
        );
    }
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let cases: Vec<(String, Option<String>)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|n| {
            let failure = n
                .children()
                .find(|c| c.has_tag_name("failure"))
                .and_then(|f| f.text())
                .map(str::to_owned);
            (n.attribute("name").unwrap_or_default().to_owned(), failure)
        })
        .collect();
    assert_eq!(cases.len(), expected.len());
    for ((name, failure), (line, fails)) in cases.iter().zip(&expected) {
        assert_eq!(name, &format!("gaps.ndjson:{line}"));
        assert_eq!(failure.is_some(), *fails, "{name}");
        // The failure's diagnostics are on the same line as the test case's name.
        if let Some(failure) = failure {
            assert!(
                failure.starts_with(&format!("{name}:")),
                "{name}: {failure}"
            );
        }
    }
}

/// A run that fails on warnings (`--deny-warnings`, or `deny-warnings = true` in
/// `eventlint.toml`) annotates its warnings as errors: they fail the job.
#[test]
fn github_annotations_are_errors_when_warnings_fail_the_run() {
    let count = |text: &str, command: &str| {
        text.lines()
            .filter(|l| l.starts_with(&format!("::{command} ")))
            .count()
    };
    let o = mixed("github", &[]);
    let out = stdout(&o);
    assert_eq!(
        [
            count(&out, "error"),
            count(&out, "warning"),
            count(&out, "notice")
        ],
        [2, 3, 1],
        "{out}"
    );
    let o = mixed("github", &["--deny-warnings"]);
    let out = stdout(&o);
    assert_eq!(
        [
            count(&out, "error"),
            count(&out, "warning"),
            count(&out, "notice")
        ],
        [5, 0, 1],
        "{out}"
    );
    assert!(out.contains("::error file=tests/data/mixed/events.ndjson,line=3,col=53,"));

    // Warnings only: the run passes unless they are denied, here by eventlint.toml.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("warn.json"),
        r#"{"action": "dog.bark", "client": {"id": 1, "customID": "x"}, "time": "2022-11-28T12:18:27Z", "params": {}, "label": "b"}"#,
    )
    .expect("write");
    let o = run_in(dir.path(), &["check", ".", NOW, "--format", "github"], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("::warning file=warn.json,"),
        "{}",
        stdout(&o)
    );
    std::fs::write(dir.path().join("eventlint.toml"), "deny-warnings = true\n").expect("write");
    let o = run_in(dir.path(), &["check", ".", NOW, "--format", "github"], None);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("::error file=warn.json,"),
        "{}",
        stdout(&o)
    );
    assert_eq!(count(&stdout(&o), "warning"), 0);
}

#[test]
fn github_commands_escape_properties_and_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("odd,name:1.json"),
        "{\"action\": \"dog.bark\", \"client\": {\"id\": 1, \"x%\": 2}, \"label\": \"b\", \"time\": \"2022-11-28T12:18:27Z\", \"params\": {}}",
    )
    .expect("write");
    let o = run_in(
        dir.path(),
        &["check", ".", NOW, "--no-config", "--format", "github"],
        None,
    );
    let out = stdout(&o);
    assert!(
        out.starts_with("::warning file=odd%2Cname%3A1.json,line=1,col="),
        "{out}"
    );
    assert!(
        out.contains(",title=synerise.event/unknown-client-key::unknown key `x%25` in `client`")
    );
    assert!(
        out.contains("%0Ahelp: "),
        "help after an escaped newline: {out}"
    );
    assert_eq!(out.lines().count(), out.matches("::").count() / 2);
}

#[test]
fn several_reports_from_one_lint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir(d.join("out")).expect("dir");
    let mixed = root().join(MIXED);
    let mixed = mixed.to_str().expect("UTF-8 path");
    let o = run_in(
        d,
        &[
            "check",
            mixed,
            NOW,
            "--format",
            "human",
            "--format",
            "sarif",
            "--output",
            "out/eventlint.sarif",
            "--format",
            "junit",
            "-o",
            "junit.xml",
            "--format=json",
            "--output=out/report.json",
        ],
        None,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).ends_with(
        "checked 4 files, 7 documents: 2 errors, 3 warnings, 1 info; 2 fixable with `--fix` (1 more with `--unsafe-fixes`)\n"
    ));
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("out/eventlint.sarif")).expect("sarif"),
    )
    .expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("out/report.json")).expect("json"))
            .expect("JSON");
    assert_eq!(json["summary"]["errors"], 2);
    let xml = std::fs::read_to_string(d.join("junit.xml")).expect("junit");
    roxmltree::Document::parse(&xml).expect("XML");
    // Atomic writes leave no temporary file behind.
    let mut names: Vec<String> = std::fs::read_dir(d.join("out"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["eventlint.sarif", "report.json"]);

    // The same pair in the other order: the --output follows its own --format.
    let o = run_in(
        d,
        &[
            "check",
            mixed,
            NOW,
            "--format",
            "sarif",
            "--output",
            "second.sarif",
            "--format",
            "github",
        ],
        None,
    );
    assert!(stdout(&o).starts_with("::"), "{}", stdout(&o));
    assert!(d.join("second.sarif").is_file());
    // A lone --output takes the human report.
    let o = run_in(d, &["check", mixed, NOW, "--output", "human.txt"], None);
    assert_eq!(stdout(&o), "");
    let human = std::fs::read_to_string(d.join("human.txt")).expect("human");
    assert!(
        human.ends_with(
            "2 errors, 3 warnings, 1 info; 2 fixable with `--fix` (1 more with `--unsafe-fixes`)\n"
        ) && !human.contains('\u{1b}')
    );
}

/// Workers prepare NDJSON documents in chunks (16 at a time), each chunk with one part per
/// report; the reports of one lint must be exactly what each would be alone, whatever the chunks
/// and the threads.
#[test]
fn several_reports_are_each_the_report_alone_across_many_chunks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // 100 lines, 80 documents: findings (errors, warnings, a syntax error) spread over several
    // chunks of one block, with clean documents and blank lines between them.
    let lines = std::fs::read_to_string(root().join(MIXED).join("events.ndjson")).expect("input");
    std::fs::write(d.join("many.ndjson"), lines.repeat(20)).expect("write");
    let formats = ["json", "sarif", "junit", "github", "human"];
    for extra in [&[][..], &["--redact"][..], &["-j", "1"][..]] {
        let mut args = vec!["check", "many.ndjson", NOW, "--no-config"];
        args.extend_from_slice(extra);
        let mut together = args.clone();
        let outputs: Vec<String> = formats.iter().map(|f| format!("out.{f}")).collect();
        for (format, output) in formats.iter().zip(&outputs) {
            together.extend_from_slice(&["--format", format, "--output", output]);
        }
        let o = run_in(d, &together, None);
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        for (format, output) in formats.iter().zip(&outputs) {
            let mut alone = args.clone();
            alone.extend_from_slice(&["--format", format]);
            let o = run_in(d, &alone, None);
            assert_eq!(code(&o), 1, "{}", stderr(&o));
            let written = std::fs::read_to_string(d.join(output)).expect("report");
            assert_eq!(written, stdout(&o), "{format} {extra:?}");
        }
    }
    let json = std::fs::read_to_string(d.join("out.json")).expect("report");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["summary"]["documents"], 80);
    let entries = json["diagnostics"].as_array().expect("entries");
    // Each copy of the input: a future `time`, an unknown client key, a trailing comma.
    assert_eq!(entries.len(), 20 * 3);
    let documents: Vec<u64> = entries
        .iter()
        .map(|e| e["document"].as_u64().expect("a number"))
        .collect();
    assert!(documents.windows(2).all(|w| w[0] <= w[1]), "{documents:?}");
    assert_eq!(documents.last(), Some(&80));
}

#[test]
fn ambiguous_or_dangerous_outputs_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("a.json"), "{\"action\": \"dog.bark\"}").expect("write");
    let cases: [(&[&str], &str); 5] = [
        (
            &["--format", "human", "--format", "json"],
            "2 reports would all print to stdout",
        ),
        (
            &["--output", "r.json", "--format", "json"],
            "comes before any --format",
        ),
        (
            &["--format", "json", "--output", "a", "--output", "b"],
            "two outputs for --format json",
        ),
        (
            &[
                "--format", "json", "--output", "r", "--format", "sarif", "--output", "r",
            ],
            "given as --output twice",
        ),
        (
            &["--format", "json", "--output", "a.json"],
            "refusing to overwrite it",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["check", ".", NOW];
        args.extend_from_slice(extra);
        let o = run_in(d, &args, None);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(
        std::fs::read_to_string(d.join("a.json")).expect("read"),
        "{\"action\": \"dog.bark\"}"
    );
    // An output into a missing directory is a failure to write (exit 2), found before linting.
    let o = run_in(
        d,
        &[
            "check",
            ".",
            NOW,
            "--format",
            "json",
            "--output",
            "no/such/dir/r.json",
        ],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot write `no/such/dir/r.json`"));
}

#[test]
fn help_documents_the_pairing_rule() {
    let o = run_in(&root(), &["check", "--help"], None);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    assert!(help.contains("each --output FILE belongs to the nearest --format before it"));
    for format in ["human", "json", "sarif", "github", "junit"] {
        assert!(help.contains(format), "{format}");
    }
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run_in(Path::new("."), &["completions", shell], None);
        assert_eq!(code(&o), 0, "{shell}");
        assert!(stdout(&o).contains("eventlint"), "{shell}");
    }
    assert_eq!(
        code(&run_in(Path::new("."), &["completions", "tcsh"], None)),
        2
    );
}

/// A finding about a repeat shows the first occurrence too: SARIF `relatedLocations` (valid
/// against the official schema, each with an id and its label), the JSON report's `related`.
#[test]
fn related_places_in_sarif_and_json() {
    let fixture =
        "fixtures/personalize/put-events/invalid/personalize.put-events/duplicate-eventid.json";
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF schema compiles");
    let run = |format: &str| -> serde_json::Value {
        let o = run_in(
            &root(),
            &["check", fixture, NOW, "--no-config", "--format", format],
            None,
        );
        serde_json::from_slice(&o.stdout).expect("JSON")
    };
    let log = run("sarif");
    assert!(validator.is_valid(&log), "{log}");
    let result = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "personalize.put-events/duplicate-eventid")
        .expect("the finding");
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 0, "{result}");
    assert_eq!(related["message"]["text"], "`eventList[0].eventId`, first");
    let region = &related["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&10.into(), &18.into())
    );
    let report = run("json");
    let entry = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "personalize.put-events/duplicate-eventid")
        .expect("the finding");
    assert_eq!(
        entry["related"][0]["pointer"], "/eventList/0/eventId",
        "{entry}"
    );
    assert_eq!(
        (&entry["related"][0]["line"], &entry["related"][0]["column"]),
        (&10.into(), &18.into())
    );
    // Findings with no other place have no `related` member (report v1 as it was).
    assert!(!stdout(&mixed("json", &[])).contains("\"related\""));
}
