//! Hostile input, black-box through the binary: each case asserts the exit code, the diagnostic
//! (rule, line, column) and finishes within a deadline (a hang fails the test). Big inputs are
//! generated into a temporary directory at test time.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use eventlint_tests::cli::{NOW, code, finish, run_with_deadline, spawn, stderr, stdout};

/// Generous for a debug build on a shared machine; a hang still fails.
const DEADLINE: Duration = Duration::from_secs(120);

/// A clean Synerise custom event (no finding at all), on one line.
const VALID: &str = r#"{"action": "dog.bark", "client": {"id": 5092159999}, "time": "2022-11-28T12:18:27Z", "params": {"mood": "happy"}, "label": "bark"}"#;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// `eventlint check ARGS --now … --no-config --format json` in `dir`.
fn check_json(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check", NOW, "--no-config", "--format", "json"];
    all.extend_from_slice(args);
    run_with_deadline(dir, &all, DEADLINE)
}

fn report(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(o), stderr(o)))
}

/// Every diagnostic as (rule, line, column).
fn diagnostics(o: &Output) -> Vec<(String, u64, u64)> {
    report(o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn first_message(o: &Output) -> String {
    report(o)["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn one(rule: &str, line: u64, column: u64) -> Vec<(String, u64, u64)> {
    vec![(rule.to_owned(), line, column)]
}

/// Writes `bytes` to `dir/name` and checks it.
fn check_bytes(name: &str, bytes: &[u8]) -> Output {
    let dir = temp();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    check_json(dir.path(), &[name])
}

#[test]
fn nesting_100_000_deep() {
    let o = check_bytes("deep.json", "[".repeat(100_000).as_bytes());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 128));
    assert!(first_message(&o).contains("128 levels deep (at most 127 are read)"));
    // 127 levels are read; 128 are not, and the message says so.
    let o = check_bytes(
        "deep.json",
        format!("{}{}", "[".repeat(127), "]".repeat(127)).as_bytes(),
    );
    assert!(
        !stdout(&o).contains("json/syntax"),
        "127 levels parse: {}",
        stdout(&o)
    );

    let o = check_bytes("deep.json", "{\"a\":".repeat(100_000).as_bytes());
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 5 * 127 + 1));
}

