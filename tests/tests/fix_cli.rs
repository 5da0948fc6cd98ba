//! `eventlint check --fix`, `--unsafe-fixes` and `--diff`, black-box: what is written, what is
//! not, and the exit status.

use std::path::Path;

use eventlint_tests::cli::{NOW, code, run_in, stderr, stdout};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("read")
}

/// A Sajari event with a trailing comma and a misspelt key, written with CRLF line endings and
/// an indentation of three spaces that no fix may touch.
const SAJARI: &str =
    "{\r\n   \"name\":   \"click\",\r\n   \"tokn\": \"t\",\r\n   \"weight\": \"2\",\r\n}\r\n";
const SAJARI_FIXED: &str =
    "{\r\n   \"name\":   \"click\",\r\n   \"token\": \"t\",\r\n   \"weight\": 2\r\n}\r\n";

#[test]
fn fix_changes_only_the_fixed_bytes_keeps_permissions_and_reports_what_is_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "event.json", SAJARI);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.path().join("event.json"),
            std::fs::Permissions::from_mode(0o640),
        )
        .expect("chmod");
    }
    let out = run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--no-config",
            "--kind",
            "sajari.send-event",
            "--fix",
            "event.json",
        ],
        None,
    );
    assert_eq!(read(dir.path(), "event.json"), SAJARI_FIXED);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("event.json"))
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let err = stderr(&out);
    assert!(
        err.contains("fixed 3 findings in 1 file (json/syntax ×1, sajari.send-event/unknown-key ×1, sajari.send-event/weight-string ×1)"),
        "{err}"
    );
    // What is left is reported: nothing that fails the run.
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("0 errors"), "{}", stdout(&out));
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["event.json"]);

    // A second --fix changes nothing.
    let again = run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--no-config",
            "--kind",
            "sajari.send-event",
            "--fix",
            "event.json",
        ],
        None,
    );
    assert_eq!(read(dir.path(), "event.json"), SAJARI_FIXED);
    assert!(
        stderr(&again).contains("fixed 0 findings in 0 files"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn fix_exits_1_when_errors_are_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The comma is fixed; the missing `token` cannot be.
    write(dir.path(), "event.json", "{\"name\": \"click\",}\n");
    let out = run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--no-config",
            "--kind",
            "sajari.send-event",
            "--fix",
            "--format",
            "json",
            "event.json",
        ],
        None,
    );
    assert_eq!(read(dir.path(), "event.json"), "{\"name\": \"click\"}\n");
    assert_eq!(code(&out), 1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("a JSON report");
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(
        rules.contains(&"sajari.send-event/token-required"),
        "{rules:?}"
    );
    assert!(!rules.contains(&"json/syntax"), "{rules:?}");
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "event.json", SAJARI);
    let args = [
        "check",
        NOW,
        "--no-config",
        "--kind",
        "sajari.send-event",
        "--diff",
        "event.json",
    ];
    let out = run_in(dir.path(), &args, None);
    assert_eq!(read(dir.path(), "event.json"), SAJARI);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "--- a/event.json\n+++ b/event.json\n@@ -1,5 +1,5 @@\n {\r\n    \"name\":   \"click\",\r\n-   \"tokn\": \"t\",\r\n-   \"weight\": \"2\",\r\n+   \"token\": \"t\",\r\n+   \"weight\": 2\r\n }\r\n"
    );
    // Nothing to fix: no diff, exit 0.
    write(dir.path(), "event.json", SAJARI_FIXED);
    let clean = run_in(dir.path(), &args, None);
    assert_eq!(code(&clean), 0, "{}", stderr(&clean));
    assert_eq!(stdout(&clean), "");
}

#[test]
fn unsafe_fixes_are_applied_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Seconds where Synerise's AI events document milliseconds... and a time without offset.
    let text = "{\"action\": \"dog.bark\", \"client\": {\"customId\": \"c\"}, \"label\": \"x\", \"time\": \"2025-11-28T12:18:27\"}\n";
    write(dir.path(), "e.json", text);
    let base = [
        "check",
        NOW,
        "--no-config",
        "--kind",
        "synerise.custom-event",
    ];
    let safe = run_in(
        dir.path(),
        &[&base[..], &["--fix", "e.json"]].concat(),
        None,
    );
    assert_eq!(read(dir.path(), "e.json"), text, "{}", stderr(&safe));
    let all = run_in(
        dir.path(),
        &[&base[..], &["--fix", "--unsafe-fixes", "e.json"]].concat(),
        None,
    );
    assert_eq!(
        read(dir.path(), "e.json"),
        text.replace("12:18:27\"", "12:18:27Z\""),
        "{}",
        stderr(&all)
    );
    let alone = run_in(
        dir.path(),
        &[&base[..], &["--unsafe-fixes", "e.json"]].concat(),
        None,
    );
    assert_eq!(code(&alone), 2);
    assert!(stderr(&alone).contains("--unsafe-fixes goes with --fix or --diff"));
}

#[test]
fn stdin_and_expected_invalid_fixtures_are_never_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run_in(
        dir.path(),
        &[
            "check",
            NOW,
            "--no-config",
            "--kind",
            "sajari.send-event",
            "--fix",
            "-",
        ],
        Some(b"{\"name\": \"click\", \"token\": \"t\",}"),
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("`<stdin>` not fixed: stdin is checked, never fixed"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("json/syntax"), "{}", stdout(&out));

    write(
        dir.path(),
        "eventlint.toml",
        "[[files]]\nglob = \"bad/**\"\nkind = \"sajari.send-event\"\nexpect = \"invalid\"\n",
    );
    std::fs::create_dir(dir.path().join("bad")).expect("mkdir");
    write(
        dir.path(),
        "bad/trailing.json",
        "{\"name\": \"click\", \"token\": \"t\",}",
    );
    let out = run_in(dir.path(), &["check", NOW, "--fix", "bad"], None);
    assert_eq!(
        read(dir.path(), "bad/trailing.json"),
        "{\"name\": \"click\", \"token\": \"t\",}"
    );
    assert!(
        stderr(&out)
            .contains("`bad/trailing.json` not fixed: its configuration expects it invalid"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_curl_command_is_fixed_inside_its_quotes_and_nothing_else_moves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let curl = "# the weight is quoted\ncurl -X POST 'https://api.search.io/v4/events:send' \\\n  -H 'Authorization: Basic Y29tLnNlYXJjaGlvLmtleS0xMjM0OmNvbS5zZWFyY2hpby5zZWNyZXQtNTY3OA==' \\\n  -H 'Account-Id: 1618535966441231024' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"name\": \"click\", \"token\": \"t\", \"weight\": \"2\", \"metadata\": {\"note\": \"it'\\''s\"}}'\n";
    write(dir.path(), "send.curl", curl);
    let out = run_in(
        dir.path(),
        &["check", NOW, "--no-config", "--diff", "send.curl"],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("+  --data-raw '{\"name\": \"click\", \"token\": \"t\", \"weight\": 2, \"metadata\": {\"note\": \"it'\\''s\"}}'\n"),
        "{}",
        stdout(&out)
    );
    assert_eq!(read(dir.path(), "send.curl"), curl);
}
