//! Reports under faults: a report is published whole or not at all (a closed stdout, a full
//! device, `ulimit -f`, a signal, a failed rename), what is not a regular file is never
//! replaced (devices, FIFOs, `/dev/stdout`, `/dev/fd/N`, links), modes are kept, and SARIF and
//! `JUnit` reports hold no more memory than the JSON report. Black-box tests of the binary; each
//! fails without the behaviour it names.
#![cfg(unix)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use eventlint_tests::cli::{NOW, bin, code, run_in, stderr, stdout};

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

/// `n` NDJSON lines, each with an error, a warning and infos (no client identifier, a
/// future time, a dedicated action sent as a custom event).
fn bad_lines(n: usize) -> String {
    let mut lines = String::new();
    for i in 0..n {
        let _ = writeln!(
            lines,
            "{{\"action\": \"page.visit\", \"label\": \"l{i}\", \"client\": {{}}, \"time\": \"2999-01-01T00:00:00Z\", \"params\": {{\"a\": null}}}}"
        );
    }
    lines
}

/// The `.eventlint-*.tmp` files left in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".eventlint-"))
        .collect()
}

/// Runs eventlint through `sh -c SCRIPT` (`"$0" "$@"` is eventlint and `args`).
fn run_sh(dir: &Path, script: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(bin())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

/// Starts eventlint in `dir` with stdin a pipe the test keeps open: it waits there, with its
/// reports' files created, until the pipe is closed.
fn spawn_waiting(dir: &Path, args: &[&str]) -> Child {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("eventlint runs")
}

/// Waits until `dir` holds a temporary file of eventlint's (its reports are open).
fn wait_for_temporary(dir: &Path) {
    let started = Instant::now();
    while temporaries(dir).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn kill(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args(["-s", signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -s {signal}");
}

fn json_file(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The JSON report at `path` is complete: as many entries as its summary counts.
fn assert_whole_json(path: &Path) {
    let report = json_file(path);
    let summary = &report["summary"];
    let counted = ["errors", "warnings", "infos"]
        .iter()
        .map(|k| summary[k].as_u64().expect("a count"))
        .sum::<u64>();
    let listed = report["diagnostics"].as_array().expect("diagnostics").len() as u64;
    assert_eq!(listed, counted, "{} lists what it counts", path.display());
    assert!(counted > 0);
}

#[test]
fn a_closed_stdout_leaves_every_output_file_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("many.ndjson"), &bad_lines(20_000));
    let mut child = Command::new(bin())
        .args([
            "check",
            "many.ndjson",
            NOW,
            "--no-config",
            "--format",
            "human",
            "--format",
            "json",
            "--output",
            "r.json",
            "--format",
            "sarif",
            "--output",
            "r.sarif",
            "--format",
            "junit",
            "--output",
            "r.xml",
        ])
        .current_dir(d)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("eventlint runs");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("a line");
    drop(out); // like `| head -1`
    let o = child.wait_with_output().expect("exit");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert_whole_json(&d.join("r.json"));
    let sarif = json_file(&d.join("r.sarif"));
    let json = json_file(&d.join("r.json"));
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        json["diagnostics"].as_array().map(Vec::len)
    );
    let xml = std::fs::read_to_string(d.join("r.xml")).expect("the JUnit report");
    let xml = roxmltree::Document::parse(&xml).expect("JUnit is XML");
    let cases = xml
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .count();
    assert_eq!(cases, 20_000);
    assert!(temporaries(d).is_empty());
}

#[test]
fn a_report_that_cannot_be_written_is_not_published_and_the_others_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("many.ndjson"), &bad_lines(2_000));
    write(&d.join("big.txt"), "the previous report\n");
    // `ulimit -f` (512-byte blocks): the GitHub annotations and the JSON report's spilled
    // entries pass 100 KB; the statistics do not. Without SIGXFSZ caught, the first write past
    // the limit kills the run and leaves its temporary files.
    let o = run_sh(
        d,
        "ulimit -f 200; exec \"$0\" \"$@\"",
        &[
            "check",
            "many.ndjson",
            NOW,
            "--no-config",
            "--format",
            "github",
            "--output",
            "big.txt",
            "--format",
            "json",
            "--output",
            "r.json",
            "--format",
            "human",
            "--statistics",
            "--output",
            "stats.txt",
        ],
    );
    let err = stderr(&o);
    assert_eq!(o.status.signal(), None, "{err}");
    assert_eq!(code(&o), 2, "{err}");
    assert!(
        err.contains("cannot write `big.txt`: File too large"),
        "{err}"
    );
    assert!(err.contains("cannot write `r.json`"), "{err}");
    assert!(!err.contains(".eventlint-"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("big.txt")).expect("kept"),
        "the previous report\n",
        "a report that failed does not replace the file"
    );
    assert!(!d.join("r.json").exists());
    let stats = std::fs::read_to_string(d.join("stats.txt")).expect("the statistics");
    assert!(stats.contains("2000 errors"), "{stats}");
    assert!(temporaries(d).is_empty(), "{:?}", temporaries(d));
}