#[test]
fn a_50_mb_document_on_one_line() {
    let dir = temp();
    let body = "x".repeat(50 << 20);
    let text = format!("{{\"action\": \"dog.bark\", \"label\": \"{body}\",}}");
    std::fs::write(dir.path().join("big.json"), &text).unwrap();
    let comma = text.rfind(',').unwrap() as u64;
    let o = check_json(dir.path(), &["big.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(diagnostics(&o), one("json/syntax", 1, comma + 1));
    // The human report shows a window of the line (miette used to panic on it), not 50 MB.
    let o = run_with_deadline(
        dir.path(),
        &["check", NOW, "--no-config", "big.json"],
        DEADLINE,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let human = stdout(&o);
    assert!(human.len() < 4096, "{} bytes", human.len());
    assert!(
        human.contains(&format!("[big.json:1:{}]", comma + 1)),
        "{human}"
    );
    assert!(
        human.contains("│ …xxxxxxxx") && human.contains("xxxxxxxx\",}\n"),
        "{human}"
    );
}

#[test]
fn a_number_beyond_a_64_bit_float() {
    let o = check_bytes("n.json", br#"{"action": "dog.bark", "n": 1e400}"#);
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 29));
    let d = &report(&o)["diagnostics"][0];
    assert_eq!(d["end_column"], 34, "the whole number is marked");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`1e400` exceeds what a 64-bit float holds")
    );
}

#[test]
fn negative_zero_is_not_a_profile_id() {
    let o = check_bytes("z.json", VALID.replace("5092159999", "-0").as_bytes());
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("synerise.event/client-id-type", 1, 41));
    // As a free parameter, -0 is just a number.
    let o = check_bytes("z.json", VALID.replace("\"happy\"", "-0").as_bytes());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn two_to_the_64_is_not_a_64_bit_id() {
    let o = check_bytes(
        "big-id.json",
        VALID
            .replace("5092159999", "18446744073709551616")
            .as_bytes(),
    );
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert_eq!(diagnostics(&o), one("synerise.event/client-id-type", 1, 41));
    assert!(first_message(&o).contains("outside 1..=9223372036854775807"));
    // i64::MAX itself is fine.
    let o = check_bytes(
        "max-id.json",
        VALID
            .replace("5092159999", "9223372036854775807")
            .as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn escaped_lone_surrogates() {
    let o = check_bytes("s.json", br#"{"action": "dog.bark", "label": "a\ud800b"}"#);
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 35));
    assert!(first_message(&o).contains("`\\ud800` is a lone UTF-16 surrogate"));
    let o = check_bytes("s.json", br#"{"label": "\uDE00"}"#);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 12));
    assert!(first_message(&o).contains("a low surrogate must follow a high one"));
}

#[test]
fn nul_bytes() {
    let o = check_bytes("nul.json", b"{\"action\": \"dog\0bark\"}");
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 16));
    assert!(
        first_message(&o).contains("U+0000 (NUL) in a string: JSON strings must escape control")
    );
    let o = check_bytes("nul.json", b"{\"action\": 1}\n\0");
    assert_eq!(diagnostics(&o), one("json/syntax", 2, 1));
    assert!(first_message(&o).contains("unexpected control character U+0000"));
}

#[test]
fn invalid_utf8_in_the_middle_of_a_file() {
    let text =
        b"{\n  \"action\": \"dog.bark\",\n  \"label\": \"Jos\xE9 \xFF\",\n  \"client\": {}\n}";
    let o = check_bytes("latin1.json", text);
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/encoding", 3, 16));
    assert!(first_message(&o).contains("byte 0xE9"));
    assert!(
        report(&o)["diagnostics"][0]["help"]
            .as_str()
            .unwrap()
            .contains("WINDOWS-1252")
    );
}

#[test]
fn crlf_line_endings_keep_lines_and_columns_exact() {
    let lf = "{\n  \"action\": \"dog.bark\",\n  \"client\": {\n    \"customID\": \"c-1\"\n  },\n  \"time\": \"2022-11-28T12:18:27Z\",\n  \"label\": \"bark\"\n}\n";
    let crlf = lf.replace('\n', "\r\n");
    let o = check_bytes("crlf.json", crlf.as_bytes());
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let expected = vec![
        ("synerise.custom-event/params-missing".to_owned(), 1, 1),
        ("synerise.event/client-identifier".to_owned(), 3, 13),
        ("synerise.event/unknown-client-key".to_owned(), 4, 5),
    ];
    assert_eq!(diagnostics(&o), expected);
    assert_eq!(
        diagnostics(&check_bytes("lf.json", lf.as_bytes())),
        expected
    );
    // A syntax error on a CRLF line, and NDJSON with CRLF.
    let o = check_bytes("c.json", b"{\r\n  \"a\": 1,\r\n}\r\n");
    assert_eq!(diagnostics(&o), one("json/syntax", 2, 9));
    let stream = format!("{VALID}\r\n\r\n{{\"action\": 1,}}\r\n{VALID}\r\n");
    let o = check_bytes("c.ndjson", stream.as_bytes());
    assert_eq!(diagnostics(&o), one("json/syntax", 3, 13));
    assert_eq!(report(&o)["summary"]["documents"], 3);
}

#[test]
fn a_binary_file() {
    // An ELF header: the first byte that is not UTF-8 is 0xB0, at byte 24.
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xB0\x10".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    let o = check_bytes("a.out.json", &bytes);
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/encoding", 1, 25));
    assert!(first_message(&o).contains("looks binary, not text"));
    // The human report never sends the control bytes to the terminal.
    let dir = temp();
    std::fs::write(dir.path().join("a.json"), &bytes).unwrap();
    let o = run_with_deadline(dir.path(), &["check", "--no-config", "a.json"], DEADLINE);
    assert!(
        !o.stdout
            .iter()
            .any(|b| *b < 0x20 && !matches!(b, b'\n' | b'\t')),
        "{}",
        stdout(&o)
    );
}

#[test]
fn utf16_with_and_without_a_byte_order_mark() {
    let utf16: Vec<u8> = VALID.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let with_bom = [&[0xFF, 0xFE][..], &utf16].concat();
    let o = check_bytes("w.json", &with_bom);
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/encoding", 1, 1));
    assert!(first_message(&o).contains("is UTF-16LE: it starts with a UTF-16 byte order mark"));
    let o = check_bytes("w.json", &utf16);
    assert_eq!(diagnostics(&o), one("json/encoding", 1, 2));
    assert!(first_message(&o).contains("looks like UTF-16LE without a byte order mark"));
}

#[test]
fn empty_and_whitespace_only_files() {
    let o = check_bytes("empty.json", b"");
    assert_eq!(code(&o), 1);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 1));
    assert!(first_message(&o).contains("the document is empty"));
    let o = check_bytes("blank.json", b" \r\n\t");
    assert_eq!(diagnostics(&o), one("json/syntax", 2, 2));
    assert!(first_message(&o).contains("only whitespace"));
    // A whitespace-only NDJSON file holds no document: said on stderr, and a run that checked
    // nothing exits 2.
    let o = check_bytes("blank.ndjson", b" \r\n\t\n\n");
    assert_eq!(code(&o), 2);
    assert_eq!(report(&o)["summary"]["documents"], 0);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("`blank.ndjson` holds no document"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[cfg(unix)]
#[test]
fn unreadable_paths_exit_2_and_the_rest_is_linted() {
    let dir = temp();
    let d = dir.path();
    std::fs::write(d.join("bad.json"), "{\"action\": 1,}").unwrap();
    std::os::unix::fs::symlink("gone.json", d.join("dangling.json")).unwrap();
    let o = check_json(d, &["dangling.json", "bad.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot read `dangling.json`: it is a symbolic link to a missing file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 13));
    // The same link met while walking a directory.
    std::fs::create_dir(d.join("tree")).unwrap();
    std::os::unix::fs::symlink("gone.json", d.join("tree/dangling.json")).unwrap();
    std::os::unix::fs::symlink("gone.txt", d.join("tree/notes.txt")).unwrap();
    std::fs::write(d.join("tree/ok.json"), VALID).unwrap();
    let o = check_json(d, &["tree"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "eventlint: cannot read `tree/dangling.json`: it is a symbolic link to a missing file\n"
    );
    assert_eq!(report(&o)["summary"]["files"], 1);
    // A directory where a file is expected.
    let o = run_with_deadline(d, &["check", "--config", "tree", "bad.json"], DEADLINE);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("tree"), "{}", stderr(&o));
    // A device never ends: refused, not read.
    let o = check_json(d, &["/dev/zero", "bad.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot read `/dev/zero`: it is not a regular file or a FIFO"));
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 13));
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop() {
    let dir = temp();
    let d = dir.path();
    std::fs::create_dir_all(d.join("tree/sub")).unwrap();
    std::fs::write(d.join("tree/sub/ok.json"), VALID).unwrap();
    std::fs::write(d.join("tree/bad.json"), "[1,]").unwrap();
    std::os::unix::fs::symlink("..", d.join("tree/sub/up")).unwrap();
    let o = check_json(d, &["tree"]);
    // A warning on stderr; the exit code is the findings' (1 here: bad.json).
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("eventlint: warning: not following `tree/sub/up"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("a symbolic link loop back to"));
    // Each file once, under its own path.
    assert_eq!(report(&o)["summary"]["files"], 2);
    assert_eq!(report(&o)["diagnostics"][0]["path"], "tree/bad.json");
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 3));
    std::fs::remove_file(d.join("tree/bad.json")).unwrap();
    assert_eq!(code(&check_json(d, &["tree"])), 0);
}

/// Files reached more than once through symbolic links (to a file, to a directory inside or
/// outside the tree, through a link below a linked directory, or a linked root) are linted once,
/// under their shortest path (the first one met when several are as short).
#[cfg(unix)]
#[test]
fn files_reached_through_symlinks_are_linted_once() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let d = dir.path();
    let bad = VALID.replace(r#"{"id": 5092159999}"#, "{}");
    std::fs::create_dir_all(d.join("tree/real")).unwrap();
    std::fs::create_dir_all(d.join("outside/sub")).unwrap();
    for file in ["tree/real/a.json", "outside/b.json", "outside/sub/d.json"] {
        std::fs::write(d.join(file), &bad).unwrap();
    }
    // a.json: tree/real/a.json, tree/link/a.json, tree/z.json.
    symlink("real", d.join("tree/link")).unwrap();
    symlink("real/a.json", d.join("tree/z.json")).unwrap();
    // b.json: tree/link2/b.json (a linked directory outside the tree), tree/c.json.
    symlink("../outside", d.join("tree/link2")).unwrap();
    symlink("../outside/b.json", d.join("tree/c.json")).unwrap();
    // d.json: tree/real/d.json, tree/link/d.json (a link below a linked directory),
    // tree/link2/sub/d.json (a plain file below a linked directory).
    symlink("../../outside/sub/d.json", d.join("tree/real/d.json")).unwrap();
    symlink("tree", d.join("rootlink")).unwrap();
    for (arg, prefix) in [
        ("tree", "tree"),
        ("tree/", "tree"),
        ("rootlink", "rootlink"),
    ] {
        let o = check_json(d, &[arg]);
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        assert_eq!(stderr(&o), "");
        let r = report(&o);
        assert_eq!(r["summary"]["files"], 3, "{}", stdout(&o));
        let paths: Vec<&str> = r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["path"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = ["c.json", "link/d.json", "z.json"]
            .iter()
            .map(|p| format!("{prefix}/{p}"))
            .collect();
        assert_eq!(paths, expected, "{arg}");
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// A FIFO at `path`, opened read-write: it has a writer before eventlint opens it.
#[cfg(target_os = "linux")]
fn fifo_with_writer(path: &Path) -> std::fs::File {
    mkfifo(path);
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_fifo_nobody_writes_to() {
    let dir = temp();
    let d = dir.path();
    mkfifo(&d.join("pipe.json"));
    let o = run_with_deadline(
        d,
        &["check", NOW, "--no-config", "--format", "json", "pipe.json"],
        Duration::from_secs(30),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 1));
    assert!(first_message(&o).contains("the document is empty"));
    // Inside a walked directory, FIFOs are skipped.
    std::fs::write(d.join("ok.json"), VALID).unwrap();
    let o = run_with_deadline(
        d,
        &["check", NOW, "--no-config", "--format", "json", "."],
        Duration::from_secs(30),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["files"], 1);
}

/// Waits until `child` has `path` open (Linux: `/proc/PID/fd`).
#[cfg(target_os = "linux")]
fn wait_until_open(child: &std::process::Child, path: &Path) {
    let target = std::fs::canonicalize(path).unwrap();
    let fds = format!("/proc/{}/fd", child.id());
    let opened = || {
        std::fs::read_dir(&fds).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| std::fs::read_link(e.path()).is_ok_and(|t| t == target))
        })
    };
    let started = std::time::Instant::now();
    while !opened() {
        assert!(
            started.elapsed() < DEADLINE,
            "eventlint never opened {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_with_a_writer_is_read() {
    use std::io::Write;
    let dir = temp();
    let d = dir.path();
    let mut writer = fifo_with_writer(&d.join("pipe.ndjson"));
    let child = spawn(
        d,
        &[
            "check",
            NOW,
            "--no-config",
            "--format",
            "json",
            "pipe.ndjson",
        ],
        &[],
    );
    writer
        .write_all(format!("{VALID}\n[1,]\n").as_bytes())
        .unwrap();
    // Closing the last descriptor before eventlint opens the FIFO would discard the data.
    wait_until_open(&child, &d.join("pipe.ndjson"));
    drop(writer);
    let o = finish(child, Duration::from_secs(30));
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(diagnostics(&o), one("json/syntax", 2, 3));
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp();
    let d = dir.path();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.json");
    std::fs::write(d.join(name), "[1,]").unwrap();
    // Walked, and named on the command line.
    for arg in [std::ffi::OsStr::new("."), name] {
        let args = [
            std::ffi::OsStr::new("check"),
            std::ffi::OsStr::new(NOW),
            std::ffi::OsStr::new("--no-config"),
            std::ffi::OsStr::new("--format"),
            std::ffi::OsStr::new("json"),
            arg,
        ];
        let o = run_with_deadline(d, &args, DEADLINE);
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        assert_eq!(diagnostics(&o), one("json/syntax", 1, 3));
        assert_eq!(report(&o)["diagnostics"][0]["path"], "caf\u{FFFD}.json");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_deleted_during_the_run() {
    use std::io::Write;
    let dir = temp();
    let d = dir.path();
    // a.json is a FIFO: eventlint blocks reading it after it has found every input, which
    // is when z.json is deleted. One thread, so that z.json is read after a.json.
    let mut writer = fifo_with_writer(&d.join("a.json"));
    std::fs::write(d.join("z.json"), VALID).unwrap();
    std::fs::write(d.join("m.json"), "[1,]").unwrap();
    let child = spawn(
        d,
        &[
            "check",
            NOW,
            "--no-config",
            "--format",
            "json",
            "a.json",
            "m.json",
            "z.json",
        ],
        &[("RAYON_NUM_THREADS", "1")],
    );
    wait_until_open(&child, &d.join("a.json"));
    std::fs::remove_file(d.join("z.json")).unwrap();
    writer.write_all(VALID.as_bytes()).unwrap();
    drop(writer);
    let o = finish(child, DEADLINE);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "eventlint: cannot read `z.json`: it no longer exists (deleted after eventlint found it?)\n"
    );
    // The others were linted and reported.
    assert_eq!(report(&o)["summary"]["files"], 2);
    assert_eq!(diagnostics(&o), one("json/syntax", 1, 3));
}

/// One finding per member of a large object: every position is still exact, and the run stays
/// linear (resolving each member from the start of the document or of its line, or searching
/// the object for each, took minutes at this size).
#[test]
fn a_finding_for_each_of_60_000_members() {
    const N: usize = 60_000;
    let dir = temp();
    let keys = |prefix: &'static str| (0..N).map(move |i| format!("{prefix}ü{i}"));
    // Unknown `client` keys, and a Personalize `properties` string of as many non-camelCase keys.
    let client: Vec<String> = keys("").map(|k| format!("\"{k}\": \"v\"")).collect();
    let event = format!(
        "{{\"action\": \"a.b\", \"label\": \"x\", \"client\": {{\"id\": 1, {}}}}}",
        client.join(", ")
    );
    let properties: Vec<String> = keys("k_")
        .map(|k| format!("\\\"{k}\\\": \\\"v\\\""))
        .collect();
    let put = format!(
        "{{\"trackingId\": \"t\", \"sessionId\": \"s\", \"eventList\": [{{\"eventType\": \"click\", \"sentAt\": 1767221234, \"properties\": \"{{{}}}\"}}]}}",
        properties.join(", ")
    );
    std::fs::write(dir.path().join("event.json"), &event).unwrap();
    std::fs::write(dir.path().join("put.json"), &put).unwrap();
    let column =
        |text: &str, needle: &str| text[..text.rfind(needle).unwrap()].chars().count() as u64 + 1;
    for (file, text, rule, last) in [
        (
            "event.json",
            &event,
            "synerise.event/unknown-client-key",
            format!("\"ü{}\"", N - 1),
        ),
        (
            "put.json",
            &put,
            "personalize.put-events/properties-camelcase",
            format!("\\\"k_ü{}\\\"", N - 1),
        ),
    ] {
        let started = std::time::Instant::now();
        let o = run_with_deadline(
            dir.path(),
            &["check", NOW, "--no-config", "--format", "json", file],
            Duration::from_secs(60),
        );
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{file}: {:?}",
            started.elapsed()
        );
        let found: Vec<(String, u64, u64)> = diagnostics(&o)
            .into_iter()
            .filter(|(r, _, _)| r == rule)
            .collect();
        assert_eq!(found.len(), N, "{file}");
        assert_eq!(
            found.last().unwrap(),
            &(rule.to_owned(), 1, column(text, &last)),
            "{file}"
        );
    }
}