#[test]
fn a_full_device_fails_its_report_alone() {
    let full = Path::new("/dev/full");
    let is_device = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device());
    if !is_device(full) {
        return; // not Linux
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("many.ndjson"), &bad_lines(200));
    let o = run_in(
        d,
        &[
            "check",
            "many.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "/dev/full",
            "--format",
            "sarif",
            "--output",
            "r.sarif",
        ],
        None,
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot write `/dev/full`: No space left on device"),
        "{}",
        stderr(&o)
    );
    assert!(is_device(full), "/dev/full is still the device");
    assert_eq!(
        json_file(&d.join("r.sarif"))["runs"][0]["results"]
            .as_array()
            .map(Vec::len),
        Some(600)
    );
}

#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1), ("QUIT", 3)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        write(&d.join("r.json"), "the previous report\n");
        let mut child = spawn_waiting(
            d,
            &[
                "check",
                "-",
                "--stdin-filename",
                "e.ndjson",
                NOW,
                "--no-config",
                "--format",
                "json",
                "--output",
                "r.json",
                "--format",
                "sarif",
                "--output",
                "r.sarif",
            ],
        );
        wait_for_temporary(d);
        // Stdin stays open until the run has ended: the signal, not the end of the input, ends it.
        let stdin = child.stdin.take();
        kill(&child, signal);
        let o = child.wait_with_output().expect("eventlint ends");
        drop(stdin);
        assert_eq!(o.status.signal(), Some(number), "SIG{signal}: {o:?}");
        assert!(
            temporaries(d).is_empty(),
            "SIG{signal}: {:?}",
            temporaries(d)
        );
        assert_eq!(
            std::fs::read_to_string(d.join("r.json")).expect("kept"),
            "the previous report\n"
        );
        assert!(!d.join("r.sarif").exists());
    }
}

#[test]
fn sigxfsz_does_not_end_the_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut child = spawn_waiting(
        d,
        &[
            "check",
            "-",
            "--stdin-filename",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "r.json",
        ],
    );
    wait_for_temporary(d);
    kill(&child, "XFSZ");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(bad_lines(3).as_bytes()).expect("stdin");
    drop(stdin);
    let o = child.wait_with_output().expect("exit");
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_whole_json(&d.join("r.json"));
    assert!(temporaries(d).is_empty());
}

#[test]
fn a_rename_that_fails_names_the_destination_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut child = spawn_waiting(
        d,
        &[
            "check",
            "-",
            "--stdin-filename",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "r.json",
            "--format",
            "sarif",
            "--output",
            "r.sarif",
        ],
    );
    wait_for_temporary(d);
    // While the run reads, a folder that is not empty takes the report's place.
    std::fs::create_dir_all(d.join("r.json/inside")).expect("folder");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(bad_lines(3).as_bytes()).expect("stdin");
    drop(stdin);
    let o = child.wait_with_output().expect("exit");
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    assert!(
        err.contains("cannot write `r.json`: cannot rename the complete report"),
        "{err}"
    );
    assert!(!err.contains(".eventlint-"), "{err}");
    assert!(d.join("r.json/inside").is_dir());
    assert!(temporaries(d).is_empty(), "{:?}", temporaries(d));
    assert!(json_file(&d.join("r.sarif"))["runs"][0]["results"].is_array());
}

#[test]
fn one_file_under_two_names_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(1));
    std::fs::create_dir(d.join("sub")).expect("folder");
    write(&d.join("real.json"), "");
    std::os::unix::fs::symlink("real.json", d.join("link.json")).expect("link");
    for (a, b) in [
        ("r.json", "./r.json"),
        ("r.json", "sub/../r.json"),
        ("link.json", "real.json"),
    ] {
        let o = run_in(
            d,
            &[
                "check",
                "e.ndjson",
                NOW,
                "--no-config",
                "--format",
                "json",
                "--output",
                a,
                "--format",
                "sarif",
                "--output",
                b,
            ],
            None,
        );
        assert_eq!(code(&o), 2, "{a} and {b}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("`{a}` and `{b}` are the same file")),
            "{}",
            stderr(&o)
        );
        assert!(!d.join("r.json").exists());
    }
}

#[test]
fn a_report_into_the_file_stdout_goes_to_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(1));
    let o = run_sh(
        d,
        "exec \"$0\" \"$@\" > out.txt",
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "human",
            "--format",
            "json",
            "--output",
            "out.txt",
        ],
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("`out.txt` is where stdout goes, and the human report already prints there"),
        "{}",
        stderr(&o)
    );
}

/// A device node of our own (`mknod`, root only) so that a failure cannot replace the real
/// `/dev/null`; otherwise `/dev/null` itself, which a user who is not root cannot replace.
fn null_device(dir: &Path) -> std::path::PathBuf {
    let own = dir.join("null");
    let made = Command::new("mknod")
        .arg(&own)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made {
        own
    } else {
        Path::new("/dev/null").to_path_buf()
    }
}

#[test]
fn a_device_is_written_into_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(3));
    let null = null_device(d);
    let null_arg = null.to_str().expect("UTF-8");
    let o = run_in(
        d,
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            null_arg,
            "--format",
            "sarif",
            "--output",
            null_arg,
        ],
        None,
    );
    // The same path twice is ambiguous; one report into a device is not.
    assert_eq!(code(&o), 2);
    let o = run_in(
        d,
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            null_arg,
        ],
        None,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let meta = std::fs::metadata(&null).expect("the device");
    assert!(
        meta.file_type().is_char_device(),
        "{} was replaced",
        null.display()
    );
    assert!(temporaries(d).is_empty());
}

#[test]
fn a_fifo_is_written_into_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(3));
    let fifo = d.join("report.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_string(&mut text))
                .expect("read the FIFO");
            text
        })
    };
    let o = run_in(
        d,
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "report.fifo",
        ],
        None,
    );
    let meta = std::fs::symlink_metadata(&fifo).expect("the FIFO");
    assert!(meta.file_type().is_fifo(), "the FIFO was replaced");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    // Had nothing opened the FIFO for writing, the reader would wait for ever: open it once.
    let started = Instant::now();
    while !reader.is_finished() && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    if !reader.is_finished() {
        drop(std::fs::OpenOptions::new().write(true).open(&fifo));
    }
    let text = reader.join().expect("reader");
    let report: serde_json::Value = serde_json::from_str(&text).expect("the report came through");
    assert_eq!(report["summary"]["documents"], 3);
    assert!(temporaries(d).is_empty());
}

#[test]
fn dev_stdout_and_dev_fd_are_the_open_files_they_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(3));
    let args = [
        "check",
        "e.ndjson",
        NOW,
        "--no-config",
        "--format",
        "json",
        "--output",
    ];
    let alone = run_in(d, &[&args[..], &["-"]].concat(), None);
    assert_eq!(code(&alone), 1);
    // stdout a pipe
    let o = run_in(d, &[&args[..], &["/dev/stdout"]].concat(), None);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&alone));
    // `--output >(cmd)`: a pipe on another descriptor
    let o = run_sh(
        d,
        "exec 3>&1; \"$0\" \"$@\" >/dev/null",
        &[&args[..], &["/dev/fd/3"]].concat(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&alone));
    // a descriptor open on a file: `3>` empties it, `3>>` appends to it
    write(&d.join("log.txt"), "before\n");
    let o = run_sh(
        d,
        "\"$0\" \"$@\" 3>out.json 4>>log.txt",
        &[
            &args[..],
            &["/dev/fd/3", "--format", "sarif", "--output", "/dev/fd/4"],
        ]
        .concat(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("out.json")).expect("out.json"),
        stdout(&alone)
    );
    let log = std::fs::read_to_string(d.join("log.txt")).expect("log.txt");
    assert!(log.starts_with("before\n{"), "{log}");
    assert!(temporaries(d).is_empty());
}

#[test]
fn a_new_report_follows_the_umask_and_a_replaced_one_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(1));
    let mode = |name: &str| {
        std::fs::metadata(d.join(name))
            .expect("the report")
            .permissions()
            .mode()
            & 0o777
    };
    write(&d.join("kept.json"), "old");
    std::fs::set_permissions(d.join("kept.json"), std::fs::Permissions::from_mode(0o604))
        .expect("chmod");
    let o = run_sh(
        d,
        "umask 027; exec \"$0\" \"$@\"",
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "new.json",
            "--format",
            "sarif",
            "--output",
            "kept.json",
        ],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(mode("new.json"), 0o640, "0666 less the umask");
    assert_eq!(
        mode("kept.json"),
        0o604,
        "the mode it had, whatever the umask"
    );
    assert!(json_file(&d.join("kept.json"))["runs"].is_array());
}

#[test]
fn a_link_to_a_regular_file_replaces_that_file_and_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(1));
    std::fs::create_dir(d.join("reports")).expect("folder");
    write(&d.join("reports/real.json"), "old");
    std::fs::set_permissions(
        d.join("reports/real.json"),
        std::fs::Permissions::from_mode(0o600),
    )
    .expect("chmod");
    std::os::unix::fs::symlink("reports/real.json", d.join("link.json")).expect("link");
    let o = run_in(
        d,
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "link.json",
        ],
        None,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let link = std::fs::symlink_metadata(d.join("link.json")).expect("the link");
    assert!(link.file_type().is_symlink(), "the link stays");
    assert_whole_json(&d.join("reports/real.json"));
    let real = std::fs::metadata(d.join("reports/real.json")).expect("the file");
    assert_eq!(real.permissions().mode() & 0o777, 0o600);
    assert!(temporaries(d).is_empty() && temporaries(&d.join("reports")).is_empty());

    std::os::unix::fs::symlink("missing/r.json", d.join("dangling.json")).expect("link");
    let o = run_in(
        d,
        &[
            "check",
            "e.ndjson",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--output",
            "dangling.json",
        ],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains(
            "cannot write `dangling.json`: it is a symbolic link to `missing/r.json`, which does not exist"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_missing_tmpdir_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(&d.join("e.ndjson"), &bad_lines(1));
    let o = Command::new(bin())
        .args(["check", "e.ndjson", NOW, "--no-config", "--format", "json"])
        .current_dir(d)
        .env("TMPDIR", d.join("gone"))
        .output()
        .expect("eventlint runs");
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("the json report needs a temporary file, and the temporary folder `")
            && err.contains("gone` (TMPDIR) does not exist"),
        "{err}"
    );
    assert!(!err.contains("stdout"), "{err}");
}

/// The peak memory (`VmHWM`, KiB) of a run whose only report prints to stdout, taken once it
/// starts printing: SARIF, `JUnit` and JSON print nothing before the end, and the run then
/// waits for the test to read on.
fn peak_memory(dir: &Path, format: &str) -> u64 {
    let mut child = Command::new(bin())
        .args([
            "check",
            "many.ndjson",
            NOW,
            "--no-config",
            "--format",
            format,
        ])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("eventlint runs");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 1];
    out.read_exact(&mut first).expect("the report starts");
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).expect("/proc status");
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    std::io::copy(&mut out, &mut std::io::sink()).expect("the rest");
    assert_eq!(child.wait().expect("exit").code(), Some(1));
    peak
}

#[test]
fn sarif_and_junit_hold_no_more_memory_than_json() {
    if !Path::new("/proc/self/status").exists() {
        return; // not Linux
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // About 3 findings a line: 60,000 results, which the SARIF log used to hold as values
    // (hundreds of megabytes).
    write(&d.join("many.ndjson"), &bad_lines(20_000));
    let json = peak_memory(d, "json");
    for format in ["sarif", "junit"] {
        let peak = peak_memory(d, format);
        assert!(
            peak < 2 * json + 16 * 1024,
            "--format {format} peaked at {peak} KiB, --format json at {json} KiB"
        );
    }
}
